"""What every endpoint shares: the borrowed connection, the as-of parameter, paging parameters, the write token."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Header, Query, Request

from dateline.api.database import Database
from dateline.errors import ApiError, Code, QueryError


def database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for this request, in one read transaction."""
    with database(request).reading() as conn:
        yield conn


Conn = Annotated[sqlite3.Connection, Depends(connection)]
AsOf = Annotated[str | None, Query(
    description="Answer as a store that only ever saw the articles first seen on or before this date would: "
                "YYYY-MM-DD (the end of that day, UTC) or an ISO datetime.",
    examples=["2023-06-30"], max_length=40)]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day, YYYY-MM-DD.",
                                  examples=["2023-07-01"])]
DayFrom = Annotated[str | None, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$",
                                      description="First date (YYYY-MM-DD), inclusive.")]
DayTo = Annotated[str | None, Query(alias="to", pattern=r"^\d{4}-\d{2}-\d{2}$",
                                    description="Last date (YYYY-MM-DD), inclusive.")]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page.", max_length=2000)]


def to_date(value: str | None, name: str) -> date | None:
    """A `YYYY-MM-DD` parameter as a date; D401 for an impossible one such as 2023-02-30."""
    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name} {value!r} is not a day (YYYY-MM-DD)", code=Code.INVALID_QUERY) from None


def require_token(request: Request, authorization: Annotated[str | None, Header(
        description="`Bearer <token>`, the token the server was started with.")] = None) -> None:
    """Allow a write only with the server's token; refuse all writes when the server has none."""
    token: str | None = request.app.state.token
    if token is None:
        raise ApiError("writes are disabled: start the server with --token to allow them", code=Code.WRITES_DISABLED)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError("missing or wrong token: send `Authorization: Bearer <token>`", code=Code.UNAUTHORIZED)


WriteToken = Depends(require_token)
