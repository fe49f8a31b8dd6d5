"""Parquet, JSONL and TimeML exports: every row, typed, as of a date, and the same bytes every time."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.ingest.run import IngestOptions, ingest
from dateline.store.db import Store
from dateline.store.timexes import get_timexes
from dateline.temporal.timeml import read_timeml

runner = CliRunner()
FIRST = """ date 2021-03-01 Acme Corp said on Monday it would close its plant in Ohio by June 2021.

Maria Lopez, its chief executive, announced the plan in New York.
"""
SECOND = """ date 2021-03-09 Acme Corp closed the Ohio plant three months early, on March 8.
"""


@pytest.fixture
def two_days(tmp_path: Path) -> Path:
    """A store whose two articles were first seen a week apart."""
    db = tmp_path / "two.db"
    with Store(db) as store:
        for day, text in (("2021-03-01", FIRST), ("2021-03-09", SECOND)):
            (tmp_path / f"{day}.txt").write_text(text, encoding="utf-8")
            seen = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
            report = ingest(store, [tmp_path / f"{day}.txt"], IngestOptions(seen_at=seen))
            assert report.added == 1
    return db


def _export(db: Path, out: Path, fmt: str, *extra: str) -> None:
    done = runner.invoke(load_commands(), ["export", "--db", str(db), "--format", fmt, "--out", str(out), *extra])
    assert done.exit_code == 0, done.output


def _count(db: Path, table: str, where: str = "") -> int:
    with Store(db, readonly=True) as store:
        return int(store.conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0])


def test_parquet_and_jsonl_hold_every_row_with_the_same_values(two_days: Path, tmp_path: Path) -> None:
    _export(two_days, tmp_path / "pq", "parquet")
    _export(two_days, tmp_path / "js", "jsonl")
    for table in ("articles", "sentences", "timexes", "entity_mentions", "event_mentions"):
        parquet = pq.read_table(tmp_path / "pq" / f"{table}.parquet").to_pylist()
        lines = (tmp_path / "js" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert parquet == [json.loads(line) for line in lines]
        assert len(parquet) == _count(two_days, table) > 0
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert articles.schema.field("revision").type == "int64" and articles.schema.field("text").type == "string"
    assert [row["published_day"] for row in articles.to_pylist()] == ["2021-03-01", "2021-03-09"]


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "timeml"])
def test_same_store_same_bytes(two_days: Path, tmp_path: Path, fmt: str) -> None:
    _export(two_days, tmp_path / "a", fmt)
    _export(two_days, tmp_path / "b", fmt)
    first = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert first == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert first and all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in first)


def test_as_of_exports_only_what_was_known_then(two_days: Path, tmp_path: Path) -> None:
    _export(two_days, tmp_path / "then", "jsonl", "--as-of", "2021-03-05")
    articles = [json.loads(x) for x in (tmp_path / "then" / "articles.jsonl").read_text("utf-8").splitlines()]
    assert [a["published_day"] for a in articles] == ["2021-03-01"]
    sentences = [json.loads(x) for x in (tmp_path / "then" / "sentences.jsonl").read_text("utf-8").splitlines()]
    assert {s["article_id"] for s in sentences} == {articles[0]["id"]}
    assert len(sentences) == _count(two_days, "sentences", f"WHERE article_id = '{articles[0]['id']}'")
    entities = [json.loads(x) for x in (tmp_path / "then" / "entities.jsonl").read_text("utf-8").splitlines()]
    assert entities and all(e["first_seen_at"] <= "2021-03-05" for e in entities)


def test_timeml_reads_back_to_the_stored_text_and_timexes(two_days: Path, tmp_path: Path) -> None:
    _export(two_days, tmp_path / "tml", "timeml")
    files = sorted((tmp_path / "tml" / "timeml").glob("*.tml"))
    assert len(files) == 2
    with Store(two_days, readonly=True) as store:
        for path in files:
            doc = read_timeml(path)
            row = store.conn.execute("SELECT text, published_day FROM articles WHERE id = ?", (path.stem,)).fetchone()
            assert doc.text == row["text"] and doc.dct == row["published_day"]
            stored = get_timexes(store.conn, path.stem)
            assert stored and [(t.start, t.end, t.value) for t in doc.timexes] == [
                (t.start, t.end, t.value) for t in stored]


def test_unknown_format_is_d501(two_days: Path, tmp_path: Path) -> None:
    done = runner.invoke(load_commands(), ["export", "--db", str(two_days), "--format", "xlsx", "--out",
                                           str(tmp_path / "x")])
    assert done.exit_code == 2 and "D501" in done.output
