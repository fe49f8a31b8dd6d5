"""Which indexed versions are visible (current) as of a date, in the terms FTS5 understands: rowid ranges.

Docs are numbered in ingest order. With a live clock, first_seen_at grows with the doc number, so the versions first
seen by X are all docs up to some number; a backfill can store a version first seen before versions stored ahead
of it (`late`). Hence, for a bound X:

- `upto`: the last doc that is not late among those first seen by X; every doc up to it was first seen by X (a
  late doc was first seen before some earlier doc, itself before `upto`);
- `extra`: the late docs after `upto` first seen by X;
- `hidden`: the docs replaced by a later revision by X (gone_at <= X).

Visible = docs 1..upto, plus `extra`, minus `hidden`: exactly `store.articles.current_filter` as of X.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Visible:
    """The versions current as of a bound: `1..upto`, plus `extra`, minus `hidden` (doc numbers, ascending)."""

    upto: int
    extra: tuple[int, ...]
    hidden: frozenset[int]

    def __contains__(self, doc: object) -> bool:
        return isinstance(doc, int) and (doc <= self.upto or doc in self.extra) and doc not in self.hidden

    def extra_json(self) -> str:
        return json.dumps(self.extra)

    def hidden_json(self) -> str:
        return json.dumps(sorted(self.hidden))


def visible(conn: sqlite3.Connection, bound: str | None) -> Visible:
    """The visible versions as of the `first_seen_at` bound (None: everything stored, minus replaced versions)."""
    if bound is None:
        last = conn.execute("SELECT coalesce(max(doc), 0) FROM search_docs").fetchone()[0]
        hidden = conn.execute("SELECT doc FROM search_docs WHERE gone_at IS NOT NULL").fetchall()
        return Visible(int(last), (), frozenset(row[0] for row in hidden))
    row = conn.execute(
        "SELECT doc FROM search_docs WHERE late = 0 AND first_seen_at <= ? ORDER BY first_seen_at DESC, doc DESC"
        " LIMIT 1", (bound,)
    ).fetchone()
    upto = int(row[0]) if row else 0
    extra = conn.execute(
        "SELECT doc FROM search_docs WHERE late = 1 AND first_seen_at <= ? AND doc > ? ORDER BY doc", (bound, upto)
    ).fetchall()
    hidden = conn.execute("SELECT doc FROM search_docs WHERE gone_at <= ?", (bound,)).fetchall()
    return Visible(upto, tuple(r[0] for r in extra), frozenset(r[0] for r in hidden))


def count_matches(conn: sqlite3.Connection, match: str, seen: Visible) -> int:
    """How many visible versions match an FTS5 expression (FTS5 counts; no row is read)."""
    total = conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid <= ?",
                         (match, seen.upto)).fetchone()[0]
    if seen.extra:
        total += conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid IN"
                              " (SELECT value FROM json_each(?))", (match, seen.extra_json())).fetchone()[0]
    if seen.hidden:
        total -= conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid IN"
                              " (SELECT value FROM json_each(?))", (match, seen.hidden_json())).fetchone()[0]
    return int(total)
