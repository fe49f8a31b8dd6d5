"""Sentence splitting with character offsets into the original text.

A fast rule-based splitter: a sentence ends at `.`, `!` or `?` (with any closing quotes and brackets) followed by
white space and an upper-case letter, digit or opening quote, unless the word before is a known abbreviation or an
initial; paragraph breaks always end a sentence. It never reads more than the text and returns offsets only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.text.paragraphs import paragraphs

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev col lt sgt capt cmdr adm maj pres supt
    inc corp co ltd llc plc bros dept univ assn est approx vs etc al no nos vol pp fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u a.m p.m i.e e.g d.c n.y l.a u.s.a ph.d""".split()
)
_END = re.compile(r"""[.!?]+['"\u2019\u201d)\]]*(?=\s+['"\u2018\u201c(\[]?[A-Z0-9])|\n\s*\n""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True)
class Sentence:
    """A sentence's position: `text[start:end]`, and the paragraph it belongs to."""

    index: int
    start: int
    end: int
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if match is None:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or len(word) == 1 or (len(word) <= 4 and "." in word)


def _split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    position = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] == "." and match.end() - match.start() == 1 and _is_abbreviation(text, match.start()):
            continue
        yield position, stop
        position = stop
    yield position, end


def sentences(text: str) -> Iterator[Sentence]:
    """Yield the sentences of `text` in order; `text[s.start:s.end]` has no outer white space."""
    index = 0
    for paragraph in paragraphs(text):
        for start, stop in _split(text, paragraph.start, paragraph.end):
            chunk = text[start:stop]
            stripped = chunk.strip()
            if not stripped:
                continue
            begin = start + len(chunk) - len(chunk.lstrip())
            yield Sentence(index, begin, begin + len(stripped), paragraph.index)
            index += 1
