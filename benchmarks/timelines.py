"""Query speed of the event record on an ingested Timeline17 topic: timeline, events, revisions, now and as of.

    python benchmarks/timelines.py DB [--query "oil spill"] [--as-of 2010-06-30] [--repeat 3]

DB is a store that already holds the topic, e.g. made with
`dateline ingest ../shared/data/t17/raw/bpoil_bbc --seen-at published --db bpoil.db` (add the other bpoil_*
collections for the whole topic). Prints the best wall time of each query over `--repeat` runs, and its size.
The target is a timeline in under 5 seconds for a topic of about 500 articles.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from dateline.events.cited import make_timeline
from dateline.events.record import find_events
from dateline.events.revisions import find_schedules
from dateline.store.db import Store


def best_of(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    """The fastest of `repeat` runs (seconds) and what the last one returned."""
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        size = run()
        times.append(time.perf_counter() - started)
    return min(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--query", default="oil spill")
    parser.add_argument("--as-of", default="2010-06-30")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with Store(args.db, readonly=True) as store:
        conn = store.conn
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        mentions = conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
        links = conn.execute("SELECT count(*) FROM event_links").fetchone()[0]
        print(f"{args.db}: {articles} articles, {mentions} event mentions, {links} links")
        runs: list[tuple[str, Callable[[], int]]] = []
        for as_of in (None, args.as_of):
            runs += [
                (f"timeline {args.query!r} as_of={as_of}",
                 lambda as_of=as_of: len(make_timeline(conn, args.query, as_of=as_of).dates)),
                (f"events {args.query!r} as_of={as_of}",
                 lambda as_of=as_of: len(find_events(conn, args.query, as_of=as_of))),
                (f"events (all) as_of={as_of}", lambda as_of=as_of: len(find_events(conn, None, as_of=as_of))),
                (f"revisions {args.query!r} as_of={as_of}",
                 lambda as_of=as_of: len(find_schedules(conn, args.query, as_of=as_of))),
            ]
        for name, run in runs:
            seconds, size = best_of(args.repeat, run)
            print(f"{name:<50} {seconds:7.2f} s  ({size} items)")


if __name__ == "__main__":
    main()
