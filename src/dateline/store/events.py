"""Event mentions and their "same happening" links in the store: write them, and read them back as of a date."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from dateline.asof import as_of_bound
from dateline.events.dating import EventMention, Rule
from dateline.store.articles import current_filter


@dataclass(frozen=True)
class Report:
    """A stored event mention, with what readers need of its sentence and article. (Its row id, which depends on
    the order things were stored, is not part of it: readers get it as the key of `known_reports`.)"""

    mention: EventMention
    text: str
    source: str | None
    title: str | None
    published: str
    published_day: str
    first_seen_at: str


def mention_rows(mentions: Iterable[EventMention]) -> list[tuple[object, ...]]:
    """The `event_mentions` rows (without ids) of these mentions (as `put_event_mentions` stores them and analysis
    shards hold them)."""
    return [(m.article_id, m.sentence, m.k, m.earliest.isoformat(), m.latest.isoformat(), m.width, m.value,
             m.precision, m.rule.value, m.timex, int(m.future), " ".join(sorted(m.terms))) for m in mentions]


def put_event_mentions(conn: sqlite3.Connection, mentions: Iterable[EventMention]) -> None:
    """Store one article's dated mentions."""
    conn.executemany(
        "INSERT INTO event_mentions (article_id, sentence, k, earliest, latest, width, value, precision, rule,"
        " timex_idx, future, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mention_rows(mentions))


_COLUMNS = ("m.id, m.article_id, m.sentence, m.k, m.earliest, m.latest, m.value, m.precision, m.rule, m.timex_idx,"
            " m.future, m.terms")


_RULES = {rule.value: rule for rule in Rule}


_day = lru_cache(maxsize=1 << 16)(date.fromisoformat)  # a graph walk reads 100,000s of mentions on few days


def _mention(row: Sequence[Any]) -> EventMention:
    """The mention in a row of `_COLUMNS` (a tuple or a `sqlite3.Row`, read by position)."""
    _, article_id, sentence, k, earliest, latest, value, precision, rule, timex, future, terms = row[:12]
    return EventMention(article_id, sentence, k, _day(earliest), _day(latest), value, precision, _RULES[rule], timex,
                        bool(future), frozenset(terms.split()))


def mentions_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[int, EventMention]:
    """The mentions of these articles, by row id."""
    found: dict[int, EventMention] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT {_COLUMNS} FROM event_mentions m WHERE m.article_id IN ({marks})", chunk)
        found.update((row["id"], _mention(row)) for row in rows)
    return found


def mentions_with_ids(conn: sqlite3.Connection, ids: Collection[int]) -> dict[int, EventMention]:
    """These stored mentions, by row id (ids not stored are left out)."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a walk reads 100,000s of rows
    rows = cursor.execute(f"SELECT {_COLUMNS} FROM event_mentions m WHERE m.id IN (SELECT value FROM json_each(?))",
                          (json.dumps(sorted(ids)),))
    return {row[0]: _mention(row) for row in rows}


def mentions_after(conn: sqlite3.Connection, after: int, limit: int) -> dict[int, EventMention]:
    """Up to `limit` stored mentions with a row id above `after`, by row id: the whole table, a chunk at a time."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM event_mentions m WHERE m.id > ? ORDER BY m.id LIMIT ?",
                        (after, limit))
    return {row["id"]: _mention(row) for row in rows}


