"""As-of dates: the one rule for what "known on date X" means.

An article is known as of X when its `first_seen_at` is at or before X. A bare date means the end of that day in
UTC, so "as of 2023-06-30" includes everything first seen on June 30th.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from dateline.errors import Code, QueryError


def seen_stamp(instant: datetime) -> str:
    """The store's fixed-width, sortable UTC form of an instant: `YYYY-MM-DDTHH:MM:SS.ffffffZ`."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_as_of(value: str | date | datetime) -> datetime:
    """The last instant included by an as-of value, in UTC; raise `QueryError` (D402) if it is not a date."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time.max, tzinfo=UTC)
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.max, tzinfo=UTC)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise QueryError(f"as-of {value!r} is not an ISO date (YYYY-MM-DD) or datetime",
                         code=Code.INVALID_AS_OF) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def as_of_bound(value: str | date | datetime | None) -> str | None:
    """The `first_seen_at` upper bound for SQL (`first_seen_at <= ?`), or None for no bound."""
    return None if value is None else seen_stamp(parse_as_of(value))
