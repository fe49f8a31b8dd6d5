"""What a tabular export holds: the store's tables as typed columns and streamed rows, in a fixed order.

Each table is read with one query ordered by its key (articles in ingest order), so exporting the same store
twice gives the same rows in the same order. With an as-of date, only the article versions first seen by then are
exported, with the rows that belong to them; entities are the ones known then (`entities.query.list_entities`),
with their counts as of that date. Events are exported as their dated mentions and the stored links between
them (the evidence); grouping them into events is a read-time decision (see `dateline.events.grouping`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from dateline.asof import as_of_bound

Kind = Literal["int", "float", "str", "bytes"]
Row = tuple[Any, ...]

# Tables keyed by article: a row belongs to the as-of view when its article does.
_PER_ARTICLE = ("sentences", "timexes", "entity_mentions", "event_mentions")
EXPORTED = ("articles", *_PER_ARTICLE, "event_links", "entities", "entity_aliases")


@dataclass(frozen=True)
class Table:
    """One exported table: its name, typed columns, and a function that streams its rows in a fixed order."""

    name: str
    columns: tuple[tuple[str, Kind], ...]
    rows: Callable[[], Iterator[Row]]


def _kind(declared: str) -> Kind:
    declared = declared.upper()
    if "INT" in declared:
        return "int"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "float"
    return "bytes" if "BLOB" in declared else "str"


def _stream(conn: sqlite3.Connection, query: str, params: tuple[Any, ...], batch: int = 2000) -> Iterator[Row]:
    cursor = conn.execute(query, params)
    while rows := cursor.fetchmany(batch):
        yield from (tuple(row) for row in rows)


def _sql_table(conn: sqlite3.Connection, name: str, where: str, params: tuple[Any, ...]) -> Table:
    info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
    columns = tuple((str(row[1]), _kind(str(row[2]))) for row in info)
    key = [str(row[1]) for row in sorted(info, key=lambda r: r[5]) if row[5]]
    without_rowid = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    order = ", ".join(f'"{c}"' for c in key) if "WITHOUT ROWID" in without_rowid.upper() else "rowid"
    listed = ", ".join(f'"{c}"' for c, _ in columns)
    query = f'SELECT {listed} FROM "{name}"{where} ORDER BY {order}'
    return Table(name, columns, lambda: _stream(conn, query, params))


def _entities_as_of(conn: sqlite3.Connection, as_of: str) -> tuple[Table, Table]:
    from dateline.entities.query import list_entities

    columns: tuple[tuple[str, Kind], ...] = (
        ("id", "int"), ("name", "str"), ("type", "str"), ("mentions", "int"), ("articles", "int"),
        ("first_seen_at", "str"), ("first_day", "str"), ("last_day", "str"), ("stored_id", "int"))

    def known() -> list[Any]:
        return sorted(list_entities(conn, top=1 << 62, as_of=as_of), key=lambda e: (e.id, e.name))

    def entity_rows() -> Iterator[Row]:
        for e in known():
            yield (e.id, e.name, e.type, e.mentions, e.articles, e.first_seen_at, e.first_day, e.last_day,
                   e.stored_id)

    def alias_rows() -> Iterator[Row]:
        for e in known():
            yield from ((e.id, alias, count) for alias, count in sorted(e.aliases))

    aliases: tuple[tuple[str, Kind], ...] = (("entity_id", "int"), ("alias", "str"), ("mentions", "int"))
    return Table("entities", columns, entity_rows), Table("entity_aliases", aliases, alias_rows)


def export_tables(conn: sqlite3.Connection, as_of: str | None = None) -> list[Table]:
    """The tables this store can export (those its schema has), as of `as_of` (everything when None)."""
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    bound = as_of_bound(as_of)
    known = " WHERE article_id IN (SELECT id FROM articles WHERE first_seen_at <= ?)"
    found: dict[str, Table] = {}
    if bound is not None and as_of is not None and {"entities", "entity_aliases"} <= present:
        found["entities"], found["entity_aliases"] = _entities_as_of(conn, as_of)
    for name in EXPORTED:
        if name not in present or name in found:
            continue
        if bound is None:
            found[name] = _sql_table(conn, name, "", ())
        elif name == "articles":
            found[name] = _sql_table(conn, name, " WHERE first_seen_at <= ?", (bound,))
        elif name in _PER_ARTICLE:
            found[name] = _sql_table(conn, name, known, (bound,))
        elif name == "event_links":
            mentions = "(SELECT m.id FROM event_mentions m JOIN articles a ON a.id = m.article_id" \
                       " WHERE a.first_seen_at <= ?)"
            found[name] = _sql_table(conn, name, f" WHERE a IN {mentions} AND b IN {mentions}", (bound, bound))
    return [found[name] for name in EXPORTED if name in found]
