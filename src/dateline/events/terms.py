"""Content words of a sentence: what two reports of the same happening share.

Lower-cased words of three letters or more, without function words, numbers and the words of the sentence's own
time expressions (the date is compared separately), with a plural `s` removed so "theaters" meets "theater".
A fixed function of the sentence alone, so grouping built on it never depends on what else is in the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|[A-Za-z]")

STOPWORDS = frozenset(
    """about above after again against all also although among and another any anyone are around as at back be
    because been before being below between both but by can could did does doing done down during each either
    else even ever every few for from further get gets getting got had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less like made make makes many may me
    might more most much must my myself near need neither never new next no nor not now of off often on once one
    only onto or other others our ours ourselves out over own per perhaps put quite rather really said say says
    see seen several shall she should since so some something still such than that the their theirs them
    themselves then there these they thing things this those though through thus to too toward towards under
    until up upon us very via was we well were what whatever when whenever where whether which while who whom
    whose why will with within without would yet you your yours yourself yourselves
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight week weeks month
    months year years day days january february march april june july august september october november december
    morning evening afternoon night time""".split()
)


@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str | None:
    """The content word a word of text counts as (None for none): a news wire repeats its words, so each is worked
    out once a process."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word if len(word) >= 3 and word not in STOPWORDS else None


def content_terms(text: str, skip: Iterable[tuple[int, int]] = ()) -> frozenset[str]:
    """The content words of `text`, ignoring characters inside the `skip` spans (offsets into `text`)."""
    spans = sorted(skip)
    if spans:
        words = [match.group() for match in _WORD.finditer(text)
                 if not any(start < match.end() and match.start() < end for start, end in spans)]
    else:
        words = _WORD.findall(text)
    return frozenset(term for word in words if (term := _term(word)) is not None)
