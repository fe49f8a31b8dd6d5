"""Timeline summarization: pick the dates that matter and, for each, a few non-redundant sentences.

Pure function over dated candidate sentences (no database, no clock), so the same code serves the
`dateline timeline` command and the Timeline17 evaluation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass


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


def summarize(candidates: Sequence[Candidate], *, n_dates: int | None = None, per_date: int | None = None,
              query: str | None = None) -> list[TimelineEntry]:
    """Choose `n_dates` dates and up to `per_date` sentences each from `candidates`, in date order."""
    by_date: dict[dt.date, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_date[candidate.date].append(candidate)
    votes = Counter({day: len({c.article_id for c in group}) for day, group in by_date.items()})
    n = n_dates if n_dates is not None else min(len(votes), 10)
    k = per_date if per_date is not None else 1
    chosen = sorted(day for day, _ in votes.most_common(n))
    return [TimelineEntry(day, by_date[day][:k]) for day in chosen]
