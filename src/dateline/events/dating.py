"""Dated event mentions: for every sentence, the date or interval it is about, and the rule that gave it.

A sentence with its own dated time expressions is about each of them (rule `timex`); a sentence without one is
about the day the article was published (rule `published`). A date after the publication day marks a scheduled
event: something announced before it happens.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property

from dateline.article import Precision, PublishedAt
from dateline.events.terms import content_terms
from dateline.temporal import Timex
from dateline.text import Sentence


class Rule(StrEnum):
    """Where a mention's date came from."""

    TIMEX = "timex"
    PUBLISHED = "published"


# Modifiers that put the happening outside the interval ("before July"): such an expression dates nothing.
_OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"})
_DATED_TYPES = frozenset({"DATE", "TIME"})

_PRECISIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}X?$"), "decade"),
    (re.compile(r"^\d{2}(?:XX)?$"), "century"),
)


def precision_of(value: str, earliest: date, latest: date) -> str:
    """How precise a date is: from its TIMEX3 value where that says it, else from the interval's length."""
    for pattern, name in _PRECISIONS:
        if pattern.match(value):
            return name
    width = (latest - earliest).days + 1
    for limit, name in ((1, "day"), (7, "week"), (31, "month"), (92, "quarter"), (366, "year")):
        if width <= limit:
            return name
    return "range"


@dataclass(frozen=True)
class EventMention:
    """One sentence's claim about one date: `[earliest, latest]` inclusive, with how it was found."""

    article_id: str
    sentence: int
    k: int
    earliest: date
    latest: date
    value: str
    precision: str
    rule: Rule
    timex: int | None
    future: bool
    terms: frozenset[str]

    @cached_property
    def width(self) -> int:
        """Days in the interval (1 for a single day)."""
        return (self.latest - self.earliest).days + 1

    @property
    def key(self) -> tuple[str, int, int]:
        """The mention's identity, independent of storage order."""
        return (self.article_id, self.sentence, self.k)


def published_interval(published: PublishedAt) -> tuple[date, date, str, str]:
    """The days a publication date covers: (earliest, latest, value, precision)."""
    first = published.day
    if published.precision is Precision.YEAR:
        return first.replace(month=1, day=1), date(first.year, 12, 31), f"{first.year:04d}", "year"
    if published.precision is Precision.MONTH:
        start = first.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return start, end, start.isoformat()[:7], "month"
    return first, first, first.isoformat(), "day"


def _interval(timex: Timex) -> tuple[date, date] | None:
    if timex.type not in _DATED_TYPES or timex.mod in _OPEN_MODS or not timex.earliest or not timex.latest:
        return None
    try:
        earliest, latest = date.fromisoformat(timex.earliest), date.fromisoformat(timex.latest)
    except ValueError:
        return None
    return (earliest, latest) if earliest <= latest else None


def date_sentences(article_id: str, text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex],
                   published: PublishedAt) -> list[EventMention]:
    """Every sentence's dated mentions: one per distinct interval of its own timexes, else the publication date.

    `timexes` are indexed as stored (`timexes.idx` = position in the sequence); offsets point into `text`.
    """
    starts = [s.start for s in sentences]
    own: dict[int, list[tuple[int, Timex, date, date]]] = {}
    for index, timex in enumerate(timexes):
        interval = _interval(timex)
        position = bisect.bisect_right(starts, timex.start) - 1
        if interval is None or position < 0 or timex.start >= sentences[position].end:
            continue
        own.setdefault(position, []).append((index, timex, *interval))
    pub_first, pub_last, pub_value, pub_precision = published_interval(published)
    found: list[EventMention] = []
    for position, sentence in enumerate(sentences):
        dated = own.get(position, [])
        skip = [(t.start - sentence.start, t.end - sentence.start) for _, t, _, _ in dated]
        terms = content_terms(text[sentence.start:sentence.end], skip)
        if not dated:
            found.append(EventMention(article_id, sentence.index, 0, pub_first, pub_last, pub_value,
                                      pub_precision, Rule.PUBLISHED, None, False, terms))
            continue
        seen: set[tuple[date, date]] = set()
        for index, timex, earliest, latest in dated:
            if (earliest, latest) in seen:
                continue
            seen.add((earliest, latest))
            found.append(EventMention(
                article_id, sentence.index, len(seen) - 1, earliest, latest, timex.value,
                precision_of(timex.value, earliest, latest), Rule.TIMEX, index, earliest > pub_last, terms,
            ))
    return found
