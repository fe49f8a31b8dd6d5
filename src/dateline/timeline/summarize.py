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
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

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
    skip_stamps: bool = True
    """Never pick sentences with a clock time: update, post and comment stamps ("Updated 5:45 p.m.")."""
    max_words: int = 60
    """Sentences longer than this (in words) are never picked: run-ons and page furniture."""


DEFAULT = Settings()

Vector = dict[str, float]

_STAMP = re.compile(r"\b\d{1,2}[:.]\d{2} ?(?:[ap]\.? ?m\b|GMT|BST|EST|EDT|ET\b|UTC)", re.IGNORECASE)


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


def _vectors(candidates: Sequence[Candidate]) -> dict[tuple[str, int], Vector]:
    """Unit-length TF-IDF vectors of the candidate sentences (smoothed IDF over the candidates given)."""
    bags = {(c.article_id, c.sentence): Counter(tokens([c.text])) for c in candidates}
    frequency: Counter[str] = Counter()
    for bag in bags.values():
        frequency.update(bag.keys())
    n = len(bags)
    idf = {term: math.log((1 + n) / (1 + count)) + 1 for term, count in frequency.items()}
    vectors: dict[tuple[str, int], Vector] = {}
    for key, bag in bags.items():
        raw = {t: tf * idf[t] for t, tf in bag.items()}
        norm = _norm(raw)
        vectors[key] = {t: w / norm for t, w in raw.items()}
    return vectors


def _mean(vectors: Sequence[Vector]) -> Vector:
    total: Vector = defaultdict(float)
    for vector in vectors:
        for term, weight in vector.items():
            total[term] += weight / len(vectors)
    return total


def day_centroid(mentioning: Sequence[Vector], published: Sequence[Vector]) -> Vector:
    """What the day's reports share: the terms found both in sentences naming the day and in sentences published
    on it, weighted by their mean weight in each (either side alone when the other is empty)."""
    if not mentioning or not published:
        return _mean([*mentioning, *published])
    named, dated = _mean(mentioning), _mean(published)
    return {term: weight + dated[term] for term, weight in named.items() if term in dated}


def pick_sentences(day: dt.date, mentioning: Sequence[Candidate], published: Sequence[Candidate],
                   vectors: dict[tuple[str, int], Vector], k: int,
                   settings: Settings = DEFAULT) -> list[Candidate]:
    """Up to `k` central, non-redundant sentences about `day`, most central first."""
    def key(c: Candidate) -> tuple[str, int]:
        return (c.article_id, c.sentence)

    centroid = day_centroid([vectors[key(c)] for c in mentioning], [vectors[key(c)] for c in published])
    pool = {key(c): c for c in [*mentioning, *published]
            if len(c.text.split()) <= settings.max_words and not (settings.skip_stamps and _STAMP.search(c.text))}
    def score(c: Candidate) -> float:
        bonus = settings.named_bonus if c.rule == "timex" and c.date == day else 0.0
        return _cosine(vectors[key(c)], centroid) + bonus

    scored = sorted(((score(c), k_, c) for k_, c in pool.items()), key=lambda item: (-item[0], item[1]))
    chosen: list[Candidate] = []
    seen_texts: set[str] = set()
    for _, _, candidate in scored:
        if len(chosen) == k:
            break
        vector = vectors[key(candidate)]
        if candidate.text in seen_texts or any(
                _cosine(vector, vectors[key(other)]) >= settings.max_similarity for other in chosen):
            continue
        chosen.append(candidate)
        seen_texts.add(candidate.text)
    return [replace(c, date=day) for c in chosen]


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
    mentioning: dict[dt.date, list[Candidate]] = defaultdict(list)
    published: dict[dt.date, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.rule == "timex" and c.date in chosen_days:
            mentioning[c.date].append(c)
        if c.published in chosen_days:
            published[c.published].append(c)
    vectors = _vectors(candidates)
    entries: list[TimelineEntry] = []
    used: set[tuple[str, int]] = set()
    for day in ranked:
        fresh = [[c for c in group[day] if (c.article_id, c.sentence) not in used] for group in (mentioning, published)]
        picked = pick_sentences(day, fresh[0], fresh[1], vectors, k, settings)
        used.update((c.article_id, c.sentence) for c in picked)
        entries.append(TimelineEntry(day, picked))
    entries.sort(key=lambda entry: entry.date)
    return [entry for entry in entries if entry.sentences]
