"""`dateline events [QUERY]`: what happened when, who reported it first, and how many sources carry it."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.markup import escape

from dateline.cli import app
from dateline.cli._util import AsOfOption, DbOption, JsonOption, console, emit_json, failures, open_db
from dateline.events.record import Event, find_events, outlet
from dateline.search.filters import parse_day
from dateline.store.events import Report, sentence_entities


def report_dict(report: Report) -> dict[str, Any]:
    """One mention as JSON: its sentence, its date and how it was found, its article's clocks and outlet."""
    m = report.mention
    return {"article_id": m.article_id, "sentence": m.sentence, "text": report.text, "source": report.source,
            "published": report.published, "first_seen_at": report.first_seen_at, "value": m.value,
            "earliest": m.earliest.isoformat(), "latest": m.latest.isoformat(), "precision": m.precision,
            "rule": m.rule.value, "future": m.future}


def event_dict(event: Event, entities: dict[tuple[str, int], list[str]]) -> dict[str, Any]:
    """One event as JSON, each mention with the entities its sentence names (`entities`, by sentence)."""
    mentions = [{**report_dict(r), "entities": entities.get((r.mention.article_id, r.mention.sentence), [])}
                for r in event.mentions]
    return {"id": event.id, "earliest": event.earliest.isoformat(), "latest": event.latest.isoformat(),
            "value": event.value, "precision": event.precision, "scheduled": event.scheduled,
            "representative": event.representative.text, "first_reported_at": event.first_reported_at,
            "first_source": event.first_report.source, "first_article": event.first_report.mention.article_id,
            "sources": event.sources, "entities": list(dict.fromkeys(n for m in mentions for n in m["entities"])),
            "mentions": mentions}


@app.command("events")
def events_command(
    db: DbOption,
    query: Annotated[str | None, typer.Argument(help="Words one sentence of the event contains.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First event date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last event date (YYYY-MM-DD).")] = None,
    as_of: AsOfOption = None,
    min_mentions: Annotated[int, typer.Option("--min-mentions", help="Hide events with fewer mentions.")] = 2,
    json_output: JsonOption = False,
) -> None:
    """List events: date, what happened, who reported it first and how many sources carry it."""
    with open_db(db) as store, failures():
        low, high = parse_day(date_from, "--from"), parse_day(date_to, "--to")
        events = find_events(store.conn, query, start=date.fromisoformat(low) if low else None,
                             end=date.fromisoformat(high) if high else None, as_of=as_of, min_mentions=min_mentions)
        if json_output:
            named = sentence_entities(store.conn, [(r.mention.article_id, r.mention.sentence)
                                                   for e in events for r in e.mentions])
            emit_json({"query": query, "as_of": as_of, "events": [event_dict(e, named) for e in events]})
            return
    if not events:
        console.print("No events match.")
    for event in events:
        when = event.value if event.day is None else event.earliest.isoformat()
        first = escape(outlet(event.first_report.source, event.first_report.mention.article_id))
        console.print(f"[bold cyan]{when}[/bold cyan] ({event.precision})"
                      f"{' [yellow]scheduled[/yellow]' if event.scheduled else ''}  "
                      f"[dim]{len(event.sources)} source(s), {len(event.mentions)} mention(s); first reported "
                      f"{event.first_reported_at[:10]} by {first}[/dim]",
                      soft_wrap=True)
        console.print(f"  {event.representative.text}", highlight=False, markup=False, soft_wrap=True)
