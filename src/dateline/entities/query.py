"""Reading entities: find one by any of its names, list the most mentioned, and profile one, as of any date.

Without an as-of date the stored summaries answer. With one, each stored entity is cut back to its groups first
seen by then (`resolve.snapshot`) and summarised from the article versions known then, so the answer is the one
a store that only ever saw those articles would give, ids included.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.asof import as_of_bound
from dateline.entities.entity import Entity
from dateline.entities.local import name_keys
from dateline.entities.names import norm
from dateline.entities.overrides import Rules
from dateline.entities.resolve import describe, describe_many, evidence, locate, snapshot, snapshots
from dateline.errors import Code, StoreError
from dateline.store.articles import current_filter
from dateline.store.entities import (
    Group,
    changed_after,
    current_articles,
    history_complete,
    named_by,
    owners_in,
    ranked_at,
    stored_of,
)


def _stored(conn: sqlite3.Connection, entity_id: int) -> Entity | None:
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    aliases = [(r[0], r[1]) for r in conn.execute(
        "SELECT alias, mentions FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, alias", (entity_id,))]
    return Entity(row["id"], row["name"], row["type"], row["mentions"], row["articles"], row["first_seen_at"],
                  row["first_day"], row["last_day"], aliases, entity_id)


def _as_of(conn: sqlite3.Connection, stored_id: int, as_of: str | None, rules: Rules) -> list[Entity]:
    """What stored entity `stored_id` was as of `as_of`: none, itself, or several parts."""
    if as_of is None:
        found = _stored(conn, stored_id)
        return [found] if found else []
    parts = snapshot(conn, stored_id, as_of_bound(as_of))
    return describe_many(conn, [(stored_id, part) for part in parts], as_of, rules)


def get_entity(conn: sqlite3.Connection, entity_id: int, as_of: str | None = None) -> Entity | None:
    """The entity with this id as of `as_of`, or None if there was none."""
    if as_of is None:
        return _stored(conn, entity_id)
    return _described(conn, locate(conn, entity_id, as_of_bound(as_of)), as_of)


def _described(conn: sqlite3.Connection, located: tuple[int, list[Group]] | None, as_of: str) -> Entity | None:
    """The entity `locate` found as of `as_of`, summarised; None if it was not, or had no current mention."""
    if located is None:
        return None
    entity = describe(conn, located[0], located[1], as_of, Rules.load(conn))
    return entity if entity.mentions else None


def find_entity(conn: sqlite3.Connection, name: str, as_of: str | None = None) -> Entity | None:
    """The entity going by `name` (any alias, folded and case-blind; a title variant such as "Dead Reckoning Part
    Two" for "Mission: Impossible – Dead Reckoning Part Two"; or its numeric id) as of `as_of`.

    When several go by the name, the one whose display name it is wins, then the most mentioned.
    """
    if name.strip().isdecimal():
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
    return located is not None and not named_by(conn, keys).isdisjoint((g.article_id, g.local) for g in located[1])


_MENTIONED = "SELECT article_id FROM entity_mentions WHERE entity_id IS NOT NULL"  # articles naming an entity


def list_entities(conn: sqlite3.Connection, type: str | None = None, top: int = 20,
                  as_of: str | None = None) -> list[Entity]:
    """The `top` most mentioned entities (of one type if given) as of `as_of`."""
    if as_of is None:
        query = "SELECT id FROM entities WHERE mentions > 0" + (" AND type = ?" if type else "")
        query += " ORDER BY mentions DESC, articles DESC, id LIMIT ?"
        ids = [r[0] for r in conn.execute(query, [type, top] if type else [top])]
        return [e for i in ids if (e := _stored(conn, i)) is not None]
    bound = as_of_bound(as_of)
    if bound is not None and history_complete(conn):
        return _listed_from_history(conn, type, top, as_of, bound)
    # Entities with no group first seen after the date are as they are stored: rank them on counts from one
    # query; only those a later article changed are cut back and summarised.
    current, params = current_articles(as_of, _MENTIONED)
    counts = conn.execute(
        "SELECT m.entity_id, count(*), count(DISTINCT m.article_id), e.type FROM entity_mentions m"
        f" JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN ({current}) GROUP BY m.entity_id",
        params).fetchall()
    later = changed_after(conn, bound)
    rules = Rules.load(conn)
    ranked: list[tuple[int, int, int, Entity | None]] = [
        (mentions, articles, stored, None) for stored, mentions, articles, kind in counts
        if stored not in later and (type is None or kind == type)]
    ranked.sort(key=lambda item: (-item[0], -item[1], item[2]))
    # A part of a changed entity has at most the mentions and articles the whole has as of the date: cut them back
    # (their groups and mentions in two queries a batch) in order of that ceiling, until `top` entities rank above
    # any part of those left.
    pending = sorted(((mentions, articles, stored) for stored, mentions, articles, _ in counts if stored in later),
                     key=lambda item: (-item[0], -item[1], item[2]))
    batch = max(top, _BATCH)
    while pending and (len(ranked) < top or ranked[top - 1][:2] <= pending[0][:2]):
        cuts = snapshots(conn, {stored for _, _, stored in pending[:batch]}, bound)
        pending = pending[batch:]
        parts = [(stored, part) for stored, pieces in cuts.items() for part in pieces]
        ranked += [(e.mentions, e.articles, e.id, e) for e in describe_many(conn, parts, as_of, rules)
                   if e.mentions and (type is None or e.type == type)]
        ranked.sort(key=lambda item: (-item[0], -item[1], item[2]))
    top_ranked = ranked[:top]
    whole = [(stored, cut[0]) for stored, cut in
             snapshots(conn, [stored for _, _, stored, entity in top_ranked if entity is None], bound).items()]
    described = {e.id: e for e in describe_many(conn, whole, as_of, rules)}
    return [entity or described[stored] for _, _, stored, entity in top_ranked]


def _listed_from_history(conn: sqlite3.Connection, type: str | None, top: int, as_of: str,
                         bound: str) -> list[Entity]:
    """`list_entities` as of a date from the history: the mentions of the article versions current then counted by
    the entity their group belonged to then (`ranked_at`), the best ranked summarised until `top` are of `type`."""
    current, params = current_articles(as_of, _MENTIONED)
    ranked = ranked_at(conn, bound, current, params)
    found: list[Entity] = []
    batch = top if type is None else max(top, _BATCH)
    for start in range(0, len(ranked), batch):
        chunk = ranked[start:start + batch]
        described = _described_parts(conn, chunk, as_of, bound)
        found += [e for node, _ in chunk if (e := described[node]) and (type is None or e.type == type)]
        if len(found) >= top:
            break
    return found[:top]


def _described_parts(conn: sqlite3.Connection, nodes: Sequence[tuple[int, int]], as_of: str,
                     bound: str) -> dict[int, Entity]:
    """The summaries as of `as_of` of these entities, given as (id, the stored entity it is part of now)."""
    cut = snapshots(conn, {stored for _, stored in nodes}, bound)
    parts = {part[0].node: (stored, part) for stored, pieces in cut.items() for part in pieces}
    return {e.id: e for e in describe_many(conn, [parts[node] for node, _ in nodes], as_of, Rules.load(conn))}


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
                   co_mentioned: int = 10, articles: int = 100) -> Profile:
    """The profile of entity `entity_id` as of `as_of`: counts per day over all its mentions, and the sentences
    of its latest `articles` articles (oldest first); D204 if it did not exist then."""
    bound = as_of_bound(as_of)
    located = locate(conn, entity_id, bound)
    entity = _stored(conn, entity_id) if as_of is None else _described(conn, located, as_of)
    if located is None or entity is None:
        raise StoreError(f"no entity {entity_id}" + (f" as of {as_of}" if as_of else ""), code=Code.NOT_FOUND)
    stored, groups = located
    members = {(g.article_id, g.local) for g in groups}
    condition, params = current_filter(as_of)
    rows = [r for r in conn.execute(
        "SELECT m.article_id, m.local, m.sentence, m.text, m.link, a.published_day, a.title FROM entity_mentions m"
        f" JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND {condition}"
        " ORDER BY a.published_day, m.article_id, m.idx", [stored, *params]) if (r[0], r[1]) in members]
    profile = Profile(entity, dict(sorted(Counter(r["published_day"] for r in rows).items())))
    named: dict[str, tuple[str, str | None, set[int]]] = {}
    for r in rows:
        named.setdefault(r["article_id"], (r["published_day"], r["title"], set()))[2].add(r["sentence"])
    profile.articles = [_mentioning(conn, article_id, *named[article_id]) for article_id in list(named)[-articles:]]
    why = Counter((r["text"], r["link"]) for r in rows if r["link"])
    profile.links = [{"text": text, "why": link, "count": n} for (text, link), n in sorted(why.items())]
    profile.co_mentioned = _co_mentioned(conn, set(named), members, as_of, co_mentioned)
    profile.evidence = _evidence(conn, groups)
    return profile


def _mentioning(conn: sqlite3.Connection, article_id: str, day: str, title: str | None,
                indexes: set[int]) -> dict[str, object]:
    """One article naming the entity, with the sentences that do."""
    body = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    spans = conn.execute(f"SELECT idx, start, end FROM sentences WHERE article_id = ? AND idx IN"
                         f" ({','.join('?' * len(indexes))}) ORDER BY idx", (article_id, *sorted(indexes)))
    return {"id": article_id, "title": title, "published_day": day,
            "sentences": [{"index": idx, "text": body[start:end]} for idx, start, end in spans]}


def _co_mentioned(conn: sqlite3.Connection, articles: set[str], members: set[tuple[str, int]],
                  as_of: str | None, top: int) -> list[tuple[Entity, int]]:
    """The entities named in most of these articles, with how many; only entities a later article changed are cut
    back to what they were as of `as_of`, the rest are as stored."""
    bound = as_of_bound(as_of)
    if as_of is not None and bound is not None and history_complete(conn):
        return _co_mentioned_from_history(conn, articles, members, as_of, bound, top)
    later = changed_after(conn, bound)
    ordered = sorted(articles)
    rows: list[tuple[str, int, int]] = []
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        rows += conn.execute(f"SELECT article_id, local, entity_id FROM doc_entities WHERE article_id IN"
                             f" ({','.join('?' * len(chunk))}) AND entity_id IS NOT NULL", chunk).fetchall()
    named: dict[int, list[tuple[str, int]]] = defaultdict(list)  # stored entity -> its groups in the articles
    for article_id, local, stored in rows:
        if (article_id, local) not in members:
            named[stored].append((article_id, local))
    # A part of a stored entity is named in at most as many articles as the whole: cut the stored entities back in
    # order of that ceiling, a batch at a time, and stop once `top` entities are named more often than any part
    # of the entities left could be (most co-mentioned entities are never cut back).
    ceiling = {stored: len({article_id for article_id, _ in groups}) for stored, groups in named.items()}
    pending = sorted(named, key=lambda stored: (-ceiling[stored], stored))
    counts: dict[int, set[str]] = defaultdict(set)
    found: dict[int, Entity | None] = {}
    while True:
        batch, pending = pending[:_BATCH], pending[_BATCH:]
        owner: dict[tuple[str, int], int] = {}
        for cut in snapshots(conn, set(batch) & later, bound).values():
            for part in cut:
                owner.update({(g.article_id, g.local): part[0].node for g in part})
        for stored in batch:
            for article_id, local in named[stored]:
                other = owner.get((article_id, local)) if stored in later else stored
                if other is not None:
                    counts[other].add(article_id)
        most_left = ceiling[pending[0]] if pending else -1
        ranked = sorted((item for item in counts.items() if len(item[1]) > most_left),
                        key=lambda item: (-len(item[1]), item[0]))
        out = []
        for other, seen in ranked:
            if other not in found:
                found[other] = get_entity(conn, other, as_of)
            if (entity := found[other]) is not None:
                out.append((entity, len(seen)))
            if len(out) == top:
                return out
        if not pending:
            return out


def _co_mentioned_from_history(conn: sqlite3.Connection, articles: set[str], members: set[tuple[str, int]],
                               as_of: str, bound: str, top: int) -> list[tuple[Entity, int]]:
    """`_co_mentioned` from the history: the groups of these articles counted by the entity each belonged to then,
    the most named summarised `top` at a time until `top` have a mention in an article version current then."""
    counts: dict[int, set[str]] = defaultdict(set)
    for (article_id, local), owner in owners_in(conn, articles, bound).items():
        if (article_id, local) not in members:
            counts[owner].add(article_id)
    ranked = sorted(counts.items(), key=lambda item: (-len(item[1]), item[0]))
    out: list[tuple[Entity, int]] = []
    for start in range(0, len(ranked), top):
        chunk = ranked[start:start + top]
        stored = stored_of(conn, [owner for owner, _ in chunk])
        described = _described_parts(conn, [(owner, stored[owner]) for owner, _ in chunk], as_of, bound)
        out += [(entity, len(seen)) for owner, seen in chunk if (entity := described[owner]).mentions]
        if len(out) >= top:
            break
    return out[:top]


# How many co-mentioned stored entities are cut back to the as-of date at a time.
_BATCH = 50


def _evidence(conn: sqlite3.Connection, groups: list[Group]) -> list[dict[str, object]]:
    return [{"name": group.name, "article": group.article_id, "linked_to": other.name,
             "other_article": other.article_id, "key": key, "seen_at": group.seen_at}
            for group, other, key in evidence(conn, groups)]


__all__ = ["Entity", "Group", "Profile", "entity_profile", "find_entity", "get_entity", "list_entities"]
