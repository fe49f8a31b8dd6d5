"""`/api/articles`: the stored articles, newest publication day first, and one article with its analysis."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from dateline.api.database import Database
from dateline.api.models import ArticleAnalysis, ArticleSummary, MentionOut, SentenceOut, TimexOut
from dateline.api.paging import Page, View
from dateline.api.params import AsOf, Conn, Cursor, Day, Limit, database, to_date
from dateline.asof import as_of_bound, seen_stamp
from dateline.errors import ApiError, Code, StoreError
from dateline.search.bm25 import known_sql
from dateline.store.articles import get_article, get_sentences
from dateline.store.timexes import get_timexes

router = APIRouter(tags=["articles"])
SNIPPET = 280
_COLUMNS = ("a.id, a.title, a.source, a.url, a.published_at, a.published_precision, a.published_day, "
            f"a.first_seen_at, a.revision, substr(a.text, 1, {SNIPPET}) AS snippet")


def list_articles(db: Database, conn: sqlite3.Connection, as_of: str | None, *, source: str | None = None,
                  published_from: date | None = None, published_to: date | None = None,
                  after: list[Any] | None = None, limit: int = 50) -> list[ArticleSummary]:
    """Articles known as of `as_of` (latest revision of each), newest publication day first, after a keyset;
    remembered until the store changes."""
    key = ("articles", as_of, source, published_from, published_to, tuple(after) if after else None, limit)
    return db.remembered(conn, key, lambda: _list_articles(conn, as_of, source, published_from, published_to,
                                                           after, limit))


def _list_articles(conn: sqlite3.Connection, as_of: str | None, source: str | None, published_from: date | None,
                   published_to: date | None, after: list[Any] | None, limit: int) -> list[ArticleSummary]:
    """Articles known as of `as_of` (latest revision of each), newest publication day first, after a keyset.

    The walk runs over `search_docs` (what is current as of a date, precomputed, in slim rows) in the order of its
    (published_day, article_id) index; only the articles of the page are read from the big articles table.
    """
    clauses = [known_sql("d")]
    values: dict[str, Any] = {"bound": as_of_bound(as_of), "limit": limit}
    if source is not None:
        clauses.append("d.source = :source")
        values["source"] = source
    if published_from is not None:
        clauses.append("d.published_day >= :published_from")
        values["published_from"] = published_from.isoformat()
    if published_to is not None:
        clauses.append("d.published_day <= :published_to")
        values["published_to"] = published_to.isoformat()
    if after is not None:
        if len(after) != 2 or not all(isinstance(part, str) for part in after):
            raise ApiError("cursor does not hold a position in the article listing", code=Code.INVALID_CURSOR)
        clauses.append("(d.published_day, d.article_id) < (:after_day, :after_id)")
        values["after_day"], values["after_id"] = after
    ids = [row[0] for row in conn.execute(
        f"SELECT d.article_id FROM search_docs d WHERE {' AND '.join(clauses)}"
        " ORDER BY d.published_day DESC, d.article_id DESC LIMIT :limit", values)]
    if not ids:
        return []
    rows = {row["id"]: row for row in conn.execute(
        f"SELECT {_COLUMNS} FROM articles a WHERE a.id IN ({','.join('?' * len(ids))})", ids)}
    return [ArticleSummary(**dict(rows[article_id])) for article_id in ids]


@router.get("/articles", response_model=Page[ArticleSummary], summary="List articles")
def articles(request: Request, conn: Conn, as_of: AsOf = None,
             source: Annotated[str | None, Query(max_length=500)] = None,
             published_from: Day = None, published_to: Day = None, limit: Limit = 50,
             cursor: Cursor = None) -> Page[ArticleSummary]:
    """Articles known as of `as_of`, the latest revision of each, newest publication day first."""
    view = View.open(request, conn, as_of, cursor)
    items = list_articles(database(request), conn, view.as_of, source=source,
                          published_from=to_date(published_from, "published_from"),
                          published_to=to_date(published_to, "published_to"), after=view.after, limit=limit + 1)
    return view.page(items, limit, lambda item: [item.published_day, item.id])


def mentions_in(conn: sqlite3.Connection, article_id: str) -> list[MentionOut]:
    """The entity mentions of one article version, in text order, with the entity each resolved to."""
    rows = conn.execute(
        "SELECT m.start, m.end, m.text, m.label, m.entity_id, e.name AS entity FROM entity_mentions m"
        " LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start, m.idx", (article_id,))
    return [MentionOut(**dict(row)) for row in rows]


def article_detail(conn: sqlite3.Connection, article_id: str, as_of: str | None) -> ArticleAnalysis:
    """One article version (id or unique prefix) with its timexes and entity mentions, refused (D204) if it was
    not yet seen as of `as_of`. What was found in one article depends on that article alone, so it needs no
    as-of cut of its own."""
    stored = get_article(conn, article_id)
    bound = as_of_bound(as_of)
    if bound is not None and seen_stamp(stored.first_seen_at) > bound:
        raise StoreError(f"article {article_id!r} was first seen after {as_of}", code=Code.NOT_FOUND)
    latest = conn.execute(
        "SELECT id FROM articles WHERE key = ?" + (" AND first_seen_at <= ?" if bound else "")
        + " ORDER BY revision DESC LIMIT 1", (stored.article.key, bound) if bound else (stored.article.key,),
    ).fetchone()
    article = stored.article
    return ArticleAnalysis(
        id=stored.id, title=article.title, source=article.source, url=article.url,
        published_at=article.published.iso(), published_precision=article.published.precision.value,
        published_day=article.published.day.isoformat(), first_seen_at=seen_stamp(stored.first_seen_at),
        revision=stored.revision, snippet=article.text[:SNIPPET], text=article.text,
        external_id=article.external_id, origin=article.origin, supersedes=stored.supersedes,
        latest_id=latest["id"] if latest else stored.id,
        sentences=[SentenceOut(index=s.index, start=s.start, end=s.end, paragraph=s.paragraph)
                   for s in get_sentences(conn, stored.id)],
        timexes=[TimexOut(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value, mod=t.mod,
                          anchor=t.anchor, earliest=t.earliest, latest=t.latest)
                 for t in get_timexes(conn, stored.id)],
        mentions=mentions_in(conn, stored.id),
    )


@router.get("/articles/{article_id}", response_model=ArticleAnalysis, summary="One article")
def article(conn: Conn, article_id: Annotated[str, Path(max_length=64)], as_of: AsOf = None) -> ArticleAnalysis:
    """One article version by id (or a unique prefix of 6+ characters): sentences, timexes, entity mentions."""
    return article_detail(conn, article_id, as_of)
