"""Co-occurring context as linking evidence for lone names ("Cruise") across articles.

A surname alone never links across articles by itself: "Cruise" in one article and "Tom Cruise" (or "Cruise") in
another are the same person only when the two articles also name the same other things (at least `MIN_SHARED`
specific names: full person names, titles of works, organisations of more than one word) and were published at
most `NEAR_DAYS` apart, as two reports of one story are. The context of an article (its day and names) is a
function of that article alone, so a context link depends on the two groups alone; and a group looks for such
links among the articles of the days around its own (`near`), however many articles the store holds.

Two components are never joined by a weak link (a lone name, or context) when each already holds a full person
name and they hold no full name in common: "Smith" may join John Smith or Jane Smith, never both (`compatible`).
It joins the one whose article shares the most names with its own (the earliest on a tie; see `decide`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from dateline.store.entities import Group

MIN_SHARED = 2
NEAR_DAYS = 30
LONE = "per1:"
SURNAME = "sur:"  # a lookup key: full names by surname; never links by itself


def lone_names(group: Group) -> set[str]:
    """The single names a group goes by when it has no full person name ("cruise"), from its effective keys."""
    if any(key.startswith("per:") for key in group.keys):
        return set()
    return {key[len(LONE):] for key in group.keys if key.startswith(LONE)}


def surnames(group: Group) -> set[str]:
    """The last words of a group's full person names, from its effective keys ("tom cruise" -> "cruise")."""
    return {key.split()[-1] for key in group.keys if key.startswith("per:") and " " in key}


def full_names(groups: Iterable[Group]) -> set[str]:
    """The full person names (base keys) of these groups: what two components must share to be joined weakly."""
    return {base for group in groups for base in group.bases if base.startswith("per:")}


def lookup_keys(bases: Iterable[str]) -> dict[str, str]:
    """The surname lookup keys a group with these base keys gets (each its own base)."""
    return {f"{SURNAME}{base.split()[-1]}": f"{SURNAME}{base.split()[-1]}" for base in bases
            if base.startswith("per:") and " " in base}


def weak_lookups(group: Group) -> list[tuple[str, str, bool]]:
    """Where the groups a group may join weakly are found: (the key they hold, the name that links them, whether
    such a holder must itself go by a lone name). Its lone names held as such, its lone names as the surname of a
    full name, and its full names' surnames held as lone names. `decide` and `resolve` both look them up here."""
    return ([(key, key[len(LONE):], False) for key in group.keys if is_weak(key)]
            + [(SURNAME + name, name, False) for name in sorted(lone_names(group))]
            + [(LONE + name, name, True) for name in sorted(surnames(group))])


def is_weak(key: str) -> bool:
    """A key that joins only components without conflicting full names (a lone name)."""
    return key.startswith(LONE)


def is_lookup(key: str) -> bool:
    return key.startswith(SURNAME)


def is_context(base: str) -> bool:
    """Names specific enough to tell one story from another: full person names, works, multi-word organisations."""
    return base.startswith(("per:", "work:")) or (base.startswith("org:") and " " in base)


class Context(NamedTuple):
    """The context of an article: its published day (a date ordinal) and the specific names among the base keys
    of all its groups."""

    day: int
    names: frozenset[str]


def article_context(day: str, bases: Iterable[str]) -> Context:
    return Context(date.fromisoformat(day).toordinal(), frozenset(base for base in bases if is_context(base)))


def near(day: int) -> tuple[str, str]:
    """The first and last published days (ISO) of the articles an article of day `day` (an ordinal) may share a
    context link with."""
    return (date.fromordinal(max(1, day - NEAR_DAYS)).isoformat(),
            date.fromordinal(min(date.max.toordinal(), day + NEAR_DAYS)).isoformat())


def shared(one: Group, other: Group, contexts: Mapping[str, Context]) -> list[str]:
    """The context two groups in different articles published at most `NEAR_DAYS` apart share (each group's own
    names left out); [] below `MIN_SHARED`."""
    mine, theirs = contexts.get(one.article_id), contexts.get(other.article_id)
    if one.article_id == other.article_id or mine is None or theirs is None or abs(mine.day - theirs.day) > NEAR_DAYS:
        return []
    own = set(one.bases) | set(other.bases)
    common = sorted((mine.names & theirs.names) - own)
    return common if len(common) >= MIN_SHARED else []


def reason(name: str, common: list[str]) -> str:
    """The evidence recorded for a context link, as shown to users."""
    return f"context:{name} (both articles name {', '.join(common[:4])})"


def compatible(names: set[str], other: set[str]) -> bool:
    """Whether two components may be joined by a weak link: not when both hold full names and share none."""
    return not (names and other and names.isdisjoint(other))
