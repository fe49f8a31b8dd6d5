"""Where the per-article pipeline runs: a local process pool, or a Dask cluster.

Both engines run batch jobs (the pure `dateline.pipeline.analyze` over a batch's articles, written as a Parquet
shard: `work.analyze_to_shard`) and hand the results back in the order the batches were given, so the writer
stores exactly the same thing whichever engine ran the analysis.

    >>> with open_engine("local", workers=1) as engine:
    ...     engine.name
    'local'
"""

from __future__ import annotations

from collections.abc import Callable

from dateline.engine.base import Engine
from dateline.errors import Code, ConfigError

ENGINES = ("local", "dask")

__all__ = ["ENGINES", "Engine", "open_engine"]


def open_engine(name: str = "local", *, workers: int | None = None, scheduler: str | None = None,
                preload: Callable[[], None] | None = None) -> Engine:
    """The engine called `name`: `local` (a process pool of `workers`, default one per core) or `dask`
    (the cluster at `scheduler`, or a new `LocalCluster` of `workers` when no address is given). The local pool
    and a new `LocalCluster` run `preload` (say, loading a model) in this process before forking their workers,
    which then share it."""
    if workers is not None and workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}", code=Code.INVALID_OPTION)
    if name == "local":
        if scheduler is not None:
            raise ConfigError("--scheduler needs --engine dask", code=Code.INVALID_OPTION)
        from dateline.engine.local import LocalEngine

        return LocalEngine(workers, preload)
    if name == "dask":
        from dateline.engine.dask import DaskEngine

        return DaskEngine(workers, scheduler, preload)
    raise ConfigError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}", code=Code.INVALID_OPTION)
