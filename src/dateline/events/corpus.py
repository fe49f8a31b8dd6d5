"""The corpus-level step of events: link each new mention to every stored mention reporting the same happening.

Runs in `pipeline.update_corpus`, in the ingest batch's transaction. Links are symmetric facts about two
mentions, so the stored links are the same whatever order articles arrive in. Candidates are found through an
index of (day, content word) over the mentions stored around the new ones' dates, so only pairs that share a day
and words are ever compared, however many sentences a busy day has.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta

from dateline.events.dating import EventMention
from dateline.events.grouping import MAX_GROUP_WIDTH, linked
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


def link_events(conn: sqlite3.Connection, article_ids: Sequence[str]) -> int:
    """Link the mentions of the newly stored `article_ids` to every stored mention (new ones included) they may
    share a happening with: the pairs `grouping.overlap` links, found through the index. Return how many links were
    recorded."""
    fresh = {key: m for key, m in mentions_of(conn, article_ids).items() if m.width <= MAX_GROUP_WIDTH and m.terms}
    if not fresh:
        return 0
    stored: dict[int, EventMention] = {}
    for first, last in _ranges(day for m in fresh.values() for day in _days(m)):
        stored.update(mentions_overlapping(conn, first, last, MAX_GROUP_WIDTH))
    postings: dict[tuple[date, str], list[int]] = {}
    for key, mention in stored.items():
        for day in _days(mention):
            for term in mention.terms:
                postings.setdefault((day, term), []).append(key)
    links: dict[tuple[int, int], tuple[int, int]] = {}
    for key, mention in fresh.items():
        shared: Counter[int] = Counter()
        for day in _days(mention):
            on_day = Counter(other for term in mention.terms for other in postings.get((day, term), ()))
            shared |= on_day  # the words two mentions share are the same on every day they both cover
        for other, count in shared.items():
            pair = (min(key, other), max(key, other))
            theirs = stored[other]
            smaller = min(len(mention.terms), len(theirs.terms))
            if other != key and pair not in links and linked(mention, theirs, count, smaller):
                links[pair] = (count, smaller)
    put_links(conn, [(a, b, count, smaller) for (a, b), (count, smaller) in links.items()])
    return len(links)
