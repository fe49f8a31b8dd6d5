"""From article text to dated candidate sentences, with dateline's own temporal tagger."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timeline.candidates import article_candidates, default_tagger, split_sentences

PUBLISHED = dt.date(2010, 4, 22)
TEXT = ("BP said on Tuesday that the rig had sunk .\n"
        "The explosion on April 20 killed 11 workers, and the rig sank on April 22 .\n"
        "Oil continues to leak .\n"
        "Updated 5:45 p.m. The slick grows .")


def test_sentences_never_cross_a_line_break() -> None:
    spans = list(split_sentences("One line without a stop\nNext line. Two here.\n\nLast"))
    texts = ["One line without a stop\nNext line. Two here.\n\nLast"[a:b] for a, b in spans]
    assert texts == ["One line without a stop", "Next line.", "Two here.", "Last"]


def test_without_a_tagger_every_sentence_is_dated_by_its_article() -> None:
    candidates = article_candidates("a1", TEXT, PUBLISHED, tagger=None)
    assert [c.sentence for c in candidates] == [0, 1, 2, 3]
    assert {(c.date, c.rule) for c in candidates} == {(PUBLISHED, "published")}
    assert candidates[0].first_seen_at == "2010-04-22"


def test_own_date_expressions_date_a_sentence_once_per_day() -> None:
    tagger = default_tagger()
    if tagger is None:
        pytest.skip("dateline.temporal is not available")
    candidates = article_candidates("a1", TEXT, PUBLISHED, tagger=tagger, source="wire", first_seen_at="2010-04-22T09")
    by_sentence = {(c.sentence, c.date.isoformat(), c.rule) for c in candidates}
    assert (0, "2010-04-20", "timex") in by_sentence          # "Tuesday" before a Thursday publication
    assert {(1, "2010-04-20", "timex"), (1, "2010-04-22", "timex")} <= by_sentence
    assert (2, "2010-04-22", "published") in by_sentence
    assert (3, "2010-04-22", "published") in by_sentence      # a clock time dates nothing
    assert len([c for c in candidates if c.sentence == 1]) == 2
    assert all(c.source == "wire" and c.first_seen_at == "2010-04-22T09" for c in candidates)
