"""Dated event mentions: every sentence gets a date, from its own timexes or from the publication date."""

from __future__ import annotations

from datetime import date

from dateline.article import parse_published
from dateline.events.dating import Rule, date_sentences, precision_of, published_interval
from dateline.temporal import Timex
from dateline.text import sentences

TEXT = "The film premieres on July 12th. Critics liked it. It opens in Rome next week and in Paris before May."


def T(start: int, end: int, type_: str, value: str, mod: str | None, earliest: str | None, latest: str | None
      ) -> Timex:
    return Timex(start, end, "", type_, value, mod, earliest=earliest, latest=latest)


def _timex(phrase: str, type_: str, value: str, earliest: str | None, latest: str | None,
           mod: str | None = None) -> Timex:
    start = TEXT.index(phrase)
    return T(start, start + len(phrase), type_, value, mod, earliest, latest)


TIMEXES = [
    _timex("July 12th", "DATE", "2023-07-12", "2023-07-12", "2023-07-12"),
    _timex("next week", "DATE", "2023-W28", "2023-07-10", "2023-07-16"),
    _timex("May", "DATE", "2024-05", "2024-05-01", "2024-05-31", mod="BEFORE"),
]


def test_each_sentence_is_dated_by_its_own_timex_or_the_publication_date() -> None:
    found = date_sentences("a1", TEXT, list(sentences(TEXT)), TIMEXES, parse_published("2023-06-22"))
    by_sentence = {m.sentence: m for m in found}
    assert sorted(by_sentence) == [0, 1, 2]
    first, second, third = by_sentence[0], by_sentence[1], by_sentence[2]
    assert (first.rule, first.earliest, first.precision, first.timex, first.future) == (
        Rule.TIMEX, date(2023, 7, 12), "day", 0, True)
    assert (second.rule, second.earliest, second.latest, second.timex, second.future) == (
        Rule.PUBLISHED, date(2023, 6, 22), date(2023, 6, 22), None, False)
    # "before May" dates nothing: only "next week" is kept, as a week.
    assert (third.rule, third.value, third.precision, third.width, third.timex) == (
        Rule.TIMEX, "2023-W28", "week", 7, 1)


def test_the_date_words_are_not_content_words() -> None:
    found = date_sentences("a1", TEXT, list(sentences(TEXT)), TIMEXES, parse_published("2023-06-22"))
    assert found[0].terms == frozenset({"film", "premiere"})


def test_a_sentence_with_two_dates_has_a_mention_for_each_distinct_one() -> None:
    text = "Talks held on 3 May 2010 resumed on 5 May 2010, and again on May 5."
    days = [("3 May 2010", "2010-05-03"), ("5 May 2010", "2010-05-05"), ("May 5", "2010-05-05")]
    timexes = [T(text.index(p), text.index(p) + len(p), "DATE", v, None, v, v) for p, v in days]
    found = date_sentences("a2", text, list(sentences(text)), timexes, parse_published("2010-05-06"))
    assert [(m.k, m.value, m.timex) for m in found] == [(0, "2010-05-03", 0), (1, "2010-05-05", 1)]
    assert not any(m.future for m in found)


def test_durations_and_unanchored_expressions_fall_back_to_the_publication_date() -> None:
    text = "The siege lasted three weeks. It ended now."
    timexes = [T(16, 28, "DURATION", "P3W", None, None, None), T(39, 42, "DATE", "PRESENT_REF", None, None, None)]
    found = date_sentences("a3", text, list(sentences(text)), timexes, parse_published("2011-02"))
    assert [(m.rule, m.value, m.precision) for m in found] == [(Rule.PUBLISHED, "2011-02", "month")] * 2
    assert (found[0].earliest, found[0].latest) == (date(2011, 2, 1), date(2011, 2, 28))


def test_precision_from_the_value_else_from_the_width() -> None:
    d = date(2023, 1, 1)
    assert precision_of("2023-Q3", d, d) == "quarter"
    assert precision_of("2023-SU", d, d) == "season"
    assert precision_of("199X", date(1990, 1, 1), date(1999, 12, 31)) == "decade"
    assert precision_of("XXXX-XX", d, date(2025, 1, 1)) == "range"
    assert precision_of("XXXX", d, date(2023, 1, 20)) == "month"
    assert published_interval(parse_published("2020"))[:2] == (date(2020, 1, 1), date(2020, 12, 31))
