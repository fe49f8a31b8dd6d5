"""`tag(text, anchor)`: find every time expression in a text and give it a resolved TIMEX3 value.

Three steps, each cheap: (1) the grammar's patterns run over the text and propose candidate spans with
underspecified values; (2) modifiers and determiners next to a candidate ("early", "the end of", "the")
join its span, and the longest non-overlapping candidates win; (3) in text order, each value is resolved against the
anchor (news), or the last absolute date (narrative), using the tense around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from dateline.errors import Code, TemporalError
from dateline.temporal.grammar import BY_START, Partial, slang
from dateline.temporal.resolve import Context, is_quarter, parse, resolve
from dateline.temporal.spans import extend_left
from dateline.temporal.tense import tense_at
from dateline.temporal.timex import Timex, interval, is_value

MODES = ("news", "narrative", "colloquial")
_WORD = re.compile(r"[A-Za-z]+|\d+")

# Values computed from the last mention: they do not become the last mention themselves, so "a year earlier"
# after "a year earlier" still counts from the period the text is about.
_DERIVED = ("CTX:", "QCTX:", "AGO:", "ANA:", "YEARSHIFT:", "CTXYEAR:", "CTXQ:", "CMPY")
_DECADE = re.compile(r"^\d{3}X$")
_PERIOD_TALKED_ABOUT = re.compile(r"(?i)the\s+(?:first\s+|latest\s+|past\s+)?\w+\s+months$")
_NEEDS_TENSE = re.compile(r"^XXXX-|:\?|^(?:WEEKOF:)?(?:HOL|EASTER):.*XXXX|^QTR:|^HALF:")



def parse_anchor(anchor: date | datetime | str) -> date:
    """The anchor as a day; raise `TemporalError` (D301) for anything that is not a date."""
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    if isinstance(anchor, str):
        match = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", anchor)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                pass
    raise TemporalError(f"anchor {anchor!r} is not a date (expected YYYY-MM-DD, a date or a datetime)",
                        code=Code.INVALID_ANCHOR)


def candidates(text: str) -> list[Partial]:
    """Every span a grammar rule proposes, with modifiers and determiners attached, before selection.

    Each word is looked up once; only the rules that can start with it are tried there, anchored at the word.
    """
    found: list[Partial] = []
    for word in _WORD.finditer(text):
        key = word.group().lower()
        rules = BY_START.get("#" if key[0].isdigit() else key)
        if rules is None:
            continue
        position = word.start()
        if key[0].isdigit() and position and text[position - 1] == "'":
            position -= 1
        for rule in rules:
            match = rule.pattern.match(text, position)
            if match is None:
                continue
            partial = rule.handler(match, text)
            if partial is not None and partial.end > partial.start:
                found.append(extend_left(partial, text))
    return found


def select(found: Iterable[Partial]) -> list[Partial]:
    """The longest non-overlapping candidates (earlier rules win ties), in text order."""
    ranked = sorted(enumerate(found), key=lambda item: (-(item[1].end - item[1].start), item[0]))
    taken: list[Partial] = []
    occupied: list[tuple[int, int]] = []
    for _, partial in ranked:
        if any(partial.start < end and start < partial.end for start, end in occupied):
            continue
        taken.append(partial)
        occupied.append((partial.start, partial.end))
    return sorted(taken, key=lambda p: p.start)


_DAY_BEFORE_AFTER = re.compile(r"(?i)(?:the\s+)?day\s+(?:before|after)$")
_DAY_VALUE = re.compile(r"^(?:WD:|ANAWD:|HOL:|DIR:|REL:D:|XXXX-\d\d-\d\d|\d{4}-\d\d-\d\d)(?!.*T)")


def compose(partials: list[Partial], text: str) -> list[Partial]:
    """ "the day before last Tuesday", "the day after Christmas": one expression, a day counted from a named day
    (instead of "the day before" counted from the day talked about, and a separate "last Tuesday"). And "Oct. 12, the
    day before the plunge": an apposition naming the same day again, counted from the event, not from Oct. 12."""
    composed: list[Partial] = []
    for partial in partials:
        previous = composed[-1] if composed else None
        if (previous is not None and previous.value in ("ANA:D:-1", "ANA:D:+1") and partial.type == "DATE"
                and _DAY_BEFORE_AFTER.search(text[previous.start:previous.end])
                and not text[previous.end:partial.start].strip() and _DAY_VALUE.match(partial.value)):
            composed[-1] = Partial(previous.start, partial.end, "DATE", f"SHIFTD:{previous.value[6:]}:{partial.value}")
            continue
        composed.append(partial)
    for index in range(1, len(composed)):
        previous, partial = composed[index - 1], composed[index]
        if (partial.value in ("ANA:D:-1", "ANA:D:+1") and _DAY_BEFORE_AFTER.search(text[partial.start:partial.end])
                and text[previous.end:partial.start] == ", " and _DAY_VALUE.match(previous.value)):
            composed[index] = Partial(partial.start, partial.end, "DATE", "ANA:D:0")
    return composed


