"""Web UI and API latency per page over an existing database (e.g. the 106k Reuters build of benchmarks/search.py).

    python benchmarks/search.py build --db /tmp/reuters.db      # once: 106k articles, FTS only
    python benchmarks/pages.py --db /tmp/reuters.db [--rounds 20] [--seed 7] [--word stock --word agency ...]

Each round asks every page once, in-process (no network: this measures the server's work), with a query word taken
from a random title (or the `--word`s given, in turn) and a random as-of date inside the corpus span, plus the same
page without as-of; on a store with entities, also the page and the timeline (a fragment the page fetches) of one of
the 200 most mentioned entities. Prints p50 and p95 per page in ms, wall and CPU. The database is opened as
`dateline serve` opens it (migrated if needed).
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.api import create_app

STOP = frozenset("about after again also been before from have into more over said says than that their there these "
                 "they this those under update what when where which while will with would year".split())


def _words(conn: sqlite3.Connection, rng: random.Random, count: int) -> list[str]:
    titles = [row[0] for row in conn.execute("SELECT title FROM articles WHERE title IS NOT NULL LIMIT 5000")]
    words = [w for t in titles for w in re.findall(r"[A-Za-z]{5,}", t) if w.lower() not in STOP]
    return [rng.choice(words) for _ in range(count)] if words else ["news"] * count


def _dates(conn: sqlite3.Connection, rng: random.Random, count: int) -> list[str]:
    low, high = conn.execute("SELECT min(published_day), max(published_day) FROM articles").fetchone()
    first, span = date.fromisoformat(low), (date.fromisoformat(high) - date.fromisoformat(low)).days
    return [(first + timedelta(days=rng.randint(0, span))).isoformat() for _ in range(count)]


def _entities(conn: sqlite3.Connection, rng: random.Random, count: int) -> list[int | None]:
    """Ids of entities with mentions, drawn at random among the 200 most mentioned (None without entities)."""
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM entities WHERE mentions > 0 ORDER BY mentions DESC"
                                              " LIMIT 200")]
    except sqlite3.OperationalError:
        ids = []
    return [rng.choice(ids) for _ in range(count)] if ids else [None] * count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--word", action="append", help="a query word to use (repeat; taken in turn each round)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        words, dates = _words(conn, rng, args.rounds), _dates(conn, rng, args.rounds)
        if args.word:  # drawn above all the same, so the dates stay those of the seed
            words = [args.word[n % len(args.word)] for n in range(args.rounds)]
        article_ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT ?",
                                                      (args.rounds,))]
        entities = _entities(conn, rng, args.rounds)
    timings: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}  # the app runs in a thread of this process: its CPU time is ours
    with TestClient(create_app(args.db, rate=None)) as client:
        for word, as_of, article_id, entity in zip(words, dates, article_ids, entities, strict=False):
            pages = {
                "home": ("/", {}), "home as of": ("/", {"as_of": as_of}),
                "search page": ("/", {"q": word}), "search page as of": ("/", {"q": word, "as_of": as_of}),
                "api search as of": ("/api/search", {"q": word, "as_of": as_of}),
                "api articles as of": ("/api/articles", {"as_of": as_of}),
                "api stats as of": ("/api/stats", {"as_of": as_of}),
                "article page": (f"/articles/{article_id}", {}),
                "entities page as of": ("/entities", {"as_of": as_of}),
                "stories page as of": ("/stories", {"as_of": as_of}),
                "timeline page as of": ("/timeline", {"q": word, "as_of": as_of}),
            }
            if entity is not None:  # as of now: an entity named in a random article may not exist at a random date
                pages["entity page"] = (f"/entities/{entity}", {})
                pages["entity timeline"] = (f"/entities/{entity}/timeline", {})
            for name, (path, params) in pages.items():
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(path, params=params)
                timings.setdefault(name, []).append((time.perf_counter() - started) * 1000)
                cpu.setdefault(name, []).append((time.process_time() - started_cpu) * 1000)
                if response.status_code != 200:
                    print(f"  {name} {params}: {response.status_code} {response.text[:120]}")
    print(f"{articles} articles in {args.db}, {args.rounds} rounds")
    print(f"{'page':<22}{'p50 ms':>9}{'p95 ms':>9}{'cpu p50':>9}{'cpu p95':>9}")
    for name, values in timings.items():
        ordered, cpu_ordered = sorted(values), sorted(cpu[name])
        at = int(0.95 * (len(ordered) - 1))
        print(f"{name:<22}{statistics.median(ordered):>9.1f}{ordered[at]:>9.1f}"
              f"{statistics.median(cpu_ordered):>9.1f}{cpu_ordered[at]:>9.1f}")


if __name__ == "__main__":
    main()
