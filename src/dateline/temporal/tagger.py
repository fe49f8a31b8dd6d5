"""`tag(text, anchor)`: find every time expression in a text and give it a resolved TIMEX3 value.

Three steps, each cheap: (1) the grammar's patterns run over the text and propose candidate spans with
underspecified values; (2) modifiers and determiners next to a candidate ("about", "early", "the end of", "the")
join its span, and the longest non-overlapping candidates win; (3) in text order, each value is resolved against the
anchor (news), or the last absolute date (narrative), using the tense around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from dateline.errors import Code, TemporalError
from dateline.temporal.grammar import BY_START, Partial, slang
from dateline.temporal.resolve import Context, parse, resolve
from dateline.temporal.timex import Timex, interval, is_value

MODES = ("news", "narrative", "colloquial")
_WORD = re.compile(r"[A-Za-z]+|\d+")

_LEFT_MODIFIERS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(p + r"\s*$", re.I), mod) for p, mod in [
        (r"\b(?:the\s+)?(?:very\s+)?(?:end|close|latter\s+part|last\s+part)\s+of(?:\s+the)?", "END"),
        (r"\b(?:the\s+)?(?:beginning|start|outset|first\s+part|dawn|early\s+part)\s+of(?:\s+the)?", "START"),
        (r"\b(?:the\s+)?(?:middle|mid-point|midst)\s+of(?:\s+the)?", "MID"),
        (r"\b(?:the\s+)?mid-", "MID"),
        (r"\b(?:the\s+)?(?:early|earlier)(?:\s+in)?(?:\s+the)?", "START"),
        (r"\b(?:the\s+)?(?:late|later)(?:\s+in)?(?:\s+the)?", "END"),
        (r"\b(?:around|approximately|roughly)", "APPROX"),
        (r"\b(?:nearly|less\s+than|fewer\s+than)", "LESS_THAN"),
        (r"\b(?:more\s+than|longer\s+than)", "MORE_THAN"),
        (r"\bat\s+least", "EQUAL_OR_MORE"),
        (r"\b(?:up\s+to|no\s+more\s+than|at\s+most)", "EQUAL_OR_LESS"),
        (r"\b(?:sometime|some\s+time)", None),
        (r"\bthe", None),
    ]
]
_NO_DETERMINER = re.compile(
    r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m|now\b|today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|(?:next|last|this|that)\b(?!\s+(?:\d+|few|several|couple|half|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|day|week|month|year|morning|"
    r"night|evening|afternoon|decade|century)\b)|every|each|daily|weekly|"
    r"[\w.]+-\w+\b(?!\s+(?:period|quarter))|\d{4}\b(?!\s+(?:period|quarter|fiscal))|"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+(?:days?|weeks?|years?|hours?|"
    r"minutes?)\b|(?:days|weeks|years|decades|centuries|hours|minutes)\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d|$))", re.I)
# Values computed from the last mention: they do not become the last mention themselves, so "a year earlier"
# after "a year earlier" still counts from the period the text is about.
_DERIVED = ("CTX:", "AGO:", "LASTQ", "ANA:", "YEARSHIFT:", "CTXYEAR:")
_DAY_LEVEL = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|this\s+week)",
                        re.I)
_DECADE = re.compile(r"^\d{3}X$")
_NEEDS_TENSE = re.compile(r"^XXXX-|:\?|^HOL:.*XXXX")
_QUANTITY_MODS = frozenset({"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|would|could|might|scheduled|planning|plans?|likely\s+to|"
    r"as\s+soon\s+as|as\s+early\s+as|set\s+to|is\s+to|are\s+to|due\s+to|expected\s+to|upcoming|"
    r"tomorrow|premieres?|intends?\s+to|hopes?\s+to|to\s+resume|to\s+begin|to\s+start|to\s+meet|to\s+leave|"
    r"until)\b", re.I)
# Plans that were in the past: "had been due to expire Friday", "was scheduled to open Monday".
_PAST_PLAN = re.compile(r"\b(?:had\s+been|was|were)\s+(?:due|scheduled|expected|set|supposed|planned|going)\s+to\b",
                        re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|earlier|yesterday|said|told|met|went|came|took|made|saw|gave|left|began|fell|"
    r"rose|won|lost|held|got|found|spoke|became|sent|ran|brought|thought|kept|paid|led|struck|wrote|fled|shot|sought|"
    r"caught|heard|stood|quit|spent|sold|built|bought|drove|flew|grew|knew|threw|broke|chose|fought|hung|sank|"
    r"shook|swore|tore|[a-z]{2,}ed)\b", re.I)
_NOT_PAST = frozenset({"scheduled", "planned", "expected", "proposed", "needed", "need", "red", "bed", "shed", "seed",
                       "speed", "feed", "hundred", "united", "limited", "indeed", "based", "related", "concerned",
                       "interested", "supposed", "used", "alleged", "so-called"})
_SENTENCE_EDGE = re.compile(r"[.!?]\s+(?=[A-Z\"'`])|\n\s*\n")


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
                found.append(_extend_left(partial, text))
    return found


def _extend_left(partial: Partial, text: str) -> Partial:
    start, mod = partial.start, partial.mod
    core = text[partial.start:partial.end]
    for _ in range(3):
        window = text[max(0, start - 40):start]
        for pattern, new_mod in _LEFT_MODIFIERS:
            match = pattern.search(window)
            if match is None:
                continue
            no_determiner = _NO_DETERMINER.match(core) or partial.type == "SET" or partial.value.endswith("_REF")
            if new_mod is None and no_determiner:
                continue
            if new_mod in _QUANTITY_MODS and partial.type not in ("DURATION", "TIME") and not re.search(
                    r"ago|earlier|later", core):
                continue
            if new_mod in ("START", "END", "MID") and partial.type not in ("DATE", "TIME"):
                continue
            if new_mod in ("START", "END", "MID") and partial.value.startswith(("P", "PAST", "PRES", "FUTURE")):
                continue
            if _DAY_LEVEL.match(core) and re.match(r"\s*(?:earl|late)", window[match.start():], re.I) and (
                    not core.lower().startswith("this") or re.match(r"\s*(?:earlier|later)", window[match.start():],
                                                                     re.I)):
                continue  # TimeBank and AQUAINT mostly leave "earlier" out of "earlier Friday", "earlier this week"
            start = start - len(window) + match.start()
            if new_mod is not None and mod is None:
                mod = new_mod
            break
        else:
            break
    if start == partial.start:
        return partial
    return Partial(start, partial.end, partial.type, partial.value, mod, partial.quant, partial.freq)


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


def _tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around a span: that of the verb cue nearest to it, or None when there is none."""
    left_start = max(0, start - 120)
    left = text[left_start:start]
    edges = list(_SENTENCE_EDGE.finditer(left))
    if edges:
        left_start += edges[-1].end()
    right_end = min(len(text), end + 120)
    edge = _SENTENCE_EDGE.search(text, end, right_end)
    if edge:
        right_end = edge.start()
    if text.startswith("'s", end):
        return "past"  # "Wednesday's ruling"
    best: tuple[int, str] | None = None
    for pattern, tense in ((_PAST_PLAN, "past"), (_FUTURE, "future"), (_PAST, "past")):
        for match in pattern.finditer(text, left_start, right_end):
            word = match.group().lower()
            if start <= match.start() < end or (tense == "past" and word in _NOT_PAST):
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


def choose_mode(text: str, partials: list[Partial], anchor: date) -> str:
    """news, narrative or colloquial: narrative when absolute past dates abound and nothing points at the anchor."""
    absolute = [p for p in partials if re.match(r"^\d{4}", p.value)]
    deictic = [p for p in partials if p.value.startswith(("REL:", "WD:", "AGO:", "PRESENT_REF"))]
    far = [p for p in absolute if abs(int(p.value[:4]) - anchor.year) > 1]
    if len(far) >= 3 and len(far) >= 0.6 * len(absolute) and len(deictic) <= len(absolute) // 4:
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
    partials = select(found)
    chosen = mode or choose_mode(text, partials, day)
    if chosen == "colloquial":
        partials = select(found + slang(text))
    context = Context(day)
    reference = day
    timexes: list[Timex] = []
    for partial in partials:
        context.anchor = reference
        context.tense = _tense(text, partial.start, partial.end) if _NEEDS_TENSE.search(partial.value) else None
        value = resolve(partial.value, context)
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
            if chosen == "narrative" and re.match(r"^\d{4}", partial.value):
                parsed = parse(value)
                if parsed is not None:
                    reference = parsed[0]
    return timexes
