"""The task a worker runs: one batch of articles through the pure per-article pipeline.

It lives in its own small module so worker processes (pool or Dask) import as little as possible to run it.
"""

from __future__ import annotations

from dateline.article import Article
from dateline.pipeline import Analysis, PipelineConfig, analyze_many


def analyze_batch(articles: list[Article], config: PipelineConfig) -> list[Analysis]:
    """`pipeline.analyze` on each article, in order (through `analyze_many`: one model pass for the batch)."""
    return analyze_many(articles, config)
