"""Timeline metrics: ROUGE in the concat, agreement and align+ m:1 variants (Martschat & Markert 2017), and date F1.

A timeline is a mapping from a day to its sentences. Each predicted timeline is scored against one reference
timeline (the protocol of Ghalandari & Ifrim 2020); `average` then averages precision and recall over those tasks
before taking F1, as the published Timeline17 numbers do. The alignment costs and the date-distance weights follow
`tilse`, the reference evaluator, so scores agree with it.
"""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dateline.timeline.rouge import Counts, rouge_n

Timeline = Mapping[dt.date, Sequence[str]]

MEASURES = ("rouge_1", "rouge_2")
VARIANTS = ("concat", "agreement", "align_m1")


@dataclass(frozen=True)
class PR:
    """Precision and recall of one task (or their averages over tasks), with F1 derived."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class _Tally:
    """Precision and recall numerators and denominators summed over the date pairs of one task."""

    prec_num: float = 0.0
    prec_den: int = 0
    rec_num: float = 0.0
    rec_den: int = 0

    def pr(self) -> PR:
        return PR(self.prec_num / self.prec_den if self.prec_den else 0.0,
                  self.rec_num / self.rec_den if self.rec_den else 0.0)


def _counts(peer: Sequence[str], model: Sequence[str]) -> dict[str, Counts]:
    return {f"rouge_{n}": rouge_n(peer, [model], n) for n in (1, 2)}


def _concat(predicted: Timeline, reference: Timeline) -> dict[str, PR]:
    peer = [s for day in sorted(predicted) for s in predicted[day]]
    model = [s for day in sorted(reference) for s in reference[day]]
    return {m: PR(c.precision, c.recall) for m, c in _counts(peer, model).items()}


def _agreement(predicted: Timeline, reference: Timeline) -> dict[str, PR]:
    tallies = {m: _Tally() for m in MEASURES}
    for day in set(predicted) | set(reference):
        counts = _counts(predicted.get(day, ()), reference.get(day, ()))
        for measure, c in counts.items():
            tally = tallies[measure]
            if day in predicted:
                tally.prec_num += c.hits
                tally.prec_den += c.peer
            if day in reference:
                tally.rec_num += c.hits
                tally.rec_den += c.model
    return {m: t.pr() for m, t in tallies.items()}


def _overlap_f1(peer: Sequence[str], model: Sequence[str]) -> float:
    """tilse's quick ROUGE-1 F1 used for alignment costs: white-space tokens, punctuation marks dropped, no stemming."""
    def bag(sentences: Sequence[str]) -> Counter[str]:
        return Counter(t for s in sentences for t in s.split() if t not in string.punctuation)

    peer_bag, model_bag = bag(peer), bag(model)
    match = sum(min(count, model_bag[token]) for token, count in peer_bag.items())
    precision = match / sum(peer_bag.values()) if peer_bag else 0.0
    recall = match / sum(model_bag.values()) if model_bag else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _date_weight(a: dt.date, b: dt.date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _closest(day: dt.date, others: Sequence[dt.date], cost: Callable[[dt.date, dt.date], float]) -> dt.date:
    """The first of `others` with the lowest cost (numpy's argmin tie rule)."""
    best, best_cost = others[0], cost(day, others[0])
    for other in others[1:]:
        value = cost(day, other)
        if value < best_cost:
            best, best_cost = other, value
    return best


def _align_m1(predicted: Timeline, reference: Timeline) -> dict[str, PR]:
    """align+ m:1: every predicted day is aligned to its cheapest reference day for precision, and every reference
    day to its cheapest predicted day for recall; cost = date distance factor x (1 - content overlap); hits are
    weighted by 1 / (1 + days apart)."""
    pred_days, ref_days = sorted(predicted), sorted(reference)
    tallies = {m: _Tally() for m in MEASURES}
    if not pred_days or not ref_days:
        for day in ref_days:
            for measure, c in _counts((), reference[day]).items():
                tallies[measure].rec_den += c.model
        for day in pred_days:
            for measure, c in _counts(predicted[day], ()).items():
                tallies[measure].prec_den += c.peer
        return {m: t.pr() for m, t in tallies.items()}

    def cost(p: dt.date, r: dt.date) -> float:
        return (1 - _date_weight(p, r)) * (1 - _overlap_f1(predicted[p], reference[r]))

    for p in pred_days:
        r = _closest(p, ref_days, cost)
        for measure, c in _counts(predicted[p], reference[r]).items():
            tallies[measure].prec_num += _date_weight(p, r) * c.hits
            tallies[measure].prec_den += c.peer
    for r in ref_days:
        p = _closest(r, pred_days, lambda a, b: cost(b, a))
        for measure, c in _counts(predicted[p], reference[r]).items():
            tallies[measure].rec_num += _date_weight(p, r) * c.hits
            tallies[measure].rec_den += c.model
    return {m: t.pr() for m, t in tallies.items()}


def date_pr(predicted: Timeline, reference: Timeline) -> PR:
    """Share of predicted days that are reference days, and of reference days that were predicted."""
    both = len(set(predicted) & set(reference))
    return PR(both / len(predicted) if predicted else 0.0, both / len(reference) if reference else 0.0)


@dataclass(frozen=True)
class TaskScores:
    """All scores of one predicted timeline against one reference: `rouge[variant][measure]` and `dates`."""

    rouge: dict[str, dict[str, PR]]
    dates: PR


def score_task(predicted: Timeline, reference: Timeline) -> TaskScores:
    """Score one predicted timeline against its reference timeline."""
    return TaskScores(
        {"concat": _concat(predicted, reference), "agreement": _agreement(predicted, reference),
         "align_m1": _align_m1(predicted, reference)},
        date_pr(predicted, reference),
    )


def _mean(values: Sequence[PR]) -> PR:
    return PR(sum(v.precision for v in values) / len(values), sum(v.recall for v in values) / len(values))


def average(tasks: Sequence[TaskScores]) -> TaskScores:
    """Precision and recall averaged over tasks (F1 is then computed from the averages)."""
    if not tasks:
        raise ValueError("no tasks to average")
    return TaskScores(
        {v: {m: _mean([t.rouge[v][m] for t in tasks]) for m in MEASURES} for v in VARIANTS},
        _mean([t.dates for t in tasks]),
    )
