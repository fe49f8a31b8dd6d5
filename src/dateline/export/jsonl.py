"""Tables as JSON Lines: one `TABLE.jsonl` file a table, one object a row, keys in column order.

Plain JSON that `pandas.read_json(lines=True)`, DuckDB's `read_json_auto` or Spark read as they are; the same store
always gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

from dateline.export.tables import Table


def write_jsonl(table: Table, folder: Path) -> tuple[Path, int]:
    """Write `table` to `folder/NAME.jsonl`, streaming; return the file and its row count."""
    path = folder / f"{table.name}.jsonl"
    names = [name for name, _ in table.columns]
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in table.rows():
            out.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            count += 1
    return path, count
