"""The "same happening" relation and the groups it makes."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dateline.events.dating import EventMention, Rule
from dateline.events.grouping import components, dates_compatible, group, linked, overlap


def mention(article: str, first: date, last: date, words: str, rule: Rule = Rule.TIMEX, sentence: int = 0,
            future: bool = False) -> EventMention:
    return EventMention(article, sentence, 0, first, last, first.isoformat(), "day", rule, 0 if rule is Rule.TIMEX
                        else None, future, frozenset(words.split()))


def same_happening(a: EventMention, b: EventMention) -> bool:
    evidence = overlap(a, b)
    return evidence is not None and linked(a, b, *evidence)


JULY_12 = date(2023, 7, 12)
PREMIERE = "tom cruise mission impossible dead reckoning premiere theater"
STREAK = "tom cruise action movie picture streak theater"


def test_a_week_matches_a_day_inside_it_but_two_days_never_match() -> None:
    assert dates_compatible(JULY_12, JULY_12, date(2023, 7, 10), date(2023, 7, 16))
    assert not dates_compatible(JULY_12, JULY_12, date(2023, 7, 13), date(2023, 7, 13))
    assert not dates_compatible(JULY_12, JULY_12, date(2023, 1, 1), date(2023, 12, 31))


def test_the_premiere_and_next_week_report_the_same_happening() -> None:
    day = mention("a", JULY_12, JULY_12, PREMIERE, future=True)
    week = mention("b", date(2023, 7, 10), date(2023, 7, 16), STREAK, future=True)
    assert same_happening(day, week) and same_happening(week, day)
    assert not same_happening(day, mention("b", date(2023, 7, 13), date(2023, 7, 13), STREAK, future=True))
    assert not same_happening(day, mention("b", JULY_12, JULY_12, "weather rain flood river", future=True))
    # Looking back, "the picture streaked into theaters last week" is too vague to join the day on 3 words.
    assert not same_happening(mention("a", JULY_12, JULY_12, PREMIERE),
                              mention("b", date(2023, 7, 10), date(2023, 7, 16), STREAK))


def test_reports_of_a_coming_date_need_less_evidence_than_past_ones() -> None:
    a_words, b_words = "alpha beta gamma d1 d2 d3 d4 d5 d6 d7 d8", "alpha beta gamma e1 e2 e3 e4 e5 e6 e7 e8"
    past = (mention("a", JULY_12, JULY_12, a_words), mention("b", JULY_12, JULY_12, b_words))
    ahead = (mention("a", JULY_12, JULY_12, a_words, future=True), mention("b", JULY_12, JULY_12, b_words,
                                                                           future=True))
    assert overlap(*past) is None and overlap(*ahead) == (3, 11)
    assert linked(*past, 4, 11) and not linked(*past, 3, 11)


def test_a_vague_date_joins_one_day_and_never_chains_two_days_together() -> None:
    words = "port strike dock worker union"
    nodes = {
        1: mention("a", JULY_12, JULY_12, words), 2: mention("b", JULY_12, JULY_12, words),
        3: mention("c", date(2023, 7, 14), date(2023, 7, 14), words),
        4: mention("d", date(2023, 7, 10), date(2023, 7, 16), words),  # "this week"
        5: mention("e", date(2023, 7, 1), date(2023, 7, 31), words),   # "in July"
    }
    links = [(1, 2), (1, 4), (2, 4), (3, 4), (1, 5), (3, 5), (4, 5)]
    assert group(nodes, links) == [[1, 2, 4, 5], [3]]
    assert group(nodes, [(3, 4), (4, 5), (1, 2)]) == [[1, 2], [3, 4, 5]]
    assert group({k: v for k, v in nodes.items() if k != 3}, [(1, 2), (1, 4), (2, 4)]) == [[1, 2, 4], [5]]


def test_sentences_dated_only_by_publication_must_be_near_copies_from_two_articles() -> None:
    words = "dock worker walked job rotterdam harbour container traffic"
    a = mention("a", JULY_12, JULY_12, words, Rule.PUBLISHED)
    assert same_happening(a, mention("b", JULY_12, JULY_12, words + " port", Rule.PUBLISHED))
    assert not same_happening(a, mention("a", JULY_12, JULY_12, words + " port", Rule.PUBLISHED, sentence=1))
    assert not same_happening(a, mention("b", JULY_12, JULY_12, "dock worker rotterdam wage talk union leader",
                                         Rule.PUBLISHED))


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=30), st.randoms())
def test_components_do_not_depend_on_the_order_of_nodes_or_edges(
        edges: list[tuple[int, int]], rng: random.Random) -> None:
    nodes = list(range(13))
    expected = components(nodes, edges)
    shuffled_nodes, shuffled_edges = nodes[:], [(b, a) for a, b in edges]
    rng.shuffle(shuffled_nodes)
    rng.shuffle(shuffled_edges)
    assert components(shuffled_nodes, shuffled_edges) == expected
    assert sorted(n for group in expected for n in group) == nodes


def test_edges_to_unknown_nodes_are_ignored() -> None:
    assert components([1, 2, 3], [(1, 9), (9, 3), (2, 3)]) == [[1], [2, 3]]
