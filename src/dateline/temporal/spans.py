"""What a time expression's span includes, following the TimeBank annotation conventions.

A grammar match is the core ("third quarter", "two years ago"); the words just before it may join: temporal
modifiers ("early", "the end of", "mid-") that also set TIMEX3 `mod`, quantity modifiers ("at least", "nearly")
for durations, and the determiner "the" where TimeBank includes it ("the third quarter", "the past two months")
but not where it does not ("the 1996" election, "the 14-day" trip, "the Friday" meeting).
"""

from __future__ import annotations

import re

from dateline.temporal.grammar import Partial

_LEFT_MODIFIERS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(p + r"\s*$", re.I), mod) for p, mod in [
        (r"\b(?:the\s+)?(?:very\s+)?(?:end|close|latter\s+part|last\s+part)\s+of(?:\s+the)?", "END"),
        (r"\b(?:the\s+)?(?:beginning|start|outset|first\s+part|dawn|early\s+part)\s+of(?:\s+the)?", "START"),
        (r"\b(?:the\s+)?(?:middle|mid-point|midst)\s+of(?:\s+the)?", "MID"),
        (r"\b(?:the\s+)?mid-", "MID"),
        (r"\bearly-", "START"),  # "in the late-November heat": the month, not "the"
        (r"\blate-", "END"),
        (r"\b(?:the\s+)?(?:early|earlier)(?:\s+in)?(?:\s+the)?", "START"),
        (r"\b(?:the\s+)?(?:late|later)(?:\s+in)?(?:\s+the)?", "END"),
        (r"\b(?:around|approximately|roughly)", "APPROX"),
        (r"\b(?:up\s+to|no\s+more\s+than|at\s+most)", "EQUAL_OR_LESS"),  # before "more than", its tail
        (r"\b(?:nearly|less\s+than|fewer\s+than)", "LESS_THAN"),
        (r"\balmost", "LESS_THAN"),  # only before "... ago" (see extend_left)
        (r"\b(?:more\s+than|longer\s+than)", "MORE_THAN"),
        (r"\bat\s+least", "EQUAL_OR_MORE"),
        (r"\b(?:sometime|some\s+time)", None),
        (r"\bthe", None),
    ]
]
_NO_DETERMINER = re.compile(
    r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m|now\b|today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|(?:next|last|this|that)\b(?!\s+(?:\d+|few|several|couple|half|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|day|week|month|year|morning|"
    r"night|evening|afternoon|decade|century)\b)|every|each|daily|weekly|"
    r"[\w.]+-\w+\b(?!\s+(?:period|quarter))|\d{4}\b(?!\s+(?:period|quarter|fiscal|first|second|third|fourth))|"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+(?:days?|weeks?|years?|hours?|"
    r"minutes?)\b|(?:days|weeks|years|decades|centuries|hours|minutes)\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d|$))", re.I)
_DAY_LEVEL = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|this\s+week)",
                        re.I)
_QUANTITY_MODS = frozenset({"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})


def extend_left(partial: Partial, text: str) -> Partial:
    """`partial` with the modifiers and determiner just before it joined to its span (up to three of them)."""
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
            if match.group().lower().startswith("almost") and not core.lower().endswith(" ago"):
                continue  # "almost two years ago" is annotated whole, "almost two decades" mostly without it
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
