"""Words as the search index sees them.

The FTS5 index uses the `unicode61` tokenizer with diacritics removed; `tokens` reproduces it in Python (letters
and digits, case- and accent-folded) so that document lengths, query terms and snippets agree with what FTS5 indexed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_TOKEN = re.compile(r"[^\W_]+")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def is_ascii_token(word: str) -> bool:
    """Whether `word` is lower-case ASCII letters and digits only, as the tokenizer writes ASCII words: wherever
    such a word stands in a text as a whole word (`\\b` on both sides, any case), it is one of the text's indexed
    words."""
    return _ASCII_TOKEN.fullmatch(word) is not None


def fold_token(word: str) -> str:
    """Lower case without diacritics: `Café` -> `cafe`."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Each indexed word of `text` (folded) with its start and end offsets in `text`."""
    if text.isascii():
        for match in _ASCII_TOKEN.finditer(text.lower()):
            yield match.group(), match.start(), match.end()
        return
    for match in _TOKEN.finditer(text):
        yield fold_token(match.group()), match.start(), match.end()


def tokens(text: str) -> list[str]:
    """The indexed words of `text`, folded, in order.

    >>> tokens("Hayley Atwell's drifting, in Rome!")
    ['hayley', 'atwell', 's', 'drifting', 'in', 'rome']
    """
    if text.isascii():
        return _ASCII_TOKEN.findall(text.lower())
    return [fold_token(match.group()) for match in _TOKEN.finditer(text)]
