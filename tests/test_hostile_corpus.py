"""A hostile corpus: every problem is reported with its code and place, and no good article is lost.

Mixed encodings, a 10 MB article, control characters, dates in the years 1 and 9999, one id with two texts, HTML
in JSON fields, binary lines and a truncated gzip, side by side with good articles.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dateline.engine.synthetic import articles
from dateline.ingest.run import IngestOptions, IngestReport, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store

SEEN = datetime(2024, 1, 1, tzinfo=UTC)
BIG = 10 * 1024 * 1024


def _line(record: dict[str, str]) -> bytes:
    return json.dumps(record).encode("utf-8") + b"\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    good = list(articles(40, seed=11))
    (root / "good.jsonl").write_bytes(b"".join(_line(r) for r in good[:30]))
    day = {"published": "2021-05-04"}
    mixed = [
        _line({"id": "m-utf8", **day, "text": "Zoë Müller reported from Zürich on Monday."}),
        json.dumps({"id": "m-latin1", **day, "text": "Caf\u00e9 au lait"}, ensure_ascii=False).encode("latin-1")
        + b"\n",
        _line({"id": "m-controls", **day, "text": "Bell \u0007 escape \u001b[31m red \u0000 nul, on Friday."}),
        _line({"id": "m-html", **day, "title": "<b>Markets</b> &amp; <i>more</i>",
               "text": "<p>Stocks <script>alert('x')</script> rose on Tuesday.</p><br/>Bonds fell."}),
        b'{"id": "m-raw-control", "published": "2021-05-04", "text": "tab\x01inside"}\n',
        b'{"id": "m-nul", "text": "\x00\x00\x00\x00"}\n',
        _line({"id": "m-empty", **day, "text": "   \n\t "}),
        _line({"id": "m-notext", **day}),
        b"[1, 2, 3]\n",
        b"{truncated json\n",
    ]
    (root / "mixed.jsonl").write_bytes(b"".join(mixed))
    dates = [("d-0001", "0001-01-01"), ("d-9999", "9999-12-31"), ("d-0001-tz", "0001-01-01T00:00:00+05:00"),
             ("d-9999-tz", "9999-12-31T23:00:00-05:00"), ("d-feb30", "2021-02-30"), ("d-future", "2031-01-01"),
             ("d-ok", "2021-05-04T10:00:00Z")]
    (root / "dates.jsonl").write_bytes(b"".join(_line({"id": i, "published": d, "text": f"Dated {i}."})
                                                for i, d in dates))
    dupes = [{"id": "dup", **day, "text": "First version of the story."},
             {"id": "dup", **day, "text": "Second version of the story, corrected."},
             {"id": "dup", **day, "text": "Second version of the story, corrected."}]
    (root / "dupes.jsonl").write_bytes(b"".join(_line(r) for r in dupes))
    # 100 paragraphs of 100 KB, one sentence each: later stages compare a day's sentences pairwise, so a 10 MB
    # article of ordinary sentences (110,000 of them) takes hours there; benchmarks/scale.py measures that case.
    words = "the committee reviewed the budget proposal and its members discussed the amendments at length "
    paragraph = "On Monday " + words * (BIG // 100 // len(words)) + "in Geneva.\n\n"
    big = paragraph * 100
    assert len(big) > BIG * 0.99
    (root / "big.jsonl").write_bytes(_line({"id": "big", **day, "text": big}))
    folder = root / "2021-05-04"
    folder.mkdir()
    (folder / "cp1252.txt").write_bytes("Caf\u00e9 \u201cprices\u201d rose, na\u00efve r\u00e9sum\u00e9s said "
                                        "on Tuesday.".encode("cp1252"))
    (folder / "utf16.txt").write_bytes("Fran\u00e7ois Hollande spoke on Wednesday.".encode("utf-16"))
    (folder / "garbage.txt").write_bytes(bytes(range(256)) * 4)
    packed = gzip.compress(b"".join(_line(r) for r in good[30:]))
    (root / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])
    return root


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[IngestReport, Path]:
    db = tmp_path_factory.mktemp("hostile-db") / "hostile.db"
    with Store(db) as store:
        report = ingest(store, [corpus], IngestOptions(seen_at=SEEN, pipeline=PipelineConfig(mode="fast"),
                                                        batch_size=8, workers=2))
    return report, db


def _stored(db: Path) -> dict[str, list[str]]:
    with Store(db, readonly=True) as store:
        found: dict[str, list[str]] = {}
        for row in store.conn.execute("SELECT external_id, text FROM articles ORDER BY rowid"):
            found.setdefault(row[0], []).append(row[1])
        return found


def test_every_problem_is_reported_with_its_code(ingested: tuple[IngestReport, Path]) -> None:
    report, _ = ingested
    where = {(p.code.value, p.source.rsplit("/", 1)[-1], p.location.split(" (")[0]) for p in report.problems}
    assert where >= {
        ("D106", "mixed.jsonl", "line 2"),   # Latin-1 in a UTF-8 file
        ("D101", "mixed.jsonl", "line 5"),   # raw control character inside a JSON string
        ("D107", "mixed.jsonl", "line 6"),   # NUL bytes
        ("D105", "mixed.jsonl", "line 7"),   # blank text
        ("D112", "mixed.jsonl", "line 8"),   # no text field
        ("D101", "mixed.jsonl", "line 9"),   # not an object
        ("D101", "mixed.jsonl", "line 10"),  # not JSON
        ("D103", "dates.jsonl", "line 1"), ("D103", "dates.jsonl", "line 2"), ("D103", "dates.jsonl", "line 3"),
        ("D103", "dates.jsonl", "line 4"), ("D103", "dates.jsonl", "line 5"), ("D104", "dates.jsonl", "line 6"),
        ("D107", "garbage.txt", ""),
    }
    assert any(p.code.value == "D108" and p.source.endswith("cut.jsonl.gz") for p in report.problems)
    assert report.rejected == len(report.problems) == 15


def test_nothing_good_is_lost(ingested: tuple[IngestReport, Path]) -> None:
    report, db = ingested
    stored = _stored(db)
    for n in range(30):
        assert f"gen-11-{n}" in stored
    recovered = [n for n in range(30, 40) if f"gen-11-{n}" in stored]
    assert recovered == list(range(30, 30 + len(recovered))) and recovered, "lines before the gzip cut are kept"
    assert stored["m-utf8"] == ["Zoë Müller reported from Zürich on Monday."]
    assert stored["m-controls"] == ["Bell   escape  [31m red   nul, on Friday."]
    assert "<script>" in stored["m-html"][0], "HTML in a JSON field is text as given, never executed or lost"
    assert stored["d-ok"] == ["Dated d-ok."]
    assert stored["dup"] == ["First version of the story.", "Second version of the story, corrected."]
    assert len(stored["big"][0]) > BIG * 0.99
    assert stored["2021-05-04/cp1252.txt"] == ["Café “prices” rose, naïve résumés said on Tuesday."]
    assert stored["2021-05-04/utf16.txt"] == ["François Hollande spoke on Wednesday."]
    assert report.revisions == 1 and report.duplicates == 1
    assert report.added == len(stored) == 30 + len(recovered) + 8


def test_problems_are_in_the_database_too(ingested: tuple[IngestReport, Path]) -> None:
    report, db = ingested
    with Store(db, readonly=True) as store:
        rows = store.conn.execute("SELECT code, source, location, reason FROM problems").fetchall()
    assert sorted(tuple(r) for r in rows) == sorted((p.code.value, p.source, p.location, p.reason)
                                                    for p in report.problems)
