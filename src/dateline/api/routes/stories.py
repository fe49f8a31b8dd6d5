"""`/api/stories`: articles about the same story grouped across outlets and days, as of a date."""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from dateline.api.database import Database
from dateline.api.paging import Page, View
from dateline.api.params import AsOf, Conn, Cursor, Limit, database
from dateline.search.stories import Story, stories, story

router = APIRouter(tags=["stories"])


def story_window(db: Database, conn: sqlite3.Connection, as_of: str | None, min_articles: int, offset: int,
                 limit: int) -> list[Story]:
    """Stories `offset` to `offset + limit` as of `as_of`, biggest first, remembered until the store changes."""
    return db.remembered(conn, ("stories", as_of, min_articles, offset, limit),
                         lambda: stories(conn, as_of, min_articles=min_articles, limit=limit, offset=offset))


@router.get("/stories", response_model=Page[Story], summary="List stories")
def list_stories(request: Request, conn: Conn, as_of: AsOf = None,
                 min_articles: Annotated[int, Query(ge=1, le=1000, description="Smallest story size.")] = 2,
                 limit: Limit = 20, cursor: Cursor = None) -> Page[Story]:
    """Stories known as of `as_of`, biggest (then most recent) first."""
    view = View.open(request, conn, as_of, cursor)
    return view.window_page(story_window(database(request), conn, view.as_of, min_articles, view.offset, limit + 1),
                            limit)


@router.get("/stories/{story_id}", response_model=Story, summary="One story")
def one_story(conn: Conn, story_id: Annotated[str, Path(max_length=64, description="Story id or any member's id.")],
              as_of: AsOf = None) -> Story:
    """The story holding this article as of `as_of`, with its members (copies listed under their original)."""
    return story(conn, story_id, as_of)
