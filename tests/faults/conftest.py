"""Fault tests share one generated corpus and one clean ingest of it, to compare every faulted run with."""

from __future__ import annotations

import subprocess
import time

import pytest
from harness import Clean, ingest_args

from dateline.engine.fingerprint import fingerprint
from dateline.engine.synthetic import write_jsonl
from dateline.store.db import Store


@pytest.fixture(scope="package")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Clean:
    folder = tmp_path_factory.mktemp("faults")
    corpus = folder / "corpus"
    write_jsonl(corpus, 400, seed=3, shard=100)
    (corpus / "zz-bad.jsonl").write_text('{"text": "no date here"}\n{broken\n', encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(ingest_args(corpus, folder / "clean.db", "--workers", "2"), capture_output=True, text=True,
                          timeout=300)
    seconds = time.monotonic() - started
    assert done.returncode == 1, done.stderr  # the two bad records are reported
    with Store(folder / "clean.db") as store:
        return Clean(corpus, fingerprint(store), seconds)
