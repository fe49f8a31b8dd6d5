"""Which mentions report the same happening, and the groups that makes.

`overlap` looks at two mentions only (their dates, content words, rules), never at the rest of the corpus: their
dates must be compatible and `linked` decides on the words they share, with thresholds by the pair's kind. Ingest
stores each linked pair with its evidence; reading checks it again with `linked` (so a stricter rule applies to
an existing store at once). Groups are then a fixed function of the mentions known at a date and their links
(`group`), so they are the same whatever order the articles arrived in, and the groups as of a date equal those
of a store that only saw the articles known then.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from dateline.events.dating import EventMention, Rule

# The widest date (in days) that still names one happening: a month. "Next year" groups nothing.
MAX_GROUP_WIDTH = 31
# Two reports of one coming date (a scheduled event) need 3 shared content words, a fifth of the shorter sentence's:
# a shared future date is rare and telling.
_SCHEDULED_SHARED, _SCHEDULED_RATIO = 3, 0.2
# Two sentences with their own past dates need a bit more; a sentence dated only by its article's publication day
# must be a near-copy of one in another article (wire copy across outlets), as it may be about anything.
_DATED_SHARED, _DATED_RATIO = 3, 0.3
# A vague past date ("in July", "last week") joining a precise one needs more: it could be any day in it.
_VAGUE_SHARED, _VAGUE_RATIO = 4, 0.4
_PUBLISHED_SHARED, _PUBLISHED_RATIO = 4, 0.5
# No pair sharing fewer content words is ever linked.
MIN_SHARED = min(_SCHEDULED_SHARED, _DATED_SHARED, _VAGUE_SHARED, _PUBLISHED_SHARED)


def dates_compatible(a_first: date, a_last: date, b_first: date, b_last: date) -> bool:
    """Two intervals can name the same happening: they overlap and neither is wider than a month.

    A week-precision "next week" matches a day-precision "July 12th" inside it; two different days never match.
    """
    widest = max((a_last - a_first).days, (b_last - b_first).days) + 1
    return widest <= MAX_GROUP_WIDTH and a_first <= b_last and b_first <= a_last


def linked(a: EventMention, b: EventMention, shared: int, smaller: int) -> bool:
    """Whether two date-compatible mentions sharing `shared` of their `smaller` count of content words report the
    same happening, with thresholds by the pair's kind."""
    ratio = shared / smaller
    if a.future and b.future:
        return shared >= _SCHEDULED_SHARED and ratio >= _SCHEDULED_RATIO
    if a.rule is Rule.TIMEX and b.rule is Rule.TIMEX and a.width == b.width:
        return shared >= _DATED_SHARED and ratio >= _DATED_RATIO
    if a.rule is Rule.TIMEX and b.rule is Rule.TIMEX:
        return shared >= _VAGUE_SHARED and ratio >= _VAGUE_RATIO
    return a.article_id != b.article_id and shared >= _PUBLISHED_SHARED and ratio >= _PUBLISHED_RATIO


def overlap(a: EventMention, b: EventMention) -> tuple[int, int] | None:
    """The evidence (shared content words, words of the shorter sentence) that `a` and `b` report the same
    happening on the same date, or None when they do not."""
    if a.key == b.key or not dates_compatible(a.earliest, a.latest, b.earliest, b.latest):
        return None
    smaller = min(len(a.terms), len(b.terms))
    shared = len(a.terms & b.terms)
    return (shared, smaller) if smaller and linked(a, b, shared, smaller) else None


def group(mentions: Mapping[int, EventMention], links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Events from mentions and their links: mentions linked with the same interval form a core; a coarser mention
    ("next week") then joins the narrowest core it is linked to (most links, then the first by key), coarsest last,
    so one vague date never chains two different days into one event. Each group sorted, groups by first node."""
    interval = {node: (m.earliest, m.latest) for node, m in mentions.items()}
    width = {node: m.width for node, m in mentions.items()}
    links = [(a, b) for a, b in links if a in interval and b in interval]
    cores = components(mentions, [(a, b) for a, b in links if interval[a] == interval[b]])
    home = {node: core[0] for core in cores for node in core}
    members: dict[int, list[int]] = {core[0]: core for core in cores}
    narrower: dict[int, list[int]] = {}
    for a, b in links:
        if width[a] != width[b]:
            wide, narrow = (a, b) if width[a] > width[b] else (b, a)
            narrower.setdefault(wide, []).append(narrow)
    first_key = {label: min(mentions[n].key for n in core) for label, core in members.items()}
    for node in sorted(narrower, key=lambda n: (width[n], mentions[n].key)):
        votes = Counter(home[n] for n in narrower[node])
        target = min(votes, key=lambda g: (width[g], -votes[g], first_key[g]))
        members[home[node]].remove(node)
        members[target].append(node)
        home[node] = target
    return sorted((sorted(group) for group in members.values() if group), key=lambda g: g[0])


def components(nodes: Iterable[int], edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of the graph (edges with an endpoint outside `nodes` are ignored), each sorted,
    in order of their smallest node."""
    parent = {node: node for node in nodes}

    def find(node: int) -> int:
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for a, b in edges:
        if a in parent and b in parent:
            root_a, root_b = find(a), find(b)
            if root_a != root_b:
                parent[root_b] = root_a
    groups: dict[int, list[int]] = {}
    for node in parent:
        groups.setdefault(find(node), []).append(node)
    return sorted((sorted(group) for group in groups.values()), key=lambda group: group[0])
