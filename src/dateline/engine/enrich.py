"""Enrichment: give articles stored in fast mode what fast mode skipped (statistical NER), from the stored text.

Sources are not read again: the stored text is the input, so offsets stay valid. An article needs enriching when
none of its mentions came from the model (every fast-mode article; a full-mode article without any named entity
is redone too, which changes nothing). Batches run on an engine like an ingest, through the same Parquet shards
(`dateline.engine.shards`); each batch replaces its articles' mentions and groups with the shard's and resolves
them in one transaction, and a final rebuild redoes every cross-article decision
from the stored groups (committing as it goes), so the result is what a full-mode ingest of the same articles
gives. Killed half-way, a run leaves whole batches (or rebuild steps) behind, and running it again, or the next
ingest run, finishes the job.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from dateline.article import Article
from dateline.engine import open_engine
from dateline.engine.base import gathered
from dateline.engine.shards import load_shard
from dateline.engine.spool import Spool
from dateline.engine.work import shard_jobs
from dateline.entities import rebuild, resolve, resolve_pending
from dateline.pipeline import PipelineConfig, load_models
from dateline.store.articles import row_to_article
from dateline.store.db import Store
from dateline.store.entities import redo_pending

# Rows that belong to an article's entity analysis (in the order a shard loads them); the cross-article
# decisions are redone by `rebuild`.
_PER_ARTICLE = ("doc_entities", "doc_entity_keys", "entity_mentions")
_FULL = PipelineConfig(mode="full")

_NEEDS_NER = (
    "SELECT rowid, * FROM articles a WHERE rowid > ? AND NOT EXISTS "
    "(SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND m.source = 'spacy') ORDER BY rowid LIMIT ?"
)


@dataclass
class EnrichReport:
    """How many articles got the model's mentions, and how many mentions that added."""

    articles: int = 0
    mentions_before: int = 0
    mentions_after: int = 0


def _batches(store: Store, size: int) -> Iterator[tuple[dict[str, str], list[Article]]]:
    """(the batch's id -> first_seen_at, its articles) for each batch of stored articles needing NER."""
    last = 0
    while rows := store.conn.execute(_NEEDS_NER, (last, size)).fetchall():
        last = int(rows[-1][0])
        yield {row["id"]: row["first_seen_at"] for row in rows}, [row_to_article(row).article for row in rows]


def _count(conn: sqlite3.Connection, ids: list[str]) -> int:
    marks = ",".join("?" * len(ids))
    return int(conn.execute(f"SELECT count(*) FROM entity_mentions WHERE article_id IN ({marks})", ids).fetchone()[0])


def enrich(store: Store, *, engine: str = "local", workers: int | None = None, scheduler: str | None = None,
           batch_size: int = 200, progress: Callable[[int], None] | None = None, spool: Path | None = None
           ) -> EnrichReport:
    """Run statistical NER over every stored article that lacks it, and bring entities up to date."""
    report = EnrichReport()
    with Spool.beside(store.path, spool) as folder, open_engine(
            engine, workers=workers, scheduler=scheduler, preload=partial(load_models, _FULL)) as runner:
        for seen, shards in gathered(runner.run(shard_jobs(runner, _batches(store, batch_size), _FULL, folder))):
            ids = list(seen)
            with store.transaction() as conn:
                report.mentions_before += _count(conn, ids)
                marks = ",".join("?" * len(ids))
                for table in reversed(_PER_ARTICLE):
                    conn.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", ids)
                for shard in shards:
                    load_shard(conn, shard, seen, _PER_ARTICLE)
                resolve(conn, ids, defer_backfill=True)  # decided by the rebuild below
                report.mentions_after += _count(conn, ids)
            for shard in shards:
                folder.discard(shard)
            report.articles += len(ids)
            if progress:
                progress(report.articles)
    with store.transaction() as conn:
        if report.articles or redo_pending(conn) is None:
            rebuild(conn)
        else:
            resolve_pending(conn)  # a killed run's rebuild goes on
    return report
