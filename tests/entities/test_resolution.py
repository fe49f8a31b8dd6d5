"""Cross-article resolution: order-independent, exact as of any date, conservative (context decides lone names),
and correctable by overrides."""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from dateline.entities import entity_profile, find_entity, list_entities, query
from dateline.entities.context import Context
from dateline.entities.overrides import Rules
from dateline.entities.resolve import apply_override, rebuild, snapshots
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.store.db import Store
from dateline.store.entities import (
    Group,
    add_override,
    clear_resolution,
    recount_rewound,
    redo_pending,
    rewind,
    uncounted_entities,
    unresolved_groups,
    unresolved_pages,
)
from entity_sums import stored_sums, sums_from_scratch
from redo_steps import Steps

resolve_module = importlib.import_module("dateline.entities.resolve")
ingest_module = importlib.import_module("dateline.ingest.run")

ARTICLES = [
    {"id": "fund-1", "date": "2024-01-01", "text": "The International Monetary Fund cut its forecast on Monday. "
     "Kristalina Georgieva said growth would slow. Georgieva spoke in Washington."},
    {"id": "fund-2", "date": "2024-01-05", "text": "The IMF warned again on Friday. Analysts at Goldman Sachs "
     "agreed with the IMF view."},
    {"id": "fund-3", "date": "2024-01-09", "text": "The International Monetary Fund (IMF) approved a loan. "
     "Kristalina Georgieva welcomed it."},
]
EARLY = "2024-01-06"


def _files(folder: Path, records: list[dict[str, str]] = ARTICLES) -> list[Path]:
    paths = []
    for record in records:
        path = folder / f"{record['id']}.jsonl"
        path.write_text(json.dumps(record) + "\n")
        paths.append(path)
    return paths


def _ingest(store: Store, paths: list[Path]) -> None:
    for path in paths:
        report = ingest(store, [path], IngestOptions(seen_at=SEEN_AT_PUBLISHED))
        assert report.added == 1, report.problems


def _view(store: Store, as_of: str | None = None) -> list[tuple[object, ...]]:
    return [(e.id, e.name, e.type, e.mentions, e.articles, e.first_day, e.last_day, tuple(e.aliases))
            for e in list_entities(store.conn, top=1000, as_of=as_of)]


