"""The core commands end to end: ingest, stats, show, demo; JSON output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.entities import rebuild
from dateline.store.db import Store
from redo_steps import Steps

runner = CliRunner()
app = load_commands()
SEEDS = Path(__file__).resolve().parents[2] / "src" / "dateline" / "data" / "sample" / "seeds.txt"


def test_ingest_stats_show_with_json(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", db, "--seen-at", "published", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 2
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["articles"] == 2
    assert (stats["published_from"], stats["published_to"]) == ("2023-06-22", "2023-07-07")
    assert stats["per_month"] == {"2023-06": 1, "2023-07": 1}
    as_of = json.loads(runner.invoke(app, ["stats", "--db", db, "--json", "--as-of", "2023-06-30"]).stdout)
    assert as_of["articles"] == 1
    article_id = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout) and _first_id(db)
    shown = json.loads(runner.invoke(app, ["show", article_id[:8], "--db", db, "--json"]).stdout)
    assert shown["id"] == article_id
    assert shown["first_seen_at"].startswith(shown["published_at"][:10])
    assert shown["sentences"] and shown["text"][shown["sentences"][0]["start"]:].startswith(("As with", "At some"))


def _first_id(db: str) -> str:
    from dateline.store.db import Store

    with Store(db, readonly=True) as store:
        return str(store.conn.execute("SELECT id FROM articles ORDER BY published_day").fetchone()[0])


def test_db_defaults_to_environment_variable(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", str(SEEDS)], env={"DATELINE_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_exit_code_says_whether_anything_was_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"date": "2023-02-30", "text": "x"}\n{"date": "2023-02-03", "text": "fine"}\n')
    db = str(tmp_path / "e.db")
    process = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(bad), "--db", db],
                             capture_output=True, text=True)
    assert process.returncode == 1
    assert "[D103]" in process.stderr and "bad.jsonl:line 1" in process.stderr
    assert "1 added" in process.stdout
    strict = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(bad), "--db", db, "--strict"],
                            capture_output=True, text=True)
    assert strict.returncode == 2 and "D103" in strict.stderr


def test_show_unknown_id_and_missing_database(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["stats", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and "D204" in missing.output
    runner.invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "s.db")])
    unknown = runner.invoke(app, ["show", "ffffffffff", "--db", str(tmp_path / "s.db")])
    assert unknown.exit_code == 2 and "D204" in unknown.output


def test_corrupt_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database at all" * 100)
    result = runner.invoke(app, ["stats", "--db", str(broken)])
    assert result.exit_code == 2
    assert "D201" in result.output and "not a dateline database or damaged" in result.output


def test_demo_builds_a_fresh_database(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    first = runner.invoke(app, ["demo", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "122 added" in first.output
    again = runner.invoke(app, ["demo", "--db", str(db)])
    assert "122 added" in again.output  # fresh each time, not "already stored"


def test_stats_versions_respect_as_of(tmp_path: Path) -> None:
    first, second = tmp_path / "v1.jsonl", tmp_path / "v2.jsonl"
    first.write_text('{"id": "s", "date": "2023-01-01", "text": "First version."}\n')
    second.write_text('{"id": "s", "date": "2023-01-01", "text": "Second version."}\n')
    db = str(tmp_path / "v.db")
    runner.invoke(app, ["ingest", str(first), "--db", db, "--seen-at", "2023-01-02"])
    runner.invoke(app, ["ingest", str(second), "--db", db, "--seen-at", "2023-01-05"])
    early = json.loads(runner.invoke(app, ["stats", "--db", db, "--json", "--as-of", "2023-01-03"]).stdout)
    late = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert (early["articles"], early["versions"]) == (1, 1)
    assert (late["articles"], late["versions"]) == (1, 2)


def test_ingest_and_enrich_write_shards_where_spool_says(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    for command in (["ingest", str(SEEDS), "--fast"], ["enrich"]):
        refused = runner.invoke(app, [*command, "--db", db, "--spool", str(blocked / "spool")])
        assert refused.exit_code == 2 and "[D203]" in refused.output and "--spool" in refused.output, refused.output
    ingested = runner.invoke(app, ["ingest", str(SEEDS), "--fast", "--db", db, "--spool", str(tmp_path / "sp")])
    assert ingested.exit_code == 0, ingested.output
    enriched = runner.invoke(app, ["enrich", "--db", db, "--spool", str(tmp_path / "sp2"), "--json"])
    assert enriched.exit_code == 0, enriched.output
    assert json.loads(enriched.stdout)["articles"] == 2
    assert not Path(f"{db}.spool").exists()


def test_stats_and_entities_tell_of_an_entity_redo_a_killed_run_left(tmp_path: Path, steps: Steps) -> None:
    """On stderr, so that stdout keeps its JSON; and the entities listed meanwhile are those before the rebuild
    (their summaries are kept until summed anew at its end)."""
    db = tmp_path / "r.db"
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db), "--seen-at", "published"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)["entities_redo_from"] is None
    listed = json.loads(runner.invoke(app, ["entities", "--db", str(db), "--json"]).stdout)
    assert listed
    steps.reset(kill_after=1)  # right after the rebuild committed its first step
    with Store(db) as store, pytest.raises(Steps.Killed), store.transaction() as conn:
        rebuild(conn)
    assert json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)["entities_redo_from"] == ""
    for command in (["stats"], ["entities"], ["entities", "--json"]):
        told = runner.invoke(app, [*command, "--db", str(db)])
        assert "being decided again" in " ".join(told.stderr.split()), command
        assert "being decided again" not in told.stdout, command
    assert json.loads(runner.invoke(app, ["entities", "--db", str(db), "--json"]).stdout) == listed
    steps.reset()
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)]).exit_code == 0  # nothing new: it finishes
    assert json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)["entities_redo_from"] is None
    for command in (["stats"], ["entities"], ["entity", "Tom Cruise"]):
        told = runner.invoke(app, [*command, "--db", str(db)])
        assert told.exit_code == 0 and "being decided again" not in told.output, command
    assert json.loads(runner.invoke(app, ["entities", "--db", str(db), "--json"]).stdout) == listed
