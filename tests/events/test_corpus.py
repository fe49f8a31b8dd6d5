"""Event linking at ingest (`events.corpus`): the word index finds exactly the pairs a comparison of every two
stored mentions would link, whatever the batches, and a store made before the index gets it on its next ingest."""

from __future__ import annotations

import json
import random
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from dateline.events.grouping import overlap
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.pipeline import PipelineConfig
from dateline.store.db import Store
from dateline.store.events import WORD_PERIOD, mentions_of

# Few words, so that many pairs share a few of them, some just enough to link and some just not.
_WORDS = "council budget harbour strike workers container port vote merger bank shares profit airline".split()
# March 31, 2024 starts a period of the index (`WORD_PERIOD`), "in March" starts in the one before.
_DATES = ["on March 4, 2024", "on March 5, 2024", "in March 2024", "on March 31, 2024", "on April 16, 2024", "", ""]


def _records(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    records = []
    for index in range(count):
        sentences = []
        for _ in range(4):
            words = " ".join(rng.sample(_WORDS, rng.randint(3, 7)))
            when = rng.choice(_DATES)
            sentences.append(f"The {words} {when}.".replace(" .", "."))
        day = f"2024-03-{rng.randint(1, 9):02d}"
        records.append({"id": f"a{index}", "date": day, "source": f"outlet{index % 3}", "title": f"Story {index}",
                        "text": " ".join(sentences)})
    return records


def _ingest(store: Store, records: list[dict[str, Any]], path: Path, batch_size: int) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    options = IngestOptions(seen_at=SEEN_AT_PUBLISHED, batch_size=batch_size, workers=1,
                            pipeline=PipelineConfig(mode="fast"))
    assert not ingest(store, [path], options).problems


Key = tuple[str, int, int]
Link = tuple[Key, Key, int, int]  # the two mentions (article id, sentence, k), in order, and the link's evidence


def _link(a: Key, b: Key, shared: int, smaller: int) -> Link:
    return (min(a, b), max(a, b), shared, smaller)


def _stored_links(store: Store) -> set[Link]:
    keys = {row[0]: (row[1], row[2], row[3]) for row in
            store.conn.execute("SELECT id, article_id, sentence, k FROM event_mentions")}
    return {_link(keys[a], keys[b], shared, smaller) for a, b, shared, smaller in
            store.conn.execute("SELECT a, b, shared, smaller FROM event_links")}


def _every_pair(store: Store) -> set[Link]:
    """What comparing every two stored mentions links: the reference the index must reproduce."""
    articles = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
    mentions = list(mentions_of(store.conn, articles).values())
    found = set()
    for a, b in combinations(mentions, 2):
        evidence = overlap(a, b)
        if evidence is not None:
            found.add(_link(a.key, b.key, *evidence))
    return found


def test_links_found_through_the_index_are_those_of_every_pair_compared(tmp_path: Path) -> None:
    records = _records(40, seed=7)
    with Store(tmp_path / "batches.db") as store:
        _ingest(store, records, tmp_path / "a.jsonl", batch_size=6)
        links = _stored_links(store)
        assert links == _every_pair(store)
        assert len(links) > 50  # the corpus is dense enough to link many pairs of every kind
        periods = {key: date.fromisoformat(day).toordinal() // WORD_PERIOD
                   for key, day in store.conn.execute("SELECT id, earliest FROM event_mentions")}
        assert any(periods[a] != periods[b] for a, b in store.conn.execute("SELECT a, b FROM event_links"))
    with Store(tmp_path / "reversed.db") as store:
        _ingest(store, records[::-1], tmp_path / "b.jsonl", batch_size=200)
        assert _stored_links(store) == links


def test_a_store_made_before_the_index_gets_it_and_links_the_same(tmp_path: Path) -> None:
    records = _records(30, seed=11)
    with Store(tmp_path / "old.db") as store:
        _ingest(store, records[:20], tmp_path / "a.jsonl", batch_size=200)
        # As if the first articles had been stored before migration 0016: no index, marked incomplete.
        store.conn.execute("DELETE FROM event_words")
        store.conn.execute("UPDATE event_words_state SET complete = 0")
        _ingest(store, records[20:], tmp_path / "b.jsonl", batch_size=200)
        assert store.conn.execute("SELECT complete FROM event_words_state").fetchone()[0] == 1
        assert _stored_links(store) == _every_pair(store)
