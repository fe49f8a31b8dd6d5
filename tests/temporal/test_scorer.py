"""The TempEval-3 Task A scorer on hand-made cases."""

from __future__ import annotations

import pytest

from dateline.temporal.scorer import Counts, score_document
from dateline.temporal.timeml import GoldTimex


def g(start: int, end: int, value: str = "1998", kind: str = "DATE") -> GoldTimex:
    return GoldTimex(start, end, kind, value)


def test_exact_overlapping_and_missing_spans() -> None:
    gold = [g(0, 6), g(10, 20, "P3D", "DURATION"), g(30, 35)]
    predicted = [g(0, 6), g(12, 25, "P2D", "DURATION"), g(40, 45)]
    counts = score_document(gold, predicted)
    assert (counts.gold, counts.predicted, counts.strict, counts.relaxed, counts.type, counts.value) == (
        3, 3, 1, 2, 2, 1)
    scores = counts.scores()
    assert scores["strict_f1"] == pytest.approx(100 * 2 / 6)
    assert scores["relaxed_f1"] == pytest.approx(100 * 4 / 6)
    assert scores["value_f1"] == pytest.approx(100 * 2 / 6)
    assert [kind for kind, _, _ in counts.errors] == ["span", "value", "missing", "spurious"]


def test_one_prediction_matches_one_gold_at_most() -> None:
    counts = score_document([g(0, 5), g(6, 10)], [g(0, 10)])
    assert (counts.relaxed, counts.strict) == (1, 0)


def test_exact_match_is_preferred_over_an_earlier_overlap() -> None:
    counts = score_document([g(5, 10)], [g(0, 6), g(5, 10)])
    assert (counts.strict, counts.relaxed) == (1, 1)


def test_empty_is_perfect_and_counts_add_up() -> None:
    assert Counts().scores()["strict_f1"] == 100.0
    total = Counts()
    total.add(score_document([g(0, 4)], [g(0, 4)]))
    total.add(score_document([g(0, 4)], []))
    assert total.scores()["strict_r"] == 50.0 and total.scores()["strict_p"] == 100.0


@pytest.mark.parametrize(("gold", "predicted", "same"), [
    ("2000-W07", "2000-W07", True), ("2000-W7", "2000-W07", False), ("1989-11-06T17", "1989-11-06T17:00", False),
    ("1998-W12", "1998-W11", False), ("P1D", "P1D", True), ("199", "199X", False),
])
def test_values_are_compared_as_exact_strings(gold: str, predicted: str, same: bool) -> None:
    counts = score_document([g(0, 4, value=gold)], [g(0, 4, value=predicted)])
    assert counts.value == int(same) and counts.relaxed == 1
