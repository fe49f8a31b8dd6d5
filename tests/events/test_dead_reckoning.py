"""The golden example from the seeds: the Dead Reckoning premiere, reported twice before it happened."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.events.cited import make_timeline
from dateline.events.record import find_events
from dateline.events.revisions import Change, find_schedules
from dateline.store.db import Store

runner = CliRunner()
app = load_commands()
PREMIERE = date(2023, 7, 12)


def test_the_timeline_shows_the_premiere_supported_by_both_articles(seeded: Store) -> None:
    timeline = make_timeline(seeded.conn, "Dead Reckoning")
    premiere = next(d for d in timeline.dates if d.date == PREMIERE)
    assert len(premiere.articles) == 2 and len(premiere.sources) == 2
    assert premiere.first_reported_at.startswith("2023-06-22")
    assert any("July 12th" in s.text for s in premiere.sentences)
    assert not premiere.expected


def test_as_of_june_30th_only_the_first_article_is_used_and_the_premiere_is_ahead(seeded: Store) -> None:
    timeline = make_timeline(seeded.conn, "Dead Reckoning", as_of="2023-06-30")
    assert {a for d in timeline.dates for a in d.articles} == {timeline.dates[0].articles[0]}
    premiere = next(d for d in timeline.dates if d.date == PREMIERE)
    assert premiere.expected and len(premiere.articles) == 1
    assert date(2023, 7, 7) not in [d.date for d in timeline.dates]


def test_next_week_and_july_12th_are_one_scheduled_event_first_reported_june_22nd(seeded: Store) -> None:
    [event] = [e for e in find_events(seeded.conn, "Dead Reckoning") if e.earliest == PREMIERE]
    assert (event.precision, event.scheduled, len(event.articles)) == ("day", True, 2)
    assert sorted(r.mention.value for r in event.mentions) == ["2023-07-12", "2023-W28"]
    assert event.first_reported_at.startswith("2023-06-22") and "July 12th" in event.representative.text


def test_revisions_show_both_reports_of_the_expected_premiere_date(seeded: Store) -> None:
    [schedule] = find_schedules(seeded.conn, "Dead Reckoning")
    history = [(h.report.first_seen_at[:10], h.report.mention.value, h.change) for h in schedule.history]
    assert history == [("2023-06-22", "2023-07-12", Change.FIRST), ("2023-07-07", "2023-W28", Change.CONFIRMED)]
    assert schedule.current.report.mention.value == "2023-07-12" and not schedule.revised
    [early] = find_schedules(seeded.conn, "Dead Reckoning", as_of="2023-06-30")
    assert [h.report.mention.value for h in early.history] == ["2023-07-12"]


def test_the_commands_end_to_end(seeded: Store, tmp_path: Path) -> None:
    db = str(seeded.path)
    result = runner.invoke(app, ["timeline", "Dead Reckoning", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    dates = {d["date"]: d for d in json.loads(result.stdout)["dates"]}
    assert len(dates["2023-07-12"]["articles"]) == 2
    out = tmp_path / "dr.json"
    result = runner.invoke(app, ["timeline", "Dead Reckoning", "--db", db, "--as-of", "2023-06-30",
                                 "--format", "timelinejs", "--out", str(out)])
    assert result.exit_code == 0, result.output
    slides = json.loads(out.read_text())["events"]
    assert {"start_date": {"year": 2023, "month": 7, "day": 12}, "group": "Expected"}.items() <= next(
        s for s in slides if s["unique_id"] == "d-2023-07-12").items()
    text = runner.invoke(app, ["timeline", "Dead Reckoning", "--db", db]).stdout
    assert "2023-07-12  [2 source(s); first article" in text
    revisions = json.loads(runner.invoke(app, ["revisions", "Dead Reckoning", "--db", db, "--json"]).stdout)
    assert [h["value"] for h in revisions["scheduled"][0]["history"]] == ["2023-07-12", "2023-W28"]
    events = json.loads(runner.invoke(app, ["events", "Dead Reckoning", "--db", db, "--json"]).stdout)["events"]
    premiere = next(e for e in events if e["earliest"] == "2023-07-12")
    assert premiere["first_reported_at"].startswith("2023-06-22") and len(premiere["sources"]) == 2
    assert "Tom Cruise" in premiere["entities"] and "Tom Cruise" in premiere["mentions"][0]["entities"]
    human = runner.invoke(app, ["events", "Dead Reckoning", "--db", db]).stdout
    assert "first reported 2023-06-22" in human


def test_an_entity_timeline_uses_the_sentences_naming_it_as_of_the_date(seeded: Store) -> None:
    timeline = make_timeline(seeded.conn, None, entity="Tom Cruise")
    premiere = next(d for d in timeline.dates if d.date == PREMIERE)
    assert len(premiere.articles) == 2
    assert all("Cruise" in s.text or "Tom" in s.text for d in timeline.dates for s in d.sentences)
    early = make_timeline(seeded.conn, None, entity="Tom Cruise", as_of="2023-06-30")
    assert {a for d in early.dates for a in d.articles} == {premiere.articles[0]}
    result = runner.invoke(app, ["timeline", "--entity", "Nobody Here", "--db", str(seeded.path)])
    assert result.exit_code == 2 and "D420" in result.output


def test_bad_options_fail_with_their_codes(seeded: Store) -> None:
    db = str(seeded.path)
    result = runner.invoke(app, ["timeline", "Dead Reckoning", "--db", db, "--dates", "0"])
    assert result.exit_code == 2 and "D421" in result.output
    result = runner.invoke(app, ["timeline", "Dead Reckoning", "--db", db, "--from", "July"])
    assert result.exit_code == 2 and "D411" in result.output
    result = runner.invoke(app, ["revisions", "Dead Reckoning", "--db", db, "--as-of", "soon"])
    assert result.exit_code == 2 and "D402" in result.output
