"""Story clusters: linking across outlets and days, near-duplicates counted once, as-of views, order independence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.errors import Code, QueryError
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
