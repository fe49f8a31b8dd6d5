"""Deciding which groups are one entity, all at once and in memory, the way `resolve` decides them one by one.

Groups are taken in first-sighting order. Each first joins every earlier component it shares a strong key with;
then each it may join weakly (a lone name or a surname whose articles share context: see `context`), the one whose
article shares the most names with its own first (the earliest on a tie), unless both hold full person names and
share none: "Smith" joins the Smith its article has most in common with, and no other. A component is named by
its earliest group. The decision also yields the history of each group's entity: the entity it joined when first
seen, and each later one its entity was joined into, with the first sighting of the group that caused it, so that
an as-of read is a look-up (`store.entities.owners_at`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Mapping
from dataclasses import dataclass

from dateline.entities.context import (
    NEAR_DAYS,
    SURNAME,
    Context,
    compatible,
    full_names,
    is_lookup,
    is_weak,
    lone_names,
    reason,
    shared,
    surnames,
    weak_lookups,
)
from dateline.store.entities import Group

Join = tuple[int, int, str]  # a group, the earlier group it was linked to, why


@dataclass(frozen=True)
class Decision:
    """`roots[i]`: the index of the earliest group of group i's entity; `joins`: the links that made the entities;
    `history`: (group index, since, index of the earliest group of its entity from then on)."""

    roots: list[int]
    joins: list[Join]
    history: list[tuple[int, str, int]]


def decide(groups: list[Group], contexts: Mapping[str, Context]) -> Decision:
    """The entities of these groups (sorted by first sighting), from their keys and their articles' contexts."""
    parent = list(range(len(groups)))
    members = [[i] for i in range(len(groups))]
    names = [full_names([g]) for g in groups]
    joins: list[Join] = []
    history: dict[tuple[int, str], int] = {}
    moved: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int, why: str, weak: bool) -> None:
        a, b = sorted((find(i), find(j)))
        if a != b and (not weak or compatible(names[a], names[b])):
            parent[b] = a
            names[a] |= names[b]
            members[a] += members[b]
            moved.extend(members[b])
            joins.append((i, j, why))

    owner: dict[str, int] = {}
    held: dict[str, list[tuple[int, int]]] = {}  # key -> (published day, group index) of its holders, in order
    for index, group in enumerate(groups):
        moved[:] = [index]
        for key in group.keys:
            if is_weak(key) or is_lookup(key):
                continue
            if key in owner:
                join(index, owner[key], key, False)
            else:
                owner[key] = index
        context = contexts.get(group.article_id)  # None: no lone name, no surname, nothing to link by context
        pairs = [] if context is None else [
            (other, name) for key, name, lone_only in weak_lookups(group)
            for other in _near(held.get(key, []), context.day) if not lone_only or lone_names(groups[other])]
        weak: dict[int, tuple[int, int, str]] = {}  # component -> (names shared, the group linked to, why)
        for other, name in pairs:
            if common := shared(group, groups[other], contexts):
                root = find(other)
                if root not in weak or len(common) > weak[root][0]:
                    weak[root] = (len(common), other, reason(name, common))
        for root in sorted(weak, key=lambda root: (-weak[root][0], root)):
            join(index, weak[root][1], weak[root][2], True)
        for member in moved:
            history[(member, group.seen_at)] = find(member)
        if context is None:
            continue
        for key in group.keys:
            if is_weak(key):
                insort(held.setdefault(key, []), (context.day, index))
        for name in surnames(group):
            insort(held.setdefault(SURNAME + name, []), (context.day, index))
    return Decision([find(i) for i in range(len(groups))], joins,
                    [(member, since, root) for (member, since), root in history.items()])


def _near(held: list[tuple[int, int]], day: int) -> list[int]:
    """The groups among `held` ((day, index), sorted) of articles published at most `NEAR_DAYS` from `day`, in
    first-sighting order."""
    return sorted(index for _, index in held[bisect_left(held, (day - NEAR_DAYS,)):
                                             bisect_left(held, (day + NEAR_DAYS + 1,))])
