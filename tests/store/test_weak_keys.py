"""Migration 0023: `weak_keys` lists every lone name and surname key of `doc_entity_keys` by its article's published
day, kept in step by triggers however the keys are written (ingest, overrides, enrich), and filled for an older
store from the keys it holds."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from dateline.engine.enrich import enrich
from dateline.entities.resolve import apply_override
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

RECORDS = [
    {"id": "film-1", "date": "2024-03-01", "text": "Tom Cruise met Hayley Atwell and Christopher McQuarrie in London."},
    {"id": "film-2", "date": "2024-03-05", "text": "On Tuesday, Cruise spoke with Hayley Atwell and Christopher"
     " McQuarrie in Rome."},
    {"id": "smith-1", "date": "2024-04-01", "text": "John Smith met Angela Merkel and Emmanuel Macron in Berlin."},
]


def _listed(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [tuple(r) for r in conn.execute("SELECT key, day, article_id, local FROM weak_keys ORDER BY 1, 2, 3, 4")]


def _held(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [tuple(r) for r in conn.execute(
        "SELECT k.key, a.published_day, k.article_id, k.local FROM doc_entity_keys k JOIN articles a"
        " ON a.id = k.article_id WHERE substr(k.key, 1, 5) = 'per1:' OR substr(k.key, 1, 4) = 'sur:'"
        " ORDER BY 1, 2, 3, 4")]


def _store(tmp_path: Path, mode: str = "full") -> Path:
    path = tmp_path / "s.db"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    options = IngestOptions(seen_at=SEEN_AT_PUBLISHED, workers=1, pipeline=PipelineConfig(mode=mode))
    with Store(path) as store:
        assert not ingest(store, [corpus], options).problems
    return path


def test_the_index_holds_every_lone_name_and_surname_key_through_enrich_and_a_split(tmp_path: Path) -> None:
    with Store(_store(tmp_path, "fast")) as store:
        lexical = _listed(store.conn)
        assert lexical == _held(store.conn)
        enrich(store, workers=1)  # each article's keys deleted and written again, with the model's names
        enriched = _listed(store.conn)
        assert enriched == _held(store.conn) != lexical
        assert {row[0] for row in enriched} >= {"per1:cruise", "sur:cruise", "sur:smith"}
        with store.transaction() as conn:  # "Cruise" split out: its group's keys are written again, renamed
            apply_override(conn, "split", "Tom Cruise", "Cruise", "2024-05-01T00:00:00Z")
        split = _listed(store.conn)
        assert split == _held(store.conn)
        assert "per1:cruise" in {row[0] for row in enriched} - {row[0] for row in split}


def test_a_store_from_before_0023_gets_the_index(tmp_path: Path,
                                                 back_to: Callable[[sqlite3.Connection, int], None]) -> None:
    path = _store(tmp_path)
    with Store(path) as store:
        made = _listed(store.conn)
    with closing(sqlite3.connect(path)) as conn:  # back to schema 22
        back_to(conn, 22)
    with Store(path) as store:
        assert store.schema_version >= 23
        assert _listed(store.conn) == made
