"""Term counts recovered from FTS5's bm25 equal the counts in the text, and visibility matches current_filter."""

from __future__ import annotations

from collections.abc import Callable

from dateline.asof import as_of_bound
from dateline.search import fts5, search, textcounts
from dateline.search.snapshot import snapshot
from dateline.search.terms import tokens
from dateline.search.visibility import Visible, visible
from dateline.store.articles import current_filter
from dateline.store.db import Store

Add = Callable[..., str]


def test_frequencies_match_the_words_of_title_and_text(store: Store, add: Add) -> None:
    texts = [("Tin tin TIN, and more tin.", "Tin report", "tin"), ("No metal here at all.", None, "wire"),
             ("A long text " + "about copper and tin " * 40, "Copper", "daily"),
             ("Étain: the tin market fell.", "Tin Tin", "tin-news")]
    ids = [add(text, title=title, source=source, published=f"2024-01-0{n + 1}")
           for n, (text, title, source) in enumerate(texts)]
    docs = [row[0] for row in store.conn.execute("SELECT doc FROM search_docs ORDER BY doc")]
    expected = {doc: fts5.TITLE_WEIGHT * tokens(title or "").count("tin") + tokens(text).count("tin")
                for doc, (text, title, _) in zip(docs, texts, strict=True)}
    counter = fts5.TermCounter(store.conn, '"tin" OR "metal" OR "copper"', docs)
    postings = counter.postings("tin", Visible(docs[2], frozenset([docs[0]])))
    assert postings == fts5.Postings(everywhere=3, visible=1, in_range=3)
    for by_difference in (None, False, True):
        assert counter.counts("tin", postings, 9, by_difference=by_difference) == expected
    assert fts5.totals(store.conn)[0] == len(ids)



def test_text_counts_equal_fts5_counts_in_ascii_rows(store: Store, add: Add) -> None:
    texts = [("Tin tin TIN, and more tin; tinned tin-plate 2tin tin2.", "Tin report"), ("No metal here at all.", None),
             ("tin\ntin", "TIN: tin?"), ("Étain: the tin market fell.", "Tin Tin")]
    for n, (text, title) in enumerate(texts):
        add(text, title=title, published=f"2024-01-0{n + 1}")
    docs = [row[0] for row in store.conn.execute("SELECT doc FROM search_docs ORDER BY doc")]
    counter = fts5.TermCounter(store.conn, '"tin" OR "metal"', docs)
    text = textcounts.TextCounter(store.conn, docs)
    assert text.countable("tin") and not text.countable("étain")
    for term in ("tin", "metal", "plate", "2tin"):
        fts = counter.counts(term, counter.postings(term, Visible(docs[-1], frozenset())), 9)
        assert text.counts(term) == {doc: fts[doc] for doc in docs[:3]}, term
    assert text.others == [docs[3]]
    assert text.counts("tin")[docs[0]] == 2 * 1 + 5


def test_visible_docs_are_the_current_versions(store: Store, add: Add) -> None:
    add("Late one.", published="2024-01-05", seen="2024-01-20")
    add("Backfilled, first seen earlier.", published="2024-01-02", seen="2024-01-03")
    add("Revised later.", published="2024-01-04", seen="2024-01-04", url="https://x.test/r")
    add("Revised text.", published="2024-01-04", seen="2024-01-10", url="https://x.test/r")
    add("Another backfill.", published="2024-01-08", seen="2024-01-09")
    for as_of in (None, "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-09", "2024-01-10", "2024-01-20"):
        where, params = current_filter(as_of)
        expected = {row[0] for row in store.conn.execute(
            f"SELECT d.doc FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE {where}", params)}
        seen = visible(store.conn, as_of_bound(as_of))
        everything = [row[0] for row in store.conn.execute("SELECT doc FROM search_docs")]
        assert {doc for doc in everything if doc in seen} == expected, as_of


def test_a_search_reads_one_state_while_an_ingest_commits(store: Store, add: Add) -> None:
    add("Nickel output rose.", published="2024-01-01")
    with Store(store.path, readonly=True) as reader, snapshot(reader.conn) as conn:
        before = search(conn, "nickel").total
        add("Nickel prices fell.", published="2024-01-02")
        assert search(conn, "nickel").total == before == 1
        assert conn.in_transaction
    assert search(store.conn, "nickel").total == 2