def choose_mode(text: str, partials: list[Partial], anchor: date) -> str:
    """news, narrative or colloquial, from what the grammar found.

    Narrative: at least three absolute dates more than a year from the anchor, making up most of the absolute
    dates, no expression that counts from the anchor (today, last week, Friday, two years ago: one "he said
    Saturday" makes a profile full of past dates a news story) and few that point at the present ("now") - a
    history article. Otherwise colloquial for a text shorter than a tweet (280 characters), news for the rest.
    """
    absolute = [p for p in partials if re.match(r"^\d{4}", p.value)]
    deictic = [p for p in partials if p.value.startswith(("REL:", "WD:", "AGO:"))]
    present = [p for p in partials if p.value.startswith("PRESENT_REF")]
    far = [p for p in absolute if abs(int(p.value[:4]) - anchor.year) > 1]
    if len(far) >= 3 and len(far) >= 0.6 * len(absolute) and not deictic and len(present) <= len(absolute) // 4:
        return "narrative"
    return "colloquial" if len(text) < 280 else "news"


def tag(text: str, anchor: date | datetime | str, mode: str | None = None) -> list[Timex]:
    """The time expressions of `text`, resolved against `anchor` (the document creation time).

    `mode` is "news" (relative expressions count from the anchor), "narrative" (from the last absolute date in
    the text) or "colloquial" (news resolution plus informal spellings such as "tmrw", for short informal texts);
    None chooses per text (see `choose_mode`).
    """
    day = parse_anchor(anchor)
    if mode is not None and mode not in MODES:
        raise TemporalError(f"unknown temporal mode {mode!r}; use one of {', '.join(MODES)}",
                            code=Code.INVALID_ANCHOR)
    found = candidates(text)
    partials = compose(select(found), text)
    chosen = mode or choose_mode(text, partials, day)
    if chosen == "colloquial":
        partials = compose(select(found + slang(text)), text)
    context = Context(day)
    reference = day
    timexes: list[Timex] = []
    for partial in partials:
        context.anchor = reference
        context.tense = tense_at(text, partial.start, partial.end) if _NEEDS_TENSE.search(partial.value) else None
        value = partial.value if partial.type == "SET" else resolve(partial.value, context)  # "each July": XXXX-07
        if value and _DECADE.match(value) and text.startswith(("the ", "The "), partial.start):
            value = value[:3]  # "the 1990s" is written 199 in TimeBank, a bare "1990s" 199X
        if value is None or not is_value(value):
            continue
        bounds = interval(value) if partial.type in ("DATE", "TIME") else None
        timexes.append(Timex(
            partial.start, partial.end, text[partial.start:partial.end], partial.type, value, partial.mod,
            partial.quant, partial.freq, reference.isoformat(),
            bounds[0].isoformat() if bounds else None, bounds[1].isoformat() if bounds else None,
        ))
        if partial.type in ("DATE", "TIME") and parse(value) is not None and not partial.value.startswith(_DERIVED):
            context.last = value.split("T", 1)[0]
            if context.quarter is None and is_quarter(value) and bounds and (
                    day - timedelta(days=365) < bounds[1] < day):
                # the first recent completed quarter named is the one the report is about: what "the latest
                # quarter", "the year-ago period" and "that quarter" go back to after side remarks on others
                context.quarter = value
            if chosen == "narrative" and re.match(r"^\d{4}", partial.value):
                parsed = parse(value)
                if parsed is not None:
                    reference = parsed[0]
        elif partial.type == "DURATION" and _PERIOD_TALKED_ABOUT.match(timexes[-1].text):
            # "for the nine months": the part of the year reported on, so "a year earlier" is last year (the
            # TimeBank reading in 6 of 8 such comparisons; the other 2 keep the quarter mentioned before)
            context.last = f"{reference.year:04d}"
    return timexes
