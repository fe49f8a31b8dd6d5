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
