"""`dateline search`, `stories`, `story` and `changes` end to end on the seeds: JSON output, text output, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.store.db import Store

runner = CliRunner()
app = load_commands()


@pytest.fixture
def db(seeded: Store) -> str:
    return str(seeded.path)


def _json(*args: str) -> object:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_search_command_as_of_two_dates(db: str) -> None:
    early = _json("search", "Atwell drifting", "--db", db, "--as-of", "2023-06-30")
    later = _json("search", "Atwell drifting", "--db", db, "--as-of", "2023-07-08")
    assert isinstance(early, dict) and isinstance(later, dict)
    assert [hit["published"] for hit in early["hits"]] == ["2023-06-22"]
    assert sorted(hit["published"] for hit in later["hits"]) == ["2023-06-22", "2023-07-07"]
    text = runner.invoke(app, ["search", "Atwell drifting", "--db", db, "--limit", "1"])
    assert text.exit_code == 0 and "2 articles match" in text.stdout and "--cursor" in text.stdout


def test_search_command_reports_bad_input_with_codes(db: str, tmp_path: Path) -> None:
    for args, code in ((["search", "", "--db", db], "D401"), (["search", "x", "--db", db, "--as-of", "soon"], "D402"),
                       (["search", "x", "--db", db, "--from", "2023-02-30"], "D411"),
                       (["search", "x", "--db", db, "--cursor", "bogus"], "D410"),
                       (["search", "x", "--db", str(tmp_path / "none.db")], "D204")):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and code in result.output, (args, result.output)


def test_stories_and_story_commands(db: str) -> None:
    assert _json("stories", "--db", db, "--as-of", "2023-06-30") == []
    stories = _json("stories", "--db", db)
    assert isinstance(stories, list) and len(stories) == 1
    story = _json("story", stories[0]["id"], "--db", db, "--as-of", "2023-07-08")
    assert isinstance(story, dict) and story["articles"] == 2 and "Hayley Atwell" in story["entities"]
    missing = runner.invoke(app, ["story", "nope", "--db", db])
    assert missing.exit_code == 2 and "D413" in missing.output
    assert "2023-06-22..2023-07-07" in runner.invoke(app, ["story", stories[0]["id"], "--db", db]).stdout


def test_changes_command_between_the_seeds(db: str) -> None:
    found = _json("changes", "--db", db, "--since", "2023-06-30", "--until", "2023-07-08")
    assert isinstance(found, dict)
    assert (found["articles"], found["updated"]) == (1, 0)
    assert [(s["before"], s["after"]) for s in found["stories"]] == [(1, 2)]
    names = {entity["name"] for entity in found["entities"]}
    assert "Hayley Atwell" not in names and names, names
    assert all(entity["first_seen_at"] > "2023-06-30T23:59:59.999999Z" for entity in found["entities"])
    nothing = _json("changes", "--db", db, "--since", "2023-07-08")
    assert isinstance(nothing, dict) and nothing["articles"] == 0 and nothing["stories"] == []
    backwards = runner.invoke(app, ["changes", "--db", db, "--since", "2023-07-08", "--until", "2023-06-01"])
    assert backwards.exit_code == 2 and "D411" in backwards.output
    assert "stories that grew" in runner.invoke(app, ["changes", "--db", db, "--since", "2023-06-30"]).stdout
