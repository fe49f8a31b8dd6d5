"""Keep the search index in step with the articles table.

`index_article` runs in the ingest transaction for every stored article version (from `pipeline.save`). It adds the
version to the FTS5 index and records in `search_docs` what as-of queries need without touching the big articles
rows: when the version was first seen, when a later revision replaced it (`gone_at`), and its length. A version's
doc number (its FTS5 rowid) is the second it was first seen times `PER_SECOND` plus its rank within that second, so
doc order is first-seen order whatever order a backfill arrives in (`visibility`). `search_days`
keeps per-day deltas of the number of current versions and their tokens, so BM25 statistics as of any date cost a
short sum; `frequencies` does the same for the document frequencies of common words.

A version is current as of X when `first_seen_at <= X` and not `gone_at <= X`; this is exactly
`store.articles.current_filter` (the latest revision first seen by X), precomputed.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from dateline.errors import Code, StoreError
from dateline.search import frequencies
from dateline.search.terms import tokens

PER_SECOND = 1 << 24  # doc numbers available to the versions first seen in one second
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _add_day(conn: sqlite3.Connection, stamp: str, docs: int, length: int) -> None:
    conn.execute(
        "INSERT INTO search_days (day, docs, tokens) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET"
        " docs = docs + excluded.docs, tokens = tokens + excluded.tokens",
        (stamp[:10], docs, docs * length),
    )


def second_of(stamp: str) -> int:
    """Unix seconds of a `first_seen_at` stamp (or an as-of bound), rounded down."""
    moment = datetime.fromisoformat(stamp[:19]).replace(tzinfo=UTC)
    return (moment - _EPOCH) // timedelta(seconds=1)


def doc_range(stamp: str) -> tuple[int, int]:
    """The doc numbers of versions first seen in the same second as `stamp`."""
    base = second_of(stamp) * PER_SECOND
    return base, base + PER_SECOND - 1


def _number(conn: sqlite3.Connection, seen: str) -> int:
    low, high = doc_range(seen)
    last = conn.execute("SELECT max(doc) FROM search_docs WHERE doc BETWEEN ? AND ?", (low, high)).fetchone()[0]
    if last == high:
        raise StoreError(f"more than {PER_SECOND} articles first seen in the second of {seen}")
    return low if last is None else int(last) + 1


def index_article(conn: sqlite3.Connection, article_id: str) -> int:
    """Index one stored article version; return its doc number. Indexing twice is a no-op."""
    done = conn.execute("SELECT doc FROM search_docs WHERE article_id = ?", (article_id,)).fetchone()
    if done is not None:
        return int(done[0])
    row = conn.execute(
        "SELECT key, revision, title, text, source, first_seen_at, published_day FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise StoreError(f"cannot index article {article_id!r}: it is not stored", code=Code.NOT_FOUND)
    key, revision, title, text, source, seen, day = row
    length = len(tokens(title or "")) + len(tokens(text))
    _retire_older(conn, key, revision, seen)
    doc = _number(conn, seen)
    conn.execute(
        "INSERT INTO search_docs (doc, article_id, key, revision, first_seen_at, published_day, source, length)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (doc, article_id, key, revision, seen, day, source, length),
    )
    conn.execute("INSERT INTO search_fts (rowid, title, body, source) VALUES (?, ?, ?, ?)",
                 (doc, title or "", text, source or ""))
    frequencies.record(conn, doc, title or "", text, source or "")
    _add_day(conn, seen, 1, length)
    return doc


def _retire_older(conn: sqlite3.Connection, key: str, revision: int, seen: str) -> None:
    """A new revision first seen at `seen` replaces every older revision of its key from then on."""
    older = conn.execute(
        "SELECT doc, first_seen_at, gone_at, length FROM search_docs WHERE key = ? AND revision < ?", (key, revision)
    ).fetchall()
    for doc, first_seen, gone, length in older:
        replaced = max(first_seen, min(gone or seen, seen))
        if replaced == gone:
            continue
        if gone is not None:
            _add_day(conn, gone, 1, length)
        _add_day(conn, replaced, -1, length)
        conn.execute("UPDATE search_docs SET gone_at = ? WHERE doc = ?", (replaced, doc))
