"""Shared fixtures: a fresh store per test, the seed articles, and the optional ../shared data."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dateline.clock import FixedClock
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.store.db import Store, commit_step
from redo_steps import Steps

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEEDS = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "sample" / "seeds.txt"


@pytest.fixture
def shared_data() -> Path:
    """`../shared/data`, or skip: users who clone the project do not have it."""
    if not SHARED.is_dir():
        pytest.skip("needs ../shared/data (the project's development data), which is absent here")
    return SHARED


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store in a real SQLite file."""
    with Store(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2024, 1, 1, tzinfo=UTC))


@pytest.fixture
def seeded(store: Store) -> Store:
    """A store holding the two seed articles, each first seen on its publication date."""
    report = ingest(store, [SEEDS], IngestOptions(seen_at=SEEN_AT_PUBLISHED))
    assert report.added == 2 and not report.problems
    return store


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Steps:
    """Counts the steps of entity redos (and kills one when asked: `reset(kill_after=N)`)."""
    counted = Steps()

    def step(conn: sqlite3.Connection) -> None:
        commit_step(conn)
        counted.count += 1
        if counted.count == counted.kill_after:
            raise Steps.Killed

    monkeypatch.setattr(importlib.import_module("dateline.entities.resolve"), "commit_step", step)
    return counted


# What the migrations since 0022 did, undone (each in one script), for tests that take a store back to an older
# schema and reopen it, so that the later migrations run again.
_UNDO = {
    26: "ALTER TABLE entity_history_state DROP COLUMN sum_anew;",
    25: "DROP TABLE entity_rewound; ALTER TABLE entity_history_state DROP COLUMN redo_from;",
    24: "DROP INDEX entity_history_since;",
    23: "DROP TRIGGER weak_keys_added; DROP TRIGGER weak_keys_removed; DROP TABLE weak_keys;",
    22: "DROP INDEX doc_entities_uncounted; DROP TABLE entity_names; ALTER TABLE doc_entities DROP COLUMN counted;",
}


@pytest.fixture
def back_to() -> Callable[[sqlite3.Connection, int], None]:
    """Takes a store's file back to schema `version`: undoes the migrations after it that `_UNDO` knows (the latest
    first; a test going back further undoes the older ones itself), sets the version and commits. Reopened, the
    store runs them again."""
    def undo(conn: sqlite3.Connection, version: int) -> None:
        for number in sorted(_UNDO, reverse=True):
            if number > version:
                conn.executescript(_UNDO[number])
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    return undo
