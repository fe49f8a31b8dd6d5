"""What the statistical model misses, found from the letters alone: titles of works, web sites, product names.

Every pattern runs on `fold(text)` (same length as the text, ASCII punctuation), so offsets need no mapping:

- titles with a colon ("Mission: Impossible – Dead Reckoning Part One"), kept when the article supports them: the
  "Head: Word" start recurs, or the title carries a subtitle, a sequel number or a part;
- the subtitle of such a title wherever else it appears ("Dead Reckoning", "Dead Reckoning - Part One");
- title-cased spans in quotes (two or more words) and after a cue such as "the film" or "the album";
- a work named by its place in a series ("the seventh Mission: Impossible film": `names.parse_title` reads it as
  "Mission: Impossible 7");
- sites such as "ComicBook.com"; Apple-style product names ("iPhone", "iTunes").
"""

from __future__ import annotations

import re
from collections import Counter

from dateline.entities.mention import Label, Mention
from dateline.entities.names import ORDINAL, SERIES_NOUN
from dateline.text import fold

_CAP = r"[A-Z][\w'&]*\w|[A-Z]"
_LINK_WORD = r"(?:of|the|in|on|at|to|a|an|for)"
_TAIL = rf"(?:\s(?:{_LINK_WORD}\s)*(?:{_CAP}|\d{{1,4}}\b)|\s-{{1,2}}\s(?:{_CAP}))*"
_COLON_TITLE = re.compile(rf"(?<![\w:.])((?:{_CAP})(?:\s(?:{_CAP})){{0,2}}):\s({_CAP}){_TAIL}")
_DASH = re.compile(r"\s-{1,2}\s")
_PART_OR_NUMBER = re.compile(r"(?:\bPart\s+\w+|\s\d{1,2}|\s[IVX]{1,4})$")
_PART_SUFFIX = re.compile(r"\s*-{0,2}\s*Part\s+\w+$")
_SITE = re.compile(r"(?<![@/\w.])[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|io|tv|news|info)\b")
_QUOTED = re.compile(r"(?:\"|``)([A-Z][^\"`\n]{0,80}?)(?:\"|'')")
_CUE = re.compile(rf"\b(?:film|movie|album|book|novel|song|single|series|documentary|musical|opera)\s(({_CAP}){_TAIL})")
_APPLE_STYLE = re.compile(r"\bi[A-Z][a-z]+\b")
_ORDINAL_TITLE = re.compile(rf"\b(?i:{ORDINAL})\s(?:{_CAP})(?::?\s(?:{_CAP})){{0,3}}\s{SERIES_NOUN}\b")
_SMALL_WORDS = frozenset("of the in on at to a an for and or with from by".split())


def _title_cased(span: str) -> bool:
    words = span.split()
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _mention(text: str, start: int, end: int, label: Label, source: str) -> Mention:
    return Mention(start, end, text[start:end], label, source)


def _colon_titles(text: str, folded: str) -> list[Mention]:
    matches = list(_COLON_TITLE.finditer(folded))
    starts = Counter(folded[m.start():m.end(2)] for m in matches)
    found: list[Mention] = []
    for match in matches:
        span = folded[match.start():match.end()]
        rest = span[match.end(2) - match.start():]
        if starts[folded[match.start():match.end(2)]] >= 2 or _DASH.search(rest) or _PART_OR_NUMBER.search(span):
            found.append(_mention(text, match.start(), match.end(), "WORK", "title"))
    return found


def _subtitles(text: str, folded: str, titles: list[Mention]) -> list[Mention]:
    """Find a titled work's subtitle elsewhere in the article: "Dead Reckoning" once "... – Dead Reckoning" is seen."""
    bases = set()
    for title in titles:
        pieces = _DASH.split(fold(title.text), maxsplit=1)
        if len(pieces) == 2:
            base = _PART_SUFFIX.sub("", pieces[1]).strip()
            if base and base[0].isupper():
                bases.add(base)
    found: list[Mention] = []
    for base in sorted(bases):
        part = r"(?:\s*-{0,2}\s*Part\s+(?:One|Two|Three|Four|\d+|I{1,3}))?\b"
        pattern = re.compile(rf"(?<![\w-]){re.escape(base)}{part}")
        found.extend(_mention(text, m.start(), m.end(), "WORK", "subtitle") for m in pattern.finditer(folded))
    return found


def lexical_mentions(text: str) -> list[Mention]:
    """Every mention the patterns find in `text`, possibly overlapping (the caller keeps the best of overlaps)."""
    folded = fold(text)
    titles = _colon_titles(text, folded)
    found = titles + _subtitles(text, folded, titles)
    found += [_mention(text, m.start(), m.end(), "ORG", "site") for m in _SITE.finditer(folded)]
    found += [_mention(text, m.start(), m.end(), "PRODUCT", "product") for m in _APPLE_STYLE.finditer(folded)]
    for match in _QUOTED.finditer(folded):
        inner = match.group(1).strip()
        if _title_cased(inner) and len(inner.split()) <= 8 and inner[-1].isalnum():
            start = match.start(1)
            found.append(_mention(text, start, start + len(inner), "WORK", "quote"))
    found += [_mention(text, m.start(1), m.end(1), "WORK", "cue") for m in _CUE.finditer(folded)]
    found += [_mention(text, m.start(), m.end(), "WORK", "ordinal") for m in _ORDINAL_TITLE.finditer(folded)]
    return found
