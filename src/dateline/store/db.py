"""The embedded database: one SQLite file, WAL mode, foreign keys on, a versioned schema.

Migrations are the numbered `migrations/NNNN_name.sql` files, applied in order; `PRAGMA user_version` records the
last one applied. A file that is not a dateline database, or is damaged, is refused at open with D201.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from types import TracebackType

from dateline.errors import Code, StoreError


def migrations() -> list[tuple[int, str, str]]:
    """The schema migrations shipped with this version: (number, name, SQL), in order."""
    found = []
    for entry in resources.files("dateline.store").joinpath("migrations").iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append((number, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def commit_step(conn: sqlite3.Connection) -> None:
    """Commit what a long write did so far and go on in a new transaction: a step of work that a run killed later
    goes on from (inside `Store.transaction`, whose end commits the last step)."""
    if conn.in_transaction:
        conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")


class Store:
    """An open dateline database. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; run `dateline ingest` first", code=Code.NOT_FOUND)
        try:
            if readonly:
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False,
                                            isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages: fewer reads as the store grows
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path}: not a dateline database or damaged ({error}); restore it from a backup or "
                "ingest again into a new file",
                code=Code.STORE_CORRUPT,
            ) from None
        if not readonly:
            self._migrate(version)
        elif version > max(number for number, _, _ in migrations()):
            raise StoreError(f"{self.path}: schema version {version} is newer than this dateline",
                             code=Code.STORE_TOO_NEW)

    def _migrate(self, version: int) -> None:
        known = migrations()
        if version > known[-1][0]:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this dateline ({known[-1][0]}); upgrade",
                code=Code.STORE_TOO_NEW,
            )
        for number, name, sql in known:
            if number <= version:
                continue
            try:
                self.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
            except sqlite3.Error as error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {name} failed: {error}") from None

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: cannot start a write ({error})") from None
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:  # SQLite rolls back by itself on some errors (a full disk)
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed ({error}); nothing of this batch was stored") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def open_store(path: str | Path, *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the database at `path`."""
    return Store(path, readonly=readonly)
