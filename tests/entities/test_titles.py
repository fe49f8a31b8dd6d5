"""Numbered titles across articles: "Mission: Impossible 7" joins "Dead Reckoning Part One" in other articles only
when some article says so explicitly (an ordinal "the seventh ... film" or an "aka" set beside the title); a
number that merely shares an article with one subtitled title is linked there, not across the corpus."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.entities import entity_profile, find_entity
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.store.db import Store

SEVENTH = {"id": "seventh", "date": "2023-06-20", "source": "variety", "text": "Mission: Impossible – Dead Reckoning"
           " Part One, the seventh Mission: Impossible film, opens on Friday."}
EIGHTH = {"id": "eighth", "date": "2023-06-21", "source": "deadline", "text": "The studio dated Mission: Impossible –"
          " Dead Reckoning Part Two, the eighth Mission: Impossible film, for 2025."}
AKA = {"id": "aka", "date": "2023-06-22", "source": "empire", "text": "Tickets for Mission: Impossible 7 (Mission:"
       " Impossible – Dead Reckoning Part One) sold out."}
QUEUE = {"id": "queue", "date": "2023-07-12", "source": "bbc", "text": "Fans lined up for Mission: Impossible 7 as it"
         " opened on Friday."}
FALLOUT = {"id": "fallout", "date": "2023-06-23", "source": "blog", "text": "Mission: Impossible 7 follows Mission:"
           " Impossible – Fallout (2018), which critics loved."}


def _store(folder: Path, records: list[dict[str, str]]) -> Store:
    store = Store(folder / "titles.db")
    for record in records:
        path = folder / f"{record['id']}.jsonl"
        path.write_text(json.dumps(record) + "\n")
        report = ingest(store, [path], IngestOptions(seen_at=SEEN_AT_PUBLISHED))
        assert report.added == 1, report.problems
    return store


def test_an_ordinal_in_one_article_joins_the_number_in_another(tmp_path: Path) -> None:
    with _store(tmp_path, [SEVENTH, EIGHTH, QUEUE]) as store:
        film = find_entity(store.conn, "Dead Reckoning Part One")
        assert film is not None and film == find_entity(store.conn, "Mission: Impossible 7")
        assert film.articles == 2 and film.name == "Mission: Impossible – Dead Reckoning Part One"
        assert {item["key"] for item in entity_profile(store.conn, film.id).evidence} == {"work:mission impossible 7"}
        sequel = find_entity(store.conn, "Dead Reckoning Part Two")
        assert sequel is not None and sequel.id != film.id and sequel.articles == 1


def test_an_aka_in_brackets_is_evidence_too(tmp_path: Path) -> None:
    with _store(tmp_path, [AKA, QUEUE]) as store:
        film = find_entity(store.conn, "Mission: Impossible – Dead Reckoning Part One")
        assert film is not None and film.articles == 2
        links = entity_profile(store.conn, film.id).links
        assert any("named beside it" in str(link["why"]) for link in links)


def test_a_number_beside_another_title_in_passing_does_not_join_across_articles(tmp_path: Path) -> None:
    """The article that puts "Mission: Impossible 7" next to Fallout links them only inside itself; elsewhere
    "Mission: Impossible 7" stays apart from Fallout, and joins Dead Reckoning once an article says it is the
    seventh."""
    with _store(tmp_path, [FALLOUT, QUEUE]) as store:
        fallout = find_entity(store.conn, "Mission: Impossible – Fallout")
        seven = find_entity(store.conn, "Mission: Impossible 7")
        assert fallout is not None and fallout.articles == 1
        assert seven is not None and seven.id != fallout.id and seven.articles == 1
    (tmp_path / "more").mkdir()
    with _store(tmp_path / "more", [FALLOUT, QUEUE, SEVENTH]) as store:
        film = find_entity(store.conn, "Mission: Impossible 7")
        fallout = find_entity(store.conn, "Mission: Impossible – Fallout")
        assert film is not None and fallout is not None and film.id != fallout.id
        assert film.name == "Mission: Impossible – Dead Reckoning Part One" and film.articles == 2
        assert fallout.articles == 1
