"""The Dask engine: the same batches, run on a `dask.distributed` cluster.

With a scheduler address it connects to that cluster (`Client(address)`); without one it starts a `LocalCluster`
of single-threaded worker processes on this machine. A worker that dies mid-batch is replaced by Dask and its
batch run again elsewhere: the task is pure, so running it twice changes nothing.
"""

from __future__ import annotations

from typing import Any

from dateline.article import Article
from dateline.engine.base import Engine, Pending
from dateline.engine.local import machine_workers
from dateline.engine.work import analyze_batch
from dateline.errors import Code, ConfigError
from dateline.pipeline import PipelineConfig


class DaskEngine(Engine):
    """Batches as Dask tasks; `workers` sizes a new `LocalCluster` and the in-flight window on a given cluster."""

    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        super().__init__(workers or machine_workers())
        self.scheduler = scheduler
        self._sized = workers is not None
        self._client: Any = None
        self._cluster: Any = None

    def _connect(self) -> Any:
        from distributed import Client, LocalCluster

        if self.scheduler is None:
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

    def _submit(self, articles: list[Article], config: PipelineConfig) -> Pending:
        if self._client is None:
            self._client = self._connect()
        future: Pending = self._client.submit(analyze_batch, articles, config, pure=False)
        return future

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
