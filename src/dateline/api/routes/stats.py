"""`/api/stats`: what the store holds as of a date."""

from __future__ import annotations

import sqlite3
from collections import Counter

from fastapi import APIRouter, Request

from dateline.api.database import Database
from dateline.api.models import Stats
from dateline.api.params import AsOf, Conn, database
from dateline.asof import as_of_bound
from dateline.search.bm25 import known_sql
from dateline.store.entities import redo_pending

router = APIRouter(tags=["stats"])


def corpus_figures(database: Database, conn: sqlite3.Connection, as_of: str | None) -> Stats:
    """`figures` as of `as_of`, remembered until an article version is added (they depend on nothing else)."""
    return database.remembered(conn, ("figures", as_of), lambda: figures(conn, as_of))


def figures(conn: sqlite3.Connection, as_of: str | None) -> Stats:
    """Articles (latest revision of each), sources, publication range and articles per month, as of `as_of`.

    The same figures as `store.stats.corpus_stats`, read from the slim `search_docs` rows in one grouped scan (the
    articles rows hold the texts, so scanning them costs seconds at 100k articles), and with `versions` cut at the
    as-of date too, so the answer leaks nothing seen later.
    """
    values = {"bound": as_of_bound(as_of)}
    per_month: Counter[str] = Counter()
    per_source: Counter[str] = Counter()
    first: str | None = None
    last: str | None = None
    for month, source, count, low, high in conn.execute(
            "SELECT substr(d.published_day, 1, 7), d.source, count(*), min(d.published_day), max(d.published_day)"
            f" FROM search_docs d WHERE {known_sql('d')} GROUP BY 1, 2", values):
        per_month[month] += count
        per_source[source if source is not None else "(none)"] += count
        first = low if first is None else min(first, low)
        last = high if last is None else max(last, high)
    versions = conn.execute("SELECT count(*) FROM search_docs WHERE :bound IS NULL OR first_seen_at <= :bound",
                            values).fetchone()[0]
    return Stats(
        articles=sum(per_month.values()), versions=versions, sources=len(per_source.keys() - {"(none)"}),
        published_from=first, published_to=last,
        per_source=dict(sorted(per_source.items(), key=lambda item: (-item[1], item[0]))),
        per_month=dict(sorted(per_month.items())), as_of=as_of,
    )


@router.get("/stats", response_model=Stats, summary="Corpus statistics")
def stats(request: Request, conn: Conn, as_of: AsOf = None) -> Stats:
    """Articles (latest revision of each), sources, publication range and articles per month, as of `as_of`; and
    whether entity groups are being decided again (`entities_redo_from`)."""
    figures = corpus_figures(database(request), conn, as_of)
    return figures.model_copy(update={"entities_redo_from": redo_pending(conn)})

