"""Browser fixtures: the demo corpus in a real database, the app on a real HTTP port, Debian's headless Chromium.

The server is uvicorn in a thread bound to 127.0.0.1 on a free port; the browser is driven by Playwright but is
the system `chromium` (never a browser Playwright downloads). Screenshots go to `test-artifacts/` (git-ignored).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from dateline.api import create_app
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.sample import sample_paths
from dateline.store.db import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus (MEANTIME + the seeds), each article first seen on its publication date."""
    path = tmp_path_factory.mktemp("ui") / "demo.db"
    with Store(path) as store:
        report = ingest(store, sample_paths(), IngestOptions(seen_at=SEEN_AT_PUBLISHED))
    assert report.added == 122 and not report.problems
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerThread:
    """uvicorn serving an app on 127.0.0.1 in a daemon thread, started and stopped by the caller."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(demo_db: Path) -> Iterator[ServerThread]:
    with ServerThread(create_app(demo_db, rate=None)) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (make system-deps installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, server: ServerThread) -> Iterator[object]:
    """A fresh browser page at a desktop size, failing the test on any script error or refused resource (CSP)."""
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text)
              if message.type == "error" and "Content Security Policy" in message.text else None)
    yield opened
    context.close()
    assert not errors, f"script errors in the page: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
