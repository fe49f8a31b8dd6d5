"""Term frequencies from FTS5, without scanning a term's whole posting list.

FTS5 does not expose how often a term occurs in a row, but its `bm25()` is a known function of that count, the
row's size and index-wide statistics, all of which FTS5 keeps in its shadow tables (`search_fts_data` row 1: the
row count and token totals; `search_fts_docsize`: each row's size per column). Solving bm25 for the count gives it
back exactly (it is an integer: title occurrences weigh `TITLE_WEIGHT`, text 1, source 0).

The formula is FTS5's (fts5_aux.c): idf = ln((N - n + 0.5) / (n + 0.5)), at least 1e-6;
score = idf * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl)), k1 = 1.2, b = 0.75, returned negated.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from functools import cached_property

from dateline.search import frequencies
from dateline.search.frequencies import Postings
from dateline.search.visibility import Visible, count_matches

TITLE_WEIGHT = 2
_K1 = 1.2
_B = 0.75
ROW_COST = 50  # reading one row's bm25 costs about what walking 50 postings does (1M articles: p95 -4 ms)


def _varint_sum(blob: bytes) -> int:
    """The sum of the varints in `blob` (row sizes are small: one or two bytes each, longer ones decoded)."""
    if max(blob, default=0) < 0x80:
        return sum(blob)
    return sum(_varints(blob))


def _varints(blob: bytes) -> list[int]:
    """SQLite's big-endian varints (7 bits a byte, a 9th byte of 8 bits), as FTS5 writes its statistics."""
    values, at = [], 0
    while at < len(blob):
        value = 0
        for position in range(9):
            byte = blob[at]
            at += 1
            if position == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        values.append(value)
    return values


def totals(conn: sqlite3.Connection) -> tuple[int, int]:
    """FTS5's row count and total tokens (all columns)."""
    row = conn.execute("SELECT block FROM search_fts_data WHERE id = 1").fetchone()
    if row is None:
        return 0, 0
    values = _varints(bytes(row[0]))
    return values[0], sum(values[1:])


def sizes(conn: sqlite3.Connection, docs: Iterable[int]) -> dict[int, int]:
    """Each row's size in tokens (all columns), as FTS5 counted it."""
    rows = conn.execute("SELECT id, sz FROM search_fts_docsize WHERE id IN (SELECT value FROM json_each(?))",
                        (f"[{','.join(map(str, docs))}]",))
    return {doc: _varint_sum(bytes(blob)) for doc, blob in rows}


class TermCounter:
    """Counts query words in a set of matching rows (`docs`, ascending, all matching the FTS5 expression `match`).

    Two ways to read one word's count from bm25, both exact: score the word alone over the rows' rowid range (reads
    every row of the range holding the word), or score `match` with and without the word added as one more phrase
    and take the difference (reads only the rows, but FTS5 passes over every phrase's postings again to weigh them).
    `counts` picks the cheaper from the word's `Postings`.
    """

    def __init__(self, conn: sqlite3.Connection, match: str, docs: list[int]) -> None:
        self.conn, self.match, self.docs = conn, match, docs
        self.wanted = frozenset(docs)
        self._base: dict[int, float] | None = None

    @cached_property
    def row_sizes(self) -> dict[int, int]:
        return sizes(self.conn, self.docs)

    @cached_property
    def _totals(self) -> tuple[int, float]:
        rows, tokens = totals(self.conn)
        return rows, (tokens / rows if rows else 1.0)

    def _scores(self, expression: str) -> dict[int, float]:
        found = self.conn.execute(
            f"SELECT rowid, bm25(search_fts, {TITLE_WEIGHT}.0, 1.0, 0.0) FROM search_fts WHERE search_fts MATCH ?"
            " AND rowid BETWEEN ? AND ?", (expression, self.docs[0], self.docs[-1]))
        return {doc: -score for doc, score in found if doc in self.wanted}

    def _count(self, expression: str, condition: str = "", *values: int | str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM search_fts WHERE search_fts MATCH ?{condition}",
                                     (expression, *values)).fetchone()[0])

    def postings(self, term: str, seen: Visible) -> Postings:
        """Count `term`'s postings: all, visible (`seen`), and within the scored rows' range. A word tracked by
        `frequencies` is counted from its periods; any other is counted by FTS5, fastest with one rowid bound a
        statement."""
        low, high = (self.docs[0], self.docs[-1]) if self.docs else (0, -1)
        tracked = frequencies.counts(self.conn, term, seen, low, high)
        if tracked is not None:
            return tracked
        phrase = f'"{term}"'
        everywhere = self._count(phrase)
        visible = count_matches(self.conn, phrase, seen)
        in_range = self._count(phrase, " AND rowid BETWEEN ? AND ?", low, high) if self.docs else 0
        return Postings(everywhere, visible, in_range)

    def _direct_cost(self, postings: Postings) -> int:
        return ROW_COST * postings.in_range

    def _difference_cost(self, postings: Postings, query_postings: int) -> int:
        return ROW_COST * (len(self.docs) + 500) + query_postings + postings.everywhere

    def cost(self, postings: Postings, query_postings: int) -> int:
        """What `counts` costs for a word with these `Postings`, in postings walked (the cheaper way)."""
        return min(self._direct_cost(postings), self._difference_cost(postings, query_postings))

    def counts(self, term: str, postings: Postings, query_postings: int, *, by_difference: bool | None = None
               ) -> dict[int, int]:
        """Weighted occurrences of `term` (a folded word) in each row, 0 where it is absent.

        `query_postings` is the number of postings of all the query's words (what a difference costs FTS5);
        `by_difference` forces one way of reading the counts (None: the cheaper).
        """
        found = dict.fromkeys(self.docs, 0)
        if not self.docs:
            return found
        phrase = f'"{term}"'
        hits = postings.everywhere
        rows, mean = self._totals
        idf = max(math.log((rows - hits + 0.5) / (hits + 0.5)), 1e-6)
        if by_difference is None:
            by_difference = self._direct_cost(postings) > self._difference_cost(postings, query_postings)
        if not by_difference:
            contributions = self._scores(phrase)
        else:
            if self._base is None:
                self._base = self._scores(self.match)
            base = self._base
            contributions = {doc: score - base[doc] for doc, score in self._scores(f"({self.match}) AND {phrase}")
                             .items()}
        for doc, s in contributions.items():
            if s > 0:
                norm = _K1 * (1 - _B + _B * self.row_sizes[doc] / mean)
                found[doc] = round(s * norm / (idf * (_K1 + 1) - s))
        return found
