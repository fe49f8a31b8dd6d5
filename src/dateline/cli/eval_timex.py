"""`dateline eval timex GOLD_DIR PRED_DIR`: TempEval-3 Task A scores of TimeML predictions against gold."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dateline.cli import eval_app
from dateline.cli._util import JsonOption, console, emit_json, failures
from dateline.temporal.evaluate import score_folders


@eval_app.command("timex")
def timex_command(
    gold_dir: Annotated[Path, typer.Argument(help="Gold TimeML folder.", exists=True, file_okay=False)],
    pred_dir: Annotated[Path, typer.Argument(help="Predicted TimeML folder (same relative paths, e.g. written by "
                                             "`dateline timeml`).", exists=True, file_okay=False)],
    json_output: JsonOption = False,
) -> None:
    """Strict and relaxed span P/R/F1, type F1 and value F1 (TempEval-3 Task A); a missing prediction file counts
    as no timexes."""
    with failures():
        counts = score_folders(gold_dir, pred_dir)
    scores = counts.scores()
    if json_output:
        emit_json({"gold": counts.gold, "predicted": counts.predicted,
                   **{key: round(value, 2) for key, value in scores.items()}})
        return
    table = Table("match", "P", "R", "F1", title=f"TIMEX3: {counts.gold} gold, {counts.predicted} predicted")
    for name in ("strict", "relaxed"):
        table.add_row(name, f"{scores[name + '_p']:.1f}", f"{scores[name + '_r']:.1f}", f"{scores[name + '_f1']:.1f}")
    table.add_row("type", "", "", f"{scores['type_f1']:.1f}")
    table.add_row("value", "", "", f"{scores['value_f1']:.1f}")
    console.print(table)
