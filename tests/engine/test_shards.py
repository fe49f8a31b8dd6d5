"""Parquet shards store what saving analyses one by one stores; the spool never lets a shard be loaded twice."""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.article import Article, parse_published
from dateline.asof import seen_stamp
from dateline.engine.fingerprint import fingerprint
from dateline.engine.shards import TABLES, load_shard, write_shard
from dateline.engine.spool import Spool
from dateline.engine.synthetic import write_jsonl
from dateline.errors import Code, StoreError
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig, analyze_many, save, update_corpus
from dateline.search.index import index_article
from dateline.store.articles import put_article, row_to_article
from dateline.store.db import Store

SEEN = datetime(2020, 1, 1, tzinfo=UTC)
TEXTS = ["Angela Merkel met Emmanuel Macron in Berlin on Tuesday. Talks resume next month.",
         "Shares of Exxon Mobil fell 3 percent in New York trading last week, the company said.",
         "The International Monetary Fund (IMF) will publish its outlook in April 2024. Its chief spoke on Monday."]


def _articles() -> list[Article]:
    return [Article(text, parse_published(f"2024-01-0{n + 1}")) for n, text in enumerate(TEXTS)]


def test_loading_a_shard_stores_what_saving_one_by_one_stores(tmp_path: Path) -> None:
    articles = _articles()
    analyses = analyze_many(articles, PipelineConfig(mode="full"))
    with Store(tmp_path / "saved.db") as saved, saved.transaction() as conn:
        for article, analysis in zip(articles, analyses, strict=True):
            put_article(conn, article, SEEN)
            save(conn, analysis)
        update_corpus(conn, [a.content_hash for a in articles])
    shard = write_shard(analyses, tmp_path / "batch-1")
    assert sorted(p.name for p in shard.iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
    with Store(tmp_path / "loaded.db") as loaded, loaded.transaction() as conn:
        for article in articles:
            put_article(conn, article, SEEN)
            index_article(conn, article.content_hash)
        load_shard(conn, shard, {a.content_hash: seen_stamp(SEEN) for a in articles})
        update_corpus(conn, [a.content_hash for a in articles])
    with Store(tmp_path / "saved.db") as saved, Store(tmp_path / "loaded.db") as loaded:
        expected = fingerprint(saved)
        assert fingerprint(loaded) == expected
        assert expected["entity_mentions"][0] > 0 and expected["timexes"][0] > 0


def test_load_leaves_out_articles_not_asked_for(tmp_path: Path) -> None:
    articles = _articles()
    shard = write_shard(analyze_many(articles, PipelineConfig(mode="fast")), tmp_path / "batch-1")
    with Store(tmp_path / "part.db") as store, store.transaction() as conn:
        put_article(conn, articles[1], SEEN)
        load_shard(conn, shard, {articles[1].content_hash: seen_stamp(SEEN)})
        stored = {row[0] for row in conn.execute("SELECT DISTINCT article_id FROM sentences")}
    assert stored == {articles[1].content_hash}


def test_a_second_attempt_at_a_shard_gives_way(tmp_path: Path) -> None:
    """A Dask task run twice writes the same shard twice: the second attempt keeps the first, leaves no litter."""
    analyses = analyze_many(_articles(), PipelineConfig(mode="fast"))
    first = write_shard(analyses, tmp_path / "batch-1")
    before = pq.read_table(first / "timexes.parquet")
    assert write_shard(analyses, tmp_path / "batch-1") == first
    assert pq.read_table(first / "timexes.parquet").equals(before)
    assert [p.name for p in tmp_path.iterdir()] == ["batch-1"]


def test_an_unwritable_spool_is_d203(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        write_shard(analyze_many(_articles()[:1], PipelineConfig(mode="fast")), tmp_path / "missing" / "batch-1")
    assert raised.value.code is Code.STORE_WRITE_FAILED and "batch-1" in raised.value.message


def test_a_spool_that_cannot_be_created_is_d203(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError) as raised, Spool(tmp_path / "file" / "spool"):
        pass
    assert raised.value.code is Code.STORE_WRITE_FAILED and "--spool" in raised.value.message


def test_spool_clears_dead_runs_and_spares_live_ones(tmp_path: Path) -> None:
    root = tmp_path / "spool"
    dead = root / "run-dead"
    (dead / "batch-0000001").mkdir(parents=True)
    live = root / "run-live"
    live.mkdir()
    holder = os.open(live / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the live run's process holds it
    try:
        with Spool(root) as spool:
            assert spool.folder.is_dir() and not dead.exists() and live.is_dir()
            assert spool.shard(3).parent == spool.folder
        assert not spool.folder.exists() and live.is_dir()
    finally:
        os.close(holder)
    with Spool(root):
        assert not live.exists()
    assert not root.exists(), "the last run out removes the spool"


def test_a_shard_left_by_a_run_killed_after_its_commit_is_never_loaded(tmp_path: Path) -> None:
    """A crash between a batch's commit and the deletion of its shard: the next run drops the shard unread."""
    corpus = tmp_path / "corpus"
    write_jsonl(corpus, 30, seed=5, shard=30)
    options = IngestOptions(seen_at=SEEN, batch_size=10, pipeline=PipelineConfig(mode="fast"))
    db = tmp_path / "store.db"
    with Store(db) as store:
        ingest(store, [corpus], options)
        clean = fingerprint(store)
        rows = store.conn.execute("SELECT * FROM articles ORDER BY rowid LIMIT 10").fetchall()
    leftover = tmp_path / "store.db.spool" / "run-killed" / "batch-0000001"
    leftover.parent.mkdir(parents=True)
    write_shard(analyze_many([row_to_article(r).article for r in rows], options.pipeline), leftover)
    with Store(db) as store:
        report = ingest(store, [corpus], options)
        assert report.added == 0 and report.duplicates == 30
        assert fingerprint(store) == clean
    assert not (tmp_path / "store.db.spool").exists()
