"""Resolution: turn the grammar's underspecified values into TIMEX3 values, given the anchor and the context.

Two references matter. The *anchor* is the document creation time in news mode; in narrative mode it is the last
absolute date the text mentioned ("two days later" counts from there). The *last mention* is the most recent
resolved date of any granularity: "a year earlier" after "the third quarter" is the third quarter of the year
before, and "the quarter" is the one just talked about (or, after other dates, the quarter the report is about:
the first completed quarter of the past year it named). Year-ago comparisons ("the year-ago period", "a year ago"
after a quarter) go back from the quarter the report is about. Where a bare weekday or month could be before or
after the anchor, the tense around the expression decides, and news defaults to the past.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeGuard

Tense = str | None  # "past", "future" or None

_TIME_SUFFIX = re.compile(r"T(?=\d|MO|MI|AF|EV|NI|DT)")
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass
class Context:
    """What resolution depends on: the anchor day, the last mentioned date (value), the tense cue and the quarter
    the text reports on (the first completed quarter of the past year it mentioned)."""

    anchor: date
    last: str | None = None
    tense: Tense = None
    quarter: str | None = None


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def shift(day: date, unit: str, n: int) -> date:
    """`day` moved by `n` units (D W WE M Q H Y E C)."""
    if unit == "D":
        return day + timedelta(days=n)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "E": 120, "C": 1200}.get(unit)
    if months is None:
        raise ValueError(unit)
    return add_months(day, n * months)


def fmt(day: date, unit: str) -> str:
    """`day` written at the granularity of `unit`."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if unit == "E":
        return f"{day.year // 10:03d}X"
    if unit == "C":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def is_quarter(value: str | None) -> TypeGuard[str]:
    """True when `value` is a resolved calendar quarter (`1989-Q3`): what "the quarter" and year-ago comparisons
    go back to."""
    return value is not None and _QUARTER.match(value) is not None


_PARSE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2})|(SP|SU|FA|WI)))?")


def parse(value: str) -> tuple[date, str] | None:
    """A resolved DATE value as (first day, granularity), or None when it is not a plain calendar value."""
    match = _PARSE.match(value)
    if match is None:
        return None
    year = int(match[1])
    try:
        if match[3]:
            return date(year, int(match[2]), int(match[3])), "D"
        if match[2]:
            return date(year, int(match[2]), 1), "M"
        if match[4]:
            return date(year, 3 * int(match[4]) - 2, 1), "Q"
        if match[5]:
            return date(year, 6 * int(match[5]) - 5, 1), "H"
        if match[6]:
            return date.fromisocalendar(year, int(match[6]), 1), "W"
        if match[7]:
            return date(year, _SEASON_MONTH[match[7]], 1), "S"
        return date(year, 1, 1), "Y"
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: date, tense: Tense) -> int:
    """The year of a month/day named without one: the anchor's year, unless that puts it far (over four months)
    on the wrong side of the anchor for the tense. With no tense to go by, news leans to the past: a date over
    five months ahead is last year's, and only one over ten months back is next year's ("Aug. 6" in February is
    last August, "Jan. 5" in late December the coming one)."""
    candidate = date(anchor.year, month, min(day, monthrange(anchor.year, month)[1]))
    delta = (candidate - anchor).days
    if tense == "past" and delta > 120:
        return anchor.year - 1
    if tense == "future" and delta < -120:
        return anchor.year + 1
    if tense is None and (delta > 150 or delta < -300):
        return anchor.year + (1 if delta < 0 else -1)
    return anchor.year


def _weekday(weekday: int, direction: str, anchor: date, tense: Tense) -> date:
    offset = weekday - anchor.isoweekday()
    if direction == "0":
        return anchor + timedelta(days=offset)
    if direction == "-1" or (direction == "?" and tense != "future"):
        if direction == "?" and offset == 0:
            return anchor
        return anchor - timedelta(days=(-offset) % 7 or 7)
    if direction == "?" and offset == 0:
        return anchor
    return anchor + timedelta(days=offset % 7 or 7)


def _named_month(month: int, direction: str, anchor: date) -> str:
    if direction == "0":
        year = anchor.year
    elif direction == "-1":
        year = anchor.year if month < anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return f"{year:04d}-{month:02d}"


