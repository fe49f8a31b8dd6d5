"""The `Timex` model: one TIMEX3 annotation, and what its value means as an interval of days.

TIMEX3 values are ISO 8601 with TimeML's extensions: `2023-W28` (ISO week), `2023-Q3`, `2023-H1`, `2023-SU`
(season), `199X`/`19` (decade/century), `2023-07-07TEV` (part of day), `XXXX-WXX-5` (every Friday),
`P3D`/`PT2H`/`PXY` (durations) and `PRESENT_REF`/`PAST_REF`/`FUTURE_REF`.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.errors import Code, TemporalError

TYPES = ("DATE", "TIME", "DURATION", "SET")

_PART = r"(?:MO|MI|AF|EV|NI|DT)"
_TIME = rf"(?:T(?:{_PART}|\d{{2}}(?::\d{{2}}(?::\d{{2}})?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?))"
_DATE = (
    r"(?:\d{2}|\d{3}|\d{2}X|\d{3}X|\d{2}XX|[\dX]{4}"
    r"(?:-(?:[01X][\dX]|W[\dX]{2}(?:-(?:[1-7X]|WE))?|Q[1-4X]|H[12X]|SP|SU|FA|WI)"
    r"(?:-[0-3X][\dX])?)?)"
)
_DURATION = r"P(?:(?:[\dX]+(?:\.\d+)?[YMWDQEC])+(?:T(?:[\dX]+(?:\.\d+)?[HMS])+)?|T(?:[\dX]+(?:\.\d+)?[HMS])+)"
VALUE = re.compile(rf"^(?:{_DATE}{_TIME}?|{_TIME}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)$")
"""Everything a TIMEX3 `value` attribute produced by dateline may look like."""

MODS = frozenset(
    "BEFORE AFTER ON_OR_BEFORE ON_OR_AFTER LESS_THAN MORE_THAN EQUAL_OR_LESS EQUAL_OR_MORE START MID END "
    "APPROX".split()
)


@dataclass(frozen=True)
class Timex:
    """One time expression found in a text: `text[start:end]`, its TIMEX3 type and value, and its day bounds.

    `anchor` is the ISO date the value was resolved against; `earliest`/`latest` are the inclusive first and last
    day (`YYYY-MM-DD`) the value can mean, or None when it names no interval (durations, sets, `PAST_REF`).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    anchor: str = ""
    earliest: str | None = None
    latest: str | None = None


def is_value(value: str) -> bool:
    """True when `value` is a well-formed TIMEX3 value."""
    return VALUE.match(value) is not None


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def interval(value: str) -> tuple[date, date] | None:
    """The first and last day a DATE/TIME value can mean; None for durations, sets, references and X-years.

    >>> interval("2023-W28")
    (datetime.date(2023, 7, 10), datetime.date(2023, 7, 16))
    >>> interval("199X")
    (datetime.date(1990, 1, 1), datetime.date(1999, 12, 31))
    """
    head = value.split("T", 1)[0] if value[:1] != "P" else ""
    if not head or not is_value(value):
        return None
    try:
        return _interval(head)
    except (ValueError, OverflowError):
        return None


def _interval(head: str) -> tuple[date, date] | None:
    parts = head.split("-")
    year = parts[0]
    if "X" in year:
        if year.rstrip("X").isdigit() and len(year) == 4 and year.count("X") <= 2:
            width = 10 ** year.count("X")
            low = int(year.rstrip("X")) * width
            return date(max(low, 1), 1, 1), date(low + width - 1, 12, 31)
        return None
    if len(year) < 4:
        width = 10 ** (4 - len(year))
        low = int(year) * width
        return date(max(low, 1), 1, 1), date(min(low + width - 1, 9999), 12, 31)
    y = int(year)
    if y < 1:
        return None
    if len(parts) == 1:
        return date(y, 1, 1), date(y, 12, 31)
    second = parts[1]
    if "X" in second and not second.startswith(("W", "Q", "H")):
        return date(y, 1, 1), date(y, 12, 31)
    if second in _SEASONS:
        low, high = _SEASONS[second]
        return date(y, low, 1), _month_end(y + (high - 1) // 12, (high - 1) % 12 + 1)
    if second.startswith("W"):
        if "X" in second:
            return date(y, 1, 1), date(y, 12, 31)
        monday = date.fromisocalendar(y, int(second[1:]), 1)
        if len(parts) == 3 and parts[2] == "WE":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        if len(parts) == 3 and parts[2].isdecimal():
            day = monday + timedelta(days=int(parts[2]) - 1)
            return day, day
        return monday, monday + timedelta(days=6)
    if second.startswith("Q"):
        if "X" in second:
            return date(y, 1, 1), date(y, 12, 31)
        first = 3 * int(second[1]) - 2
        return date(y, first, 1), _month_end(y, first + 2)
    if second.startswith("H"):
        if "X" in second:
            return date(y, 1, 1), date(y, 12, 31)
        first = 6 * int(second[1]) - 5
        return date(y, first, 1), _month_end(y, first + 5)
    month = int(second)
    if len(parts) == 2 or "X" in parts[2]:
        return date(y, month, 1), _month_end(y, month)
    day = date(y, month, int(parts[2]))
    return day, day


def check_value(value: str) -> str:
    """Return `value` if it is a well-formed TIMEX3 value, else raise `TemporalError` (D302)."""
    if not is_value(value):
        raise TemporalError(f"not a TIMEX3 value: {value!r}", code=Code.INVALID_TIMEX)
    return value
