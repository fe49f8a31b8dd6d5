"""The grammar: many small patterns that find time expressions and give each an *underspecified* value.

Each rule is one compiled regular expression and a handler that turns its match into a `Partial`: the span, the
TIMEX3 type, and a value that may still need the anchor. Underspecified values are written in a small private
notation that `resolve` understands:

    XXXX-07-12 / XXXX-07 / XXXX-SU   the year is missing (pick the one nearest the reference, by tense)
    WD:5:?  WD:5:-1  WD:5:+1         a weekday: unknown direction, last, next
    REL:D:-1  REL:W:+1  REL:Q:0      this/last/next unit, counted from the document creation time
    ANA:D:+1  ANA:Y:0                counted from the last date mentioned ("the next day", "that year")
    AGO:M:-5                         "five months ago": from the reference, at the unit's granularity
    CTX:Y:-1                         "a year earlier": the last mentioned date shifted, keeping its granularity
    CTXYEAR:1988 / CTXQ:1988         "the 1988 period" (quarter talked about, else the year), "the 1988 quarter"
    QCTX:-1                          "the year-ago quarter": the quarter talked about, a year before
    CMPY                             "compared with $3 million last year": that quarter a year before, else last year
    LASTQ / QTR:3 / HALF:1           "the quarter", "the third quarter", "the first half" (year from context)
    DONEQ                            "the latest quarter": the one talked about if it has ended, else the last ended
    QEND:7                           "the quarter ended July 31": the calendar quarter holding most of it
    ANAWD:5:-1                       "the previous Friday": counted from the day talked about
    HOL:11:4:4:1:XXXX                a holiday by rule: month, weekday, n-th counted from a day, year
    EASTER:-2:XXXX                   a movable feast: days from Easter Sunday ("Good Friday"), year
    DIR:-1:<value>                   the value with its year missing, strictly before (-1) or after (+1) the anchor
    SHIFTD:-1:<value>                "the day before <value>" (composed by the tagger from two expressions)

A suffix `T..` (clock time or part of day) can follow any of them. Everything else is already a TIMEX3 value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.temporal.lexicon import (
    AMBIGUOUS_MONTHS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    RULE_HOLIDAYS,
    SEASONS,
    TIME_ZONES,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)


@dataclass(frozen=True)
class Partial:
    """A time expression as the grammar found it: span, type and a possibly underspecified value."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_MONTH = (
    r"(?:" + _alt(w for w in MONTHS if len(w) > 4 or w == "june" or w == "july" or w == "may")
    + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_NOT_NUMBER_AFTER = r"(?![\d%]|[.,/:-]\d|\s*(?:%|percent\b|per\s+cent\b))"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|" \
         r"seventeen|eighteen|nineteen)"
_NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{_TENS}(?:[-\s]{_SMALL}\b)?|(?:a\s+|one\s+)?hundred|a\s+dozen|dozen|a\s+couple\s+of|"
    rf"a\s+couple|couple\s+of|half\s+a|{_SMALL}|an?|single)"
)
_VAGUE = _alt(VAGUE_NUMBERS)
_UNIT = _alt(UNITS)
_POD = r"(?:morning|afternoon|evening|night)"
_TZ = _alt(TIME_ZONES)
_AMPM = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
_ORD = _alt(ORDINALS)

Handler = Callable[[re.Match[str], str], Partial | None]


