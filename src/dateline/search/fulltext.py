"""`search`: ranked full-text search over the articles known as of a date, with filters and stable cursors.

FTS5 finds the matching versions; `search_docs` keeps only those current as of the date (and within the filters);
BM25 ranks them with the corpus statistics of that date (`bm25`), so the answer is exactly what a store that only
ever saw those articles would give. Ties are broken by article id, which is the same in every store.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dateline.asof import as_of_bound
from dateline.errors import Code, QueryError
from dateline.search import bm25
from dateline.search.filters import Filters, build_filters
from dateline.search.query import compile_query
from dateline.search.snippets import Snippet, best_snippet
from dateline.store.articles import get_sentences

DateArg = str | date | None
MAX_LIMIT = 200


@dataclass(frozen=True)
class SearchHit:
    """One matching article version, as known on the as-of date, with its best sentence.

    `revision` is this version's number among the article's versions first seen by the as-of date.
    """

    article_id: str
    title: str | None
    source: str | None
    published: str
    published_day: str
    first_seen_at: str
    revision: int
    score: float
    snippet: Snippet


@dataclass(frozen=True)
class SearchPage:
    """One page of hits, best first. `next_cursor` fetches the next page (None on the last one); `total` counts
    every hit of the query."""

    query: str
    as_of: str | None
    total: int
    hits: list[SearchHit]
    next_cursor: str | None


def _encode_cursor(score: float, article_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([score, article_id]).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        value: Any = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        score, article_id = value
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not isinstance(article_id, str):
            raise TypeError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise QueryError(f"cursor {cursor!r} is not one returned by a search; start again without a cursor",
                         code=Code.INVALID_SEARCH_CURSOR) from None
    return float(score), article_id


def search(conn: sqlite3.Connection, query: str, *, as_of: str | date | datetime | None = None,
           published_from: DateArg = None, published_to: DateArg = None, event_from: DateArg = None,
           event_to: DateArg = None, entity: str | None = None, source: str | None = None, limit: int = 20,
           cursor: str | None = None) -> SearchPage:
    """Search the articles first seen by `as_of` (all when None) and return one page of ranked hits.

    `published_*` bound the publication day, `event_*` the dates the articles talk about (their temporal
    expressions), `entity` keeps articles mentioning that entity under any of its names, `source` one outlet.
    Dates are inclusive `YYYY-MM-DD`. Raises `QueryError` for an empty query, a bad date, limit or cursor.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}", code=Code.INVALID_QUERY)
    compiled = compile_query(query)
    bound = as_of_bound(as_of)
    filters = build_filters(conn, as_of=bound, published_from=published_from, published_to=published_to,
                            event_from=event_from, event_to=event_to, entity=entity, source=source)
    after = _decode_cursor(cursor) if cursor else None
    matched = _matching(conn, compiled.match, bound, filters)
    scored = bm25.scores(conn, compiled.terms, {doc: length for doc, (_, length) in matched.items()}, bound)
    order = sorted(((-scored[doc], article_id, doc) for doc, (article_id, _) in matched.items()))
    if after is not None:
        order = [item for item in order if (item[0], item[1]) > (-after[0], after[1])]
    page = order[:limit]
    hits = [_hit(conn, doc, -negative, compiled.terms, filters, bound) for negative, _, doc in page]
    more = len(order) > limit
    next_cursor = _encode_cursor(-page[-1][0], page[-1][1]) if more and page else None
    return SearchPage(query, bound, len(matched), hits, next_cursor)


def _matching(conn: sqlite3.Connection, match: str, bound: str | None, filters: Filters
              ) -> dict[int, tuple[str, int]]:
    """doc -> (article id, length) of every version matching the query, current as of `bound`, within filters."""
    sql = (f"SELECT d.doc, d.article_id, d.length FROM search_fts f JOIN search_docs d ON d.doc = f.rowid"
           f" WHERE search_fts MATCH :match AND {bm25.known_sql()}{filters.sql}")
    try:
        rows = conn.execute(sql, {"match": match, "bound": bound, **filters.params}).fetchall()
    except sqlite3.OperationalError as error:
        raise QueryError(f"cannot run query {match!r}: {error}", code=Code.INVALID_QUERY) from None
    return {doc: (article_id, length) for doc, article_id, length in rows}


def _hit(conn: sqlite3.Connection, doc: int, score: float, terms: tuple[str, ...], filters: Filters,
         bound: str | None) -> SearchHit:
    row = conn.execute(
        "SELECT a.id, a.title, a.source, a.published_at, a.published_day, a.first_seen_at, a.text,"
        " (SELECT count(*) FROM search_docs v WHERE v.key = d.key AND (:bound IS NULL OR v.first_seen_at <= :bound))"
        " FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE d.doc = :doc", {"doc": doc, "bound": bound}
    ).fetchone()
    preferred = filters.event_sentences(conn, row[0])
    snippet = best_snippet(row[6], get_sentences(conn, row[0]), terms, preferred)
    return SearchHit(row[0], row[1], row[2], row[3], row[4], row[5], int(row[7]), score, snippet)
