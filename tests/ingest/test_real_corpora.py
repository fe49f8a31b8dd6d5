"""The corpora the project was built for ingest cleanly, and a second run of each adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

FAST = PipelineConfig(mode="fast")


@pytest.mark.parametrize(
    ("relative", "expected_added", "expected_problems"),
    [
        ("seeds", 2, set()),
        ("t17/raw/H1N1_bbc/InputDocs", None, {"D105"}),
        ("meantime-en/intra_cross-doc_annotation", 120, set()),
        ("reuters-financial/reuters_fin_005.jsonl.gz", None, {"D105"}),
    ],
)
def test_real_corpus_ingests_and_reingests_to_nothing(
    shared_data: Path, store: Store, relative: str, expected_added: int | None, expected_problems: set[str]
) -> None:
    path = shared_data / relative
    options = IngestOptions(seen_at=SEEN_AT_PUBLISHED, pipeline=FAST)
    first = ingest(store, [path], options)
    assert first.added > 0
    if expected_added is not None:
        assert first.added == expected_added
    assert set(first.by_code()) <= expected_problems, first.problems[:5]
    second = ingest(store, [path], options)
    assert (second.added, second.revisions) == (0, 0)
    assert second.duplicates == first.added + first.duplicates
    count = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert count == first.added


def test_t17_articles_take_their_folder_date_and_collection(shared_data: Path, store: Store) -> None:
    ingest(store, [shared_data / "t17/raw/H1N1_bbc/InputDocs"], IngestOptions(pipeline=FAST))
    rows = store.conn.execute("SELECT DISTINCT source FROM articles").fetchall()
    assert [r[0] for r in rows] == ["H1N1_bbc"]
    day, external_id = store.conn.execute("SELECT published_day, external_id FROM articles LIMIT 1").fetchone()
    assert external_id.split("/")[0] == day
