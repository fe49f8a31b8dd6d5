"""The spool: the folder where workers leave shards for the writer (`<database>.spool/` unless told otherwise).

Each run works in its own folder, `run-<random>/`, locked (`flock`) while the run lives. A shard is deleted once
the transaction that loaded it has committed. A run that dies leaves its folder behind, unlocked, and the next
run deletes it unread: its shards were either loaded already (a crash between commit and delete) or not (a crash
before the load), and the resumed run recomputes the batches it still needs, so no shard is ever loaded twice.

Workers must be able to write where the writer reads: on a remote Dask cluster, the spool folder must be on a
filesystem shared by every worker and the ingest process (the same absolute path everywhere).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from dateline.errors import Code, StoreError

_RUN = "run-"
_LOCK = ".lock"


def _try_lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive lock on `path`, or None if another run holds it."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    return descriptor


class Spool:
    """One run's shard folder under `root`. Use as a context manager: entering clears what dead runs left behind
    and claims a fresh folder; leaving deletes it (and `root` itself once no run uses it)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.folder = self.root / f"{_RUN}{uuid.uuid4().hex}"
        self._lock: int | None = None
        self._temporary: tempfile.TemporaryDirectory[str] | None = None

    @classmethod
    def beside(cls, database: Path, root: Path | None = None) -> Spool:
        """The spool of `database`: `root` if given, else `<database>.spool` (a temporary folder for `:memory:`)."""
        if root is not None:
            return cls(root)
        if str(database) == ":memory:":
            temporary = tempfile.TemporaryDirectory(prefix="dateline-spool-")
            spool = cls(Path(temporary.name))
            spool._temporary = temporary
            return spool
        return cls(database.with_name(database.name + ".spool"))

    def shard(self, number: int) -> Path:
        """Where the shard of this run's job `number` goes (a batch's parts are jobs of their own)."""
        return self.folder / f"batch-{number:07d}"

    def discard(self, shard: Path) -> None:
        """Delete a loaded shard."""
        shutil.rmtree(shard, ignore_errors=True)

    def __enter__(self) -> Spool:
        try:
            for _ in range(3):  # a run ending at this very moment may delete the empty root: claim again
                try:
                    self._claim()
                    return self
                except FileNotFoundError:
                    continue
            self._claim()
        except OSError as error:
            raise StoreError(f"cannot use {self.root} as the spool for the workers' shards ({error}); "
                             "pass --spool with a writable folder", code=Code.STORE_WRITE_FAILED) from None
        return self

    def _claim(self) -> None:
        """Delete the folders of dead runs and lock a fresh one, under the root's lock."""
        self.root.mkdir(parents=True, exist_ok=True)
        with self._guard():
            for folder in self.root.glob(f"{_RUN}*"):
                held = _try_lock(folder / _LOCK) if folder.is_dir() else None
                if held is not None:  # its run is gone
                    shutil.rmtree(folder, ignore_errors=True)
                    os.close(held)
            self.folder.mkdir()
            self._lock = _try_lock(self.folder / _LOCK)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """The root's lock: one run at a time clears dead runs, claims its folder, or removes the empty root."""
        guard = os.open(self.root / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(guard, fcntl.LOCK_EX)
            yield
        finally:
            os.close(guard)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
        with self._guard():
            if not any(p.name.startswith(_RUN) for p in self.root.iterdir()):
                shutil.rmtree(self.root, ignore_errors=True)
        if self._temporary is not None:
            self._temporary.cleanup()
