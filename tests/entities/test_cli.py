"""The entity commands end to end on the seeds: list, profile, as-of, overrides, errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.store.db import Store

runner = CliRunner()
app = load_commands()


def _json(*args: str) -> object:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_entities_entity_and_overrides(seeded: Store) -> None:
    db = str(seeded.path)
    people = _json("entities", "--type", "PER", "--top", "2", "--db", db)
    assert [p["name"] for p in people] == ["Tom Cruise", "Hayley Atwell"]  # type: ignore[index]
    film = _json("entity", "Dead Reckoning", "--db", db)
    assert film["name"] == "Mission: Impossible – Dead Reckoning Part One"  # type: ignore[index]
    assert film["evidence"] and film["links"] and len(film["mentioned_in"]) == 2  # type: ignore[index]
    early = _json("entity", "Cruise", "--as-of", "2023-06-30", "--db", db)
    assert early["articles"] == 1  # type: ignore[index]
    merged = runner.invoke(app, ["entity-merge", "Mission: Impossible 8", "Dead Reckoning Part Two", "--db", db])
    assert merged.exit_code == 0, merged.output
    assert _json("entity", "Mission: Impossible 8", "--db", db)["articles"] == 2  # type: ignore[index]
    renamed = runner.invoke(app, ["entity-rename", "Atwell", "Hayley Elizabeth Atwell", "--db", db])
    assert renamed.exit_code == 0, renamed.output
    assert _json("entity", "Atwell", "--db", db)["name"] == "Hayley Elizabeth Atwell"  # type: ignore[index]


def test_unknown_names_and_bad_types_fail_with_codes(seeded: Store) -> None:
    db = str(seeded.path)
    missing = runner.invoke(app, ["entity", "Penelope Cruz", "--db", db])
    assert missing.exit_code == 2 and "D204" in missing.output
    bad = runner.invoke(app, ["entities", "--type", "ANIMAL", "--db", db])
    assert bad.exit_code == 2 and "D501" in bad.output
