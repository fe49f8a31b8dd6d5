"""The sentence that best shows why an article matched: the one holding the most query words."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from dateline.search.terms import token_spans
from dateline.text import Sentence

MAX_CHARS = 320


@dataclass(frozen=True)
class Snippet:
    """A passage of the article text: `text == article_text[start:end]`, with the query words marked.

    `highlights` are (start, end) offsets into the article text; `sentence` is the sentence index, or None when the
    passage is not a stored sentence.
    """

    text: str
    start: int
    end: int
    sentence: int | None
    highlights: tuple[tuple[int, int], ...]


def _query_words(text: str, terms: frozenset[str]) -> list[tuple[str, int, int]]:
    """Every query word in `text`, with offsets: one regular-expression pass over ASCII text (where folding is
    lower-casing), else through the tokenizer."""
    if not terms:
        return []
    if text.isascii():
        pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(sorted(map(re.escape, terms))) + r")(?![a-z0-9])")
        return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text.lower())]
    return [(word, start, end) for word, start, end in token_spans(text) if word in terms]


def best_snippet(text: str, sentences: list[Sentence], terms: tuple[str, ...],
                 preferred: frozenset[int] = frozenset()) -> Snippet:
    """Pick the sentence with the most distinct query words (then most occurrences, then earliest).

    Sentences in `preferred` (e.g. those mentioning a date in the event-date filter) win over the others. Long
    sentences are cut to a window of `MAX_CHARS` around their first match.
    """
    spans: list[tuple[int, int, int | None]] = [(s.start, s.end, s.index) for s in sentences]
    spans = spans or [(0, len(text), None)]
    words = _query_words(text, frozenset(terms))
    starts = [start for _, start, _ in words]
    best: tuple[tuple[int, int, int, int], tuple[int, int, int | None], list[tuple[str, int, int]]] | None = None
    for start, end, index in spans:
        found = [w for w in words[bisect_left(starts, start):bisect_left(starts, end)] if w[2] <= end]
        rank = (int(index in preferred), len({word for word, _, _ in found}), len(found), -start)
        if best is None or rank > best[0]:
            best = (rank, (start, end, index), found)
    assert best is not None
    (start, end, index), found = best[1], best[2]
    if end - start > MAX_CHARS:
        first = found[0][1] if found else start
        start = max(start, min(first - MAX_CHARS // 3, end - MAX_CHARS))
        end = min(end, start + MAX_CHARS)
        found = [m for m in found if m[1] >= start and m[2] <= end]
    return Snippet(text[start:end], start, end, index, tuple((s, e) for _, s, e in found))
