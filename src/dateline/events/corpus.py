"""The corpus-level step of events: link each new mention to every stored mention that may report the same happening.

Runs in `pipeline.update_corpus`, in the ingest batch's transaction. Links are symmetric facts about two
mentions, so the stored links are the same whatever order articles arrive in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import timedelta

from dateline.events.dating import EventMention
from dateline.events.grouping import MAX_GROUP_WIDTH, overlap
from dateline.store.events import mentions_of, mentions_overlapping, put_links


def _days(mention: EventMention) -> list[str]:
    return [(mention.earliest + timedelta(days=offset)).isoformat() for offset in range(mention.width)]


def link_events(conn: sqlite3.Connection, article_ids: Sequence[str]) -> int:
    """Link the mentions of the newly stored `article_ids` to every stored mention they may share a happening
    with (the evidence `grouping.overlap` keeps); return how many links were recorded."""
    fresh = {key: m for key, m in mentions_of(conn, article_ids).items() if m.width <= MAX_GROUP_WIDTH}
    if not fresh:
        return 0
    first = min(m.earliest for m in fresh.values())
    last = max(m.latest for m in fresh.values())
    stored = mentions_overlapping(conn, first, last, MAX_GROUP_WIDTH)
    by_day: dict[str, list[int]] = {}
    for key, mention in stored.items():
        for day in _days(mention):
            by_day.setdefault(day, []).append(key)
    seen: set[tuple[int, int]] = set()
    links = []
    for key, mention in fresh.items():
        for other in {other for day in _days(mention) for other in by_day.get(day, ())}:
            pair = (min(key, other), max(key, other))
            if other == key or pair in seen:
                continue
            seen.add(pair)
            evidence = overlap(mention, stored[other])
            if evidence is not None:
                links.append((*pair, *evidence))
    put_links(conn, links)
    return len(links)
