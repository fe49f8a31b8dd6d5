"""Document frequencies kept by period equal FTS5's own counts, and searches rank alike with or without them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.asof import as_of_bound
from dateline.search import frequencies, fts5, search
from dateline.search.visibility import visible
from dateline.store.db import Store

Add = Callable[..., str]
# (text, title, published, first seen): spread over periods of 2^20 s (~12 days); one revised under a URL
CORPUS = [
    ("Copper prices rose as the mine closed.", "Copper up", "2024-01-02", None, None),
    ("Tin and copper exports fell in March.", None, "2024-01-20", None, None),
    ("The copper mine reopened.", "Mine news", "2024-02-10", "2024-02-11T08:00:00", "https://x.test/m"),
    ("The copper mine stayed shut after all.", "Mine news", "2024-02-10", "2024-03-05T09:00:00", "https://x.test/m"),
    ("Nickel, not copper, led the rally.", "Nickel", "2024-03-05", "2024-03-05T09:00:00", None),
    ("Copper copper copper in the title too.", "Copper", "2024-03-30", None, None),
]
AS_OF = [None, "2024-01-01", "2024-01-02", "2024-01-25", "2024-02-11", "2024-03-04", "2024-03-05T08:59:59Z",
         "2024-03-05", "2024-04-01"]


def _fill(add: Add) -> None:
    for text, title, published, seen, url in CORPUS:
        add(text, title=title, published=published, seen=seen, url=url)


def _fts5_postings(store: Store, word: str, as_of: str | None) -> tuple[int, int]:
    """All and visible versions holding `word`, counted by FTS5 over the whole posting list."""
    seen = visible(store.conn, as_of_bound(as_of))
    rows = [row[0] for row in store.conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ?",
                                                 (f'"{word}"',))]
    return len(rows), sum(1 for doc in rows if doc in seen)


def test_tracked_counts_equal_fts5_counts_as_of_every_date(store: Store, add: Add) -> None:
    _fill(add)
    assert frequencies.track(store.conn, min_docs=2) > 0
    add("Copper wire and tin cans, shipped late.", title="Tin", published="2024-04-03")  # kept by index_article
    for word in ("copper", "mine", "wire", "tin", "cans"):
        for as_of in AS_OF:
            seen = visible(store.conn, as_of_bound(as_of))
            counted = frequencies.counts(store.conn, word, seen, 0, -1)
            if word in ("tin", "cans"):  # in fewer than 2 versions when tracked: counted by FTS5
                assert counted is None
                continue
            assert counted is not None
            assert (counted.everywhere, counted.visible) == _fts5_postings(store, word, as_of), (word, as_of)


def test_periods_split_by_first_seen_time(store: Store, add: Add) -> None:
    _fill(add)
    frequencies.track(store.conn, min_docs=1)
    periods = dict(store.conn.execute("SELECT period, docs FROM search_word_periods WHERE word = 'copper'"))
    assert sum(periods.values()) == 6 and len(periods) > 2
    docs = [row[0] for row in store.conn.execute("SELECT doc FROM search_docs ORDER BY doc")]
    assert all(frequencies.period_start(doc) <= doc < frequencies.period_start(doc) + (1 << 44) for doc in docs)


def test_search_ranks_alike_with_tracked_words(tmp_path: Path, store: Store, add: Add, add_to: Add) -> None:
    _fill(add)
    with Store(tmp_path / "tracked.db") as tracked:
        for text, title, published, seen, url in CORPUS[:3]:
            add_to(tracked, text, title=title, published=published, seen=seen, url=url)
        frequencies.track(tracked.conn, min_docs=1)
        for text, title, published, seen, url in CORPUS[3:]:
            add_to(tracked, text, title=title, published=published, seen=seen, url=url)
        for query in ("copper", "copper mine", "mine OR tin", "copper -nickel"):
            for as_of in AS_OF:
                expected, got = search(store.conn, query, as_of=as_of), search(tracked.conn, query, as_of=as_of)
                assert got.total == expected.total, (query, as_of)
                assert [(h.article_id, round(h.score, 9)) for h in got.hits] == [
                    (h.article_id, round(h.score, 9)) for h in expected.hits], (query, as_of)


def test_term_counter_uses_tracked_postings(store: Store, add: Add) -> None:
    _fill(add)
    frequencies.track(store.conn, min_docs=1)
    docs = [row[0] for row in store.conn.execute("SELECT doc FROM search_docs ORDER BY doc")]
    seen = visible(store.conn, as_of_bound("2024-03-04"))
    postings = fts5.TermCounter(store.conn, '"copper"', docs).postings("copper", seen)
    assert (postings.everywhere, postings.visible) == _fts5_postings(store, "copper", "2024-03-04")
    assert postings.in_range >= 6


def test_ingest_recounts_common_words_each_time_the_index_doubles(store: Store, add: Add) -> None:
    def state() -> list[int]:
        return [row[0] for row in store.conn.execute("SELECT versions FROM search_track_state")]

    def tracked() -> set[str]:
        return {row[0] for row in store.conn.execute("SELECT word FROM search_word_periods")}

    _fill(add)  # 6 versions
    assert frequencies.maybe_track(store.conn, min_docs=10) is None  # too few versions to hold a common word
    for n in range(4):
        add(f"Copper report {n}.", published="2024-04-03")
    assert frequencies.maybe_track(store.conn, min_docs=10)  # "copper" is in 10 versions
    assert state() == [10] and "copper" in tracked() and "mine" not in tracked()
    add("Copper again.", published="2024-04-04")
    assert frequencies.maybe_track(store.conn, min_docs=10) is None  # 11 < 2 * 10: not due yet
    for n in range(9):
        add(f"Copper and the mine {n}.", published="2024-04-05")
    assert frequencies.maybe_track(store.conn, min_docs=10)  # 20 versions: "mine" is common now too
    assert state() == [20] and {"copper", "mine"} <= tracked()


def test_an_ingest_run_ends_with_the_recount_when_due(tmp_path: Path) -> None:
    import json

    from dateline.ingest.run import IngestOptions, ingest
    from dateline.pipeline import PipelineConfig

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(n), "date": "2024-01-02", "text": f"Copper story {n}."}) + "\n"
                              for n in range(frequencies.MIN_DOCS)))
    with Store(tmp_path / "t.db") as opened:
        ingest(opened, [corpus], IngestOptions(pipeline=PipelineConfig(mode="fast"), batch_size=500))
        tracked = {row[0] for row in opened.conn.execute("SELECT word FROM search_word_periods")}
        assert {"copper", "story"} <= tracked
