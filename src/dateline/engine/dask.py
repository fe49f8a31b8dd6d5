"""The Dask engine: the same batches, run on a `dask.distributed` cluster.

With a scheduler address it connects to that cluster (`Client(address)`); without one it starts a `LocalCluster`
of single-threaded worker processes on this machine, forked (where the platform can) after `preload` ran here, so
they start with the pipeline imported and the models loaded instead of each importing and loading its own
(spawned workers cost about 1 s of CPU each for that, a tenth of a 300-article run on two workers). A worker that
dies mid-batch is replaced by Dask and its batch run again elsewhere: the task is pure, so running it twice changes
nothing. When Dask gives up on a batch (its workers died `distributed.scheduler.allowed-failures` times), the run
stops with D701; so it does when the cluster has had no worker at all for `NO_WORKERS_WAIT` seconds (every one
died and none came back), instead of waiting for ever on a batch nobody can run.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import dask
from distributed.scheduler import KilledWorker

from dateline.engine.base import Engine, Job, K, Pending, R
from dateline.engine.local import machine_workers
from dateline.errors import Code, ConfigError, EngineError

if TYPE_CHECKING:
    from distributed import Future

# How long a batch may wait on a cluster with no worker before the run stops (D701), and how often waiting looks.
NO_WORKERS_WAIT = 300.0
_LOOK_EVERY = 5.0
# A LocalCluster's workers run batches of tens of seconds, pure and alone: they need neither Dask's sampling
# profiler (it walks the running thread's stack every 10 ms) nor watching their memory and event loop ten times
# a second.
_QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
}


class DaskEngine(Engine):
    """Batches as Dask tasks; `workers` sizes a new `LocalCluster` and the in-flight window on a given cluster."""

    name = "dask"
    lost = (KilledWorker,)

    def __init__(self, workers: int | None = None, scheduler: str | None = None,
                 preload: Callable[[], None] | None = None, no_workers_wait: float = NO_WORKERS_WAIT) -> None:
        super().__init__(workers or machine_workers())
        self.scheduler = scheduler
        self.no_workers_wait = no_workers_wait
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
            with dask.config.set({"distributed.worker.multiprocessing-method": "fork" if forking else "spawn",
                                  **_QUIET_WORKERS}):
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

    def _wait(self, key: K, job: Job[R], running: Pending[R]) -> tuple[K, R]:
        """The job's result, or D701 once the cluster has had no worker for `no_workers_wait` seconds."""
        future = cast("Future[R]", running)
        empty_since: float | None = None
        while True:
            with self._losing(job):
                try:
                    return key, future.result(timeout=min(_LOOK_EVERY, self.no_workers_wait))
                except TimeoutError:
                    pass
            if self._client.nthreads():
                empty_since = None
                continue
            now = time.monotonic()
            if empty_since is None:
                empty_since = now
            elif now - empty_since >= self.no_workers_wait:
                raise EngineError(
                    f"the dask cluster has had no worker for {self.no_workers_wait:g} s (all died and none came "
                    f"back); {job.label} and the batches after it were not stored; restart the cluster and run the "
                    "same command again to resume")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
