"""`dateline ingest PATH...`: read articles into the store, report every rejected record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.asof import parse_as_of
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
    errors,
    failures,
)
from dateline.errors import Code, ConfigError
from dateline.ingest.readers import FieldMap, ReadOptions
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, IngestReport, ingest
from dateline.ingest.sources import DEFAULT_MAX_RECORD_BYTES, FORMATS, InputFile
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store


def seen_at_option(value: str | None) -> datetime | str | None:
    """`--seen-at`: an ISO date or datetime, or `published` to take each article's own date."""
    if value is None or value == SEEN_AT_PUBLISHED:
        return value
    moment = parse_as_of(value)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0) if len(value.strip()) == 10 else moment


def print_report(report: IngestReport, limit: int = 20) -> None:
    for problem in report.problems[:limit]:
        errors.print(f"[yellow]skipped[/yellow] {problem}", markup=True, highlight=False, soft_wrap=True)
    if len(report.problems) > limit:
        errors.print(f"... and {len(report.problems) - limit} more (all are in the database's problems table)")
    console.print(
        f"{report.added} added, {report.revisions} revisions, {report.duplicates} already stored, "
        f"{report.rejected} rejected from {report.files} files"
        + (f" ({', '.join(f'{code}: {n}' for code, n in report.by_code().items())})" if report.problems else "")
    )


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    db: DbOption,
    format: Annotated[str | None, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = None,
    seen_at: Annotated[str | None, typer.Option(
        "--seen-at", help="Stamp first_seen_at with this date instead of now, or 'published' for a backfill.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first rejected record.")] = False,
    fast: Annotated[bool, typer.Option("--fast", help="Lexical stages only (no statistical NER).")] = False,
    date_field: Annotated[str | None, typer.Option("--date-field", help="JSONL/CSV field with the date.")] = None,
    text_field: Annotated[str | None, typer.Option("--text-field", help="JSONL/CSV field with the text.")] = None,
    max_record_bytes: Annotated[int, typer.Option("--max-record-bytes")] = DEFAULT_MAX_RECORD_BYTES,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 200,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    spool: SpoolOption = None,
    json_output: JsonOption = False,
) -> None:
    """Read dated articles (seed lines, JSONL, CSV, date folders, HTML, WARC, gzipped or not) into the store.

    Exit code 0 when every record was stored or already there, 1 when any was rejected, 2 on error.
    """
    with failures():
        if format is not None and format not in FORMATS:
            raise ConfigError(f"--format {format!r} is not one of {', '.join(FORMATS)}", code=Code.INVALID_OPTION)
        options = IngestOptions(
            format=format, seen_at=seen_at_option(seen_at), strict=strict, batch_size=batch_size,
            read=ReadOptions(FieldMap.with_overrides(date=date_field, text=text_field), max_record_bytes),
            pipeline=PipelineConfig(mode="fast" if fast else "full"), engine=engine, scheduler=scheduler,
            workers=workers, spool=spool,
        )
        with Store(db) as store, Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=errors, transient=True, disable=json_output,
        ) as bar:
            task = bar.add_task("ingesting", total=None)

            def advance(source: InputFile, records: int) -> None:
                bar.update(task, advance=1, description=f"{source.path.name} ({records} records)")

            report = ingest(store, paths, options, progress=advance)
    if json_output:
        emit_json({"added": report.added, "revisions": report.revisions, "duplicates": report.duplicates,
                   "rejected": report.rejected, "files": report.files, "problems": [
                       {"code": p.code.value, "source": p.source, "location": p.location, "reason": p.reason}
                       for p in report.problems]})
    else:
        print_report(report)
    if report.problems:
        raise typer.Exit(1)
