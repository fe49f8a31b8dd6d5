"""Query speed of timelines, the event record and entities on an ingested Timeline17 topic, now and as of.

    python benchmarks/timelines.py DB [--query "oil spill"] [--word bank] [--entity BP] [--as-of 2010-06-30]
                                      [--repeat 3]

DB is a store that already holds the topic, e.g. made with
`dateline ingest ../shared/data/t17/raw/bpoil_bbc --seen-at published --db bpoil.db` (add the other bpoil_*
collections for the whole topic). Prints the best wall and CPU time of each query over `--repeat` runs, and its size.
The target is a timeline in under 5 seconds for a topic of about 500 articles (issue 5), and every read fast at
any as-of date (issue 6). The entity reads are the API's: the profile, the entity's timeline, the top entities.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from dateline.entities import entity_profile, find_entity, list_entities
from dateline.events.cited import make_timeline
from dateline.events.record import find_events
from dateline.events.revisions import find_schedules
from dateline.store.db import Store


def best_of(repeat: int, run: Callable[[], int]) -> tuple[float, float, int]:
    """The fastest of `repeat` runs in wall and in CPU seconds (on a shared machine wall time includes waiting for a
    core), and what the last one returned."""
    times, cpu, size = [], [], 0
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        size = run()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(times), min(cpu), size


def profile_size(conn: sqlite3.Connection, name: str, as_of: str | None) -> int:
    """Find the entity going by `name` and profile it, as the API does; the number of articles shown."""
    found = find_entity(conn, name, as_of=as_of)
    return len(entity_profile(conn, found.id, as_of).articles) if found else 0


def reads(conn: sqlite3.Connection, args: argparse.Namespace, as_of: str | None
          ) -> list[tuple[str, Callable[[], int]]]:
    """The timed reads as of one date (None: everything stored), by name."""
    query, word, entity = args.query, args.word, args.entity
    return [
        (f"timeline {query!r} as_of={as_of}", lambda: len(make_timeline(conn, query, as_of=as_of).dates)),
        (f"events {query!r} as_of={as_of}", lambda: len(find_events(conn, query, as_of=as_of))),
        (f"events (all) as_of={as_of}", lambda: len(find_events(conn, None, as_of=as_of))),
        (f"revisions {query!r} as_of={as_of}", lambda: len(find_schedules(conn, query, as_of=as_of))),
        (f"timeline {word!r} as_of={as_of}", lambda: len(make_timeline(conn, word, as_of=as_of).dates)),
        (f"timeline entity={entity!r} as_of={as_of}",
         lambda: len(make_timeline(conn, None, entity=entity, as_of=as_of).dates)),
        (f"entity profile {entity!r} as_of={as_of}", lambda: profile_size(conn, entity, as_of)),
        (f"entities (top 20) as_of={as_of}", lambda: len(list_entities(conn, top=20, as_of=as_of))),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--query", default="oil spill")
    parser.add_argument("--word", default="bank")
    parser.add_argument("--entity", default="BP")
    parser.add_argument("--as-of", default="2010-06-30")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with Store(args.db, readonly=True) as store:
        conn = store.conn
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        mentions = conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
        links = conn.execute("SELECT count(*) FROM event_links").fetchone()[0]
        print(f"{args.db}: {articles} articles, {mentions} event mentions, {links} links")
        runs = [run for as_of in (None, args.as_of) for run in reads(conn, args, as_of)]
        for name, run in runs:
            seconds, cpu, size = best_of(args.repeat, run)
            print(f"{name:<50} {seconds:7.2f} s  cpu {cpu:6.2f} s  ({size} items)", flush=True)


if __name__ == "__main__":
    main()