def terms_with_ids(conn: sqlite3.Connection, ids: Collection[int]) -> dict[int, frozenset[str]]:
    """The content words of these stored mentions, by row id: all a first check of many candidates needs."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute("SELECT id, terms FROM event_mentions WHERE id IN (SELECT value FROM json_each(?))",
                          (json.dumps(sorted(ids)),))
    return {key: frozenset(terms.split()) for key, terms in rows}


Posting = tuple[str, int, int, int, int, int]  # word, first day, mention id, last day, words of the mention, head

# Days of one period of the word index, its first key (migration 0021): look-ups and new entries fall in the few
# periods around the dates of new articles, so their pages stay cached as the index grows. Longer than the widest
# mention indexed (`events.grouping.MAX_GROUP_WIDTH`), so a look-up spans at most three periods.
WORD_PERIOD = 32


def put_words(conn: sqlite3.Connection, postings: Iterable[Posting]) -> None:
    """Index mentions under words (days as date ordinals; see migrations 0016 and 0021)."""
    conn.executemany("INSERT OR IGNORE INTO event_words (period, word, wide, first, mention, last, n, head)"
                     f" VALUES (?2 / {WORD_PERIOD}, ?1, ?2 < ?4, ?2, ?3, ?4, ?5, ?6)", postings)


def words_complete(conn: sqlite3.Connection) -> bool:
    """Whether every stored mention is indexed in `event_words` (not yet, in a store made before it existed)."""
    return bool(conn.execute("SELECT complete FROM event_words_state").fetchone()[0])


def mark_words_complete(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE event_words_state SET complete = 1")


def sharing_words(conn: sqlite3.Connection, probes: Iterable[Posting], max_width: int, shared: int
                  ) -> list[tuple[int, int]]:
    """The (probe mention, stored mention) pairs found through the index `shared` times or more: each time, the
    stored mention is indexed under a word of the probe, its days overlap the probe's, and the word is a `head`
    word of the one with fewer words (the probe on a tie). A single-day stored mention is looked up on the probe's
    days; a wider one (at most `max_width` days) among those starting up to that many days before."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a batch finds tens of thousands of pairs
    cursor.execute("CREATE TEMP TABLE IF NOT EXISTS event_probe (period INTEGER, wide INTEGER, word TEXT, low INTEGER,"
                   " first INTEGER, mention INTEGER, last INTEGER, n INTEGER, head INTEGER)")
    cursor.executemany("INSERT INTO temp.event_probe (period, wide, word, low, first, mention, last, n, head)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", _probe_rows(probes, max_width - 1))
    try:
        return cursor.execute(
            "SELECT p.mention, w.mention FROM temp.event_probe p CROSS JOIN event_words w"
            " ON w.period = p.period AND w.word = p.word AND w.wide = p.wide AND w.first BETWEEN p.low AND p.last"
            " WHERE w.last >= p.first AND ((p.head AND w.n >= p.n) OR (w.head AND w.n < p.n))"
            " GROUP BY p.mention, w.mention HAVING count(*) >= ?", (shared,)).fetchall()
    finally:
        cursor.execute("DELETE FROM temp.event_probe")


