"""Load test: concurrent clients against `dateline serve` on loopback while articles are POSTed to it.

    python benchmarks/load.py [--db PATH] [--clients 20] [--duration 60] [--ingest-every 2] [--ingest-batch 10]
                              [--workers 1]

Starts the real server (`python -m dateline serve`, one process, rate limit off) over a database holding the demo
corpus (built first when `--db` does not exist), then runs `--clients` concurrent HTTP clients for `--duration`
seconds, each looping over a fixed mix of API reads and UI pages with random as-of dates, while one more client
POSTs batches of new articles to `/api/ingest` (full pipeline) every `--ingest-every` seconds. Prints requests,
errors (any non-2xx answer or failed request; an entity asked for as of a date before it was first named
is answered 404 by design and not counted), throughput and latency p50/p95/p99 overall and per endpoint, and
exits 1 if there was any error. Everything is bounded: the loop stops at the deadline, the server is stopped after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.sample import sample_paths
from dateline.store.db import Store

TOKEN = "load-test-token"
AS_OF = [None, "2005-06-30", "2007-12-31", "2009-06-30", "2011-12-31", "2023-06-30", "2023-07-08"]
QUERIES = ["Atwell drifting", "Boeing", "stock markets", "General Motors", "Apple iPhone", "oil prices", "Cruise",
           '"Dead Reckoning"', "airbus contract", "bank"]
ENTITIES = ["Atwell", "Boeing", "General Motors", "Apple", "Steve Jobs", "Tom Cruise"]


def _requests(rng: random.Random) -> tuple[str, str, dict[str, str]]:
    """One request of the mix: (endpoint label, path, query parameters)."""
    as_of = rng.choice(AS_OF)
    base = {"as_of": as_of} if as_of else {}
    kind = rng.choices(["search", "articles", "entity", "entities", "timeline", "events", "stories", "stats",
                        "page-search", "page-entity", "page-timeline"],
                       weights=[30, 10, 10, 5, 10, 5, 5, 5, 10, 5, 5])[0]
    if kind == "search":
        return kind, "/api/search", {**base, "q": rng.choice(QUERIES)}
    if kind == "articles":
        return kind, "/api/articles", {**base, "limit": "20"}
    if kind == "entity":
        return kind, f"/api/entities/{rng.choice(ENTITIES)}", base
    if kind == "entities":
        return kind, "/api/entities", {**base, "limit": "20"}
    if kind == "timeline":
        return kind, "/api/timeline", {**base, "q": rng.choice(QUERIES).strip('"')}
    if kind == "events":
        return kind, "/api/events", {**base, "q": rng.choice(QUERIES).strip('"')}
    if kind == "stories":
        return kind, "/api/stories", base
    if kind == "stats":
        return kind, "/api/stats", base
    if kind == "page-search":
        return kind, "/", {**base, "q": rng.choice(QUERIES)}
    if kind == "page-entity":
        return kind, f"/entities/{rng.choice(ENTITIES)}", base
    return kind, "/timeline", {**base, "q": rng.choice(QUERIES).strip('"')}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ensure_db(path: Path) -> None:
    if path.exists():
        return
    started = time.perf_counter()
    with Store(path) as store:
        report = ingest(store, sample_paths(), IngestOptions(seen_at=SEEN_AT_PUBLISHED))
    print(f"built {path}: {report.added} articles in {time.perf_counter() - started:.1f} s")


def _batch(records: list[dict[str, str]], number: int, size: int) -> bytes:
    """Batch `number` of new articles made from the sample corpus: new ids and titles, dated in 2024."""
    lines = []
    for offset in range(size):
        serial = number * size + offset
        record = records[serial % len(records)]
        lines.append(json.dumps({**record, "id": f"load-{serial}", "date": f"2024-02-{1 + serial % 28:02d}",
                                 "title": f"{record.get('title', '')} (follow-up {serial})"}))
    return ("\n".join(lines) + "\n").encode()


class Tally:
    """Latencies and errors per endpoint."""

    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def add(self, label: str, seconds: float, error: str | None) -> None:
        self.latency[label].append(seconds)
        if error:
            self.errors[label].append(error)


async def _reader(client: httpx.AsyncClient, seed: int, deadline: float, tally: Tally) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        label, path, params = _requests(rng)
        started = time.perf_counter()
        error = None
        try:
            response = await client.get(path, params=params)
            unknown_then = response.status_code == 404 and label in ("entity", "page-entity") and "as_of" in params
            if response.status_code >= 300 and not unknown_then:
                error = f"{response.status_code} {path} {params}: {response.text[:200]}"
        except httpx.HTTPError as failure:
            error = f"{type(failure).__name__} {path} {params}: {failure}"
        tally.add(label, time.perf_counter() - started, error)


async def _writer(client: httpx.AsyncClient, every: float, size: int, deadline: float, tally: Tally) -> int:
    records = [json.loads(line) for line in sample_paths()[0].read_text(encoding="utf-8").splitlines() if line]
    added = 0
    number = 0
    while time.monotonic() + every < deadline:
        await asyncio.sleep(every)
        started = time.perf_counter()
        error = None
        try:
            response = await client.post("/api/ingest", content=_batch(records, number, size), timeout=120,
                                         headers={"authorization": f"Bearer {TOKEN}"})
            if response.status_code != 200:
                error = f"{response.status_code}: {response.text[:200]}"
            else:
                added += response.json()["added"]
        except httpx.HTTPError as failure:
            error = f"{type(failure).__name__}: {failure}"
        tally.add("ingest (POST)", time.perf_counter() - started, error)
        number += 1
    return added


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def _run(url: str, args: argparse.Namespace) -> tuple[Tally, int, float]:
    tally = Tally()
    limits = httpx.Limits(max_connections=args.clients + 2, max_keepalive_connections=args.clients + 2)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        started = time.monotonic()
        deadline = started + args.duration
        readers = [_reader(client, seed, deadline, tally) for seed in range(args.clients)]
        results = await asyncio.gather(_writer(client, args.ingest_every, args.ingest_batch, deadline, tally),
                                       *readers)
        return tally, int(results[0] or 0), time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=None, help="Database to serve (default: a fresh demo copy).")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--ingest-every", type=float, default=2.0)
    parser.add_argument("--ingest-batch", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1, help="Server processes (dateline serve --workers).")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="dateline-load-")
    db = args.db or Path(folder.name) / "load.db"
    _ensure_db(db)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port), "--rate", "0",
         "--workers", str(args.workers)],
        env={**os.environ, "DATELINE_TOKEN": TOKEN}, stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{url}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            print("the server did not start", file=sys.stderr)
            return 2
        tally, added, elapsed = asyncio.run(_run(url, args))
    finally:
        server.terminate()
        server.wait(timeout=20)
        folder.cleanup()
    reads = [s for label, values in tally.latency.items() if label != "ingest (POST)" for s in values]
    errors = sum(len(v) for v in tally.errors.values())
    print(f"{args.clients} clients, {args.workers} server worker(s), {elapsed:.0f} s, ingest of "
          f"{args.ingest_batch} articles every {args.ingest_every:g} s running ({added} articles added)")
    print(f"reads: {len(reads)} requests, {len(reads) / elapsed:.1f}/s, errors: {errors}")
    print(f"latency ms: p50 {_percentile(reads, 0.5):.1f}  p95 {_percentile(reads, 0.95):.1f}  "
          f"p99 {_percentile(reads, 0.99):.1f}  mean {statistics.fmean(reads) * 1000:.1f}")
    print(f"{'endpoint':<16}{'n':>7}{'p50':>9}{'p95':>9}{'p99':>9}{'errors':>8}")
    for label in sorted(tally.latency):
        values = tally.latency[label]
        print(f"{label:<16}{len(values):>7}{_percentile(values, 0.5):>9.1f}{_percentile(values, 0.95):>9.1f}"
              f"{_percentile(values, 0.99):>9.1f}{len(tally.errors.get(label, [])):>8}")
    for label, messages in tally.errors.items():
        for message in messages[:3]:
            print(f"  error {label}: {message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
