"""The event record in a real store: grouping across outlets and days, first reports, as-of and ingest order."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from dateline.events.cited import make_timeline
from dateline.events.grouping import overlap
from dateline.events.record import Event, find_events, sentence_matches
from dateline.events.revisions import find_schedules
from dateline.store.db import Store
from dateline.store.events import mentions_of

Ingest = Callable[[Store, Sequence[dict[str, Any]]], None]
Records = list[dict[str, Any]]


def canonical(events: list[Event]) -> list[tuple[Any, ...]]:
    """What an event is, without storage row ids."""
    return [(e.id, e.earliest, e.latest, e.precision, e.representative.mention.key, e.first_reported_at,
             tuple(e.sources), tuple(r.mention.key for r in e.mentions)) for e in events]


def test_one_happening_reported_by_two_outlets_on_two_days_is_one_event(
        store: Store, add_records: Ingest, vote_and_strike: Records) -> None:
    add_records(store, vote_and_strike)
    strike = find_events(store.conn, "dock")
    assert len(strike) == 1
    event = strike[0]
    assert (event.earliest, event.precision, event.sources) == (date(2024, 2, 21), "day", ["herald", "gazette"])
    assert event.first_reported_at.startswith("2024-02-21") and event.first_report.source == "herald"
    assert len(event.articles) == 2 and not event.scheduled


def test_the_events_from_a_later_report_are_invisible_before_it_was_seen(
        store: Store, add_records: Ingest, vote_and_strike: Records) -> None:
    add_records(store, vote_and_strike)
    assert find_events(store.conn, "dock", as_of="2024-02-21") == []  # one report only: no group yet
    assert len(find_events(store.conn, "dock", as_of="2024-02-21", min_mentions=1)) == 1
    assert find_events(store.conn, "vote", start=date(2024, 4, 1), end=date(2024, 4, 30))[0].earliest == date(
        2024, 4, 16)
    assert find_events(store.conn, "vote", start=date(2024, 5, 1)) == []


@pytest.mark.parametrize("as_of", ["2024-01-31", "2024-02-21", "2024-02-22", "2024-04-01"])
def test_events_as_of_equal_a_store_that_only_saw_those_articles_in_any_order(
        tmp_path: Path, add_records: Ingest, vote_and_strike: Records, as_of: str) -> None:
    shuffled = vote_and_strike[:]
    random.Random(as_of).shuffle(shuffled)
    with Store(tmp_path / "all.db") as everything, Store(tmp_path / "then.db") as then:
        for record in shuffled:  # one ingest batch per article, in an order unrelated to first_seen_at
            add_records(everything, [record])
        add_records(then, [r for r in vote_and_strike if r["date"] <= as_of])
        for query in (None, "vote", "dock"):
            for min_mentions in (1, 2):
                assert canonical(find_events(everything.conn, query, as_of=as_of, min_mentions=min_mentions)) == \
                    canonical(find_events(then.conn, query, min_mentions=min_mentions))


def test_a_revision_replaces_the_old_version_in_the_record(
        store: Store, add_records: Ingest, vote_and_strike: Records) -> None:
    add_records(store, vote_and_strike)
    corrected = {**vote_and_strike[3], "date": "2024-02-23",
                 "text": "Correction: the Rotterdam dock strike began on February 20, 2024."}
    add_records(store, [corrected])
    assert find_events(store.conn, "dock") == []  # the correction dates the strike a day earlier: no shared day
    now = find_events(store.conn, "dock", min_mentions=1)
    assert [(e.earliest, e.sources) for e in now] == [(date(2024, 2, 20), ["gazette"]), (date(2024, 2, 21), ["herald"])]
    before = find_events(store.conn, "dock", as_of="2024-02-22")
    assert before and before[0].sources == ["herald", "gazette"]


def test_nothing_first_seen_after_the_as_of_date_ever_shows(
        store: Store, add_records: Ingest, vote_and_strike: Records) -> None:
    add_records(store, vote_and_strike)
    day = date(2024, 1, 1)
    while day <= date(2024, 4, 30):
        as_of = day.isoformat()
        seen = [r.first_seen_at for e in find_events(store.conn, None, as_of=as_of, min_mentions=1)
                for r in e.mentions]
        seen += [h.report.first_seen_at for s in find_schedules(store.conn, None, as_of=as_of) for h in s.history]
        seen += [c.first_seen_at for d in make_timeline(store.conn, None, as_of=as_of).dates for c in d.sentences]
        assert all(stamp[:10] <= as_of for stamp in seen), as_of
        day += timedelta(days=7)


def test_the_indexed_linking_stores_exactly_the_evidence_of_every_pair(
        store: Store, add_records: Ingest, vote_and_strike: Records) -> None:
    add_records(store, vote_and_strike[:2])
    add_records(store, vote_and_strike[2:])  # a second batch links to the first
    mentions = mentions_of(store.conn, [r[0] for r in store.conn.execute("SELECT id FROM articles")])
    expected = {(min(a, b), max(a, b), *found) for a in mentions for b in mentions if a < b
                and (found := overlap(mentions[a], mentions[b])) is not None}
    stored = {tuple(row) for row in store.conn.execute("SELECT a, b, shared, smaller FROM event_links")}
    assert stored == expected and expected


def test_events_first_reported_after_a_date_are_those_of_the_full_record_reported_since(
        store: Store, add_records: Ingest, vote_and_strike: Records) -> None:
    add_records(store, vote_and_strike)
    for since in ("2024-01-09", "2024-02-20", "2024-02-21", "2024-04-30"):
        everything = [e for e in find_events(store.conn, None, min_mentions=1) if e.first_reported_at[:10] > since]
        assert canonical(find_events(store.conn, None, min_mentions=1, first_reported_after=since)) == \
            canonical(everything)
    assert [e.earliest for e in find_events(store.conn, None, first_reported_after="2024-02-20")] == [
        date(2024, 2, 21)]


# Strike reports on two days and a vaguer "this week"/"in February" look-back: the walk from a query's sentences
# must settle the vague mentions' neighbours to know which day's event they join.
WEEK_OF_STRIKES: Records = [
    {"id": "w1", "date": "2024-02-19", "source": "herald", "title": "Rail strike",
     "text": "Rail workers walked off the job across the northern network on February 19, 2024, stranding "
             "commuters at every station."},
    {"id": "w2", "date": "2024-02-20", "source": "gazette", "title": "Stations empty",
     "text": "Commuters were stranded at every station of the northern network on February 19, 2024, when rail "
             "workers walked off the job."},
    {"id": "w3", "date": "2024-02-23", "source": "courier", "title": "A week of strikes",
     "text": "Rail workers walked off the job across the northern network this week, stranding commuters at every "
             "station. Dock workers walked off the job in Rotterdam harbour in February 2024, halting container "
             "traffic at the port."},
]


@pytest.mark.parametrize(("small", "limit"), [(0, 100_000), (0, 1), (100_000, 100_000)])
def test_the_events_of_a_query_are_the_full_record_s_events_holding_a_matching_sentence(
        store: Store, add_records: Ingest, vote_and_strike: Records, small: int, limit: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """However little of the link graph a query's walk reads (settled locally; all of it past the limit, or in a
    store with fewer mentions than that), its events are exactly those of the whole record holding its sentences."""
    add_records(store, vote_and_strike + WEEK_OF_STRIKES)
    monkeypatch.setattr("dateline.events.record.SMALL_STORE", small)
    monkeypatch.setattr("dateline.events.record.MAX_LOCAL_WALK", limit)
    everything = find_events(store.conn, None, min_mentions=1)
    assert any(len(e.mentions) > 2 for e in everything)
    for word in ("rail", "dock", "commuters", "container", "budget", "harbour", "station"):
        expected = [e for e in everything if any(sentence_matches(r.text, [word]) for r in e.mentions)]
        assert canonical(find_events(store.conn, word, min_mentions=1)) == canonical(expected), word
