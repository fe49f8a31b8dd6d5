"""Markdown export: a golden file, escaping, and the empty timeline."""

from __future__ import annotations

from collections.abc import Callable

from dateline.events.candidates import Sample
from dateline.events.cited import CitedTimeline
from dateline.export.markdown import to_markdown


def test_markdown_golden(timeline: CitedTimeline, golden: Callable[[str, str], None]) -> None:
    golden("oil-spill.md", to_markdown(timeline))


def test_markdown_escapes_what_would_format(timeline: CitedTimeline) -> None:
    text = to_markdown(timeline)
    assert r"BP's \*first\* estimate was 1,000 barrels\_a\_day." in text
    assert "### July 2010" in text and "### 2011-02-28 (expected)" in text


def test_an_empty_timeline_says_so() -> None:
    empty = CitedTimeline("Timeline: nothing", None, ())
    assert to_markdown(empty) == "# Timeline: nothing\n\nNo dated sentences match.\n"


def test_a_sampled_timeline_says_how_many_articles_it_read(timeline: CitedTimeline) -> None:
    sampled = CitedTimeline(timeline.title, timeline.as_of, timeline.dates, timeline.eras, Sample(1003, 24518))
    lines = to_markdown(sampled).splitlines()
    assert lines[4] == "*Made from an even sample of 1,003 of the 24,518 articles with these words.*"
    assert "even sample" not in to_markdown(timeline)
