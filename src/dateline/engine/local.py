"""The default engine: a process pool on this machine, one worker per core unless told otherwise.

Workers come from a fork server that has already imported the pipeline, so each starts in milliseconds and loads
its models (spaCy) once, on its first batch, then keeps them for every later one.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from dateline.article import Article
from dateline.engine.base import Engine, Pending
from dateline.engine.work import analyze_batch
from dateline.pipeline import PipelineConfig


def machine_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class LocalEngine(Engine):
    """A `ProcessPoolExecutor` of `workers` processes (default: `machine_workers()`)."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        super().__init__(workers or machine_workers())
        self._pool: ProcessPoolExecutor | None = None

    def _submit(self, articles: list[Article], config: PipelineConfig) -> Pending:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["dateline.engine.work"])
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool.submit(analyze_batch, articles, config)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
