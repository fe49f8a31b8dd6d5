"""The task a worker runs: one part of a batch of articles through the pure per-article pipeline, written as a
shard; and the jobs that cut every batch of a run into such parts.

It lives in its own small module so worker processes (pool or Dask) import as little as possible to run it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import count
from pathlib import Path
from typing import TypeVar

from dateline.article import Article
from dateline.engine.base import Engine, Job
from dateline.engine.shards import write_shard
from dateline.engine.spool import Spool
from dateline.pipeline import PipelineConfig, analyze_many

K = TypeVar("K")


def analyze_to_shard(articles: list[Article], config: PipelineConfig, target: Path) -> Path:
    """`pipeline.analyze` on each article (through `analyze_many`: one model pass for the batch), written as the
    Parquet shard `target` (see `dateline.engine.shards`)."""
    return write_shard(analyze_many(articles, config), target)


def shard_jobs(engine: Engine, batches: Iterable[tuple[K, Sequence[Article]]], config: PipelineConfig, spool: Spool
               ) -> Iterator[tuple[tuple[K, int], Job[Path]]]:
    """For each (key, articles) batch, in order, a job a part of it (`Engine.parts`) analyzing that part into a
    shard in the spool, keyed (the batch's key, its parts after this one) as `base.gathered` reads them back, and
    labelled with where its articles came from (for D701)."""
    shards = count(1)
    for number, (key, articles) in enumerate(batches, 1):
        parts = engine.parts(articles)
        for index, part in enumerate(parts, 1):
            origins = f", {part[0].origin} to {part[-1].origin}" if part else ""
            label = f"batch {number}, part {index} ({len(part)} of its {len(articles)} articles{origins})"
            yield (key, len(parts) - index), Job(partial(analyze_to_shard, list(part), config,
                                                         spool.shard(next(shards))), label)
