"""Timeline summarization: pick the dates that matter and, for each, a few non-redundant sentences.

Pure function over dated candidate sentences (no database, no clock), so the same code serves the
`dateline timeline` command and the Timeline17 evaluation.

Dates. A day matters when many articles write about it: articles published that day, and above all sentences in
articles published on other days whose own time expression points at it (a later article recalling "the April 20
explosion" is a vote that April 20 mattered). Each day gets `volume share + weight x reference share`, counted in
distinct articles so that one long article cannot carry a day.

Sentences. A day's reports are the sentences that name it and those published on it or the day after. Their
centroid keeps the terms both kinds share (DATEWISE's "PM-mean": what the day's coverage and the later look-backs
agree on). Sentences are scored by TF-IDF cosine similarity to it, with small bonuses for naming the day (more when
looking back), plus their TF-IDF cosine to the whole topic (the mean of every keyword sentence of the task: reference
timelines tell the story of the topic, so a sentence that sums up the day in the topic's own terms beats one about a
side story of that day), a small bonus for an article's lead sentences (news puts what happened first) and a small
penalty for quotations. They are picked greedily, skipping any sentence too similar to one already picked (maximal
marginal relevance), and no sentence serves two days.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

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
    """The knobs of the summarizer. Defaults were chosen on Timeline17; `benchmarks/tls.py --loto` re-chooses them
    leave-one-topic-out and reports that score too."""

    reference_weight: float = 6.0
    """Weight of the share of articles that refer to a day from another day, against the share published on it."""
    pub_window: int = 2
    """Articles published up to this many days after a day also report it (its "published" sentences)."""
    named_bonus: float = 0.1
    """Added to the centroid similarity of a sentence whose own date expression names the day..."""
    retro_bonus: float = 0.05
    """...and this on top when the sentence was published after the day (a look back: "On April 20, the rig...")."""
    quote_penalty: float = 0.05
    """Subtracted from sentences with quotation marks: reported speech rather than what happened."""
    topic_weight: float = 1.0
    """Weight of a sentence's cosine similarity to the topic centroid (mean of the keyword sentences given)."""
    lead_bonus: float = 0.05
    """Added to the first `lead_sentences` sentences of an article: news writes what happened first."""
    lead_sentences: int = 3
    """How many first sentences of an article count as its lead."""
    query_bonus: float = 0.5
    """Added times the share of the query's words a sentence uses."""
    max_similarity: float = 0.4
    """A sentence at least this similar (cosine) to one already picked for the day is redundant."""
    max_words: int = 60
    """Sentences longer than this (in words) are never picked: run-ons, glued headlines and page furniture."""
    skip_stamps: bool = True
    """Never pick sentences with a clock time: update, post and comment stamps ("Updated 5:45 p.m.")."""


DEFAULT = Settings()

Vector = dict[str, float]

_STAMP = re.compile(r"\b\d{1,2}[:.]\d{2} ?(?:[ap]\.? ?m\b|GMT|BST|EST|EDT|ET\b|UTC)", re.IGNORECASE)


@lru_cache(maxsize=1 << 18)
def _terms(text: str) -> tuple[str, ...]:
    """A sentence's ROUGE tokens (stemmed, no stop words), cached: tasks on one corpus share most sentences."""
    return tuple(tokens([text]))


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


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
    bags = {(c.article_id, c.sentence): _bag(c.text) for c in candidates}
    frequency = Counter(term for bag in bags.values() for term in bag)
    n = len(bags)
    idf = {term: math.log((1 + n) / (1 + count)) + 1 for term, count in frequency.items()}
    return {key: unit({t: tf * idf[t] for t, tf in bag.items()}) for key, bag in bags.items()}


@lru_cache(maxsize=1 << 18)
def _bag(text: str) -> dict[str, int]:
    """A sentence's term counts (read only), cached like `_terms`."""
    return dict(Counter(_terms(text)))


def _mean(vectors: Sequence[Vector]) -> Vector:
    total: Vector = defaultdict(float)
    size = len(vectors)
    for vector in vectors:
        for term, weight in vector.items():
            total[term] += weight / size
    return total


def unit(vector: Vector) -> Vector:
    """`vector` scaled to length 1 (unchanged when empty)."""
    norm = _norm(vector)
    return {term: weight / norm for term, weight in vector.items()}


def day_centroid(mentioning: Sequence[Vector], published: Sequence[Vector]) -> Vector:
    """What the day's reports share: the terms found both in sentences naming the day and in sentences published
    on it, weighted by their mean weight in each (either side alone when the other is empty)."""
    if not mentioning or not published:
        return _mean([*mentioning, *published])
    named, dated = _mean(mentioning), _mean(published)
    return {term: weight + dated[term] for term, weight in named.items() if term in dated}


