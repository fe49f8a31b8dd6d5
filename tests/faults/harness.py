"""What the fault tests share: the `dateline` command with comparable options, a clean run, a consistency check."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from dateline.store.db import Store

DATELINE = Path(sys.executable).with_name("dateline")
SEEN_AT = "2020-01-01"


def ingest_args(corpus: Path, db: Path, *extra: str) -> list[str]:
    """`dateline ingest` in fast mode with a fixed first-seen date, so two runs are comparable byte for byte."""
    return [str(DATELINE), "ingest", str(corpus), "--db", str(db), "--fast", "--seen-at", SEEN_AT,
            "--batch-size", "20", *extra]


@dataclass(frozen=True)
class Clean:
    """A corpus, the fingerprint of a clean ingest of it, and how long that ingest took."""

    corpus: Path
    fingerprint: dict[str, tuple[int, str]]
    seconds: float


def stored(db: Path) -> int:
    """How many articles the store at `db` holds now (0 before it exists), read without waiting for the writer."""
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def children(parent: int) -> list[int]:
    """The live processes whose parent is `parent` (an ingest's pool workers), found through /proc."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"\nPPid:\t{parent}\n" in text:
            found.append(int(status.parent.name))
    return found


def consistent(db: Path) -> int:
    """Check a store left behind by a fault: intact, and no article without its analysis; return its size."""
    with Store(db, readonly=True) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = store.conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        assert orphans == 0
        return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
