"""UI pages never answer 5xx, whatever the query string: bad input is a 4xx page with its error code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.api import create_app
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.store.db import Store

SEEDS = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "sample" / "seeds.txt"
PAGES = ["/", "/timeline", "/entities", "/entities/Atwell", "/stories", "/changes", "/articles/abc", "/api/docs"]
NAMES = ["q", "as_of", "cursor", "published_from", "published_to", "event_from", "event_to", "entity", "source",
         "type", "since", "until", "from", "to"]
VALUES = st.one_of(st.text(max_size=30), st.sampled_from(["2023-06-30", "2023-02-30", "0000-00-00", "-", '"',
                                                          "2023-07-08T10:00:00Z", "*", "NOT", "a OR", "title:"]))


@pytest.fixture(scope="module")
def ui_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("pages") / "pages.db"
    with Store(path) as store:
        ingest(store, [SEEDS], IngestOptions(seen_at=SEEN_AT_PUBLISHED))
    with TestClient(create_app(path, rate=None), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PAGES), params=st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=4))
def test_pages_answer_4xx_not_5xx(ui_client: TestClient, path: str, params: dict[str, str]) -> None:
    response = ui_client.get(path, params=params, headers={"accept": "text/html"})
    assert response.status_code < 500, (path, params, response.text[:500])
    if response.status_code >= 400:
        assert "error-box" in response.text