def test_the_acronym_links_articles_only_once_an_article_spells_it_out(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with Store(tmp_path / "all.db") as store:
        _ingest(store, paths)
        fund = find_entity(store.conn, "IMF")
        assert fund is not None and fund.name == "International Monetary Fund" and fund.articles == 3
        assert find_entity(store.conn, "International Monetary Fund") == fund
        early = find_entity(store.conn, "IMF", as_of=EARLY)
        spelled = find_entity(store.conn, "International Monetary Fund", as_of=EARLY)
        assert early is not None and spelled is not None and early.id != spelled.id
        assert early.stored_id == spelled.stored_id == fund.id
        evidence = entity_profile(store.conn, fund.id).evidence
        assert {item["key"] for item in evidence} >= {"org:imf", "org:international monetary fund"}


def test_an_entity_is_found_by_its_id_and_digits_that_are_not_an_id_are_a_name(tmp_path: Path) -> None:
    with Store(tmp_path / "all.db") as store:
        _ingest(store, _files(tmp_path))
        fund = find_entity(store.conn, "IMF")
        assert fund is not None and find_entity(store.conn, f" {fund.id} ") == fund
        assert find_entity(store.conn, "\u00b9") is None  # superscript one: a digit, not a number int() reads


def test_ingest_order_does_not_change_the_entities(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with Store(tmp_path / "forward.db") as forward, Store(tmp_path / "backward.db") as backward:
        _ingest(forward, paths)
        _ingest(backward, paths[::-1])
        assert _view(forward) == _view(backward)
        assert _view(forward, EARLY) == _view(backward, EARLY)


def test_as_of_equals_a_store_that_only_saw_those_articles(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with Store(tmp_path / "all.db") as full, Store(tmp_path / "early.db") as early:
        _ingest(full, paths)
        _ingest(early, paths[:2])
        assert _view(full, EARLY) == _view(early)
        for name in ("IMF", "International Monetary Fund", "Kristalina Georgieva", "Georgieva"):
            then, now = find_entity(full.conn, name, as_of=EARLY), find_entity(early.conn, name)
            assert (then.id, then.name, then.mentions) == (now.id, now.name, now.mentions)  # type: ignore[union-attr]
            assert entity_profile(full.conn, then.id, EARLY).to_json() == \
                entity_profile(early.conn, now.id).to_json()  # type: ignore[union-attr]
        assert find_entity(full.conn, "IMF", as_of="2023-12-31") is None


SPLIT_THEN = [
    {"id": "meet-1", "date": "2024-01-01", "text": "The International Monetary Fund met Goldman Sachs in Paris."},
    {"id": "meet-2", "date": "2024-01-02", "text": "The International Monetary Fund called Goldman Sachs in Paris."},
    {"id": "meet-3", "date": "2024-01-03", "text": "The IMF met Goldman Sachs in Paris on Wednesday."},
    {"id": "meet-4", "date": "2024-01-04", "text": "The IMF called Goldman Sachs on Thursday."},
    {"id": "meet-5", "date": "2024-01-10", "text": "The International Monetary Fund (IMF) approved a loan."},
]


def test_the_few_most_co_mentioned_as_of_a_date_are_those_of_a_store_that_only_saw_those_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking for fewer co-mentioned entities than there are stops cutting entities back early. Beside Goldman
    Sachs, the IMF is named in four articles as stored but was two entities in two articles each as of January
    5th (meet-5 links the names later), so Paris, in three, must come first then. One entity a batch, so that
    stopping early happens in a store this small."""
    monkeypatch.setattr(query, "_BATCH", 1)
    paths = _files(tmp_path, SPLIT_THEN)
    with Store(tmp_path / "all.db") as full, Store(tmp_path / "early.db") as early:
        _ingest(full, paths)
        _ingest(early, paths[:4])
        bank = find_entity(early.conn, "Goldman Sachs")
        assert bank is not None
        assert [e.name for e, _ in entity_profile(early.conn, bank.id, co_mentioned=1).co_mentioned] == ["Paris"]
        for entity in list_entities(early.conn, top=1000):
            for top in (1, 2, 3):
                then = entity_profile(full.conn, entity.id, "2024-01-05", co_mentioned=top).co_mentioned
                now = entity_profile(early.conn, entity.id, co_mentioned=top).co_mentioned
                assert [(e.to_json(), n) for e, n in then] == [(e.to_json(), n) for e, n in now]


def test_a_surname_alone_without_shared_context_never_joins_a_full_name(tmp_path: Path) -> None:
    path = tmp_path / "surname.jsonl"
    path.write_text(json.dumps({"date": "2024-02-01", "text": "Georgieva said nothing more on Thursday."}) + "\n")
    with Store(tmp_path / "s.db") as store:
        _ingest(store, [*_files(tmp_path), path])
        person = find_entity(store.conn, "Kristalina Georgieva")
        alone = find_entity(store.conn, "Georgieva", as_of="2024-02-01")
        assert person is not None and person.articles == 2
        assert alone is not None


def test_overrides_apply_to_articles_ingested_after_them(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with Store(tmp_path / "o.db") as store:
        _ingest(store, paths[:2])
        with store.transaction() as conn:
            apply_override(conn, "merge", "IMF", "International Monetary Fund", "2024-03-01T00:00:00Z")
        merged = find_entity(store.conn, "IMF")
        assert merged is not None and merged.articles == 2
        with store.transaction() as conn:
            apply_override(conn, "rename", merged.name, "the Fund", "2024-03-01T00:00:01Z")
        _ingest(store, paths[2:])
        fund = find_entity(store.conn, "the Fund")
        assert fund is not None and fund.articles == 3 and fund == find_entity(store.conn, "IMF")


@pytest.fixture
def decided(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first sightings of the groups resolved one by one from now on (a rewind decides again with them)."""
    seen: list[str] = []
    resolve_groups = resolve_module._resolve_groups

    def counted(conn: sqlite3.Connection, groups: list[Group], rules: Rules,
                contexts: dict[str, Context] | None = None) -> None:
        groups = list(groups)
        seen.extend(g.seen_at for g in groups)
        resolve_groups(conn, groups, rules, contexts)

    monkeypatch.setattr(resolve_module, "_resolve_groups", counted)
    return seen


def test_split_sets_a_name_apart_and_survives_a_rebuild(tmp_path: Path) -> None:
    with Store(tmp_path / "split.db") as store:
        _ingest(store, _files(tmp_path))
        with store.transaction() as conn:
            apply_override(conn, "split", "International Monetary Fund", "IMF", "2024-03-01T00:00:00Z")
        imf = find_entity(store.conn, "IMF")
        fund = find_entity(store.conn, "International Monetary Fund")
        assert imf is not None and fund is not None and imf.id != fund.id
        assert imf.articles == 1 and fund.articles == 2


def test_an_override_decides_again_from_the_first_group_it_applies_to_as_a_rebuild_would(
        tmp_path: Path, decided: list[str]) -> None:
    """A split or a merge undoes and redoes the decisions made since the first sighting of a group it names (no
    earlier one), a rename only sums its entities again; each leaves the entities, now and as of every day, that
    deciding everything again with the same overrides gives."""
    records = _by_day(ARTICLES + SPLIT_THEN + FILM + SMITHS)
    days = sorted({record["date"] for record in records})
    steps = [("split", "Tom Cruise", "Cruise", "2024-03-05"),
             ("merge", "Cruise", "Christopher McQuarrie", "2024-03-01"),
             ("rename", "Angela Merkel", "Chancellor Merkel", None),
             ("split", "John Smith", "Smith", "2024-04-03")]
    with Store(tmp_path / "o.db") as store, Store(tmp_path / "rebuilt.db") as rebuilt:
        for each in (store, rebuilt):
            _ingest(each, _files(tmp_path, records))
        for number, (action, a, b, first) in enumerate(steps):
            decided.clear()
            stamp = f"2024-06-0{number + 1}T00:00:00Z"
            with store.transaction() as conn:
                apply_override(conn, action, a, b, stamp)
            since = f"{first}T00:00:00.000000Z" if first else None
            later = store.conn.execute("SELECT count(*) FROM doc_entities WHERE seen_at >= ?",
                                       (since or "9999",)).fetchone()[0]
            assert (min(decided, default=None), len(decided)) == (since, later), action
            with rebuilt.transaction() as conn:
                add_override(conn, action, a, b, stamp)
                rebuild(conn)
            assert _view(store) == _view(rebuilt), action
            for day in days:
                assert _view(store, day) == _view(rebuilt, day), (action, day)
        assert find_entity(store.conn, "Chancellor Merkel") is not None


def test_split_of_an_unknown_name_is_refused(seeded: Store) -> None:
    from dateline.errors import StoreError

    with pytest.raises(StoreError, match="D204"), seeded.transaction() as conn:
        apply_override(conn, "split", "Tom Cruise", "Penelope Cruz", "2024-03-01T00:00:00Z")


# Co-occurring context as linking evidence: a lone surname joins the full name whose articles name the same
# other things, never two different full names, whatever the ingest order, and exactly as of any date.

FILM = [
    {"id": "film-1", "date": "2024-03-01", "text": "Tom Cruise met Hayley Atwell and Christopher McQuarrie in London"
     " to film Mission: Impossible – Dead Reckoning Part One. Tom Cruise drove the car."},
    {"id": "film-2", "date": "2024-03-05", "text": "On Tuesday, Cruise spoke with Hayley Atwell about the chase in"
     " Rome. Christopher McQuarrie said Cruise was driving."},
    {"id": "golf-1", "date": "2024-03-07", "text": "On Sunday, Cruise won the spring tournament in Augusta, his caddie"
     " said."},
]

SMITHS = [
    {"id": "smith-1", "date": "2024-04-01", "text": "John Smith met Angela Merkel and Emmanuel Macron in Berlin."},
    {"id": "smith-2", "date": "2024-04-02", "text": "Jane Smith met Angela Merkel and Emmanuel Macron in Paris."},
    {"id": "smith-3", "date": "2024-04-03",
     "text": "On Tuesday, Smith thanked Angela Merkel and Emmanuel Macron in Brussels."},
]


def test_a_surname_joins_the_full_name_whose_articles_share_its_context(tmp_path: Path) -> None:
    with Store(tmp_path / "film.db") as store:
        _ingest(store, _files(tmp_path, FILM))
        cruise = find_entity(store.conn, "Tom Cruise")
        assert cruise is not None and cruise.articles == 2
        evidence = entity_profile(store.conn, cruise.id).evidence
        assert [item["key"] for item in evidence if str(item["key"]).startswith("context:cruise")], evidence
        shown = next(str(item["key"]) for item in evidence if str(item["key"]).startswith("context:cruise"))
        assert "per:hayley atwell" in shown and "per:christopher mcquarrie" in shown
        golfer = [e for e in list_entities(store.conn, top=100) if e.name == "Cruise"]
        assert len(golfer) == 1 and golfer[0].id != cruise.id and golfer[0].articles == 1


def test_a_surname_links_by_context_only_to_articles_published_near_it(tmp_path: Path) -> None:
    """Reports of one story: "Cruise" naming the same people 30 days after the "Tom Cruise" article joins it, 31
    days after stays apart; in either ingest order (the earlier article second: a backfill, decided again)."""
    for gap, articles in ((30, 2), (31, 1)):
        records = [FILM[0], dict(FILM[1], date=(date(2024, 3, 1) + timedelta(days=gap)).isoformat())]
        for order, name in ((records, "forward"), (records[::-1], "backward")):
            with Store(tmp_path / f"{gap}-{name}.db") as store:
                _ingest(store, _files(tmp_path, order))
                cruise = find_entity(store.conn, "Tom Cruise")
                assert cruise is not None and cruise.articles == articles, (gap, name)


def test_a_surname_never_joins_two_different_full_names(tmp_path: Path) -> None:
    with Store(tmp_path / "smith.db") as store:
        _ingest(store, _files(tmp_path, SMITHS))
        john, jane = find_entity(store.conn, "John Smith"), find_entity(store.conn, "Jane Smith")
        assert john is not None and jane is not None and john.id != jane.id
        assert john.articles == 2 and jane.articles == 1  # the earliest candidate takes "Smith"
        assert {alias for alias, _ in john.aliases} == {"John Smith", "Smith"}


def test_a_surname_prefers_the_full_name_whose_article_shares_the_most(tmp_path: Path) -> None:
    """Jane Smith's article, though later, names three of the people the "Smith" article names; John Smith's two."""
    records = [SMITHS[0], dict(SMITHS[1], date="2024-04-05", text="Jane Smith met Angela Merkel, Emmanuel Macron"
                                " and Olaf Scholz in Paris."),
               dict(SMITHS[2], date="2024-04-06", text="On Tuesday, Smith thanked Angela Merkel, Emmanuel Macron and"
                    " Olaf Scholz in Brussels.")]
    for order, name in ((records, "forward"), (records[::-1], "backward")):
        with Store(tmp_path / f"{name}.db") as store:
            _ingest(store, _files(tmp_path, order))
            jane, john = find_entity(store.conn, "Jane Smith"), find_entity(store.conn, "John Smith")
            assert jane is not None and john is not None and (jane.articles, john.articles) == (2, 1)
            context = [str(item["key"]) for item in entity_profile(store.conn, jane.id).evidence]
            assert context and "olaf scholz" in context[0]


def test_context_links_do_not_depend_on_ingest_order(tmp_path: Path) -> None:
    for records in (FILM, SMITHS):
        paths = _files(tmp_path, records)
        name = records[0]["id"]
        with Store(tmp_path / f"{name}-f.db") as forward, Store(tmp_path / f"{name}-b.db") as backward, \
                Store(tmp_path / f"{name}-m.db") as middle:
            _ingest(forward, paths)
            _ingest(backward, paths[::-1])
            _ingest(middle, [paths[2], paths[0], paths[1]])
            assert _view(forward) == _view(backward) == _view(middle)
            assert entity_profile(forward.conn, _view(forward)[0][0]).to_json() == \
                entity_profile(backward.conn, _view(forward)[0][0]).to_json()


def test_as_of_before_the_full_name_arrives_equals_a_store_that_only_saw_those_articles(tmp_path: Path) -> None:
    """"Cruise" is reported first; "Tom Cruise" comes later and joins it: as of the day between, they are apart."""
    late = [dict(FILM[0], date="2024-03-06"), FILM[1], FILM[2]]
    paths = _files(tmp_path, late)
    with Store(tmp_path / "all.db") as full, Store(tmp_path / "early.db") as early:
        _ingest(full, paths)
        _ingest(early, paths[1:2])
        assert _view(full, "2024-03-05") == _view(early)
        assert _view(full, "2024-03-07") != _view(early)
        then, now = find_entity(full.conn, "Cruise", as_of="2024-03-05"), find_entity(early.conn, "Cruise")
        assert then is not None and now is not None and then.articles == 1
        profile = entity_profile(full.conn, then.id, "2024-03-05").to_json()
        assert profile == entity_profile(early.conn, now.id).to_json()
        joined = find_entity(full.conn, "Tom Cruise")
        assert joined is not None and joined.articles == 2 and joined.id == then.id  # the earliest group names it


def test_the_history_gives_the_entities_a_replay_of_the_decisions_gives(tmp_path: Path) -> None:
    """As of every day, the entity of each group looked up in the history (kept one by one in order, by a
    backfill's replay, or by a rebuild) is the one deciding again from the groups gives."""
    records = ARTICLES + SPLIT_THEN + FILM + SMITHS
    paths = _files(tmp_path, records)
    days = sorted({record["date"] for record in records})

    def parts(store: Store) -> dict[str, dict[int, list[list[tuple[str, int]]]]]:
        stored = [r[0] for r in store.conn.execute("SELECT id FROM entities")]
        return {day: {entity: [[(g.article_id, g.local) for g in part] for part in cut] for entity, cut in
                      snapshots(store.conn, stored, day + "T23:59:59Z").items()} for day in days}

    with Store(tmp_path / "h.db") as store:
        _ingest(store, paths[3:] + paths[:3])  # the first three arrive last: a backfill
        looked_up = parts(store)
        listed = {day: _view(store, day) for day in days}
        profiles = {day: [entity_profile(store.conn, e.id, day, co_mentioned=3).to_json()
                          for e in list_entities(store.conn, top=1000, as_of=day)] for day in days[::3]}
        assert any(len(cut) > 1 for cut in looked_up["2024-01-05"].values())
        with store.transaction() as conn:
            rebuild(conn)
        assert parts(store) == looked_up
        store.conn.execute("DELETE FROM entity_history")
        store.conn.execute("UPDATE entity_history_state SET complete = 0")
        assert parts(store) == looked_up
        assert {day: _view(store, day) for day in days} == listed
        assert {day: [entity_profile(store.conn, e.id, day, co_mentioned=3).to_json()
                      for e in list_entities(store.conn, top=1000, as_of=day)] for day in days[::3]} == profiles


def test_the_top_few_as_of_a_date_are_the_head_of_the_whole_list_with_or_without_the_history(tmp_path: Path) -> None:
    """Listing the top few cuts back only the changed entities that could rank among them: the few must still be
    the head of the whole list, of every type, read from the history or by replaying the decisions."""
    records = ARTICLES + SPLIT_THEN + FILM + SMITHS
    days = sorted({record["date"] for record in records})
    with Store(tmp_path / "top.db") as store:
        _ingest(store, _files(tmp_path, records)[3:] + _files(tmp_path, records)[:3])

        def heads() -> list[list[dict[str, object]]]:
            found = []
            for day in days:
                for kind in (None, "PER", "ORG", "LOC"):
                    whole = [e.to_json() for e in list_entities(store.conn, kind, 1000, day)]
                    for top in range(1, len(whole) + 1):
                        assert [e.to_json() for e in list_entities(store.conn, kind, top, day)] == whole[:top]
                    found.append(whole)
            return found

        listed = heads()
        assert any(listed)
        store.conn.execute("DELETE FROM entity_history")
        store.conn.execute("UPDATE entity_history_state SET complete = 0")
        assert heads() == listed


def _one_run(store: Store, paths: list[Path]) -> None:
    """All of `paths` in one ingest run of one-article batches, seen when published."""
    report = ingest(store, paths, IngestOptions(seen_at=SEEN_AT_PUBLISHED, batch_size=1))
    assert report.added + report.duplicates == len(paths), report.problems


def _by_day(records: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(records, key=lambda record: (record["date"], record["id"]))


def test_a_run_of_backfill_batches_is_decided_in_one_replay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches seen before the stored ones wait unresolved; the run decides them all together at its end (one
    rewind, however many batches), and the entities, now and as of any day, are those of an ingest in order."""
    records = _by_day(ARTICLES + SPLIT_THEN + FILM + SMITHS)
    ordered = _files(tmp_path, records)
    rewinds: list[str] = []
    rewind = resolve_module.rewind

    def counted(conn: sqlite3.Connection, since: str, step: Callable[[], None]) -> None:
        rewinds.append(since)
        rewind(conn, since, step)

    monkeypatch.setattr(resolve_module, "rewind", counted)
    with Store(tmp_path / "ordered.db") as forward, Store(tmp_path / "late.db") as late:
        _ingest(forward, ordered)
        _ingest(late, ordered[-1:])
        rewinds.clear()  # (articles of one day tie: the order in ingest runs may rewind them too)
        _one_run(late, ordered[-2::-1])  # latest first: every batch is a backfill
        assert rewinds == [records[0]["date"] + "T00:00:00.000000Z"]
        assert _view(late) == _view(forward)
        for day in sorted({record["date"] for record in records}):
            assert _view(late, day) == _view(forward, day), day


def test_a_late_article_redecides_only_what_was_seen_since_it(tmp_path: Path, decided: list[str]) -> None:
    """An article arriving after later ones undoes and redoes the decisions made from its sighting on, no earlier
    ones, and the entities, now and as of any day, are those of an ingest in order."""
    records = _by_day(ARTICLES + SPLIT_THEN + FILM + SMITHS)
    ordered = _files(tmp_path, records)
    late_one = len(ordered) - 3
    with Store(tmp_path / "ordered.db") as forward, Store(tmp_path / "late.db") as late:
        _ingest(forward, ordered)
        _ingest(late, ordered[:late_one] + ordered[late_one + 1:])
        decided.clear()
        _ingest(late, [ordered[late_one]])
        since = records[late_one]["date"] + "T00:00:00.000000Z"
        later = late.conn.execute("SELECT count(*) FROM doc_entities WHERE seen_at >= ?", (since,)).fetchone()[0]
        assert min(decided) == since and len(decided) == later
        assert later < late.conn.execute("SELECT count(*) FROM doc_entities").fetchone()[0] / 2
        assert _view(late) == _view(forward)
        for day in sorted({record["date"] for record in records}):
            assert _view(late, day) == _view(forward, day), day


def test_groups_a_killed_run_left_unresolved_are_decided_by_the_next_run(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stopped before its end leaves its backfills unresolved; the next run decides them, even when it
    stores nothing new."""
    paths = _files(tmp_path, _by_day(ARTICLES + FILM))
    with Store(tmp_path / "ordered.db") as forward, Store(tmp_path / "killed.db") as killed:
        _ingest(forward, paths)
        _ingest(killed, paths[-1:])
        with monkeypatch.context() as patched:
            patched.setattr(ingest_module, "resolve_pending", lambda conn: None)  # the run dies before its end
            _one_run(killed, paths[-2::-1])
        waiting = killed.conn.execute("SELECT count(*) FROM doc_entities WHERE entity_id IS NULL").fetchone()[0]
        assert waiting > 0
        _one_run(killed, paths)  # every article already stored
        assert killed.conn.execute("SELECT count(*) FROM doc_entities WHERE entity_id IS NULL").fetchone()[0] == 0
        assert _view(killed) == _view(forward)
        assert _view(killed, EARLY) == _view(forward, EARLY)


def test_the_groups_to_decide_are_read_a_few_at_a_time_in_order_each_once(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of unresolved groups, in first-sighting order, cut inside a sighting many groups share (a run given
    one `--seen-at`) and across sightings; a rebuild decided three groups a page gives the entities one page does."""
    with Store(tmp_path / "p.db") as store:
        _ingest(store, _files(tmp_path, ARTICLES + FILM))
        shared = ingest(store, _files(tmp_path, SPLIT_THEN + SMITHS),
                        IngestOptions(seen_at=datetime(2024, 5, 1, tzinfo=UTC)))
        assert shared.added == len(SPLIT_THEN + SMITHS), shared.problems
        listed = _view(store)
        by_day = {day: _view(store, day) for day in ("2024-01-06", "2024-03-06", "2024-05-01")}
        with store.transaction() as conn:
            clear_resolution(conn)
        every = sorted(unresolved_groups(store.conn, [r[0] for r in store.conn.execute("SELECT id FROM articles")]),
                       key=lambda g: g.order)
        assert len({g.seen_at for g in every}) < len(every) - 20  # many groups share a sighting
        pages = list(unresolved_pages(store.conn, "", 3))
        assert {len(page) for page in pages[:-1]} == {3}
        assert [g for page in pages for g in page] == every
        assert [g for page in unresolved_pages(store.conn, every[10].seen_at, 4) for g in page] == [
            g for g in every if g.seen_at >= every[10].seen_at]
        monkeypatch.setattr(resolve_module, "unresolved_pages", lambda conn, since: unresolved_pages(conn, since, 3))
        with store.transaction() as conn:
            rebuild(conn)
        assert _view(store) == listed
        assert {day: _view(store, day) for day in by_day} == by_day


LATER = [
    {"id": "later-1", "date": "2024-05-02", "text": "Tom Cruise met Angela Merkel and the IMF in Rome."},
    {"id": "later-2", "date": "2024-05-03", "text": "Cruise and Christopher McQuarrie thanked Goldman Sachs."},
]


@pytest.mark.parametrize(("work", "then"), [("rebuild", "nothing new"), ("split", "nothing new"),
                                            ("rebuild", "new articles"), ("split", "new articles")])
def test_a_redo_killed_after_any_step_is_finished_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  steps: Steps, work: str, then: str) -> None:
    """A rebuild or an override commits a slice undone, a page decided or a chunk summed at a time (sizes made tiny
    here). Killed after any of those steps, it leaves what it committed, and the next ingest run goes on from there
    (it does not start over) and finishes it, whether it stores new articles first or nothing: the entities, now
    and as of every day, are those of the same work run without a kill, then the same run."""
    records = _by_day(ARTICLES + SPLIT_THEN + FILM + SMITHS)
    later = _files(tmp_path, LATER) if then == "new articles" else []
    days = sorted({record["date"] for record in records})
    monkeypatch.setattr(resolve_module, "rewind", lambda conn, since, step: rewind(conn, since, step, 7))
    monkeypatch.setattr(resolve_module, "unresolved_pages", lambda conn, since: unresolved_pages(conn, since, 5))
    monkeypatch.setattr(resolve_module, "recount_rewound", lambda conn, step: recount_rewound(conn, step, 6))
    monkeypatch.setattr(resolve_module, "_PAGES_A_STEP", 1)
    monkeypatch.setattr(resolve_module, "uncounted_entities",
                        lambda conn, after, limit: uncounted_entities(conn, after, 4))

    def run(store: Store, kill_after: int = 0) -> None:
        steps.reset(kill_after)
        with store.transaction() as conn:
            if work == "rebuild":
                add_override(conn, "merge", "Cruise", "Christopher McQuarrie", "2024-06-01T00:00:00Z")
                rebuild(conn)
            else:
                apply_override(conn, "split", "Tom Cruise", "Cruise", "2024-06-01T00:00:00Z")

    with Store(tmp_path / "base.db") as base:
        _ingest(base, _files(tmp_path, records))
        with Store(tmp_path / "clean.db") as clean:
            base.conn.backup(clean.conn)
            run(clean)
            total = steps.count
            _one_run(clean, later)
            assert stored_sums(clean.conn) == sums_from_scratch(clean.conn)
            wanted = {day: _view(clean, day) for day in [*days, *(r["date"] for r in LATER), None]}
        assert total >= 10
        for kill_after in sorted({1, total // 3, total // 2, 2 * total // 3, total - 1}):
            with Store(tmp_path / f"killed-{kill_after}.db") as killed:
                base.conn.backup(killed.conn)
                with pytest.raises(Steps.Killed):
                    run(killed, kill_after)
            with Store(tmp_path / f"killed-{kill_after}.db") as killed:
                if later and redo_pending(killed.conn) is not None:
                    # new articles' groups wait for the redo, as a backfill's do (here the run dies at its end)
                    with Store(tmp_path / f"dies-{kill_after}.db") as dies, monkeypatch.context() as patched:
                        killed.conn.backup(dies.conn)
                        patched.setattr(ingest_module, "resolve_pending", lambda conn: None)
                        _one_run(dies, later)
                        assert dies.conn.execute("SELECT count(*) FROM doc_entities d JOIN articles a ON a.id ="
                                                 " d.article_id WHERE a.external_id LIKE 'later-%' AND d.entity_id"
                                                 " IS NOT NULL").fetchone()[0] == 0
                steps.reset()
                _one_run(killed, later)  # the next run
                # it undoes, decides and sums again the sighting it stopped in: a slice, a page and a chunk more
                # (and the pages of the new articles' groups, decided in the redo)
                new_groups = killed.conn.execute("SELECT count(*) FROM doc_entities d JOIN articles a ON a.id ="
                                                 " d.article_id WHERE a.external_id LIKE 'later-%'").fetchone()[0]
                assert steps.count <= total - kill_after + 3 + -(-new_groups // 5), kill_after
                assert redo_pending(killed.conn) is None
                assert killed.conn.execute("SELECT count(*) FROM entity_rewound").fetchone()[0] == 0
                assert {day: _view(killed, day) for day in wanted} == wanted, kill_after
                assert stored_sums(killed.conn) == sums_from_scratch(killed.conn), kill_after


@pytest.mark.parametrize("action", ["rename", "merge"])
def test_an_override_finishes_a_redo_a_killed_run_left(tmp_path: Path, steps: Steps, action: str) -> None:
    """A rename changes no decision and a merge of names no article gives starts no redo of its own, yet after a
    rebuild killed half-way either finishes it: the summaries are all there, as after the same work unkilled."""
    override = ("rename", "Tom Cruise", "Cruise (actor)") if action == "rename" else ("merge", "Nobody", "Noone")
    with Store(tmp_path / "s.db") as store:
        _ingest(store, _files(tmp_path, _by_day(ARTICLES + FILM)))
        with Store(tmp_path / "clean.db") as clean:
            store.conn.backup(clean.conn)
            with clean.transaction() as conn:
                rebuild(conn)
                apply_override(conn, *override, "2024-06-01T00:00:00Z")
            wanted = _view(clean)
        steps.reset(1)  # the decisions undone
        with pytest.raises(Steps.Killed), store.transaction() as conn:
            rebuild(conn)
    with Store(tmp_path / "s.db") as store:
        assert redo_pending(store.conn) == ""
        with store.transaction() as conn:
            apply_override(conn, *override, "2024-06-01T00:00:00Z")
        assert redo_pending(store.conn) is None
        assert _view(store) == wanted
