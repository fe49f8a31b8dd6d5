"""A full disk stops the ingest with D203, leaves a consistent store, and a later run completes it."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from harness import Clean, consistent, ingest_args

from dateline.engine.fingerprint import fingerprint
from dateline.errors import Code, StoreError
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

OPTIONS = IngestOptions(seen_at=datetime(2020, 1, 1, tzinfo=UTC), batch_size=20, pipeline=PipelineConfig(mode="fast"),
                        workers=2)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs: a real full disk. Needs root (or CAP_SYS_ADMIN); skipped where mounting is not allowed."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root); the page-limit test covers the same path")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _resume_elsewhere(db: Path, target: Path, clean: Clean) -> None:
    """Move the store (and its WAL) to a roomy disk, run the same ingest again, and compare with a clean run."""
    for suffix in ("", "-wal"):
        if Path(f"{db}{suffix}").exists():
            shutil.copy(f"{db}{suffix}", f"{target}{suffix}")
    done = subprocess.run(ingest_args(clean.corpus, target), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    with Store(target) as store:
        assert fingerprint(store) == clean.fingerprint


def test_full_tmpfs_gives_d203_and_a_consistent_store(small_disk: Path, clean: Clean, tmp_path: Path) -> None:
    db = small_disk / "full.db"
    done = subprocess.run(ingest_args(clean.corpus, db, "--workers", "2"), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 2
    assert "[D203]" in done.stderr and "full" in done.stderr and "Traceback" not in done.stderr
    assert 0 < consistent(db) < clean.fingerprint["articles"][0]
    _resume_elsewhere(db, tmp_path / "resumed.db", clean)


def test_page_limit_gives_d203_and_a_consistent_store(clean: Clean, tmp_path: Path) -> None:
    """The same failure injected through SQLite's own size cap (`max_page_count`), where mounting is not allowed."""
    db = tmp_path / "capped.db"
    with Store(db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 120}")
        with pytest.raises(StoreError) as raised:
            ingest(store, [clean.corpus], OPTIONS)
    assert raised.value.code is Code.STORE_WRITE_FAILED and "full" in raised.value.message
    assert 0 < consistent(db) < clean.fingerprint["articles"][0]
    with Store(db) as store:
        ingest(store, [clean.corpus], OPTIONS)
        assert fingerprint(store) == clean.fingerprint
