"""The API's access to one store: a pool of read-only connections for queries, one writer for ingest.

SQLite in WAL mode lets readers run while a writer commits; each request borrows its own read-only connection for
the whole request and reads inside one transaction, so every page it serves comes from one consistent snapshot.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dateline.store.db import Store


class Database:
    """Opens (creating and migrating if needed) the store at `path` and hands out connections."""

    def __init__(self, path: str | Path, *, max_idle: int = 16) -> None:
        self.path = Path(path)
        self._writer = Store(self.path)
        self._write_lock = threading.Lock()
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._max_idle = max_idle

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection inside one read transaction, returned to the pool afterwards."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = Store(self.path, readonly=True)
        conn = store.conn
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if self._idle.qsize() < self._max_idle:
                self._idle.put(store)
            else:
                store.close()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The one writer, held by one request at a time (SQLite allows a single writer anyway)."""
        with self._write_lock:
            yield self._writer

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break
        self._writer.close()