def _season(season: str, direction: str, anchor: date, tense: Tense) -> str:
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    spans = []
    for year in range(anchor.year - 2, anchor.year + 2):
        first = date(year, start_month, 1)
        spans.append((first, add_months(first, 3) - timedelta(days=1), year))
    holding = [year for first, last, year in spans if first <= anchor <= last]
    before = [year for first, last, year in spans if last < anchor]
    after = [year for first, last, year in spans if first > anchor]
    if holding and direction in ("0", "?"):
        return f"{holding[0]}-{season}"
    if direction == "0":
        return f"{anchor.year}-{season}"
    if direction == "-1" or (direction == "?" and tense != "future"):
        return f"{before[-1]}-{season}"
    return f"{after[0]}-{season}"


def _holiday(month: int, weekday: int, nth: int, first_day: int, year: int) -> date:
    if nth > 0:
        first = date(year, month, first_day)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus, as published by Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _last_quarter(context: Context, completed: bool = False) -> str:
    """The quarter talked about: the last mentioned one (with `completed`, only if it has ended by the anchor),
    else the quarter the text reports on, else the quarter before the anchor's."""
    last = parse(context.last) if is_quarter(context.last) else None
    if context.last and last is not None and (not completed or shift(last[0], "Q", 1) <= context.anchor):
        return context.last
    if context.quarter:
        return context.quarter
    return fmt(shift(context.anchor, "Q", -1), "Q")


def resolve(value: str, context: Context) -> str | None:
    """The TIMEX3 value of an underspecified `value` in `context`, or None when it cannot be resolved."""
    try:
        return _resolve(value, context)
    except (ValueError, OverflowError, KeyError, IndexError):
        return None


