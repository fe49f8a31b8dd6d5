"""The as-of contract through HTTP: every read endpoint, asked as of a date, answers exactly what a store that only
ever saw the articles first seen by then answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.store.db import Store

AS_OF = "2023-06-30"
READS: list[tuple[str, dict[str, Any]]] = [
    ("/api/articles", {}), ("/api/stats", {}), ("/api/search", {"q": "Cruise"}),
    ("/api/search", {"q": "Atwell drifting"}), ("/api/entities", {"limit": 200}),
    ("/api/entities/Atwell", {"timeline": "true"}),
    ("/api/entities/Tom Cruise", {}), ("/api/events", {"min_mentions": 1}), ("/api/revisions", {}),
    ("/api/timeline", {"q": "Dead Reckoning"}), ("/api/timeline", {"entity": "Hayley Atwell"}),
    ("/api/exports/timeline", {"q": "Dead Reckoning"}), ("/api/stories", {"min_articles": 1}),
    ("/api/changes", {"since": "2023-06-01"}),
]


def _strip(value: Any) -> Any:
    """Drop what names the snapshot of a listing rather than its content (cursors encode it)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in ("snapshot", "next_cursor")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


@pytest.mark.slow
def test_every_read_as_of_equals_a_store_that_saw_only_the_earlier_articles(seeded_db: Path, tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "sample" / "seeds.txt"
    text = seeds.read_text(encoding="utf-8")
    first = tmp_path / "seeds.txt"  # the same file name, so the seed reader gives the article the same key
    first.write_text(text[:text.index("\n date 2023-07-07")], encoding="utf-8")
    early_db = tmp_path / "early.db"
    with Store(early_db) as store:
        assert ingest(store, [first], IngestOptions(seen_at=SEEN_AT_PUBLISHED)).added == 1
    with TestClient(create_app(seeded_db, rate=None)) as full, TestClient(create_app(early_db, rate=None)) as early:
        for path, params in READS:
            asked = {**params, "as_of": AS_OF}
            got, want = full.get(path, params=asked), early.get(path, params=asked)
            assert got.status_code == want.status_code == 200, (path, got.text[:300], want.text[:300])
            assert _strip(got.json()) == _strip(want.json()), path
        assert full.get("/api/articles").json() != early.get("/api/articles").json()
