"""Shards: the per-article analysis of one batch as Parquet files, written by a worker, loaded by the writer in bulk.

A shard is a folder holding one Parquet file per table the per-article stages fill (`TABLES`), whose columns are
that table's columns and whose rows are in the order the in-process `pipeline.save` inserts them, so loading a
shard (after `index_article`, which builds the search index from the stored text) stores exactly what saving the
analyses one by one stores. One column comes from the store, not the analysis, and is added at load time:
`doc_entities.seen_at`, the article's first-seen time.

A worker writes a shard under a temporary name and renames it into place, so a shard that exists is whole; two
attempts at the same batch (a Dask task run again) write the same bytes, and the second one just gives way.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dateline.entities.local import summarize_groups
from dateline.errors import Code, StoreError
from dateline.pipeline import Analysis
from dateline.store.articles import sentence_rows
from dateline.store.entities import mention_tables
from dateline.store.events import mention_rows
from dateline.store.timexes import timex_rows

_INT, _TEXT = pa.int64(), pa.string()

# table -> (column, type), in the order `pipeline.save` fills the tables.
TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "sentences": [("article_id", _TEXT), ("idx", _INT), ("start", _INT), ("end", _INT), ("paragraph", _INT)],
    "timexes": [("article_id", _TEXT), ("idx", _INT), ("start", _INT), ("end", _INT), ("text", _TEXT),
                ("type", _TEXT), ("value", _TEXT), ("mod", _TEXT), ("quant", _TEXT), ("freq", _TEXT),
                ("anchor", _TEXT), ("earliest", _TEXT), ("latest", _TEXT), ("sentence", _INT)],
    "event_mentions": [("article_id", _TEXT), ("sentence", _INT), ("k", _INT), ("earliest", _TEXT),
                       ("latest", _TEXT), ("width", _INT), ("value", _TEXT), ("precision", _TEXT), ("rule", _TEXT),
                       ("timex_idx", _INT), ("future", _INT), ("terms", _TEXT)],
    "doc_entities": [("article_id", _TEXT), ("local", _INT), ("node", _INT), ("name", _TEXT), ("type", _TEXT)],
    "doc_entity_keys": [("key", _TEXT), ("article_id", _TEXT), ("local", _INT), ("base", _TEXT)],
    "entity_mentions": [("article_id", _TEXT), ("idx", _INT), ("start", _INT), ("end", _INT), ("text", _TEXT),
                        ("label", _TEXT), ("sentence", _INT), ("local", _INT), ("source", _TEXT), ("link", _TEXT)],
}


def rows(analyses: Sequence[Analysis]) -> dict[str, list[tuple[object, ...]]]:
    """Each table's rows for these analyses, in insertion order."""
    tables: dict[str, list[tuple[object, ...]]] = {name: [] for name in TABLES}
    for analysis in analyses:
        aid = analysis.article_id
        tables["sentences"].extend(sentence_rows(aid, analysis.sentences))
        tables["timexes"].extend(timex_rows(aid, analysis.timexes, analysis.sentences))
        tables["event_mentions"].extend(mention_rows(analysis.events))
        for name, table_rows in mention_tables(aid, analysis.mentions, summarize_groups(analysis.mentions)).items():
            tables[name].extend(table_rows)
    return tables


def write_shard(analyses: Sequence[Analysis], target: Path) -> Path:
    """Write the analyses as the shard `target` (atomically) and return its path; D203 if the disk refuses."""
    temporary = target.with_name(f"{target.name}.tmp-{uuid.uuid4().hex}")
    try:
        temporary.mkdir()
        for name, table_rows in rows(analyses).items():
            schema = pa.schema(TABLES[name])
            columns = list(zip(*table_rows, strict=True)) if table_rows else [()] * len(schema)
            table = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                         schema=schema)
            pq.write_table(table, temporary / f"{name}.parquet", compression="none")
        try:
            os.rename(temporary, target)
        except OSError as error:  # another attempt at this batch got there first, with the same content
            if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
            shutil.rmtree(temporary)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        full = error.errno == errno.ENOSPC
        raise StoreError(
            f"cannot write the analysis shard {target} ({error})"
            + ("; the disk is full: free some disk space, then run the same command again to resume" if full else ""),
            code=Code.STORE_WRITE_FAILED) from None
    return target


def load_shard(conn: sqlite3.Connection, shard: Path, seen_at: Mapping[str, str],
               tables: Sequence[str] = tuple(TABLES)) -> None:
    """Store `tables` (default: all) of the analyses of the articles in `seen_at` (id -> stored first_seen_at, in
    batch order) from `shard`, in the caller's transaction; the shard's other articles (stored meanwhile by an
    earlier batch) are left out."""
    wanted = pa.array(list(seen_at), type=_TEXT)
    for name in tables:
        table = pq.read_table(shard / f"{name}.parquet")
        table = table.filter(pc.is_in(table["article_id"], value_set=wanted))
        if name == "doc_entities":
            table = table.append_column("seen_at", pa.array([seen_at[a] for a in table["article_id"].to_pylist()],
                                                            type=_TEXT))
        listed = ", ".join(f'"{column}"' for column in table.column_names)
        marks = ", ".join("?" * table.num_columns)
        conn.executemany(f'INSERT INTO "{name}" ({listed}) VALUES ({marks})',
                         zip(*(column.to_pylist() for column in table.columns), strict=True))
