"""Search test helpers: store hand-made articles in a real store through the pipeline, as ingest does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from dateline.article import Article, parse_published
from dateline.pipeline import PipelineConfig, analyze, save, update_corpus
from dateline.store.articles import Outcome, put_article
from dateline.store.db import Store


def add_article(store: Store, text: str, *, published: str, seen: str | None = None, title: str | None = None,
                source: str | None = "wire", url: str | None = None) -> str:
    """Store one article first seen on `seen` (default: its publication date); return its id."""
    article = Article(text=text, published=parse_published(published), title=title, source=source, url=url)
    first_seen = datetime.fromisoformat(seen or published)
    first_seen = first_seen if first_seen.tzinfo else first_seen.replace(tzinfo=UTC)
    with store.transaction() as conn:
        stored = put_article(conn, article, first_seen)
        if stored.outcome is not Outcome.DUPLICATE:
            save(conn, analyze(article, PipelineConfig(mode="fast")))
            update_corpus(conn, [stored.id])
    return stored.id


@pytest.fixture
def add_to() -> Callable[..., str]:
    """`add_to(store, text, published=..., ...)`: `add_article` for tests that need a second store."""
    return add_article


@pytest.fixture
def add(store: Store) -> Callable[..., str]:
    """`add(text, published=..., seen=..., title=..., source=..., url=...)` into the test store."""

    def _add(text: str, **fields: str | None) -> str:
        return add_article(store, text, **fields)  # type: ignore[arg-type]

    return _add
