"""The default engine: a process pool on this machine, one worker per core unless told otherwise.

Workers are forked (where the platform can), so they start in milliseconds with the pipeline already imported,
and never re-run the caller's main script. Models are loaded once: in this process just before the fork when the
caller says which (`preload`), so every worker shares that copy, else by each worker on its first batch.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dateline.engine.base import Engine, Pending, R


def machine_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _die_with_parent() -> None:
    """Worker initializer: on Linux, ask the kernel to kill this worker when the ingest process dies (kill -9
    included). Forked workers share the task pipe, so none of them would otherwise see it close and they would
    live on, idle, as orphans."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before the call above
            os._exit(1)


class LocalEngine(Engine):
    """A `ProcessPoolExecutor` of `workers` processes (default: `machine_workers()`)."""

    name = "local"
    lost = (BrokenProcessPool,)

    def __init__(self, workers: int | None = None, preload: Callable[[], None] | None = None) -> None:
        super().__init__(workers or machine_workers())
        self._preload = preload
        self._pool: ProcessPoolExecutor | None = None

    def _submit(self, job: Callable[[], R]) -> Pending[R]:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            forking = "fork" in methods
            if forking and self._preload is not None:
                self._preload()
            context = multiprocessing.get_context("fork" if forking else None)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_die_with_parent)
        return self._pool.submit(job)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
