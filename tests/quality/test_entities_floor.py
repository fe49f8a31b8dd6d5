"""Quality gate: entity mention detection and cross-document coreference on MEANTIME English must not drop below
the floors pinned in `benchmarks/floors/entities.json` (written by `python benchmarks/entities.py --write-floors`
with the SHA-256 of the gold files; if the data changed, the floors no longer apply and the test says so)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.entities.evaluate import data_hash, evaluate

FLOORS = Path(__file__).resolve().parents[2] / "benchmarks" / "floors" / "entities.json"


@pytest.mark.shared
def test_entity_scores_stay_above_their_floors(shared_data: Path) -> None:
    folder = shared_data / "meantime-en" / "intra_cross-doc_annotation"
    floors = json.loads(FLOORS.read_text())
    assert data_hash(folder) == floors["data_sha256"], "MEANTIME changed: re-pin with benchmarks/entities.py"
    report = evaluate(folder)
    reached = {
        "mentions.strict_f1": report["ours.per_org_loc"]["strict"]["f1"],
        "mentions.partial_f1": report["ours.per_org_loc"]["partial"]["f1"],
        "mentions.with_pro.strict_f1": report["ours.with_pro"]["strict"]["f1"],
        **{f"coref.{metric}": report["coref.ours"][metric] for metric in ("muc", "b_cubed", "ceaf_e", "conll")},
    }
    for metric, value in reached.items():
        assert value >= floors[metric], f"{metric} {value:.4f} fell below its floor {floors[metric]}"
    assert report["ours.per_org_loc"]["strict"]["f1"] > report["spacy.per_org_loc"]["strict"]["f1"]
    assert report["coref.ours"]["conll"] > report["coref.spacy-string"]["conll"]
