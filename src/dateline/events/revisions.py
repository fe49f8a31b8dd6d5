"""Scheduled events and the revisions of their expected date.

A scheduled event is a happening reported before it takes place ("premieres in theaters on July 12th"). Each
report of it is kept with its expected date, when the store first saw it and from which outlet, so the history
shows the date as it moved ("expected next spring", later "delayed to 2025"). Reports of one scheduled event are
those grouped as the same happening, or announcing the same kind of happening (a premiere, a vote, a trial) with
another word in common, or sharing enough content words, whatever their dates.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateline.events.grouping import components
from dateline.events.record import Event, find_events
from dateline.store.events import Report

# Word beginnings naming what kind of thing is scheduled; reports sharing one announce the same kind of happening.
_KINDS = {
    "premier": "release", "releas": "release", "theater": "release", "theatre": "release", "cinema": "release",
    "debut": "release", "launch": "launch", "vote": "vote", "voting": "vote", "ballot": "vote",
    "referend": "vote", "election": "vote", "trial": "trial", "hearing": "trial", "verdict": "trial",
    "sentenc": "trial", "summit": "meeting", "meeting": "meeting", "talks": "meeting", "conference": "meeting",
    "deadline": "deadline", "wedding": "ceremony", "funeral": "ceremony", "inaugurat": "ceremony",
    "ceremony": "ceremony", "strike": "strike", "walkout": "strike", "earning": "results", "results": "results",
}
_SHARED, _RATIO = 3, 0.3


def kinds(terms: frozenset[str]) -> frozenset[str]:
    """The kinds of scheduled happening a sentence's content words announce."""
    return frozenset(kind for term in terms for prefix, kind in _KINDS.items() if term.startswith(prefix))


class Change(StrEnum):
    """How a report's expected date relates to the report before it."""

    FIRST = "first report"
    CONFIRMED = "confirmed"
    REFINED = "refined"
    EARLIER = "moved earlier"
    LATER = "moved later"


@dataclass(frozen=True)
class ExpectedDate:
    """One report of a scheduled event: the date it expected, when and by whom it was reported."""

    report: Report
    change: Change

    @property
    def width(self) -> int:
        """Days the expected date spans (1 for a day)."""
        return self.report.mention.width


@dataclass(frozen=True)
class Schedule:
    """A scheduled event and the history of its expected date, oldest report first.

    `current` is what the event is expected on (as of the date asked): the latest report, unless it only
    confirms an earlier, more precise one ("next week" after "July 12th" still means July 12th). Each report's
    change is judged against the expectation standing when it came in.
    """

    id: str
    history: tuple[ExpectedDate, ...]
    current: ExpectedDate

    @property
    def revised(self) -> bool:
        """The expected date moved at least once."""
        return any(h.change in (Change.EARLIER, Change.LATER) for h in self.history)


def _change(previous: Report | None, report: Report) -> Change:
    if previous is None:
        return Change.FIRST
    old, new = previous.mention, report.mention
    if new.earliest > old.latest:
        return Change.LATER
    if new.latest < old.earliest:
        return Change.EARLIER
    if new.width < old.width and old.earliest <= new.earliest and new.latest <= old.latest:
        return Change.REFINED
    return Change.CONFIRMED


def _related_pairs(reports: dict[int, Report]) -> list[tuple[int, int]]:
    """Pairs of reports announcing the same kind of happening with another word in common, or sharing enough
    content words; found through an index of words, so only pairs with something in common are compared."""
    postings: dict[str, list[int]] = {}
    for key in sorted(reports):
        for term in reports[key].mention.terms:
            postings.setdefault(term, []).append(key)
    pairs = []
    for key in sorted(reports):
        mention = reports[key].mention
        shared = Counter(other for term in mention.terms for other in postings[term] if other > key)
        for other, count in shared.items():
            theirs = reports[other].mention
            smaller = min(len(mention.terms), len(theirs.terms))
            same_kind = bool(kinds(mention.terms) & kinds(theirs.terms))
            if (same_kind and count >= 2) or (count >= _SHARED and count / smaller >= _RATIO):
                pairs.append((key, other))
    return pairs


def schedule(reports: list[Report]) -> Schedule:
    """One scheduled event from its reports: one step per distinct date an article gave, oldest first."""
    ordered = sorted(reports, key=lambda r: (r.first_seen_at, r.mention.article_id, r.mention.sentence, r.mention.k))
    said: set[tuple[str, date, date]] = set()
    steps: list[ExpectedDate] = []
    current: ExpectedDate | None = None
    for report in ordered:
        claim = (report.mention.article_id, report.mention.earliest, report.mention.latest)
        if claim in said:
            continue
        said.add(claim)
        step = ExpectedDate(report, _change(current.report if current else None, report))
        steps.append(step)
        if current is None or step.change is not Change.CONFIRMED or step.width <= current.width:
            current = step
    first = ordered[0].mention
    return Schedule(f"{first.article_id}:{first.sentence}:{first.k}", tuple(steps), current or steps[0])


def schedules_from(events: list[Event]) -> list[Schedule]:
    """Group the future-dated reports of `events` into scheduled events, each with its date history."""
    reports: dict[int, Report] = {}
    edges: list[tuple[int, int]] = []
    for event in events:
        ahead = [r for r in event.mentions if r.mention.future]
        reports.update((r.id, r) for r in ahead)
        edges.extend((ahead[0].id, r.id) for r in ahead[1:])
    edges.extend(_related_pairs(reports))
    schedules = [schedule([reports[i] for i in group]) for group in components(reports, edges)]
    return sorted(schedules, key=lambda s: (s.history[0].report.first_seen_at, s.id))


def find_schedules(conn: sqlite3.Connection, query: str | None, *, as_of: str | None = None) -> list[Schedule]:
    """The scheduled events matching `query` known as of `as_of`, with the history of their expected dates."""
    return schedules_from(find_events(conn, query, as_of=as_of, min_mentions=1))
