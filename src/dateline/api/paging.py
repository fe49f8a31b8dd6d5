"""Stable pagination: a cursor pins the as-of snapshot of the first page and the position after its last item.

The first page of a listing is answered as of the requested date (or as of everything stored); its cursor records
that snapshot as a `first_seen_at` bound, so later pages are answered as of the same instant and an ingest running
between two page requests never shifts, repeats or drops an item. (A backfill that stamps articles as first seen
before the snapshot does change it: it rewrites what was known then, by design.) A cursor also carries a fingerprint
of the query it belongs to; using it with other filters is refused (D608), as is a cursor that does not decode.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi import Request
from pydantic import BaseModel, Field

from dateline.asof import as_of_bound
from dateline.errors import ApiError, Code

T = TypeVar("T")
_UNPINNED = ("cursor", "limit")


class Page(BaseModel, Generic[T]):
    """One page of a listing."""

    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` to get the next page; null on the last page.")
    snapshot: str | None = Field(description="The first_seen_at bound every page of this listing is answered at.")


def _fingerprint(request: Request) -> str:
    pinned = sorted((k, v) for k, v in request.query_params.multi_items() if k not in _UNPINNED)
    text = json.dumps([request.url.path, pinned])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode_cursor(snapshot: str | None, position: Sequence[Any], fingerprint: str) -> str:
    raw = json.dumps({"s": snapshot, "p": list(position), "q": fingerprint}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, fingerprint: str) -> tuple[str | None, list[Any]]:
    """(snapshot, position) from a cursor made for the query with this fingerprint; D608 otherwise."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        snapshot, position, made_for = data["s"], data["p"], data["q"]
        if not (snapshot is None or isinstance(snapshot, str)) or not isinstance(position, list):
            raise TypeError
    except (ValueError, TypeError, KeyError, binascii.Error):
        raise ApiError("cursor is not one this API made; start again without `cursor`",
                       code=Code.INVALID_CURSOR) from None
    if made_for != fingerprint:
        raise ApiError("cursor was made for a different query; keep the same filters or start again without it",
                       code=Code.INVALID_CURSOR)
    return snapshot, position


@dataclass(frozen=True)
class View:
    """Where a page request stands: the as-of to answer at, and the position to continue after (if any)."""

    as_of: str | None
    snapshot: str | None
    after: list[Any] | None
    fingerprint: str

    @classmethod
    def open(cls, request: Request, conn: sqlite3.Connection, as_of: str | None, cursor: str | None) -> View:
        """Validate `as_of` (D402) and `cursor` (D608) and fix the snapshot for this listing."""
        fingerprint = _fingerprint(request)
        bound = as_of_bound(as_of)
        if cursor:
            snapshot, after = decode_cursor(cursor, fingerprint)
            return cls(snapshot, snapshot, after, fingerprint)
        snapshot = bound or conn.execute("SELECT max(first_seen_at) FROM articles").fetchone()[0]
        return cls(as_of, snapshot, None, fingerprint)

    def page(self, items: list[T], limit: int, position: Callable[[T], Sequence[Any]]) -> Page[T]:
        """The page for `items` fetched with `limit + 1` rows: the extra row only says another page exists."""
        more = len(items) > limit
        items = items[:limit]
        cursor = encode_cursor(self.snapshot, position(items[-1]), self.fingerprint) if more and items else None
        return Page(items=items, next_cursor=cursor, snapshot=self.snapshot)

    @property
    def offset(self) -> int:
        """For ranked listings paged by position in the ranking (stable because the snapshot is pinned)."""
        if self.after is None:
            return 0
        if len(self.after) != 1 or not isinstance(self.after[0], int) or self.after[0] < 0:
            raise ApiError("cursor does not hold a position in this listing", code=Code.INVALID_CURSOR)
        return int(self.after[0])

    def ranked_page(self, ranked: list[T], limit: int) -> Page[T]:
        """A page of a ranked list computed from the top (at least `offset + limit + 1` items of it)."""
        return self.window_page(ranked[self.offset:self.offset + limit + 1], limit)

    def window_page(self, window: list[T], limit: int) -> Page[T]:
        """A page of a ranked list from `limit + 1` items fetched starting at `offset`."""
        numbered = list(enumerate(window, start=self.offset + 1))
        page = self.page(numbered, limit, lambda pair: [pair[0]])
        return Page(items=[item for _, item in page.items], next_cursor=page.next_cursor, snapshot=page.snapshot)
