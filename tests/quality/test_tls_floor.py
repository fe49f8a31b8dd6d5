"""Quality gate: timeline summarization on two Timeline17 topics must not drop below its pinned floors.

The floors (`benchmarks/floors/tls.json`) are written by `python benchmarks/tls.py --pin` with the SHA-256 of the raw
data; this test re-runs the standard protocol on the quick subset (h1n1 and haiti: 4 reference timelines, about 700
articles, well under a minute) and compares align+ m:1 ROUGE-1/ROUGE-2 F1 and date F1 with the subset floors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.timeline.candidates import default_tagger
from dateline.timeline.evaluation import evaluate
from dateline.timeline.t17 import convert, fingerprint

FLOORS = Path(__file__).resolve().parents[2] / "benchmarks" / "floors" / "tls.json"


@pytest.mark.shared
@pytest.mark.slow
def test_t17_subset_stays_above_its_floors(shared_data: Path, tmp_path: Path) -> None:
    tagger = default_tagger()
    if tagger is None:
        pytest.skip("dateline.temporal is not available")
    raw = shared_data / "t17" / "raw"
    floors = json.loads(FLOORS.read_text())["subset"]
    topics = tuple(floors["topics"])
    assert fingerprint(raw, topics) == floors["data_sha256"], "the data changed: re-pin with benchmarks/tls.py --pin"
    convert(raw, tmp_path)
    overall = evaluate(tmp_path, tagger=tagger, topics=list(topics)).overall
    reached = {"align_m1.rouge_1": overall.rouge["align_m1"]["rouge_1"].f1,
               "align_m1.rouge_2": overall.rouge["align_m1"]["rouge_2"].f1, "dates": overall.dates.f1}
    for metric, value in reached.items():
        assert value >= floors[metric], f"{metric} {value:.4f} fell below its floor {floors[metric]}"
