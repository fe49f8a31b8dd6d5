"""`dateline changes --since DATE [--until DATE]`: what was first seen in a window."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from dateline.cli import app
from dateline.cli._util import DbOption, JsonOption, console, emit_json, failures, open_db
from dateline.search import changes


@app.command("changes")
def changes_command(
    db: DbOption,
    since: Annotated[str, typer.Option("--since", help="Start of the window (exclusive; YYYY-MM-DD or ISO).")],
    until: Annotated[str | None, typer.Option("--until", help="End of the window (inclusive; default: now).")]
    = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many items per section.")] = 20,
    json_output: JsonOption = False,
) -> None:
    """New entities, new events, revised dates and stories that grew between two dates."""
    with open_db(db) as store, failures():
        found = changes(store.conn, since, until, limit=limit)
    if json_output:
        emit_json(asdict(found))
        return
    console.print(f"[bold]Since {since}[/bold] until {until or 'now'}: {found.articles} new articles, "
                  f"{found.updated} updated")
    console.rule("new entities")
    for entity in found.entities:
        console.print(f"  {escape(entity.name)} [dim]{entity.type} · {entity.mentions} mentions in "
                      f"{entity.articles} articles · first seen {entity.first_seen_at[:10]}[/dim]")
    console.rule("new events")
    for event in found.events:
        span = event.earliest if event.earliest == event.latest else f"{event.earliest}..{event.latest}"
        console.print(f"  [bold]{span}[/bold] {escape(event.sentence)} [dim]({event.articles} articles)[/dim]")
    console.rule("revised dates")
    for revision in found.revisions:
        console.print(f"  {revision.change}: {revision.before[0]}..{revision.before[1]} -> "
                      f"{revision.after[0]}..{revision.after[1]}  {escape(revision.sentence)}")
    console.rule("stories that grew")
    for story in found.stories:
        console.print(f"  {escape(story.title or '(no title)')} [dim]{story.id}[/dim]: {story.before} -> "
                      f"{story.after} articles · {', '.join(story.outlets[:4])}")
