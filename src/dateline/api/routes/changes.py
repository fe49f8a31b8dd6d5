"""`/api/changes`: what changed between two dates: new entities, new events, revised dates, stories that grew."""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Query, Request

from dateline.api.database import Database
from dateline.api.params import AsOf, Conn, database
from dateline.asof import as_of_bound
from dateline.search.changes import Changes, changes

router = APIRouter(tags=["changes"])
When = Annotated[str | None, Query(max_length=40, description="YYYY-MM-DD (end of that day, UTC) or ISO datetime.")]


def window_end(until: str | None, as_of: str | None) -> str | None:
    """The end of the window: `until`, cut back to `as_of` when that is earlier (nothing later may show)."""
    if until is None or as_of is None:
        return until or as_of
    return until if (as_of_bound(until) or "") <= (as_of_bound(as_of) or "") else as_of


def changes_between(db: Database, conn: sqlite3.Connection, since: str, until: str | None, limit: int) -> Changes:
    """`search.changes.changes`, remembered until the store changes."""
    return db.remembered(conn, ("changes", since, until, limit), lambda: changes(conn, since, until, limit=limit))


@router.get("/changes", response_model=Changes, summary="What changed")
def what_changed(request: Request, conn: Conn,
                 since: Annotated[str, Query(max_length=40, description="Start of the window (exclusive): "
                                                                        "YYYY-MM-DD or ISO datetime.")],
                 until: When = None, as_of: AsOf = None,
                 limit: Annotated[int, Query(ge=1, le=200, description="Longest list of each kind.")] = 50
                 ) -> Changes:
    """Everything first seen after `since` and by `until` (or `as_of`, whichever is earlier; none: now)."""
    return changes_between(database(request), conn, since, window_end(until, as_of), limit)
