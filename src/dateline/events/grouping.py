"""Which mentions report the same happening, and the groups that makes.

`same_happening` looks at two mentions only (their dates and content words), never at the rest of the corpus, so
the groups (connected components of the relation among the mentions known at a date) are the same whatever order
the articles arrived in, and the groups as of a date equal those of a store that only saw the articles known then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateline.events.dating import EventMention, Rule

# The widest date (in days) that still names one happening: a month. "Next year" groups nothing.
MAX_GROUP_WIDTH = 31
# Two sentences dated only by their articles' publication day must be near-copies (wire copy across outlets).
_PUBLISHED_SHARED, _PUBLISHED_RATIO = 4, 0.5
# A sentence with its own date needs less: the shared date already says much.
_DATED_SHARED, _DATED_RATIO = 3, 0.2


def dates_compatible(a_first: date, a_last: date, b_first: date, b_last: date) -> bool:
    """Two intervals can name the same happening: they overlap and neither is wider than a month.

    A week-precision "next week" matches a day-precision "July 12th" inside it; two different days never match.
    """
    widest = max((a_last - a_first).days, (b_last - b_first).days) + 1
    return widest <= MAX_GROUP_WIDTH and a_first <= b_last and b_first <= a_last


def same_happening(a: EventMention, b: EventMention) -> bool:
    """True when `a` and `b` plausibly report the same happening on the same date."""
    if a.key == b.key or not dates_compatible(a.earliest, a.latest, b.earliest, b.latest):
        return False
    smaller = min(len(a.terms), len(b.terms))
    if smaller == 0:
        return False
    shared = len(a.terms & b.terms)
    if a.rule is Rule.PUBLISHED and b.rule is Rule.PUBLISHED:
        # Sentences of one article share its vocabulary; only copies across articles count.
        return a.article_id != b.article_id and shared >= _PUBLISHED_SHARED and shared / smaller >= _PUBLISHED_RATIO
    return shared >= _DATED_SHARED and shared / smaller >= _DATED_RATIO


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
