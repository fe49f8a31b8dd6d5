"""POST /api/ingest: JSONL and seed bodies through the same readers and pipeline as the CLI."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_jsonl_body_is_stored_and_bad_records_reported(client: TestClient, auth: dict[str, str]) -> None:
    body = (b'{"date": "2023-07-10", "title": "Premiere week", "text": "The film opens on Wednesday."}\n'
            b'{"title": "no date", "text": "Undated."}\n'
            b"not json\n")
    result = client.post("/api/ingest", params={"seen_at": "2023-07-10"}, content=body, headers=auth).json()
    assert (result["added"], result["rejected"]) == (1, 2)
    assert sorted(p["code"] for p in result["problems"]) == ["D101", "D102"]
    assert all(p["source"].endswith(".jsonl") and p["location"].startswith("line ") for p in result["problems"])
    listed = client.get("/api/articles", params={"as_of": "2023-07-10"}).json()["items"]
    assert listed[0]["title"] == "Premiere week" and listed[0]["first_seen_at"].startswith("2023-07-10T00:00")
    again = client.post("/api/ingest", params={"seen_at": "2023-07-11"}, content=body, headers=auth).json()
    assert (again["added"], again["duplicates"]) == (0, 1)


def test_seed_body_with_published_stamp(client: TestClient, auth: dict[str, str]) -> None:
    assert client.get("/api/stats", params={"as_of": "2023-07-12"}).json()["articles"] == 2  # remembered...
    body = b" date 2023-07-12 The premiere happened today in Rome.\n\nCrowds cheered."
    result = client.post("/api/ingest", params={"format": "seed", "seen_at": "published"}, content=body,
                         headers=auth).json()
    assert result["added"] == 1
    stats = client.get("/api/stats", params={"as_of": "2023-07-12"}).json()
    assert stats["articles"] == 3 and stats["published_to"] == "2023-07-12"  # ...until an article arrives


def test_bad_seen_at_is_a_400(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post("/api/ingest", params={"seen_at": "yesterday"}, content=b"", headers=auth)
    assert response.status_code == 400 and response.json()["error"]["code"] == "D402"
