"""What every command shares: the `--db` option, JSON output, and turning dateline errors into exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline.engine import ENGINES
from dateline.errors import DatelineError
from dateline.store.db import Store

console = Console()
errors = Console(stderr=True)

DEFAULT_DB = "dateline.db"


def default_db() -> Path:
    """`DATELINE_DB` if set, else `dateline.db` in the current folder."""
    return Path(os.environ.get("DATELINE_DB") or DEFAULT_DB)


DbOption = Annotated[Path, typer.Option("--db", help="Database file (default: $DATELINE_DB or ./dateline.db).",
                                        default_factory=default_db, show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Only what was first seen on or before this "
                                                "date (YYYY-MM-DD or ISO datetime).")]
SpoolOption = Annotated[Path | None, typer.Option(
    "--spool", help="Folder for the workers' Parquet shards (default: DB.spool; shared on a cluster).")]
EngineOption = Annotated[str, typer.Option("--engine", help=f"Where to analyze: {' or '.join(ENGINES)}.")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="Dask scheduler address (default: start a local cluster).")]
WorkersOption = Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes (default: cores).")]


@contextmanager
def failures() -> Iterator[None]:
    """Print a dateline error as one line with its code and exit 2, instead of a traceback."""
    try:
        yield
    except DatelineError as error:
        errors.print(f"[red]error[/red] {error}", markup=True, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@contextmanager
def open_db(path: Path, *, readonly: bool = True) -> Iterator[Store]:
    with failures(), Store(path, readonly=readonly) as store:
        yield store


def tell_redo(redoing: str | None) -> None:
    """On stderr (stdout keeps its table or JSON): entity groups are being decided again from the sighting
    `redoing` on (`store.entities.redo_pending`), so what entities say is partial until that ends."""
    if redoing is not None:
        errors.print(f"[yellow]entities: the groups first seen from {redoing or 'the first article'} on are being "
                     "decided again (a backfill, override or rebuild under way, or one a killed run left: the next "
                     "ingest run finishes it); until then they have no entity, and entity counts are partial"
                     "[/yellow]")


def emit_json(value: Any) -> None:
    """Write `value` as JSON on stdout (no colours, no wrapping)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
