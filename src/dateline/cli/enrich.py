"""`dateline enrich`: add what `ingest --fast` skipped (statistical NER) to the stored articles, from the stored
text, without reading the sources again."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import DbOption, JsonOption, SpoolOption, console, emit_json, failures
from dateline.engine import ENGINES
from dateline.engine.enrich import enrich
from dateline.store.db import Store


@app.command("enrich")
def enrich_command(
    db: DbOption,
    engine: Annotated[str, typer.Option("--engine", help=f"Where to run the model: {' or '.join(ENGINES)}.")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (default: start a local cluster).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes (default: cores).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 200,
    spool: SpoolOption = None,
    json_output: JsonOption = False,
) -> None:
    """Run spaCy's NER over every stored article that has not had it (those ingested with --fast), then redo entity
    resolution. Safe to stop and run again: it continues where it stopped."""
    with failures(), Store(db) as store:
        report = enrich(store, engine=engine, workers=workers, scheduler=scheduler, batch_size=batch_size,
                        spool=spool)
    if json_output:
        emit_json({"articles": report.articles, "mentions_before": report.mentions_before,
                   "mentions_after": report.mentions_after})
        return
    console.print(f"{report.articles} articles enriched: {report.mentions_before} mentions before, "
                  f"{report.mentions_after} after")
