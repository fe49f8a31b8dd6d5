"""`search`: ranked full-text search over the articles known as of a date, with filters and stable cursors.

FTS5 finds the matching versions visible as of the date (`visibility`: a rowid range minus a few exceptions),
latest first seen first; the `RANK_WINDOW` latest of them (all, for most queries) are ranked by BM25 with the
corpus statistics of that date (`bm25`), so the answer is exactly what a store that only ever saw those articles
would give. Bounding the ranked set keeps a query over a million articles fast whatever its words: a query matching
more than `RANK_WINDOW` articles ranks its most recently seen matches. Ties are broken by article id, the same in
every store.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dateline.asof import as_of_bound
from dateline.errors import Code, QueryError
from dateline.search import bm25, frequencies, published
from dateline.search.filters import Filters, build_filters
from dateline.search.index import PER_SECOND, doc_range
from dateline.search.query import CompiledQuery, compile_query
from dateline.search.snapshot import snapshot
from dateline.search.snippets import Snippet, best_snippet
from dateline.search.visibility import Visible, count_matches, visible
from dateline.store.articles import get_sentences

DateArg = str | date | None
MAX_LIMIT = 200
RANK_WINDOW = 500
COUNT_CAP = 10000  # with filters, matches are counted up to this many


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
    """One page of hits, best first. `next_cursor` fetches the next page (None on the last one).

    `total` counts the matching articles (exactly, unless `total_exact` is False: then at least that many); the
    pages run through the `RANK_WINDOW` most recently seen of them.
    """

    query: str
    as_of: str | None
    total: int
    hits: list[SearchHit]
    next_cursor: str | None
    total_exact: bool = True


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
    after = _decode_cursor(cursor) if cursor else None
    with snapshot(conn):
        filters = build_filters(conn, as_of=bound, published_from=published_from, published_to=published_to,
                                event_from=event_from, event_to=event_to, entity=entity, source=source)
        seen = visible(conn, bound)
        within = published.window(conn, filters, seen)
        matched = _newest(conn, compiled.match, seen, filters, within)
        total, exact = _count(conn, compiled, seen, filters, within)
        lengths = {doc: length for doc, (_, length) in matched.items()}
        scored = bm25.scores(conn, compiled.match, compiled.terms, lengths, bound, seen)
        order = sorted(((-scored[doc], article_id, doc) for doc, (article_id, _) in matched.items()))
        if after is not None:
            order = [item for item in order if (item[0], item[1]) > (-after[0], after[1])]
        page = order[:limit]
        hits = [_hit(conn, doc, -negative, compiled.terms, filters, bound) for negative, _, doc in page]
    more = len(order) > limit
    next_cursor = _encode_cursor(-page[-1][0], page[-1][1]) if more and page else None
    return SearchPage(query, bound, total, hits, next_cursor, exact)


@contextmanager
def _reported(match: str) -> Iterator[None]:
    """SQLite's refusal of an FTS5 expression as a `QueryError` (D401)."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise QueryError(f"cannot run query {match!r}: {error}", code=Code.INVALID_QUERY) from None


def _run(conn: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    with _reported(params["match"]):
        return conn.execute(sql, params).fetchall()


def _newest(conn: sqlite3.Connection, match: str, seen: Visible, filters: Filters, within: published.Window | None
            ) -> dict[int, tuple[str, int]]:
    """doc -> (article id, length) of the `RANK_WINDOW` latest-seen visible versions matching, within the filters
    (read from the publication-day `within` when there is one)."""
    source = "search_fts f" + (" JOIN search_docs d ON d.doc = f.rowid" if filters.sql else "")
    params: dict[str, Any] = {"match": match, "upto": seen.upto, "n": RANK_WINDOW + len(seen.hidden),
                              **filters.params}
    if within is not None:
        with _reported(match):
            docs = published.newest(conn, match, within, params["n"])
    else:
        docs = [row[0] for row in _run(conn, f"SELECT f.rowid FROM {source} WHERE search_fts MATCH :match AND"
                                             f" f.rowid <= :upto{filters.sql} ORDER BY f.rowid DESC LIMIT :n", params)]
    newest = [doc for doc in docs if doc not in seen.hidden][:RANK_WINDOW]
    rows = conn.execute("SELECT doc, article_id, length FROM search_docs WHERE doc IN"
                        " (SELECT value FROM json_each(?))", (json.dumps(newest),))
    return {doc: (article_id, length) for doc, article_id, length in rows}


def _count(conn: sqlite3.Connection, compiled: CompiledQuery, seen: Visible, filters: Filters,
           within: published.Window | None) -> tuple[int, bool]:
    """Visible versions matching within the filters, and whether that count is exact (see `COUNT_CAP`).

    A one-word query without filters matches the versions holding the word: a tracked word's are counted by period.
    """
    match = compiled.match
    if not filters.sql:
        if compiled.terms and match == f'"{compiled.terms[0]}"':
            tracked = frequencies.counts(conn, compiled.terms[0], seen, 0, -1)
            if tracked is not None:
                return tracked.visible, True
        try:
            return count_matches(conn, match, seen), True
        except sqlite3.OperationalError as error:
            raise QueryError(f"cannot run query {match!r}: {error}", code=Code.INVALID_QUERY) from None
    params: dict[str, Any] = {"match": match, "upto": seen.upto, "hidden": seen.hidden_json(), "cap": COUNT_CAP,
                              **filters.params}
    base = "SELECT 1 FROM search_fts f JOIN search_docs d ON d.doc = f.rowid WHERE search_fts MATCH :match"
    if within is not None:
        with _reported(match):
            counted = min(published.count(conn, match, within, COUNT_CAP), COUNT_CAP)
    else:
        order = _count_order(conn, seen, filters)
        counted = _run(conn, f"SELECT count(*) FROM ({base} AND f.rowid <= :upto{filters.sql}"
                             f" ORDER BY f.rowid {order} LIMIT :cap)", params)[0][0]
    if counted >= COUNT_CAP:
        return int(counted), False
    counted -= _run(conn, f"SELECT count(*) FROM ({base} AND f.rowid IN (SELECT value FROM json_each(:hidden))"
                          f"{filters.sql})", params)[0][0]
    return int(counted), True


def _count_order(conn: sqlite3.Connection, seen: Visible, filters: Filters) -> str:
    """Which way to walk the matches when counting them up to `COUNT_CAP` (the count is the same either way): from
    the side the publication-day filter keeps. Doc numbers follow first-seen time, and articles are mostly seen when
    published, so walking from the other side would first read and drop every match published outside the range."""
    low, high = filters.params.get("published_from"), filters.params.get("published_to")
    if low is None:
        return "ASC"
    if high is None:
        return "DESC"
    first = conn.execute("SELECT coalesce(min(doc), 0) FROM search_docs").fetchone()[0]
    after = seen.upto - doc_range(high)[1] - 86400 * PER_SECOND  # docs seen after the day after `high`
    before = doc_range(low)[0] - first  # docs seen before `low`
    return "DESC" if after < before else "ASC"


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
