"""`dateline show ID`: one article, its two clocks and its text."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import DbOption, JsonOption, console, emit_json, failures, open_db
from dateline.store.articles import get_article, get_sentences


@app.command("show")
def show_command(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix of 6+ characters).")],
    db: DbOption,
    json_output: JsonOption = False,
) -> None:
    """Show one stored article."""
    with open_db(db) as store, failures():
        stored = get_article(store.conn, article_id)
        sentences = get_sentences(store.conn, stored.id)
    article = stored.article
    if json_output:
        emit_json({
            "id": stored.id, "title": article.title, "source": article.source, "url": article.url,
            "external_id": article.external_id, "published_at": article.published.iso(),
            "published_precision": article.published.precision.value,
            "first_seen_at": stored.first_seen_at.isoformat(), "revision": stored.revision,
            "supersedes": stored.supersedes, "origin": article.origin, "text": article.text,
            "sentences": [{"start": s.start, "end": s.end, "paragraph": s.paragraph} for s in sentences],
        })
        return
    console.print(f"[bold]{article.title or '(no title)'}[/bold]  [dim]{stored.id}[/dim]")
    console.print(f"published {article.published.iso()} ({article.published.precision.value})  "
                  f"first seen {stored.first_seen_at.isoformat()}  source {article.source or '-'}  "
                  f"revision {stored.revision}")
    console.print(article.text, highlight=False, markup=False)
