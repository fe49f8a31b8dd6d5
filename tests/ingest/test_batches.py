"""An ingest run stores its records in batches; the last ones come in a few smaller pieces, so that the writer
stores the first while the workers analyze the rest. Every record is stored or reported, once."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.ingest.run import IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

run_module = importlib.import_module("dateline.ingest.run")


def _lines(path: Path, count: int, bad: set[int]) -> Path:
    with path.open("w") as sink:
        for n in range(count):
            sink.write("{not json\n" if n in bad else json.dumps(
                {"id": f"a{n}", "date": "2024-01-02", "text": f"Report {n}: the council met on Monday."}) + "\n")
    return path


@pytest.mark.parametrize(("count", "bad", "stored"), [
    (453, {10, 300, 440}, [199, 63, 63, 63, 62]),  # a full batch, then the last 253 records in four pieces
    (30, set(), [30]),  # too few to cut
    (400, set(), [200, 50, 50, 50, 50]),
])
def test_the_last_records_of_a_run_are_stored_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int,
                                                         bad: set[int], stored: list[int]) -> None:
    written: list[int] = []
    write = run_module._write

    def counted(store: Store, batch: Any, *args: Any) -> None:
        written.append(len(batch.items))
        write(store, batch, *args)

    monkeypatch.setattr(run_module, "_write", counted)
    with Store(tmp_path / "b.db") as store:
        report = ingest(store, [_lines(tmp_path / "in.jsonl", count, bad)],
                        IngestOptions(batch_size=200, workers=2, pipeline=PipelineConfig(mode="fast")))
        assert written == stored
        assert (report.added, len(report.problems)) == (count - len(bad), len(bad))
        assert sorted(int(p.location.split()[-1]) for p in report.problems) == sorted(n + 1 for n in bad)
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == count - len(bad)
