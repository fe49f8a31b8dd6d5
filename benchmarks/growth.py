"""Time and memory against corpus size, read off one long ingest of the generated archive.

    python benchmarks/growth.py [--articles 1000000] [--workers 2] [--mode fast|full] [--engine local|dask]
                                [--every 20] [--marks 10000,30000,100000,300000,1000000] [--folder DIR]

Writes `--articles` generated articles (`dateline.engine.synthetic`: an archive that grows in days, 120 articles a
day) as JSONL shards, then runs `dateline ingest` on them in a fresh process tree into a fresh database, and watches
it every `--every` seconds: articles stored (read by a concurrent reader, as any reader of a live store would), the
peak resident memory so far of the writer (with `--engine dask`, also the Dask scheduler's process) and of each
worker (every process below the writer: pool workers, or Dask's nannies and workers), as `VmHWM`, the kernel's
own high-water mark, so no spike between two looks is missed; and the database size. One line is printed as the
store passes each mark:

- seconds and articles/s since the previous mark: linear time means this rate stays flat as the store grows;
- the writer's and the largest worker's peak RSS so far: bounded memory means these stop growing;
- database KB per article.

Nothing else should run on the machine meanwhile; the load average is printed with each line.
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


def _peak_kb(pid: int) -> int:
    """The process's resident memory high-water mark (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`, whichever of its threads started it (Dask starts its nannies from another)."""
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return [*children, *(grandchild for child in children for grandchild in _descendants(child))]


def _stored(db: Path) -> int:
    """Articles committed so far, through a read-only connection beside the writer."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", choices=["fast", "full"], default="fast")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="dask: a LocalCluster of --workers worker processes")
    parser.add_argument("--every", type=float, default=20, help="seconds between two looks")
    parser.add_argument("--marks", default="10000,30000,100000,300000,1000000")
    parser.add_argument("--folder", type=Path, help="where the corpus and database go (default: a temporary one)")
    args = parser.parse_args()
    marks = sorted(int(m) for m in args.marks.split(",") if int(m) <= args.articles)
    with tempfile.TemporaryDirectory(prefix="dateline-growth-", dir=args.folder) as temp:
        corpus, db = Path(temp) / "corpus", Path(temp) / "growth.db"
        write_jsonl(corpus, args.articles, seed=1, shard=10_000)
        command = [sys.executable, "-c", "import sys; from dateline.cli import main; sys.exit(main())", "ingest",
                   "--db", str(db), "--workers", str(args.workers), "--engine", args.engine,
                   *(["--fast"] if args.mode == "fast" else []),
                   str(corpus)]
        print(f"dateline ingest of {args.articles} generated articles, mode={args.mode}, engine={args.engine},"
              f" workers={args.workers}")
        print(f"{'stored':>9} {'seconds':>8} {'art/s since last':>16} {'art/s overall':>13} {'writer peak MB':>14}"
              f" {'worker peak MB':>14} {'DB KB/art':>9} {'load':>5}", flush=True)
        started = time.perf_counter()
        with (Path(temp) / "ingest.log").open("w") as log:
            pid = subprocess.Popen(command, stdout=log, stderr=log).pid
        writer_kb = worker_kb = 0
        last_count, last_time = 0, started
        while True:
            writer_kb = max(writer_kb, _peak_kb(pid))
            worker_kb = max([worker_kb, *(_peak_kb(child) for child in _descendants(pid))])
            done, status, usage = os.wait4(pid, os.WNOHANG)
            finished = done == pid
            count = _stored(db)
            now = time.perf_counter()
            while marks and (count >= marks[0] or finished):
                print(f"{count:>9} {now - started:>8.0f} {(count - last_count) / (now - last_time):>16.1f}"
                      f" {count / (now - started):>13.1f} {writer_kb / 1024:>14.0f} {worker_kb / 1024:>14.0f}"
                      f" {db.stat().st_size / 1e3 / max(count, 1):>9.1f} {os.getloadavg()[0]:>5.1f}", flush=True)
                marks.pop(0)
                last_count, last_time = count, now
            if finished:
                break
            time.sleep(args.every)
        print(f"ingest exit status {os.waitstatus_to_exitcode(status)};"
              f" whole run {time.perf_counter() - started:.0f} s; writer peak RSS {usage.ru_maxrss / 1024:.0f} MB",
              flush=True)


if __name__ == "__main__":
    main()
