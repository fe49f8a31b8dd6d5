"""Migration 0021: the story and event word indexes keyed by period first hold, in a migrated store, exactly the
rows a store made under 0021 holds (so the periods the migration computes in SQL are those the code computes)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from dateline.engine.synthetic import articles
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

# The three tables as they were before 0021 (migrations 0016 and 0019), and how to fill each from its 0021 form.
_BEFORE = {
    "story_features": ("feature TEXT NOT NULL, day TEXT NOT NULL, doc INTEGER NOT NULL,"
                       " PRIMARY KEY (feature, day, doc)", "feature, day, doc"),
    "story_sketches": ("value INTEGER NOT NULL, day TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (value, day, doc)",
                       "value, day, doc"),
    "event_words": ("word TEXT NOT NULL, wide INTEGER NOT NULL, first INTEGER NOT NULL, mention INTEGER NOT NULL,"
                    " last INTEGER NOT NULL, n INTEGER NOT NULL, head INTEGER NOT NULL,"
                    " PRIMARY KEY (word, wide, first, mention)", "word, wide, first, mention, last, n, head"),
}


def _rows(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3, 4").fetchall() for table in _BEFORE}


def test_a_store_from_before_0021_gets_the_rows_a_new_store_holds(
        tmp_path: Path, back_to: Callable[[sqlite3.Connection, int], None]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    # Every 20th article of 60 days of the generated archive (120 a day): stories and dated events across several
    # periods of both indexes.
    corpus.write_text("".join(json.dumps(record) + "\n" for record in list(articles(60 * 120, seed=3))[::20]),
                      encoding="utf-8")
    path = tmp_path / "old.db"
    with Store(path) as store:
        options = IngestOptions(seen_at=SEEN_AT_PUBLISHED, workers=1, pipeline=PipelineConfig(mode="fast"))
        assert not ingest(store, [corpus], options).problems
        made = _rows(store.conn)
    assert all(len(rows) > 100 for rows in made.values())
    assert len({row[0] for row in made["story_features"]}) >= 3  # periods
    assert len({row[0] for row in made["event_words"]}) >= 3
    with closing(sqlite3.connect(path)) as conn:  # back to schema 20
        back_to(conn, 20)
        for table, (columns, names) in _BEFORE.items():
            conn.executescript(f"CREATE TABLE old_{table} ({columns}) WITHOUT ROWID;"
                               f" INSERT INTO old_{table} SELECT {names} FROM {table}; DROP TABLE {table};"
                               f" ALTER TABLE old_{table} RENAME TO {table};")
        conn.commit()
    with Store(path) as store:
        assert store.schema_version >= 21
        assert _rows(store.conn) == made
