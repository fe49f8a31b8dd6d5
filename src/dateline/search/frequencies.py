"""Document frequencies of common words by period, so a word's as-of document count is a short sum.

FTS5 counts the rows holding a word by walking the word's whole posting list (about 50 ns a posting), so counting
a common word among the versions visible as of a date costs tens of milliseconds in a million articles. For the
words `track` picked (those in at least `MIN_DOCS` versions), `search_word_periods` keeps how many indexed versions
first seen in each period hold the word (in any field). A period is `PERIOD_SHIFT` bits of doc number: doc numbers
follow first-seen seconds (`index.doc_range`), so a period is 2^20 seconds (about 12 days) of first-seen time.

The versions holding a word that are visible as of X (`visibility`: docs up to `upto`, minus `hidden`) are then the
sum over the periods before `upto`'s, plus an FTS5 count over the start of `upto`'s period (a few days of postings),
minus the hidden versions holding it. `index_article` keeps the counts in the ingest transaction (`record`); words
not tracked are counted by FTS5 over their postings, exactly as before, so the table is only ever a shortcut.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.search.terms import tokens

if TYPE_CHECKING:  # visibility imports index, which imports this module
    from dateline.search.visibility import Visible

PERIOD_SHIFT = 44  # doc numbers are seconds * 2^24: a period is 2^20 seconds
MIN_DOCS = 2000  # a word in fewer versions costs FTS5 at most ~0.1 ms to count


@dataclass(frozen=True)
class Postings:
    """Versions holding a word: all indexed ones, those visible as of the search's date, and those within the doc
    range of the rows being scored (for a tracked word, those of the whole periods the range touches: an upper
    bound, enough to choose how to read its counts)."""

    everywhere: int
    visible: int
    in_range: int


def period_start(doc: int) -> int:
    """The first doc number of `doc`'s period."""
    return (doc >> PERIOD_SHIFT) << PERIOD_SHIFT


def record(conn: sqlite3.Connection, doc: int, *fields: str) -> None:
    """Count a newly indexed version (`doc`, with the text of its indexed fields) for the tracked words it holds."""
    words = sorted(set().union(*(tokens(field) for field in fields)))
    conn.execute(
        "INSERT INTO search_word_periods (word, period, docs) SELECT value, ?, 1 FROM json_each(?)"
        " WHERE value IN (SELECT word FROM search_word_periods) ON CONFLICT (word, period) DO UPDATE SET"
        " docs = docs + 1", (doc >> PERIOD_SHIFT, json.dumps(words)))


def track(conn: sqlite3.Connection, min_docs: int = MIN_DOCS) -> int:
    """(Re)count by period every word indexed in at least `min_docs` versions; return how many words are tracked.

    Reads the whole FTS5 index once (seconds for 100k articles, about a minute for a million): run it after a bulk
    load, and again from time to time as new words become common. Call it inside the caller's transaction.
    """
    conn.execute("DELETE FROM search_word_periods")
    words = [row[0] for row in conn.execute("SELECT term FROM search_vocab_rows WHERE doc >= ?", (min_docs,))]
    for word in words:
        conn.execute(
            f"INSERT INTO search_word_periods (word, period, docs) SELECT ?, rowid >> {PERIOD_SHIFT}, count(*)"
            " FROM search_fts WHERE search_fts MATCH ? GROUP BY 2", (word, f'"{word}"'))
    return len(words)


def maybe_track(conn: sqlite3.Connection, min_docs: int = MIN_DOCS) -> int | None:
    """`track` again when the index has at least doubled since the last time (and can hold a common word).

    Ingest calls it at the end of every run, so a store keeps its common-word counts without anyone scheduling it;
    doubling keeps the total recounting work within twice that of one final `track`. Returns the number of words
    tracked, or None when nothing was due.
    """
    versions = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    last = conn.execute("SELECT max(versions) FROM search_track_state").fetchone()[0] or 0
    if versions < min_docs or versions < 2 * last:
        return None
    tracked = track(conn, min_docs)
    conn.execute("DELETE FROM search_track_state")
    conn.execute("INSERT INTO search_track_state (versions) VALUES (?)", (versions,))
    return tracked


def counts(conn: sqlite3.Connection, word: str, seen: Visible, low: int, high: int) -> Postings | None:
    """The `Postings` of `word` (a folded word), scored rows within docs `low`..`high`; None when it is not tracked."""
    everywhere, before, in_range = conn.execute(
        "SELECT sum(docs), coalesce(sum(docs) FILTER (WHERE period < :upto), 0), coalesce(sum(docs) FILTER (WHERE"
        " period BETWEEN :low AND :high), 0) FROM search_word_periods WHERE word = :word",
        {"upto": seen.upto >> PERIOD_SHIFT, "low": low >> PERIOD_SHIFT, "high": high >> PERIOD_SHIFT, "word": word}
    ).fetchone()
    if everywhere is None:
        return None
    phrase = f'"{word}"'
    visible = before + conn.execute(
        "SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid >= ? AND rowid <= ?",
        (phrase, period_start(seen.upto), seen.upto)).fetchone()[0]
    if seen.hidden:
        visible -= conn.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
            (phrase, seen.hidden_json())).fetchone()[0]
    return Postings(int(everywhere), int(visible), int(in_range))
