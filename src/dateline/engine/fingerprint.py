"""What a store holds, reduced to a comparable digest per table: two stores with equal fingerprints hold the
same articles and the same analysis, whichever engine, batch size or number of crashes produced them.

Run bookkeeping is left out (`ingest_runs`, and the run a problem was found in; a resumed run reports the problems
of the records it reads again, so problems count once each), and so are derived full-text indexes (virtual tables
and their shadow tables): they are rebuilt from the rest.
"""

from __future__ import annotations

import hashlib
import sqlite3

from dateline.store.db import Store

_BOOKKEEPING = {"ingest_runs"}
_RUN_COLUMNS = {"run_id"}


def content_tables(conn: sqlite3.Connection) -> list[str]:
    """The store's ordinary tables, without SQLite's own, run bookkeeping, and full-text index tables."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return [name for name, _ in rows
            if not name.startswith("sqlite_") and name not in _BOOKKEEPING and name not in virtual
            and not any(name.startswith(f"{table}_") for table in virtual)]


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The table's column names, in declaration order."""
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def fingerprint(store: Store) -> dict[str, tuple[int, str]]:
    """table -> (rows, sha256 of its rows in sorted order), in one read snapshot."""
    conn = store.conn
    result: dict[str, tuple[int, str]] = {}
    conn.execute("BEGIN")
    try:
        for table in content_tables(conn):
            names = [name for name in columns(conn, table) if name not in _RUN_COLUMNS]
            listed = ", ".join(f'"{name}"' for name in names)
            digest = hashlib.sha256()
            count = 0
            distinct = "DISTINCT " if table == "problems" else ""
            for row in conn.execute(f'SELECT {distinct}{listed} FROM "{table}" ORDER BY {listed}'):
                digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
                count += 1
            result[table] = (count, digest.hexdigest())
    finally:
        conn.execute("COMMIT")
    return result
