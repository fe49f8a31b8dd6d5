"""Across articles: one entity per real-world thing, built incrementally as articles arrive.

Two article-local groups are the same entity when they share a link key (see `local`): a full person name, an
organisation's name or acronym, a title variant. Such a strong link depends on the two groups alone. A lone name
("Cruise") links weakly (see `context`): to a group going by it, or by a full name with it as surname, only when
their articles share context, and never so that two different full names end up in one entity. Groups are decided
in first-sighting order (`_resolve_groups` one by one, `decide` all at once, the same way), so an entity is a
function of the groups and does not depend on ingest order: a group arriving out of order has the decisions made
since its sighting undone and made again in order with it (an ingest run does it once for all of its own, at its
end). The id of an
entity is the node id of its earliest group, so even ids agree between stores fed the same articles. As of X, an
entity is a component of the groups first seen by X, decided the same way (`snapshot`); the components of one
stored entity's groups are those of the whole store.

Keeping it conservative: first names and short forms link inside one article only, and keys carry a type class (a
person never joins an organisation of the same name). Why groups are one entity is computed from their keys and
contexts when read (`evidence`), so a user can see why and undo it with an override.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial

from dateline.entities.context import (
    Context,
    article_context,
    compatible,
    is_lookup,
    is_weak,
    lone_names,
    lookup_keys,
    near,
    shared,
    surnames,
    weak_lookups,
)
from dateline.entities.decide import decide
from dateline.entities.entity import Entity
from dateline.entities.local import name_keys
from dateline.entities.mention import LABELS
from dateline.entities.names import norm, tokens
from dateline.entities.overrides import Rules
from dateline.errors import Code, StoreError
from dateline.store.articles import current_filter
from dateline.store.db import commit_step
from dateline.store.entities import (
    Group,
    Tally,
    add_names,
    add_override,
    aliased,
    article_bases,
    assign,
    clear_resolution,
    count_uncounted,
    current_articles,
    drop_vanished,
    entity_bases,
    first_keyed,
    first_sightings,
    first_unresolved,
    group_by_node,
    groups_of,
    history_complete,
    holders,
    latest_resolved,
    linked_entities,
    move_entity,
    names_in_use,
    node_order,
    owners_at,
    put_entity,
    recount,
    recount_rewound,
    redo_pending,
    rewind,
    set_history_complete,
    set_keys,
    set_redo_pending,
    set_sum_anew,
    spaced,
    stored_tallies,
    sum_anew,
    uncounted_entities,
    unresolved_groups,
    unresolved_pages,
    with_keys,
)

# The most article contexts `_settle` keeps between pages (a few kB each): a couple of months of a busy wire.
_CONTEXTS_KEPT = 20_000
# Pages of groups decided between two steps of a redo (`_redo_from`): a commit costs a checkpoint of the WAL.
_PAGES_A_STEP = 10


def resolve(conn: sqlite3.Connection, article_ids: Sequence[str], *, defer_backfill: bool = False) -> None:
    """Give an entity to every group of these newly stored articles, merging entities they bridge.

    Groups seen after every resolved one are decided one by one against the stored entities. When one was seen
    before groups already resolved (a backfill), or a killed redo is still to be finished (groups it has yet to
    decide again were seen before these), the decisions made from its sighting on are undone and made again in
    order with it (`_settle`). That costs what was seen since, so a caller storing many batches passes
    `defer_backfill`: a backfill's groups then stay unresolved until `resolve_pending`, which decides them all at
    once. The entities of a revised article are summed again: the mentions of its old version stop counting.
    """
    rules = Rules.load(conn)
    fresh = unresolved_groups(conn, list(article_ids))
    latest = latest_resolved(conn)
    if redo_pending(conn) is None and (not fresh or latest is None or latest < fresh[0].seen_at):
        _resolve_groups(conn, fresh, rules)
    elif not defer_backfill:
        _settle(conn, rules, step=lambda: None)  # all in the batch's transaction
    marks = ",".join("?" * len(article_ids))
    if article_ids:
        recount(conn, [r[0] for r in conn.execute(
            "SELECT DISTINCT d.entity_id FROM doc_entities d JOIN articles a ON a.supersedes = d.article_id"
            f" WHERE a.id IN ({marks}) AND d.entity_id IS NOT NULL", list(article_ids))])
    refresh(conn, rules)


def resolve_pending(conn: sqlite3.Connection) -> None:
    """Decide every group still without an entity (those `resolve` deferred, or a killed run left) at once, and
    finish a redo a killed run left. Commits as it goes (`_redo_from`)."""
    rules = Rules.load(conn)
    step = partial(commit_step, conn)
    _settle(conn, rules, step)
    refresh(conn, rules, step)


def _settle(conn: sqlite3.Connection, rules: Rules, step: Callable[[], None]) -> None:
    """Decide every group without an entity, from the earliest, or from where a killed redo was (`_redo_from`)."""
    since = min((s for s in (first_unresolved(conn), redo_pending(conn)) if s is not None), default=None)
    if since is not None:
        _redo_from(conn, since, rules, step)


def _redo_from(conn: sqlite3.Connection, since: str, rules: Rules, step: Callable[[], None]) -> None:
    """Decide again every group first seen from `since` on, with the groups without an entity. The decisions made
    since are undone first (`rewind`; all of them in a store without the history), so that all are made again in
    first-sighting order, one by one, a page at a time: the time it takes grows with what was seen since (a day of
    news for articles a day late), and its memory does not grow at all.

    `step` is called after each slice undone and every few pages decided (a caller that commits there bounds what
    one transaction holds, however big the store). The store remembers where the redo is (`redo_pending`), so a run
    killed half-way leaves a store whose groups seen since then wait for a backfill, and the next redo, backfill
    or rebuild goes on from there."""
    pending = redo_pending(conn)
    since = since if pending is None else min(since, pending)
    set_redo_pending(conn, since)
    latest = latest_resolved(conn)
    if latest is not None and latest >= since:
        if not history_complete(conn):
            clear_resolution(conn)
            set_history_complete(conn)
            since = ""
            set_redo_pending(conn, since)
        if since == "" and not sum_anew(conn):
            set_sum_anew(conn, True)  # a redo of everything: every summary is summed anew at its end
        rewind(conn, since, step)
    contexts: dict[str, Context] = {}  # the articles near the pages' days are read again and again
    for number, page in enumerate(unresolved_pages(conn, since), 1):
        if len(contexts) > _CONTEXTS_KEPT:
            contexts.clear()
        _resolve_groups(conn, page, rules, contexts)
        if number % _PAGES_A_STEP == 0:
            set_redo_pending(conn, page[-1].seen_at)
            step()
    recount_rewound(conn, step)
    set_redo_pending(conn, None)


def rebuild(conn: sqlite3.Connection) -> None:
    """Redo every cross-article decision from the stored groups (mentions are kept) and sum every entity anew
    (groups may have been replaced: `enrich`). Commits as it goes: killed, it is finished by the next ingest run,
    from where it was. The summaries found stay until each is summed anew at the end, so readers meanwhile see the
    entities as they were (with the groups not yet decided again missing from them)."""
    rules = Rules.load(conn)
    step = partial(commit_step, conn)
    set_redo_pending(conn, "")
    _redo_from(conn, "", rules, step)
    refresh(conn, rules, step)


def apply_override(conn: sqlite3.Connection, action: str, a: str, b: str, created_at: str) -> None:
    """Record a user override (merge a+b, split b out of a, rename a to b) and decide again what it changes: the
    groups seen since the earliest it applies to (a merge or a split: the keys of no earlier group change), or the
    summaries of the entities going by `a` (a rename changes no decision); and finishes a redo a killed run left
    (summaries wait for it).

    A split must name something the entity is called in some article, else it would silently do nothing (D204).
    """
    since = None
    if action == "split":
        named = norm(b)
        since = min((seen for name, seen in first_sightings(conn) if norm(name) == named), default=None)
        if since is None:
            raise StoreError(f"no article names an entity {b!r}; `dateline entity {a!r}` lists its names",
                             code=Code.NOT_FOUND)
    elif action == "merge":
        since = first_keyed(conn, name_keys(a) | name_keys(b))
    add_override(conn, action, a, b, created_at)
    rules = Rules.load(conn)
    step = partial(commit_step, conn)
    if action == "rename":
        old = norm(a)
        recount(conn, {entity for entity, name in names_in_use(conn) if norm(name) == old} | aliased(conn, old))
    since = min((s for s in (since, redo_pending(conn)) if s is not None), default=None)
    if since is not None:
        _redo_from(conn, since, rules, step)
    refresh(conn, rules, step)


def _keys(group: Group, rules: Rules) -> dict[str, str]:
    """A group's effective keys: its names' keys after the overrides, and its surname lookup keys."""
    return {**rules.keys_for(group), **lookup_keys(group.bases)}


def _with_keys(conn: sqlite3.Connection, group: Group, rules: Rules) -> Group:
    """The group with its effective keys, stored if they changed."""
    keys = _keys(group, rules)
    if tuple(sorted(keys)) != group.keys:
        set_keys(conn, group, keys.items())
    return replace(group, keys=tuple(sorted(keys)))


def _resolve_groups(conn: sqlite3.Connection, groups: Iterable[Group], rules: Rules,
                    contexts: dict[str, Context] | None = None) -> None:
    """Resolve groups seen after every resolved one, one by one in first-sighting order, as `decide` would: first
    join every entity sharing a strong key; then each entity a lone name or the context links to, the one sharing
    the most names first (the earliest on a tie), unless both hold full person names and share none. `contexts`
    keeps the contexts of the articles read (their base keys, which overrides never change), for the next call."""
    contexts = {} if contexts is None else contexts
    for group in groups:
        group = _with_keys(conn, group, rules)
        strong = sorted(k for k in group.keys if not (is_weak(k) or is_lookup(k)))
        winner, earliest = group.node, group.order
        linked = linked_entities(conn, strong)
        for entity_id in linked:
            if (order := node_order(conn, entity_id)) < earliest:
                winner, earliest = entity_id, order
        for entity_id in linked - {winner}:
            move_entity(conn, entity_id, winner, group.seen_at)
        assign(conn, group, winner)
        candidates = _weak_candidates(conn, group, contexts)
        for other in sorted(set(candidates) - {winner}, key=lambda e: (-candidates[e], node_order(conn, e))):
            if compatible(entity_bases(conn, winner, "per:"), entity_bases(conn, other, "per:")):
                first, second = sorted((winner, other), key=lambda e: node_order(conn, e))
                move_entity(conn, second, first, group.seen_at)
                winner = first


def _weak_candidates(conn: sqlite3.Connection, group: Group, contexts: dict[str, Context]) -> dict[int, int]:
    """The stored entities a group may join weakly, with the most names its article shares with one of theirs:
    those with a group whose article shares enough context with this one and that goes by its lone name, its
    surname alone (for a full name), or a full name with it as surname (for a lone name). Only the groups of
    articles published near this one's are read (`context.near`); `contexts` keeps the articles' contexts read."""
    lookups = weak_lookups(group)
    if not lookups:
        return {}
    if group.article_id not in contexts:
        contexts.update(_contexts(conn, [group]))
    if group.article_id not in contexts:
        return {}
    days = near(contexts[group.article_id].day)
    others = [held for key, _, lone_only in lookups for held in holders(conn, key, days)
              if not lone_only or lone_names(held[1])]
    contexts.update(_contexts(conn, [other for _, other in others if other.article_id not in contexts]))
    found: dict[int, int] = {}
    for entity, other in others:
        if common := shared(group, other, contexts):
            found[entity] = max(found.get(entity, 0), len(common))
    return found


def refresh(conn: sqlite3.Connection, rules: Rules | None = None, step: Callable[[], None] | None = None) -> None:
    """Bring the stored summaries (name, type, counts, aliases, days) up to date with the groups they do not count
    yet, a few hundred entities at a time (calling `step`, if given, after each): each such entity's stored tallies
    plus what those groups add. A batch costs what it adds, however many articles named the entity before.

    Not while a redo is under way (`redo_pending`, one a killed run left): summing groups it has decided again would
    count them twice (the summaries it left still count them, `recount_rewound`), so they wait for its end. After
    a rebuild (`sum_anew`) each entity is summed anew from all its groups, and those of the entities gone are
    dropped."""
    if redo_pending(conn) is not None:
        return
    rules = rules or Rules.load(conn)
    anew = sum_anew(conn)
    after = -1
    while chunk := uncounted_entities(conn, after, 400):
        after = chunk[-1]
        if anew:
            recount(conn, chunk)
        added = count_uncounted(conn, chunk)
        tallies = stored_tallies(conn, chunk)
        for entity_id, tally in added.items():
            tallies.setdefault(entity_id, Tally(tally.first_seen_at)).add(tally)
        add_names(conn, tallies)
        for entity_id, tally in tallies.items():
            entity = _summary(entity_id, entity_id, tally, rules)
            put_entity(conn, entity, {alias: norm(alias) for alias, _ in entity.aliases})
        if step:
            step()
    if anew:
        drop_vanished(conn)
        set_sum_anew(conn, False)


def _contexts(conn: sqlite3.Connection, groups: Iterable[Group]) -> dict[str, Context]:
    """The contexts of the articles of those groups that may link by context (lone names and full person names)."""
    return {article: article_context(day, bases) for article, (day, bases) in article_bases(
        conn, {g.article_id for g in groups if lone_names(g) or surnames(g)}).items()}


def snapshot(conn: sqlite3.Connection, entity_id: int, bound: str | None) -> list[list[Group]]:
    """The entities that stored entity `entity_id` was as of `bound`: components of its groups first seen by then
    (each list earliest first). With no bound it is one component, the stored entity itself."""
    return snapshots(conn, [entity_id], bound).get(entity_id, [])


def snapshots(conn: sqlite3.Connection, entity_ids: Iterable[int], bound: str | None) -> dict[int, list[list[Group]]]:
    """`snapshot` of each of these stored entities: their groups and the entity each belonged to as of `bound`
    read from the history in one query (an entity with a group resolved before the history was kept is replayed
    with `decide`). Groups read from the history carry no keys; `evidence` reads them."""
    wanted = set(entity_ids)
    if bound is None:
        return {entity_id: [groups] for entity_id, groups in groups_of(conn, wanted, None).items()}
    owned = owners_at(conn, wanted, bound)
    replayed = {entity_id for entity_id, rows in owned.items() if any(owner == 0 for _, owner in rows)}
    for entity_id, groups in groups_of(conn, replayed, bound).items():
        roots = decide(groups, _contexts(conn, groups)).roots
        owned[entity_id] = [(group, groups[root].node) for group, root in zip(groups, roots, strict=True)]
    found: dict[int, list[list[Group]]] = {}
    for entity_id, rows in owned.items():
        parts: dict[int, list[Group]] = {}
        for group, owner in rows:
            parts.setdefault(owner, []).append(group)
        found[entity_id] = sorted(parts.values(), key=lambda part: part[0].order)
    return found


def evidence(conn: sqlite3.Connection, groups: list[Group]) -> list[tuple[Group, Group, str]]:
    """Why these groups (one entity, earliest first) are one: for each link that joined two parts, the group, the
    earlier group it was linked to, and the shared key or context. The same in any store holding these groups."""
    full = with_keys(conn, groups)
    return [(full[i], full[j], why) for i, j, why in decide(full, _contexts(conn, full)).joins]


def _summary(entity_id: int, stored_id: int, tally: Tally, rules: Rules) -> Entity:
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


def describe(conn: sqlite3.Connection, stored_id: int, groups: list[Group], as_of: str | None,
             rules: Rules) -> Entity:
    """The summary of the entity made of `groups` (part of stored entity `stored_id`, earliest first), counting
    the mentions in the current revision of each article as of `as_of`."""
    return describe_many(conn, [(stored_id, groups)], as_of, rules)[0]


def describe_many(conn: sqlite3.Connection, parts: Sequence[tuple[int, list[Group]]], as_of: str | None,
                  rules: Rules) -> list[Entity]:
    """`describe` of each (stored entity, groups) part, the mentions of all of them read in one query."""
    if not parts:
        return []
    stored_ids = sorted({stored for stored, _ in parts})
    wanted = json.dumps(stored_ids)
    # One entity's mentions are checked one by one; many entities' current article versions are listed once, among
    # the articles naming them (not the whole corpus).
    if len(stored_ids) == 1:
        current, params = current_filter(as_of)
    else:
        listed, params = current_articles(as_of, "SELECT article_id FROM entity_mentions WHERE entity_id IN"
                                                 " (SELECT value FROM json_each(?))")
        current, params = f"a.id IN ({listed})", [wanted, *params]
    rows: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for article_id, local, text, day in conn.execute(
            "SELECT m.article_id, m.local, m.text, a.published_day FROM entity_mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE m.entity_id IN (SELECT value FROM json_each(?))"
            f" AND {current}", [wanted, *params]):
        rows.setdefault((article_id, local), []).append((text, day))
    described = []
    for stored_id, groups in parts:
        kept = [(g.article_id, text, day) for g in groups for text, day in rows.get((g.article_id, g.local), ())]
        days = sorted(day for _, _, day in kept)
        tally = Tally(groups[0].seen_at, Counter(g.name for g in groups), Counter(g.type for g in groups),
                       Counter(spaced(text) for _, text, _ in kept), len(kept), len({a for a, _, _ in kept}),
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
