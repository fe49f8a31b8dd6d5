"""The corpus-level step of events: link each new mention to every stored mention reporting the same happening.

Runs in `pipeline.update_corpus`, in the ingest batch's transaction. Links are symmetric facts about two
mentions, so the stored links are the same whatever order articles arrive in. Candidates are found through an
index of (day, content word) over the new mentions, through which every stored mention of their days is streamed,
so only pairs that share a day and words are ever compared, however many sentences a busy day has.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta

from dateline.events.dating import EventMention
from dateline.events.grouping import MAX_GROUP_WIDTH, MIN_SHARED, linked
from dateline.store.events import mentions_of, mentions_overlapping, put_links


def _days(mention: EventMention) -> list[date]:
    return [mention.earliest + timedelta(days=offset) for offset in range(mention.width)]


def _ranges(days: Iterable[date]) -> Iterator[tuple[date, date]]:
    """Runs of consecutive days, as (first, last)."""
    ordered = sorted(set(days))
    start = previous = ordered[0]
    for day in ordered[1:]:
        if day - previous > timedelta(days=1):
            yield start, previous
            start = day
        previous = day
    yield start, previous


def _stored(conn: sqlite3.Connection, fresh: dict[int, EventMention]) -> Iterator[tuple[int, EventMention]]:
    """Each stored mention overlapping the days of the new ones, once (the day ranges may share vague mentions)."""
    seen: set[int] = set()
    for first, last in _ranges(day for m in fresh.values() for day in _days(m)):
        for key, mention in mentions_overlapping(conn, first, last, MAX_GROUP_WIDTH):
            if key not in seen:
                seen.add(key)
                yield key, mention


def link_events(conn: sqlite3.Connection, article_ids: Sequence[str]) -> int:
    """Link the mentions of the newly stored `article_ids` to every stored mention (new ones included) they may
    share a happening with: the pairs `grouping.overlap` links, found through the index. Return how many links were
    recorded."""
    fresh = {key: m for key, m in mentions_of(conn, article_ids).items() if m.width <= MAX_GROUP_WIDTH and m.terms}
    if not fresh:
        return 0
    # Index the new mentions only (a batch is small) and stream every stored mention of their days through it,
    # never holding more than one stored mention at a time: memory stays bounded however busy the days are.
    postings: dict[tuple[date, str], list[int]] = {}
    for key, mention in fresh.items():
        for day in _days(mention):
            for term in mention.terms:
                postings.setdefault((day, term), []).append(key)
    links: dict[tuple[int, int], tuple[int, int]] = {}
    for key, mention in _stored(conn, fresh):
        days = _days(mention)
        # A word counts once per pair however many days they both cover.
        shared = Counter(new for term in mention.terms for new in (
            postings.get((days[0], term), ()) if len(days) == 1
            else {n for day in days for n in postings.get((day, term), ())}))
        for new, count in shared.items():
            if count < MIN_SHARED or new == key:
                continue
            pair = (min(key, new), max(key, new))
            smaller = min(len(mention.terms), len(fresh[new].terms))
            if pair not in links and linked(mention, fresh[new], count, smaller):
                links[pair] = (count, smaller)
    put_links(conn, [(a, b, count, smaller) for (a, b), (count, smaller) in links.items()])
    return len(links)
