"""Timeline summarization: pick the dates that matter and, for each, a few non-redundant sentences.

Pure function over dated candidate sentences (no database, no clock), so the same code serves the
`dateline timeline` command and the Timeline17 evaluation.

Dates. A day matters when many articles write about it: articles published that day, and above all sentences in
articles published on other days whose own time expression points at it (a later article recalling "the April 20
explosion" is a vote that April 20 mattered). Each day gets `volume share + weight x reference share`, counted in
distinct articles so that one long article cannot carry a day.

Sentences. For a chosen day, its sentences are scored by TF-IDF cosine similarity to the centroid of all of that
day's sentences (what most reports of the day say), with a bonus for sentences that name the day themselves; they
are picked greedily (maximal marginal relevance), skipping any sentence too similar to one already picked.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.timeline.rouge import tokens


@dataclass(frozen=True)
class Candidate:
    """One dated sentence of an article: the day it is about and where it comes from."""

    date: dt.date
    text: str
    article_id: str
    sentence: int
    published: dt.date
    source: str | None
    first_seen_at: str
    rule: str = "timex"


@dataclass(frozen=True)
class TimelineEntry:
    """One date of a timeline with the sentences chosen for it."""

    date: dt.date
    sentences: list[Candidate]


@dataclass(frozen=True)
class Settings:
    """The knobs of the summarizer (defaults measured on Timeline17, leave-one-topic-out)."""

    reference_weight: float = 1.0
    """Weight of the share of articles that refer to a day from another day, against the share published on it."""
    named_bonus: float = 0.1
    """Added to the centroid similarity of a sentence whose own time expression names the day."""
    max_similarity: float = 0.5
    """A sentence at least this similar (cosine) to one already picked for the day is redundant."""
    max_words: int = 60
    """Sentences longer than this (in words) are never picked: run-ons and page furniture."""


DEFAULT = Settings()

Vector = dict[str, float]


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(weight * b.get(term, 0.0) for term, weight in a.items())
    return dot / (_norm(a) * _norm(b)) if dot else 0.0


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(w * w for w in vector.values())) or 1.0


def date_scores(candidates: Sequence[Candidate], settings: Settings = DEFAULT) -> dict[dt.date, float]:
    """How much each day matters: share of articles published on it plus weighted share of articles referring to it
    from another day."""
    published: dict[dt.date, set[str]] = defaultdict(set)
    referring: dict[dt.date, set[str]] = defaultdict(set)
    for c in candidates:
        published[c.published].add(c.article_id)
        if c.rule == "timex" and c.date != c.published:
            referring[c.date].add(c.article_id)
    total_published = sum(len(ids) for ids in published.values()) or 1
    total_referring = sum(len(ids) for ids in referring.values()) or 1
    days = {c.date for c in candidates}
    return {day: len(published.get(day, ())) / total_published
            + settings.reference_weight * len(referring.get(day, ())) / total_referring for day in days}


def _vectors(groups: dict[dt.date, list[Candidate]]) -> dict[tuple[str, int], Vector]:
    """TF-IDF vectors of the candidate sentences, with document frequencies over all candidates given."""
    bags = {(c.article_id, c.sentence): Counter(tokens([c.text])) for group in groups.values() for c in group}
    frequency: Counter[str] = Counter()
    for bag in bags.values():
        frequency.update(bag.keys())
    n = len(bags) + 1
    idf = {term: math.log(n / count) for term, count in frequency.items()}
    return {key: {t: (1 + math.log(tf)) * idf[t] for t, tf in bag.items()} for key, bag in bags.items()}


def _centroid(vectors: Sequence[Vector]) -> Vector:
    centroid: Vector = defaultdict(float)
    for vector in vectors:
        norm = _norm(vector)
        for term, weight in vector.items():
            centroid[term] += weight / norm
    return centroid


def pick_sentences(day: dt.date, group: Sequence[Candidate], vectors: dict[tuple[str, int], Vector], k: int,
                   settings: Settings = DEFAULT) -> list[Candidate]:
    """Up to `k` central, non-redundant sentences about `day`, most central first."""
    pool = [c for c in group if len(c.text.split()) <= settings.max_words] or list(group)
    centroid = _centroid([vectors[(c.article_id, c.sentence)] for c in pool])
    scored = sorted(
        ((_cosine(vectors[(c.article_id, c.sentence)], centroid)
          + (settings.named_bonus if c.rule == "timex" and c.date == day else 0.0), i, c) for i, c in enumerate(pool)),
        key=lambda item: (-item[0], item[1]),
    )
    chosen: list[Candidate] = []
    seen_texts: set[str] = set()
    for _, _, candidate in scored:
        if len(chosen) == k:
            break
        vector = vectors[(candidate.article_id, candidate.sentence)]
        if candidate.text in seen_texts or any(
                _cosine(vector, vectors[(other.article_id, other.sentence)]) >= settings.max_similarity
                for other in chosen):
            continue
        chosen.append(candidate)
        seen_texts.add(candidate.text)
    return chosen


def default_size(scores: dict[dt.date, float]) -> int:
    """How many dates to show when the caller does not say: the days scoring at least a quarter of the best day,
    between 3 and 30."""
    if not scores:
        return 0
    best = max(scores.values())
    return max(3, min(30, sum(1 for s in scores.values() if s >= best / 4)))


def summarize(candidates: Sequence[Candidate], *, n_dates: int | None = None, per_date: int | None = None,
              query: str | None = None, settings: Settings = DEFAULT) -> list[TimelineEntry]:
    """Choose `n_dates` dates and up to `per_date` sentences each from `candidates`, in date order.

    `None` picks the sizes from the corpus (`default_size` dates, 2 sentences a date). `query` terms, when given,
    make sentences that contain them preferred on ties (candidates are expected to be about the query already).
    """
    if not candidates:
        return []
    scores = date_scores(candidates, settings)
    n = default_size(scores) if n_dates is None else n_dates
    k = 2 if per_date is None else per_date
    ranked = sorted(scores, key=lambda day: (-scores[day], day))[:n]
    chosen_days = set(ranked)
    groups: dict[dt.date, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.date in chosen_days:
            groups[c.date].append(c)
    if query:
        wanted = set(tokens([query]))
        for day, group in groups.items():
            groups[day] = sorted(group, key=lambda c: -len(wanted & set(tokens([c.text]))))
    vectors = _vectors(groups)
    entries = [TimelineEntry(day, pick_sentences(day, groups[day], vectors, k, settings)) for day in sorted(ranked)]
    return [entry for entry in entries if entry.sentences]
