"""A worker killed mid-batch stops the run with D701, naming the batch; the store stays whole and resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from datetime import UTC, datetime
from functools import partial
from operator import add
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster
from harness import Clean, children, consistent, ingest_args, stored

from dateline.engine.base import Job
from dateline.engine.dask import DaskEngine
from dateline.engine.fingerprint import fingerprint
from dateline.errors import Code, EngineError
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store


def _pool_workers(parent: int) -> list[int]:
    """The forked children of `parent` (same command line)."""
    found = []
    for child in children(parent):
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == Path(f"/proc/{parent}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return found


def test_killed_pool_worker_is_d701(clean: Clean, tmp_path: Path) -> None:
    db = tmp_path / "lost.db"
    process = subprocess.Popen(ingest_args(clean.corpus, db, "--workers", "2"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while process.poll() is None and not workers and time.monotonic() < deadline:
        if stored(db):  # a batch is stored: the pool runs (a child found earlier may be a fork about to exec)
            workers = _pool_workers(process.pid)
        time.sleep(0.005)
    assert workers, "the ingest ran its pool"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2, stderr
    assert "[D701]" in stderr and "lost a worker" in stderr and "batch" in stderr and "Traceback" not in stderr
    assert consistent(db) < clean.fingerprint["articles"][0]
    resumed = subprocess.run(ingest_args(clean.corpus, db, "--workers", "2"), capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 1, resumed.stderr
    with Store(db) as store:
        assert fingerprint(store) == clean.fingerprint


def test_lost_dask_worker_is_d701_once_dask_gives_up(clean: Clean, tmp_path: Path) -> None:
    """With no retries allowed, the first Dask worker killed while it runs a batch stops the ingest with D701."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        stop = threading.Event()

        def killer() -> None:
            while not stop.wait(0.02):
                busy = [address for address, tasks in client.processing().items() if tasks]
                if busy:
                    pid = client.run(os.getpid, workers=busy[:1], nanny=False).get(busy[0])
                    if pid:  # killed while (most likely still) running a batch; again later if it was not
                        os.kill(pid, signal.SIGKILL)
                        stop.wait(0.5)

        thread = threading.Thread(target=killer)
        thread.start()
        options = IngestOptions(seen_at=datetime(2020, 1, 1, tzinfo=UTC), batch_size=20, engine="dask",
                                scheduler=cluster.scheduler_address, pipeline=PipelineConfig(mode="fast"))
        try:
            with Store(tmp_path / "dask.db") as store, pytest.raises(EngineError) as raised:
                ingest(store, [clean.corpus], options)
        finally:
            stop.set()
            thread.join()
    assert raised.value.code is Code.WORKER_LOST and "dask engine lost a worker" in raised.value.message
    assert "batch" in raised.value.message
    consistent(tmp_path / "dask.db")


def _sums(count: int) -> list[tuple[int, Job[int]]]:
    return [(n, Job(partial(add, n, 1000), f"batch {n}")) for n in range(count)]


def test_dask_cluster_with_no_worker_left_is_d701_not_a_hang() -> None:
    """Every worker gone and none coming back: the wait is bounded, and names the batch it was waiting for."""
    with LocalCluster(n_workers=0, processes=True, dashboard_address=None) as cluster, \
            DaskEngine(scheduler=cluster.scheduler_address, no_workers_wait=2) as engine:
        started = time.monotonic()
        with pytest.raises(EngineError) as raised:
            list(engine.run(_sums(3)))
    assert raised.value.code is Code.WORKER_LOST
    assert "no worker for 2 s" in raised.value.message and "batch 0" in raised.value.message
    assert time.monotonic() - started < 60


def test_dask_run_waits_for_a_worker_that_comes_back() -> None:
    """A cluster empty for a moment (workers restarting) is waited for, not given up on."""
    with LocalCluster(n_workers=0, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            DaskEngine(scheduler=cluster.scheduler_address, no_workers_wait=120) as engine:
        timer = threading.Timer(6, cluster.scale, (1,))
        timer.start()
        try:
            results = list(engine.run(_sums(3)))
        finally:
            timer.join()
    assert results == [(0, 1000), (1, 1001), (2, 1002)]
