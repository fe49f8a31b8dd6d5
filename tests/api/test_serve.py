"""`dateline serve` end to end: a real process on 127.0.0.1, read-only without a token, writes with one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(db: Path, *extra: str, env: dict[str, str] | None = None) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port),
                                *extra], env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/api/stats", timeout=1)
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read() if process.stdout else ''
                    raise AssertionError(f"server did not start: {output}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.slow
def test_serve_binds_loopback_and_guards_writes(seeded_db: Path) -> None:
    with serving(seeded_db) as url:
        assert httpx.get(f"{url}/api/stats").json()["articles"] == 2
        assert "dateline" in httpx.get(f"{url}/").text
        refused = httpx.post(f"{url}/api/ingest", content=b"{}", headers={"authorization": "Bearer x"})
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "D603"
    body = b'{"date": "2023-07-09", "text": "A third article about the premiere."}\n'
    with serving(seeded_db, env={"DATELINE_TOKEN": "tok"}) as url:
        posted = httpx.post(f"{url}/api/ingest", params={"seen_at": "2023-07-09", "mode": "fast"}, content=body,
                            headers={"authorization": "Bearer tok"})
        assert posted.json()["added"] == 1
        assert httpx.get(f"{url}/api/stats").json()["articles"] == 3


@pytest.mark.slow
def test_serve_rate_limit_option(seeded_db: Path) -> None:
    with serving(seeded_db, "--rate", "1", "--burst", "2") as url:
        statuses = [httpx.get(f"{url}/api/stats").status_code for _ in range(4)]
        assert 429 in statuses and statuses[0] == 200


@pytest.mark.slow
def test_serve_with_two_workers(seeded_db: Path) -> None:
    with serving(seeded_db, "--workers", "2", env={"DATELINE_TOKEN": "tok"}) as url:
        assert {httpx.get(f"{url}/api/stats").json()["articles"] for _ in range(6)} == {2}
        refused = httpx.post(f"{url}/api/ingest", content=b"", headers={"authorization": "Bearer nope"})
        assert refused.status_code == 401
