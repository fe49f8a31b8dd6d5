"""The matches published in a day range, read from the docs first seen those days instead of joined row by row.

Doc numbers follow first-seen time (`index.doc_range`), and articles are first seen within a day or two of their
publication day, so the docs published in `[from, to]` are the docs first seen in those days (one rowid range that
FTS5 walks by itself) but for a few: those first seen within `NEAR_DAYS` days of either end of the range, read and
checked one by one, and the "far" versions, published further from the day they were first seen (backfills), kept
in a partial index (migration 0018). Docs of the range published outside it are taken out, docs outside it
published inside are added: exact whatever the store. When it holds more than `FAR_LIMIT` far versions up to the
as-of date (a backfill seen all at once), `window` declines and the caller joins row by row as before.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.search.filters import Filters
from dateline.search.index import doc_range
from dateline.search.visibility import Visible

NEAR_DAYS = 2  # as in migration 0018
FAR_LIMIT = 5000
_FIRST_DOC = -(1 << 62)
_KEYS = frozenset({"published_from", "published_to"})


@dataclass(frozen=True)
class Window:
    """The docs up to the as-of bound published in the range: docs `low..high`, minus `excluded`, plus `extra`.
    Those two lie in the rowid `spans` checked one by one, or are among the far docs (`scattered`)."""

    low: int
    high: int
    excluded: frozenset[int]
    extra: frozenset[int]
    spans: tuple[tuple[int, int], ...]
    scattered: tuple[int, ...]
    _matched: dict[str, tuple[set[int], set[int]]] = field(default_factory=dict, compare=False)

    def corrections(self, conn: sqlite3.Connection, match: str) -> tuple[set[int], set[int]]:
        """The excluded docs and the extra docs that match the FTS5 expression `match`: read a span at a time
        (a rowid range FTS5 walks once, not a lookup per doc) and the scattered ones by id; remembered."""
        if match in self._matched:
            return self._matched[match]
        found: set[int] = set()
        for low, high in self.spans:
            found.update(row[0] for row in conn.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?", (match, low, high)))
        if self.scattered:
            found.update(row[0] for row in conn.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
                (match, json.dumps(self.scattered))))
        self._matched[match] = (found & self.excluded, found & self.extra)
        return self._matched[match]


def _days(first: date, last: date) -> tuple[int, int]:
    """The doc numbers of the versions first seen from day `first` to day `last`, inclusive."""
    return doc_range(f"{first.isoformat()}T00:00:00")[0], doc_range(f"{last.isoformat()}T23:59:59")[1]


def _around(day: date) -> tuple[date, date]:
    """The days within `NEAR_DAYS` of `day` (within the calendar)."""
    near = timedelta(days=NEAR_DAYS)
    return (day - near if day - date.min >= near else date.min), (day + near if date.max - day >= near else date.max)


def window(conn: sqlite3.Connection, filters: Filters, seen: Visible) -> Window | None:
    """The `Window` of a publication-day filter up to `seen.upto`; None when the filters hold anything else, or
    when the store has too many far versions for this to be cheap."""
    if not filters.params or not filters.params.keys() <= _KEYS or filters.event_range is not None:
        return None
    far = [tuple(row) for row in conn.execute(
        "SELECT doc, published_day FROM search_docs WHERE abs(julianday(published_day) -"
        f" julianday(substr(first_seen_at, 1, 10))) > {NEAR_DAYS} AND doc <= ? LIMIT ?", (seen.upto, FAR_LIMIT + 1))]
    if len(far) > FAR_LIMIT:
        return None
    first, last = filters.params.get("published_from"), filters.params.get("published_to")
    low, high, bands = _FIRST_DOC, seen.upto, []
    if first:
        day = date.fromisoformat(first)
        low = _days(day, day)[0]
        bands.append(_days(*_around(day)))
    if last:
        day = date.fromisoformat(last)
        high = min(_days(day, day)[1], seen.upto)
        bands.append(_days(*_around(day)))
    checked = dict(far)
    spans = []
    for band_low, band_high in bands:
        spans.append((band_low, min(band_high, seen.upto)))
        checked.update(tuple(row) for row in conn.execute(  # a doc published the day it was seen is where it belongs
            "SELECT doc, published_day FROM search_docs WHERE doc BETWEEN ? AND ?"
            " AND published_day <> substr(first_seen_at, 1, 10)", spans[-1]))
    excluded, extra = set(), set()
    for doc, day_published in checked.items():
        kept = (not first or day_published >= first) and (not last or day_published <= last)
        if low <= doc <= high and not kept:
            excluded.add(doc)
        elif kept and not low <= doc <= high and doc <= seen.upto:
            extra.add(doc)
    scattered = sorted(doc for doc in excluded | extra if not any(a <= doc <= b for a, b in spans))
    return Window(low, high, frozenset(excluded), frozenset(extra), tuple(spans), tuple(scattered))


def count(conn: sqlite3.Connection, match: str, within: Window, cap: int) -> int:
    """How many docs of the window match the FTS5 expression `match`: exactly, or at least `cap` when there are
    that many (counting stops there)."""
    excluded, extra = within.corrections(conn, match)
    total = conn.execute("SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN"
                         " ? AND ? LIMIT ?)", (match, within.low, within.high, cap + len(excluded))).fetchone()[0]
    return int(total) - len(excluded) + len(extra)


def newest(conn: sqlite3.Connection, match: str, within: Window, n: int) -> list[int]:
    """The `n` latest docs of the window matching `match`, latest first."""
    excluded, extra = within.corrections(conn, match)
    found = [row[0] for row in conn.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC"
        " LIMIT ?", (match, within.low, within.high, n + len(excluded)))]
    return sorted({doc for doc in found if doc not in excluded} | extra, reverse=True)[:n]
