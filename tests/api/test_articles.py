"""Articles and stats over HTTP: as-of views, stable pages, one article with its sentences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.engine.enrich import enrich
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store
from redo_steps import Steps

ErrorCheck = Callable[..., dict[str, Any]]
SEEDS = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "sample" / "seeds.txt"


def _days(response: object) -> list[str]:
    return [item["published_day"] for item in response.json()["items"]]  # type: ignore[attr-defined]


def test_as_of_hides_what_was_first_seen_later(client: TestClient) -> None:
    assert _days(client.get("/api/articles")) == ["2023-07-07", "2023-06-22"]
    assert _days(client.get("/api/articles", params={"as_of": "2023-06-30"})) == ["2023-06-22"]
    assert _days(client.get("/api/articles", params={"as_of": "2023-06-21"})) == []
    assert client.get("/api/stats", params={"as_of": "2023-06-30"}).json()["articles"] == 1
    assert client.get("/api/stats", params={"as_of": "2023-06-30"}).json()["versions"] == 1


def test_filters(client: TestClient) -> None:
    assert _days(client.get("/api/articles", params={"published_from": "2023-07-01"})) == ["2023-07-07"]
    assert _days(client.get("/api/articles", params={"published_to": "2023-07-01"})) == ["2023-06-22"]
    assert _days(client.get("/api/articles", params={"source": "nowhere"})) == []


def test_pages_are_stable_while_articles_arrive(client: TestClient, seeded_db: Path, tmp_path: Path) -> None:
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert [a["published_day"] for a in first["items"]] == ["2023-07-07"]
    late = tmp_path / "late.jsonl"
    late.write_text('{"date": "2023-07-05", "text": "A late article about Rome.", "title": "Late"}\n')
    with Store(seeded_db) as store:
        assert ingest(store, [late], IngestOptions()).added == 1  # first seen now: after the snapshot
    second = client.get("/api/articles", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert [a["published_day"] for a in second["items"]] == ["2023-06-22"]
    assert second["next_cursor"] is None and second["snapshot"] == first["snapshot"]
    assert _days(client.get("/api/articles")) == ["2023-07-07", "2023-07-05", "2023-06-22"]


def test_one_article_with_sentences_and_as_of(client: TestClient, assert_error: ErrorCheck) -> None:
    listed = client.get("/api/articles").json()["items"]
    early = next(a for a in listed if a["published_day"] == "2023-06-22")
    detail = client.get(f"/api/articles/{early['id'][:8]}").json()
    assert detail["id"] == early["id"] and detail["latest_id"] == early["id"]
    assert detail["text"].startswith("As with a lot of Tom Cruise")
    sentence = detail["sentences"][0]
    assert detail["text"][sentence["start"]:sentence["end"]].startswith("As with a lot")
    late = next(a for a in listed if a["published_day"] == "2023-07-07")
    assert client.get(f"/api/articles/{late['id']}", params={"as_of": "2023-07-07"}).status_code == 200
    assert_error(client.get(f"/api/articles/{late['id']}", params={"as_of": "2023-07-06"}), 404, "D204")


def test_stats_equal_the_store_figures_at_every_date(client: TestClient, seeded_db: Path, tmp_path: Path) -> None:
    from dateline.store.stats import corpus_stats

    revised = tmp_path / "revised.jsonl"
    revised.write_text('{"id": "r1", "source": "wire", "date": "2023-07-01", "text": "First take."}\n')
    with Store(seeded_db) as store:
        ingest(store, [revised], IngestOptions(seen_at="published"))
        revised.write_text('{"id": "r1", "source": "wire", "date": "2023-07-01", "text": "Second take."}\n')
        ingest(store, [revised], IngestOptions(seen_at="published"))
        for as_of in (None, "2023-06-21", "2023-06-30", "2023-07-01", "2023-07-07"):
            expected = corpus_stats(store.conn, as_of)
            got = client.get("/api/stats", params={"as_of": as_of} if as_of else {}).json()
            assert {k: got[k] for k in expected if k != "versions"} == {k: v for k, v in expected.items()
                                                                         if k != "versions"}, as_of
    assert client.get("/api/stats").json()["versions"] == 4
    assert [a["published_day"] for a in client.get("/api/articles").json()["items"]] == [
        "2023-07-07", "2023-07-01", "2023-06-22"]


def test_entities_decided_again_without_new_articles_are_served_fresh(tmp_path: Path, steps: Steps) -> None:
    """`enrich` of a fast-mode store adds no article and no override, yet changes the entities: the answers the API
    remembered are not served after it. And `/api/stats` says when a redo is under way (read on every request,
    while the corpus figures are remembered)."""
    path = tmp_path / "fast.db"
    with Store(path) as store:
        ingest(store, [SEEDS], IngestOptions(seen_at=SEEN_AT_PUBLISHED, pipeline=PipelineConfig(mode="fast")))
    with TestClient(create_app(path, rate=None)) as client:
        fast = client.get("/api/entities").json()["items"]
        assert client.get("/api/stats").json()["entities_redo_from"] is None
        steps.reset(kill_after=1)  # in its rebuild, the decisions undone
        with Store(path) as store, pytest.raises(Steps.Killed):
            enrich(store, batch_size=1)
        assert client.get("/api/stats").json()["entities_redo_from"] == ""
        steps.reset()
        with Store(path) as store:
            enrich(store)  # finishes it
        assert client.get("/api/stats").json()["entities_redo_from"] is None
        enriched = client.get("/api/entities").json()["items"]
    full = tmp_path / "full.db"
    with Store(full) as store:
        ingest(store, [SEEDS], IngestOptions(seen_at=SEEN_AT_PUBLISHED))
    with TestClient(create_app(full, rate=None)) as client:
        assert enriched == client.get("/api/entities").json()["items"] != fast
