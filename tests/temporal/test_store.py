"""Ingest stores every article's timexes with the sentence that holds them."""

from __future__ import annotations

from dateline.store.db import Store
from dateline.store.timexes import get_timexes
from dateline.text import sentences


def test_seeds_timexes_are_stored_with_sentence_and_interval(seeded: Store) -> None:
    rows = seeded.conn.execute(
        "SELECT t.*, a.text AS article_text, a.published_day FROM timexes t JOIN articles a ON a.id = t.article_id"
        " ORDER BY a.published_day, t.idx").fetchall()
    assert rows, "no timexes stored"
    by_value = {(r["text"], r["value"]) for r in rows}
    assert ("July 12th", "2023-07-12") in by_value
    assert ("next week", "2023-W28") in by_value
    for row in rows:
        assert row["article_text"][row["start"]:row["end"]] == row["text"]
        assert row["anchor"] == row["published_day"]
        spans = {s.index: s for s in sentences(row["article_text"])}
        sentence = spans[row["sentence"]]
        assert sentence.start <= row["start"] < sentence.end + 1
    week = next(r for r in rows if r["value"] == "2023-W28")
    assert (week["earliest"], week["latest"]) == ("2023-07-10", "2023-07-16")
    july = seeded.conn.execute("SELECT count(*) FROM timexes WHERE earliest <= '2023-07-31' AND latest >= '2023-07-01'"
                               ).fetchone()[0]
    assert july >= 2
    article_id = rows[0]["article_id"]
    assert [t.text for t in get_timexes(seeded.conn, article_id)] == [r["text"] for r in rows
                                                                       if r["article_id"] == article_id]
