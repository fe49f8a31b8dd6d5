"""The corpus-level step of events: link each new mention to every stored mention of the same happening.

Runs in `pipeline.update_corpus`, in the ingest batch's transaction. Links are symmetric facts about two
mentions, so the stored links are the same whatever order articles arrive in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import timedelta

from dateline.events.dating import EventMention
from dateline.events.grouping import MAX_GROUP_WIDTH, same_happening
from dateline.store.events import mentions_of, mentions_overlapping, put_links


def _days(mention: EventMention) -> list[str]:
    return [(mention.earliest + timedelta(days=offset)).isoformat() for offset in range(mention.width)]


def link_events(conn: sqlite3.Connection, article_ids: Sequence[str]) -> int:
    """Link the mentions of the newly stored `article_ids` to every stored mention they share a happening with;
    return how many links were recorded."""
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
    pairs: set[tuple[int, int]] = set()
    for key, mention in fresh.items():
        candidates = {other for day in _days(mention) for other in by_day.get(day, ())}
        for other in candidates:
            pair = (min(key, other), max(key, other))
            if other != key and pair not in pairs and same_happening(mention, stored[other]):
                pairs.add(pair)
    put_links(conn, pairs)
    return len(pairs)
