"""BM25 with the statistics of the corpus as it was known on the as-of date.

FTS5's built-in `bm25()` counts every indexed version, including articles first seen after the as-of date and
superseded revisions, so its scores (and therefore the ranking) would leak the future. Here the document count, the
mean length and each word's document frequency (versions holding it in any field) are those of the versions visible
as of the date (`visibility`), so
a search as of X ranks exactly as a store that only ever saw those articles would. Term counts come from the
ranked rows' text where that is exact and cheaper (`textcounts`), else from FTS5 (`fts5.TermCounter`); lengths
from `search_docs` (words of title and text).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.search import fts5, textcounts
from dateline.search.visibility import Visible

K1 = 1.2
B = 0.75


def known_sql(alias: str = "d") -> str:
    """SQL condition on `search_docs` rows: the version is current as of the named parameter `:bound`.

    With `:bound` NULL this is "current now" (not replaced by a later revision).
    """
    return (f"((:bound IS NULL AND {alias}.gone_at IS NULL) OR ({alias}.first_seen_at <= :bound AND "
            f"({alias}.gone_at IS NULL OR {alias}.gone_at > :bound)))")


@dataclass(frozen=True)
class CorpusStats:
    """How many versions were current as of a date, and how many words they hold."""

    docs: int
    tokens: int

    @property
    def mean_length(self) -> float:
        return self.tokens / self.docs if self.docs else 0.0


def corpus_stats(conn: sqlite3.Connection, bound: str | None) -> CorpusStats:
    """Current versions and their words as of the `first_seen_at` bound (None: everything stored)."""
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


def idf(docs: int, frequency: int) -> float:
    """Robertson-Sparck Jones inverse document frequency, kept positive (as in Lucene)."""
    return math.log(1.0 + (docs - frequency + 0.5) / (frequency + 0.5))


def scores(conn: sqlite3.Connection, match: str, terms: Iterable[str], lengths: dict[int, int],
           bound: str | None, seen: Visible) -> dict[int, float]:
    """BM25 score for `terms` of each doc in `lengths` (doc -> length; all matching the FTS5 expression `match`),
    with statistics as of `bound`."""
    stats = corpus_stats(conn, bound)
    mean = stats.mean_length or 1.0
    result = dict.fromkeys(lengths, 0.0)
    docs = sorted(lengths)
    if not docs:
        return result
    counter = fts5.TermCounter(conn, match, docs)
    postings = {term: counter.postings(term, seen) for term in terms}
    query_postings = sum(p.everywhere for p in postings.values())
    text = textcounts.TextCounter(conn, docs)
    others: fts5.TermCounter | None = None  # for the rows `text` cannot count: made once, its reads shared
    for term in terms:
        weight = idf(stats.docs, postings[term].visible)
        if text.countable(term) and text.cost(1) < counter.cost(postings[term], query_postings):
            counts = text.counts(term)
            if text.others:
                if others is None:
                    others = fts5.TermCounter(conn, match, text.others)
                counts.update(others.counts(term, others.postings(term, seen), query_postings))
        else:
            counts = counter.counts(term, postings[term], query_postings)
        for doc in docs:
            count = counts[doc]
            if count:
                result[doc] += weight * count * (K1 + 1) / (count + K1 * (1 - B + B * lengths[doc] / mean))
    return result
