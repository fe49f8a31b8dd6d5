"""Events test helpers: hand-made articles ingested for real (JSONL file, ingest run, real SQLite store)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

Ingest = Callable[[Store, Sequence[dict[str, Any]]], None]

# A scheduled vote reported three times as its date moved, and a strike reported the same day by two outlets.
VOTE_AND_STRIKE: list[dict[str, Any]] = [
    {"id": "v1", "date": "2024-01-10", "source": "herald", "title": "Council plans vote",
     "text": "The city council will hold the budget vote on March 5, 2024. Members met on Tuesday."},
    {"id": "v2", "date": "2024-02-20", "source": "gazette", "title": "Budget vote delayed",
     "text": "The council budget vote was postponed to April 16, 2024, officials said."},
    {"id": "s1", "date": "2024-02-21", "source": "herald", "title": "Dock strike",
     "text": "Dock workers walked off the job in Rotterdam harbour on February 21, 2024, halting container "
             "traffic at the port."},
    {"id": "s2", "date": "2024-02-22", "source": "gazette", "title": "Port halted",
     "text": "Container traffic at the Rotterdam port stopped on February 21, 2024, when dock workers walked off "
             "the job in the harbour."},
    {"id": "v3", "date": "2024-04-01", "source": "courier", "title": "Vote confirmed",
     "text": "The budget vote of the council is now set for April 16, 2024."},
]


def ingest_records(store: Store, records: Sequence[dict[str, Any]], folder: Path) -> None:
    """Write `records` as one JSONL file and ingest it, each article first seen on its publication date."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"batch{len(list(folder.iterdir()))}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = ingest(store, [path], IngestOptions(seen_at=SEEN_AT_PUBLISHED, pipeline=PipelineConfig(mode="fast")))
    assert not report.problems, report.problems


@pytest.fixture
def vote_and_strike() -> list[dict[str, Any]]:
    """Five hand-made articles: a vote whose date moves, and a strike reported by two outlets."""
    return [dict(record) for record in VOTE_AND_STRIKE]


@pytest.fixture
def add_records(tmp_path: Path) -> Ingest:
    """`add_records(store, records)`: ingest hand-made JSONL records into `store`."""
    return lambda store, records: ingest_records(store, records, tmp_path / "inputs")
