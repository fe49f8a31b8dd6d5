"""The query side of timelines: the dated sentences a timeline about a query or an entity can be made of.

A sentence is a candidate when it matches every filter given (all query words, the entity), or when it reports
the same happening as one that does: it has a mention `linked` to a matching one (`dateline.events.grouping`), so
"the picture streaks into theaters next week" joins "Dead Reckoning premieres on July 12th". Each candidate is dated
by its own day-precision date, else by the day of the narrowest mentions it shares a link with among the links read
(most of them, then the earliest day): a week-precision "next week" linked to "July 12th" is about July 12th.
Coarser dates that no linked day pins are left out, since a timeline is made of days.

Only the links with a matching end are read: one step, not the events of `dateline.events.record`, whose groups
depend on the whole connected part of the link graph, which for a common word is a good part of the store (200k
mentions and more). A word held by more than `MAX_ARTICLES` articles ("market" in business news) is read in an even
sample of them, picked by a hash of each article version id: the dates keep their share of the coverage, the time stays
bounded, and the timeline says so (`Pool.sample`). The candidates are still a fixed function of the mentions and
links known as of the date (the sample's size follows the articles known then), so the timeline as of X is the one
a store that only saw the articles known then would make.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

from dateline.asof import as_of_bound
from dateline.entities import find_entity
from dateline.entities.resolve import locate
from dateline.errors import Code, QueryError
from dateline.events.dating import EventMention
from dateline.events.record import linked_to, query_words, sentence_matches
from dateline.search.terms import is_ascii_token
from dateline.store.events import Report, entity_sentences, known_reports, reports_of
from dateline.timeline.summarize import Candidate

# The most articles a query's timeline reads; past it, an even sample of this size (on average). On 73k Reuters
# articles, "said" (47k articles) then takes about a second of CPU instead of 15; a sample of 1000 was faster still,
# but its days' coverage was too noisy to rank them (for "market" its best day was the full reading's 19th).
MAX_ARTICLES = 3000


@dataclass(frozen=True)
class Sample:
    """An even sample of the articles holding a query's words: `read` of the `matched` known as of the date."""

    read: int
    matched: int

    @property
    def note(self) -> str:
        """How the sample is told to readers (page, Markdown, text)."""
        return f"an even sample of {self.read:,} of the {self.matched:,} articles with these words"


@dataclass(frozen=True)
class Pool:
    """A timeline's candidate sentences, by date, and the sample of articles they come from (None: every one)."""

    candidates: list[Candidate]
    sample: Sample | None = None


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
                     str(report.mention.rule))


def _in_sample(article_id: str, matched: int) -> bool:
    """Whether this article (version) is in the even sample of `MAX_ARTICLES` out of `matched`: a fixed hash of its
    id falls in that share, the same at every date."""
    return zlib.crc32(article_id.encode()) * matched < MAX_ARTICLES << 32


def _word_articles(conn: sqlite3.Connection, words: list[str], as_of: str | None
                   ) -> tuple[list[str], Sample | None] | None:
    """The ids of the article versions first seen by `as_of` whose text holds every word (of an even sample of
    their articles when more than `MAX_ARTICLES` hold them), found through the search index instead of reading
    every article's text; None unless the words are plain ASCII letters and digits.

    A sentence holding each word as a whole word (`sentence_matches`) is in such an article: FTS5 cuts text into
    words at the same places for these words. Every version is listed; `known_reports` keeps those current as of
    the date.
    """
    if not words or not all(map(is_ascii_token, words)):
        return None
    match = " AND ".join(f'{{body}} : "{word}"' for word in words)
    bound = as_of_bound(as_of)
    versions: dict[str, list[str]] = {}
    for key, version in conn.execute(
            "SELECT d.key, d.article_id FROM search_fts f JOIN search_docs d ON d.doc = f.rowid"
            f" WHERE search_fts MATCH ?{'' if bound is None else ' AND d.first_seen_at <= ?'}",
            (match,) if bound is None else (match, bound)):
        versions.setdefault(key, []).append(version)
    listed = [version for versions_of_key in versions.values() for version in versions_of_key]
    if len(versions) <= MAX_ARTICLES:
        return listed, None
    matched = len(versions)
    read = sum(1 for versions_of_key in versions.values() if any(_in_sample(v, matched) for v in versions_of_key))
    return [version for version in listed if _in_sample(version, matched)], Sample(read, matched)


def _day(node: int, known: dict[int, EventMention], neighbours: dict[int, set[int]]) -> date | None:
    """The day mention `node` is about: its own single day, else the day most of the single-day mentions linked to
    it name (the earliest on a tie), if any: a day is the narrowest date there is."""
    mention = known[node]
    if mention.width == 1:
        return mention.earliest
    votes = Counter(other.earliest for other in map(known.__getitem__, neighbours.get(node, ())) if other.width == 1)
    return min(votes, key=lambda day: (-votes[day], day)) if votes else None


def timeline_candidates(conn: sqlite3.Connection, query: str | None = None, *, entity: str | None = None,
                        start: date | None = None, end: date | None = None, as_of: str | None = None) -> Pool:
    """The dated sentences known as of `as_of` about `query` and/or `entity`, dated within `[start, end]`."""
    words = query_words(query)
    naming = _entity_sentences(conn, entity, as_of) if entity else None
    articles, sample = _word_articles(conn, words, as_of) or (None, None)
    reports = known_reports(conn, as_of=as_of, words=words, articles=articles, sentences=naming)
    seeds = {i: r for i, r in reports.items() if not words or sentence_matches(r.text, words)}
    known, neighbours = linked_to(conn, {i: r.mention for i, r in seeds.items()}, as_of)
    if sample is not None:  # the linked reports are read from the sample's share of articles too
        neighbours = {node: {other for other in others if _in_sample(known[other].article_id, sample.matched)}
                      for node, others in neighbours.items()}
    speaking: dict[tuple[str, int, date], int] = {}  # a sentence's first mention on a day speaks for it
    for node in {*seeds, *(other for seed in seeds for other in neighbours.get(seed, ()))}:
        day = _day(node, known, neighbours)
        if day is not None and (start is None or day >= start) and (end is None or day <= end):
            m = known[node]
            first = speaking.setdefault((m.article_id, m.sentence, day), node)
            if m.k < known[first].k:
                speaking[m.article_id, m.sentence, day] = node
    dated = {**reports_of(conn, {node: known[node] for node in speaking.values() if node not in seeds}), **seeds}
    chosen = [_candidate(dated[node], day) for (_, _, day), node in speaking.items()]
    return Pool(sorted(chosen, key=lambda c: (c.date, c.first_seen_at, c.article_id, c.sentence)), sample)
