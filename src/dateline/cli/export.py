"""`dateline export --format parquet|jsonl|timeml --out DIR`: the store as files for DuckDB, pandas, Spark or
TimeML tools, streamed, the same bytes every time for the same store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import AsOfOption, DbOption, JsonOption, console, emit_json, open_db
from dateline.errors import Code, ConfigError
from dateline.export.jsonl import write_jsonl
from dateline.export.parquet import write_parquet
from dateline.export.tables import export_tables
from dateline.export.timeml import write_timeml_folder

EXPORT_FORMATS = ("parquet", "jsonl", "timeml")


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="Folder to write into (created if needed).")],
    db: DbOption,
    format: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "parquet",
    as_of: AsOfOption = None,
    json_output: JsonOption = False,
) -> None:
    """Write the store's tables (articles, sentences, timexes, entities and their mentions, event mentions and
    links) as one Parquet or JSONL file each, or every article as a TimeML file with its TIMEX3."""
    with open_db(db) as store:
        if format not in EXPORT_FORMATS:
            raise ConfigError(f"--format {format!r} is not one of {', '.join(EXPORT_FORMATS)}",
                              code=Code.INVALID_OPTION)
        out.mkdir(parents=True, exist_ok=True)
        written: list[tuple[Path, int]] = []
        store.conn.execute("BEGIN")  # one snapshot for every table, even while an ingest writes
        if format == "timeml":
            written.append(write_timeml_folder(store.conn, out, as_of))
        else:
            writer = write_parquet if format == "parquet" else write_jsonl
            written.extend(writer(table, out) for table in export_tables(store.conn, as_of))
        store.conn.execute("COMMIT")
    if json_output:
        emit_json({"format": format, "files": [{"path": str(path), "rows": rows} for path, rows in written]})
        return
    for path, rows in written:
        console.print(f"{rows:>10}  {path}")
