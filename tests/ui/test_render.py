"""The UI's own pieces without a browser: highlighting by offsets, period filling, the SVG charts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.ui.charts import bar_chart, fill_periods, timeline_strip
from dateline.ui.highlight import Mark, marked_paragraphs, marked_passage


def _flat(paragraphs: list[list[object]]) -> list[list[tuple[str, str | None]]]:
    return [[(p.text, p.mark.kind if p.mark else None) for p in para] for para in paragraphs]  # type: ignore[attr-defined]


def test_marks_cut_the_text_and_every_character_shows_once() -> None:
    text = "Tom Cruise said on July 12th.\n\nAtwell agreed next week."
    marks = [Mark(0, 10, "entity", "PER"), Mark(4, 10, "entity", "PER"),  # nested: the longer, earlier one wins
             Mark(19, 28, "timex", "2023-07-12"), Mark(31, 37, "entity", "PER"), Mark(45, 54, "timex", "2023-W28")]
    paragraphs = marked_paragraphs(text, marks)
    assert _flat(paragraphs) == [
        [("Tom Cruise", "entity"), (" said on ", None), ("July 12th", "timex"), (".", None)],
        [("Atwell", "entity"), (" agreed ", None), ("next week", "timex"), (".", None)],
    ]
    assert "".join(p.text for para in paragraphs for p in para) == text.replace("\n\n", "")


def test_marks_across_a_paragraph_break_or_out_of_range_are_dropped() -> None:
    text = "One.\n\nTwo."
    assert _flat(marked_paragraphs(text, [Mark(2, 8, "timex", "x"), Mark(8, 99, "timex", "y")])) == [
        [("One.", None)], [("Two.", None)]]


def test_passage_highlights_use_offsets_into_the_whole_text() -> None:
    pieces = marked_passage("drifting in Rome", 40, [(40, 48), (52, 56), (60, 70)])
    assert [(p.text, p.mark is not None) for p in pieces] == [("drifting", True), (" in ", False), ("Rome", True)]


def test_fill_periods_fills_gaps_and_coarsens_long_spans() -> None:
    assert fill_periods({"2023-01": 2, "2023-03": 1}) == [("2023-01", 2), ("2023-02", 0), ("2023-03", 1)]
    assert fill_periods({"2020-01-01": 1, "2021-12-31": 1}, max_bars=30)[0] == ("2020-01", 1)
    assert len(fill_periods({"2020-01-01": 1, "2021-12-31": 1}, max_bars=30)) == 24
    assert fill_periods({}) == []


def test_bar_chart_escapes_labels_and_links_bars() -> None:
    svg = str(bar_chart([("2023-06-22", 3), ("2023-06-23", 0)], label="<b>", href="/?day="))
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert svg.count("<rect") == 2 and svg.count('href="/?day=2023-06-22"') == 1
    assert "Nothing to chart" in str(bar_chart([], label="x"))


def test_timeline_strip_has_a_dot_and_a_link_per_date() -> None:
    points = [(date(2023, 6, 22), 1, "As with a lot of Tom Cruise's movies", "#d-2023-06-22"),
              (date(2023, 7, 12), 2, "Premiere <in> theaters", "#d-2023-07-12")]
    svg = str(timeline_strip(points, [(date(2023, 6, 22), date(2023, 7, 12), "June – July 2023")]))
    assert svg.count("<circle") == 2 and 'href="#d-2023-07-12"' in svg
    assert "&lt;in&gt;" in svg and "June – July 2023" in svg
    assert str(timeline_strip([])) == ""


def test_article_links_only_web_urls_and_pages_carry_security_headers(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.api import create_app
    from dateline.ingest.run import IngestOptions, ingest
    from dateline.store.db import Store

    body = tmp_path / "a.jsonl"
    body.write_text('{"id": "x", "date": "2023-07-01", "url": "javascript:alert(1)", "title": "<script>t</script>",'
                    ' "text": "Text <b>bold</b>."}\n')
    with Store(tmp_path / "x.db") as store:
        ingest(store, [body], IngestOptions(seen_at="published", workers=1))
    with TestClient(create_app(tmp_path / "x.db", rate=None)) as client:
        article_id = client.get("/api/articles").json()["items"][0]["id"]
        page = client.get(f"/articles/{article_id}")
        assert "javascript:" not in page.text and "<script>t" not in page.text and "&lt;b&gt;" in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert client.get("/api/stats").headers["x-content-type-options"] == "nosniff"
