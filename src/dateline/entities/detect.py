"""Mention detection: the statistical model plus the lexical additions, overlaps settled, sentences assigned,
mentions grouped inside each article.

`full` mode runs spaCy's NER and the additions; `fast` mode the additions only. Of two overlapping candidates the
longer wins (an addition on a tie): "Mission: Impossible – Dead Reckoning Part One" beats the model's "Dead".
An organisation directly followed by a model code ("Airbus A380") becomes a product; a short form in brackets
right after a name ("International Monetary Fund (IMF)") is a mention of the same kind.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from dateline.entities.lexical import lexical_mentions
from dateline.entities.local import DocEntity, link_mentions
from dateline.entities.mention import Label, Mention
from dateline.entities.names import initials, norm, organisation_core
from dateline.text import sentences

Mode = Literal["full", "fast"]
# Codes the model takes for organisations: time zones and currencies.
_NOT_NAMES = frozenset("UTC GMT EST EDT CST CDT PST PDT CET CEST BST IST JST USD EUR GBP JPY CNY CHF".split())
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,7})\)")
_MODEL_CODE = re.compile(r"\s?-?(?!(?:19|20)\d\d\b)[A-Z]{0,2}\d{2,4}[A-Za-z0-9-]*\b")  # not a year


def _select(candidates: list[Mention]) -> list[Mention]:
    """Drop overlaps: longest first, additions before the model on a tie, then earliest."""
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), m.source == "spacy", m.start))
    taken: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for mention in ranked:
        if all(mention.end <= start or mention.start >= end for start, end in spans):
            taken.append(mention)
            spans.append((mention.start, mention.end))
    return sorted(taken, key=lambda m: m.start)


def _products(text: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for m in mentions:
        code = _MODEL_CODE.match(text, m.end) if m.label == "ORG" else None
        out.append(replace(m, end=code.end(), text=text[m.start:code.end()], label="PRODUCT") if code else m)
    return out


def _acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """"International Monetary Fund (IMF)": the bracketed short form is a mention too, of the same kind."""
    found = list(mentions)
    for m in mentions:
        short = _BRACKETED.match(text, m.end)
        known = m.label in ("ORG", "LOC", "PRODUCT", "EVENT", "WORK")
        if short and known and norm(short[1]) in (initials(m.text), initials(organisation_core(m.text))):
            found.append(Mention(short.start(1), short.end(1), short[1], m.label, "acronym"))
    return sorted(found, key=lambda m: m.start)


def _harmonize(mentions: list[Mention]) -> list[Mention]:
    """One name, one kind within an article: where the model calls "Ryanair" a person once and an organisation
    twice, all three become the majority label (ties are left alone)."""
    votes: dict[str, Counter[Label]] = defaultdict(Counter)
    for m in mentions:
        votes[norm(m.text)][m.label] += 1
    out = []
    for m in mentions:
        ranked = votes[norm(m.text)].most_common(2)
        if len(ranked) == 2 and ranked[0][1] > ranked[1][1] and ranked[0][0] != m.label:
            m = replace(m, label=ranked[0][0])
        out.append(m)
    return out


def _finish(text: str, candidates: list[Mention]) -> tuple[list[Mention], list[DocEntity]]:
    kept = [m for m in candidates if m.text not in _NOT_NAMES]
    chosen = _harmonize(_acronyms(text, _select(_products(text, kept))))
    starts = [s.start for s in sentences(text)]
    placed = [replace(m, sentence=max(0, bisect_right(starts, m.start) - 1)) for m in chosen]
    return link_mentions(placed, text)


def detect_many(texts: Sequence[str], mode: Mode = "full") -> list[tuple[list[Mention], list[DocEntity]]]:
    """Mentions and article-local entities of each text; the model runs once over all of them (batched)."""
    if mode == "full":
        from dateline.entities.model import spacy_mentions

        statistical = spacy_mentions(texts)
    else:
        statistical = [[] for _ in texts]
    return [_finish(text, found + lexical_mentions(text)) for text, found in zip(texts, statistical, strict=True)]


def detect(text: str, mode: Mode = "full") -> tuple[list[Mention], list[DocEntity]]:
    """Mentions and article-local entities of one text."""
    return detect_many([text], mode)[0]
