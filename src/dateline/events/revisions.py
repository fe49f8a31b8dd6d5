"""Scheduled events and the revisions of their expected date.

A scheduled event is a happening reported before it takes place ("premieres in theaters on July 12th"). Each
report of it is kept with its expected date, when the store first saw it and from which outlet, so the history
shows the date as it moved ("expected next spring", later "delayed to 2025"). Reports of one scheduled event are
those grouped as the same happening, or sharing enough telling words (fewer when they announce the same kind of
happening: a premiere, a vote, a trial), whatever their dates.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateline.events.record import Event, find_events, report_order
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
_RELATED, _RELATED_KIND = 0.5, 0.3


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


class _Relatedness:
    """How strongly two reports announce the same scheduled happening, whatever their dates: the weight of the
    content words they share over the shorter report's, each word weighing log(1 + n / reports using it), so a
    topic's everyday words ("oil", "spill") count for little. A function of the reports given (those known as of
    the date asked), so everything built on it is too."""

    def __init__(self, reports: Sequence[Report]) -> None:
        used = Counter(term for r in reports for term in r.mention.terms)
        self.weight = {term: math.log(1 + len(reports) / count) for term, count in used.items()}
        # Words used by more than a twentieth of the reports (and at least 20) never decide a match alone.
        self.telling = {term for term, count in used.items() if count <= max(20, len(reports) // 20)}

    def related(self, a: Report, b: Report) -> bool:
        mine, theirs = a.mention.terms, b.mention.terms
        smaller = min(sum(self.weight[t] for t in mine), sum(self.weight[t] for t in theirs)) or 1.0
        score = sum(self.weight[t] for t in mine & theirs) / smaller
        return score >= _RELATED or (score >= _RELATED_KIND and bool(kinds(mine) & kinds(theirs)))


def schedule(reports: list[Report]) -> Schedule:
    """One scheduled event from its reports: one step per distinct date an article gave, oldest first."""
    ordered = sorted(reports, key=report_order)
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
    """Group the future-dated reports of `events` into scheduled events, each with its date history.

    The reports of one event (one happening on one date) go together. Taken in the order the store first saw
    them, each such group joins the scheduled event whose first or latest report it relates to best, or starts a
    new one: comparing with those two only (not every report so far) keeps unrelated plans from chaining together,
    and since each decision depends only on reports seen before it, the result as of a date is the one a store
    that only saw the articles known then would give.
    """
    ahead = ([r for r in event.mentions if r.mention.future] for event in events)
    units = sorted((sorted(unit, key=report_order) for unit in ahead if unit), key=lambda unit: report_order(unit[0]))
    relatedness = _Relatedness([r for unit in units for r in unit])
    members: list[list[Report]] = []
    anchors: list[list[Report]] = []  # each scheduled event's first and latest report
    postings: dict[str, set[int]] = {}
    for unit in units:
        candidates = sorted({i for r in unit for t in r.mention.terms & relatedness.telling
                             for i in postings.get(t, ())})
        target = next((i for i in candidates if any(relatedness.related(r, a) for r in unit for a in anchors[i])),
                      None)
        if target is None:
            target = len(members)
            members.append([])
            anchors.append([unit[0]])
        members[target].extend(unit)
        anchors[target] = [anchors[target][0], unit[-1]]
        for report in unit:
            for term in report.mention.terms & relatedness.telling:
                postings.setdefault(term, set()).add(target)
    schedules = [schedule(group) for group in members]
    return sorted(schedules, key=lambda s: (s.history[0].report.first_seen_at, s.id))


def find_schedules(conn: sqlite3.Connection, query: str | None, *, as_of: str | None = None) -> list[Schedule]:
    """The scheduled events matching `query` known as of `as_of`, with the history of their expected dates."""
    return schedules_from(find_events(conn, query, as_of=as_of, min_mentions=1))
