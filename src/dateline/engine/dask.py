"""The Dask engine: the same batches, run on a `dask.distributed` cluster.

With a scheduler address it connects to that cluster (`Client(address)`); without one it starts a `LocalCluster`
of single-threaded worker processes on this machine, forked (where the platform can) after `preload` ran here, so
they start with the pipeline imported and the models loaded instead of each importing and loading its own
(spawned workers cost about 1 s of CPU each for that, a tenth of a 300-article run on two workers). A worker that
dies mid-batch is replaced by Dask and its batch run again elsewhere: the task is pure, so running it twice changes
nothing. When Dask gives up on a batch (its workers died `distributed.scheduler.allowed-failures` times), the run
stops with D701.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any

import dask
from distributed.scheduler import KilledWorker

from dateline.engine.base import Engine, Pending, R
from dateline.engine.local import machine_workers
from dateline.errors import Code, ConfigError


class DaskEngine(Engine):
    """Batches as Dask tasks; `workers` sizes a new `LocalCluster` and the in-flight window on a given cluster."""

    name = "dask"
    lost = (KilledWorker,)

    def __init__(self, workers: int | None = None, scheduler: str | None = None,
                 preload: Callable[[], None] | None = None) -> None:
        super().__init__(workers or machine_workers())
        self.scheduler = scheduler
        self._preload = preload
        self._sized = workers is not None
        self._client: Any = None
        self._cluster: Any = None

    def _connect(self) -> Any:
        from distributed import Client, LocalCluster

        if self.scheduler is None:
            forking = "fork" in multiprocessing.get_all_start_methods()
            if forking and self._preload is not None:
                self._preload()
            with dask.config.set({"distributed.worker.multiprocessing-method": "fork" if forking else "spawn"}):
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None)  # type: ignore[no-untyped-call]
            return Client(self._cluster)  # type: ignore[no-untyped-call]
        try:
            client = Client(self.scheduler, timeout="30s")  # type: ignore[no-untyped-call]
        except OSError as error:
            raise ConfigError(f"cannot reach the Dask scheduler at {self.scheduler} ({error})",
                              code=Code.INVALID_OPTION) from None
        if not self._sized:
            self.workers = max(1, len(client.scheduler_info().get("workers", {})))
        return client

    def _submit(self, job: Callable[[], R]) -> Pending[R]:
        if self._client is None:
            self._client = self._connect()
        future: Pending[R] = self._client.submit(job, pure=False)
        return future

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
