"""TimelineJS export: a golden file, and the structure TimelineJS's JSON format documents."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from dateline.events.cited import CitedTimeline
from dateline.export.timelinejs import headline, to_timelinejs


def check_date(value: Any) -> None:
    assert isinstance(value, dict) and set(value) <= {"year", "month", "day"} and isinstance(value["year"], int)
    assert "day" not in value or "month" in value
    assert 1 <= value.get("month", 1) <= 12 and 1 <= value.get("day", 1) <= 31


def check_timelinejs(document: dict[str, Any]) -> None:
    """The TimelineJS JSON format: `events` (required) of slides with a `start_date`; optional `title`, `eras`."""
    assert set(document) <= {"events", "title", "eras", "scale"} and isinstance(document["events"], list)
    ids = []
    for slide in document["events"]:
        assert set(slide) <= {"start_date", "end_date", "text", "media", "group", "display_date", "background",
                              "autolink", "unique_id"}
        check_date(slide["start_date"])
        assert set(slide["text"]) <= {"headline", "text"} and all(isinstance(v, str) for v in slide["text"].values())
        assert isinstance(slide.get("group", ""), str) and isinstance(slide.get("display_date", ""), str)
        ids.append(slide["unique_id"])
    ids.append(document.get("title", {}).get("unique_id", "title"))
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    for era in document.get("eras", []):
        check_date(era["start_date"])
        check_date(era["end_date"])
        assert isinstance(era["text"]["headline"], str)


def test_timelinejs_golden(timeline: CitedTimeline, golden: Callable[[str, str], None]) -> None:
    document = to_timelinejs(timeline)
    check_timelinejs(document)
    golden("oil-spill.timelinejs.json", json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def test_month_only_dates_have_a_display_date_and_expected_dates_their_own_group(timeline: CitedTimeline) -> None:
    slides = {s["unique_id"]: s for s in to_timelinejs(timeline)["events"]}
    assert slides["d-2010-07-01"]["start_date"] == {"year": 2010, "month": 7}
    assert slides["d-2010-07-01"]["display_date"] == "July 2010"
    assert "display_date" not in slides["d-2010-04-20"]
    assert [s["group"] for s in slides.values()] == ["Reported", "Reported", "Expected"]
    assert "&amp; sank; 11 workers &lt;missing&gt;" in slides["d-2010-04-20"]["text"]["text"]


def test_a_timeline_without_phases_has_no_eras(timeline: CitedTimeline) -> None:
    plain = CitedTimeline(timeline.title, None, timeline.dates[:1])
    document = to_timelinejs(plain)
    check_timelinejs(document)
    assert "eras" not in document and document["title"]["text"]["text"] == ""


def test_headlines_are_cut_at_a_word() -> None:
    assert headline("short one") == "short one"
    assert headline("word " * 40, limit=20) == "word word word word…"
