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
        self._memo: OrderedDict[tuple[Hashable, int], object] = OrderedDict()
        self._memo_size = remember
        self._memo_lock = threading.Lock()
        self._seen: dict[int, int] = {}  # id of each pooled connection -> its `data_version` when it last looked
        self._state = 0

    def remembered(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, remembered under `key` until anything is committed to the store (`_read_state`)."""
        state = self._read_state(conn)
        with self._memo_lock:
            if (key, state) in self._memo:
                self._memo.move_to_end((key, state))
                return cast(T, self._memo[(key, state)])
        value = compute()
        with self._memo_lock:
            self._memo[(key, state)] = value
            while len(self._memo) > self._memo_size:
                self._memo.popitem(last=False)
        return value

    def _read_state(self, conn: sqlite3.Connection) -> int:
        """A number naming the state of the store that `conn`'s read transaction sees. It goes up whenever a
        connection finds that something was committed since it last looked (SQLite's `data_version`), whatever
        changed: new articles, and also entity decisions redone without any (a rebuild, `enrich`, an override, a
        redo a killed run left), which commit step by step. A connection not seen before counts as a change."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        with self._memo_lock:
            if self._seen.get(id(conn)) != version:
                self._seen[id(conn)] = version
                self._state += 1
            return self._state

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
                self._close(store)

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The one writer, held by one request at a time (SQLite allows a single writer anyway)."""
        with self._write_lock:
            yield self._writer

    def _close(self, store: Store) -> None:
        with self._memo_lock:
            self._seen.pop(id(store.conn), None)  # a later connection may get its id
        store.close()

    def close(self) -> None:
        while True:
            try:
                self._close(self._idle.get_nowait())
            except queue.Empty:
                break
        self._writer.close()
