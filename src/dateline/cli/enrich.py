"""`dateline enrich`: add what `ingest --fast` skipped (statistical NER) to the stored articles, from the stored
text, without reading the sources again."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import (
    DbOption,
    EngineOption,
    JsonOption,
    SchedulerOption,
    SpoolOption,
    WorkersOption,
    console,
    emit_json,
    failures,
)
from dateline.engine.enrich import enrich
from dateline.store.db import Store


@app.command("enrich")
def enrich_command(
    db: DbOption,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
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
