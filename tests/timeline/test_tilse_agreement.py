"""Our ROUGE and timeline metrics agree with `tilse` (the reference evaluator, running ROUGE-1.5.5 in Perl).

Runs only where tilse is importable (`pip install --no-deps tilse==0.2.1` plus nltk, scipy and Debian's
libxml-parser-perl) and ../shared/data is present. The predicted timelines are the references of Timeline17 made
imperfect by hand-chosen rules: days moved by one to three days, days dropped, sentences swapped in from other days.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

from dateline.timeline.metrics import score_task

TIMELINES = [("haiti", 0), ("h1n1", 0), ("bpoil", 4), ("syria", 0)]


def _reference(shared: Path, topic: str, n: int) -> dict[dt.date, list[str]]:
    lines = [line for line in (shared / "t17" / "news-tls" / topic / "timelines.jsonl").read_text().splitlines()
             if line.strip()]
    return {dt.date.fromisoformat(day[:10]): sentences for day, sentences in json.loads(lines[n])}


def _imperfect(reference: dict[dt.date, list[str]], seed: int) -> dict[dt.date, list[str]]:
    rng = random.Random(seed)
    pool = [s for sentences in reference.values() for s in sentences]
    predicted: dict[dt.date, list[str]] = {}
    for day, sentences in reference.items():
        roll = rng.random()
        if roll < 0.2:
            continue
        moved = day + dt.timedelta(days=rng.choice([-3, -1, 1, 2])) if roll < 0.5 else day
        chosen = [rng.choice(pool) if rng.random() < 0.4 else s for s in sentences[:2]]
        predicted.setdefault(moved, []).extend(chosen)
    return predicted


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize(("topic", "n"), TIMELINES)
def test_scores_equal_tilse(shared_data: Path, topic: str, n: int) -> None:
    rouge = pytest.importorskip("tilse.evaluation.rouge", reason="tilse (the reference TLS evaluator) not installed")
    dates = pytest.importorskip("tilse.evaluation.dates")
    timelines = pytest.importorskip("tilse.data.timelines")
    if shutil.which("perl") is None:
        pytest.skip("tilse's ROUGE-1.5.5 needs perl")
    reference = _reference(shared_data, topic, n)
    predicted = _imperfect(reference, seed=n + len(topic))
    truth = timelines.GroundTruth([timelines.Timeline(reference)])
    system = timelines.Timeline(predicted)
    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"})
    expected = {
        "concat": evaluator.evaluate_concat(system, truth),
        "agreement": evaluator.evaluate_agreement(system, truth),
        "align_m1": evaluator.evaluate_align_date_content_costs_many_to_one(system, truth),
    }
    ours = score_task(predicted, reference)
    for variant, measures in expected.items():
        for measure, values in measures.items():
            got = ours.rouge[variant][measure]
            assert got.precision == pytest.approx(values["precision"], abs=1e-9), (variant, measure)
            assert got.recall == pytest.approx(values["recall"], abs=1e-9), (variant, measure)
    expected_dates = dates.evaluate_dates(system, truth)
    assert ours.dates.precision == pytest.approx(expected_dates["precision"])
    assert ours.dates.recall == pytest.approx(expected_dates["recall"])
