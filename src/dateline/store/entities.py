"""Entity tables: an article's mentions and groups, their link keys, entities, aliases, overrides."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from sys import intern
from typing import TYPE_CHECKING

from dateline.errors import Code, StoreError
from dateline.store.articles import current_filter

if TYPE_CHECKING:
    from dateline.entities.entity import Entity
    from dateline.entities.local import DocEntity
    from dateline.entities.mention import Mention


def node_id(article_id: str, local: int) -> int:
    """A stable 53-bit id for an article's group (safe as a JSON number), the same in every store."""
    digest = hashlib.blake2b(f"{article_id}:{local}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 11


@dataclass(frozen=True, slots=True)
class Group:
    """A stored article-local entity: where it is, when its article was first seen, its link keys. (A read of a
    large entity holds many: slots, and strings shared between groups, keep each small.)"""

    article_id: str
    local: int
    node: int
    seen_at: str
    name: str
    type: str
    keys: tuple[str, ...]
    bases: tuple[str, ...]

    @property
    def order(self) -> tuple[str, str, int]:
        """Groups are ordered by first sighting; the earliest names its entity."""
        return (self.seen_at, self.article_id, self.local)


def mention_tables(article_id: str, mentions: Sequence[Mention], groups: Sequence[DocEntity]
                   ) -> dict[str, list[tuple[object, ...]]]:
    """The rows of one article's mentions and groups, by table (as `put_mentions` stores them and analysis shards
    hold them); `doc_entities` rows lack their last column, the article's `seen_at`, which is the store's."""
    return {
        "doc_entities": [(article_id, g.local, node_id(article_id, g.local), g.name, g.type) for g in groups],
        "doc_entity_keys": [(key, article_id, g.local, key) for g in groups for key in g.keys],
        "entity_mentions": [(article_id, i, m.start, m.end, m.text, m.label, m.sentence, m.group, m.source, m.link)
                            for i, m in enumerate(mentions)],
    }


def put_mentions(conn: sqlite3.Connection, article_id: str, mentions: Sequence[Mention],
                 groups: Sequence[DocEntity]) -> None:
    """Store one article's mentions and groups (unresolved: entity_id NULL until `resolve` runs)."""
    row = conn.execute("SELECT first_seen_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise StoreError(f"article {article_id} must be stored before its mentions", code=Code.NOT_FOUND)
    tables = mention_tables(article_id, mentions, groups)
    conn.executemany(
        "INSERT INTO doc_entities (article_id, local, node, name, type, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(*group, row[0]) for group in tables["doc_entities"]],
    )
    conn.executemany("INSERT INTO doc_entity_keys (key, article_id, local, base) VALUES (?, ?, ?, ?)",
                     tables["doc_entity_keys"])
    conn.executemany(
        "INSERT INTO entity_mentions (article_id, idx, start, end, text, label, sentence, local, source, link)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tables["entity_mentions"])


def _owned_groups(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[tuple[int | None, Group]]:
    """The groups matching `where` with their stored entity, earliest first."""
    rows = conn.execute(
        "SELECT d.entity_id, d.article_id, d.local, d.node, d.seen_at, d.name, d.type, group_concat(k.key, char(31)),"
        " group_concat(k.base, char(31))"
        " FROM doc_entities d LEFT JOIN doc_entity_keys k ON k.article_id = d.article_id AND k.local = d.local"
        f" WHERE {where} GROUP BY d.article_id, d.local ORDER BY d.seen_at, d.article_id, d.local",
        list(params),
    ).fetchall()
    return [(r[0], Group(intern(r[1]), r[2], r[3], intern(r[4]), r[5], intern(r[6]), _split(r[7]), _split(r[8])))
            for r in rows]


def _groups(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[Group]:
    return [group for _, group in _owned_groups(conn, where, params)]


def with_keys(conn: sqlite3.Connection, groups: Sequence[Group]) -> list[Group]:
    """These groups as stored, keys included, in the same order."""
    stored = {(g.article_id, g.local): g for g in _groups(
        conn, "d.node IN (SELECT value FROM json_each(?))", [json.dumps([g.node for g in groups])])}
    return [stored[(g.article_id, g.local)] for g in groups]


def named_by(conn: sqlite3.Connection, bases: Iterable[str]) -> set[tuple[str, int]]:
    """The groups (article_id, local) having any of these base keys."""
    return {(r[0], r[1]) for r in conn.execute(
        "SELECT article_id, local FROM doc_entity_keys WHERE base IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(bases))),))}


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted({intern(key) for key in joined.split("\x1f")})) if joined else ()


def unresolved_groups(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[Group]:
    """Groups of these articles not yet given an entity, earliest first."""
    found: list[Group] = []
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        found += _groups(conn, f"d.entity_id IS NULL AND d.article_id IN ({','.join('?' * len(chunk))})", chunk)
    return sorted(found, key=lambda g: g.order)


def first_unresolved(conn: sqlite3.Connection) -> str | None:
    """The earliest first sighting of a group without an entity, if any."""
    row = conn.execute("SELECT min(seen_at) FROM doc_entities WHERE entity_id IS NULL").fetchone()
    return row[0] if row else None


def unresolved_pages(conn: sqlite3.Connection, since: str, size: int = 2000) -> Iterator[list[Group]]:
    """The groups without an entity first seen from `since` on, earliest first, `size` at a time. A page is read
    when asked for, so a caller deciding each page before taking the next holds one page however many there are.
    (Read a sighting at a time through the sighting index: many groups may share one, as in a run given one
    `--seen-at`.)"""
    seen: str | None = since
    after: tuple[str, int] = ("", -1)
    while seen is not None:
        nodes: list[int] = []
        while seen is not None and len(nodes) < size:
            rows = conn.execute(
                "SELECT article_id, local, node FROM doc_entities WHERE seen_at = ? AND entity_id IS NULL"
                " AND (article_id, local) > (?, ?) ORDER BY article_id, local LIMIT ?",
                (seen, *after, size - len(nodes))).fetchall()
            nodes += [row[2] for row in rows]
            if len(nodes) < size:
                row = conn.execute("SELECT min(seen_at) FROM doc_entities WHERE seen_at > ?", (seen,)).fetchone()
                seen, after = row[0], ("", -1)
            else:
                after = (rows[-1][0], rows[-1][1])
        if nodes:
            yield _groups(conn, "d.node IN (SELECT value FROM json_each(?))", [json.dumps(nodes)])


def first_sightings(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """(name, the first sighting of a group by that name) for every name groups go by, read as iterated."""
    yield from conn.execute("SELECT name, min(seen_at) FROM doc_entities GROUP BY name")


def first_keyed(conn: sqlite3.Connection, bases: Iterable[str]) -> str | None:
    """The first sighting of a group having any of these base keys, if any."""
    row = conn.execute("SELECT min(d.seen_at) FROM doc_entity_keys k JOIN doc_entities d ON d.article_id ="
                       " k.article_id AND d.local = k.local WHERE k.base IN (SELECT value FROM json_each(?))",
                       (json.dumps(sorted(set(bases))),)).fetchone()
    return row[0] if row else None


def names_in_use(conn: sqlite3.Connection) -> Iterator[tuple[int, str]]:
    """(entity, name) for the name each stored entity is shown under and each name its groups go by."""
    yield from conn.execute("SELECT id, name FROM entities UNION SELECT entity_id, name FROM entity_names")


def aliased(conn: sqlite3.Connection, matching: str) -> set[int]:
    """The stored entities with an alias whose matching form (`entity_aliases.norm`) is `matching`."""
    return {r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM entity_aliases WHERE norm = ?", (matching,))}


def groups_of(conn: sqlite3.Connection, entity_ids: Iterable[int], bound: str | None) -> dict[int, list[Group]]:
    """The groups of each of these stored entities first seen by `bound` (all if None), earliest first, in one
    query: reads about many entities as of a date cost one round trip, not one per entity."""
    found: dict[int, list[Group]] = {}
    where = "d.entity_id IN (SELECT value FROM json_each(?))" + (" AND d.seen_at <= ?" if bound else "")
    params: list[object] = [json.dumps(sorted(set(entity_ids))), *([bound] if bound else [])]
    for entity_id, group in _owned_groups(conn, where, params):
        found.setdefault(int(entity_id or 0), []).append(group)
    return found


def changed_after(conn: sqlite3.Connection, bound: str | None) -> set[int]:
    """The stored entities with a group first seen after `bound` (none for no bound): only these can have been
    different (smaller, or split in parts) as of then."""
    if bound is None:
        return set()
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT entity_id FROM doc_entities WHERE seen_at > ? AND entity_id IS NOT NULL", (bound,))}


def current_articles(as_of: str | None, among: str | None = None) -> tuple[str, list[str]]:
    """A query for the ids of the article versions current as of `as_of` (`store.articles.current_filter`), for
    `m.article_id IN (...)`: SQLite runs it once, checking each article once, where joining `articles` under the
    filter checks the article again for every mention row (four times slower on an entity's mentions).

    `among`, a query for article ids (e.g. those some entities are mentioned in), limits the check to them: a read
    about a few entities then checks their articles, not the whole corpus (none at all on a store without
    entities). Its placeholders come before the returned parameters: the caller passes their values first."""
    condition, params = current_filter(as_of, alias="cur")
    scope = f"cur.id IN ({among}) AND " if among else ""
    return f"SELECT cur.id FROM articles cur WHERE {scope}{condition}", params


def group_by_node(conn: sqlite3.Connection, node: int) -> tuple[Group, int | None] | None:
    """The group with this node id and the stored entity it belongs to."""
    found = _owned_groups(conn, "d.node = ?", [node])
    if not found:
        return None
    return found[0][1], found[0][0]


def set_keys(conn: sqlite3.Connection, group: Group, keys: Iterable[tuple[str, str]]) -> None:
    """Replace a group's effective keys: (key, base) pairs."""
    conn.execute("DELETE FROM doc_entity_keys WHERE article_id = ? AND local = ?", (group.article_id, group.local))
    conn.executemany("INSERT OR IGNORE INTO doc_entity_keys (key, article_id, local, base) VALUES (?, ?, ?, ?)",
                     [(key, group.article_id, group.local, base) for key, base in keys])


def linked_entities(conn: sqlite3.Connection, keys: Sequence[str]) -> set[int]:
    """The entities of resolved groups having any of `keys`. All resolved groups sharing a key are one entity, so
    one group per key tells (a frequent key such as "org:us" is not read in full)."""
    found = set()
    for key in keys:
        row = conn.execute(
            "SELECT d.entity_id FROM doc_entity_keys k JOIN doc_entities d ON d.article_id = k.article_id"
            " AND d.local = k.local WHERE k.key = ? AND d.entity_id IS NOT NULL LIMIT 1", (key,)).fetchone()
        if row is not None:
            found.add(int(row[0]))
    return found


def holders(conn: sqlite3.Connection, key: str, days: tuple[str, str] | None = None) -> list[tuple[int, Group]]:
    """Every resolved group having `key`, with its entity (a lone name or a surname lookup key may be held by
    groups of several entities); with `days` (first, last), those in articles published then, found through
    `weak_keys` (lone name and surname keys only)."""
    if days is None:
        held, params = "SELECT article_id, local FROM doc_entity_keys WHERE key = ?", [key]
    else:
        held, params = "SELECT article_id, local FROM weak_keys WHERE key = ? AND day BETWEEN ? AND ?", [key, *days]
    return [(int(entity or 0), group) for entity, group in _owned_groups(
        conn, f"d.entity_id IS NOT NULL AND (d.article_id, d.local) IN ({held})", params)]


def article_bases(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, tuple[str, list[str]]]:
    """The published day and the base keys of all groups of each of these articles, in one query."""
    found: dict[str, tuple[str, list[str]]] = {}
    for article_id, day, base in conn.execute(
            "SELECT k.article_id, a.published_day, k.base FROM doc_entity_keys k JOIN articles a ON a.id = k.article_id"
            " WHERE k.article_id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(article_ids))),)):
        found.setdefault(article_id, (day, []))[1].append(base)
    return found


def entity_bases(conn: sqlite3.Connection, entity_id: int, prefix: str) -> set[str]:
    """The base keys starting with `prefix` of the groups of a stored entity."""
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT k.base FROM doc_entities d JOIN doc_entity_keys k ON k.article_id = d.article_id"
        " AND k.local = d.local WHERE d.entity_id = ? AND k.base >= ? AND k.base < ?",
        (entity_id, prefix, prefix + "\U0010ffff"))}


def node_order(conn: sqlite3.Connection, node: int) -> tuple[str, str, int]:
    """The first-sighting order of the group with this node id (an entity's id is its earliest group's node)."""
    row = conn.execute("SELECT seen_at, article_id, local FROM doc_entities WHERE node = ?", (node,)).fetchone()
    return (row[0], row[1], row[2])


def latest_resolved(conn: sqlite3.Connection) -> str | None:
    """The latest first sighting of a resolved group: a group seen earlier arrives out of order (a backfill)."""
    row = conn.execute("SELECT max(seen_at) FROM doc_entities WHERE entity_id IS NOT NULL").fetchone()
    return row[0] if row else None


def rewind(conn: sqlite3.Connection, since: str, step: Callable[[], None], size: int = 50_000) -> None:
    """Undo the entity decisions made from `since` on: groups first seen then lose their entity, and earlier groups
    moved since go back to the entity they belonged to just before (their latest history row before `since`). The
    decisions made before `since` stand, so deciding the groups without an entity from there on, in first-sighting
    order, decides the store again. Needs the history (`history_complete`).

    It goes back from the latest decisions about `size` history rows at a time, and calls `step` after each slice
    (to commit it): the store is then one whose articles seen since the slice's start wait for a backfill. Summaries
    are left as they are; the groups undone that a stored summary counted are listed in `entity_rewound` with its
    entity, so that `recount_rewound`, once they are decided again, sums again only the entities that lost one. A
    rewind from the beginning (`since` "") lists none: every summary is summed anew after it (`set_sum_anew`). No
    summary is summed meanwhile (`resolve.refresh`)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS rewound (article_id TEXT NOT NULL, local INTEGER NOT NULL,"
                 " entity_id INTEGER, counted INTEGER NOT NULL, PRIMARY KEY (article_id, local)) WITHOUT ROWID")
    bound = None
    while bound != since:
        row = conn.execute("SELECT since FROM entity_history WHERE since >= ? ORDER BY since DESC LIMIT 1 OFFSET ?",
                           (since, size)).fetchone()
        bound = since if row is None else row[0]
        _rewind_slice(conn, bound, listed=since != "")
        step()


def _rewind_slice(conn: sqlite3.Connection, since: str, *, listed: bool) -> None:
    """`rewind` of the decisions made from `since` on, in one go (the temp table holds the groups it undoes; those
    a summary counts are `listed` in `entity_rewound`)."""
    conn.execute("DELETE FROM temp.rewound")
    conn.execute("INSERT INTO temp.rewound SELECT d.article_id, d.local, d.entity_id, d.counted FROM doc_entities d"
                 " WHERE (d.article_id, d.local) IN (SELECT article_id, local FROM entity_history WHERE since >= ?)",
                 (since,))
    if listed:  # the first undoing counts
        conn.execute("INSERT OR IGNORE INTO entity_rewound SELECT * FROM temp.rewound WHERE counted = 1"
                     " AND entity_id IN (SELECT id FROM entities)")
    conn.execute("DELETE FROM entity_history WHERE since >= ?", (since,))
    rewound = "(article_id, local) IN (SELECT article_id, local FROM temp.rewound)"
    conn.execute("UPDATE doc_entities SET counted = 0, entity_id = CASE WHEN seen_at >= ? THEN NULL ELSE"
                 " (SELECT h.entity_id FROM entity_history h WHERE h.article_id = doc_entities.article_id"
                 f" AND h.local = doc_entities.local ORDER BY h.since DESC LIMIT 1) END WHERE {rewound}", (since,))
    conn.execute("UPDATE entity_mentions SET entity_id = (SELECT d.entity_id FROM doc_entities d"
                 " WHERE d.article_id = entity_mentions.article_id AND d.local = entity_mentions.local)"
                 f" WHERE {rewound}")


def recount_rewound(conn: sqlite3.Connection, step: Callable[[], None], size: int = 50_000) -> None:
    """After the groups `rewind` undid are decided again: each that is back in the entity whose summary counted it
    counts there again, and every entity that lost one is summed again (`recount`). An entity merged away meanwhile
    has no summary left, and its groups are added to the one they joined. A day of late news thus sums again only
    what it changed, not every entity the day names. Goes through `entity_rewound` `size` groups at a time, calling
    `step` after each."""
    summed = "r.entity_id IN (SELECT id FROM entities)"
    chunk = "(r.article_id, r.local) <= (?, ?)"
    while rows := conn.execute("SELECT article_id, local FROM entity_rewound ORDER BY article_id, local LIMIT ?",
                               (size,)).fetchall():
        last = (rows[-1][0], rows[-1][1])
        recount(conn, [r[0] for r in conn.execute(
            "SELECT DISTINCT r.entity_id FROM entity_rewound r JOIN doc_entities d ON d.article_id = r.article_id"
            f" AND d.local = r.local WHERE {chunk} AND r.counted = 1 AND d.entity_id IS NOT r.entity_id"
            f" AND {summed}", last)])
        conn.execute("UPDATE doc_entities SET counted = 1 WHERE (article_id, local) IN (SELECT r.article_id, r.local"
                     " FROM entity_rewound r JOIN doc_entities d ON d.article_id = r.article_id AND d.local = r.local"
                     f" WHERE {chunk} AND r.counted = 1 AND d.entity_id = r.entity_id AND {summed})", last)
        conn.execute(f"DELETE FROM entity_rewound AS r WHERE {chunk}", last)
        step()


def redo_pending(conn: sqlite3.Connection) -> str | None:
    """The sighting from which groups are still to be decided again by a redo under way or one a killed run left
    unfinished (None as well in a store opened read-only before migration 0025 ran)."""
    cursor = conn.execute("SELECT * FROM entity_history_state")
    columns = [column[0] for column in cursor.description]
    row = cursor.fetchone()
    return row[columns.index("redo_from")] if row and "redo_from" in columns else None


def sum_anew(conn: sqlite3.Connection) -> bool:
    """Whether the stored summaries are still to be summed anew from all their groups (after a rebuild decided
    every group again: the summaries it kept count the decisions it undid)."""
    return bool(conn.execute("SELECT sum_anew FROM entity_history_state").fetchone()[0])


def set_sum_anew(conn: sqlite3.Connection, anew: bool) -> None:
    """Have every summary summed anew (or not any more); summing anew makes the list of groups a redo undid
    (`entity_rewound`) moot."""
    conn.execute("UPDATE entity_history_state SET sum_anew = ?", (int(anew),))
    if anew:
        conn.execute("DELETE FROM entity_rewound")


def drop_vanished(conn: sqlite3.Connection) -> None:
    """Delete the summaries (aliases and name counts too) of the entities no group belongs to any more."""
    vanished = [r[0] for r in conn.execute(
        "SELECT id FROM entities e WHERE NOT EXISTS (SELECT 1 FROM doc_entities d WHERE d.entity_id = e.id)")]
    ids = json.dumps(vanished)
    conn.execute("DELETE FROM entity_aliases WHERE entity_id IN (SELECT value FROM json_each(?))", (ids,))
    _drop_summaries(conn, ids)


def set_redo_pending(conn: sqlite3.Connection, since: str | None) -> None:
    """Groups first seen from `since` on are still to be decided again (None: no redo is under way)."""
    conn.execute("UPDATE entity_history_state SET redo_from = ?", (since,))


def assign(conn: sqlite3.Connection, group: Group, entity_id: int) -> None:
    """A newly seen group and its mentions belong to this entity (from its first sighting on, in the history)."""
    for table in ("doc_entities", "entity_mentions"):
        conn.execute(f"UPDATE {table} SET entity_id = ? WHERE article_id = ? AND local = ?",
                     (entity_id, group.article_id, group.local))
    conn.execute("INSERT OR REPLACE INTO entity_history (article_id, local, since, entity_id) VALUES (?, ?, ?, ?)",
                 (group.article_id, group.local, group.seen_at, entity_id))


def owners_at(conn: sqlite3.Connection, entity_ids: Iterable[int], bound: str) -> dict[int, list[tuple[Group, int]]]:
    """For each of these stored entities, its groups first seen by `bound` (earliest first; names and types, no
    keys) with the entity each belonged to then, from the history: one query. An owner of 0 means the group has no
    history (its store resolved it before the history was kept)."""
    found: dict[int, dict[tuple[str, int], tuple[Group, int]]] = {}
    for row in conn.execute(
            "SELECT d.entity_id, d.article_id, d.local, d.node, d.seen_at, d.name, d.type, h.entity_id"
            " FROM doc_entities d LEFT JOIN entity_history h ON h.article_id = d.article_id AND h.local = d.local"
            " AND h.since <= ? WHERE d.entity_id IN (SELECT value FROM json_each(?)) AND d.seen_at <= ?"
            " ORDER BY d.seen_at, d.article_id, d.local, h.since", (bound, json.dumps(sorted(set(entity_ids))), bound)):
        group = Group(row[1], row[2], row[3], row[4], row[5], row[6], (), ())
        found.setdefault(row[0], {})[(row[1], row[2])] = (group, row[7] or 0)  # the latest row before `bound` wins
    return {entity: list(groups.values()) for entity, groups in found.items()}


def _owner_then(alias: str) -> str:
    """SQL for the entity the group of row `alias` (its article_id, local) belonged to as of a bound, from the
    history: its latest row since no later than the bound (the one placeholder)."""
    return (f"(SELECT h.entity_id FROM entity_history h WHERE h.article_id = {alias}.article_id"
            f" AND h.local = {alias}.local AND h.since <= ? ORDER BY h.since DESC LIMIT 1)")


def ranked_at(conn: sqlite3.Connection, bound: str, current: str, params: Sequence[object]) -> list[tuple[int, int]]:
    """Every entity as of `bound` with a mention in the article versions `current` lists, most mentioned first (then
    in most articles, then by id), and the stored entity it is part of now: each mention's group looked up in the
    history (one index seek a mention, no replay)."""
    ranked = [r[0] for r in conn.execute(
        f"SELECT owner FROM (SELECT m.article_id, {_owner_then('m')} AS owner FROM"
        f" entity_mentions m WHERE m.article_id IN ({current})) GROUP BY owner"
        " ORDER BY count(*) DESC, count(DISTINCT article_id) DESC, owner", [bound, *params])]
    stored = stored_of(conn, ranked)
    return [(owner, stored[owner]) for owner in ranked]


def stored_of(conn: sqlite3.Connection, nodes: Iterable[int]) -> dict[int, int]:
    """The stored entity each of these groups (by node id) is part of now."""
    return dict(conn.execute("SELECT node, entity_id FROM doc_entities WHERE node IN (SELECT value FROM json_each(?))",
                             (json.dumps(sorted(set(nodes))),)).fetchall())


def owners_in(conn: sqlite3.Connection, article_ids: Iterable[str], bound: str) -> dict[tuple[str, int], int]:
    """The entity each group of these articles belonged to as of `bound`, from the history."""
    return {(r[0], r[1]): r[2] for r in conn.execute(
        f"SELECT d.article_id, d.local, {_owner_then('d')} FROM doc_entities d"
        " WHERE d.article_id IN (SELECT value FROM json_each(?)) AND d.entity_id IS NOT NULL",
        (bound, json.dumps(sorted(set(article_ids)))))}


def history_complete(conn: sqlite3.Connection) -> bool:
    """Whether every resolved group has its history (false for a store resolved before it was kept, until a
    rebuild)."""
    row = conn.execute("SELECT complete FROM entity_history_state").fetchone()
    return bool(row and row[0])


def set_history_complete(conn: sqlite3.Connection) -> None:
    """Every resolved group has its history now (after a rebuild)."""
    conn.execute("UPDATE entity_history_state SET complete = 1")


def move_entity(conn: sqlite3.Connection, old: int, new: int, since: str) -> None:
    """Everything of entity `old` now belongs to `new`, from `since` on (the first sighting of the group that
    joined them); the summary of `old` goes, and its groups are yet to be counted in that of `new`."""
    conn.execute("INSERT OR REPLACE INTO entity_history (article_id, local, since, entity_id)"
                 " SELECT article_id, local, ?, ? FROM doc_entities WHERE entity_id = ?", (since, new, old))
    conn.execute("UPDATE doc_entities SET entity_id = ?, counted = 0 WHERE entity_id = ?", (new, old))
    conn.execute("UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
    _drop_summaries(conn, json.dumps([old]))


def put_entity(conn: sqlite3.Connection, entity: Entity, norms: Mapping[str, str]) -> None:
    """Store an entity's summary and its aliases (`norms` maps each alias to its matching form)."""
    conn.execute(
        "INSERT OR REPLACE INTO entities (id, name, type, mentions, articles, first_seen_at, first_day, last_day)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (entity.id, entity.name, entity.type, entity.mentions, entity.articles, entity.first_seen_at,
         entity.first_day, entity.last_day),
    )
    conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (entity.id,))
    conn.executemany("INSERT INTO entity_aliases (entity_id, alias, norm, mentions) VALUES (?, ?, ?, ?)",
                     [(entity.id, alias, norms[alias], count) for alias, count in entity.aliases])


@dataclass
class Tally:
    """What an entity's summary is made from: its groups' names and types (how many groups each), its mentions'
    texts (white space inside made single spaces), and the articles and days they are in, counting the current
    version of each article only."""

    first_seen_at: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    articles: int = 0
    first_day: str | None = None
    last_day: str | None = None

    def add(self, other: Tally) -> None:
        """Count `other` in too (tallies of disjoint groups, in articles `other.articles` does not share)."""
        self.first_seen_at = min(self.first_seen_at, other.first_seen_at)
        self.names += other.names
        self.types += other.types
        self.aliases += other.aliases
        self.mentions += other.mentions
        self.articles += other.articles
        self._cover(other.first_day, other.last_day)

    def count_mentions(self, alias: str, count: int, day: str) -> None:
        """Count in `count` mentions reading `alias` (as `spaced`) in an article published on `day`."""
        self.aliases[alias] += count
        self.mentions += count
        self._cover(day, day)

    def _cover(self, first: str | None, last: str | None) -> None:
        self.first_day = min(filter(None, (self.first_day, first)), default=None)
        self.last_day = max(filter(None, (self.last_day, last)), default=None)


def spaced(text: str) -> str:
    """An alias as counted: white space inside made single spaces."""
    return " ".join(text.split())


def uncounted_entities(conn: sqlite3.Connection, after: int, limit: int) -> list[int]:
    """The first `limit` entities with an id above `after` with groups their stored summary does not count yet (new,
    moved in, or to be summed again), in id order."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT entity_id FROM doc_entities WHERE counted = 0 AND entity_id > ? ORDER BY entity_id LIMIT ?",
        (after, limit))]


def count_uncounted(conn: sqlite3.Connection, entity_ids: Sequence[int]) -> dict[int, Tally]:
    """The tallies of the groups of these entities that their summaries do not count yet, in articles their counted
    groups are not in (names and types are added to `entity_names`); those groups are counted from now on."""
    ids = json.dumps(sorted(set(entity_ids)))
    pick = "d.entity_id IN (SELECT value FROM json_each(?)) AND d.counted = 0"
    conn.execute("INSERT INTO entity_names (entity_id, name, type, groups) SELECT d.entity_id, d.name, d.type,"
                 f" count(*) FROM doc_entities d WHERE {pick} GROUP BY d.entity_id, d.name, d.type"
                 " ON CONFLICT DO UPDATE SET groups = groups + excluded.groups", (ids,))
    added = {entity: Tally(seen) for entity, seen in conn.execute(
        f"SELECT d.entity_id, min(d.seen_at) FROM doc_entities d WHERE {pick} GROUP BY d.entity_id", (ids,))}
    current, params = current_filter(None)
    articles: dict[int, set[str]] = {}
    for entity, article, day, text, count in conn.execute(
            "SELECT d.entity_id, d.article_id, a.published_day, m.text, count(*) FROM doc_entities d"
            " JOIN articles a ON a.id = d.article_id"
            " JOIN entity_mentions m ON m.article_id = d.article_id AND m.local = d.local"
            f" WHERE {pick} AND {current} GROUP BY d.entity_id, d.article_id, m.text", (ids, *params)):
        added[entity].count_mentions(spaced(text), count, day)
        articles.setdefault(entity, set()).add(article)
    counted = {(r[0], r[1]) for r in conn.execute(  # read article by article (CROSS JOIN keeps that order): looked
        # up through the entity index instead, it probed every (entity, article) pair of the two lists
        "SELECT DISTINCT d.entity_id, d.article_id FROM json_each(?) a CROSS JOIN doc_entities d"
        " ON d.article_id = a.value WHERE d.counted = 1 AND d.entity_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set().union(*articles.values()))), ids))}
    for entity, found in articles.items():
        added[entity].articles = sum((entity, article) not in counted for article in found)
    conn.execute("UPDATE doc_entities SET counted = 1 WHERE entity_id IN (SELECT value FROM json_each(?))"
                 " AND counted = 0", (ids,))
    return added


def stored_tallies(conn: sqlite3.Connection, entity_ids: Sequence[int]) -> dict[int, Tally]:
    """The tallies the stored summaries of these entities hold (those with one), names from `entity_names`."""
    ids = json.dumps(sorted(set(entity_ids)))
    found = {row[0]: Tally(row[1], mentions=row[2], articles=row[3], first_day=row[4], last_day=row[5])
             for row in conn.execute("SELECT id, first_seen_at, mentions, articles, first_day, last_day FROM entities"
                                     " WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
    for entity, alias, count in conn.execute(
            "SELECT entity_id, alias, mentions FROM entity_aliases WHERE entity_id IN (SELECT value FROM json_each(?))",
            (ids,)):
        found[entity].aliases[alias] += count
    return found


def add_names(conn: sqlite3.Connection, tallies: Mapping[int, Tally]) -> None:
    """Put the names and types each entity's counted groups go by (`entity_names`) into its tally."""
    for entity, name, kind, groups in conn.execute(
            "SELECT entity_id, name, type, groups FROM entity_names"
            " WHERE entity_id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(tallies)),)):
        tallies[entity].names[name] += groups
        tallies[entity].types[kind] += groups


def recount(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    """Have the summaries of these entities summed again from all their groups (an article of theirs was revised:
    the mentions of its old version stop counting)."""
    ids = json.dumps(sorted(set(entity_ids)))
    conn.execute("UPDATE doc_entities SET counted = 0 WHERE entity_id IN (SELECT value FROM json_each(?))"
                 " AND counted = 1", (ids,))
    _drop_summaries(conn, ids)


def _drop_summaries(conn: sqlite3.Connection, ids: str) -> None:
    """Delete the summaries (aliases included) and name counts of the entities in the JSON list `ids`."""
    conn.execute("DELETE FROM entity_names WHERE entity_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("DELETE FROM entities WHERE id IN (SELECT value FROM json_each(?))", (ids,))


def clear_resolution(conn: sqlite3.Connection) -> None:
    """Forget every cross-article decision and every summary (mentions and groups stay), before a rebuild."""
    conn.execute("UPDATE doc_entities SET entity_id = NULL, counted = 0")
    conn.execute("UPDATE entity_mentions SET entity_id = NULL")
    for table in ("entity_history", "entity_rewound", "entity_aliases", "entity_names", "entities"):
        conn.execute(f"DELETE FROM {table}")


def overrides(conn: sqlite3.Connection) -> list[tuple[int, str, str, str]]:
    """(id, action, a, b) of every user override, oldest first."""
    return [(r[0], r[1], r[2], r[3]) for r in
            conn.execute("SELECT id, action, a, b FROM entity_overrides ORDER BY id")]


def add_override(conn: sqlite3.Connection, action: str, a: str, b: str, created_at: str) -> int:
    cursor = conn.execute("INSERT INTO entity_overrides (action, a, b, created_at) VALUES (?, ?, ?, ?)",
                          (action, a, b, created_at))
    return int(cursor.lastrowid or 0)
