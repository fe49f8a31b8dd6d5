"""The Timeline17 protocol end to end on a hand-made news-tls dataset, through the API and `dateline eval tls`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.timeline.evaluation import evaluate, load_topic, predict, task_candidates

ARTICLES = [
    {"id": "a", "time": "2010-04-21T00:00:00", "title": "Oil rig explodes",
     "text": "An oil rig exploded in the Gulf on April 20 .\nThe spill may grow .\nWeather was calm ."},
    {"id": "b", "time": "2010-04-23", "text": "The rig sank on April 22 , and oil began to spill .\nBP said little ."},
    {"id": "c", "time": "2010-04-30", "text": "Oil reached the coast .\nThe spill is the worst in years ."},
    {"id": "d", "time": "2010-05-20", "text": "BP tried again to stop the oil ."},
]
REFERENCE = [["2010-04-20T00:00:00", ["Rig explodes in the Gulf .", "Eleven die ."]],
             ["2010-04-22T00:00:00", ["Rig sinks ."]], ["2010-04-23T00:00:00", ["Oil spill grows ."]]]


def dataset(root: Path) -> Path:
    topic = root / "bpoil"
    topic.mkdir(parents=True)
    (topic / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    (topic / "keywords.json").write_text('["bp", "oil", "spill"]', encoding="utf-8")
    (topic / "timelines.jsonl").write_text(json.dumps(REFERENCE) + "\n\n" + json.dumps(REFERENCE[:2]) + "\n",
                                           encoding="utf-8")
    return root


def test_tasks_follow_the_protocol(tmp_path: Path) -> None:
    topic = load_topic(dataset(tmp_path) / "bpoil", tagger=None)
    assert topic.articles == 4 and len(topic.references) == 2
    reference = topic.references[0]
    candidates = task_candidates(topic, reference)
    # Articles published from April 20 to 23 only; titles never.
    assert {c.article_id for c in candidates} == {"a", "b"}
    assert not any(c.text == "Oil rig explodes" for c in candidates)
    predicted = predict(topic, reference)
    # Only sentences with a keyword are picked.
    picked = [s.lower() for sentences in predicted.values() for s in sentences]
    assert picked and all("oil" in s or "spill" in s or "bp " in s for s in picked)
    assert len(predicted) <= len(reference)
    assert all(len(sentences) <= 1 for sentences in predicted.values())   # round(4 / 3) = 1 a date


def test_eval_tls_writes_predictions_and_prints_scores(tmp_path: Path) -> None:
    root = dataset(tmp_path / "data")
    result = CliRunner().invoke(load_commands(), ["eval", "tls", str(root), "--out", str(tmp_path / "out"),
                                                  "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["tasks"]) == 2
    assert set(report["overall"]) == {"concat", "agreement", "align+ m:1", "dates"}
    assert 0.0 <= report["overall"]["align+ m:1"]["rouge_1"]["f1"] <= 1.0
    for n in (0, 1):
        rows = json.loads((tmp_path / "out" / "bpoil" / f"{n}.json").read_text())
        assert all(len(day) == 10 and isinstance(sentences, list) for day, sentences in rows)
        assert [day for day, _ in rows] == sorted(day for day, _ in rows)


def test_eval_tls_reports_a_bad_dataset_with_a_code(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(load_commands(), ["eval", "tls", str(tmp_path / "empty"), "--out",
                                                  str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "D111" in result.output


def test_evaluate_scores_every_task(tmp_path: Path) -> None:
    report = evaluate(dataset(tmp_path), tagger=None, topics=["bpoil"])
    assert [(topic, n) for topic, n, _ in report.tasks] == [("bpoil", 0), ("bpoil", 1)]
    assert set(report.seconds) == {"bpoil/0", "bpoil/1"}


def test_t17_convert_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(load_commands(), ["eval", "t17-convert", str(tmp_path), str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "missing Timeline17 collection" in result.output