def number(word: str) -> float | None:
    """The value of a number written in digits or words ("12", "2 1/2", "twenty-five", "a couple of")."""
    word = re.sub(r"\s+", " ", word.lower().strip())
    if word.endswith(" 1/2"):
        base = number(word[:-4])
        return None if base is None else base + 0.5
    try:
        return float(word)
    except ValueError:
        pass
    if word in NUMBERS:
        return float(NUMBERS[word]) if NUMBERS[word] else 0.5
    tens, _, unit = word.replace(" ", "-").partition("-")
    if unit and NUMBERS.get(tens, 0) >= 20 and 0 < NUMBERS.get(unit, 0) < 10:
        return float(NUMBERS[tens] + NUMBERS[unit])  # "twenty-five", "twenty four"
    return None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration for `amount` (None = unknown, written X) of `unit` (a code from `lexicon.UNITS`)."""
    if unit == "WE":
        return "PXD" if amount is None else f"P{_fmt(2 * amount)}D"
    if unit == "2W":
        return "PXW" if amount is None else f"P{_fmt(2 * amount)}W"
    if unit == "H":
        return "PXM" if amount is None else f"P{_fmt(6 * amount)}M"
    if unit == "L":
        return "PXY" if amount is None else f"P{_fmt(1000 * amount)}Y"
    if unit == "E":
        return "PXY" if amount is None else f"P{_fmt(10 * amount)}Y"  # ISO 8601 has no decade designator
    if unit == "C" and amount is not None:
        return f"P{_fmt(100 * amount)}Y"
    clock = {"h": "H", "min": "M", "s": "S"}
    if amount is not None and amount - int(amount) == 0.5:
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M: halves go to the next smaller unit.
        smaller = {"Y": ("M", 6), "D": ("h", 12), "h": ("min", 30), "min": ("s", 30), "M": ("D", 15)}
        if unit in smaller:
            whole = duration(float(int(amount)), unit) if int(amount) else ("PT" if unit in clock else "P")
            sub, size = smaller[unit]
            tail = f"{size}{clock.get(sub, sub)}"
            if sub in clock and "T" not in whole:
                tail = "T" + tail
            return whole + tail
    text = "X" if amount is None else _fmt(amount)
    if unit in clock:
        return f"PT{text}{clock[unit]}"
    return f"P{text}{unit}"


def _month(word: str, original: str) -> int | None:
    key = word.lower().rstrip(".")
    if key in AMBIGUOUS_MONTHS and not original[:1].isupper():
        return None
    return MONTHS.get(key)


def _day(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _year(word: str | None) -> str:
    return word if word else "XXXX"


# ---- handlers -----------------------------------------------------------------------------------------------


def _date_md(m: re.Match[str], text: str) -> Partial | None:
    month = _month(m["month"], m["month"])
    if month is None:
        return None
    day = _day(m["day"])
    value = f"{_year(m['year'])}-{month:02d}-{day:02d}"
    return Partial(m.start(), m.end(), "DATE", value)


_RANGE_START = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAYNUM})\s+$", re.I)


def _range_day(m: re.Match[str], text: str) -> Partial | None:
    """The second day of "April 24 and 25": a date of its own, in the month named before it."""
    before = _RANGE_START.search(text, max(0, m.start() - 20), m.start())
    month = _month(before["month"], before["month"]) if before else None
    if month is None:
        return None
    return Partial(m.start("day"), m.end("day"), "DATE", f"{_year(m['year'])}-{month:02d}-{_day(m['day']):02d}")


def _month_year(m: re.Match[str], text: str) -> Partial | None:
    month = _month(m["month"], m["month"])
    if month is None:
        return None
    bare = not m["year"] and not m["rel"]
    if bare and len(m["month"].rstrip(".")) <= 4 and m["month"].lower() not in ("june", "july", "may"):
        return None
    if bare and m["month"] == "March" and re.match(r"\s+(?:for|of\s+the)\s+[A-Z]", text[m.end():]):
        return None  # "the March for Life", "the March of the Mothers": a procession
    if m["month"].lower() == "may" and bare:
        # Bare "May" at a sentence start is too often the verb.
        before = text[max(0, m.start() - 3):m.start()]
        if not before.strip() or before.rstrip().endswith((".", '"', "``")):
            return None
    if m["rel"]:
        shift = {"this": "0", "last": "-1", "next": "+1"}[m["rel"].lower()]
        return Partial(m.start(), m.end(), "DATE", f"MON:{month}:{shift}")
    return Partial(m.start(), m.end(), "DATE", f"{_year(m['year'])}-{month:02d}")


def _rel_month(m: re.Match[str], text: str) -> Partial | None:
    month = _month(m["month"], m["month"])
    if month is None:
        return None
    shift = {"this": "0", "last": "-1", "next": "+1", "this past": "-1", "past": "-1", "coming": "+1"}
    direction = shift[re.sub(r"\s+", " ", m["dir"].lower())]
    return Partial(m.start(), m.end(), "DATE", f"MON:{month}:{direction}")


def _numeric_date(m: re.Match[str], text: str) -> Partial | None:
    if m["iso"]:
        y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    else:
        mo, d, y = int(m["mo2"]), int(m["d2"]), int(m["y2"])
        if y < 100:
            y += 1900 if y >= 30 else 2000
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Partial(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}")


def _year_only(m: re.Match[str], text: str) -> Partial | None:
    if text[max(0, m.start() - 1):m.start()] in ("$", "#") or text[m.end():m.end() + 1].isdigit():
        return None
    if not m["decade"] and not m["post"] and _COUNTED.match(text, m.end()):
        return None  # "2000 shares"
    prefix = (m["pre"] or "").lower().strip()
    year = m["year"]
    mod = None
    value = year[:3] + "X" if m["decade"] else year
    if prefix.startswith("post"):
        mod = "AFTER"
    elif prefix.startswith("pre"):
        mod = "BEFORE"
    elif prefix.startswith("mid"):
        mod = "MID"
    suffix = re.sub(r"\s+", " ", (m["post"] or "").lower().strip())
    if suffix in ("or later", "and beyond", "and later", "onward", "onwards", "and after"):
        mod = "ON_OR_AFTER"
    elif suffix in ("or earlier", "or before"):
        mod = "ON_OR_BEFORE"
    return Partial(m.start(), m.end(), "DATE", value, mod)


_COUNTED = re.compile(
    r"\s+(?:shares|people|troops|soldiers|workers|employees|jobs|units|cars|vehicles|homes|houses|barrels|tons|"
    r"points|members|students|votes|miles|kilometers|feet|meters|acres|pounds|dollars|copies|passengers|"
    r"delegates|seats|rooms|beds|cases|deaths|refugees|prisoners|words|pages|lines)\b", re.I)


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:early\s+|late\s+)?$", re.I)


def _short_decade(m: re.Match[str], text: str) -> Partial | None:
    if _AGE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return None  # "when he was in his 30s": an age, not the 1930s
    digits = m["yy"]
    century = "19" if int(digits) >= 20 else "20"
    return Partial(m.start(), m.end(), "DATE", f"{century}{digits[0]}X")


def _century(m: re.Match[str], text: str) -> Partial | None:
    n = ORDINALS.get(m["ord"].lower())
    if n is None:
        return None
    return Partial(m.start(), m.end(), "DATE", f"{n - 1:02d}")


def _clock(m: re.Match[str], text: str) -> Partial | None:
    hour_text = m["h"] or m["h2"]
    minute_text = m["mi"] or m["mi2"]
    hour = int(hour_text) if hour_text else (12 if (m["word"] or "").lower() in ("noon", "midday") else 0)
    minute = int(minute_text) if minute_text else 0
    ampm = (m["ampm"] or "").lower()
    if hour > 24 or minute > 59 or (ampm and not 1 <= hour <= 12):
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    end = m.end()
    if ampm.endswith(".") and m.end("ampm") == end and re.match(r"\s*(?:$|\n|[A-Z\"'`])", text[end:end + 3]):
        end -= 1  # the period closes the sentence, as TimeBank spans have it
    time = f"T{hour:02d}:{minute:02d}"
    day = (m["day"] or "").lower()
    if m["word"] and not (m["wd"] or m["month"] or day) and not re.search(
            r"\b(?:at|by|until|before|after|from)\s+$", text[max(0, m.start() - 7):m.start()], re.I):
        return None  # a bare "noon" is seldom annotated, "at noon" is
    if m["wd"]:
        base = f"WD:{WEEKDAYS[m['wd'].lower()]}:?"
    elif m["month"]:
        month = _month(m["month"], m["month"])
        if month is None:
            return None
        base = f"{_year(m['year'])}-{month:02d}-{_day(m['mday']):02d}"
    elif day:
        base = {"today": "REL:D:0", "tonight": "REL:D:0", "yesterday": "REL:D:-1", "tomorrow": "REL:D:+1"}[day]
    else:
        base = "ANA:D:0"  # a bare clock time is on the day the text is talking about
    return Partial(m.start(), end, "TIME", base + time)


_GENERIC_AFTER_TODAYS = re.compile(
    r"'s\s+(?:world|youth|society|generation|children|kids|young|culture|standards|personal\s+computers)\b", re.I)


def _deictic_day(m: re.Match[str], text: str) -> Partial | None:
    word = m["w"].lower()
    if word == "today" and _GENERIC_AFTER_TODAYS.match(text, m.end()):
        return None  # "today's youth", "in today's world": the present age, not the day
    if m["w"] == "Today" and re.search(r"\b[A-Z][A-Za-z]*[ \t]+$", text[max(0, m.start() - 20):m.start()]):
        return None  # "USA Today", "This is VOA Today": a title, not the day
    if word == "tomorrow" and re.search(r"\b(?:the|a)\s+\w+\s+of\s+$", text[max(0, m.start() - 30):m.start()], re.I):
        return None  # "the people of tomorrow", "the world of tomorrow": the future at large, not the day
    base = {"today": "REL:D:0", "yesterday": "REL:D:-1", "tomorrow": "REL:D:+1", "tonight": "REL:D:0"}[word]
    pod = (m["pod"] or "").lower()
    if word == "tonight":
        return Partial(m.start(), m.end(), "TIME", base + "TNI")
    if pod:
        return Partial(m.start(), m.end(), "TIME", base + "T" + PARTS_OF_DAY[pod])
    return Partial(m.start(), m.end(), "DATE", base)


def _this_pod(m: re.Match[str], text: str) -> Partial | None:
    word = m["w"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()]
    base = {"this": "REL:D:0", "last": "REL:D:-1", "tomorrow": "REL:D:+1", "yesterday": "REL:D:-1"}[word]
    if word == "last" and pod != "NI":
        base = "REL:D:-1"
    return Partial(m.start(), m.end(), "TIME", f"{base}T{pod}")


def _weekday(m: re.Match[str], text: str) -> Partial | None:
    wd = WEEKDAYS[m["wd"].lower()]
    direction = {"last": "-1", "this past": "-1", "past": "-1", "next": "+1", "coming": "+1", "this": "0",
                 "this coming": "+1"}.get(re.sub(r"\s+", " ", (m["dir"] or "").lower()), "?")
    value = f"WD:{wd}:{direction}"
    if (m["dir"] or "").lower().startswith("the"):
        # "the previous Friday", "the following Monday": counted from the day the text is talking about
        value = f"ANAWD:{wd}:{'+1' if re.search(r'following|next', m['dir'], re.I) else '-1'}"
    if m["pod"]:
        # "Friday night" keeps its part of day in the value but is a DATE, as most of TimeBank/AQUAINT types it.
        return Partial(m.start(), m.end(), "DATE", value + "T" + PARTS_OF_DAY[m["pod"].lower()])
    return Partial(m.start(), m.end(), "DATE", value)


def _weekday_set(m: re.Match[str], text: str) -> Partial | None:
    wd = WEEKDAYS[m["wd"].lower()]
    quant = m["q"].upper() if m["q"] else None
    return Partial(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}", quant=quant)


def _weekday_pods(m: re.Match[str], text: str) -> Partial | None:
    """ "Tuesday nights", "every Friday morning", "Monday and Tuesday nights": a part of a weekday, every week."""
    wd = WEEKDAYS[m["wd"].lower()]
    pod = PARTS_OF_DAY[(m["pod"] or m["pod2"]).lower().rstrip("s")]
    quant = m["q"].upper() if m["q"] else None
    if m["pod"] and not (m["pod"].lower().endswith("s") or quant):
        return None  # "Tuesday night" is one night
    return Partial(m.start(), m.end(), "SET", f"XXXX-WXX-{wd}T{pod}", quant=quant)


_REL_SHIFT = {"this": "0", "current": "0", "present": "0", "last": "-1", "past": "-1", "previous": "-1",
              "next": "+1", "coming": "+1", "this past": "-1", "this coming": "+1"}
_ANA_SHIFT = {"following": "+1", "next": "+1", "previous": "-1", "prior": "-1", "preceding": "-1", "same": "0",
              "that": "0"}


def _rel_unit(m: re.Match[str], text: str) -> Partial | None:
    if m["dir"][0].isupper() and m["unit"][0].isupper() and text[max(0, m.start() - 1):m.start()].strip():
        return None  # ABC's "This Week": a title (a headline starts a line), not a week
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    unit = UNITS.get(m["unit"].lower(), m["unit"])
    the = text[max(0, m.start() - 4):m.start()].lower() == "the "
    anaphoric = ("following", "previous", "prior", "preceding", "same", "that")
    if (direction in ("next", "following") and the) or direction in anaphoric:
        shift = _ANA_SHIFT.get(direction, "0")
        if direction == "previous" and not the:
            shift = "-1"
        return Partial(m.start(), m.end(), "DATE", f"ANA:{unit}:{shift}")
    since_then = unit in ("W", "M", "D") or (direction == "past" and unit in ("E", "C"))
    if direction in ("last", "past") and the and since_then:
        # "the past week", "over the past decade": the stretch of one unit up to now (in 1998 "the past century" is
        # not the 1800s); TimeBank marks these as durations
        return Partial(m.start(), m.end(), "DURATION", duration(1.0, unit))
    if direction in ("last", "past") and the and unit in ("Y", "E", "C"):
        return Partial(m.start(), m.end(), "DATE", f"REL:{unit}:-1")  # "the past year": 1997, "the last decade": 198
    if direction == "last" and unit == "Y" and (_COMPARED_BEFORE.search(text, max(0, m.start() - 60), m.start())
                                                 or re.match(r"'s\s+(?:\$|\d|results)", text[m.end():])):
        return Partial(m.start(), m.end(), "DATE", "CMPY")  # "compared with $33 million last year"
    return Partial(m.start(), m.end(), "DATE", f"REL:{unit}:{_REL_SHIFT.get(direction, '0')}")


# An amount compared with the one of last year: in a report on a quarter, "last year" is that quarter a year before.
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+with|from|versus|against)\s+[^.;]*?[$\d][^.;]*?\s+$", re.I)


def _season(m: re.Match[str], text: str) -> Partial | None:
    season = SEASONS[m["season"].lower()]
    direction = re.sub(r"\s+", " ", (m["dir"] or "").lower())
    if m["year"]:
        return Partial(m.start(), m.end(), "DATE", f"{m['year']}-{season}")
    if not direction:
        before = text[max(0, m.start() - 12):m.start()].lower()
        if m["season"].lower() == "fall" and re.match(r"\s+of\b", text[m.end():]):
            return None  # "the fall of the Berlin Wall"
        if m["season"].lower() == "fall" and not re.search(r"\b(?:the|in|early|late|this|by|until)\s+$", before):
            return None
        if not re.search(r"\b(?:the|in|early|late|by|until|this|last|next|mid-?|during)\s*$", before):
            return None
    shift = _REL_SHIFT.get(direction, "?")
    return Partial(m.start(), m.end(), "DATE", f"SEASON:{season}:{shift}")


def _quarter(m: re.Match[str], text: str) -> Partial | None:
    word = re.sub(r"\s+", " ", m["ord"].lower())
    unit = m["unit"].lower()
    year = m["year1"] or m["year2"] or m["year3"]
    plural = unit.endswith("s")
    unit = unit.rstrip("s")
    if word in ORDINALS and ORDINALS[word] <= (4 if unit == "quarter" else 2) and unit != "period":
        n = ORDINALS[word]
        kind = "Q" if unit == "quarter" else "H"
        if plural:
            return Partial(m.start(), m.end(), "SET", f"XXXX-{kind}{n}", quant="EVERY")
        if year:
            return Partial(m.start(), m.end(), "DATE", f"{year}-{kind}{n}")
        return Partial(m.start(), m.end(), "DATE", f"{'QTR' if kind == 'Q' else 'HALF'}:{n}")
    if plural:
        return None
    if word in ("year-earlier", "year-ago", "comparable", "corresponding", "year earlier", "prior-year",
                "previous-year", "year-before", "comparable year-ago", "comparable year-earlier"):
        return Partial(m.start(), m.end(), "DATE", "QCTX:-1" if unit != "half" else "CTX:Y:-1")
    if word == "same":
        return Partial(m.start(), m.end(), "DATE", "LASTQ" if unit != "half" else "REL:H:-1")
    if word in ("latest", "recent", "most recent", "just-ended", "just-completed"):
        return Partial(m.start(), m.end(), "DATE", "DONEQ" if unit != "half" else "REL:H:-1")
    if year and word in ("", "fiscal"):
        return Partial(m.start(), m.end(), "DATE", f"CTXYEAR:{year}")
    if unit == "period":
        return None
    shift = {"current": "0", "this": "0", "last": "-1", "previous": "-1", "past": "-1", "prior": "-1",
             "next": "+1", "coming": "+1", "final": "LAST", "fiscal": "0"}.get(word)
    if shift is None:
        return None
    kind = "Q" if unit == "quarter" else "H"
    if shift == "LAST" or (word == "last" and kind == "H"):
        return Partial(m.start(), m.end(), "DATE", f"{year}-{kind}{4 if kind == 'Q' else 2}" if year
                       else f"{'QTR:4' if kind == 'Q' else 'HALF:2'}")
    if word in ("last", "past") and kind == "Q":
        return Partial(m.start(), m.end(), "DATE", "DONEQ")
    return Partial(m.start(), m.end(), "DATE", f"REL:{kind}:{shift}")


def _year_period(m: re.Match[str], text: str) -> Partial | None:
    kind = "CTXQ" if m["unit"].lower() == "quarter" else "CTXYEAR"  # "the 1988 quarter" is always a quarter
    return Partial(m.start(), m.end(), "DATE", f"{kind}:{m['year']}")


# A quantity just before "a year"/"a week" makes it a rate: "$1.76 a year", "700 seats a week", "24 hours a day".
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|dozen|once|twice|times|flights|seats|shares|cents|dollars|percent|"
    r"hours|minutes|days))\S*\s+(?:\w+\s+)?$", re.I)


def _amount_unit(m: re.Match[str], text: str) -> Partial | None:
    unit = UNITS.get(re.sub(r"\s+", " ", m["unit"].lower()))
    if unit is None:
        return None
    raw = m["num"]
    vague = raw is None or re.fullmatch(_VAGUE, raw, re.I) is not None
    amount = None if vague else number(raw)
    if amount is not None and (m["half"] or m["half2"]):
        amount += 0.5  # "a minute and a half"
    if not vague and amount is None:
        return None
    if amount is not None and amount > 2000:
        return None
    post = re.sub(r"\s+", " ", (m["post"] or "").lower().strip())
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower().strip())
    plural_unit = m["unit"].lower().endswith("s")
    if amount is not None and amount == 1 and plural_unit and raw and raw.lower() in ("a", "an"):
        return None
    if ((raw or "").lower() in ("a", "an") and unit == "s") or re.match(r"[\s-]+old\b", text[m.end():]):
        return None
    if unit == "Q" and not post and re.match(r"\s+of\s+(?:the|its|their|his|her|all|total)\b(?!\s+(?:year|fiscal))",
                                             text[m.end():], re.I):
        return None  # "more than a quarter of the market": a fraction, not three months
    if post in ("ago", "earlier", "before", "later", "after", "from now", "hence", "back", "since"):
        if unit in ("h", "min", "s", "WE") or post == "since":
            end = m.end() if post in ("ago", "since") else m.start("post")
            return Partial(m.start(), end, "DURATION", duration(amount, unit))
        if post in ("later", "after", "before"):
            end = m.start("post")
            return Partial(m.start(), end, "DURATION", duration(amount, unit))
        sign = "-" if post in ("ago", "earlier", "back") else "+"
        if amount is not None and amount != int(amount) and unit in ("Y", "W"):
            amount, unit = (amount * 12, "M") if unit == "Y" else (amount * 7, "D")  # "a year and a half ago"
        if amount is None or amount != int(amount):
            return Partial(m.start(), m.end(), "DATE", "PAST_REF" if sign == "-" else "FUTURE_REF")
        n = int(amount) * (2 if unit == "2W" else 1)
        unit_code = "W" if unit == "2W" else unit
        kind = "AGO" if post in ("ago", "from now", "hence", "back") else "CTX"
        return Partial(m.start(), m.end(), "DATE", f"{kind}:{unit_code}:{sign}{n}")
    if (raw or "").lower() in ("a", "an") and not rel and _RATE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return Partial(m.start(), m.end(), "SET", duration(1.0, unit))  # "$500 million a year", "four flights a week"
    if (raw or "").lower() == "one" and unit == "D" and not rel and re.search(
            r"\b(?:will|would|could|may|might|can|shall)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
        return Partial(m.start(), m.end(), "DATE", "FUTURE_REF")  # "Islam will one day be the second religion"
    value = duration(amount, unit)
    if rel in ("recent",) and unit == "Y":
        return Partial(m.start(), m.end(), "DATE", "PAST_REF")
    if re.search(r"\s(?:to|or)\s+\w", m.group(0)[:m.start("unit") - m.start()]) and rel in ("next", "coming"):
        value = duration(None, unit)
    return Partial(m.start(), m.end(), "DURATION", value)


def _vague_units(m: re.Match[str], text: str) -> Partial | None:
    unit = UNITS.get(m["unit"].lower())
    if unit is None:
        return None
    word = m["rel"].lower()
    if word == "recent" and unit == "Y":
        return Partial(m.start(), m.end(), "DATE", "PAST_REF")
    if word in ("coming", "next few", "future") and unit in ("M", "Q"):
        return Partial(m.start(), m.end(), "DATE", "FUTURE_REF")
    if word == "past" and unit == "Y":
        return Partial(m.start(), m.end(), "DATE", "PAST_REF")
    return Partial(m.start(), m.end(), "DURATION", duration(None, unit))


def _adjective_duration(m: re.Match[str], text: str) -> Partial | None:
    unit = UNITS.get(m["unit"].lower())
    amount = number(m["num"])
    if unit is None or amount is None or amount > 2000 or amount == 0 or m.group(0).lower().endswith("-old"):
        return None
    return Partial(m.start(), m.end(), "DURATION", duration(amount, unit))


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "the present": "PRESENT_REF", "current": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "a later date": "FUTURE_REF", "as soon as possible": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "future": "FUTURE_REF",
}


def _ref(m: re.Match[str], text: str) -> Partial | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if m.group(0) == "Now" and re.search(r"(?:^|[.!?\"'`]\s*)$", text[max(0, m.start() - 4):m.start()]):
        return None  # sentence-initial "Now" is a discourse marker, not a time
    if word == "future" and not re.match(r"\s+(?:quarters|years|months|periods|generations)\b", text[m.end():]):
        return None
    if word == "the future" and re.match(r"\s+of\b", text[m.end():]):
        return None  # "the future of our peoples": what becomes of them, not a time
    if word == "the past" and re.match(rf"\s+(?:\d|{_SMALL}\b|{_TENS}\b|few\b|several\b)", text[m.end():], re.I):
        return None  # "the past three summers": a count of periods, not the past at large
    if word == "current" and re.match(r"\s+(?:accounts?|system|source|events|affairs|head|limit)\b", text[m.end():]):
        return None  # "current account", electric current: not a time
    return Partial(m.start(), m.end(), "DATE", _REFS[word])


_SET_UNITS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W"}


def _set_adverb(m: re.Match[str], text: str) -> Partial | None:
    word = m.group(0).lower()
    if word in ("quarterly", "monthly", "weekly", "daily", "annually", "yearly") and re.match(
            r"\s+(?:newspaper|paper|magazine|report|reports|dividend|dividends|payment|payments|meeting|"
            r"publication|journal|figures|results|survey|cash|loss|losses|of\b)", text[m.end():], re.I):
        return None  # "a quarterly cash dividend", "its first quarterly loss", "an initial quarterly of 5 cents"
    if word == "daily" and re.search(r"\baverage\s+$", text[max(0, m.start() - 8):m.start()], re.I):
        return None  # "average daily volume": a measure, not a recurrence
    if word in ("annually", "yearly") and _RATE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None  # "to rise 8.5% annually", "10,000 units annually": a rate, seldom annotated
    if word == "daily" and re.match(r"\s+[A-Z]", text[m.end():]):
        return None  # "the Communist Party daily Granma": a newspaper
    return Partial(m.start(), m.end(), "SET", _SET_UNITS[word])


def _every(m: re.Match[str], text: str) -> Partial | None:
    quant = re.sub(r"\s+", " ", m["q"].upper())
    word = m["what"].lower()
    if word in WEEKDAYS:
        return Partial(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[word]}", quant=quant)
    month = MONTHS.get(word)
    if month:
        return Partial(m.start(), m.end(), "SET", f"XXXX-{month:02d}", quant=quant)
    if word in PARTS_OF_DAY:
        return Partial(m.start(), m.end(), "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", quant=quant)
    unit = UNITS.get(word)
    if unit is None:
        return None
    amount = number(m["num"]) if m["num"] else 1.0
    return Partial(m.start(), m.end(), "SET", duration(amount, unit), quant=quant)


def _times_per(m: re.Match[str], text: str) -> Partial | None:
    unit = UNITS.get(m["unit"].lower())
    if unit is None:
        return None
    times = m["times"].lower()
    count = {"once": 1, "twice": 2, "thrice": 3}.get(times)
    if count is None:
        count = int(number(times.split()[0]) or 0)
    if not count:
        return None
    return Partial(m.start(), m.end(), "SET", duration(1.0, unit), freq=f"{count}X")


def _holiday(m: re.Match[str], text: str) -> Partial | None:
    name = re.sub(r"\s+", " ", m["name"][:m.start("week") - m.start("name")] if m["week"] else m["name"]).lower()
    year = _year(m["year"])
    # "last Thanksgiving" is the one before the anchor, "next Christmas" the one after it
    direction = {"last": "DIR:-1:", "next": "DIR:+1:"}.get((m["dir"] or "").lower(), "") if not m["year"] else ""
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return Partial(m.start(), m.end(), "DATE", f"{direction}{year}-{month:02d}-{day:02d}")
    if name == "election day" and not m["name"][0].isupper():
        return None  # only the capitalised U.S. Election Day has a fixed rule
    if name in EASTER_HOLIDAYS:
        if m["week"]:
            return Partial(m.start(), m.end(), "DATE", f"WEEKOF:{direction}EASTER:0:{year}")  # "Easter week"
        return Partial(m.start(), m.end(), "DATE", f"{direction}EASTER:{EASTER_HOLIDAYS[name]}:{year}")
    month, weekday, nth, first = RULE_HOLIDAYS[name]
    return Partial(m.start(), m.end(), "DATE", f"{direction}HOL:{month}:{weekday}:{nth}:{first}:{year}")


def _anaphoric_day(m: re.Match[str], text: str) -> Partial | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if word.startswith("the day ") and re.match(r"\s+[a-z]+ing\b", text[m.end():]):
        return None  # "later in the day before returning home": "before" starts a clause
    table = {"that day": "0", "the same day": "0", "that same day": "0", "the next day": "+1",
             "the following day": "+1", "the day after": "+1", "the previous day": "-1", "the day before": "-1",
             "the prior day": "-1", "the preceding day": "-1", "that night": "0", "the next morning": "+1",
             "the following morning": "+1", "that morning": "0", "that evening": "0", "that afternoon": "0",
             "that week": "0", "that month": "0", "that year": "0", "that time": "T", "that quarter": "Q"}
    shift = table.get(word)
    if shift is None:
        return None
    if shift == "T":
        return Partial(m.start(), m.end(), "DATE", "ANA:X:0")
    if shift == "Q":
        return Partial(m.start(), m.end(), "DATE", "LASTQ")
    last = word.rsplit(" ", 1)[1]
    unit = {"week": "W", "month": "M", "year": "Y"}.get(last, "D")
    pod = PARTS_OF_DAY.get(last)
    value = f"ANA:{unit}:{shift}" + (f"T{pod}" if pod else "")
    return Partial(m.start(), m.end(), "TIME" if pod else "DATE", value)


def _weekend(m: re.Match[str], text: str) -> Partial | None:
    direction = re.sub(r"\s+", " ", (m["dir"] or "").lower())
    shift = _REL_SHIFT.get(direction, "?")
    return Partial(m.start(), m.end(), "DATE", f"REL:WE:{shift}")


def _the_unit(m: re.Match[str], text: str) -> Partial | None:
    word = m["unit"].lower()
    if word == "year":
        if re.match(r"\s+(?:before|earlier|ago|after)", text[m.end():]):
            return None
        if re.match(r"\s+(?:ended|ending)\b", text[m.end():]):
            return Partial(m.start(), m.end(), "DURATION", "P1Y")  # "the year ended June 30": a fiscal year
        return Partial(m.start(), m.end(), "DATE", "ANA:Y:0")
    if word == "quarter":
        ended = re.match(rf"\s+(?:ended|ending)\s+(?P<month>{_MONTH})", text[m.end():], re.I)
        month = _month(ended["month"], ended["month"]) if ended else None
        # "the quarter ended July 31" is the calendar quarter holding most of its three months (May-July: Q2)
        return Partial(m.start(), m.end(), "DATE", f"QEND:{month}" if month else "LASTQ")
    if re.match(r"\s+(?:before|earlier|ago|after|of|ended|ending)\b", text[m.end():]):
        return None  # "the week before", "the week of Oct. 2" (its own rule), "the month ended"
    return Partial(m.start(), m.end(), "DATE", f"ANA:{UNITS[word]}:0")  # "for the week", "the end of the month"


def _shifted_quarter(m: re.Match[str], text: str) -> Partial | None:
    word = re.sub(r"\s+", " ", m["which"].lower())
    unit = m["unit"].lower()
    shift = {"this": 0, "last": -1, "next": 1}.get(word.split("'")[0], -1)
    if m["ord"]:
        n = ORDINALS.get(m["ord"].lower(), 0)
        kind = "Q" if unit == "quarter" else "H"
        if not 1 <= n <= (4 if kind == "Q" else 2):
            return None
        return Partial(m.start(), m.end(), "DATE", f"YEARSHIFT:{shift}:{kind}{n}")
    return Partial(m.start(), m.end(), "DATE", f"QCTX:{shift}" if shift else "LASTQ")


def _fiscal_year(m: re.Match[str], text: str) -> Partial | None:
    if re.search(r"\ban?\s+$", text[max(0, m.start() - 3):m.start()], re.I):
        return None  # "changed from a fiscal year to a calendar year": a kind of year, not a year
    if re.match(r"\s+(?:ended|ending)\b", text[m.end():]):
        return Partial(m.start(), m.end(), "DURATION", "P1Y")
    word = (m["w"] or "").lower().strip()
    shift = {"latest": "-1", "last": "-1", "previous": "-1", "prior": "-1", "past": "-1", "next": "+1",
             "coming": "+1", "new": "+1"}.get(word, "0")
    return Partial(m.start(), m.end(), "DATE", f"REL:Y:{shift}")


def _year_end(m: re.Match[str], text: str) -> Partial | None:
    return Partial(m.start(), m.end(), "DATE", "REL:Y:0", "END")


_SPELLED_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                 "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


_SPELLED = (
    r"(?:(?P<c>eighteen|nineteen|twenty)[\s-]+(?P<tens>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?P<unit>one|two|three|four|five|six|seven|eight|nine))?|(?P<thousand>two\s+thousand)"
    r"(?:\s+and\s+(?P<extra>one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
_SPELLED_YEAR = re.compile(_SPELLED, re.I)


def _spelled_number(m: re.Match[str]) -> int:
    """The year a match of `_SPELLED` writes out ("nineteen ninety-four" = 1994, "two thousand and one" = 2001)."""
    if m["thousand"]:
        return 2000 + int(number(m["extra"]) or 0) if m["extra"] else 2000
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["c"].lower()]
    unit = int(NUMBERS[m["unit"].lower()]) if m["unit"] else 0
    return century * 100 + _SPELLED_TENS[m["tens"].lower()] + unit


def _spelled_year(m: re.Match[str], text: str) -> Partial | None:
    if m["decade"]:
        return Partial(m.start(), m.end(), "DATE", f"19{_DECADE_WORDS[m['decade'].lower()]}X")
    return Partial(m.start(), m.end(), "DATE", f"{_spelled_number(m):04d}")


def _period_of_spelled_year(m: re.Match[str], text: str) -> Partial | None:
    """ "January nineteen ninety-seven", "the winter of nineteen ninety-four" (broadcast transcripts)."""
    spelled = _SPELLED_YEAR.fullmatch(m["spelled"])
    if spelled is None:
        return None
    year = _spelled_number(spelled)
    if m["season"]:
        return Partial(m.start(), m.end(), "DATE", f"{year:04d}-{SEASONS[m['season'].lower()]}")
    month = _month(m["month"], m["month"])
    return None if month is None else Partial(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}")


def _bare_units(m: re.Match[str], text: str) -> Partial | None:
    unit = UNITS.get(m["unit"].lower())
    if unit is None:
        return None
    if unit in ("Y", "D") and not re.search(r"\b(?:for|the|over|in)\s+$", text[max(0, m.start() - 6):m.start()], re.I):
        return None  # "for years", "in the days before": not every plural "years" is a stretch of time
    return Partial(m.start(), m.end(), "DURATION", duration(None, unit))


@dataclass(frozen=True)
class Rule:
    """One pattern, the words a match of it can start with, and the handler that reads its match."""

    starts: frozenset[str]
    pattern: re.Pattern[str]
    handler: Handler


_WORD_CLASSES: dict[str, set[str]] = {
    "@WD": {w for w in WEEKDAYS if len(w) > 4},
    "@WDS": {w + "s" for w in WEEKDAYS if len(w) > 4},
    "@MONTH": set(MONTHS),
    "@NUM": {w.split()[0] for w in NUMBERS} | {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                               "ninety", "half"},
    "@ORD": {w.split("-")[0] for w in ORDINALS if not w[0].isdigit()},
    "@HOL": {name.split()[0].split("'")[0] for name in list(FIXED_HOLIDAYS) + list(RULE_HOLIDAYS)
             + list(EASTER_HOLIDAYS)},
}


def _week_of(m: re.Match[str], text: str) -> Partial | None:
    month = _month(m["month"], m["month"])
    if month is None:
        return None
    return Partial(m.start(), m.end(), "DATE", f"WEEKOF:{_year(m['year'])}-{month:02d}-{_day(m['day']):02d}")


def _mid_pod(m: re.Match[str], text: str) -> Partial | None:
    """ "mid-afternoon", "by mid morning yesterday": a part of the day talked about."""
    day = {"today": "REL:D:0", "yesterday": "REL:D:-1", "tomorrow": "REL:D:+1"}.get((m["day"] or "").lower(), "ANA:D:0")
    return Partial(m.start(), m.end(), "TIME", f"{day}T{PARTS_OF_DAY[m['pod'].lower()]}")


def _pod_of_day(m: re.Match[str], text: str) -> Partial | None:
    pod = PARTS_OF_DAY[m["pod"].lower()]
    if m["h"]:
        hour = int(m["h"]) % 12 + (12 if pod in ("AF", "EV") else 0)
        return Partial(m.start(), m.end(), "TIME", f"ANA:D:0T{hour:02d}:00")
    return Partial(m.start(), m.end(), "TIME", f"ANA:D:0T{pod}")


def _rule(starts: str, pattern: str, handler: Handler) -> Rule:
    words: set[str] = set()
    for word in starts.split():
        words |= _WORD_CLASSES.get(word, {word})
    return Rule(frozenset(words), re.compile(pattern, re.I), handler)


_MODIFIER_WORDS = r"(?:more|additional|straight|consecutive|full|long|whole|entire|trading|business|calendar|" \
                  r"successive|of\s+the|or\s+so|plus|to\s+come)"

RULES: list[Rule] = [
    _rule(
        "@WD @MONTH",
        rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAYNUM})\b(?!\s*(?:%|percent|\d|:\d))"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?", _date_md),
    _rule(
        "@WD the #",
        rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAYNUM})(?:\s+of)?\s+(?P<month>{_MONTH})(?=\W|$)"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?", _date_md),
    _rule(
        "@MONTH",
        rf"\b(?P<month>{_MONTH})(?:(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})\b)|\s+(?P<rel>this|last|next)\s+year\b)?"
        rf"(?!\s*\d)", _month_year),
    _rule(
        "this last next past coming",
        rf"\b(?P<dir>this\s+past|this|last|next|past|coming)\s+(?P<month>{_MONTH})(?=\W|$)(?!\.?\s*\d)",
        _rel_month),
    _rule(
        "and",
        rf"\band\s+(?P<day>{_DAYNUM})\b(?!\s*(?:%|percent|[\d.:]\d))(?:,?\s+(?P<year>{_YEAR})\b)?", _range_day),
    _rule(
        "#",
        r"\b(?:(?P<iso>(?P<y>[12]\d{3})-(?P<mo>[01]\d)-(?P<d>[0-3]\d))|(?P<mo2>[01]?\d)/(?P<d2>[0-3]?\d)/"
        r"(?P<y2>\d{4}|\d{2}))\b", _numeric_date),
    _rule(
        "fiscal calendar the mid post pre #",
        rf"(?:\b(?P<pre>fiscal\s+|calendar\s+|the\s+year\s+|mid-|post-|pre-))?\b(?P<year>{_YEAR})(?P<decade>'?s)?"
        rf"\b{_NOT_NUMBER_AFTER}(?P<post>\s+or\s+later|\s+and\s+beyond|\s+or\s+earlier|\s+or\s+before|"
        rf"\s+and\s+later|\s+onwards?)?(?(post)(?!\s+[a-z]))", _year_only),
    _rule(
        "the mid early late #",
        r"(?:\bthe\s+|\b(?:mid|early|late)-?)?'?(?P<yy>[2-9]0)'?s\b", _short_decade),
    _rule(
        "@ORD #",
        rf"\b(?P<ord>{_ORD})\s+century\b", _century),
    _rule(
        "# noon midnight midday",
        rf"\b(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{_AMPM})|(?P<h2>[01]?\d|2[0-3]):"
        rf"(?P<mi2>[0-5]\d)(?!\d|:\d|\.\d)|(?P<word>noon|midnight|midday))"
        rf"(?:\s+(?:{_TZ}))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<day>today|tonight|yesterday|tomorrow)|"
        rf"(?P<month>{_MONTH})\s+(?P<mday>{_DAYNUM})(?:,?\s+(?P<year>{_YEAR}))?)\b)?", _clock),
    _rule(
        "today yesterday tomorrow tonight",
        r"\b(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b",
        _deictic_day),
    _rule(
        "this last tomorrow yesterday",
        rf"\b(?P<w>this|last|tomorrow|yesterday)\s+(?P<pod>{_POD})\b", _this_pod),
    _rule(
        "every each @WD",
        rf"\b(?:(?P<q>every|each)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<pod>{_POD}s?)\b|(?=\s+(?:and|or)\s+{_WEEKDAY}\s+"
        rf"(?P<pod2>{_POD}s)\b))", _weekday_pods),
    _rule(
        "the this last next past coming @WD",
        rf"\b(?:(?P<dir>the\s+(?:previous|preceding|prior|following|next)|this\s+past|this\s+coming|last|next|this|"
        rf"past|coming)\s+)?(?P<wd>{_WEEKDAY})"
        rf"(?:\s+(?P<pod>{_POD}))?\b", _weekday),
    _rule(
        "every each @WDS",
        rf"\b(?:(?P<q>every|each)\s+)?(?P<wd>{_WEEKDAY})s\b", _weekday_set),
    _rule(
        "this last next past coming current present previous following prior preceding same",
        r"\b(?P<dir>this\s+past|this\s+coming|this|last|next|past|coming|current|present|previous|following|"
        r"prior|preceding|same)\s+(?P<unit>week|month|year|decade|century)\b(?!-)(?:\s+or\s+so)?", _rel_unit),
    _rule(
        "this last next past coming spring summer fall autumn winter",
        rf"\b(?:(?P<dir>this\s+past|this\s+coming|this|last|next|past|coming)\s+)?(?P<season>spring|summer|fall|"
        rf"autumn|winter)\b(?:\s+(?:of\s+)?(?P<year>{_YEAR})\b)?", _season),
    _rule(
        "# fiscal @ORD final last latest most recent current previous past prior next coming same this year "
        "comparable corresponding just",
        rf"\b(?:(?P<year1>{_YEAR})(?:'s)?\s+|fiscal\s+(?:(?P<year2>{_YEAR})\s+)?)?(?P<ord>{_ORD}|final|last|latest|"
        r"most\s+recent|recent|current|previous|past|prior|next|coming|same|this|year-earlier|year-ago|comparable"
        r"(?:\s+year-(?:ago|earlier))?|corresponding|prior-year|previous-year|year-before|just-ended|"
        rf"just-completed|fiscal)(?:\s+fiscal)?[\s-]+(?P<unit>quarters?|half|halves|period)\b"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year3>{_YEAR})\b)?", _quarter),
    _rule(
        "#",
        rf"\b(?P<year>{_YEAR})\s+(?P<unit>period|quarter)\b", _year_period),
    _rule(
        "past last next first coming final previous following remaining latest initial recent other another "
        "further @NUM # few several some many numerous countless number",
        rf"\b(?:(?P<rel>past|last|next|first|coming|final|previous|following|remaining|latest|initial|recent|"
        rf"other|another|further)\s+)?(?P<num>{_NUM}|{_VAGUE})(?P<half>\s+and\s+a\s+half)?(?:\s+(?:to|or)\s+{_NUM})?"
        rf"(?:\s+{_MODIFIER_WORDS})?\s+(?P<unit>{_UNIT})\b(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
        rf"(?P<post>\s+ago|\s+earlier|\s+before|\s+later|\s+after|\s+from\s+now|\s+hence|\s+back)?",
        _amount_unit),
    _rule(
        "recent coming past next future the",
        rf"\b(?P<rel>recent|coming|past|next\s+few|future|the\s+last\s+few)\s+(?P<unit>{_UNIT})\b", _vague_units),
    _rule(
        "# @NUM",
        rf"\b(?P<num>\d+(?:\.\d+)?|{_TENS}(?:-{_SMALL})?|{_SMALL}|one|a|half)-(?P<unit>second|minute|hour|day|"
        r"week|month|quarter|year|decade|century)(?:s?-(?:long|old))?\b", _adjective_duration),
    _rule(
        "day week month year hour",
        r"\b(?P<unit>day|week|month|year|hour)-long\b",
        lambda m, t: Partial(m.start(), m.end(), "DURATION", duration(1.0, UNITS[m["unit"].lower()]))),
    _rule(
        "right now currently nowadays these at recently recent lately the future a as current",
        r"\b(?:now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|recently|"
        r"recent|lately|the\s+past|the\s+near\s+future|the\s+future|future|a\s+later\s+date|"
        r"as\s+soon\s+as\s+possible|the\s+near\s+term|the\s+short\s+term|current)\b", _ref),
    _rule(
        "daily weekly monthly annually yearly hourly quarterly nightly biweekly",
        r"\b(?:daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly)\b", _set_adverb),
    _rule(
        "every each per",
        rf"\b(?P<q>every|each|per)\s+(?:(?P<num>{_NUM})\s+|other\s+)?(?P<what>{_WEEKDAY}|{_POD}|{_UNIT}|"
        rf"{_MONTH})\b", _every),
    _rule(
        "once twice thrice @NUM #",
        rf"\b(?P<times>once|twice|thrice|(?:{_NUM})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{_UNIT})\b",
        _times_per),
    _rule(
        "@HOL last next this",
        rf"\b(?:(?P<dir>last|next|this)\s+)?(?P<name>{_alt(list(FIXED_HOLIDAYS) + list(RULE_HOLIDAYS))}|"
        rf"{_alt(EASTER_HOLIDAYS)}(?P<week>\s+week)?)(?:\s+(?P<year>{_YEAR}))?\b",
        _holiday),
    _rule(
        "that the",
        r"\b(?:that(?:\s+same)?|the\s+(?:same|next|following|previous|prior|preceding))\s+(?:day|night|morning|"
        r"evening|afternoon|week|month|year)\b|\bthat\s+(?:time|quarter)\b|\bthe\s+day\s+(?:after|before)\b",
        _anaphoric_day),
    _rule(
        "a an",
        r"\ban?\s+(?:great|historic|sad|proud|dark|black|momentous|tragic|happy|glorious|memorable|joyful|painful|"
        r"landmark|red-letter)\s+(?P<day>day)\b(?!\s+(?:of|when|that|to)\b)",
        lambda m, t: Partial(m.start("day"), m.end("day"), "DATE", "ANA:D:0")),  # "a great day for Poland"
    _rule(
        "this last next past coming weekend",
        r"\b(?:(?P<dir>this\s+past|this\s+coming|this|last|next|past|coming)\s+)?weekend\b", _weekend),
    _rule(
        "the comparable corresponding same year prior this last next",
        rf"\b(?:(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?P<which>year-ago|year-earlier|year\s+ago|"
        rf"prior-year|year-before)|(?P<which2>this|last|next)\s+year's)\s+(?:(?P<ord>{_ORD})\s+)?(?:fiscal\s+)?"
        r"(?P<unit>quarter|half|period)\b", lambda m, t: _shifted_quarter(m, t) if m["which"] else None),
    _rule(
        "this last next",
        rf"\b(?P<which>this|last|next)\s+year's\s+(?:(?P<ord>{_ORD})\s+)?(?:fiscal\s+)?(?P<unit>quarter|half|"
        r"period)\b", _shifted_quarter),
    _rule(
        "the same corresponding comparable year",
        r"\b(?:the\s+)?(?:same|corresponding|comparable|year-earlier|year-ago)\s+(?:period|quarter|time)\s+"
        r"(?:of\s+|in\s+)?(?P<which>last\s+year|a\s+year\s+(?:ago|earlier)|the\s+previous\s+year)\b(?P<unit>)"
        r"(?P<ord>)", _shifted_quarter),
    _rule(
        "the current latest last previous prior past next coming new fiscal full calendar",
        r"\b(?:the\s+)?(?P<w>current\s+|latest\s+|last\s+|previous\s+|prior\s+|past\s+|next\s+|coming\s+|"
        r"new\s+)?(?:fiscal|full|calendar)\s+year\b(?![-'])", _fiscal_year),
    _rule(
        "year",
        r"\b(?:year-end|year\s+end|year's\s+end)\b", _year_end),
    _rule(
        "the eighteen nineteen twenty two",
        rf"\b(?:the\s+year\s+)?{_SPELLED}\b|"
        r"\bthe\s+(?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        _spelled_year),
    _rule(
        "@MONTH spring summer fall autumn winter",
        rf"\b(?:(?P<month>{_MONTH})|(?P<season>spring|summer|fall|autumn|winter))\s+(?:of\s+)?"
        rf"(?P<spelled>{_SPELLED})\b", _period_of_spelled_year),
    _rule(
        "the",
        rf"\bthe\s+week\s+of\s+(?P<month>{_MONTH})\s+(?P<day>{_DAYNUM})\b(?:,?\s+(?P<year>{_YEAR})\b)?", _week_of),
    _rule(
        "the #",
        r"\b(?:(?P<h>[01]?\d)\s+in\s+)?the\s+(?P<pod>morning|afternoon|evening)\b", _pod_of_day),
    _rule(
        "the",
        r"\bthe\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+day(?=\s+of\b)",
        lambda m, t: Partial(m.start(), m.end(), "DATE", "ANA:D:0")),  # "the eighth day of Desert Shield": today
    _rule(
        "mid midafternoon midmorning",
        r"\bmid[- ]?(?P<pod>morning|afternoon)(?:\s+(?P<day>today|yesterday|tomorrow))?\b", _mid_pod),
    _rule(
        "months weeks decades centuries years days",
        r"\b(?P<unit>months|weeks|decades|centuries|years|days)(?:-long)?\b", _bare_units),
    _rule(
        "the",
        r"\bthe\s+(?P<unit>year|quarter|week|month)\b(?!-)", _the_unit),
    _rule(
        "year",
        r"\byear-(?:ago|earlier)\b", lambda m, t: Partial(m.start(), m.end(), "DATE", "CTX:Y:-1")),
    _rule(
        "the",
        rf"\bthe\s+(?P<unit>{_UNIT})\s+ahead\b", _bare_units),
]

BY_START: dict[str, list[Rule]] = {}
"""Rules by the first word of their match (`#` for a number): only these are tried at a word."""
for _each in RULES:
    for _start in _each.starts:
        BY_START.setdefault(_start, []).append(_each)

# Informal spellings, used in colloquial mode only (short, informal texts): "tmrw", "2nite", "rn".
SLANG: dict[str, tuple[str, str]] = {
    "tmrw": ("DATE", "REL:D:+1"), "tmw": ("DATE", "REL:D:+1"), "2morrow": ("DATE", "REL:D:+1"),
    "2moro": ("DATE", "REL:D:+1"), "tomoz": ("DATE", "REL:D:+1"), "tonite": ("TIME", "REL:D:0TNI"),
    "2nite": ("TIME", "REL:D:0TNI"), "2night": ("TIME", "REL:D:0TNI"), "yday": ("DATE", "REL:D:-1"),
    "yest": ("DATE", "REL:D:-1"), "rn": ("DATE", "PRESENT_REF"), "atm": ("DATE", "PRESENT_REF"),
    "wknd": ("DATE", "REL:WE:?"), "2day": ("DATE", "REL:D:0"), "2dy": ("DATE", "REL:D:0"),
}
_SLANG = re.compile(r"(?<![\w@#])(?:" + "|".join(sorted(SLANG, key=len, reverse=True)) + r")(?!\w)", re.I)


def slang(text: str) -> list[Partial]:
    """The informal time words of `text` ("tmrw", "2nite"), for colloquial mode."""
    found = []
    for match in _SLANG.finditer(text):
        kind, value = SLANG[match.group().lower()]
        found.append(Partial(match.start(), match.end(), kind, value))
    return found
