"""`dateline eval tls` (timeline summarization scored on a news-tls dataset) and `dateline eval t17-convert`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dateline.cli import eval_app
from dateline.cli._util import JsonOption, console, emit_json, errors, failures
from dateline.timeline.candidates import default_tagger
from dateline.timeline.evaluation import Report, evaluate
from dateline.timeline.metrics import MEASURES, VARIANTS, TaskScores
from dateline.timeline.t17 import convert

_NAMES = {"concat": "concat", "agreement": "agreement", "align_m1": "align+ m:1"}


def scores_json(scores: TaskScores) -> dict[str, Any]:
    """Precision, recall and F1 of every variant and measure, and date F1, as plain numbers."""
    def prf(precision: float, recall: float, f1: float) -> dict[str, float]:
        return {"precision": round(precision, 5), "recall": round(recall, 5), "f1": round(f1, 5)}

    result: dict[str, Any] = {
        _NAMES[v]: {m: prf(s.precision, s.recall, s.f1) for m, s in scores.rouge[v].items()} for v in VARIANTS
    }
    result["dates"] = prf(scores.dates.precision, scores.dates.recall, scores.dates.f1)
    return result


def scores_table(scores: TaskScores, title: str) -> Table:
    """ROUGE F1 of each variant and date F1, one row each."""
    table = Table("metric", *(m.replace("_", "-").upper() + " F1" for m in MEASURES), title=title)
    for variant in VARIANTS:
        table.add_row(_NAMES[variant], *(f"{scores.rouge[variant][m].f1:.4f}" for m in MEASURES))
    table.add_row("date F1", f"{scores.dates.f1:.4f}", "")
    return table


def _report_json(report: Report) -> dict[str, Any]:
    return {
        "overall": scores_json(report.overall),
        "tasks": [{"topic": topic, "timeline": n, "seconds": round(report.seconds[f"{topic}/{n}"], 3),
                   **scores_json(scores)} for topic, n, scores in report.tasks],
    }


@eval_app.command("tls")
def tls_command(
    dataset: Annotated[Path, typer.Argument(help="Dataset in the news-tls layout: <topic>/articles.jsonl, "
                                            "keywords.json, timelines.jsonl.", exists=True, file_okay=False)],
    out: Annotated[Path, typer.Option("--out", help="Write each predicted timeline to OUT/<topic>/<n>.json.")],
    topic: Annotated[list[str] | None, typer.Option("--topic", help="Only this topic (repeatable).")] = None,
    json_output: JsonOption = False,
) -> None:
    """Summarize every reference timeline's task with the standard Timeline17 protocol and print the scores."""
    tagger = default_tagger()
    if tagger is None:
        errors.print("warning: no temporal tagger available; every sentence is dated by its article")
    with failures():
        report = evaluate(dataset, tagger=tagger, out=out, topics=topic,
                          progress=None if json_output else lambda name: errors.print(f"  {name} done"))
    if json_output:
        emit_json(_report_json(report))
        return
    console.print(scores_table(report.overall, f"{len(report.tasks)} timelines, P and R averaged before F1"))
    slowest = max(report.seconds.items(), key=lambda item: item[1])
    console.print(f"predictions in {out}; slowest task {slowest[0]} summarized in {slowest[1]:.2f} s")


@eval_app.command("t17-convert")
def t17_convert_command(
    raw: Annotated[Path, typer.Argument(help="Raw Timeline17: <collection>/InputDocs and timelines.", exists=True,
                                        file_okay=False)],
    out: Annotated[Path, typer.Argument(help="Where to write the 9 topics in the news-tls layout.")],
) -> None:
    """Convert raw Timeline17 into the news-tls layout that `dateline eval tls` reads."""
    with failures():
        written = convert(raw, out)
    for name, (articles, timelines) in written.items():
        console.print(f"{name}: {articles} articles, {timelines} reference timeline(s)")
