"""`dateline revisions QUERY`: how the expected date of a coming event moved as reports came in."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from dateline.cli import app
from dateline.cli._util import AsOfOption, DbOption, JsonOption, console, emit_json, failures, open_db
from dateline.cli.events import report_dict
from dateline.events.record import outlet
from dateline.events.revisions import Schedule, find_schedules


@app.command("revisions")
def revisions_command(
    query: Annotated[str, typer.Argument(help="Words naming the scheduled event (or its subject).")],
    db: DbOption,
    as_of: AsOfOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show each scheduled event matching QUERY with every report of its expected date: when, by whom."""
    with open_db(db) as store, failures():
        schedules = find_schedules(store.conn, query, as_of=as_of)
    if json_output:
        emit_json({"query": query, "as_of": as_of, "scheduled": [
            {"id": s.id, "revised": s.revised, "expected": report_dict(s.current.report)["value"],
             "history": [{**report_dict(h.report), "change": h.change.value} for h in s.history]}
            for s in schedules]})
        return
    print_schedules(schedules)


def print_schedules(schedules: list[Schedule]) -> None:
    """Each scheduled event with its expected date and every report of it, for the terminal."""
    if not schedules:
        console.print("No scheduled events match.")
    for schedule in schedules:
        current = schedule.current.report.mention
        console.print(f"\n[bold]{escape(schedule.history[0].report.text)}[/bold]", highlight=False, soft_wrap=True)
        console.print(f"  expected {current.value} ({current.precision})"
                      f"{'  [yellow]revised[/yellow]' if schedule.revised else ''}")
        for step in schedule.history:
            m = step.report.mention
            span = m.earliest.isoformat() if m.width == 1 else f"{m.earliest} .. {m.latest}"
            who = escape(outlet(step.report.source, m.article_id))
            console.print(f"  {step.report.first_seen_at[:10]}  {who:<20} expects {m.value:<10} ({span})  "
                          f"[dim]{step.change.value}[/dim]", highlight=False, soft_wrap=True)
            console.print(f"      [dim]{escape(step.report.text)}[/dim]", highlight=False, soft_wrap=True)
