"""Across articles: one entity per real-world thing, built incrementally as articles arrive.

Two article-local groups are the same entity when they share a link key (see `local`): a full person name, an
organisation's name or acronym, a title variant. A link depends on the two groups alone, never on what else is
stored, so an entity is a connected component of "shares a key" and the result does not depend on ingest order.
The id of an entity is the node id of its earliest group, so even ids agree between stores fed the same articles.
As of X, an entity is a component of the same graph restricted to groups first seen by X (`snapshot`).

Keeping it conservative: surnames, first names and short forms link inside one article only, and keys carry a
type class (a person never joins an organisation of the same name). Each cross-article link is recorded with the
keys that joined it (`evidence`), so a user can see why and undo it with an override.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dateline.entities.entity import Entity
from dateline.entities.mention import LABELS
from dateline.entities.names import norm, tokens
from dateline.entities.overrides import Rules
from dateline.errors import Code, StoreError
from dateline.store.articles import current_filter
from dateline.store.entities import (
    Group,
    add_override,
    all_groups,
    assign,
    clear_resolution,
    current_articles,
    group_by_node,
    groups_of,
    linked_entities,
    move_entity,
    put_entity,
    set_keys,
    unresolved_groups,
)


def resolve(conn: sqlite3.Connection, article_ids: Sequence[str]) -> None:
    """Give an entity to every group of these newly stored articles, merging entities they bridge."""
    rules = Rules.load(conn)
    touched = _resolve_groups(conn, unresolved_groups(conn, list(article_ids)), rules)
    marks = ",".join("?" * len(article_ids))
    if article_ids:
        touched |= {r[0] for r in conn.execute(
            "SELECT DISTINCT d.entity_id FROM doc_entities d JOIN articles a ON a.supersedes = d.article_id"
            f" WHERE a.id IN ({marks}) AND d.entity_id IS NOT NULL", list(article_ids))}
    refresh(conn, touched, rules)


def rebuild(conn: sqlite3.Connection) -> None:
    """Redo every cross-article decision from the stored groups (after an override); mentions are kept."""
    rules = Rules.load(conn)
    clear_resolution(conn)
    groups = all_groups(conn)
    refresh(conn, _resolve_groups(conn, groups, rules), rules)


def apply_override(conn: sqlite3.Connection, action: str, a: str, b: str, created_at: str) -> None:
    """Record a user override (merge a+b, split b out of a, rename a to b) and rebuild with it.

    A split must name something the entity is called in some article, else it would silently do nothing (D204).
    """
    if action == "split" and not any(norm(g.name) == norm(b) for g in all_groups(conn)):
        raise StoreError(f"no article names an entity {b!r}; `dateline entity {a!r}` lists its names",
                         code=Code.NOT_FOUND)
    add_override(conn, action, a, b, created_at)
    rebuild(conn)


def _resolve_groups(conn: sqlite3.Connection, groups: Iterable[Group], rules: Rules) -> set[int]:
    touched: set[int] = set()
    for group in groups:
        keys = rules.keys_for(group)
        if tuple(sorted(keys)) != group.keys:
            set_keys(conn, group, keys.items())
        winner, earliest = group.node, group.order
        linked = linked_entities(conn, sorted(keys))
        for entity_id in linked:
            row = conn.execute("SELECT seen_at, article_id, local FROM doc_entities WHERE node = ?",
                               (entity_id,)).fetchone()
            if (row[0], row[1], row[2]) < earliest:
                winner, earliest = entity_id, (row[0], row[1], row[2])
        for entity_id in linked - {winner}:
            move_entity(conn, entity_id, winner)
            touched.discard(entity_id)
        assign(conn, group, winner)
        touched.add(winner)
    return touched


def refresh(conn: sqlite3.Connection, entity_ids: Iterable[int], rules: Rules | None = None) -> None:
    """Recompute the stored summary (name, type, counts, aliases) of these entities, a few hundred per query."""
    rules = rules or Rules.load(conn)
    condition, params = current_filter(None)
    ids = sorted(entity_ids)
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        marks = ",".join("?" * len(chunk))
        tallies: dict[int, _Tally] = {}
        for entity_id, name, kind, count, seen_at in conn.execute(
                "SELECT entity_id, name, type, count(*), min(seen_at) FROM doc_entities"
                f" WHERE entity_id IN ({marks}) GROUP BY entity_id, name, type", chunk):
            tally = tallies.setdefault(entity_id, _Tally(seen_at))
            tally.names[name] += count
            tally.types[kind] += count
            tally.first_seen_at = min(tally.first_seen_at, seen_at)
        mentions = (f"FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id IN ({marks})"
                    f" AND {condition}")
        for entity_id, text, count in conn.execute(
                f"SELECT m.entity_id, m.text, count(*) {mentions} GROUP BY m.entity_id, m.text", [*chunk, *params]):
            tallies[entity_id].aliases[_spaced(text)] += count
        for entity_id, count, articles, first, last in conn.execute(
                "SELECT m.entity_id, count(*), count(DISTINCT m.article_id), min(a.published_day),"
                f" max(a.published_day) {mentions} GROUP BY m.entity_id", [*chunk, *params]):
            tallies[entity_id].mentions, tallies[entity_id].articles = count, articles
            tallies[entity_id].first_day, tallies[entity_id].last_day = first, last
        for entity_id, tally in tallies.items():
            entity = _summary(entity_id, entity_id, tally, rules)
            put_entity(conn, entity, {alias: norm(alias) for alias, _ in entity.aliases})


def _components(groups: list[Group]) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Union of groups sharing a key, in order: each group's component root, and the links that joined them (a
    group, the earliest group holding the key that joined it, the key). A function of the groups alone."""
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    joins: list[tuple[int, int, str]] = []
    for index, group in enumerate(groups):
        for key in group.keys:
            if key not in owner:
                owner[key] = index
            elif find(index) != find(owner[key]):
                joins.append((index, owner[key], key))
                parent[find(index)] = find(owner[key])
    return [find(i) for i in range(len(groups))], joins


