"""ROUGE-N as ROUGE-1.5.5 computes it with `-n 2 -m -s` (raw counts, scoring mode A), in pure Python.

This is what timeline-summarization papers report through `tilse` and `pyrouge`, reproduced step by step so that
scores agree with the Perl script without running it:

1. each sentence is what ROUGE reads back from the SEE file `pyrouge` writes: its words re-joined by single spaces,
   `^` escaped as `&circ;`, and cut at the first `<`; empty sentences vanish;
2. the sentences are joined by spaces and ASCII-lower-cased; `-` is split off and every other character that is
   not an ASCII letter, digit or `-` becomes a space;
3. SMART stop words are dropped (`-s`), and only tokens starting with `[a-z0-9$]` are kept;
4. tokens longer than 3 characters are mapped through the WordNet-2.0 exception list, or else Porter-stemmed with the
   original algorithm as ROUGE-1.5.5 ships it (`-m`);
5. n-grams run over the kept tokens of the whole summary (across sentence boundaries); a hit is an n-gram count
   clipped by the model's count.

With several models (mode A) hits and model counts add up, and the peer count is counted once per model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

_DATA = resources.files("dateline.timeline") / "data"

# Porter's patterns, exactly as ROUGE-1.5.5 spells them (`y` counts as a vowel inside words).
_c = "[^aeiou]"
_v = "[aeiouy]"
_C = f"{_c}[^aeiouy]*"
_V = f"{_v}[aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_HAS_VOWEL = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble", "alli": "al",
    "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al",
    "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous", "ive",
          "ize")

_WORD = re.compile(r"[a-z0-9]+")
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _longest_suffix(word: str, suffixes: Iterable[str]) -> str | None:
    """The longest of `suffixes` that `word` ends with (what a leftmost regex alternation anchored at `$` finds)."""
    best: str | None = None
    for suffix in suffixes:
        if word.endswith(suffix) and (best is None or len(suffix) > len(best)):
            best = suffix
    return best


def porter_stem(word: str) -> str:
    """Porter (1980) stemming of a lower-case word, in the variant bundled with ROUGE-1.5.5."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    if initial_y:
        word = "Y" + word[1:]
    # Step 1a
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif len(word) >= 2 and word[-1] == "s" and word[-2] != "s":
        word = word[:-1]
    # Step 1b
    if word.endswith("eed"):
        if _MGR0.search(word[:-3]):
            word = word[:-1]
    elif word.endswith("ed") or word.endswith("ing"):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        if _HAS_VOWEL.search(stem):
            word = stem
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif len(word) >= 2 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                word = word[:-1]
            elif _CVC.search(word):
                word += "e"
    # Step 1c
    if word.endswith("y") and _HAS_VOWEL.search(word[:-1]):
        word = word[:-1] + "i"
    # Steps 2 and 3
    for table in (_STEP2, _STEP3):
        suffix = _longest_suffix(word, table)
        if suffix is not None and _MGR0.search(word[: -len(suffix)]):
            word = word[: -len(suffix)] + table[suffix]
    # Step 4 (ROUGE's variant: `-ement`, then `-ment`, then `-ent` or `-(s|t)ion`, each tried in turn)
    suffix = _longest_suffix(word, _STEP4)
    if suffix is not None and _MGR1.search(word[: -len(suffix)]):
        word = word[: -len(suffix)]
    if word.endswith("ment") and _MGR1.search(word[:-4]):
        word = word[:-4]
    if word.endswith("ent"):
        if _MGR1.search(word[:-3]):
            word = word[:-3]
    elif word.endswith(("sion", "tion")) and _MGR1.search(word[:-3]):
        word = word[:-3]
    # Step 5
    if word.endswith("e"):
        stem = word[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            word = stem
    if word.endswith("ll") and _MGR1.search(word):
        word = word[:-1]
    if initial_y:
        word = "y" + word[1:]
    return word


@cache
def _stop_words() -> frozenset[str]:
    return frozenset((_DATA / "smart_common_words.txt").read_text(encoding="utf-8").split())


@cache
def _exceptions() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in (_DATA / "WordNet-2.0.exc.tsv").read_text(encoding="utf-8").splitlines():
        inflected, _, base = line.partition("\t")
        if base:
            table[inflected] = base
    return table


@cache
def _morph_stem(token: str) -> str:
    base = _exceptions().get(token)
    return base if base is not None else porter_stem(token)


def _as_read_back(sentence: str) -> str:
    """A sentence as ROUGE-1.5.5 reads it from the SEE file that pyrouge writes."""
    return " ".join(sentence.split()).replace("^", "&circ;").split("<", 1)[0]


def tokens(sentences: Iterable[str]) -> list[str]:
    """The tokens ROUGE-1.5.5 (`-m -s`) counts n-grams over, for a summary given as sentences."""
    text = " ".join(line for line in map(_as_read_back, sentences) if line).translate(_ASCII_UPPER)
    # ROUGE splits off "-" and blanks every other character that is not an ASCII letter or digit; the "-" tokens it
    # leaves never start with [a-z0-9$], so the tokens it keeps are exactly the runs of lower-case letters and digits.
    stop = _stop_words()
    return [_morph_stem(token) if len(token) > 3 else token for token in _WORD.findall(text) if token not in stop]


def ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of `words`."""
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class Counts:
    """ROUGE-N raw counts: clipped hits, n-grams in the peer (system) summary, n-grams in the model summaries."""

    hits: int
    peer: int
    model: int

    @property
    def precision(self) -> float:
        return self.hits / self.peer if self.peer else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.model if self.model else 0.0


def rouge_n(peer: Sequence[str], models: Sequence[Sequence[str]], n: int) -> Counts:
    """ROUGE-N counts of a peer summary against model summaries, each a list of sentences."""
    peer_grams = ngrams(tokens(peer), n)
    peer_total = sum(peer_grams.values())
    hits = model_total = 0
    for model in models:
        model_grams = ngrams(tokens(model), n)
        hits += sum(min(count, peer_grams[gram]) for gram, count in model_grams.items())
        model_total += sum(model_grams.values())
    return Counts(hits, peer_total * len(models), model_total)
