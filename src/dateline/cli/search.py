"""`dateline search QUERY`: ranked full-text search as of a date, with date, event-date, entity and source filters."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from dateline.cli import app
from dateline.cli._util import AsOfOption, DbOption, JsonOption, console, emit_json, failures, open_db
from dateline.search import SearchHit, search


def _marked(hit: SearchHit) -> str:
    """The snippet with the query words in bold (rich markup, the text itself escaped)."""
    snippet = hit.snippet
    parts, at = [], snippet.start
    for start, end in snippet.highlights:
        parts += [escape(snippet.text[at - snippet.start:start - snippet.start]),
                  f"[bold yellow]{escape(snippet.text[start - snippet.start:end - snippet.start])}[/bold yellow]"]
        at = end
    parts.append(escape(snippet.text[at - snippet.start:]))
    return "".join(parts)


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", title:word, source:name, a OR b, -word.')],
    db: DbOption,
    as_of: AsOfOption = None,
    published_from: Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY-MM-DD).")] = None,
    published_to: Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY-MM-DD).")] = None,
    event_from: Annotated[str | None, typer.Option("--event-from", help="Talks about a date on or after this.")]
    = None,
    event_to: Annotated[str | None, typer.Option("--event-to", help="Talks about a date on or before this.")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Mentions this entity (any of its names).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Hits per page (1-200).")] = 20,
    cursor: Annotated[str | None, typer.Option("--cursor", help="Continue after a page (its next_cursor).")] = None,
    json_output: JsonOption = False,
) -> None:
    """Search the articles known as of a date, best first, each with its most relevant sentence."""
    with open_db(db) as store, failures():
        page = search(store.conn, query, as_of=as_of, published_from=published_from, published_to=published_to,
                      event_from=event_from, event_to=event_to, entity=entity, source=source, limit=limit,
                      cursor=cursor)
    if json_output:
        emit_json(asdict(page))
        return
    console.print(f"[bold]{page.total}[/bold] articles match {query!r}" + (f" as of {as_of}" if as_of else ""))
    for hit in page.hits:
        console.print(f"\n[bold]{escape(hit.title or '(no title)')}[/bold]  [dim]{hit.article_id}[/dim]")
        console.print(f"[dim]{hit.source or '-'} · published {hit.published} · first seen {hit.first_seen_at[:10]}"
                      f" · score {hit.score:.2f}[/dim]")
        console.print(_marked(hit), highlight=False)
    if page.next_cursor:
        console.print(f"\n[dim]more: --cursor {page.next_cursor}[/dim]")
