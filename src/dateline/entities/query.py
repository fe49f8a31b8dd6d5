"""Reading entities: find one by any of its names, list the most mentioned, and profile one, as of any date.

Without an as-of date the stored summaries answer. With one, each stored entity is cut back to its groups first
seen by then (`resolve.snapshot`) and summarised from the article versions known then, so the answer is the one
a store that only ever saw those articles would give, ids included.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dateline.asof import as_of_bound
from dateline.entities.local import name_keys
from dateline.entities.names import norm
from dateline.entities.overrides import Rules
from dateline.entities.resolve import describe, locate, snapshot
from dateline.errors import Code, StoreError
from dateline.store.articles import current_filter
from dateline.store.entities import EntityRow, Group


@dataclass(frozen=True)
class Entity:
    """One entity as of some date. `stored_id` is the `entity_mentions.entity_id` its mentions carry: it equals
    `id` except as of a date before a later article bridged this entity with another one."""

    id: int
    name: str
    type: str
    mentions: int
    articles: int
    first_seen_at: str
    first_day: str | None
    last_day: str | None
    aliases: list[tuple[str, int]]
    stored_id: int

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "type": self.type, "mentions": self.mentions,
                "articles": self.articles, "first_seen_at": self.first_seen_at, "first_day": self.first_day,
                "last_day": self.last_day, "aliases": [{"alias": a, "mentions": n} for a, n in self.aliases]}


def _entity(row: EntityRow, stored_id: int) -> Entity:
    aliases = sorted(((alias, count) for alias, _, count in row.aliases), key=lambda a: (-a[1], a[0]))
    return Entity(row.id, row.name, row.type, row.mentions, row.articles, row.first_seen_at, row.first_day,
                  row.last_day, aliases, stored_id)


def _stored(conn: sqlite3.Connection, entity_id: int) -> Entity | None:
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    aliases = tuple((r[0], r[1], r[2]) for r in conn.execute(
        "SELECT alias, norm, mentions FROM entity_aliases WHERE entity_id = ?", (entity_id,)))
    return _entity(EntityRow(row["id"], row["name"], row["type"], row["mentions"], row["articles"],
                             row["first_seen_at"], row["first_day"], row["last_day"], aliases), entity_id)


def _as_of(conn: sqlite3.Connection, stored_id: int, as_of: str | None, rules: Rules) -> list[Entity]:
    """What stored entity `stored_id` was as of `as_of`: none, itself, or several parts."""
    if as_of is None:
        found = _stored(conn, stored_id)
        return [found] if found else []
    parts = snapshot(conn, stored_id, as_of_bound(as_of))
    return [_entity(describe(conn, stored_id, part, as_of, rules), stored_id) for part in parts]


def get_entity(conn: sqlite3.Connection, entity_id: int, as_of: str | None = None) -> Entity | None:
    """The entity with this id as of `as_of`, or None if there was none."""
    if as_of is None:
        return _stored(conn, entity_id)
    located = locate(conn, entity_id, as_of_bound(as_of))
    if located is None:
        return None
    entity = _entity(describe(conn, located[0], located[1], as_of, Rules.load(conn)), located[0])
    return entity if entity.mentions else None


def find_entity(conn: sqlite3.Connection, name: str, as_of: str | None = None) -> Entity | None:
    """The entity going by `name` (any alias, folded and case-blind; a title variant such as "Dead Reckoning Part
    Two" for "Mission: Impossible – Dead Reckoning Part Two"; or its numeric id) as of `as_of`.

    When several go by the name, the one whose display name it is wins, then the most mentioned.
    """
    if name.strip().isdigit():
        by_id = get_entity(conn, int(name), as_of)
        if by_id is not None:
            return by_id
    wanted = norm(name)
    keys = sorted(name_keys(name))
    stored = [r[0] for r in conn.execute(
        "SELECT entity_id FROM entity_aliases WHERE norm = ? UNION SELECT id FROM entities WHERE name = ?"
        " COLLATE NOCASE UNION SELECT d.entity_id FROM doc_entity_keys k JOIN doc_entities d"
        " ON d.article_id = k.article_id AND d.local = k.local"
        f" WHERE k.base IN ({','.join('?' * len(keys))}) AND d.entity_id IS NOT NULL", (wanted, name.strip(), *keys))]
    rules = Rules.load(conn)
    candidates = [e for sid in stored for e in _as_of(conn, sid, as_of, rules)
                  if e.mentions and _goes_by(conn, e, wanted, set(keys), as_of)]
    if not candidates:
        return None
    return min(candidates, key=lambda e: (norm(e.name) != wanted, -e.mentions, e.id))


def _goes_by(conn: sqlite3.Connection, entity: Entity, wanted: str, keys: set[str], as_of: str | None) -> bool:
    """Whether `entity` (as of `as_of`) has the name or one of the link keys asked for."""
    if norm(entity.name) == wanted or any(norm(a) == wanted for a, _ in entity.aliases):
        return True
    located = locate(conn, entity.id, as_of_bound(as_of))
    return located is not None and any(keys & set(g.bases) for g in located[1])


def list_entities(conn: sqlite3.Connection, type: str | None = None, top: int = 20,
                  as_of: str | None = None) -> list[Entity]:
    """The `top` most mentioned entities (of one type if given) as of `as_of`."""
    if as_of is None:
        query = "SELECT id FROM entities WHERE mentions > 0" + (" AND type = ?" if type else "")
        query += " ORDER BY mentions DESC, articles DESC, id LIMIT ?"
        ids = [r[0] for r in conn.execute(query, [type, top] if type else [top])]
        return [e for i in ids if (e := _stored(conn, i)) is not None]
    condition, params = current_filter(as_of)
    stored = [r[0] for r in conn.execute(
        "SELECT DISTINCT m.entity_id FROM entity_mentions m JOIN articles a ON a.id = m.article_id"
        f" WHERE m.entity_id IS NOT NULL AND {condition}", params)]
    rules = Rules.load(conn)
    found = [e for sid in stored for e in _as_of(conn, sid, as_of, rules)
             if e.mentions and (type is None or e.type == type)]
    return sorted(found, key=lambda e: (-e.mentions, -e.articles, e.id))[:top]


@dataclass
class Profile:
    """Everything about one entity as of a date: when and where it is mentioned, with whom, and why its names
    were merged."""

    entity: Entity
    per_day: dict[str, int] = field(default_factory=dict)
    co_mentioned: list[tuple[Entity, int]] = field(default_factory=list)
    articles: list[dict[str, object]] = field(default_factory=list)
    links: list[dict[str, object]] = field(default_factory=list)
    evidence: list[dict[str, object]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            **self.entity.to_json(), "per_day": self.per_day,
            "co_mentioned": [{"id": e.id, "name": e.name, "type": e.type, "articles": n} for e, n in
                             self.co_mentioned],
            "mentioned_in": self.articles, "links": self.links, "evidence": self.evidence,
        }


def entity_profile(conn: sqlite3.Connection, entity_id: int, as_of: str | None = None,
                   co_mentioned: int = 10) -> Profile:
    """The profile of entity `entity_id` as of `as_of`; D204 if it did not exist then."""
    bound = as_of_bound(as_of)
    located = locate(conn, entity_id, bound)
    entity = get_entity(conn, entity_id, as_of)
    if located is None or entity is None:
        raise StoreError(f"no entity {entity_id}" + (f" as of {as_of}" if as_of else ""), code=Code.NOT_FOUND)
    stored, groups = located
    members = {(g.article_id, g.local) for g in groups}
    condition, params = current_filter(as_of)
    rows = [r for r in conn.execute(
        "SELECT m.article_id, m.local, m.sentence, m.text, m.link, a.published_day, a.title, a.text AS body"
        f" FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND {condition}"
        " ORDER BY a.published_day, m.article_id, m.idx", [stored, *params]) if (r[0], r[1]) in members]
    profile = Profile(entity, dict(sorted(Counter(r["published_day"] for r in rows).items())))
    by_article: dict[str, dict[str, object]] = {}
    for r in rows:
        entry = by_article.setdefault(r["article_id"], {"id": r["article_id"], "title": r["title"],
                                                        "published_day": r["published_day"], "sentences": {}})
        spans = conn.execute("SELECT start, end FROM sentences WHERE article_id = ? AND idx = ?",
                             (r["article_id"], r["sentence"])).fetchone()
        sentences = entry["sentences"]
        assert isinstance(sentences, dict)
        if spans is not None:
            sentences[r["sentence"]] = r["body"][spans[0]:spans[1]]
    profile.articles = [{**a, "sentences": [{"index": i, "text": t} for i, t in sorted(a["sentences"].items())]}
                        for a in by_article.values() if isinstance(a["sentences"], dict)]
    why = Counter((r["text"], r["link"]) for r in rows if r["link"])
    profile.links = [{"text": text, "why": link, "count": n} for (text, link), n in sorted(why.items())]
    profile.co_mentioned = _co_mentioned(conn, set(by_article), members, as_of, co_mentioned)
    profile.evidence = _evidence(conn, stored, members, bound)
    return profile


def _co_mentioned(conn: sqlite3.Connection, articles: set[str], members: set[tuple[str, int]],
                  as_of: str | None, top: int) -> list[tuple[Entity, int]]:
    if not articles:
        return []
    marks = ",".join("?" * len(articles))
    rows = conn.execute(f"SELECT DISTINCT article_id, local, entity_id FROM entity_mentions WHERE article_id IN"
                        f" ({marks}) AND entity_id IS NOT NULL", sorted(articles)).fetchall()
    owner: dict[tuple[str, int], int] = {}
    bound = as_of_bound(as_of)
    for stored in sorted({r[2] for r in rows}):
        for part in snapshot(conn, stored, bound):
            owner.update({(g.article_id, g.local): part[0].node for g in part})
    counts: dict[int, set[str]] = defaultdict(set)
    for article_id, local, _ in rows:
        if (article_id, local) not in members and (article_id, local) in owner:
            counts[owner[(article_id, local)]].add(article_id)
    ranked = sorted(counts.items(), key=lambda item: (-len(item[1]), item[0]))
    out = []
    for other, seen in ranked:
        found = get_entity(conn, other, as_of)
        if found is not None:
            out.append((found, len(seen)))
        if len(out) == top:
            break
    return out


def _evidence(conn: sqlite3.Connection, stored: int, members: set[tuple[str, int]],
              bound: str | None) -> list[dict[str, object]]:
    rows = conn.execute(
        "SELECT l.article_id, l.local, d.name, l.other_article, l.other_local, o.name, l.key, l.seen_at"
        " FROM entity_links l JOIN doc_entities d ON d.article_id = l.article_id AND d.local = l.local"
        " JOIN doc_entities o ON o.article_id = l.other_article AND o.local = l.other_local"
        " WHERE d.entity_id = ? ORDER BY l.seen_at, l.article_id, l.local", (stored,)).fetchall()
    return [{"name": r[2], "article": r[0], "linked_to": r[5], "other_article": r[3], "key": r[6], "seen_at": r[7]}
            for r in rows if (r[0], r[1]) in members and (r[3], r[4]) in members and (bound is None or r[7] <= bound)]


__all__ = ["Entity", "Group", "Profile", "entity_profile", "find_entity", "get_entity", "list_entities"]
