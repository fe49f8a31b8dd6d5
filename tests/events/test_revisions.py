"""Scheduled events: each report of the expected date, when and by whom, and how the date moved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from typer.testing import CliRunner

from dateline.cli import load_commands
from dateline.events.dating import EventMention, Rule
from dateline.events.revisions import Change, find_schedules, kinds, schedule
from dateline.store.db import Store
from dateline.store.events import Report

Ingest = Callable[[Store, Sequence[dict[str, Any]]], None]


def report(n: int, seen: str, first: date, last: date, source: str = "wire", words: str = "vote budget") -> Report:
    mention = EventMention(f"a{n}", 0, 0, first, last, first.isoformat(), "day", Rule.TIMEX, 0, True,
                           frozenset(words.split()))
    return Report(mention, "…", source, None, seen[:10], seen[:10], f"{seen}T00:00:00.000000Z")


SPRING = (date(2024, 3, 1), date(2024, 5, 31))


def test_each_report_is_judged_against_the_expectation_standing_when_it_came_in() -> None:
    steps = schedule([
        report(4, "2024-03-20", date(2025, 1, 1), date(2025, 12, 31), "courier"),   # "delayed to 2025"
        report(1, "2024-01-05", *SPRING, "herald"),                                 # "expected next spring"
        report(2, "2024-02-01", date(2024, 4, 16), date(2024, 4, 16), "gazette"),   # "on April 16"
        report(3, "2024-02-10", *SPRING, "times"),                                  # "this spring": no news
    ])
    assert [(h.report.source, h.change) for h in steps.history] == [
        ("herald", Change.FIRST), ("gazette", Change.REFINED), ("times", Change.CONFIRMED),
        ("courier", Change.LATER)]
    assert steps.current.report.source == "courier" and steps.revised
    assert steps.id == "a1:0:0"


def test_a_vaguer_confirmation_keeps_the_precise_date_expected() -> None:
    steps = schedule([report(1, "2024-01-05", date(2024, 4, 16), date(2024, 4, 16)),
                      report(2, "2024-04-10", date(2024, 4, 15), date(2024, 4, 21))])
    assert [h.change for h in steps.history] == [Change.FIRST, Change.CONFIRMED]
    assert steps.current.report.mention.article_id == "a1" and not steps.revised
    earlier = schedule([report(1, "2024-01-05", date(2024, 4, 16), date(2024, 4, 16)),
                        report(2, "2024-02-10", date(2024, 4, 2), date(2024, 4, 2))])
    assert earlier.history[-1].change is Change.EARLIER and earlier.current.report.mention.article_id == "a2"


def test_kinds_of_scheduled_happenings() -> None:
    assert kinds(frozenset({"premiere", "theater"})) == {"release"}
    assert kinds(frozenset({"referendum", "postponed"})) == {"vote"}
    assert kinds(frozenset({"budget"})) == frozenset()


def test_the_vote_moves_later_as_reports_come_in(store: Store, add_records: Ingest,
                                                  vote_and_strike: list[dict[str, Any]]) -> None:
    add_records(store, vote_and_strike)
    [vote] = find_schedules(store.conn, "vote")
    assert [(h.report.source, h.report.mention.value, h.change) for h in vote.history] == [
        ("herald", "2024-03-05", Change.FIRST), ("gazette", "2024-04-16", Change.LATER),
        ("courier", "2024-04-16", Change.CONFIRMED)]
    [before] = find_schedules(store.conn, "vote", as_of="2024-01-31")
    assert [h.report.mention.value for h in before.history] == ["2024-03-05"] and not before.revised
    assert find_schedules(store.conn, "dock") == []


def test_the_commands_show_who_reported_first_and_how_the_date_moved(
        store: Store, add_records: Ingest, vote_and_strike: list[dict[str, Any]]) -> None:
    add_records(store, vote_and_strike)
    runner, app, db = CliRunner(), load_commands(), str(store.path)
    shown = runner.invoke(app, ["revisions", "vote", "--db", db]).stdout
    assert "expected 2024-04-16 (day)  revised" in shown
    assert shown.index("herald") < shown.index("gazette") < shown.index("courier") and "moved later" in shown
    events = runner.invoke(app, ["events", "--db", db, "--from", "2024-02-01", "--to", "2024-02-28"]).stdout
    assert "2024-02-21 (day)  2 source(s), 2 mention(s); first reported 2024-02-21 by herald" in events
    assert "2024-04-16" not in events
    early = runner.invoke(app, ["events", "--db", db, "--as-of", "2024-02-21", "--json"]).stdout
    assert '"events": []' in early


def test_expected_next_spring_then_a_day_then_delayed_to_next_year(store: Store, add_records: Ingest) -> None:
    add_records(store, [
        {"id": "r1", "date": "2023-11-02", "source": "herald",
         "text": "The referendum on the new constitution is expected next spring, the electoral commission said."},
        {"id": "r2", "date": "2024-01-15", "source": "gazette",
         "text": "The electoral commission set the constitutional referendum for April 21, 2024."},
        {"id": "r3", "date": "2024-03-30", "source": "courier",
         "text": "The constitutional referendum has been delayed to 2025, the electoral commission announced."},
    ])
    [referendum] = find_schedules(store.conn, "referendum")
    assert [(h.report.source, h.report.mention.value, h.change) for h in referendum.history] == [
        ("herald", "2024-SP", Change.FIRST), ("gazette", "2024-04-21", Change.REFINED),
        ("courier", "2025", Change.LATER)]
    assert referendum.current.report.mention.value == "2025" and referendum.revised
    [before] = find_schedules(store.conn, "referendum", as_of="2024-02-01")
    assert before.current.report.mention.value == "2024-04-21" and not before.revised
