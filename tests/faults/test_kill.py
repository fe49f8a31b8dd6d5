"""kill -9 at random points, then resume: the store ends up exactly as a clean run leaves it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import dask
import pyarrow.parquet as pq
from distributed import LocalCluster
from distributed.core import Status
from harness import Clean, children, consistent, ingest_args, stored

from dateline.engine.fingerprint import fingerprint
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

KILLS = 10


def _killed_at(args: list[str], db: Path, target: int, extra: float) -> bool:
    """Run `args` in its own process group; SIGKILL the group `extra` seconds after the store holds `target`
    articles (mid-batch, usually). True if it was still running then."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while process.poll() is None and stored(db) < target and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(extra)
    if process.poll() is not None:
        return False
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    return True


def test_kill_local_ingest_ten_times_then_resume(clean: Clean, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    rng = random.Random(20261122)
    total = clean.fingerprint["articles"][0]
    targets = [0, *sorted(rng.sample(range(1, total), KILLS - 1))]  # the first kill lands before any batch is stored
    interrupted = 0
    sizes = []
    for target in targets:
        interrupted += _killed_at(ingest_args(clean.corpus, db, "--workers", "2"), db, target, rng.uniform(0, 0.05))
        if db.exists():
            sizes.append(consistent(db))
    final = subprocess.run(ingest_args(clean.corpus, db, "--workers", "2"), capture_output=True, text=True,
                           timeout=300)
    assert final.returncode == 1, final.stderr
    assert interrupted >= KILLS - 1, "the kills must land while the ingest is running"
    assert sizes == sorted(sizes) and 0 < sizes[-1] < total
    with Store(db) as store:
        assert fingerprint(store) == clean.fingerprint


def _started_workers(cluster: LocalCluster) -> list[int]:
    """The pids of the cluster's worker processes that their nannies have seen start. A worker killed between
    joining the scheduler and telling its nanny leaves that nanny closed for good (distributed 2026.8), which no
    deployment of ours does on purpose, and a loaded machine widens that moment enough to lose every nanny."""
    pids = []
    for nanny in list(cluster.workers.values()):
        process = getattr(nanny, "process", None)
        if nanny.status is Status.running and process is not None and process.status is Status.running:
            pids.extend([process.pid] if process.pid is not None else [])
    return sorted(pids)


def test_kill_dask_workers_ten_times(clean: Clean, tmp_path: Path) -> None:
    """Dask runs a killed worker's batches again elsewhere; the ingest itself never notices."""
    rng = random.Random(7)
    killed: list[int] = []
    with dask.config.set({"distributed.scheduler.allowed-failures": 50}), LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
    ) as cluster:
        stop = threading.Event()

        def killer() -> None:
            while len(killed) < KILLS and not stop.wait(rng.uniform(0.05, 0.3)):
                pids = _started_workers(cluster)
                if pids:
                    os.kill(rng.choice(pids), signal.SIGKILL)
                    killed.append(1)

        thread = threading.Thread(target=killer)
        thread.start()
        try:
            options = IngestOptions(seen_at=datetime(2020, 1, 1, tzinfo=UTC), batch_size=40, engine="dask",
                                    scheduler=cluster.scheduler_address, pipeline=PipelineConfig(mode="fast"))
            for run in range(KILLS):  # fresh ingests until every kill has landed during one
                with Store(tmp_path / f"dask-{run}.db") as store:
                    ingest(store, [clean.corpus], options)
                    assert fingerprint(store) == clean.fingerprint
                if len(killed) >= KILLS:
                    break
        finally:
            stop.set()
            thread.join()
    assert len(killed) == KILLS


def test_pool_workers_die_with_a_killed_ingest(clean: Clean, tmp_path: Path) -> None:
    """kill -9 of the ingest process alone (not its group): its forked workers must not live on as orphans."""
    db = tmp_path / "orphans.db"
    process = subprocess.Popen(ingest_args(clean.corpus, db, "--workers", "2"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while process.poll() is None and stored(db) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children(process.pid)
    process.kill()
    process.wait(timeout=30)
    assert workers, "the ingest ran its pool"
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def _written_not_loaded(db: Path) -> list[Path]:
    """Whole shards in the store's spool whose articles the store does not hold."""
    known = set()
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
        known.update(row[0] for row in conn.execute("SELECT id FROM articles"))
    found = []
    for shard in Path(f"{db}.spool").glob("run-*/batch-???????"):
        ids = set(pq.read_table(shard / "sentences.parquet", columns=["article_id"])["article_id"].to_pylist())
        if ids and not ids & known:
            found.append(shard)
    return found


def test_kill_between_shard_write_and_load_then_resume(clean: Clean, tmp_path: Path) -> None:
    """kill -9 while finished shards wait for the writer: the resumed run drops them unread and recomputes."""
    db = tmp_path / "shards.db"
    caught = 0
    for _ in range(3):
        process = subprocess.Popen(ingest_args(clean.corpus, db, "--workers", "2"), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            if any(Path(f"{db}.spool").glob("run-*/batch-???????")):
                os.killpg(process.pid, signal.SIGKILL)
                break
            time.sleep(0.002)
        process.wait(timeout=30)
        if db.exists():
            consistent(db)
            caught += bool(_written_not_loaded(db))
    assert caught, "a kill must land while a written shard waits to be loaded"
    final = subprocess.run(ingest_args(clean.corpus, db, "--workers", "2"), capture_output=True, text=True,
                           timeout=300)
    assert final.returncode == 1, final.stderr
    assert not Path(f"{db}.spool").exists(), "the dead runs' shards are gone"
    with Store(db) as store:
        assert fingerprint(store) == clean.fingerprint
