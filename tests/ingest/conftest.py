"""Helpers for ingest tests: write small input files by hand and ingest them."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dateline.clock import FixedClock
from dateline.ingest.run import IngestOptions, IngestReport, ingest
from dateline.store.db import Store


class Inputs:
    """Writes input files into a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, content: str | bytes, *, compress: bool = False) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if compress:
            data = gzip.compress(data)
        path.write_bytes(data)
        return path


@pytest.fixture
def inputs(tmp_path: Path) -> Inputs:
    return Inputs(tmp_path / "in")


@pytest.fixture
def run(store: Store, clock: FixedClock):
    """Ingest paths into the test store with a fixed clock."""

    def _run(*paths: Path, **options: object) -> IngestReport:
        return ingest(store, list(paths), IngestOptions(**options), clock=clock)

    return _run
