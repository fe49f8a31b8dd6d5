"""`dateline stories` and `dateline story ID`: story clusters as of a date."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dateline.cli import app
from dateline.cli._util import AsOfOption, DbOption, JsonOption, console, emit_json, failures, open_db
from dateline.search import stories, story


@app.command("stories")
def stories_command(
    db: DbOption,
    as_of: AsOfOption = None,
    min_articles: Annotated[int, typer.Option("--min-articles", help="Only stories this big.")] = 2,
    limit: Annotated[int, typer.Option("--limit", help="At most this many stories.")] = 30,
    json_output: JsonOption = False,
) -> None:
    """The story clusters known as of a date, biggest first."""
    with open_db(db) as store, failures():
        found = stories(store.conn, as_of, min_articles=min_articles, limit=limit)
    if json_output:
        emit_json([asdict(item) for item in found])
        return
    table = Table("id", "story", "articles", "copies", "span", "outlets", "entities",
                  title="stories" + (f" as of {as_of}" if as_of else ""))
    for item in found:
        table.add_row(item.id, escape(item.title or "(no title)"), str(item.articles), str(item.copies),
                      f"{item.first_day}..{item.last_day}", escape(", ".join(item.outlets[:3])),
                      escape(", ".join(item.entities[:4])))
    console.print(table)


@app.command("story")
def story_command(
    story_id: Annotated[str, typer.Argument(help="Story id (or the id of any of its articles).")],
    db: DbOption,
    as_of: AsOfOption = None,
    json_output: JsonOption = False,
) -> None:
    """One story: its articles, near-duplicates marked, with span, outlets and main entities."""
    with open_db(db) as store, failures():
        found = story(store.conn, story_id, as_of)
    if json_output:
        emit_json(asdict(found))
        return
    console.print(f"[bold]{escape(found.title or '(no title)')}[/bold]  [dim]{found.id}[/dim]")
    console.print(f"{found.articles} articles ({found.copies} copies) · {found.first_day}..{found.last_day} · "
                  f"{escape(', '.join(found.outlets))}")
    if found.entities:
        console.print(f"about: {escape(', '.join(found.entities))}")
    for member in found.members:
        mark = f" [dim](copy of {member.copy_of})[/dim]" if member.copy_of else ""
        console.print(f"  {member.published_day}  {escape(member.title or '(no title)')}  "
                      f"[dim]{member.source or '-'} · {member.article_id}[/dim]{mark}")
