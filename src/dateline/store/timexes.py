"""The `timexes` table: every time expression of every article, with the sentence that holds it."""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Sequence

from dateline.temporal.timex import Timex
from dateline.text import Sentence


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int | None:
    """Index of the sentence holding character `offset` (the nearest one starting before it), or None."""
    starts = [s.start for s in sentences]
    position = bisect_right(starts, offset) - 1
    return sentences[position].index if position >= 0 else None


def timex_rows(article_id: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]) -> list[tuple[object, ...]]:
    """The `timexes` rows of one article, in text order (as `put_timexes` stores them and analysis shards hold
    them)."""
    return [(article_id, i, t.start, t.end, t.text, t.type, t.value, t.mod, t.quant, t.freq, t.anchor, t.earliest,
             t.latest, sentence_of(sentences, t.start)) for i, t in enumerate(timexes)]


def put_timexes(conn: sqlite3.Connection, article_id: str, timexes: list[Timex], sentences: list[Sentence]) -> None:
    """Store one article's timexes (in text order) in the caller's transaction."""
    conn.executemany(
        "INSERT INTO timexes (article_id, idx, start, end, text, type, value, mod, quant, freq, anchor, earliest,"
        " latest, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        timex_rows(article_id, timexes, sentences))


def get_timexes(conn: sqlite3.Connection, article_id: str) -> list[Timex]:
    """One article's timexes, in text order."""
    rows = conn.execute(
        "SELECT start, end, text, type, value, mod, quant, freq, anchor, earliest, latest FROM timexes"
        " WHERE article_id = ? ORDER BY idx", (article_id,)
    ).fetchall()
    return [Timex(*tuple(row)) for row in rows]
