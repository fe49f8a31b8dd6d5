"""Tables as Parquet: one `TABLE.parquet` file a table, written in row groups as the rows stream in.

Columns keep the store's types (int64, float64, string, binary), compression is zstd, and nothing varying (no
timestamps) goes into the file, so the same store always gives the same bytes with the same pyarrow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.export.tables import Row, Table

ROW_GROUP = 50_000
_TYPES = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "bytes": pa.binary()}


def schema(table: Table) -> Any:
    """The Arrow schema of a table: every column nullable, typed as the store declares it."""
    return pa.schema([pa.field(name, _TYPES[kind]) for name, kind in table.columns])


def write_parquet(table: Table, folder: Path, row_group: int = ROW_GROUP) -> tuple[Path, int]:
    """Write `table` to `folder/NAME.parquet` in row groups of `row_group` rows; return the file and its rows."""
    path = folder / f"{table.name}.parquet"
    arrow_schema = schema(table)
    count = 0
    with pq.ParquetWriter(path, arrow_schema, compression="zstd") as writer:
        chunk: list[Row] = []
        for row in table.rows():
            chunk.append(row)
            if len(chunk) >= row_group:
                writer.write_table(_to_arrow(chunk, arrow_schema), row_group_size=row_group)
                count += len(chunk)
                chunk = []
        if chunk or not count:
            writer.write_table(_to_arrow(chunk, arrow_schema), row_group_size=row_group)
            count += len(chunk)
    return path, count


def _to_arrow(rows: list[Row], arrow_schema: Any) -> Any:
    columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [() for _ in arrow_schema]
    return pa.Table.from_arrays([pa.array(list(values), type=field.type)
                                 for values, field in zip(columns, arrow_schema, strict=True)], schema=arrow_schema)
