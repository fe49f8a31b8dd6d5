"""Corpus statistics: how many articles, from which sources, over which dates."""

from __future__ import annotations

import sqlite3
from typing import Any

from dateline.asof import as_of_bound
from dateline.store.articles import current_filter


def corpus_stats(conn: sqlite3.Connection, as_of: str | None = None) -> dict[str, Any]:
    """Articles (latest revision of each, as of `as_of`), all versions known then, sources, date range and
    articles per month."""
    where, params = current_filter(as_of)
    base = f"FROM articles a WHERE {where}"
    total, first, last, sources = conn.execute(
        f"SELECT count(*), min(published_day), max(published_day), count(DISTINCT source) {base}", params
    ).fetchone()
    per_source = conn.execute(
        f"SELECT coalesce(source, '(none)') AS s, count(*) AS n {base} GROUP BY s ORDER BY n DESC, s", params
    ).fetchall()
    per_month = conn.execute(
        f"SELECT substr(published_day, 1, 7) AS m, count(*) AS n {base} GROUP BY m ORDER BY m", params
    ).fetchall()
    bound = as_of_bound(as_of)
    versions = conn.execute(
        "SELECT count(*) FROM articles" + (" WHERE first_seen_at <= ?" if bound else ""), (bound,) if bound else ()
    ).fetchone()[0]
    return {
        "articles": total,
        "versions": versions,
        "sources": sources,
        "published_from": first,
        "published_to": last,
        "per_source": {row["s"]: row["n"] for row in per_source},
        "per_month": {row["m"]: row["n"] for row in per_month},
        "as_of": as_of,
    }
