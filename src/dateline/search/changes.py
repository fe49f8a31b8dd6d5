"""What changed between two dates: new entities, new events, revised expected dates, and stories that grew.

Every part compares two as-of views of the store (at `since` and at `until`), so the answer for a window is the
one a store ingesting the same stream would have given at `until`, and never shows anything first seen later.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from dateline.asof import as_of_bound
from dateline.entities import list_entities
from dateline.errors import Code, QueryError
from dateline.events.record import find_events
from dateline.events.revisions import Change, find_schedules
from dateline.search.bm25 import known_sql
from dateline.search.snapshot import snapshot
from dateline.search.stories import stories

AsOf = str | date | datetime
ENTITY_SCAN = 5000  # most-mentioned entities examined for newcomers


@dataclass(frozen=True)
class NewEntity:
    """An entity first named in the window."""

    id: int
    name: str
    type: str
    mentions: int
    articles: int
    first_seen_at: str


@dataclass(frozen=True)
class NewEvent:
    """An event first reported in the window, with the sentence that best describes it."""

    id: str
    earliest: str
    latest: str
    value: str
    sentence: str
    first_reported_at: str
    sources: list[str]
    articles: int


@dataclass(frozen=True)
class DateRevision:
    """A scheduled event whose expected date moved in the window: from `before` to `after` (inclusive days)."""

    event_id: str
    change: str
    before: tuple[str, str]
    after: tuple[str, str]
    sentence: str
    reported_at: str
    source: str | None
    article_id: str


@dataclass(frozen=True)
class StoryGrowth:
    """A story with articles first seen in the window: `before` distinct articles at `since`, `after` at `until`."""

    id: str
    title: str | None
    before: int
    after: int
    outlets: list[str]
    last_day: str


@dataclass(frozen=True)
class Changes:
    """Everything new between `since` (exclusive) and `until` (inclusive, None: now), as first-seen bounds.

    `articles` counts new articles, `updated` new revisions of articles known at `since`.
    """

    since: str
    until: str | None
    articles: int
    updated: int
    entities: list[NewEntity]
    events: list[NewEvent]
    revisions: list[DateRevision]
    stories: list[StoryGrowth]


def changes(conn: sqlite3.Connection, since: AsOf, until: AsOf | None = None, *, limit: int = 50) -> Changes:
    """What was first seen after `since` and by `until`; each list at most `limit` long, most important first.

    Raises `QueryError` (D402) for a bad date, (D411) when `until` is before `since`.
    """
    low = as_of_bound(since)
    high = as_of_bound(until)
    assert low is not None
    if high is not None and high < low:
        raise QueryError(f"until {until} is before since {since}", code=Code.INVALID_DATE_FILTER)
    with snapshot(conn):
        return _changes(conn, low, high, limit)


def _changes(conn: sqlite3.Connection, low: str, high: str | None, limit: int) -> Changes:
    articles, updated = conn.execute(
        f"SELECT count(*) - count(e.doc), count(e.doc) FROM search_docs d LEFT JOIN search_docs e ON e.doc = ("
        f"SELECT min(x.doc) FROM search_docs x WHERE x.key = d.key AND x.first_seen_at <= :low)"
        f" WHERE {known_sql('d')} AND d.first_seen_at > :low",
        {"bound": high, "low": low},
    ).fetchone()
    return Changes(low, high, int(articles), int(updated), _entities(conn, low, high, limit),
                   _events(conn, low, high, limit), _revisions(conn, low, high, limit),
                   _stories(conn, low, high, limit))


def _entities(conn: sqlite3.Connection, low: str, high: str | None, limit: int) -> list[NewEntity]:
    found = [NewEntity(e.id, e.name, e.type, e.mentions, e.articles, e.first_seen_at)
             for e in list_entities(conn, top=ENTITY_SCAN, as_of=high) if e.first_seen_at > low]
    return found[:limit]


def _events(conn: sqlite3.Connection, low: str, high: str | None, limit: int) -> list[NewEvent]:
    fresh = find_events(conn, as_of=high, first_reported_after=low)
    fresh.sort(key=lambda e: (-len(e.mentions), e.first_reported_at, e.id))
    return [NewEvent(e.id, e.earliest.isoformat(), e.latest.isoformat(), e.value, e.representative.text,
                     e.first_reported_at, e.sources, len(e.articles)) for e in fresh[:limit]]


def _revisions(conn: sqlite3.Connection, low: str, high: str | None, limit: int) -> list[DateRevision]:
    found: list[DateRevision] = []
    for schedule in find_schedules(conn, None, as_of=high):
        previous = None
        for step in schedule.history:
            report = step.report
            if step.change in (Change.EARLIER, Change.LATER) and report.first_seen_at > low and previous:
                found.append(DateRevision(
                    schedule.id, step.change.value,
                    (previous.mention.earliest.isoformat(), previous.mention.latest.isoformat()),
                    (report.mention.earliest.isoformat(), report.mention.latest.isoformat()),
                    report.text, report.first_seen_at, report.source, report.mention.article_id))
            previous = report
    found.sort(key=lambda r: (r.reported_at, r.event_id))
    return found[:limit]


def _stories(conn: sqlite3.Connection, low: str, high: str | None, limit: int) -> list[StoryGrowth]:
    grown = []
    for story in stories(conn, as_of=high, limit=10**9):
        before = sum(1 for m in story.members if m.copy_of is None and m.first_seen_at <= low)
        if before < story.articles:
            grown.append(StoryGrowth(story.id, story.title, before, story.articles, story.outlets, story.last_day))
    grown.sort(key=lambda g: (g.before - g.after, g.id))
    return grown[:limit]
