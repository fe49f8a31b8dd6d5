"""The API's access to one store: a pool of read-only connections for queries, one writer for ingest.

SQLite in WAL mode lets readers run while a writer commits; each request borrows its own read-only connection for
the whole request and reads inside one transaction, so every page it serves comes from one consistent snapshot.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

from dateline.store.db import Store

T = TypeVar("T")


class Database:
    """Opens (creating and migrating if needed) the store at `path` and hands out connections."""

    def __init__(self, path: str | Path, *, max_idle: int = 16, remember: int = 256) -> None:
        self.path = Path(path)
        self._writer = Store(self.path)
        self._write_lock = threading.Lock()
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._max_idle = max_idle
        self._memo: OrderedDict[tuple[Hashable, tuple[object, ...]], object] = OrderedDict()
        self._memo_size = remember
        self._memo_lock = threading.Lock()

    def remembered(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, remembered under `key` until the data it may depend on changes.

        Every answer is a function of the stored article versions and the user's entity overrides (corpus-level
        structures are rebuilt from them in the same transaction as the articles), so the newest article rowid and
        the overrides' count and newest id name the state of everything a read can see. A store rebuilt in place
        without new articles (a re-resolution after an upgrade) needs a server restart to be seen.
        """
        version = tuple(conn.execute(
            "SELECT (SELECT max(rowid) FROM articles), (SELECT count(*) FROM entity_overrides),"
            " (SELECT max(id) FROM entity_overrides)").fetchone())
        with self._memo_lock:
            if (key, version) in self._memo:
                self._memo.move_to_end((key, version))
                return cast(T, self._memo[(key, version)])
        value = compute()
        with self._memo_lock:
            self._memo[(key, version)] = value
            while len(self._memo) > self._memo_size:
                self._memo.popitem(last=False)
        return value

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
