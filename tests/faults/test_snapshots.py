"""Readers during an ingest see whole batches only, and one read transaction sees one unchanging snapshot."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

from harness import Clean, ingest_args

from dateline.store.db import Store


def _snapshot(db: Path) -> tuple[int, int, int] | None:
    """(articles, articles with sentences, articles again after a pause) in one read transaction."""
    try:
        with Store(db, readonly=True) as store:
            conn = store.conn
            conn.execute("BEGIN")
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            analysed = conn.execute("SELECT count(DISTINCT article_id) FROM sentences").fetchone()[0]
            time.sleep(0.02)
            again = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            conn.execute("COMMIT")
            return articles, analysed, again
    except (sqlite3.OperationalError, Exception) as error:  # the file exists but its schema is not created yet
        if "D204" in str(error) or "no such table" in str(error):
            return None
        raise


def test_concurrent_readers_see_consistent_snapshots(clean: Clean, tmp_path: Path) -> None:
    db = tmp_path / "read.db"
    process = subprocess.Popen(ingest_args(clean.corpus, db, "--workers", "1"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    seen: list[tuple[int, int, int]] = []
    try:
        while process.poll() is None:
            if (shot := _snapshot(db)) is not None:
                seen.append(shot)
    finally:
        process.wait(timeout=300)
    total = clean.fingerprint["articles"][0]
    assert all(articles == analysed == again for articles, analysed, again in seen)
    counts = [articles for articles, _, _ in seen]
    assert counts == sorted(counts)
    assert len({c for c in counts if 0 < c < total}) >= 2, "readers must have seen the ingest half-way"
