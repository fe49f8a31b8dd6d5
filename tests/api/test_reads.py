"""The read endpoints over the seeds, with the golden examples of issue 6 and as-of cuts everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.events import candidates
from dateline.store.db import Store

ErrorCheck = Callable[..., dict[str, Any]]


def _days(items: list[dict[str, Any]]) -> list[str]:
    return [item["published_day"] for item in items]


def test_search_golden_example(client: TestClient) -> None:
    early = client.get("/api/search", params={"q": "Atwell drifting", "as_of": "2023-06-30"}).json()
    assert _days(early["items"]) == ["2023-06-22"] and early["total"] == 1
    both = client.get("/api/search", params={"q": "Atwell drifting", "as_of": "2023-07-08"}).json()
    assert sorted(_days(both["items"])) == ["2023-06-22", "2023-07-07"]
    hit = both["items"][0]
    text = hit["snippet"]["text"]
    start, end = hit["snippet"]["highlights"][0]
    offset = hit["snippet"]["start"]
    assert text[start - offset:end - offset].lower() in {"atwell", "drifting"}


def test_search_pages_keep_their_snapshot(client: TestClient, assert_error: ErrorCheck) -> None:
    first = client.get("/api/search", params={"q": "Cruise", "limit": 1}).json()
    assert first["total"] == 2 and first["next_cursor"]
    second = client.get("/api/search", params={"q": "Cruise", "limit": 1, "cursor": first["next_cursor"]}).json()
    assert second["next_cursor"] is None
    assert {first["items"][0]["article_id"], second["items"][0]["article_id"]} == {
        a["id"] for a in client.get("/api/articles").json()["items"]}
    assert_error(client.get("/api/search", params={"q": "Atwell", "cursor": first["next_cursor"]}), 400, "D608")
    assert_error(client.get("/api/search", params={"q": "-Cruise"}), 400, "D401")


def test_entity_resolves_aliases_as_of(client: TestClient, assert_error: ErrorCheck) -> None:
    atwell = client.get("/api/entities/Atwell").json()
    assert atwell["name"] == "Hayley Atwell" and atwell["timeline"] is None
    with_timeline = client.get("/api/entities/Atwell", params={"timeline": "true"}).json()["timeline"]
    assert {d["date"] for d in with_timeline["dates"]} >= {"2023-06-22", "2023-07-07"}
    assert {a["alias"] for a in atwell["aliases"]} >= {"Hayley Atwell", "Atwell"}
    assert set(atwell["per_day"]) == {"2023-06-22", "2023-07-07"}
    early = client.get("/api/entities/Atwell", params={"as_of": "2023-06-30"}).json()
    assert set(early["per_day"]) == {"2023-06-22"}
    assert [a["published_day"] for a in early["mentioned_in"]] == ["2023-06-22"]
    assert_error(client.get("/api/entities/Atwell", params={"as_of": "2023-06-01"}), 404, "D204")
    listed = client.get("/api/entities", params={"limit": 3}).json()
    assert len(listed["items"]) == 3 and listed["next_cursor"]
    rest = client.get("/api/entities", params={"limit": 3, "cursor": listed["next_cursor"]}).json()
    assert not {e["id"] for e in listed["items"]} & {e["id"] for e in rest["items"]}


def test_article_carries_its_timexes_and_mentions(client: TestClient) -> None:
    early = client.get("/api/articles", params={"as_of": "2023-06-30"}).json()["items"][0]
    detail = client.get(f"/api/articles/{early['id']}").json()
    premiere = next(t for t in detail["timexes"] if t["text"] == "July 12th")
    assert premiere["value"] == "2023-07-12" and detail["text"][premiere["start"]:premiere["end"]] == "July 12th"
    names = {m["entity"] for m in detail["mentions"] if m["text"] == "Atwell"}
    assert names == {"Hayley Atwell"}


def test_timeline_golden_example(client: TestClient) -> None:
    full = client.get("/api/timeline", params={"q": "Dead Reckoning"}).json()
    premiere = next(d for d in full["dates"] if d["date"] == "2023-07-12")
    assert len(premiere["articles"]) == 2 and premiere["first_reported_at"].startswith("2023-06-22")
    early = client.get("/api/timeline", params={"q": "Dead Reckoning", "as_of": "2023-06-30"}).json()
    premiere = next(d for d in early["dates"] if d["date"] == "2023-07-12")
    assert len(premiere["articles"]) == 1 and premiere["expected"] is True
    assert all(s["first_seen_at"] <= "2023-06-30T23:59:59.999999Z" for d in early["dates"] for s in d["sentences"])


def test_a_timeline_made_from_a_sample_says_so_in_json_and_on_its_page(client: TestClient,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "MAX_ARTICLES", 1)  # both seeds say "theaters": more than one article
    sample = client.get("/api/timeline", params={"q": "theaters"}).json()["sample"]
    assert sample["matched"] == 2 and 0 <= sample["read"] <= 2
    page = client.get("/timeline", params={"q": "theaters"}, headers={"accept": "text/html"}).text
    assert f"made from an even sample of {sample['read']} of the 2 articles with these words" in page
    early = client.get("/api/timeline", params={"q": "theaters", "as_of": "2023-06-30"}).json()
    assert early["sample"] is None  # one article known then


def test_exports(client: TestClient) -> None:
    document = client.get("/api/exports/timeline", params={"q": "Dead Reckoning"}).json()
    assert {"year": 2023, "month": 7, "day": 12} in [e["start_date"] for e in document["events"]]
    markdown = client.get("/api/exports/timeline", params={"q": "Dead Reckoning", "format": "markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown") and "## 2023-07-12" in markdown.text
    own = client.get("/api/exports/timeline", params={"q": "Dead Reckoning", "format": "json"}).json()
    assert own == client.get("/api/timeline", params={"q": "Dead Reckoning"}).json()


def test_events_and_revisions(client: TestClient) -> None:
    events = client.get("/api/events", params={"q": "Dead Reckoning", "min_mentions": 1}).json()["items"]
    premiere = next(e for e in events if e["earliest"] == "2023-07-12")
    assert premiere["scheduled"] and premiere["first_reported_at"].startswith("2023-06-22")
    early = client.get("/api/events", params={"q": "Dead Reckoning", "min_mentions": 2, "as_of": "2023-06-30"})
    assert all(len(e["mentions"]) >= 2 for e in early.json()["items"])
    schedules = client.get("/api/revisions", params={"q": "Dead Reckoning"}).json()["items"]
    history = [(h["value"], h["first_seen_at"][:10]) for h in schedules[0]["history"]]
    assert history[0] == ("2023-07-12", "2023-06-22") and len(history) == 2
    assert len(client.get("/api/revisions", params={"q": "Dead Reckoning", "as_of": "2023-06-30"})
               .json()["items"][0]["history"]) == 1


def test_stories_as_of(client: TestClient, assert_error: ErrorCheck) -> None:
    listed = client.get("/api/stories", params={"min_articles": 1}).json()["items"]
    assert listed
    one = client.get(f"/api/stories/{listed[0]['id']}").json()
    assert one["id"] == listed[0]["id"] and one["members"]
    late = client.get("/api/articles").json()["items"][0]
    assert_error(client.get(f"/api/stories/{late['id']}", params={"as_of": "2023-06-30"}), 404, "D413")
    assert_error(client.get("/api/timeline", params={"entity": "Nobody Atall"}), 404, "D420")


def test_changes_window_and_as_of(client: TestClient, assert_error: ErrorCheck) -> None:
    after = client.get("/api/changes", params={"since": "2023-06-30"}).json()
    assert after["articles"] == 1
    assert "TikTok" in {e["name"] for e in after["entities"]}
    assert all(e["first_seen_at"] > "2023-06-30T23:59:59" for e in after["entities"])
    cut = client.get("/api/changes", params={"since": "2023-06-30", "until": "2023-07-31", "as_of": "2023-07-01"})
    assert cut.json()["articles"] == 0 and cut.json()["until"].startswith("2023-07-01")
    assert_error(client.get("/api/changes", params={"since": "2023-07-30", "until": "2023-07-01"}), 400, "D411")


def test_remembered_answers_follow_entity_overrides(client: TestClient, seeded_db: Path) -> None:
    from dateline.entities.resolve import apply_override

    assert client.get("/api/entities/Atwell").json()["name"] == "Hayley Atwell"
    with Store(seeded_db) as store, store.transaction() as conn:
        apply_override(conn, "rename", "Hayley Atwell", "Hayley Elizabeth Atwell", "2024-01-01T00:00:00.000000Z")
    assert client.get("/api/entities/Atwell").json()["name"] == "Hayley Elizabeth Atwell"
