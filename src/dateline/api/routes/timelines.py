"""`/api/timeline` and `/api/exports/timeline`: the summarized timeline of a query or an entity, as of a date,
as JSON, TimelineJS or Markdown."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from dateline.api.database import Database
from dateline.api.models import TimelineOut
from dateline.api.params import AsOf, Conn, DayFrom, DayTo, database, to_date
from dateline.events.cited import CitedTimeline, make_timeline, timeline_dict
from dateline.export.markdown import to_markdown
from dateline.export.timelinejs import to_timelinejs

router = APIRouter(tags=["timelines"])
Words = Annotated[str | None, Query(max_length=500,
                                    description="Words every chosen sentence, or a report linked to it, has.")]
Entity = Annotated[str | None, Query(max_length=300, description="Only sentences naming this entity.")]
Dates = Annotated[int | None, Query(ge=1, le=500, description="How many dates (default: from the corpus).")]
ExportFormat = Annotated[Literal["timelinejs", "json", "markdown"], Query(
    description="timelinejs (TimelineJS3 JSON), json (dateline's own) or markdown.")]
PerDate = Annotated[int | None, Query(ge=1, le=50, description="Sentences a date (default: from the corpus).")]


def build(db: Database, conn: sqlite3.Connection, q: str | None, entity: str | None, date_from: str | None,
          date_to: str | None, as_of: str | None, dates: int | None, per_date: int | None) -> CitedTimeline:
    """The timeline for these parameters (the query and entity are optional: without both, all the news),
    remembered until the store changes (a timeline takes seconds on a big corpus)."""
    start, end = to_date(date_from, "from"), to_date(date_to, "to")
    return db.remembered(conn, ("timeline", q or None, entity or None, start, end, as_of, dates, per_date),
                         lambda: make_timeline(conn, q or None, entity=entity or None, start=start, end=end,
                                               as_of=as_of, n_dates=dates, per_date=per_date))


@router.get("/timeline", response_model=TimelineOut, summary="Timeline")
def timeline(request: Request, conn: Conn, q: Words = None, entity: Entity = None, date_from: DayFrom = None,
             date_to: DayTo = None, as_of: AsOf = None, dates: Dates = None, per_date: PerDate = None
             ) -> TimelineOut:
    """The most important dates for `q` and/or `entity`, each with cited sentences, as written as of `as_of`."""
    made = build(database(request), conn, q, entity, date_from, date_to, as_of, dates, per_date)
    return TimelineOut.model_validate(timeline_dict(made))


_EXPORT_BODIES: dict[int | str, dict[str, Any]] = {200: {"content": {
    "application/json": {"schema": {"type": "object", "description": "TimelineJS document or dateline JSON"}},
    "text/markdown": {"schema": {"type": "string"}},
}}}


@router.get("/exports/timeline", summary="Export a timeline", response_class=Response, responses=_EXPORT_BODIES)
def export_timeline(request: Request, conn: Conn, format: ExportFormat = "timelinejs", q: Words = None,
                    entity: Entity = None, date_from: DayFrom = None, date_to: DayTo = None, as_of: AsOf = None,
                    dates: Dates = None, per_date: PerDate = None) -> Response:
    """The timeline in a publishable format, as a download."""
    made = build(database(request), conn, q, entity, date_from, date_to, as_of, dates, per_date)
    name = "timeline" + (f"-as-of-{as_of[:10]}" if as_of else "")
    if format == "markdown":
        return PlainTextResponse(to_markdown(made), media_type="text/markdown",
                                 headers={"content-disposition": f'inline; filename="{name}.md"'})
    document = to_timelinejs(made) if format == "timelinejs" else timeline_dict(made)
    return JSONResponse(document, headers={"content-disposition": f'inline; filename="{name}.json"'})
