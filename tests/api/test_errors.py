"""Every error has the one JSON shape and a stable code: validation, routes, auth, size, rate, cursors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from dateline.api import Rate, create_app
from dateline.api.limits import TokenBuckets

ErrorCheck = Callable[..., dict[str, Any]]


def test_bad_as_of_is_400_with_code_d402(client: TestClient, assert_error: ErrorCheck) -> None:
    for path in ("/api/articles", "/api/stats"):
        assert_error(client.get(path, params={"as_of": "last tuesday"}), 400, "D402")


def test_validation_errors_name_the_parameter(client: TestClient, assert_error: ErrorCheck) -> None:
    error = assert_error(client.get("/api/articles", params={"limit": "many"}), 422, "D601")
    assert error["details"] == [{"location": "query.limit", "message": error["details"][0]["message"]}]  # type: ignore[index]
    assert_error(client.get("/api/articles", params={"limit": 0}), 422, "D601")
    assert_error(client.get("/api/articles", params={"published_from": "June"}), 422, "D601")


def test_unknown_route_and_method(client: TestClient, assert_error: ErrorCheck) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "D606")
    assert_error(client.delete("/api/articles"), 405, "D607")


def test_missing_article_is_404_d204(client: TestClient, assert_error: ErrorCheck) -> None:
    assert_error(client.get("/api/articles/0000000000deadbeef"), 404, "D204")


def test_ui_pages_answer_browsers_with_html_errors(client: TestClient, assert_error: ErrorCheck) -> None:
    response = client.get("/articles/nope-nope", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert "D204" in response.text and "<html" in response.text
    assert_error(client.get("/articles/nope-nope"), 404, "D204")


def test_writes_need_the_token(client: TestClient, assert_error: ErrorCheck, token: str) -> None:
    body = b'{"date": "2023-07-01", "text": "Hello there."}\n'
    assert_error(client.post("/api/ingest", content=body), 401, "D602")
    assert_error(client.post("/api/ingest", content=body, headers={"authorization": "Bearer wrong"}), 401, "D602")
    assert client.post("/api/ingest", content=body, headers={"authorization": f"Bearer {token}"}).status_code == 200


def test_writes_are_refused_without_a_server_token(seeded_db: Path, assert_error: ErrorCheck) -> None:
    with TestClient(create_app(seeded_db, rate=None)) as read_only:
        assert_error(read_only.post("/api/ingest", content=b"{}", headers={"authorization": "Bearer x"}), 403, "D603")


def test_body_over_the_limit_is_413(seeded_db: Path, assert_error: ErrorCheck, token: str) -> None:
    with TestClient(create_app(seeded_db, token=token, rate=None, max_body_bytes=100)) as small:
        headers = {"authorization": f"Bearer {token}"}
        assert_error(small.post("/api/ingest", content=b"x" * 101, headers=headers), 413, "D604")

        def chunks() -> object:
            yield b"x" * 60
            yield b"x" * 60

        assert_error(small.post("/api/ingest", content=chunks(), headers=headers), 413, "D604")  # type: ignore[arg-type]


def test_rate_limit_answers_429_with_retry_after(seeded_db: Path, assert_error: ErrorCheck) -> None:
    # one token every 20 s: the four requests cannot earn one back, however slow the machine (at 1/s, a loaded
    # machine once served the fourth)
    with TestClient(create_app(seeded_db, rate=Rate(per_second=0.05, burst=3))) as limited:
        statuses = [limited.get("/api/stats").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = limited.get("/api/stats")
        assert_error(response, 429, "D605")
        assert int(response.headers["retry-after"]) >= 1


def test_token_buckets_refill_at_the_sustained_rate() -> None:
    now = [0.0]
    buckets = TokenBuckets(Rate(per_second=2, burst=2), monotonic=lambda: now[0])
    assert [buckets.take("a"), buckets.take("a")] == [0.0, 0.0]
    assert buckets.take("a") == 0.5
    assert buckets.take("b") == 0.0
    now[0] = 0.5
    assert buckets.take("a") == 0.0
    assert buckets.take("a") > 0


def test_bad_cursors_are_400_d608(client: TestClient, assert_error: ErrorCheck) -> None:
    assert_error(client.get("/api/articles", params={"cursor": "not-a-cursor"}), 400, "D608")
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert first["next_cursor"]
    other_query = client.get("/api/articles", params={"limit": 1, "cursor": first["next_cursor"], "source": "x"})
    assert_error(other_query, 400, "D608")


def test_openapi_declares_the_error_shape(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "ErrorResponse" in spec["components"]["schemas"]
    responses = spec["paths"]["/api/articles"]["get"]["responses"]
    assert responses["400"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}


def test_every_read_endpoint_takes_as_of_and_every_write_needs_the_token(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            names = {p["name"] for p in operation.get("parameters", [])}
            if method == "get":
                assert "as_of" in names, f"GET {path} does not take as_of"
            else:
                assert {"401", "403"} <= set(operation["responses"]), f"{method} {path} is not token-protected"
