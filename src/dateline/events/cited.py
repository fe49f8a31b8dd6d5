"""The published timeline: the summarizer's dates and sentences, each with its sources, as users see it.

Built from `dateline.timeline.summarize`'s entries and the candidates they were chosen from: for each date, the
outlets and articles that reported on it, which one was first (by when the store first saw it), and whether the
date was still ahead when the timeline was written (as of its date). Exporters (`dateline.export`) read this.
"""

from __future__ import annotations

import gc
import itertools
import sqlite3
import statistics
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.asof import parse_as_of
from dateline.events.candidates import Sample, timeline_candidates
from dateline.events.record import outlet
from dateline.timeline.summarize import Candidate, TimelineEntry, summarize


@dataclass(frozen=True)
class CitedDate:
    """One date of a timeline: its chosen sentences and everything reported about it.

    `precision` is `day`, `month` or `year` (how much of `date` is meaningful); `articles` and `sources` are
    every article and outlet with a candidate sentence on this date, in order of first report.
    """

    date: date
    sentences: tuple[Candidate, ...]
    articles: tuple[str, ...]
    sources: tuple[str, ...]
    first_reported_at: str
    first_source: str
    expected: bool = False
    precision: str = "day"

    @property
    def unique_id(self) -> str:
        return f"d-{self.date.isoformat()}"


@dataclass(frozen=True)
class Era:
    """A phase of a timeline: a run of dates separated from the next by a long quiet gap."""

    start: date
    end: date
    headline: str


@dataclass(frozen=True)
class CitedTimeline:
    """A timeline as published: what it is about, when it was written (as of), its dates and phases, and the
    sample of articles it was made from when its words are in too many to read them all."""

    title: str
    as_of: str | None
    dates: tuple[CitedDate, ...]
    eras: tuple[Era, ...] = ()
    sample: Sample | None = None


def cite(entries: Sequence[TimelineEntry], candidates: Sequence[Candidate], *, as_of: str | None = None
         ) -> tuple[CitedDate, ...]:
    """Each summarized date with the articles and outlets behind it, first report first."""
    by_date: dict[date, list[Candidate]] = {}
    for candidate in candidates:
        by_date.setdefault(candidate.date, []).append(candidate)
    written = parse_as_of(as_of).date() if as_of is not None else None
    cited = []
    for entry in entries:
        support = sorted(by_date.get(entry.date, list(entry.sentences)),
                         key=lambda c: (c.first_seen_at, c.article_id, c.sentence))
        cited.append(CitedDate(
            entry.date, tuple(entry.sentences),
            tuple(dict.fromkeys(c.article_id for c in support)),
            tuple(dict.fromkeys(outlet(c.source, c.article_id) for c in support)),
            support[0].first_seen_at, outlet(support[0].source, support[0].article_id),
            expected=written is not None and entry.date > written,
        ))
    return tuple(cited)


def _span_name(start: date, end: date) -> str:
    first, last = start.strftime("%B %Y"), end.strftime("%B %Y")
    return first if first == last else f"{first} – {last}"


def eras(dates: Sequence[date], *, min_gap_days: int = 30) -> tuple[Era, ...]:
    """Phases of a timeline: split where the gap between consecutive dates is both at least `min_gap_days` and
    three times the median gap. No phases (empty) when nothing splits, or with fewer than four dates."""
    ordered = sorted(set(dates))
    if len(ordered) < 4:
        return ()
    gaps = [(b - a).days for a, b in itertools.pairwise(ordered)]
    limit = max(min_gap_days, 3 * statistics.median(gaps))
    runs, current = [], [ordered[0]]
    for day, gap in zip(ordered[1:], gaps, strict=True):
        if gap >= limit:
            runs.append(current)
            current = []
        current.append(day)
    runs.append(current)
    if len(runs) < 2:
        return ()
    return tuple(Era(run[0], run[-1], _span_name(run[0], run[-1])) for run in runs)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector (if it runs) for the duration: a timeline of a common word makes 100,000s of
    objects that live until it is done and form no cycles, and the collector's passes over them cost a third of the
    time. Reference counting still frees everything; the collector runs again once any thread that paused it ends."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def make_timeline(conn: sqlite3.Connection, query: str | None, *, entity: str | None = None,
                  start: date | None = None, end: date | None = None, as_of: str | None = None,
                  n_dates: int | None = None, per_date: int | None = None) -> CitedTimeline:
    """The timeline of `query` and/or `entity` as it could have been written as of `as_of`."""
    with _no_cycle_collection():
        pool = timeline_candidates(conn, query, entity=entity, start=start, end=end, as_of=as_of)
        entries = summarize(pool.candidates, n_dates=n_dates, per_date=per_date, query=query)
    dates = cite(entries, pool.candidates, as_of=as_of)
    about = " / ".join(part for part in (query, entity) if part) or "all news"
    return CitedTimeline(f"Timeline: {about}", as_of, dates, eras([d.date for d in dates]), pool.sample)


def timeline_dict(timeline: CitedTimeline) -> dict[str, Any]:
    """`timeline` as plain JSON-ready data (the `--format json` output)."""
    return {
        "title": timeline.title,
        "as_of": timeline.as_of,
        "dates": [{
            "date": d.date.isoformat(), "precision": d.precision, "expected": d.expected,
            "sources": list(d.sources), "articles": list(d.articles), "first_reported_at": d.first_reported_at,
            "first_source": d.first_source,
            "sentences": [{"text": s.text, "article_id": s.article_id, "sentence": s.sentence, "source": s.source,
                           "published": s.published.isoformat(), "first_seen_at": s.first_seen_at, "rule": s.rule}
                          for s in d.sentences],
        } for d in timeline.dates],
        "eras": [{"start": e.start.isoformat(), "end": e.end.isoformat(), "headline": e.headline}
                 for e in timeline.eras],
        "sample": None if timeline.sample is None else {"read": timeline.sample.read,
                                                        "matched": timeline.sample.matched},
    }
