"""Full-text search: as-of, ranking, query language, filters, cursors and errors, on small hand-made stores (and
the search index as the way a timeline finds the sentences holding its words)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.errors import Code, QueryError
from dateline.events.candidates import timeline_candidates
from dateline.search import bm25, search
from dateline.search.fts5 import TITLE_WEIGHT
from dateline.search.query import compile_query
from dateline.search.terms import tokens
from dateline.store.db import Store

Add = Callable[..., str]


def test_golden_atwell_drifting_as_of(seeded: Store) -> None:
    early = search(seeded.conn, "Atwell drifting", as_of="2023-06-30")
    assert [hit.published for hit in early.hits] == ["2023-06-22"]
    later = search(seeded.conn, "Atwell drifting", as_of="2023-07-08")
    assert sorted(hit.published for hit in later.hits) == ["2023-06-22", "2023-07-07"]
    for hit in later.hits:
        assert "drifting" in hit.snippet.text.lower()
        text = seeded.conn.execute("SELECT text FROM articles WHERE id = ?", (hit.article_id,)).fetchone()[0]
        assert text[hit.snippet.start:hit.snippet.end] == hit.snippet.text
        assert all(text[s:e].lower() in {"atwell", "drifting"} for s, e in hit.snippet.highlights)


def test_as_of_is_inclusive_of_the_whole_day_and_excludes_the_next(store: Store, add: Add) -> None:
    add("The harbour bridge opened to traffic.", published="2024-03-01", seen="2024-03-02T23:59:00")
    assert search(store.conn, "bridge", as_of="2024-03-01").total == 0
    assert search(store.conn, "bridge", as_of="2024-03-02").total == 1
    assert search(store.conn, "bridge", as_of="2024-03-02T23:58:59Z").total == 0


def test_scores_use_only_what_was_known_then(tmp_path: Path, add: Add, add_to: Add, store: Store) -> None:
    """A later article that changes the term statistics must not change an earlier as-of ranking."""
    texts = [("Copper prices rose on strong demand for copper wire.", "2024-01-02"),
             ("Copper output fell at the mine.", "2024-01-03")]
    for text, day in texts:
        add(text, published=day)
    before = search(store.conn, "copper mine", as_of="2024-01-05")
    for day in ("2024-01-10", "2024-01-11", "2024-01-12"):
        add(f"The mine reopened; mine workers returned on {day}.", published=day)
    after = search(store.conn, "copper mine", as_of="2024-01-05")
    assert [(h.article_id, h.score) for h in after.hits] == [(h.article_id, h.score) for h in before.hits]
    with Store(tmp_path / "early.db") as early:
        for text, day in texts:
            add_to(early, text, published=day)
        alone = search(early.conn, "copper mine")
    assert [(h.article_id, h.score) for h in alone.hits] == [(h.article_id, h.score) for h in before.hits]


def test_a_revision_replaces_its_earlier_version_only_from_when_it_was_seen(store: Store, add: Add) -> None:
    first = add("Talks on the merger stalled.", published="2024-02-01", url="https://x.test/a")
    second = add("Talks on the merger resumed after a pause.", published="2024-02-01", seen="2024-02-05",
                 url="https://x.test/a")
    assert [h.article_id for h in search(store.conn, "merger", as_of="2024-02-03").hits] == [first]
    assert [h.article_id for h in search(store.conn, "merger", as_of="2024-02-05").hits] == [second]
    assert [h.article_id for h in search(store.conn, "merger").hits] == [second]
    assert search(store.conn, "stalled").total == 0
    assert search(store.conn, "stalled", as_of="2024-02-04").total == 1


def test_ranking_prefers_more_and_title_occurrences(store: Store, add: Add) -> None:
    once = add("A note on cobalt and other metals traded this week in several markets.", published="2024-01-01")
    twice = add("Cobalt rallied; cobalt miners gained.", published="2024-01-01")
    titled = add("Miners gained.", published="2024-01-01", title="Cobalt rally")
    order = [hit.article_id for hit in search(store.conn, "cobalt").hits]
    assert order.index(once) == 2 and set(order[:2]) == {twice, titled}


def test_scores_are_bm25_of_the_words_in_title_and_text_whichever_way_they_are_counted(store: Store, add: Add
                                                                                       ) -> None:
    """A common word among few ranked rows is counted in their text (ASCII rows) or by FTS5 (the other row); the
    scores are BM25 of the words as written, either way."""
    texts = [("Zinc and copper: copper-zinc alloys, zinc plates.", "Copper report")]
    texts += [(f"Copper prices rose for the {n}th day.", None) for n in range(30)]
    texts += [("Zürich café: zinc, then copper, then zinc again.", "Zinc")]
    ids = [add(text, title=title, published=f"2024-01-{1 + n // 2:02d}") for n, (text, title) in enumerate(texts)]
    words = {article_id: (tokens(title or ""), tokens(text)) for article_id, (text, title) in zip(ids, texts,
                                                                                                  strict=True)}
    docs, mean = len(ids), sum(len(t) + len(b) for t, b in words.values()) / len(ids)
    expected = {}
    for article_id in (ids[0], ids[-1]):
        title, body = words[article_id]
        score = 0.0
        for term in ("copper", "zinc"):
            count = TITLE_WEIGHT * title.count(term) + body.count(term)
            frequency = sum(1 for t, b in words.values() if term in t or term in b)
            norm = count + bm25.K1 * (1 - bm25.B + bm25.B * (len(title) + len(body)) / mean)
            score += bm25.idf(docs, frequency) * count * (bm25.K1 + 1) / norm
        expected[article_id] = score
    found = {hit.article_id: hit.score for hit in search(store.conn, "copper zinc").hits}
    assert found.keys() == expected.keys()
    assert all(abs(found[key] - expected[key]) < 1e-9 for key in expected), (found, expected)


def test_phrase_field_or_and_not(store: Store, add: Add) -> None:
    chase = add("The car chase ran through Rome.", published="2024-01-01", title="Rome shoot")
    reverse = add("A chase by car through London.", published="2024-01-02", title="London shoot", source="daily")
    assert {h.article_id for h in search(store.conn, '"car chase"').hits} == {chase}
    assert {h.article_id for h in search(store.conn, "car chase").hits} == {chase, reverse}
    assert {h.article_id for h in search(store.conn, "title:london").hits} == {reverse}
    assert {h.article_id for h in search(store.conn, "source:daily chase").hits} == {reverse}
    assert {h.article_id for h in search(store.conn, "rome OR london").hits} == {chase, reverse}
    assert {h.article_id for h in search(store.conn, "chase -rome").hits} == {reverse}
    assert {h.article_id for h in search(store.conn, "chase NOT london").hits} == {chase}


def test_query_syntax_cannot_be_injected(store: Store) -> None:
    query = 'NEAR(a b) "unclosed * ^x {title}: AND'
    assert compile_query(query).terms == ("near", "a", "b", "unclosed", "x", "title", "and")
    assert search(store.conn, query).total == 0
    for bad in ("", "   ", "-only", "NOT this", '""', "***"):
        with pytest.raises(QueryError) as caught:
            compile_query(bad)
        assert caught.value.code is Code.INVALID_QUERY


def test_published_and_source_filters(store: Store, add: Add) -> None:
    add("Rates were held.", published="2024-01-10", source="Wire")
    later = add("Rates were raised.", published="2024-02-10", source="Daily")
    assert [h.article_id for h in search(store.conn, "rates", published_from="2024-02-01").hits] == [later]
    assert search(store.conn, "rates", published_to="2024-01-31").hits[0].published == "2024-01-10"
    assert [h.article_id for h in search(store.conn, "rates", source="daily").hits] == [later]
    with pytest.raises(QueryError) as caught:
        search(store.conn, "rates", published_from="2024-13-01")
    assert caught.value.code is Code.INVALID_DATE_FILTER
    with pytest.raises(QueryError):
        search(store.conn, "rates", published_from="2024-03-01", published_to="2024-02-01")


def test_published_range_totals_whichever_end_the_count_starts_from(store: Store, add: Add) -> None:
    days = [f"2024-{month:02d}-15" for month in range(1, 13)]
    for day in days:
        add(f"Copper output on {day}.", published=day)
    off_day = {"2024-02-20": "2024-12-30", "2024-11-20": "2024-01-02",  # a backfill, an early copy
               "2024-01-31": "2024-02-01", "2024-02-01": "2024-01-31", "2024-03-31": "2024-04-01"}  # a day off
    for published, seen in off_day.items():
        add(f"Copper output reported on {published}.", published=published, seen=seen)
    for low, high in (("2024-02-01", "2024-03-31"), ("2024-10-01", "2024-11-30"), ("2024-02-01", None),
                      ("2024-11-01", None), (None, "2024-02-28"), (None, "2024-11-30"), (None, "2024-01-31"),
                      ("0001-01-01", "9999-12-31"), ("9999-12-31", None), (None, "0001-01-01")):
        expected = sum(1 for day in [*days, *off_day]
                       if (low is None or day >= low) and (high is None or day <= high))
        found = search(store.conn, "copper", published_from=low, published_to=high)
        assert (found.total, found.total_exact, len(found.hits)) == (expected, True, expected), (low, high)


def test_timeline_words_are_found_through_the_index_as_whole_words_of_the_current_text(store: Store, add: Add
                                                                                       ) -> None:
    said = add("The oil refinery in Texas will reopen on March 10, 2024, the company said.", published="2024-03-01")
    add("The toil of the dock workers ends on March 20, 2024, their union said.", published="2024-03-01")
    add("Dock cranes will be replaced on March 25, 2024.", title="Oil port", published="2024-03-01")
    add("Workers said the plant will restart on March 12, 2024.", published="2024-03-02", url="https://x.test/c")
    revised = add("Workers said the oil plant will restart on March 12, 2024.", published="2024-03-02",
                  seen="2024-03-05", url="https://x.test/c")
    for as_of, expected in (("2024-03-03", {(said, "2024-03-10")}),
                            ("2024-03-06", {(said, "2024-03-10"), (revised, "2024-03-12")})):
        found = timeline_candidates(store.conn, "OIL", as_of=as_of).candidates
        assert {(c.article_id, c.date.isoformat()) for c in found} == expected, as_of


def test_cursor_pages_are_disjoint_complete_and_stable(store: Store, add: Add) -> None:
    for n in range(7):
        add(f"Story {n} about the lithium market" + " lithium" * (n % 3), published=f"2024-01-{n + 1:02d}")
    seen: list[str] = []
    cursor = None
    while True:
        page = search(store.conn, "lithium", limit=3, cursor=cursor)
        seen.extend(hit.article_id for hit in page.hits)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == len(set(seen)) == 7
    assert seen == [hit.article_id for hit in search(store.conn, "lithium", limit=10).hits]
    for bad in ("nonsense", "WzEsMl0"):
        with pytest.raises(QueryError) as caught:
            search(store.conn, "lithium", cursor=bad)
        assert caught.value.code is Code.INVALID_SEARCH_CURSOR
    with pytest.raises(QueryError):
        search(store.conn, "lithium", limit=0)


def test_bad_as_of_is_refused(store: Store) -> None:
    with pytest.raises(QueryError) as caught:
        search(store.conn, "anything", as_of="last tuesday")
    assert caught.value.code is Code.INVALID_AS_OF


def test_entity_filter_is_alias_aware_and_as_of(seeded: Store) -> None:
    both = {hit.published for hit in search(seeded.conn, "Cruise", entity="Hayley Atwell").hits}
    assert both == {"2023-06-22", "2023-07-07"}
    assert {hit.published for hit in search(seeded.conn, "Cruise", entity="atwell").hits} == both
    early = search(seeded.conn, "Cruise", entity="Hayley Atwell", as_of="2023-06-30")
    assert [hit.published for hit in early.hits] == ["2023-06-22"]
    assert search(seeded.conn, "Cruise", entity="Nobody Atall").total == 0


def test_event_date_filter_finds_what_was_said_about_a_month(seeded: Store) -> None:
    page = search(seeded.conn, "theaters", event_from="2023-07-01", event_to="2023-07-31")
    snippets = {hit.published: hit.snippet.text for hit in page.hits}
    assert "July 12th" in snippets["2023-06-22"] and "next week" in snippets["2023-07-07"]
    assert search(seeded.conn, "theaters", event_from="2023-07-01", as_of="2023-07-01").total == 1
    assert search(seeded.conn, "theaters", event_from="2019-01-01", event_to="2019-12-31").total == 0
