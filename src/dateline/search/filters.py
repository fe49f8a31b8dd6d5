"""Search filters as SQL over `search_docs` (alias `d`): publication days, event dates, entity, source.

Event dates come from the temporal tagger's `timexes` (earliest/latest, inclusive days): an article matches
`event_from..event_to` when one of its temporal expressions overlaps that range ("what was said about July 2023").
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date

from dateline.asof import as_of_bound
from dateline.entities import find_entity
from dateline.entities.resolve import locate
from dateline.errors import Code, QueryError


@dataclass(frozen=True)
class Filters:
    """SQL to append to a `WHERE` clause (starts with ` AND ` or is empty) and its named parameters."""

    sql: str = ""
    params: dict[str, str] = field(default_factory=dict)
    event_range: tuple[str, str] | None = None

    def event_sentences(self, conn: sqlite3.Connection, article_id: str) -> frozenset[int]:
        """The sentences of an article that mention a date in the event range (empty without one)."""
        if self.event_range is None:
            return frozenset()
        rows = conn.execute(
            "SELECT sentence FROM timexes WHERE article_id = ? AND latest >= ? AND earliest <= ?",
            (article_id, *self.event_range),
        )
        return frozenset(row[0] for row in rows)


def parse_day(value: str | date | None, name: str) -> str | None:
    """An inclusive day bound as `YYYY-MM-DD`, or `QueryError` (D411)."""
    if value is None or isinstance(value, date):
        return value.isoformat() if value else None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise QueryError(f"{name} {value!r} is not a date (YYYY-MM-DD)", code=Code.INVALID_DATE_FILTER) from None


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def _entity_articles(conn: sqlite3.Connection, name: str, as_of: str | None) -> list[str]:
    """Ids of the articles naming the entity that goes by `name` as of `as_of` (none if there was no such entity)."""
    if not _has_table(conn, "doc_entities"):
        raise QueryError("the entity filter needs entity mentions, absent from this database",
                         code=Code.MISSING_ANALYSIS)
    found = find_entity(conn, name, as_of)
    located = locate(conn, found.id, as_of_bound(as_of)) if found else None
    return sorted({group.article_id for group in located[1]}) if located else []


def build_filters(conn: sqlite3.Connection, *, as_of: str | None = None, published_from: str | date | None = None,
                  published_to: str | date | None = None, event_from: str | date | None = None,
                  event_to: str | date | None = None, entity: str | None = None, source: str | None = None
                  ) -> Filters:
    """Validate the filters and turn them into SQL; raise `QueryError` (D411, D412) when one cannot apply.

    The entity is looked up as of `as_of`, so it is the entity (and the articles naming it) known then.
    """
    clauses: list[str] = []
    params: dict[str, str] = {}
    low, high = parse_day(published_from, "published_from"), parse_day(published_to, "published_to")
    if low:
        clauses.append("d.published_day >= :published_from")
        params["published_from"] = low
    if high:
        clauses.append("d.published_day <= :published_to")
        params["published_to"] = high
    if low and high and low > high:
        raise QueryError(f"published range {low}..{high} is empty", code=Code.INVALID_DATE_FILTER)
    event_low, event_high = parse_day(event_from, "event_from"), parse_day(event_to, "event_to")
    event_range = None
    if event_low or event_high:
        if not _has_table(conn, "timexes"):
            raise QueryError("event-date filters need the temporal tags (timexes), absent from this database",
                             code=Code.MISSING_ANALYSIS)
        event_range = (event_low or "0001-01-01", event_high or "9999-12-31")
        if event_range[0] > event_range[1]:
            raise QueryError(f"event range {event_range[0]}..{event_range[1]} is empty",
                             code=Code.INVALID_DATE_FILTER)
        clauses.append("EXISTS (SELECT 1 FROM timexes t WHERE t.article_id = d.article_id"
                       " AND t.latest >= :event_from AND t.earliest <= :event_to)")
        params["event_from"], params["event_to"] = event_range
    if source is not None:
        clauses.append("d.source = :source COLLATE NOCASE")
        params["source"] = source
    if entity is not None:
        clauses.append("d.article_id IN (SELECT value FROM json_each(:entity_articles))")
        params["entity_articles"] = json.dumps(_entity_articles(conn, entity, as_of))
    sql = "".join(f" AND {clause}" for clause in clauses)
    return Filters(sql, params, event_range)
