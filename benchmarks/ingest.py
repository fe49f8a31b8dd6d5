"""Ingest throughput and peak memory on Reuters or generated articles, at several corpus sizes.

    python benchmarks/ingest.py [--data ../shared/data] [--corpus reuters|generated] [--mode fast|full]
                                [--sizes 2000,8000] [--workers N]

Each size (the first N Reuters records, across the shards in order, or the first N generated articles of
`dateline.engine.synthetic`, an archive that grows in days at a fixed number of articles a day) is written to one
JSONL file and ingested by
`dateline ingest` in a fresh process into a fresh database, so its peak RSS is its own. Peak memory should not grow
with corpus size: ingest streams records and writes them in fixed-size batches. CPU milliseconds an article are given
for the writer (the ingest process: storing, indexing, the corpus-level steps) and for the analysis workers, apart:
unlike seconds, they hardly change when other work shares the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import generated

CHILD = """
import json, resource, sys, time
from pathlib import Path
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store
db, mode, workers, path = sys.argv[1:]
started = time.perf_counter()
with Store(db) as store:
    report = ingest(store, [Path(path)], IngestOptions(pipeline=PipelineConfig(mode=mode), workers=int(workers)))
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"added": report.added, "rejected": report.rejected, "seconds": time.perf_counter() - started,
                  "cpu": own.ru_utime + own.ru_stime, "children_cpu": children.ru_utime + children.ru_stime,
                  "peak_rss_mb": own.ru_maxrss / 1024, "children_peak_rss_mb": children.ru_maxrss / 1024}))
"""


def sample(shards: list[Path], count: int, into: Path) -> float:
    """Write the first `count` Reuters records to `into`; return the megabytes of article text they hold."""
    text_bytes = 0
    written = 0
    with into.open("w", encoding="utf-8") as sink:
        for shard in shards:
            with gzip.open(shard, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if written == count:
                        return text_bytes / 1e6
                    text_bytes += len((json.loads(line).get("text") or "").encode())
                    sink.write(line)
                    written += 1
    return text_bytes / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--corpus", choices=["reuters", "generated"], default="reuters")
    parser.add_argument("--mode", choices=["fast", "full"], default="fast")
    parser.add_argument("--sizes", default="2000,8000", help="numbers of Reuters articles, comma-separated")
    parser.add_argument("--workers", type=int, default=1, help="analysis processes (1: in the ingest process)")
    args = parser.parse_args()
    shards = sorted((args.data / "reuters-financial").glob("reuters_fin_*.jsonl.gz"))
    if not shards and args.corpus == "reuters":
        sys.exit(f"no Reuters shards under {args.data}/reuters-financial")
    print(f"dateline ingest, {args.corpus} articles, mode={args.mode}, workers={args.workers}")
    print(f"{'articles':>9} {'stored':>7} {'rejected':>8} {'seconds':>8} {'art/s':>7} {'MB/s':>6} {'peak RSS MB':>11}"
          f" {'DB KB/art':>9} {'writer CPU ms/art':>17} {'workers CPU ms/art':>18} {'load':>5}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            corpus, db = Path(folder) / f"{args.corpus}.jsonl", Path(folder) / "bench.db"
            if args.corpus == "reuters":
                megabytes = sample(shards, size, corpus)
            else:
                corpus, megabytes = generated(Path(folder), size)  # the generated corpus of scale.py
            started = time.perf_counter()
            output = subprocess.run([sys.executable, "-c", CHILD, str(db), args.mode, str(args.workers), str(corpus)],
                                    check=True, capture_output=True, text=True).stdout
            wall = time.perf_counter() - started
            result = json.loads(output.strip().splitlines()[-1])
            peak = max(result["peak_rss_mb"], result["children_peak_rss_mb"])
            added = max(result["added"], 1)
            print(f"{size:>9} {result['added']:>7} {result['rejected']:>8} {wall:>8.1f} {result['added'] / wall:>7.1f}"
                  f" {megabytes / wall:>6.3f} {peak:>11.0f} {db.stat().st_size / 1e3 / max(result['added'], 1):>9.1f}"
                  f" {result['cpu'] * 1e3 / added:>17.2f} {result['children_cpu'] * 1e3 / added:>18.2f}"
                  f" {os.getloadavg()[0]:>5.1f}", flush=True)


if __name__ == "__main__":
    main()
