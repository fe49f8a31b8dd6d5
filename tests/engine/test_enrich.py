"""`dateline enrich` after a fast ingest gives the entities a full ingest gives, without reading the sources."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

from dateline.engine.enrich import enrich
from dateline.engine.fingerprint import fingerprint
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.sample import sample_paths
from dateline.store.db import Store
from dateline.store.entities import redo_pending, rewind, unresolved_pages
from redo_steps import Steps

resolve_module = importlib.import_module("dateline.entities.resolve")

ENTITY_TABLES = ("entities", "entity_aliases", "doc_entities", "doc_entity_keys", "entity_mentions")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 24 sample (MEANTIME) articles: real news, full of names."""
    folder = tmp_path_factory.mktemp("enrich")
    lines = sample_paths()[0].read_text(encoding="utf-8").splitlines()[:24]
    (folder / "sample.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _ingest(db: Path, corpus: Path, mode: str) -> None:
    with Store(db) as store:
        options = IngestOptions(seen_at="published", batch_size=5, pipeline=PipelineConfig(mode=mode))  # type: ignore[arg-type]
        assert ingest(store, [corpus], options).added == 24


def _entities(db: Path) -> dict[str, tuple[int, str]]:
    with Store(db) as store:
        return {table: digest for table, digest in fingerprint(store).items() if table in ENTITY_TABLES}


def test_enrich_after_fast_equals_full(corpus: Path, tmp_path: Path) -> None:
    _ingest(tmp_path / "full.db", corpus, "full")
    _ingest(tmp_path / "fast.db", corpus, "fast")
    fast = _entities(tmp_path / "fast.db")
    with Store(tmp_path / "fast.db") as store:
        report = enrich(store, batch_size=20, workers=2)  # two parts of 10 a batch (`Engine.parts`)
    assert report.articles == 24 and report.mentions_after > report.mentions_before
    assert _entities(tmp_path / "fast.db") == _entities(tmp_path / "full.db") != fast


def test_enrich_twice_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    _ingest(tmp_path / "once.db", corpus, "fast")
    with Store(tmp_path / "once.db") as store:
        enrich(store, batch_size=7)
        first = fingerprint(store)
        again = enrich(store, batch_size=7)
        assert again.articles < 24 and fingerprint(store) == first


def test_enrich_killed_in_its_rebuild_is_finished_by_the_next_run(corpus: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  steps: Steps) -> None:
    """The final rebuild commits as it goes (steps made tiny here); killed half-way, `enrich` run again goes on from
    where it was instead of starting over, and the store ends as a full ingest's."""
    _ingest(tmp_path / "full.db", corpus, "full")
    _ingest(tmp_path / "fast.db", corpus, "fast")
    shutil.copy(tmp_path / "fast.db", tmp_path / "killed.db")
    monkeypatch.setattr(resolve_module, "rewind", lambda conn, since, step: rewind(conn, since, step, 20))
    monkeypatch.setattr(resolve_module, "unresolved_pages", lambda conn, since: unresolved_pages(conn, since, 10))
    monkeypatch.setattr(resolve_module, "_PAGES_A_STEP", 1)
    with Store(tmp_path / "fast.db") as store:
        enrich(store, batch_size=12)
    total = steps.count
    steps.reset(kill_after=total // 2)
    with Store(tmp_path / "killed.db") as store:
        with pytest.raises(Steps.Killed):
            enrich(store, batch_size=12)
        assert redo_pending(store.conn) is not None
        steps.reset()
        assert enrich(store, batch_size=12).articles == 0
        assert redo_pending(store.conn) is None
    assert total > 10 and steps.count < total - total // 2 + 4
    assert _entities(tmp_path / "killed.db") == _entities(tmp_path / "fast.db") == _entities(tmp_path / "full.db")