def _resolve(value: str, context: Context) -> str | None:
    split = _TIME_SUFFIX.search(value)
    head, time = (value[:split.start()], value[split.start():]) if split else (value, "")
    anchor, tense = context.anchor, context.tense
    if head.startswith("XXXX-") and head[5:7].isdecimal():
        month = int(head[5:7])
        if len(head) >= 10:
            day = int(head[8:10])
            year = _nearest_year(month, day, anchor, tense)
            return f"{year:04d}-{month:02d}-{day:02d}{time}"
        year = _nearest_year(month, 15, anchor, tense)
        return f"{year:04d}-{month:02d}{time}"
    if head.startswith("SHIFTD:"):
        _, n, inner = value.split(":", 2)
        day_value = _resolve(inner, context)
        parsed = parse(day_value) if day_value else None
        return fmt(shift(parsed[0], "D", int(n)), "D") if parsed and parsed[1] == "D" else None
    if head.startswith("DIR:"):
        _, sign, inner = value.split(":", 2)
        years = range(anchor.year - 1, anchor.year + 2)
        days = [_resolve(inner.replace("XXXX", f"{year:04d}"), context) for year in years]
        found = [(parsed[0], day) for day in days if day and (parsed := parse(day)) is not None]
        before = [day for first, day in found if first < anchor]
        after = [day for first, day in found if first > anchor]
        return (before[-1] if before else None) if sign == "-1" else (after[0] if after else None)
    if head.startswith("EASTER:"):
        _, offset, year_text = head.split(":")
        year = int(year_text) if year_text != "XXXX" else _nearest_year(4, 10, anchor, tense)
        return (easter(year) + timedelta(days=int(offset))).isoformat() + time
    if head.startswith("HOL:"):
        _, month_text, weekday_text, nth, first_day, year_text = head.split(":")
        rule = (int(month_text), int(weekday_text), int(nth), int(first_day))
        year = int(year_text) if year_text != "XXXX" else _nearest_year(rule[0], 20, anchor, tense)
        return _holiday(*rule, year).isoformat() + time
    kind, _, rest = head.partition(":")
    if kind == "WEEKOF":
        day_value = _resolve(rest, context)
        parsed = parse(day_value) if day_value else None
        return fmt(parsed[0], "W") if parsed else None
    if kind == "ANAWD":
        weekday, direction = rest.split(":")
        last = parse(context.last) if context.last else None
        base = last[0] if last is not None and last[1] == "D" else anchor
        return _weekday(int(weekday), direction, base, None).isoformat() + time
    if kind == "WD":
        weekday, direction = rest.split(":")
        return _weekday(int(weekday), direction, anchor, tense).isoformat() + time
    if kind == "REL":
        unit, n = rest.split(":")
        if unit == "WE" and n == "?":
            base = anchor if anchor.isoweekday() >= 5 or tense == "future" else shift(anchor, "W", -1)
            return fmt(base, "WE")
        return fmt(shift(anchor, unit, int(n)), unit) + (time if unit == "D" else "")
    if kind == "MON":
        month_text, direction = rest.split(":")
        return _named_month(int(month_text), direction, anchor)
    if kind == "SEASON":
        season, direction = rest.split(":")
        return _season(season, direction, anchor, tense)
    if kind == "AGO":
        unit, n = rest.split(":")
        last = parse(context.last) if context.last else None
        if last is not None and unit == "Y" and last[1] == "Q":
            # "from $90 million a year ago" compares the quarter the report is about, even after a side remark
            # on another quarter ("after a flat second quarter")
            topic = parse(context.quarter) if context.quarter else None
            return fmt(shift((topic or last)[0], "Y", int(n)), "Q")
        moved = shift(anchor, unit, int(n))
        return fmt(moved, "Y" if unit in ("E", "C") else unit)
    if kind == "CTX":
        unit, n = rest.split(":")
        last = parse(context.last) if context.last else None
        if last is not None and unit == "Y" and last[1] in ("Q", "M", "H", "S"):
            moved = shift(last[0], unit, int(n))
            return fmt(moved, last[1]) if last[1] != "S" else f"{moved.year}{context.last[4:] if context.last else ''}"
        if last is not None and last[1] == "D":
            # "up from $100 million a year earlier" after "the quarter ended Sept. 30": the same day, a year before
            return fmt(shift(last[0], unit, int(n)), "D" if unit == "Y" else unit)
        return fmt(shift(anchor, unit, int(n)), "Y" if unit in ("E", "C") else unit)
    if kind == "ANA":
        unit, n = rest.split(":")
        last = parse(context.last) if context.last else None
        if unit == "X":
            return context.last or "PAST_REF"
        base = last[0] if last is not None else anchor
        if last is not None and unit == "D" and last[1] == "M" and n == "0" and not time:
            return f"{fmt(last[0], 'M')}-XX"  # "last October ... that same day": a day of that month
        if last is not None and unit == "D" and last[1] != "D":
            base = anchor
        return fmt(shift(base, unit, int(n)), unit) + (time if unit == "D" else "")
    if kind == "QEND":
        middle = date(_nearest_year(int(rest), 15, anchor, "past"), int(rest), 1) - timedelta(days=20)
        return fmt(middle, "Q")
    if head in ("LASTQ", "DONEQ"):
        return _last_quarter(context, completed=head == "DONEQ")
    if head == "CMPY":
        last = parse(context.last) if context.last else None
        if last is not None and last[1] == "Q":
            return fmt(shift(last[0], "Y", -1), "Q")
        return fmt(shift(anchor, "Y", -1), "Y")
    if kind == "QCTX":
        # a comparison with a year before is about reported results: "the year-ago period" after a forecast
        # for "the third quarter of 1990" is still the year before the last completed quarter
        quarter = parse(context.quarter or _last_quarter(context, completed=True))
        return fmt(shift(quarter[0], "Y", int(rest)), "Q") if quarter else None
    if kind == "YEARSHIFT":
        n, part = rest.split(":")
        return f"{anchor.year + int(n):04d}-{part}"
    if kind in ("QTR", "HALF"):
        # "the fourth quarter" in January, in the past tense, is last year's: a quarter that has not begun
        # yet cannot have happened
        months = 3 if kind == "QTR" else 6
        begun = date(anchor.year, months * int(rest) - months + 1, 1) <= anchor
        year = anchor.year - 1 if tense == "past" and not begun else anchor.year
        return f"{year:04d}-{kind[0]}{rest}"
    if kind == "CTXQ":
        return f"{rest}{_last_quarter(context)[4:]}"
    if kind == "CTXYEAR":
        if is_quarter(context.last):
            return f"{rest}{(context.quarter or context.last)[4:]}"
        return rest
    return value