def _probe_rows(probes: Iterable[Posting], before: int) -> Iterator[tuple[int, int, str, int, int, int, int, int, int]]:
    """Each probe once for single-day entries (starting on its days) and once for wider ones (starting up to
    `before` days earlier), in each index period those starts fall in: (period, wide, word, lowest start, first,
    mention, last, n, head). Every stored entry lies in one period, so it is found at most once for each."""
    for word, first, mention, last, n, head in probes:
        for wide, low in ((0, first), (1, first - before)):
            for period in range(low // WORD_PERIOD, last // WORD_PERIOD + 1):
                yield period, wide, word, low, first, mention, last, n, head


def put_links(conn: sqlite3.Connection, links: Iterable[tuple[int, int, int, int]]) -> None:
    """Record the evidence that two mentions may report the same happening: (a, b, shared words, words of the
    shorter), stored once with the smaller id first."""
    conn.executemany("INSERT OR IGNORE INTO event_links (a, b, shared, smaller) VALUES (?, ?, ?, ?)",
                     [(min(a, b), max(a, b), shared, smaller) for a, b, shared, smaller in links])


def links_touching(conn: sqlite3.Connection, ids: Iterable[int]) -> list[tuple[int, int, int, int]]:
    """The links (a, b, shared, smaller) with at least one end in `ids` (the other end known or not: callers
    restrict to what is known). One query: the ids go in as one JSON list, each end searched through its index."""
    listed = json.dumps(sorted(set(ids)))
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: this read returns tens of thousands of rows
    rows = cursor.execute(
        "SELECT a, b, shared, smaller FROM event_links WHERE a IN (SELECT value FROM json_each(?)) AND smaller > 0"
        " UNION SELECT a, b, shared, smaller FROM event_links WHERE b IN (SELECT value FROM json_each(?))"
        " AND smaller > 0", (listed, listed))
    return sorted(rows)


def known_mentions(conn: sqlite3.Connection, ids: Collection[int], as_of: str | None) -> dict[int, EventMention]:
    """These stored mentions whose article is the revision current as of `as_of`, by row id; no text is read, so
    a walk through the links can visit many more mentions than it will show."""
    where, params = current_filter(as_of)
    current = {row[0] for row in conn.execute(
        "SELECT a.id FROM articles a WHERE a.id IN (SELECT DISTINCT article_id FROM event_mentions"
        f" WHERE id IN (SELECT value FROM json_each(?))) AND {where}", (json.dumps(sorted(ids)), *params))}
    return {key: mention for key, mention in mentions_with_ids(conn, ids).items() if mention.article_id in current}


def reports_of(conn: sqlite3.Connection, mentions: Mapping[int, EventMention]) -> dict[int, Report]:
    """`mentions` (by row id) with their sentence text and article: only the sentence is cut out of the text, in
    SQL (SQLite counts characters as Python does), so no article text crosses into Python."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT m.id, substr(a.text, s.start + 1, s.end - s.start), a.source, a.title, a.published_at,"
        " a.published_day, a.first_seen_at FROM event_mentions m JOIN sentences s ON s.article_id = m.article_id"
        " AND s.idx = m.sentence JOIN articles a ON a.id = m.article_id"
        " WHERE m.id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(mentions)),))
    return {key: Report(mentions[key], *rest) for key, *rest in rows}


def known_reports(conn: sqlite3.Connection, *, as_of: str | None = None, words: Sequence[str] = (),
                  articles: Collection[str] | None = None, sentences: Collection[tuple[str, int]] | None = None,
                  seen_after: str | None = None) -> dict[int, Report]:
    """The mentions of the articles known as of `as_of` (latest revision of each), with their sentence text, by
    row id, in the order they were first seen.

    `words` keeps the mentions whose sentence contains every word as a case-insensitive substring (a prefilter:
    callers check word boundaries); `articles` keeps the mentions of these article ids (one a version) and
    `sentences` those of these (article id, sentence index) pairs; `seen_after` keeps the articles first seen after
    it. Each article's text is read once and cut into its sentences here: reading it again for every sentence costs
    ten times more.
    """
    where, params = current_filter(as_of)
    conditions: list[str] = [where]
    values: list[object] = list(params)
    for word in words:
        if word.isascii():  # SQLite folds ASCII case only; other words are left to the sentence check below
            conditions.append("instr(lower(a.text), ?) > 0")
            values.append(word.lower())
    if seen_after is not None:
        conditions.append("a.first_seen_at > ?")
        values.append(as_of_bound(seen_after))
    for listed in (articles, None if sentences is None else {article_id for article_id, _ in sentences}):
        if listed is not None:  # lists as JSON: no limit on how many SQL parameters one query may take
            conditions.append("a.id IN (SELECT value FROM json_each(?))")
            values.append(json.dumps(sorted(listed)))
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a common word's articles have 100,000s of mentions, most left out
    known = {article_id: (text, facts) for article_id, text, *facts in cursor.execute(
        "SELECT a.id, a.text, a.source, a.title, a.published_at, a.published_day, a.first_seen_at FROM articles a"
        f" WHERE {' AND '.join(conditions)}", values)}
    lowered = [word.lower() for word in words]
    rows = cursor.execute(
        "SELECT m.id, m.article_id, m.sentence, s.start, s.end FROM event_mentions m JOIN sentences s"
        " ON s.article_id = m.article_id AND s.idx = m.sentence WHERE m.article_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(known)),))
    kept: dict[int, str] = {}
    for key, article_id, sentence, start, end in rows:
        if sentences is None or (article_id, sentence) in sentences:
            text = known[article_id][0][start:end]
            if not lowered or all(word in text.lower() for word in lowered):
                kept[key] = text
    found = [(key, Report(mention, kept[key], *known[mention.article_id][1]))  # only the kept are read in full
             for key, mention in mentions_with_ids(conn, kept).items()]
    found.sort(key=lambda item: (item[1].first_seen_at, *item[1].mention.key))
    return dict(found)


def sentence_entities(conn: sqlite3.Connection, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], list[str]]:
    """The entity names each (article id, sentence) mentions, as written there, in order, each once."""
    wanted = set(keys)
    found: dict[tuple[str, int], list[str]] = {}
    rows = conn.execute(
        "SELECT article_id, sentence, text FROM entity_mentions WHERE article_id IN (SELECT value FROM json_each(?))"
        " ORDER BY article_id, idx", (json.dumps(sorted({article for article, _ in wanted})),))
    for article_id, sentence, text in rows:
        if (article_id, sentence) in wanted:
            names = found.setdefault((article_id, sentence), [])
            if text not in names:
                names.append(text)
    return found


def entity_sentences(conn: sqlite3.Connection, entity_id: int, groups: set[tuple[str, int]]) -> set[tuple[str, int]]:
    """The (article id, sentence) pairs where stored entity `entity_id` is named by one of the article-local
    `groups` (article id, local index): the groups it had as of some date."""
    rows = conn.execute("SELECT article_id, local, sentence FROM entity_mentions WHERE entity_id = ?", (entity_id,))
    return {(row[0], row[2]) for row in rows if (row[0], row[1]) in groups}
