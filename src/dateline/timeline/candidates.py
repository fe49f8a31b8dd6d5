"""From an article's text to dated candidate sentences for the summarizer.

A sentence is about each single day its own date expressions name (rule `timex`); a sentence that names no day
is about the day its article was published (rule `published`). Lines are kept apart (a line break always ends a
sentence), so corpora that come one sentence a line, like Timeline17, keep their segmentation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from dateline.text.sentences import sentences
from dateline.timeline.summarize import Candidate


class DayTimex(Protocol):
    """What dating needs of a time expression: its span, TIMEX3 type, and first and last day (ISO) if any."""

    @property
    def start(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def end(self) -> int: ...
    @property
    def earliest(self) -> str | None: ...
    @property
    def latest(self) -> str | None: ...


Tagger = Callable[[str, dt.date], Sequence[DayTimex]]
"""Finds the time expressions of a text, resolved against an anchor day."""


def default_tagger() -> Tagger | None:
    """dateline's temporal tagger, or None where it is not available."""
    try:
        from dateline.temporal import tag
    except ImportError:
        return None

    def tagger(text: str, anchor: dt.date) -> Sequence[DayTimex]:
        return tag(text, anchor=anchor)

    return tagger


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, never crossing a line break."""
    position = 0
    for line in text.split("\n"):
        for sentence in sentences(line):
            yield position + sentence.start, position + sentence.end
        position += len(line) + 1


def _day(timex: DayTimex) -> dt.date | None:
    """The day a DATE expression names, if it names exactly one. Clock times (TIME) are left out: in news they stamp
    updates, posts and comments ("Updated 5:45 p.m.", "January 13, 2010 at 11:45 pm") rather than date events."""
    if timex.type != "DATE" or timex.earliest is None or timex.earliest != timex.latest:
        return None
    return dt.date.fromisoformat(timex.earliest)


def article_candidates(article_id: str, text: str, published: dt.date, *, tagger: Tagger | None,
                       source: str | None = None, first_seen_at: str = "") -> list[Candidate]:
    """Every sentence of one article with the day it is about: one candidate for each distinct day its own time
    expressions name, or one dated by the article when they name none."""
    days: list[tuple[int, dt.date]] = []
    if tagger is not None:
        days = sorted((t.start, day) for t in tagger(text, published) if (day := _day(t)) is not None)
    seen = first_seen_at or published.isoformat()
    result: list[Candidate] = []
    cursor = 0
    for index, (start, end) in enumerate(split_sentences(text)):
        while cursor < len(days) and days[cursor][0] < start:
            cursor += 1
        own: list[dt.date] = []
        while cursor < len(days) and days[cursor][0] < end:
            if days[cursor][1] not in own:
                own.append(days[cursor][1])
            cursor += 1
        sentence = text[start:end]
        result += [Candidate(day, sentence, article_id, index, published, source, seen, "timex") for day in own]
        if not own:
            result.append(Candidate(published, sentence, article_id, index, published, source, seen, "published"))
    return result
