"""Quality gate: the tagger's TempEval-3 scores on TBAQ-cleaned must not drop below the pinned floors.

The floors (`benchmarks/floors/timex.json`) are written by `python benchmarks/timex.py --pin` together with the
SHA-256 of the gold files; if the data changed, the floors no longer apply and the test says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.temporal.evaluate import gold_hash, read_folder, score_tagger

FLOORS = Path(__file__).resolve().parents[2] / "benchmarks" / "floors" / "timex.json"


@pytest.mark.shared
@pytest.mark.parametrize("corpus", ["TimeBank", "AQUAINT"])
def test_scores_stay_above_their_floor(shared_data: Path, corpus: str) -> None:
    folder = shared_data / "tempeval3" / "TBAQ-cleaned"
    floors = json.loads(FLOORS.read_text())
    assert gold_hash(folder) == floors["data_sha256"], "the gold data changed: re-pin with benchmarks/timex.py --pin"
    scores = score_tagger(read_folder(folder / corpus)).scores()
    for metric, floor in floors["scores"][corpus].items():
        assert scores[metric] >= floor, f"{corpus} {metric} {scores[metric]:.2f} fell below its floor {floor}"
