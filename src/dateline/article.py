"""An article as dateline knows it, and the first of its two clocks: the date it claims to be published.

The second clock, `first_seen_at`, is stamped by the store when the article is first ingested (see `store`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

from dateline.errors import Code, InputError


class Precision(StrEnum):
    """How much of a publication timestamp the source actually stated."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


# Common time-zone abbreviations in news feeds; an unknown one fails closed rather than guessing.
_TZ_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "IST": 330, "JST": 540, "AEST": 600, "AEDT": 660,
}

_ISO = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?)?)?$"
)
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")


@dataclass(frozen=True)
class PublishedAt:
    """A claimed publication time: the instant, how precise the claim is, and whether a time zone was given.

    >>> parse_published("2023-06-22").iso()
    '2023-06-22'
    >>> parse_published("2006-10-20T18:15:00 EDT").iso()
    '2006-10-20T18:15:00-04:00'
    """

    moment: datetime
    precision: Precision
    tz_known: bool = False

    @property
    def day(self) -> date:
        return self.moment.date()

    def iso(self) -> str:
        """The claim written back as ISO 8601, no more precise than what the source said."""
        m = self.moment
        if self.precision is Precision.YEAR:
            return f"{m.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{m.year:04d}-{m.month:02d}"
        if self.precision is Precision.DAY:
            return m.date().isoformat()
        spec = {Precision.HOUR: "minutes", Precision.MINUTE: "minutes", Precision.SECOND: "seconds"}
        text = m.replace(tzinfo=None).isoformat(timespec=spec[self.precision])
        if self.tz_known and m.utcoffset() is not None:
            offset = m.utcoffset() or timedelta(0)
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return text

    def earliest_utc(self) -> datetime:
        """The earliest instant the claim can mean, in UTC (a date without zone is read as UTC)."""
        m = self.moment if self.moment.tzinfo else self.moment.replace(tzinfo=UTC)
        return m.astimezone(UTC)


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    if text in _TZ_ABBREVIATIONS:
        return timezone(timedelta(minutes=_TZ_ABBREVIATIONS[text]))
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if match is None:
        raise InputError(f"unknown time zone {text!r}", code=Code.INVALID_DATE)
    minutes = int(match.group(2)) * 60 + int(match.group(3))
    if minutes > 14 * 60:
        raise InputError(f"time zone offset {text!r} is out of range", code=Code.INVALID_DATE)
    return timezone(timedelta(minutes=minutes if match.group(1) == "+" else -minutes))


def parse_published(value: object) -> PublishedAt:
    """Read a publication date as a source states it; raise `InputError` (D102/D103) rather than guess.

    Accepts ISO 8601 dates and datetimes (with `Z`, an offset or a common zone abbreviation), `YYYYMMDD`,
    `YYYY-MM` and `YYYY`, and RFC 2822 dates as found in feeds and email.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("no publication date", code=Code.MISSING_DATE)
    if isinstance(value, datetime):
        return PublishedAt(value, Precision.SECOND, value.tzinfo is not None)
    if isinstance(value, date):
        return PublishedAt(datetime(value.year, value.month, value.day), Precision.DAY)
    text = str(value).strip()
    match = _ISO.match(text) or _COMPACT.match(text)
    if match is None:
        return _parse_rfc2822(text)
    parts = match.groupdict()
    precision = Precision.YEAR
    for name, level in (("month", Precision.MONTH), ("day", Precision.DAY), ("hour", Precision.HOUR),
                        ("minute", Precision.MINUTE), ("second", Precision.SECOND)):
        if parts.get(name) is not None:
            precision = level
    try:
        zone = _tz(parts.get("tz"))
        moment = datetime(
            int(parts["year"]), int(parts.get("month") or 1), int(parts.get("day") or 1),
            int(parts.get("hour") or 0), int(parts.get("minute") or 0), int(parts.get("second") or 0),
            tzinfo=zone,
        )
    except ValueError as error:
        raise InputError(f"impossible date {text!r}: {error}", code=Code.INVALID_DATE) from None
    if moment.year < 1:
        raise InputError(f"impossible date {text!r}", code=Code.INVALID_DATE)
    return PublishedAt(moment, precision, zone is not None)


def _parse_rfc2822(text: str) -> PublishedAt:
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        raise InputError(f"unreadable date {text!r}", code=Code.INVALID_DATE) from None
    if moment is None:
        raise InputError(f"unreadable date {text!r}", code=Code.INVALID_DATE)
    return PublishedAt(moment, Precision.SECOND, moment.tzinfo is not None)


@dataclass(frozen=True)
class Article:
    """One article as read from a source, before the store stamps it.

    `key` names the article across revisions (its id or URL where the source has one); `content_hash`
    names this exact version.
    """

    text: str
    published: PublishedAt
    title: str | None = None
    url: str | None = None
    source: str | None = None
    external_id: str | None = None
    origin: str = ""

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for part in (self.source or "", self.published.iso(), self.title or "", self.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()[:20]

    @property
    def key(self) -> str:
        if self.external_id:
            return f"{self.source or ''}|id:{self.external_id}"
        if self.url:
            return f"url:{self.url}"
        return f"hash:{self.content_hash}"


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store holds it: the source's claims plus the store's own clock."""

    id: str
    article: Article
    first_seen_at: datetime
    revision: int = 1
    supersedes: str | None = None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> PublishedAt:
        return self.article.published
