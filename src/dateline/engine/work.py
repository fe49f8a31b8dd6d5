"""The tasks a worker runs: one batch of articles through the pure per-article pipeline.

They live in their own small module so worker processes (pool or Dask) import as little as possible to run them.
"""

from __future__ import annotations

from pathlib import Path

from dateline.article import Article
from dateline.engine.shards import write_shard
from dateline.pipeline import Analysis, PipelineConfig, analyze_many


def analyze_batch(articles: list[Article], config: PipelineConfig) -> list[Analysis]:
    """`pipeline.analyze` on each article, in order (through `analyze_many`: one model pass for the batch)."""
    return analyze_many(articles, config)


def analyze_to_shard(articles: list[Article], config: PipelineConfig, target: Path) -> Path:
    """Analyze a batch and write the result as the Parquet shard `target` (see `dateline.engine.shards`)."""
    return write_shard(analyze_many(articles, config), target)
