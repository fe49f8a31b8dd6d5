"""Read one consistent state of the database while an ingest may be committing batches beside us.

A search reads FTS5's statistics, then its scores, then the rows: in autocommit mode each statement could see a
different committed state, and counts recovered from one state with statistics from another would be wrong. Inside
one read transaction every statement sees the same state.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one read transaction (or in the caller's, if one is already open)."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
