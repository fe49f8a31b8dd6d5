"""Re-ingesting adds nothing; a changed article is a revision; a killed ingest resumes with no duplicates or gaps."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from dateline.clock import FixedClock
from dateline.ingest.run import IngestOptions, ingest
from dateline.store.articles import current_filter
from dateline.store.db import Store


def test_second_run_adds_nothing(store: Store, inputs, run) -> None:
    path = inputs.write("a.jsonl", "\n".join(
        json.dumps({"id": str(n), "date": "2023-01-01", "text": f"Article {n}."}) for n in range(30)) + "\n")
    assert run(path).added == 30
    again = run(path)
    assert (again.added, again.duplicates, again.revisions) == (0, 30, 0)
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 30


def test_updated_article_is_a_revision_and_as_of_shows_each_version(store: Store, inputs) -> None:
    first = inputs.write("v1.jsonl", json.dumps({"id": "s1", "date": "2023-01-01", "text": "Early version."}) + "\n")
    revised = {"id": "s1", "date": "2023-01-01", "text": "Corrected version."}
    second = inputs.write("v2.jsonl", json.dumps(revised) + "\n")
    ingest(store, [first], clock=FixedClock(datetime(2023, 1, 1, 12, tzinfo=UTC)))
    report = ingest(store, [second], clock=FixedClock(datetime(2023, 1, 3, 12, tzinfo=UTC)))
    assert (report.added, report.revisions) == (0, 1)
    query = "SELECT text, revision, supersedes IS NOT NULL FROM articles ORDER BY revision"
    rows = store.conn.execute(query).fetchall()
    assert [tuple(r) for r in rows] == [("Early version.", 1, 0), ("Corrected version.", 2, 1)]

    def visible(as_of: str | None) -> list[str]:
        where, params = current_filter(as_of)
        return [r[0] for r in store.conn.execute(f"SELECT text FROM articles a WHERE {where}", params)]

    assert visible("2023-01-02") == ["Early version."]
    assert visible("2023-01-04") == ["Corrected version."]
    assert visible(None) == ["Corrected version."]


def test_seen_at_published_backfill(store: Store, inputs) -> None:
    path = inputs.write("b.jsonl", json.dumps({"date": "2019-05-04T10:30:00Z", "text": "Old news."}) + "\n")
    ingest(store, [path], IngestOptions(seen_at="published"), clock=FixedClock(datetime(2024, 1, 1, tzinfo=UTC)))
    assert store.conn.execute("SELECT first_seen_at FROM articles").fetchone()[0] == "2019-05-04T10:30:00.000000Z"


def _corpus(path: Path, count: int) -> None:
    """Distinct, varied articles (a shared boilerplate sentence in every article would link them all)."""
    import random

    words = ("bank shares oil prices rose fell percent company said quarter profit market investors trade "
             "government minister election vote court ruling strike union plant factory output").split()
    rng = random.Random(7)
    with path.open("w") as sink:
        for n in range(count):
            sentences = [" ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(8)]
            record = {"id": f"r{n}", "date": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}",
                      "text": f"Report number {n}. " + " ".join(sentences)}
            sink.write(json.dumps(record) + "\n")


INGEST = """
import sys
from pathlib import Path
from datetime import datetime, UTC
from dateline.clock import FixedClock
from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store
with Store(sys.argv[1]) as store:
    ingest(store, [Path(sys.argv[2])], IngestOptions(batch_size=25, pipeline=PipelineConfig(mode="fast")),
           clock=FixedClock(datetime(2024, 1, 1, tzinfo=UTC)))
"""


def _state(db: Path) -> tuple[int, list[tuple[str, str]], int]:
    with Store(db, readonly=True) as store:
        ids = [tuple(r) for r in store.conn.execute("SELECT id, external_id FROM articles ORDER BY id")]
        sentences = store.conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
        return len(ids), ids, sentences


def _count(db: Path) -> int:
    try:
        with Store(db, readonly=True) as store:
            return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except Exception:  # the writer may not have created the schema yet
        return 0


def test_killed_ingest_resumes_without_duplicates_or_gaps(tmp_path: Path) -> None:
    total = 2000
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, total)
    clean_db, crashed_db = tmp_path / "clean.db", tmp_path / "crashed.db"
    subprocess.run([sys.executable, "-c", INGEST, str(clean_db), str(corpus)], check=True)
    expected = _state(clean_db)
    assert expected[0] == total

    kills = 0
    for target in (100, 500, 1000):
        process = subprocess.Popen([sys.executable, "-c", INGEST, str(crashed_db), str(corpus)])
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline and _count(crashed_db) < target:
            time.sleep(0.005)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        partial = _count(crashed_db)
        assert partial % 25 == 0 or partial == total  # only whole batches are ever stored
    assert kills >= 2, "the ingest finished before it could be killed"
    subprocess.run([sys.executable, "-c", INGEST, str(crashed_db), str(corpus)], check=True)
    assert _state(crashed_db) == expected
