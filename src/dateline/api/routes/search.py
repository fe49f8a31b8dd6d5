"""`/api/search`: ranked full-text search as of a date, with publication, event-date, entity and source filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from dateline.api.models import SearchHitOut, SearchResults, SnippetOut
from dateline.api.paging import View, encode_cursor
from dateline.api.params import AsOf, Conn, Cursor, Day, Limit
from dateline.errors import ApiError, Code
from dateline.search import SearchHit, search

router = APIRouter(tags=["search"])


def hit_out(hit: SearchHit) -> SearchHitOut:
    snippet = hit.snippet
    return SearchHitOut(
        article_id=hit.article_id, title=hit.title, source=hit.source, published_at=hit.published,
        published_day=hit.published_day, first_seen_at=hit.first_seen_at, revision=hit.revision, score=hit.score,
        snippet=SnippetOut(text=snippet.text, start=snippet.start, end=snippet.end, sentence=snippet.sentence,
                           highlights=list(snippet.highlights)),
    )


@router.get("/search", response_model=SearchResults, summary="Search articles")
def search_endpoint(
    request: Request, conn: Conn,
    q: Annotated[str, Query(min_length=1, max_length=1000,
                            description='Words, "a phrase", title:word, a OR b, -word.')],
    as_of: AsOf = None, published_from: Day = None, published_to: Day = None,
    event_from: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$",
                                            description="Talks about a date on or after this day.")] = None,
    event_to: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$",
                                          description="Talks about a date on or before this day.")] = None,
    entity: Annotated[str | None, Query(max_length=300, description="Mentions this entity, by any name.")] = None,
    source: Annotated[str | None, Query(max_length=500)] = None,
    limit: Limit = 20, cursor: Cursor = None,
) -> SearchResults:
    """Articles known as of `as_of` matching `q`, best first (BM25 with that date's corpus statistics)."""
    view = View.open(request, conn, as_of, cursor)
    inner = None
    if view.after is not None:
        if len(view.after) != 1 or not isinstance(view.after[0], str):
            raise ApiError("cursor does not hold a position in these search results", code=Code.INVALID_CURSOR)
        inner = view.after[0]
    page = search(conn, q, as_of=view.as_of, published_from=published_from, published_to=published_to,
                  event_from=event_from, event_to=event_to, entity=entity, source=source, limit=limit, cursor=inner)
    next_cursor = encode_cursor(view.snapshot, [page.next_cursor], view.fingerprint) if page.next_cursor else None
    return SearchResults(query=q, total=page.total, items=[hit_out(hit) for hit in page.hits],
                         next_cursor=next_cursor, snapshot=view.snapshot)
