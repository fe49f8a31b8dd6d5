"""Which indexed versions are visible (current) as of a date, in the terms FTS5 understands: a rowid range.

Doc numbers follow first_seen_at by the second (`index.doc_range`), so the versions first seen by X are the docs up
to the last number of X's second, except those first seen later within that same second; the versions replaced by
a later revision by X (gone_at <= X) are not visible either. Hence visible = docs up to `upto`, minus `hidden`:
exactly `store.articles.current_filter` as of X.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from dateline.search.index import doc_range


@dataclass(frozen=True)
class Visible:
    """The versions current as of a bound: docs up to `upto`, minus `hidden`."""

    upto: int
    hidden: frozenset[int]

    def __contains__(self, doc: object) -> bool:
        return isinstance(doc, int) and doc <= self.upto and doc not in self.hidden

    def hidden_json(self) -> str:
        return json.dumps(sorted(self.hidden))


def visible(conn: sqlite3.Connection, bound: str | None) -> Visible:
    """The visible versions as of the `first_seen_at` bound (None: everything stored, minus replaced versions)."""
    if bound is None:
        last = conn.execute("SELECT coalesce(max(doc), 0) FROM search_docs").fetchone()[0]
        hidden = conn.execute("SELECT doc FROM search_docs WHERE gone_at IS NOT NULL").fetchall()
        return Visible(int(last), frozenset(row[0] for row in hidden))
    low, upto = doc_range(bound)
    hidden = conn.execute(
        "SELECT doc FROM search_docs WHERE gone_at <= :bound UNION"
        " SELECT doc FROM search_docs WHERE doc BETWEEN :low AND :upto AND first_seen_at > :bound",
        {"bound": bound, "low": low, "upto": upto},
    ).fetchall()
    return Visible(upto, frozenset(row[0] for row in hidden))


def count_matches(conn: sqlite3.Connection, match: str, seen: Visible) -> int:
    """How many visible versions match an FTS5 expression (FTS5 counts; no row is read)."""
    total = conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid <= ?",
                         (match, seen.upto)).fetchone()[0]
    if seen.hidden:
        total -= conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid IN"
                              " (SELECT value FROM json_each(?))", (match, seen.hidden_json())).fetchone()[0]
    return int(total)
