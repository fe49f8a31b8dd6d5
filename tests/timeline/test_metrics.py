"""Timeline metrics on hand-made timelines: concat, agreement, align+ m:1, date F1, and averaging over tasks."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timeline.metrics import PR, TaskScores, average, date_pr, score_task

D1, D2, D3 = dt.date(2010, 4, 20), dt.date(2010, 4, 22), dt.date(2010, 4, 30)
REFERENCE = {D1: ["Rig explodes in the Gulf of Mexico"], D2: ["Rig sinks after burning for two days"]}


def test_a_perfect_timeline_scores_one_everywhere() -> None:
    scores = score_task(REFERENCE, REFERENCE)
    for variant in scores.rouge.values():
        for pr in variant.values():
            assert (pr.precision, pr.recall, pr.f1) == (1.0, 1.0, 1.0)
    assert scores.dates.f1 == 1.0


def test_a_day_off_by_one_gets_half_credit_in_align_but_none_in_agreement() -> None:
    shifted = {D1 + dt.timedelta(days=1): REFERENCE[D1], D2: REFERENCE[D2]}
    scores = score_task(shifted, REFERENCE)
    rouge_1 = scores.rouge["align_m1"]["rouge_1"]
    # Day 1 tokens: rig, explod, gulf, mexico (4); day 2: rig, sink, burn, dai (4). The moved day counts half.
    assert rouge_1.precision == pytest.approx((0.5 * 4 + 4) / 8)
    assert rouge_1.recall == pytest.approx((0.5 * 4 + 4) / 8)
    assert scores.rouge["agreement"]["rouge_1"].precision == pytest.approx(4 / 8)
    assert scores.rouge["concat"]["rouge_1"].f1 == 1.0
    assert scores.dates == PR(0.5, 0.5)


def test_align_m1_maps_each_day_to_its_best_match_by_content_and_distance() -> None:
    # The predicted day sits between the two reference days; its content matches the farther one, which wins.
    predicted = {dt.date(2010, 4, 21): ["Rig sinks after burning for two days"]}
    rouge_1 = score_task(predicted, REFERENCE).rouge["align_m1"]["rouge_1"]
    assert rouge_1.precision == pytest.approx(0.5)
    # Recall: both reference days map to the only predicted day, one day away: day 1 shares "rig", day 2 all four.
    assert rouge_1.recall == pytest.approx((0.5 * 1 + 0.5 * 4) / 8)


def test_date_precision_and_recall() -> None:
    assert date_pr({D1: [], D3: []}, REFERENCE) == PR(0.5, 0.5)
    assert date_pr({}, REFERENCE) == PR(0.0, 0.0)


def test_average_takes_f1_of_mean_precision_and_recall() -> None:
    a = score_task({D1: REFERENCE[D1]}, REFERENCE)
    b = score_task({D1: [], D3: []}, REFERENCE)
    overall = average([a, b])
    assert overall.dates == PR((1.0 + 0.5) / 2, (0.5 + 0.5) / 2)
    assert overall.dates.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    with pytest.raises(ValueError):
        average([])
    assert isinstance(overall, TaskScores)
