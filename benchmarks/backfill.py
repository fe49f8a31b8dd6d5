"""What a backfill costs: articles seen before the stored ones change what was known then.

    python benchmarks/backfill.py [--articles 20000] [--batch 200] [--backfill 400] [--late 0.01] [--workers 2]
                                  [--folder DIR]

Ingests `--articles` generated articles in full mode (so there are people and companies to resolve), then
`--backfill` new generated articles three times, each time in one run of `--batch`-article batches: first seen
after everything stored (forward); then seen just before the latest `--late` share of the store (late: articles
a day late in a store of a hundred days); then seen before all of it (`--seen-at 2000-01-10`: a backfill). A late
or backfill run decides again, once at its end, every entity decision made since its sighting. Last, a `rebuild`
of the whole store (what `enrich` ends with), in a process of its own. Prints, for each run, its wall and CPU
seconds and the peak RSS of its largest process, and the store's size in articles and entity groups, and how many
groups were seen at or after the run's sighting.

Nothing else should run on the machine meanwhile.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.engine.synthetic import write_jsonl

_INGEST = [sys.executable, "-c", "import sys; from dateline.cli import main; sys.exit(main())", "ingest"]
_REBUILD = [sys.executable, "-c", """
import sys
from dateline.entities import rebuild
from dateline.store.db import Store
with Store(sys.argv[1]) as store, store.transaction() as conn:
    rebuild(conn)
"""]


def _run(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the process and every child it waited for) and peak RSS in MB of one command."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(args)} failed:\n{errors.read().decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def _size(db: Path, since: str | None) -> tuple[int, int, int]:
    """Articles and entity groups stored, and groups seen at or after `since` (all of them if None)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        groups = conn.execute("SELECT count(*) FROM doc_entities").fetchone()[0]
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0], groups,
                groups if since is None else
                conn.execute("SELECT count(*) FROM doc_entities WHERE seen_at >= ?", (since,)).fetchone()[0])


def _late_sighting(db: Path, share: float) -> str:
    """The first sighting of the stored article that `share` of the store was seen at or after."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return str(conn.execute("SELECT first_seen_at FROM articles ORDER BY first_seen_at DESC LIMIT 1 OFFSET ?",
                                (max(int(stored * share) - 1, 0),)).fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--backfill", type=int, default=400)
    parser.add_argument("--late", type=float, default=0.01)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--folder", type=Path, help="where the corpora and database go (default: a temporary one)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="dateline-backfill-"))
    db = folder / "backfill.db"
    common = ["--db", str(db), "--workers", str(args.workers), "--batch-size", str(args.batch)]
    names = ("store", "forward", "late", "backfill")
    for seed, name in enumerate(names, 1):
        write_jsonl(folder / name, args.articles if name == "store" else args.backfill, seed=seed)
    print(f"dateline ingest, full mode, {args.workers} workers, batches of {args.batch}; folder {folder}")
    print(f"{'run':>9} {'articles':>8} {'store before':>12} {'groups before':>13} {'groups since':>12}"
          f" {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
    for name in names:
        since = {"late": _late_sighting(db, args.late) if db.exists() else None,
                 "backfill": "2000-01-10"}.get(name)
        seen = ["--seen-at", since] if since else []
        before = _size(db, since) if db.exists() else (0, 0, 0)
        wall, cpu, peak = _run([*_INGEST, *common, *seen, str(folder / name)])
        added = _size(db, None)[0] - before[0]
        print(f"{name:>9} {added:8d} {before[0]:12d} {before[1]:13d} {before[2] if since else 0:12d} {wall:8.1f}"
              f" {cpu:8.1f} {peak:8d}", flush=True)
    before = _size(db, None)
    wall, cpu, peak = _run([*_REBUILD, str(db)])
    print(f"{'rebuild':>9} {0:8d} {before[0]:12d} {before[1]:13d} {before[2]:12d} {wall:8.1f} {cpu:8.1f} {peak:8d}")


if __name__ == "__main__":
    main()
