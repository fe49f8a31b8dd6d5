"""What two articles share: story features (names and title words) and MinHash sketches of their wording.

Both are functions of one article alone (no corpus statistics), so comparing two articles gives the same answer
whatever else is stored: the property story clusters need to be the same in every store that knows both.
"""

from __future__ import annotations

import hashlib
import heapq
import re

from dateline.search.terms import tokens

SKETCH_SIZE = 32
SHINGLE = 4
MAX_FEATURES = 24
LEAD_CHARS = 1500  # names are taken from the title and the lead, where a story names its actors

# Capitalized words that name nothing: sentence openers, calendar words, wire boilerplate.
_NOT_NAMES = frozenset("""a an the this that these those it its he she they we i you his her their our my
in on at of for to from by with as but and or if so yet not no also after before when while where why how what who
however although though meanwhile still there here then now today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
mr mrs ms dr reuters ap afp update updated editing reporting writing additional related photo video
inc corp co ltd plc llc sa ag nv group holdings company chief executive officer ceo chairman president analyst
analysts exchange estimates shares stock stocks market markets sales financial bank based street wall new york
u s us uk united states kingdom international american european north south west east general web""".split())
_TITLE_STOP = _NOT_NAMES | frozenset("""is are was were be been has have had will would can could should may might
says said say new over up down out into about than more most less after amid against vs""".split())
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'/]*(?:\([^)]{1,40}\))?\s+-+\s+")  # "NEW YORK (Reuters) - "
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|la|van|von|del))*")


def _names(text: str) -> list[str]:
    """Runs of capitalized words (`Hayley Atwell`, `Bank of England`), folded; each word of a run counts too."""
    found: list[str] = []
    for match in _NAME_RUN.finditer(text):
        words = [w for w in tokens(match.group()) if w not in _NOT_NAMES]
        if not words:
            continue
        if len(words) > 1:
            found.append(" ".join(words[:4]))
        found.extend(word for word in words if len(word) > 2)
    return found


def features(title: str | None, text: str) -> frozenset[str]:
    """The article's `MAX_FEATURES` most frequent names (title and lead) and its title's content words."""
    counts: dict[str, int] = {}
    order: dict[str, int] = {}
    title_words = [w for w in tokens(title or "") if w not in _TITLE_STOP and len(w) > 2 and not w.isdigit()]
    lead = _DATELINE.sub("", text[:LEAD_CHARS], count=1)
    for position, name in enumerate(_names(title or "") + _names(lead) + title_words):
        counts[name] = counts.get(name, 0) + 1
        order.setdefault(name, position)
    ranked = sorted(counts, key=lambda name: (-counts[name], order[name]))
    return frozenset(ranked[:MAX_FEATURES])


def sketch(text: str) -> tuple[int, ...]:
    """Bottom-k MinHash of the article's word shingles: the `SKETCH_SIZE` smallest 63-bit shingle hashes."""
    words = tokens(text)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") >> 1 for s in shingles)
    return tuple(sorted(heapq.nsmallest(SKETCH_SIZE, hashes)))


def resemblance(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets from their bottom-k sketches."""
    if not first or not second:
        return 0.0
    union = heapq.nsmallest(min(SKETCH_SIZE, len(set(first) | set(second))), set(first) | set(second))
    both = set(first) & set(second)
    return sum(1 for value in union if value in both) / len(union)
