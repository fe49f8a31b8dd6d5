"""Name structure: the normal form of a name, its tokens, acronyms, and the parts of a work's title.

Everything here is a pure function of a string, so the keys two articles link on never depend on what else the
store holds. Titles of works are read as `head [– subtitle] [Part N]`, where a head like "Mission: Impossible" may
itself hold a colon and may end in a sequel number ("Mission: Impossible 7").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.text import fold

_POSSESSIVE = re.compile(r"(?:'s|')$")
_NON_WORD = re.compile(r"[^\w&+]+")
_LEADING_THE = re.compile(r"^the\s+")
_DASH = re.compile(r"\s+-{1,2}\s+")
_PART = re.compile(r"(?:,?\s*-?\s*)\bpart\s+(one|two|three|four|five|\d+|i{1,3}|iv|v)$")
_NUMBER = re.compile(r"^(.*\D)\s+(\d{1,2}|i{2,3}|iv|v|vi{1,3})$")
_PART_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_ROMAN = {"ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1)}
# A work's place in a series, and what it is ("the seventh Mission: Impossible film"); `lexical` finds such titles.
ORDINAL = rf"(?:{'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
SERIES_NOUN = r"(?:film|movie|instal{1,2}ment|entry|chapter|sequel|book|novel|album|game)"
ORDINAL_TITLE = re.compile(rf"^(?:the\s+)?({ORDINAL})\s+(.+?)\s+{SERIES_NOUN}$", re.IGNORECASE)
_SMALL = frozenset("of the and for in on at to a an de du des la le von van der".split())


def strip_possessive(text: str) -> str:
    """"Tom Cruise's" -> "Tom Cruise" (also with a typographic apostrophe)."""
    return _POSSESSIVE.sub("", fold(text).rstrip()) if text else text


@lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """The matching form of a name: folded, lower case, no possessive, no leading "the", punctuation as spaces.

    >>> norm("The U.S. Air Force's")
    'us air force'
    >>> norm("Mission: Impossible – Dead Reckoning")
    'mission impossible dead reckoning'
    """
    text = strip_possessive(name).lower().replace(".", "")
    text = _NON_WORD.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


_CORPORATE = frozenset("inc incorporated corp corporation co company cos ltd limited plc llc lp group spa sa ag nv"
                       " gmbh bv ab asa oyj holdings holding".split())


def organisation_core(name: str) -> str:
    """An organisation's name without its legal form ("General Motors Corporation" -> "general motors"); "" when
    nothing is left or nothing was dropped.

    >>> organisation_core("Aer Lingus Group PLC")
    'aer lingus'
    """
    words = tokens(name)
    kept = list(words)
    while len(kept) > 1 and kept[-1] in _CORPORATE:
        kept.pop()
    return " ".join(kept) if len(kept) < len(words) else ""


def tokens(name: str) -> list[str]:
    """The words of a name, in matching form."""
    return norm(name).split()


_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof professor president senator sen rep gov governor"
                        " judge rev gen general capt captain minister chancellor king queen prince princess pope"
                        " secretary mayor chairman ceo".split())


def person_name(matching: str) -> str:
    """A person's name in matching form without the titles before it ("mr hayward" -> "hayward"), so that a title
    never makes a surname look like a second full name.

    >>> person_name("president barack obama")
    'barack obama'
    """
    words = matching.split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    """The acronym a multi-word name would have ("International Monetary Fund" -> "imf"); "" for one word."""
    words = [w for w in tokens(name) if w not in _SMALL]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def is_acronym(text: str) -> bool:
    """An all-capitals short form such as "IMF", "MCU" or "U.S."."""
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@dataclass(frozen=True)
class Title:
    """A work's title taken apart: `head` ("mission impossible"), `number` (7 in "Mission: Impossible 7"),
    `subtitle` ("dead reckoning"), `part` (1 for "Part One"), all in matching form."""

    head: str
    subtitle: str
    number: int | None
    part: int | None

    def link_keys(self) -> list[str]:
        """The forms under which other mentions may name the same work.

        The subtitle (or, without one, the head) with its part ("dead reckoning part 1"); the bare name for a
        first part (a work split in parts is first known by its bare name); a numbered head as it is ("mission
        impossible 7"); never the bare head of a subtitled title, which names the franchise.
        """
        if self.number is not None:
            return [f"{self.head} {self.number}"]
        name = self.subtitle or self.head
        if self.part is None:
            return [name]
        return [f"{name} part {self.part}", name] if self.part == 1 else [f"{name} part {self.part}"]


@lru_cache(maxsize=1 << 14)
def parse_title(name: str) -> Title:
    """Take a title apart.

    >>> parse_title("Mission: Impossible – Dead Reckoning Part One")
    Title(head='mission impossible', subtitle='dead reckoning', number=None, part=1)
    >>> parse_title("Dead Reckoning - Part One").link_keys()
    ['dead reckoning part 1', 'dead reckoning']
    >>> parse_title("Mission: Impossible 7")
    Title(head='mission impossible', subtitle='', number=7, part=None)
    >>> parse_title("seventh Mission: Impossible film").link_keys()
    ['mission impossible 7']
    """
    text = fold(strip_possessive(name)).strip()
    ordinal = ORDINAL_TITLE.match(text)
    if ordinal:
        word = ordinal.group(1).lower()
        return Title(norm(ordinal.group(2)), "", _ORDINALS[word] if word in _ORDINALS else int(word[:-2]), None)
    part: int | None = None
    lowered = text.lower()
    match = _PART.search(lowered)
    if match:
        word = match.group(1)
        part = int(word) if word.isdigit() else _PART_NUMBERS.get(word)
        text = text[:match.start()].rstrip(" -,")
    pieces = _DASH.split(text, maxsplit=1)
    head, subtitle = pieces if len(pieces) == 2 else (text, "")
    head_norm = norm(head)
    number: int | None = None
    numbered = _NUMBER.match(head_norm)
    if numbered and not subtitle:
        head_norm, tail = numbered.group(1).strip(), numbered.group(2)
        number = int(tail) if tail.isdigit() else _ROMAN.get(tail)
    return Title(head_norm, norm(subtitle), number, part)
