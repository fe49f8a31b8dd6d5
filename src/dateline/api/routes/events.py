"""`/api/events` and `/api/revisions`: what happened when, who reported it first, how expected dates moved."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from dateline.api.models import EventOut, ExpectedDateOut, ReportOut, ScheduleOut
from dateline.api.paging import Page, View
from dateline.api.params import AsOf, Conn, Cursor, DayFrom, DayTo, Limit, database, to_date
from dateline.events.record import Event, find_events
from dateline.events.revisions import ExpectedDate, find_schedules
from dateline.store.events import Report

router = APIRouter(tags=["events"])
Words = Annotated[str | None, Query(max_length=500, description="Words one sentence of the event contains.")]


def report_out(report: Report) -> ReportOut:
    m = report.mention
    return ReportOut(article_id=m.article_id, sentence=m.sentence, text=report.text, source=report.source,
                     title=report.title, published_at=report.published, first_seen_at=report.first_seen_at,
                     value=m.value, earliest=m.earliest.isoformat(), latest=m.latest.isoformat(),
                     precision=m.precision, rule=m.rule.value, future=m.future)


def event_out(event: Event) -> EventOut:
    first = event.first_report
    return EventOut(id=event.id, earliest=event.earliest.isoformat(), latest=event.latest.isoformat(),
                    value=event.value, precision=event.precision, scheduled=event.scheduled,
                    representative=event.representative.text, first_reported_at=event.first_reported_at,
                    first_source=first.source, first_article=first.mention.article_id, sources=event.sources,
                    mentions=[report_out(r) for r in event.mentions])


def expected_out(step: ExpectedDate) -> ExpectedDateOut:
    return ExpectedDateOut(**report_out(step.report).model_dump(), change=step.change.value)


@router.get("/events", response_model=Page[EventOut], summary="List events")
def events(request: Request, conn: Conn, q: Words = None, date_from: DayFrom = None, date_to: DayTo = None,
           as_of: AsOf = None,
           min_mentions: Annotated[int, Query(ge=1, le=1000, description="Hide events with fewer mentions.")] = 2,
           limit: Limit = 50, cursor: Cursor = None) -> Page[EventOut]:
    """Events known as of `as_of` dated within `from`..`to`, oldest date first."""
    view = View.open(request, conn, as_of, cursor)
    start, end = to_date(date_from, "from"), to_date(date_to, "to")
    found = database(request).remembered(conn, ("events", q, start, end, view.as_of, min_mentions), lambda: [
        event_out(e) for e in find_events(conn, q, start=start, end=end, as_of=view.as_of, min_mentions=min_mentions)])
    return view.ranked_page(found, limit)


@router.get("/revisions", response_model=Page[ScheduleOut], summary="Scheduled events and their date revisions")
def revisions(request: Request, conn: Conn, q: Words = None, as_of: AsOf = None, limit: Limit = 50,
              cursor: Cursor = None) -> Page[ScheduleOut]:
    """Scheduled events matching `q` known as of `as_of`, each with every report of its expected date."""
    view = View.open(request, conn, as_of, cursor)
    schedules = database(request).remembered(conn, ("revisions", q, view.as_of), lambda: [
        ScheduleOut(id=s.id, revised=s.revised, expected=expected_out(s.current),
                    history=[expected_out(h) for h in s.history]) for s in find_schedules(conn, q, as_of=view.as_of)])
    return view.ranked_page(schedules, limit)
