"""Stored entity summaries are kept up to date by adding what new groups bring (migration 0022), and always equal
what summing every mention of the entity from scratch gives: through merges, backfills, revisions and rebuilds."""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from dateline.engine.synthetic import articles
from dateline.entities.overrides import Rules
from dateline.entities.resolve import rebuild, refresh
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store
from dateline.store.entities import move_entity
from entity_sums import stored_sums, sums_from_scratch

resolve_module = importlib.import_module("dateline.entities.resolve")
_OPTIONS = IngestOptions(seen_at=SEEN_AT_PUBLISHED, workers=1, batch_size=40, pipeline=PipelineConfig(mode="full"))


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def _revised(record: dict[str, str]) -> dict[str, str]:
    """A later version of a generated article: a day later, its first paragraph (where its cast is) dropped."""
    day = int(record["published"][8:10]) + 1
    return {**record, "published": f"{record['published'][:8]}{day:02d}{record['published'][10:]}",
            "text": record["text"].split("\n\n", 1)[1]}


def test_summaries_added_to_equal_summaries_summedsums_from_scratch(tmp_path: Path) -> None:
    generated = list(articles(900, seed=5))  # 7.5 days of the archive: names shared by many articles
    later, earlier = generated[420:], generated[:420]
    with Store(tmp_path / "s.db") as store:
        # Later days first, then the earlier ones (a backfill, decided again with the entities it touches), then
        # revised versions of 30 articles of both parts, in batches of 40.
        for records in (later, earlier, [_revised(r) for r in generated[400:440]]):
            report = ingest(store, [_write(tmp_path / "part.jsonl", records)], _OPTIONS)
            assert not report.problems
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM articles WHERE supersedes IS NOT NULL").fetchone()[0] == 40
        groups = dict(conn.execute("SELECT entity_id, count(*) FROM doc_entities GROUP BY entity_id"))
        assert max(groups.values()) > 100  # a name in many articles
        assert conn.execute("SELECT count(DISTINCT name) FROM doc_entities d WHERE entity_id ="
                            " (SELECT entity_id FROM doc_entities GROUP BY entity_id HAVING count(DISTINCT name) > 1"
                            " LIMIT 1)").fetchone()[0] > 1  # an entity known by more than one name
        assert conn.execute("SELECT count(*) FROM doc_entities WHERE counted = 0").fetchone()[0] == 0
        incremental = stored_sums(conn)
        assert incremental == sums_from_scratch(conn)
        shown = conn.execute("SELECT id, name, type FROM entities ORDER BY id").fetchall()
        with store.transaction() as tx:
            rebuild(tx)
        assert stored_sums(conn) == incremental
        assert conn.execute("SELECT id, name, type FROM entities ORDER BY id").fetchall() == shown


def test_a_store_from_before_0022_gets_the_summaries_it_had(
        tmp_path: Path, back_to: Callable[[sqlite3.Connection, int], None]) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        assert not ingest(store, [_write(tmp_path / "c.jsonl", list(articles(200, seed=6)))], _OPTIONS).problems
        made = stored_sums(store.conn)
    assert len(made["names"]) > 50
    with closing(sqlite3.connect(path)) as conn:  # back to schema 21
        back_to(conn, 21)
    with Store(path) as store:
        assert store.schema_version >= 22
        assert stored_sums(store.conn) == made
        assert store.conn.execute("SELECT count(*) FROM doc_entities WHERE counted = 0").fetchone()[0] == 0
        # and it goes on adding to them
        assert not ingest(store, [_write(tmp_path / "d.jsonl", list(articles(100, seed=6, start=200)))],
                          _OPTIONS).problems
        assert stored_sums(store.conn) == sums_from_scratch(store.conn)


def test_a_merge_of_two_entities_named_in_one_article_counts_the_article_once(tmp_path: Path) -> None:
    record = {"id": "imf-1", "date": "2024-01-01", "text": "Kristalina Georgieva of the International Monetary Fund"
              " met Goldman Sachs bankers on Monday. Georgieva spoke in Washington."}
    with Store(tmp_path / "m.db") as store:
        assert not ingest(store, [_write(tmp_path / "one.jsonl", [record])], _OPTIONS).problems
        kept, gone = store.conn.execute("SELECT min(id), max(id) FROM entities").fetchone()
        with store.transaction() as conn:
            move_entity(conn, gone, kept, "2024-01-02")
            refresh(conn)
        assert store.conn.execute("SELECT articles FROM entities WHERE id = ?", (kept,)).fetchone()[0] == 1
        assert stored_sums(store.conn) == sums_from_scratch(store.conn)


def test_late_articles_sum_again_only_the_entities_they_changed(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles a few days late undo and redo the decisions made since: the entities decided as before keep their
    summaries (added to, not summed again), and every summary is what an ingest in order stores."""
    generated = list(articles(600, seed=5))
    late = generated[420:460]
    with Store(tmp_path / "ordered.db") as ordered, Store(tmp_path / "late.db") as store:
        assert not ingest(ordered, [_write(tmp_path / "all.jsonl", generated)], _OPTIONS).problems
        assert not ingest(store, [_write(tmp_path / "first.jsonl", generated[:420] + generated[460:])],
                          _OPTIONS).problems
        since = min(r["published"] for r in late).replace("Z", ".000000Z")  # seen when published
        touched = store.conn.execute(  # the groups of the entities the decisions since then made or added to
            "SELECT count(*) FROM doc_entities WHERE entity_id IN (SELECT entity_id FROM doc_entities"
            " WHERE seen_at >= ?)", (since,)).fetchone()[0]
        summed: list[int] = []
        refresh = resolve_module.refresh

        def counted(conn: sqlite3.Connection, rules: Rules | None = None, step: Callable[[], None] | None = None
                    ) -> None:
            summed.append(conn.execute("SELECT count(*) FROM doc_entities WHERE counted = 0"
                                       " AND entity_id IS NOT NULL").fetchone()[0])
            refresh(conn, rules, step)

        monkeypatch.setattr(resolve_module, "refresh", counted)
        before = store.conn.execute("SELECT count(*) FROM doc_entities").fetchone()[0]
        assert not ingest(store, [_write(tmp_path / "late.jsonl", late)], _OPTIONS).problems
        late_groups = store.conn.execute("SELECT count(*) FROM doc_entities").fetchone()[0] - before
        assert late_groups <= max(summed) < touched / 4, (late_groups, max(summed), touched)
        assert stored_sums(store.conn) == sums_from_scratch(store.conn) == stored_sums(ordered.conn)
