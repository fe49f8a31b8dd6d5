"""A hand-made cited timeline for the export tests, and golden-file comparison."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from dateline.events.cited import CitedDate, CitedTimeline, Era
from dateline.timeline.summarize import Candidate

GOLDEN = Path(__file__).parent / "golden"


def _sentence(day: str, text: str, article: str, sentence: int, source: str | None, published: str) -> Candidate:
    return Candidate(date.fromisoformat(day), text, article, sentence, date.fromisoformat(published), source,
                     f"{published}T00:00:00.000000Z", "timex")


@pytest.fixture
def timeline() -> CitedTimeline:
    """Three dates in two phases: a day with two outlets, a month-only date, and a date still ahead."""
    spill = _sentence("2010-04-20", "The Deepwater Horizon rig exploded & sank; 11 workers <missing>.", "a1" * 10,
                      0, "bbc", "2010-04-21")
    cap = _sentence("2010-04-20", "BP's *first* estimate was 1,000 barrels_a_day.", "b2" * 10, 3, None,
                    "2010-04-22")
    month = _sentence("2010-07-01", "The well was capped in July [after 87 days].", "c3" * 10, 1, "reuters",
                      "2010-07-16")
    hearing = _sentence("2011-02-28", "The trial opens on February 28, 2011.", "d4" * 10, 2, "reuters", "2010-09-01")
    dates = (
        CitedDate(date(2010, 4, 20), (spill, cap), ("a1" * 10, "b2" * 10), ("bbc", "article b2b2b2b2"),
                  "2010-04-21T00:00:00.000000Z", "bbc"),
        CitedDate(date(2010, 7, 1), (month,), ("c3" * 10,), ("reuters",), "2010-07-16T00:00:00.000000Z", "reuters",
                  precision="month"),
        CitedDate(date(2011, 2, 28), (hearing,), ("d4" * 10,), ("reuters",), "2010-09-01T00:00:00.000000Z",
                  "reuters", expected=True),
    )
    eras = (Era(date(2010, 4, 20), date(2010, 7, 1), "April 2010 – July 2010"),
            Era(date(2011, 2, 28), date(2011, 2, 28), "February 2011"))
    return CitedTimeline("Timeline: oil spill", "2010-12-31", dates, eras)


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """`golden(name, text)`: assert `text` equals `golden/name`; DATELINE_UPDATE_GOLDEN=1 rewrites the file."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("DATELINE_UPDATE_GOLDEN") == "1":
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text, f"{name} differs; DATELINE_UPDATE_GOLDEN=1 to accept"

    return check
