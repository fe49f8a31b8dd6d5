"""Where "now" comes from, for the one thing that needs it: stamping when an article was first seen.

Nothing that interprets text or answers a query reads a clock; only ingest does, and it takes a `Clock` so tests
and reproducible backfills can fix it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the current instant, timezone-aware, in UTC."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """Always the same instant: for `--seen-at` backfills and tests.

    >>> FixedClock(datetime(2023, 6, 22, tzinfo=UTC)).now().isoformat()
    '2023-06-22T00:00:00+00:00'
    """

    def __init__(self, instant: datetime) -> None:
        self._instant = instant if instant.tzinfo else instant.replace(tzinfo=UTC)

    def now(self) -> datetime:
        return self._instant
