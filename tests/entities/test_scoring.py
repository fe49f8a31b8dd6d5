"""The mention and coreference scorers on inputs small enough to score by hand."""

from __future__ import annotations

import pytest

from dateline.entities.scoring import (
    b_cubed,
    ceaf_e,
    clusters_of,
    coreference,
    muc,
    overlap_matched,
    partial,
    strict,
)

A, B, C, D = ("d", 0, 1), ("d", 2, 3), ("d", 4, 5), ("e", 0, 1)
KEY = [frozenset({A, B, C})]
RESPONSE = [frozenset({A, B}), frozenset({C})]


def test_strict_needs_span_and_type() -> None:
    gold = [("d", 0, 5, "PER"), ("d", 10, 15, "ORG")]
    predicted = [("d", 0, 5, "PER"), ("d", 10, 15, "LOC"), ("d", 20, 25, "PER")]
    score = strict(gold, predicted)
    assert (score.precision, score.recall) == (pytest.approx(1 / 3), 0.5)


def test_partial_matches_each_mention_once() -> None:
    gold = [("d", 0, 10, "PER")]
    predicted = [("d", 0, 4, "PER"), ("d", 5, 10, "PER")]
    score = partial(gold, predicted)
    assert (score.precision, score.recall) == (0.5, 1.0)


def test_muc() -> None:
    score = muc(KEY, RESPONSE)
    assert (score.precision, score.recall) == (1.0, 0.5)


def test_b_cubed() -> None:
    score = b_cubed(KEY, RESPONSE)
    assert score.precision == 1.0 and score.recall == pytest.approx(5 / 9)


def test_ceaf_e_aligns_one_to_one() -> None:
    score = ceaf_e(KEY, RESPONSE)
    assert score.recall == pytest.approx(0.8) and score.precision == pytest.approx(0.4)


def test_ceaf_e_finds_the_best_alignment_not_the_greedy_one() -> None:
    key = [frozenset({A, B}), frozenset({C})]
    response = [frozenset({A, B, C}), frozenset({D})]
    # {A,B}<->{A,B,C} (0.8) is best; {C} then has no partner: total 0.8
    assert ceaf_e(key, response).recall == pytest.approx(0.4)


def test_perfect_response_scores_one() -> None:
    mapping = {A: 1, B: 1, C: 2, D: 3}
    scores = coreference(mapping, dict(mapping))
    assert scores.conll == pytest.approx(1.0)
    assert len(clusters_of(mapping)) == 3


def test_missing_mentions_lower_recall_only() -> None:
    scores = coreference({A: 1, B: 1, C: 2}, {A: 1, B: 1})
    assert scores.b_cubed.precision == 1.0 and scores.b_cubed.recall == pytest.approx(2 / 3)


def test_overlap_matching_moves_system_mentions_onto_the_gold_ones_they_overlap_most() -> None:
    key = {("d", 0, 10): 1, ("d", 20, 25): 1, ("d", 40, 45): 2}
    response = {("d", 0, 4): "a", ("d", 0, 10): "a", ("d", 19, 26): "a", ("d", 60, 65): "b"}
    moved = overlap_matched(key, response)
    assert moved == {("d", 0, 10): "a", ("d#unmatched", 0, 4): "a", ("d", 20, 25): "a", ("d#unmatched", 60, 65): "b"}
    assert coreference(key, moved).muc.recall == 1.0
    assert coreference(key, response).muc.recall == 0.0
