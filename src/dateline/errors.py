"""The one error catalogue of dateline.

Every error and every skipped-record problem carries a stable code, so messages are greppable and documented.
Codes are grouped by pipeline stage and never reused:

    DatelineError
    ├── InputError          D1xx  a record or file could not be read (reported and skipped during ingest)
    ├── StoreError          D2xx  the database could not be opened, migrated or written
    ├── TemporalError       D3xx  a temporal expression or anchor could not be interpreted
    ├── QueryError          D4xx  a query, filter or as-of date is invalid
    ├── ConfigError         D5xx  a command-line option or setting is invalid
    ├── ApiError            D6xx  an HTTP request was refused (shape, token, size, rate, cursor)
    └── EngineError         D7xx  the workers running the per-article analysis failed (a worker process lost)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """Stable error codes. The value is what users see; the name says what it means."""

    # D1xx: input records and files
    MALFORMED_RECORD = "D101"
    MISSING_DATE = "D102"
    INVALID_DATE = "D103"
    FUTURE_DATE = "D104"
    EMPTY_TEXT = "D105"
    UNDECODABLE = "D106"
    BINARY_CONTENT = "D107"
    TRUNCATED_FILE = "D108"
    RECORD_TOO_LARGE = "D109"
    UNKNOWN_FORMAT = "D110"
    UNREADABLE_FILE = "D111"
    MISSING_TEXT = "D112"
    # D2xx: the store
    STORE_CORRUPT = "D201"
    STORE_TOO_NEW = "D202"
    STORE_WRITE_FAILED = "D203"
    NOT_FOUND = "D204"
    # D3xx: temporal
    INVALID_ANCHOR = "D301"
    INVALID_TIMEX = "D302"
    # D4xx: queries
    INVALID_QUERY = "D401"
    INVALID_AS_OF = "D402"
    # D41x: search, stories and changes
    INVALID_SEARCH_CURSOR = "D410"
    INVALID_DATE_FILTER = "D411"
    MISSING_ANALYSIS = "D412"
    UNKNOWN_STORY = "D413"
    # D42x: events, revisions and timelines
    UNKNOWN_ENTITY = "D420"
    INVALID_TIMELINE_SIZE = "D421"
    # D5xx: configuration
    INVALID_OPTION = "D501"
    # D6xx: the HTTP API
    INVALID_REQUEST = "D601"
    UNAUTHORIZED = "D602"
    WRITES_DISABLED = "D603"
    PAYLOAD_TOO_LARGE = "D604"
    RATE_LIMITED = "D605"
    NO_SUCH_ROUTE = "D606"
    METHOD_NOT_ALLOWED = "D607"
    INVALID_CURSOR = "D608"
    INTERNAL = "D609"
    # D7xx: engines (where the per-article analysis runs)
    WORKER_LOST = "D701"


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    code: Code = Code.INVALID_OPTION

    def __init__(self, message: str, *, code: Code | None = None) -> None:
        if code is not None:
            self.code = code
        self.message = message
        super().__init__(f"[{self.code.value}] {message}")

    def __reduce__(self) -> tuple[Callable[..., DatelineError], tuple[type[DatelineError], str, Code]]:
        """Pickle by message and code, so an error raised in a worker process (pool or Dask) arrives whole."""
        return _restore, (type(self), self.message, self.code)


def _restore(kind: type[DatelineError], message: str, code: Code) -> DatelineError:
    return kind(message, code=code)


class InputError(DatelineError):
    """A record or file could not be turned into an article."""

    code = Code.MALFORMED_RECORD


class StoreError(DatelineError):
    """The database could not be opened, migrated or written."""

    code = Code.STORE_WRITE_FAILED


class TemporalError(DatelineError):
    """A temporal expression or anchor could not be interpreted."""

    code = Code.INVALID_ANCHOR


class QueryError(DatelineError):
    """A query or one of its filters is invalid."""

    code = Code.INVALID_QUERY


class ConfigError(DatelineError):
    """An option or setting is invalid."""

    code = Code.INVALID_OPTION


class ApiError(DatelineError):
    """An HTTP request the API refuses before any query runs."""

    code = Code.INVALID_REQUEST


class EngineError(DatelineError):
    """A worker analyzing a batch was lost (killed, out of memory, its machine gone); nothing of the batch is stored."""

    code = Code.WORKER_LOST


@dataclass(frozen=True)
class Problem:
    """One rejected record: where it was, what was wrong, under which code."""

    code: Code
    source: str
    location: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        return f"[{self.code.value}] {where}: {self.reason}"

    @classmethod
    def from_error(cls, error: DatelineError, source: str, location: str) -> Problem:
        return cls(error.code, source, location, error.message)
