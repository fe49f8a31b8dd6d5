"""`dateline stats`: what the store holds."""

from __future__ import annotations

from rich.table import Table

from dateline.cli import app
from dateline.cli._util import AsOfOption, DbOption, JsonOption, console, emit_json, failures, open_db, tell_redo
from dateline.store.entities import redo_pending
from dateline.store.stats import corpus_stats


@app.command("stats")
def stats_command(db: DbOption, as_of: AsOfOption = None, json_output: JsonOption = False) -> None:
    """Articles, sources, date range and articles per month (and any entity redo not finished)."""
    with open_db(db) as store, failures():
        stats = corpus_stats(store.conn, as_of)
        redoing = redo_pending(store.conn)
    if json_output:
        emit_json({**stats, "entities_redo_from": redoing})
        return
    console.print(f"[bold]{stats['articles']}[/bold] articles from {stats['sources']} sources, published "
                  f"{stats['published_from']} to {stats['published_to']}"
                  + (f" (as of {as_of})" if as_of else ""))
    table = Table("month", "articles", title="articles per month")
    for month, count in stats["per_month"].items():
        table.add_row(month, str(count))
    console.print(table)
    tell_redo(redoing)
