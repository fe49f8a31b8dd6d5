"""Term frequencies counted in the stored text of the rows being ranked, where that is exactly what FTS5 counts.

`fts5.TermCounter` recovers a word's count in each row from FTS5's bm25, which walks the word's whole posting list
(to weigh it) or reads every row of the range holding it: tens of milliseconds for a common word in a million
articles. The rows ranked are at most a few hundred, so reading their title and text and finding the word in them
costs a few milliseconds whatever the word. It is exact for ASCII rows and ASCII words: FTS5's `unicode61`
tokenizer then cuts at every character but an ASCII letter or digit and only folds case, as `terms.tokens` does.
Other rows, and other words, are left to `fts5.TermCounter`.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right

from dateline.search.fts5 import TITLE_WEIGHT
from dateline.search.terms import is_ascii_token

# Costs in FTS5 postings walked (about 50 ns each, see `fts5.TermCounter.counts`), measured on 1M Reuters articles.
READ_COST = 150  # reading and lower-casing one row's title and text (about 8 us)
FIND_COST = 60  # looking for one word in one row (about 3 us)

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class TextCounter:
    """Weighted occurrences of words in the ASCII rows among `docs` (title `TITLE_WEIGHT`, text 1, source 0).

    The rows are read on the first `counts`; `others` are the rows it cannot count (not ASCII).
    """

    def __init__(self, conn: sqlite3.Connection, docs: list[int]) -> None:
        self.conn, self.docs = conn, docs
        self._text = ""
        self._starts: list[int] = []
        self._owners: list[tuple[int, int]] = []  # (doc, weight) of each part of `_text`
        self.others: list[int] = []
        self._read = False

    @staticmethod
    def countable(term: str) -> bool:
        """Whether `term` is one word FTS5 folds as we do in ASCII text (letters and digits)."""
        return is_ascii_token(term)

    def cost(self, terms: int) -> int:
        """What counting `terms` more words costs, in postings (reading the rows the first time included)."""
        return len(self.docs) * (FIND_COST * terms + (0 if self._read else READ_COST))

    def _load(self) -> None:
        rows = self.conn.execute(
            "SELECT d.doc, a.title, a.text FROM search_docs d JOIN articles a ON a.id = d.article_id"
            " WHERE d.doc IN (SELECT value FROM json_each(?))", (json.dumps(self.docs),))
        parts: list[str] = []
        at = 0
        for doc, title, text in rows:
            if not (text.isascii() and (title or "").isascii()):
                self.others.append(doc)
                continue
            for part, weight in ((title or "", TITLE_WEIGHT), (text, 1)):
                self._starts.append(at)
                self._owners.append((doc, weight))
                parts.append(part)
                at += len(part) + 1
        self.others.sort()
        self._text = "\n".join(parts).lower()
        self._read = True

    def counts(self, term: str) -> dict[int, int]:
        """doc -> weighted occurrences of `term` (a `countable` word) in each ASCII row, 0 where it is absent."""
        if not self._read:
            self._load()
        found = dict.fromkeys((doc for doc, _ in self._owners), 0)
        text, size, chars = self._text, len(term), _WORD_CHARS
        at = text.find(term)
        while at >= 0:
            end = at + size
            if (at == 0 or text[at - 1] not in chars) and (end == len(text) or text[end] not in chars):
                doc, weight = self._owners[bisect_right(self._starts, at) - 1]
                found[doc] += weight
            at = text.find(term, end)
        return found
