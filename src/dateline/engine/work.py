"""The task a worker runs: one batch of articles through the pure per-article pipeline, written as a shard.

It lives in its own small module so worker processes (pool or Dask) import as little as possible to run it.
"""

from __future__ import annotations

from pathlib import Path

from dateline.article import Article
from dateline.engine.shards import write_shard
from dateline.pipeline import PipelineConfig, analyze_many


def analyze_to_shard(articles: list[Article], config: PipelineConfig, target: Path) -> Path:
    """`pipeline.analyze` on each article (through `analyze_many`: one model pass for the batch), written as the
    Parquet shard `target` (see `dateline.engine.shards`)."""
    return write_shard(analyze_many(articles, config), target)
