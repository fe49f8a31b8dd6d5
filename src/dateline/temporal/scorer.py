"""The TempEval-3 Task A scorer: how well predicted TIMEX3 spans and attributes match gold ones.

Strict: the spans are identical. Relaxed: the spans overlap (one-to-one, each gold timex matched at most once).
Type and value are compared over relaxed matches, and scored as F1 the way the task did: correct attributes
counted against all predicted and all gold timexes, so F1(attr) = 2 * correct / (predicted + gold). Types and
values are compared as exact strings, as the task's scorer does: the gold's non-ISO spellings (`2000-W7` for week 7,
`T17` for 17:00) count as mismatches for every system alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol


class Span(Protocol):
    """What the scorer needs of a timex: offsets, type and value."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def type(self) -> str: ...

    @property
    def value(self) -> str: ...


@dataclass
class Counts:
    """Counts summed over documents; the scores are computed from them."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type += other.type
        self.value += other.value
        self.errors.extend(other.errors)

    def f1(self, correct: int) -> float:
        total = self.gold + self.predicted
        return 100.0 * 2 * correct / total if total else 100.0

    def precision(self, correct: int) -> float:
        return 100.0 * correct / self.predicted if self.predicted else 100.0

    def recall(self, correct: int) -> float:
        return 100.0 * correct / self.gold if self.gold else 100.0

    def scores(self) -> dict[str, float]:
        """strict/relaxed P, R, F1 and type/value F1, in percent."""
        return {
            "strict_p": self.precision(self.strict), "strict_r": self.recall(self.strict),
            "strict_f1": self.f1(self.strict), "relaxed_p": self.precision(self.relaxed),
            "relaxed_r": self.recall(self.relaxed), "relaxed_f1": self.f1(self.relaxed),
            "type_f1": self.f1(self.type), "value_f1": self.f1(self.value),
        }


def score_document(gold: Iterable[Span], predicted: Iterable[Span], text: str = "") -> Counts:
    """Match one document's predicted timexes to its gold ones and count what agrees.

    `errors` collects (kind, gold, predicted) for every miss, spurious span and wrong value (kind is
    "missing", "spurious", "span" or "value"); `text` is only used to show them.
    """
    gold_list = sorted(gold, key=lambda t: t.start)
    pred_list = sorted(predicted, key=lambda t: t.start)
    counts = Counts(gold=len(gold_list), predicted=len(pred_list))
    used: set[int] = set()

    def show(t: Span) -> str:
        return f"{text[t.start:t.end]!r} {t.type} {t.value}" if text else f"{t.start}-{t.end} {t.type} {t.value}"

    for g in gold_list:
        exact = next((i for i, p in enumerate(pred_list) if i not in used and p.start == g.start and p.end == g.end),
                     None)
        index = exact if exact is not None else next(
            (i for i, p in enumerate(pred_list) if i not in used and p.start < g.end and g.start < p.end), None)
        if index is None:
            counts.errors.append(("missing", show(g), ""))
            continue
        used.add(index)
        p = pred_list[index]
        counts.relaxed += 1
        if exact is not None:
            counts.strict += 1
        else:
            counts.errors.append(("span", show(g), show(p)))
        if p.type == g.type:
            counts.type += 1
        if p.value == g.value:
            counts.value += 1
        else:
            counts.errors.append(("value", show(g), show(p)))
    for i, p in enumerate(pred_list):
        if i not in used:
            counts.errors.append(("spurious", "", show(p)))
    return counts
