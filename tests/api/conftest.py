"""API fixtures: a real SQLite file holding the two seeds, and an in-process client of the app over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from dateline.api import create_app
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.store.db import Store

SEEDS = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "sample" / "seeds.txt"
TOKEN = "s3cret-token"


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    """A database holding the two seed articles, each first seen on its publication date."""
    path = tmp_path / "api.db"
    with Store(path) as store:
        report = ingest(store, [SEEDS], IngestOptions(seen_at=SEEN_AT_PUBLISHED))
    assert report.added == 2
    return path


@pytest.fixture
def client(seeded_db: Path) -> Iterator[TestClient]:
    """The app over the seeded store, writes allowed with `TOKEN`, no rate limit."""
    with TestClient(create_app(seeded_db, token=TOKEN, rate=None)) as test_client:
        yield test_client


ErrorCheck = Callable[[Response, int, str], dict[str, Any]]


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def auth() -> dict[str, str]:
    return {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def assert_error() -> ErrorCheck:
    return check_error


def check_error(response: Response, status: int, code: str) -> dict[str, Any]:
    """The response is an error in the one shape, with this status and code; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "status", "message", "details"}
    assert (error["code"], error["status"]) == (code, status)
    assert error["message"]
    return dict(error)
