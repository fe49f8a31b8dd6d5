"""Normalization that never moves an offset.

`clean` runs once at ingest and defines the stored text: every offset in dateline points into that text.
`fold` maps a text to one of the same length (typographic quotes and dashes to ASCII, odd spaces to a space), so a
match found in the folded text is at the same offsets in the stored one.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
    "\u2026": ".",
})


def clean(text: str) -> str:
    """The stored form of an article text: NFC, Unix newlines, no control characters, no outer blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text).strip()


def fold(text: str) -> str:
    """Same length, ASCII punctuation: for matching only, never for storing.

    >>> fold("Mission: Impossible \u2013 Dead Reckoning") == "Mission: Impossible - Dead Reckoning"
    True
    """
    return text.translate(_FOLD)
