"""`dateline timeml` and `dateline eval timex` end to end on hand-made TimeML files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.temporal.timeml import read_timeml

runner = CliRunner()
app = load_commands()

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-07-07" functionInDocument="CREATION_TIME">2023-07-07</TIMEX3></DCT>
<TEXT>
The sequel comes to theaters <TIMEX3 tid="t1" type="DATE" value="2023-W28">next week</TIMEX3> &amp; stays \
<TIMEX3 tid="t2" type="DURATION" value="P2M">two months</TIMEX3>, <EVENT eid="e1">said</EVENT> the studio.
</TEXT>
</TimeML>
"""


def test_timeml_then_eval(tmp_path: Path) -> None:
    gold = tmp_path / "gold" / "sub"
    gold.mkdir(parents=True)
    (gold / "a.tml").write_text(GOLD, encoding="utf-8")
    (tmp_path / "gold" / "broken.tml").write_text("<TimeML>no text</TimeML>", encoding="utf-8")
    out = tmp_path / "pred"
    result = runner.invoke(app, ["timeml", str(tmp_path / "gold"), str(out), "--mode", "news"])
    assert result.exit_code == 0, result.output
    assert "1 files written" in result.stdout and "1 skipped" in result.stdout
    assert read_timeml(out / "sub" / "a.tml").text == read_timeml(gold / "a.tml").text
    (tmp_path / "gold" / "broken.tml").unlink()
    scored = runner.invoke(app, ["eval", "timex", str(tmp_path / "gold"), str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    scores = json.loads(scored.stdout)
    assert scores["gold"] == 2 and scores["strict_f1"] == 100.0 and scores["value_f1"] == 100.0


def test_bad_mode_and_missing_data(tmp_path: Path) -> None:
    result = runner.invoke(app, ["timeml", str(tmp_path), str(tmp_path / "out"), "--mode", "poetry"])
    assert result.exit_code == 2 and "D501" in result.output
    empty = runner.invoke(app, ["eval", "timex", str(tmp_path), str(tmp_path)])
    assert empty.exit_code == 2 and "D111" in empty.output
