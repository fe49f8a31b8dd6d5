"""The query side of timelines: the dated sentences a timeline about a query or an entity can be made of.

A sentence is a candidate when it matches every filter given (all query words, the entity), or when it reports
the same happening as one that does (an event groups them): "the picture streaks into theaters next week" joins
"Dead Reckoning premieres on July 12th". Each candidate is dated by its own day-precision date, else by the day
of its event (a week-precision "next week" inside an event on July 12th is about July 12th); coarser dates that no
event pins to a day are left out, since a timeline is made of days.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date

from dateline.asof import as_of_bound
from dateline.entities import find_entity
from dateline.entities.resolve import locate
from dateline.errors import Code, QueryError
from dateline.events.record import events_from, query_words, sentence_matches
from dateline.store.events import Report, entity_sentences, known_reports
from dateline.timeline.summarize import Candidate

_PLAIN_WORD = re.compile(r"[a-z0-9]+")
MAX_LISTED_SENTENCES = 200_000


def _entity_sentences(conn: sqlite3.Connection, name: str, as_of: str | None) -> set[tuple[str, int]]:
    """The sentences naming the entity that goes by `name` as of `as_of` (its names and articles known then)."""
    entity = find_entity(conn, name, as_of=as_of)
    located = locate(conn, entity.id, as_of_bound(as_of)) if entity else None
    if located is None:
        raise QueryError(f"no entity named {name!r} is known{' as of ' + as_of if as_of else ''}; "
                         "try `dateline entities` to list them", code=Code.UNKNOWN_ENTITY)
    stored, groups = located
    return entity_sentences(conn, stored, {(g.article_id, g.local) for g in groups})


def _candidate(report: Report, day: date) -> Candidate:
    return Candidate(day, report.text, report.mention.article_id, report.mention.sentence,
                     date.fromisoformat(report.published_day), report.source, report.first_seen_at,
                     report.mention.rule.value)


def _word_sentences(conn: sqlite3.Connection, words: list[str]) -> set[tuple[str, int]] | None:
    """The sentences with event mentions in the articles whose text holds every word, found through the search
    index instead of reading every article; None unless the words are plain ASCII letters and digits, or when
    those articles have more than `MAX_LISTED_SENTENCES` such sentences (a list that long costs more memory than
    reading the texts does).

    A sentence holding each word as a whole word (`sentence_matches`) is in such an article: FTS5 cuts text into
    words at the same places for these words. The articles of every version are kept; `known_reports` keeps the
    versions current as of the date.
    """
    if not words or not all(_PLAIN_WORD.fullmatch(word) for word in words):
        return None
    match = " AND ".join(f'{{body}} : "{word}"' for word in words)
    articles = [row[0] for row in conn.execute(
        "SELECT d.article_id FROM search_fts f JOIN search_docs d ON d.doc = f.rowid WHERE search_fts MATCH ?",
        (match,))]
    rows = conn.execute("SELECT DISTINCT article_id, sentence FROM event_mentions"
                        " WHERE article_id IN (SELECT value FROM json_each(?)) LIMIT ?",
                        (json.dumps(articles), MAX_LISTED_SENTENCES + 1))
    found = {(article_id, sentence) for article_id, sentence in rows}
    return found if len(found) <= MAX_LISTED_SENTENCES else None


def timeline_candidates(conn: sqlite3.Connection, query: str | None = None, *, entity: str | None = None,
                        start: date | None = None, end: date | None = None, as_of: str | None = None
                        ) -> list[Candidate]:
    """The dated sentences known as of `as_of` about `query` and/or `entity`, dated within `[start, end]`."""
    words = query_words(query)
    naming = _entity_sentences(conn, entity, as_of) if entity else None
    holding = _word_sentences(conn, words)
    if holding is not None:
        naming = holding if naming is None else naming & holding
    reports = known_reports(conn, as_of=as_of, words=words, sentences=naming)  # only `naming`'s sentences
    seeds = {i: r for i, r in reports.items() if not words or sentence_matches(r.text, words)}
    events = events_from(conn, seeds, as_of)
    chosen: dict[tuple[str, int, date], Candidate] = {}
    for event in events:
        for report in event.mentions:
            m = report.mention
            day = m.earliest if m.width == 1 else event.day
            if day is not None and (start is None or day >= start) and (end is None or day <= end):
                chosen.setdefault((m.article_id, m.sentence, day), _candidate(report, day))
    return sorted(chosen.values(), key=lambda c: (c.date, c.first_seen_at, c.article_id, c.sentence))
