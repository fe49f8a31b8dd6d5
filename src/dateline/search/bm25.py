"""BM25 with the statistics of the corpus as it was known on the as-of date.

FTS5's built-in `bm25()` counts every indexed version, including articles first seen after the as-of date and
superseded revisions, so its scores (and therefore the ranking) would leak the future. Here the document count, the
mean length and each term's document frequency are those of the versions current as of the date, so a search
as of X ranks exactly as a store that only ever saw those articles would.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 2  # a word in the title counts as this many occurrences in the text


def known_sql(alias: str = "d") -> str:
    """SQL condition on `search_docs` rows: the version is current as of the named parameter `:bound`.

    With `:bound` NULL this is "current now" (not replaced by a later revision).
    """
    return (f"((:bound IS NULL AND {alias}.gone_at IS NULL) OR ({alias}.first_seen_at <= :bound AND "
            f"({alias}.gone_at IS NULL OR {alias}.gone_at > :bound)))")


@dataclass(frozen=True)
class CorpusStats:
    """How many versions were current as of a date, and how many tokens they hold."""

    docs: int
    tokens: int

    @property
    def mean_length(self) -> float:
        return self.tokens / self.docs if self.docs else 0.0


def corpus_stats(conn: sqlite3.Connection, bound: str | None) -> CorpusStats:
    """Current versions and their tokens as of the `first_seen_at` bound (None: everything stored)."""
    if bound is None:
        docs, total = conn.execute("SELECT coalesce(sum(docs), 0), coalesce(sum(tokens), 0) FROM search_days"
                                   ).fetchone()
        return CorpusStats(int(docs), int(total))
    day = bound[:10]
    docs, total = conn.execute(
        "SELECT coalesce(sum(docs), 0), coalesce(sum(tokens), 0) FROM search_days WHERE day < ?", (day,)
    ).fetchone()
    seen, seen_tokens = conn.execute(
        "SELECT count(*), coalesce(sum(length), 0) FROM search_docs WHERE first_seen_at >= ? AND first_seen_at <= ?",
        (day, bound),
    ).fetchone()
    gone, gone_tokens = conn.execute(
        "SELECT count(*), coalesce(sum(length), 0) FROM search_docs WHERE gone_at >= ? AND gone_at <= ?",
        (day, bound),
    ).fetchone()
    return CorpusStats(int(docs + seen - gone), int(total + seen_tokens - gone_tokens))


def term_frequencies(conn: sqlite3.Connection, term: str, bound: str | None) -> dict[int, int]:
    """For every version current as of `bound` that contains `term` (title or text): doc -> weighted count."""
    rows = conn.execute(
        f"SELECT v.doc, sum(CASE v.col WHEN 'title' THEN {TITLE_WEIGHT} ELSE 1 END) FROM search_vocab v"
        f" JOIN search_docs d ON d.doc = v.doc WHERE v.term = :term AND v.col != 'source' AND {known_sql()}"
        " GROUP BY v.doc",
        {"term": term, "bound": bound},
    )
    return dict(rows.fetchall())


def idf(docs: int, frequency: int) -> float:
    """Robertson-Sparck Jones inverse document frequency, kept positive (as in Lucene and FTS5)."""
    return math.log(1.0 + (docs - frequency + 0.5) / (frequency + 0.5))


def scores(conn: sqlite3.Connection, terms: Iterable[str], lengths: dict[int, int], bound: str | None
           ) -> dict[int, float]:
    """BM25 score of each doc in `lengths` (doc -> length) for `terms`, with statistics as of `bound`."""
    stats = corpus_stats(conn, bound)
    mean = stats.mean_length or 1.0
    result = dict.fromkeys(lengths, 0.0)
    for term in terms:
        frequencies = term_frequencies(conn, term, bound)
        weight = idf(stats.docs, len(frequencies))
        for doc, length in lengths.items():
            count = frequencies.get(doc)
            if count:
                result[doc] += weight * count * (K1 + 1) / (count + K1 * (1 - B + B * length / mean))
    return result
