"""Ingest throughput and peak memory on the Reuters shards, at two corpus sizes.

    python benchmarks/ingest.py [--data ../shared/data] [--mode fast|full] [--sizes 1,6]

Each size (a number of shards) runs in a fresh process into a fresh database, so its peak RSS is its own. Peak
memory must not grow with corpus size: ingest streams records and writes them in fixed-size batches.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store
db, mode, *paths = sys.argv[1:]
started = time.perf_counter()
with Store(db) as store:
    report = ingest(store, [Path(p) for p in paths], IngestOptions(pipeline=PipelineConfig(mode=mode)))
elapsed = time.perf_counter() - started
print(json.dumps({"added": report.added, "rejected": report.rejected, "seconds": elapsed,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def text_megabytes(paths: list[Path]) -> float:
    """Uncompressed size of the article texts, the fair base for MB/s."""
    import gzip

    total = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            total += sum(len(json.loads(line).get("text", "").encode()) for line in lines if line.strip())
    return total / 1e6


def run(paths: list[Path], mode: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        output = subprocess.run([sys.executable, "-c", CHILD, str(db), mode, *map(str, paths)],
                                check=True, capture_output=True, text=True).stdout
        result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
        result["db_mb"] = db.stat().st_size / 1e6
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--mode", choices=["fast", "full"], default="fast")
    parser.add_argument("--sizes", default="1,6", help="numbers of Reuters shards to ingest, comma-separated")
    args = parser.parse_args()
    shards = sorted((args.data / "reuters-financial").glob("reuters_fin_*.jsonl.gz"))
    if not shards:
        sys.exit(f"no Reuters shards under {args.data}/reuters-financial")
    print(f"dateline ingest, mode={args.mode}, one process")
    print(f"{'shards':>6} {'articles':>9} {'rejected':>8} {'seconds':>8} {'art/s':>8} {'MB/s':>6} {'peak RSS MB':>11}"
          f" {'DB MB':>7} {'DB KB/art':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        paths = shards[:size]
        result = run(paths, args.mode)
        megabytes = text_megabytes(paths)
        rate = result["added"] / result["seconds"]
        print(f"{size:>6} {int(result['added']):>9} {int(result['rejected']):>8} {result['seconds']:>8.1f} "
              f"{rate:>8.0f} {megabytes / result['seconds']:>6.2f} {result['peak_rss_mb']:>11.0f} "
              f"{result['db_mb']:>7.0f} {1000 * result['db_mb'] / max(result['added'], 1):>9.1f}")


if __name__ == "__main__":
    main()
