"""Scorers for entity mentions and cross-document coreference.

Mentions: precision, recall and F1, `strict` (same span and type) and `partial` (one-to-one overlapping spans of
the same type, the longest overlaps matched first). Coreference, end to end (response mentions are the system's
own, matched to the key by exact span; unmatched mentions count as errors): MUC (Vilain et al. 1995), B-cubed
(Bagga & Baldwin 1998), entity-based CEAF (Luo 2005, phi4), and the CoNLL F1, their mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dateline.timeline.metrics import PR

Span = tuple[str, int, int]  # (document, start, end)
Typed = tuple[str, int, int, str]  # (document, start, end, type)


def _pr(hits_p: float, predicted: float, hits_r: float, gold: float) -> PR:
    """Precision and recall from their numerators and denominators (0 when a denominator is)."""
    return PR(hits_p / predicted if predicted else 0.0, hits_r / gold if gold else 0.0)


def strict(gold: Sequence[Typed], predicted: Sequence[Typed]) -> PR:
    """Exact span and type."""
    hits = len(set(gold) & set(predicted))
    return _pr(hits, len(set(predicted)), hits, len(set(gold)))


def partial(gold: Sequence[Typed], predicted: Sequence[Typed]) -> PR:
    """Overlapping spans of the same type, each gold and predicted mention used at most once."""
    pairs = _overlapping(set(gold), set(predicted), key=lambda m: (m[0], m[3]))
    return _pr(len(pairs), len(set(predicted)), len(pairs), len(set(gold)))


def _overlapping(gold: set[Any], predicted: set[Any], key: Callable[[Any], Hashable]) -> dict[Any, Any]:
    """A one-to-one matching of predicted to gold mentions (same `key`: document, and type if typed) whose spans
    overlap, the longest overlaps matched first: predicted -> gold."""
    by_doc: dict[Hashable, list[Any]] = defaultdict(list)
    for mention in gold:
        by_doc[key(mention)].append(mention)
    pairs = []
    for mention in predicted:
        for other in by_doc.get(key(mention), []):
            overlap = min(mention[2], other[2]) - max(mention[1], other[1])
            if overlap > 0:
                pairs.append((overlap, mention, other))
    matched: dict[Any, Any] = {}
    used: set[Any] = set()
    for _, mention, other in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if mention not in matched and other not in used:
            matched[mention] = other
            used.add(other)
    return matched


def overlap_matched(key: Mapping[Span, Hashable], response: Mapping[Span, Hashable]) -> dict[Span, Hashable]:
    """The response with each mention moved onto the gold mention it overlaps (one-to-one, longest first), so
    coreference is scored on partial rather than exact mention matches; unmatched mentions stay as they are."""
    matched = _overlapping(set(key), set(response), key=lambda m: m[0])
    return {matched.get(mention, (f"{mention[0]}#unmatched", mention[1], mention[2])): cluster
            for mention, cluster in response.items()}


Clusters = list[frozenset[Span]]


def clusters_of(assignment: Mapping[Span, Hashable]) -> Clusters:
    """Mentions grouped by their cluster id."""
    grouped: dict[Hashable, set[Span]] = defaultdict(set)
    for mention, cluster in assignment.items():
        grouped[cluster].add(mention)
    return [frozenset(c) for c in grouped.values()]


def muc(key: Clusters, response: Clusters) -> PR:
    def score(a: Clusters, b: Clusters) -> tuple[float, float]:
        owner = {m: i for i, cluster in enumerate(b) for m in cluster}
        hits = total = 0
        for cluster in a:
            parts = {owner.get(m, ("alone", m)) for m in cluster}
            hits += len(cluster) - len(parts)
            total += len(cluster) - 1
        return hits, total
    recall_hits, recall_total = score(key, response)
    precision_hits, precision_total = score(response, key)
    return _pr(precision_hits, precision_total, recall_hits, recall_total)


def b_cubed(key: Clusters, response: Clusters) -> PR:
    def score(a: Clusters, b: Clusters) -> tuple[float, float]:
        owner = {m: i for i, cluster in enumerate(b) for m in cluster}
        total = 0.0
        for cluster in a:
            counts: dict[int, int] = defaultdict(int)
            for m in cluster:
                if m in owner:
                    counts[owner[m]] += 1
            total += sum(n * n for n in counts.values()) / len(cluster)
        return total, float(sum(len(c) for c in a))
    recall_hits, recall_total = score(key, response)
    precision_hits, precision_total = score(response, key)
    return _pr(precision_hits, precision_total, recall_hits, recall_total)


def _assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one matching of rows to columns (Hungarian method, rows <= cols)."""
    rows, cols = len(weights), len(weights[0])
    infinity = float("inf")
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    match, way = [0] * (cols + 1), [0] * (cols + 1)
    for row in range(1, rows + 1):
        match[0], col0 = row, 0
        minimum, used = [infinity] * (cols + 1), [False] * (cols + 1)
        while match[col0]:
            used[col0] = True
            current, delta, col1 = match[col0], infinity, 0
            for col in range(1, cols + 1):
                if not used[col]:
                    cost = -weights[current - 1][col - 1] - u[current] - v[col]
                    if cost < minimum[col]:
                        minimum[col], way[col] = cost, col0
                    if minimum[col] < delta:
                        delta, col1 = minimum[col], col
            for col in range(cols + 1):
                if used[col]:
                    u[match[col]] += delta
                    v[col] -= delta
                else:
                    minimum[col] -= delta
            col0 = col1
        while col0:
            col1 = way[col0]
            match[col0] = match[col1]
            col0 = col1
    return sum(weights[match[col] - 1][col - 1] for col in range(1, cols + 1) if match[col])


def ceaf_e(key: Clusters, response: Clusters) -> PR:
    """Entity CEAF: the best one-to-one alignment of key and response clusters under phi4 similarity. The overlap
    graph falls apart into small components, each aligned on its own."""
    owner = {m: j for j, cluster in enumerate(response) for m in cluster}
    edges: dict[int, set[int]] = defaultdict(set)
    for i, cluster in enumerate(key):
        edges[i] = {owner[m] for m in cluster if m in owner}
    seen: set[int] = set()
    total = 0.0
    for start in range(len(key)):
        if start in seen or not edges[start]:
            continue
        keys, responses, stack = {start}, set[int](), [start]
        reverse: dict[int, set[int]] = defaultdict(set)
        for i, js in edges.items():
            for j in js:
                reverse[j].add(i)
        while stack:
            i = stack.pop()
            for j in edges[i] - responses:
                responses.add(j)
                for other in reverse[j] - keys:
                    keys.add(other)
                    stack.append(other)
        seen |= keys
        a, b = sorted(keys), sorted(responses)
        grid = [[2 * len(key[i] & response[j]) / (len(key[i]) + len(response[j])) for j in b] for i in a]
        if len(a) > len(b):
            grid = [list(column) for column in zip(*grid, strict=True)]
        total += _assignment(grid)
    return _pr(total, len(response), total, len(key))


@dataclass(frozen=True)
class CorefScores:
    muc: PR
    b_cubed: PR
    ceaf_e: PR

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def coreference(key: Mapping[Span, Hashable], response: Mapping[Span, Hashable]) -> CorefScores:
    """Score response clusters against key clusters (mention -> cluster id maps)."""
    gold, system = clusters_of(key), clusters_of(response)
    return CorefScores(muc(gold, system), b_cubed(gold, system), ceaf_e(gold, system))
