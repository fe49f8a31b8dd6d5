"""The Timeline17 converter on a hand-made raw tree, and on the real data when it is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.timeline.t17 import TOPICS, convert, read_timeline

TIMELINE = """2010-04-20
Rig explodes .
--------------------------------
2010-04-22
Rig sinks .
--------------------------------
2010-04-20
Eleven workers are missing .
--------------------------------
"""


def raw_tree(root: Path) -> Path:
    """Every collection of the 9 topics with one article; bpoil_bbc also with a reference timeline."""
    for topic in TOPICS:
        for collection in topic.collections:
            day = root / collection / "InputDocs" / "2010-04-21"
            day.mkdir(parents=True)
            (day / "7.htm.txt").write_text(f"{collection} headline \nOil spill grows . \n\n", encoding="utf-8")
            (root / collection / "timelines").mkdir()
    (root / "bpoil_bbc" / "timelines" / "bbc.txt").write_text(TIMELINE, encoding="utf-8")
    return root


def test_a_day_listed_twice_keeps_its_last_entry(tmp_path: Path) -> None:
    path = tmp_path / "tl.txt"
    path.write_text(TIMELINE, encoding="utf-8")
    timeline = read_timeline(path)
    assert [(day.isoformat(), sentences) for day, sentences in sorted(timeline.items())] == [
        ("2010-04-20", ["Eleven workers are missing ."]), ("2010-04-22", ["Rig sinks ."])]


def test_a_bad_date_line_is_an_error_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "tl.txt"
    path.write_text("2010-04-2\nRig explodes .\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=r"tl.txt:1"):
        read_timeline(path)


def test_convert_writes_the_news_tls_layout(tmp_path: Path) -> None:
    written = convert(raw_tree(tmp_path / "raw"), tmp_path / "out")
    assert set(written) == {topic.name for topic in TOPICS}
    assert written["bpoil"] == (5, 1)
    articles = [json.loads(line) for line in (tmp_path / "out/bpoil/articles.jsonl").read_text().splitlines()]
    assert articles[0] == {"id": "bpoil_bbc/7", "time": "2010-04-21T00:00:00",
                           "text": "bpoil_bbc headline\nOil spill grows ."}
    assert json.loads((tmp_path / "out/bpoil/keywords.json").read_text()) == ["bp", "oil", "spill"]
    rows = json.loads((tmp_path / "out/bpoil/timelines.jsonl").read_text())
    assert rows[0] == ["2010-04-20T00:00:00", ["Eleven workers are missing ."]]


def test_convert_names_missing_collections(tmp_path: Path) -> None:
    root = raw_tree(tmp_path / "raw")
    (root / "MJ_bbc" / "InputDocs" / "2010-04-21" / "7.htm.txt").unlink()
    (root / "MJ_bbc" / "InputDocs" / "2010-04-21").rmdir()
    (root / "MJ_bbc" / "InputDocs").rmdir()
    with pytest.raises(DatelineError, match="MJ_bbc"):
        convert(root, tmp_path / "out")


@pytest.mark.shared
def test_converted_references_equal_the_news_tls_release(shared_data: Path, tmp_path: Path) -> None:
    convert(shared_data / "t17" / "raw", tmp_path)
    for topic in TOPICS:
        ours = (tmp_path / topic.name / "timelines.jsonl").read_text().splitlines()
        theirs = (shared_data / "t17" / "news-tls" / topic.name / "timelines.jsonl").read_text().splitlines()
        canonical = sorted(json.dumps(sorted(json.loads(line))) for line in ours)
        assert canonical == sorted(json.dumps(sorted(json.loads(line))) for line in theirs if line.strip())
