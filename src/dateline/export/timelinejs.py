"""A timeline as TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

One slide per date: `start_date` {year, month, day}, `text` {headline, text} with the cited sentences as HTML,
`group` ("Reported", or "Expected" for a date still ahead as of the timeline's date), a `unique_id`, and a
`display_date` where only the month or year is meaningful. Phases become `eras`; the query is the title slide.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from dateline.events.cited import CitedDate, CitedTimeline
from dateline.events.record import outlet

HEADLINE_CHARS = 90


def _date(day: date, precision: str = "day") -> dict[str, int]:
    parts = {"year": day.year}
    if precision in ("day", "month"):
        parts["month"] = day.month
    if precision == "day":
        parts["day"] = day.day
    return parts


def headline(text: str, limit: int = HEADLINE_CHARS) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    cut = cut.rstrip(",;:-– ")
    return cut + "…"


def _body(entry: CitedDate) -> str:
    items = "".join(
        f"<p>{html.escape(s.text)} <small>({html.escape(outlet(s.source, s.article_id))}, "
        f"published {s.published.isoformat()})</small></p>" for s in entry.sentences
    )
    count = len(entry.sources)
    first = html.escape(entry.first_source)
    return (f"{items}<p><small>Reported by {count} source{'s' if count != 1 else ''}; first by {first} "
            f"on {entry.first_reported_at[:10]}.</small></p>")


def _slide(entry: CitedDate) -> dict[str, Any]:
    slide: dict[str, Any] = {
        "start_date": _date(entry.date, entry.precision),
        "text": {"headline": html.escape(headline(entry.sentences[0].text)) if entry.sentences
                 else entry.date.isoformat(),
                 "text": _body(entry)},
        "group": "Expected" if entry.expected else "Reported",
        "unique_id": entry.unique_id,
    }
    if entry.precision == "month":
        slide["display_date"] = entry.date.strftime("%B %Y")
    elif entry.precision == "year":
        slide["display_date"] = str(entry.date.year)
    return slide


def to_timelinejs(timeline: CitedTimeline) -> dict[str, Any]:
    """The TimelineJS document for `timeline` (a dict ready for `json.dumps`)."""
    note = f"As of {timeline.as_of}: only articles first seen by then." if timeline.as_of else ""
    document: dict[str, Any] = {
        "title": {"text": {"headline": html.escape(timeline.title), "text": note}, "unique_id": "title"},
        "events": [_slide(entry) for entry in timeline.dates],
    }
    if timeline.eras:
        document["eras"] = [
            {"start_date": _date(era.start), "end_date": _date(era.end),
             "text": {"headline": html.escape(era.headline)}} for era in timeline.eras
        ]
    return document