_QUOTES = re.compile("``|\"|\u201c|\u201d")


def pick_sentences(day: dt.date, centroid: Vector, candidates: Sequence[Candidate],
                   vectors: dict[tuple[str, int], Vector], k: int, settings: Settings = DEFAULT,
                   query: frozenset[str] = frozenset(), topic: Vector | None = None) -> list[Candidate]:
    """Up to `k` non-redundant sentences about `day` among `candidates`, closest to the day's centroid (and to the
    unit-length `topic` centroid, if given) first. `vectors` are unit length, so a dot product is their cosine."""
    def key(c: Candidate) -> tuple[str, int]:
        return (c.article_id, c.sentence)

    centroid_norm = _norm(centroid)

    def score(c: Candidate) -> float:
        value = _dot(vectors[key(c)], centroid) / centroid_norm
        if c.rule == "timex" and c.date == day:
            value += settings.named_bonus + (settings.retro_bonus if c.published > day else 0.0)
        if topic is not None:
            value += settings.topic_weight * _dot(vectors[key(c)], topic)
        if c.sentence < settings.lead_sentences:
            value += settings.lead_bonus
        if _QUOTES.search(c.text):
            value -= settings.quote_penalty
        if query:
            value += settings.query_bonus * len(query & set(vectors[key(c)])) / len(query)
        return value

    pool = {key(c): c for c in candidates
            if len(c.text.split()) <= settings.max_words and not (settings.skip_stamps and _STAMP.search(c.text))}
    chosen: list[Candidate] = []
    for _, _, candidate in sorted(((-score(c), k_, c) for k_, c in pool.items()), key=lambda item: item[:2]):
        if len(chosen) == k:
            break
        vector = vectors[key(candidate)]
        if any(candidate.text == other.text or _dot(vector, vectors[key(other)]) >= settings.max_similarity
               for other in chosen):
            continue
        chosen.append(candidate)
    return [replace(c, date=day) for c in chosen]


def default_size(scores: dict[dt.date, float]) -> int:
    """How many dates to show when the caller does not say: the days scoring at least a quarter of the best day,
    between 3 and 30."""
    if not scores:
        return 0
    best = max(scores.values())
    return max(3, min(30, sum(1 for s in scores.values() if s >= best / 4)))


def keyword_filter(keywords: Sequence[str]) -> re.Pattern[str]:
    """Matches a text containing a word that starts with one of `keywords`, in any case."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, keywords)) + ")", re.IGNORECASE)


def summarize(candidates: Sequence[Candidate], *, n_dates: int | None = None, per_date: int | None = None,
              query: str | None = None, keywords: Sequence[str] | None = None,
              settings: Settings = DEFAULT) -> list[TimelineEntry]:
    """Choose `n_dates` dates and up to `per_date` sentences each from `candidates`, in date order.

    `None` picks the sizes from the corpus (`default_size` dates, 2 sentences a date). Dates are scored on all
    candidates; with `keywords`, only sentences containing one of them may be picked, and a day without any is
    passed over for the next best. Sentences that use the words of `query` are preferred.
    """
    if not candidates:
        return []
    scores = date_scores(candidates, settings)
    n = default_size(scores) if n_dates is None else n_dates
    k = 2 if per_date is None else per_date
    pattern = keyword_filter(keywords) if keywords else None
    mentioning: dict[dt.date, list[Candidate]] = defaultdict(list)
    published: dict[dt.date, list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.rule == "timex":
            mentioning[c.date].append(c)
        for lag in range(settings.pub_window + 1):
            published[c.published - dt.timedelta(days=lag)].append(c)
    vectors = _vectors(candidates)
    topic = unit(_mean([vectors[(c.article_id, c.sentence)] for c in candidates
                        if pattern is None or pattern.search(c.text)]))
    wanted = frozenset(tokens([query])) if query else frozenset()
    entries: list[TimelineEntry] = []
    used: set[tuple[str, int]] = set()
    for day in sorted(scores, key=lambda day: (-scores[day], day)):
        if len(entries) == n:
            break
        centroid = day_centroid([vectors[(c.article_id, c.sentence)] for c in mentioning[day]],
                                [vectors[(c.article_id, c.sentence)] for c in published[day]])
        pool = [c for c in [*mentioning[day], *published[day]]
                if (c.article_id, c.sentence) not in used and (pattern is None or pattern.search(c.text))]
        picked = pick_sentences(day, centroid, pool, vectors, k, settings, wanted, topic)
        if picked:
            used.update((c.article_id, c.sentence) for c in picked)
            entries.append(TimelineEntry(day, picked))
    return sorted(entries, key=lambda entry: entry.date)
