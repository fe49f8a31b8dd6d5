"""The seed articles as golden examples: every name of the same person or film resolves to one entity."""

from __future__ import annotations

import pytest

from dateline.entities import entity_profile, find_entity
from dateline.store.db import Store

FILM_NAMES = [
    "Mission: Impossible – Dead Reckoning Part One",
    "Dead Reckoning",
    "Dead Reckoning - Part One",
    "Mission: Impossible 7",
    "Mission: Impossible - Dead Reckoning Part One",
]


@pytest.mark.parametrize(("full", "short"), [("Hayley Atwell", "Atwell"), ("Tom Cruise", "Cruise")])
def test_people_resolve_to_one_entity_across_both_articles(seeded: Store, full: str, short: str) -> None:
    entity = find_entity(seeded.conn, full)
    assert entity is not None and entity.name == full and entity.type == "PER"
    assert entity.articles == 2
    assert find_entity(seeded.conn, short) == entity
    assert short in {alias for alias, _ in entity.aliases}


def test_every_name_of_the_film_is_one_entity(seeded: Store) -> None:
    found = {name: find_entity(seeded.conn, name) for name in FILM_NAMES}
    ids = {entity.id for entity in found.values() if entity is not None}
    assert len(ids) == 1 and None not in found.values()
    film = found["Dead Reckoning"]
    assert film is not None and film.type == "WORK" and film.articles == 2


def test_part_two_stays_a_different_entity(seeded: Store) -> None:
    part_one = find_entity(seeded.conn, "Dead Reckoning Part One")
    part_two = find_entity(seeded.conn, "Mission: Impossible – Dead Reckoning Part Two")
    assert part_one is not None and part_two is not None
    assert part_one.id != part_two.id
    assert part_two.name == "Mission: Impossible – Dead Reckoning Part Two"


def test_the_site_is_an_organisation(seeded: Store) -> None:
    site = find_entity(seeded.conn, "ComicBook.com")
    assert site is not None and site.type == "ORG"


def test_profile_shows_days_sentences_companions_and_evidence(seeded: Store) -> None:
    film = find_entity(seeded.conn, "Mission: Impossible 7")
    assert film is not None
    profile = entity_profile(seeded.conn, film.id)
    assert profile.per_day == {"2023-06-22": 3, "2023-07-07": 4}
    assert {e.name for e, _ in profile.co_mentioned} >= {"Tom Cruise", "Hayley Atwell"}
    texts = [s["text"] for a in profile.articles for s in a["sentences"]]  # type: ignore[attr-defined]
    assert any("Mission: Impossible 7" in t for t in texts)
    assert profile.evidence and profile.evidence[0]["key"].startswith("work:dead reckoning")


def test_as_of_the_first_article_only_it_counts(seeded: Store) -> None:
    cruise = find_entity(seeded.conn, "Cruise", as_of="2023-06-30")
    assert cruise is not None and cruise.articles == 1 and cruise.last_day == "2023-06-22"
    assert find_entity(seeded.conn, "Mission: Impossible 7", as_of="2023-06-30") is None


def test_stored_mentions_point_into_the_text_and_their_sentence(seeded: Store) -> None:
    rows = seeded.conn.execute(
        "SELECT m.start, m.end, m.text, s.start, s.end, a.text FROM entity_mentions m JOIN articles a"
        " ON a.id = m.article_id JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence").fetchall()
    assert len(rows) == seeded.conn.execute("SELECT count(*) FROM entity_mentions").fetchone()[0] > 40
    for start, end, text, sentence_start, sentence_end, body in rows:
        assert body[start:end] == text and sentence_start <= start < end <= sentence_end
    unresolved = seeded.conn.execute("SELECT count(*) FROM entity_mentions WHERE entity_id IS NULL").fetchone()[0]
    assert unresolved == 0