def snapshot(conn: sqlite3.Connection, entity_id: int, bound: str | None) -> list[list[Group]]:
    """The entities that stored entity `entity_id` was as of `bound`: components of its groups first seen by then
    (each list earliest first). With no bound it is one component, the stored entity itself."""
    return snapshots(conn, [entity_id], bound).get(entity_id, [])


def snapshots(conn: sqlite3.Connection, entity_ids: Iterable[int], bound: str | None) -> dict[int, list[list[Group]]]:
    """`snapshot` of each of these stored entities, their groups read in one query."""
    found: dict[int, list[list[Group]]] = {}
    for entity_id, groups in groups_of(conn, entity_ids, bound).items():
        if bound is None:
            found[entity_id] = [groups]
            continue
        parts: dict[int, list[Group]] = {}
        for group, root in zip(groups, _components(groups)[0], strict=True):
            parts.setdefault(root, []).append(group)
        found[entity_id] = sorted(parts.values(), key=lambda part: part[0].order)
    return found


def evidence(groups: list[Group]) -> list[tuple[Group, Group, str]]:
    """Why these groups (one entity, earliest first) are one: for each group that joined, the earlier group it
    shares a key with, and the key. Computed from the groups, so it is the same in any store holding them."""
    return [(groups[i], groups[j], key) for i, j, key in _components(groups)[1]]


@dataclass
class _Tally:
    """What an entity's summary is made from: its groups' names and types, its mentions' texts and days."""

    first_seen_at: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    articles: int = 0
    first_day: str | None = None
    last_day: str | None = None


def _summary(entity_id: int, stored_id: int, tally: _Tally, rules: Rules) -> Entity:
    """The name (the one most groups use, not in capitals if there is another; longer on a tie), the type (most
    groups'), and the aliases (white space inside them made single spaces)."""
    names, types = tally.names, tally.types
    name = max(names, key=lambda n: (not _shouted(n), names[n], len(tokens(n)), len(n), n))
    kind = max(types, key=lambda t: (types[t], -LABELS.index(t) if t in LABELS else -99))
    shown = rules.display_name(name, {norm(a) for a in tally.aliases} | {norm(n) for n in names})
    ranked = sorted(tally.aliases.items(), key=lambda item: (-item[1], item[0]))
    return Entity(entity_id, shown, kind, tally.mentions, tally.articles, tally.first_seen_at, tally.first_day,
                  tally.last_day, ranked, stored_id)


def _shouted(name: str) -> bool:
    """A name in capitals that is not an acronym: "NEW YORK" from a dateline, not "NYSE"."""
    return name.isupper() and len(name.replace(".", "")) > 6


def _spaced(text: str) -> str:
    return " ".join(text.split())


def describe(conn: sqlite3.Connection, stored_id: int, groups: list[Group], as_of: str | None,
             rules: Rules) -> Entity:
    """The summary of the entity made of `groups` (part of stored entity `stored_id`, earliest first), counting
    the mentions in the current revision of each article as of `as_of`."""
    return describe_many(conn, [(stored_id, groups)], as_of, rules)[0]


def describe_many(conn: sqlite3.Connection, parts: Sequence[tuple[int, list[Group]]], as_of: str | None,
                  rules: Rules) -> list[Entity]:
    """`describe` of each (stored entity, groups) part, the mentions of all of them read in one query."""
    stored_ids = sorted({stored for stored, _ in parts})
    # One entity's mentions are checked one by one; many entities' are most of the corpus, whose current article
    # versions are then listed once.
    if len(stored_ids) == 1:
        current, params = current_filter(as_of)
    else:
        listed, params = current_articles(as_of)
        current = f"a.id IN ({listed})"
    rows: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for article_id, local, text, day in conn.execute(
            "SELECT m.article_id, m.local, m.text, a.published_day FROM entity_mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE m.entity_id IN (SELECT value FROM json_each(?))"
            f" AND {current}", [json.dumps(stored_ids), *params]):
        rows.setdefault((article_id, local), []).append((text, day))
    described = []
    for stored_id, groups in parts:
        kept = [(g.article_id, text, day) for g in groups for text, day in rows.get((g.article_id, g.local), ())]
        days = sorted(day for _, _, day in kept)
        tally = _Tally(groups[0].seen_at, Counter(g.name for g in groups), Counter(g.type for g in groups),
                       Counter(_spaced(text) for _, text, _ in kept), len(kept), len({a for a, _, _ in kept}),
                       days[0] if days else None, days[-1] if days else None)
        described.append(_summary(groups[0].node, stored_id, tally, rules))
    return described


def locate(conn: sqlite3.Connection, entity_id: int, bound: str | None) -> tuple[int, list[Group]] | None:
    """The stored entity and the groups of entity `entity_id` as of `bound`, or None if it did not exist then."""
    found = group_by_node(conn, entity_id)
    if found is None or found[1] is None:
        return None
    stored = found[1]
    for part in snapshot(conn, stored, bound):
        if part[0].node == entity_id:
            return stored, part
    return None
