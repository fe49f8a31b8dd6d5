"""Story clusters: linking across outlets and days, near-duplicates counted once, as-of views, order independence."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from dateline.errors import Code, QueryError
from dateline.search.clusters import WINDOW_DAYS
from dateline.search.stories import Story, stories, story
from dateline.store.db import Store

Add = Callable[..., str]

QUAKE = [
    ("Quake hits Valparaiso", "A strong earthquake struck Valparaiso, Chile, on Monday. Chilean President Michelle "
     "Bachelet said rescue teams from Santiago were on their way to Valparaiso.", "2024-03-04", "Wire"),
    ("Valparaiso quake toll rises", "Rescuers in Valparaiso, Chile, found more survivors. President Michelle "
     "Bachelet visited Valparaiso as aid arrived from Santiago.", "2024-03-06", "Daily"),
    ("Chile rebuilds after Valparaiso earthquake", "Michelle Bachelet announced a fund to rebuild Valparaiso, "
     "Chile, as Santiago sent engineers to inspect the port.", "2024-03-12", "Herald"),
]
COPY_TEXT = ("A strong earthquake struck Valparaiso, Chile, on Monday. Chilean President Michelle Bachelet said "
             "rescue teams from Santiago were on their way to Valparaiso.")
OTHER = ("Tesla unveils battery", "Elon Musk showed a new Tesla battery in Austin, Texas. Tesla said the Austin "
         "plant would build it.", "2024-03-05", "Tech")


def _ingest(add: Callable[..., str], items: list[tuple[str, str, str, str]]) -> dict[str, str]:
    return {title: add(text, title=title, published=day, source=source) for title, text, day, source in items}


def _shape(found: list[Story]) -> list[tuple[str, int, int, list[str], list[tuple[str, str | None]]]]:
    return [(s.id, s.articles, s.copies, s.outlets, [(m.article_id, m.copy_of) for m in s.members]) for s in found]


def test_articles_about_one_story_group_across_outlets_and_days(store: Store, add: Add) -> None:
    ids = _ingest(add, [*QUAKE, OTHER])
    [quake] = stories(store.conn)
    assert {m.article_id for m in quake.members} == {ids[title] for title, *_ in QUAKE}
    assert quake.id == ids["Quake hits Valparaiso"] and quake.title == "Quake hits Valparaiso"
    assert (quake.first_day, quake.last_day, quake.articles, quake.copies) == ("2024-03-04", "2024-03-12", 3, 0)
    assert sorted(quake.outlets) == ["Daily", "Herald", "Wire"]
    assert story(store.conn, ids["Tesla unveils battery"]).articles == 1


def test_a_syndicated_copy_is_linked_and_not_counted_twice(store: Store, add: Add) -> None:
    ids = _ingest(add, QUAKE[:2])
    copy = add(COPY_TEXT, title="Earthquake in Chile", published="2024-03-05", source="Gazette")
    [quake] = stories(store.conn)
    assert (quake.articles, quake.copies) == (2, 1)
    assert {m.article_id: m.copy_of for m in quake.members}[copy] == ids["Quake hits Valparaiso"]
    assert "Gazette" in quake.outlets
    assert stories(store.conn, min_articles=3) == []


@pytest.mark.parametrize("later_first", [False, True])
@pytest.mark.parametrize(("days", "shapes"), [(WINDOW_DAYS, [(1, 1)]), (WINDOW_DAYS + 1, [])])
def test_links_need_the_versions_published_within_the_window(store: Store, add: Add, days: int,
                                                             shapes: list[tuple[int, int]], later_first: bool) -> None:
    """Duplicates too: a reprint months later is news again, and the window bounds what each new version is
    compared with, however large the store. (The two days lie in different periods of the indexes: found from
    either side.)"""
    def reprint() -> None:
        add(COPY_TEXT, title="Earthquake in Chile", published=(date(2024, 3, 4) + timedelta(days=days)).isoformat(),
            source="Gazette")

    if later_first:
        reprint()
    _ingest(add, QUAKE[:1])
    if not later_first:
        reprint()
    assert sorted((s.articles, s.copies) for s in stories(store.conn, min_articles=1)) == shapes


def test_as_of_views_grow_with_what_was_known(seeded: Store) -> None:
    assert stories(seeded.conn, as_of="2023-06-30") == []
    [both] = stories(seeded.conn, as_of="2023-07-08")
    assert (both.first_day, both.last_day, both.articles) == ("2023-06-22", "2023-07-07", 2)
    first = story(seeded.conn, both.id, as_of="2023-06-30")
    assert first.id == both.id and [m.published_day for m in first.members] == ["2023-06-22"]
    later_id = both.members[1].article_id
    assert story(seeded.conn, later_id).id == both.id
    with pytest.raises(QueryError) as caught:
        story(seeded.conn, later_id, as_of="2023-06-30")
    assert caught.value.code is Code.UNKNOWN_STORY


def test_stories_do_not_depend_on_ingest_order(tmp_path: Path, add_to: Callable[..., str]) -> None:
    items = [*QUAKE, OTHER]
    shapes = []
    for name, order in (("forward", items), ("backward", items[::-1])):
        with Store(tmp_path / f"{name}.db") as other:
            for title, text, day, source in order:
                add_to(other, text, title=title, published=day, source=source)
            add_to(other, COPY_TEXT, title="Earthquake in Chile", published="2024-03-04", source="Gazette")
            shapes.append((_shape(stories(other.conn)), _shape(stories(other.conn, as_of="2024-03-06"))))
    assert shapes[0] == shapes[1]
    assert shapes[0][1][0][1] == 2


def test_bad_bounds_are_refused(store: Store) -> None:
    with pytest.raises(QueryError):
        stories(store.conn, limit=0)
    with pytest.raises(QueryError) as caught:
        stories(store.conn, as_of="soon")
    assert caught.value.code is Code.INVALID_AS_OF


TESLA = [OTHER, ("Tesla battery plant opens in Austin", "Elon Musk opened the Tesla battery plant in Austin, Texas. "
                 "Tesla said Austin would build the new battery.", "2024-03-07", "Wire")]
FLOOD = [("Floods hit Porto Alegre", "Heavy rain flooded Porto Alegre, Brazil. President Lula da Silva sent troops "
          "from Brasilia to Porto Alegre.", "2024-05-03", "Wire"),
         ("Porto Alegre flood waters recede", "Flood waters fell in Porto Alegre, Brazil, as Lula da Silva flew "
          "from Brasilia to see the damage.", "2024-05-09", "Daily")]


def test_every_window_of_the_list_is_that_slice_of_the_whole_list(store: Store, add: Add) -> None:
    # Only stories as big as the last one asked for are ranked by day and id: the windows must still agree.
    _ingest(add, [*QUAKE, *TESLA, *FLOOD])
    whole = stories(store.conn)
    assert [s.articles for s in whole] == [3, 2, 2]
    assert whole[1].last_day == "2024-05-09"  # of two the same size, the more recent first
    for min_articles in (1, 2, 3):
        listed = stories(store.conn, min_articles=min_articles, limit=10)
        assert _shape(listed) == _shape([s for s in whole if s.articles >= min_articles])
        for offset in range(4):
            for limit in (1, 2, 3):
                window = stories(store.conn, min_articles=min_articles, limit=limit, offset=offset)
                assert _shape(window) == _shape(listed[offset:offset + limit])


def test_migration_0019_dates_the_sketch_index_and_drops_far_duplicates(
        tmp_path: Path, add_to: Callable[..., str], back_to: Callable[[sqlite3.Connection, int], None]) -> None:
    """A store from before the window: its sketch index gains days, and a duplicate link between versions
    published further apart than the window (made under the old rule) goes, so it holds what a new store would."""
    path = tmp_path / "old.db"
    with Store(path) as store:
        add_to(store, QUAKE[0][1], title=QUAKE[0][0], published="2024-03-04")
        add_to(store, COPY_TEXT, title="Earthquake in Chile", published="2024-03-05")
        add_to(store, COPY_TEXT, title="Earthquake in Chile, again", published="2024-06-05")
        near, far, sketches = store.conn.execute(
            "SELECT count(*) FILTER (WHERE kind = 'duplicate'), (SELECT max(doc) FROM story_docs),"
            " (SELECT count(*) FROM story_sketches) FROM story_links").fetchone()
        assert near == 1
    with closing(sqlite3.connect(path)) as conn:  # back to schema 18, with the link the old rule made
        back_to(conn, 18)
        conn.executescript(
            "CREATE TABLE old_sketches (value INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (value, doc))"
            " WITHOUT ROWID; INSERT INTO old_sketches SELECT value, doc FROM story_sketches;"
            " DROP TABLE story_sketches; ALTER TABLE old_sketches RENAME TO story_sketches;")
        conn.execute("INSERT INTO story_links (a, b, kind, similarity) SELECT ?, min(doc), 'duplicate', 1.0"
                     " FROM story_docs", (far,))
        conn.commit()
    with Store(path) as store:
        assert store.schema_version >= 19
        assert store.conn.execute("SELECT count(*) FROM story_links WHERE kind = 'duplicate'").fetchone()[0] == 1
        assert tuple(store.conn.execute("SELECT count(*), count(DISTINCT day) FROM story_sketches").fetchone()) == (
            sketches, 3)
