"""Entity summaries as stored, and as summing every group and mention from scratch gives: equal in a sound store."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from dateline.store.articles import current_filter


def sums_from_scratch(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every entity's summary summed from all its groups and their mentions in the current article versions."""
    current, params = current_filter(None)
    counts = {row[0]: tuple(row[1:]) for row in conn.execute(
        "SELECT m.entity_id, count(*), count(DISTINCT m.article_id), min(a.published_day), max(a.published_day)"
        f" FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id IS NOT NULL AND {current}"
        " GROUP BY m.entity_id", params)}
    aliases: Counter[tuple[int, str]] = Counter()
    for entity, text, count in conn.execute(
            "SELECT m.entity_id, m.text, count(*) FROM entity_mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.entity_id IS NOT NULL AND {current} GROUP BY m.entity_id, m.text", params):
        aliases[(entity, " ".join(text.split()))] += count
    first_seen = dict(conn.execute(
        "SELECT entity_id, min(seen_at) FROM doc_entities WHERE entity_id IS NOT NULL GROUP BY entity_id"))
    return {
        "entities": {entity: (seen, *counts.get(entity, (0, 0, None, None))) for entity, seen in first_seen.items()},
        "aliases": dict(aliases),
        "names": {(r[0], r[1], r[2]): r[3] for r in conn.execute(
            "SELECT entity_id, name, type, count(*) FROM doc_entities WHERE entity_id IS NOT NULL"
            " GROUP BY entity_id, name, type")},
    }


def stored_sums(conn: sqlite3.Connection) -> dict[str, Any]:
    """The stored summaries, in the shape of `sums_from_scratch`."""
    return {
        "entities": {r[0]: tuple(r[1:]) for r in conn.execute(
            "SELECT id, first_seen_at, mentions, articles, first_day, last_day FROM entities")},
        "aliases": {(r[0], r[1]): r[2] for r in conn.execute("SELECT entity_id, alias, mentions FROM entity_aliases")},
        "names": {(r[0], r[1], r[2]): r[3] for r in conn.execute(
            "SELECT entity_id, name, type, groups FROM entity_names")},
    }
