"""`dateline timeml INPUT_DIR OUTPUT_DIR`: tag TempEval-3 style TimeML files with dateline's TIMEX3."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import console, errors, failures
from dateline.errors import Code, ConfigError, DatelineError, Problem
from dateline.temporal import MODES, tag
from dateline.temporal.timeml import read_timeml, write_timeml


def mode_option(mode: str | None) -> str | None:
    """Check a `--mode` value; D501 when it is not one of the tagger's modes."""
    if mode is not None and mode not in MODES:
        raise ConfigError(f"--mode must be one of {', '.join(MODES)}, not {mode!r}", code=Code.INVALID_OPTION)
    return mode


@app.command("timeml")
def timeml_command(
    input_dir: Annotated[Path, typer.Argument(help="Folder of .tml files (searched recursively).", exists=True,
                                              file_okay=False)],
    output_dir: Annotated[Path, typer.Argument(help="Where to write the annotated files (same relative paths).")],
    mode: Annotated[str | None, typer.Option("--mode", help="Force news, narrative or colloquial resolution "
                                             "(default: chosen per document).")] = None,
) -> None:
    """Annotate every TimeML file's TEXT with TIMEX3 anchored on its DCT; the text is kept character for character.

    Tags already inside TEXT (gold TIMEX3, EVENT, SIGNAL) are dropped, and so are the links that referred to them.
    A file without DCT or TEXT is reported and skipped.
    """
    with failures():
        chosen = mode_option(mode)
        paths = sorted(input_dir.rglob("*.tml"))
        problems: list[Problem] = []
        written = timexes = 0
        for path in paths:
            try:
                doc = read_timeml(path)
                found = tag(doc.text, doc.dct, mode=chosen)
            except DatelineError as error:
                problems.append(Problem.from_error(error, str(path), ""))
                continue
            target = output_dir / path.relative_to(input_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(write_timeml(doc, found), encoding="utf-8")
            written += 1
            timexes += len(found)
    for problem in problems:
        errors.print(f"[yellow]skipped[/yellow] {problem}", markup=True, highlight=False)
    console.print(f"{written} files written to {output_dir}, {timexes} TIMEX3, {len(problems)} skipped")
    if not written and paths:
        raise typer.Exit(2)
