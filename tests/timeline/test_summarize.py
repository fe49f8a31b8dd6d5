"""The summarizer on hand-made candidate sentences: which days win, which sentences, how many."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dateline.timeline.summarize import DEFAULT, Candidate, TimelineEntry, date_scores, default_size, summarize

APRIL = [dt.date(2010, 4, day) for day in range(1, 31)]


def cand(day: int, text: str, article: str, sentence: int = 0, published: int | None = None) -> Candidate:
    """A sentence about April `day`, from an article published on April `published` (default: the same day)."""
    pub = APRIL[(published or day) - 1]
    return Candidate(APRIL[day - 1], text, article, sentence, pub, "wire", pub.isoformat(),
                     "timex" if published not in (None, day) else "published")


def corpus() -> list[Candidate]:
    """April 20: an explosion recalled by three later articles. April 25: busy but never recalled. April 26: quiet."""
    return [
        cand(20, "The Deepwater Horizon rig exploded in the Gulf of Mexico, killing 11 workers.", "a1"),
        cand(20, "An explosion on the rig killed 11 workers on April 20.", "b1", 2, published=22),
        cand(20, "Since the April 20 explosion, oil has leaked into the Gulf.", "c1", 1, published=28),
        cand(20, "The rig exploded on April 20 and sank two days later.", "d1", 4, published=29),
        cand(25, "Officials met to discuss the oil spill response.", "e1"),
        cand(25, "Fishermen worried about the oil slick.", "f1"),
        cand(26, "Officials met again about the spill.", "g1"),
    ]


def test_days_recalled_from_later_articles_rank_first() -> None:
    scores = date_scores(corpus())
    assert max(scores, key=lambda day: scores[day]) == APRIL[19]
    assert scores[APRIL[24]] > scores[APRIL[25]]


def test_sizes_are_respected_and_entries_come_in_date_order() -> None:
    timeline = summarize(corpus(), n_dates=2, per_date=1)
    assert [entry.date for entry in timeline] == [APRIL[19], APRIL[24]]
    assert all(len(entry.sentences) == 1 for entry in timeline)
    assert all(isinstance(entry, TimelineEntry) for entry in timeline)


def test_picked_sentences_are_about_their_day_and_not_redundant() -> None:
    copies = [cand(20, "The rig exploded , killing 11 workers .", f"copy{i}") for i in range(3)]
    timeline = summarize(corpus() + copies, n_dates=1, per_date=3)
    sentences = timeline[0].sentences
    assert all(c.date == APRIL[19] for c in sentences)
    assert sum(c.text == copies[0].text for c in sentences) <= 1
    assert len({c.text for c in sentences}) == len(sentences)


def test_a_sentence_is_used_on_one_day_only() -> None:
    both = [cand(24, "Oil reached the coast on April 24 , a day before the meeting on April 25 .", "h1", 0, 27),
            cand(25, "Oil reached the coast on April 24 , a day before the meeting on April 25 .", "h1", 0, 27)]
    timeline = summarize(both, n_dates=2, per_date=1)
    used = [(c.article_id, c.sentence) for entry in timeline for c in entry.sentences]
    assert len(used) == len(set(used)) == 1


def test_clock_stamped_sentences_are_not_picked() -> None:
    stamped = [cand(20, "-LRB- Updated 5:45 p.m. -RRB- The rig exploded and burned .", "s1"),
               cand(20, "The rig exploded and burned overnight .", "s2")]
    timeline = summarize(stamped, n_dates=1, per_date=2)
    assert [c.article_id for c in timeline[0].sentences] == ["s2"]


def test_defaults_come_from_the_corpus() -> None:
    assert summarize([]) == []
    timeline = summarize(corpus())
    assert 1 <= len(timeline) <= 3
    assert default_size({APRIL[0]: 1.0}) == 3
    assert default_size({APRIL[i]: 1.0 for i in range(30)}) == 30


def test_only_keyword_sentences_are_picked_and_days_without_one_are_passed_over() -> None:
    timeline = summarize(corpus(), n_dates=2, per_date=2, keywords=["fisher", "OIL"])
    assert [entry.date for entry in timeline] == [APRIL[19], APRIL[24]]
    assert [c.article_id for c in timeline[1].sentences] == ["e1", "f1"]
    assert all("oil" in c.text.lower() or "fisher" in c.text.lower() for e in timeline for c in e.sentences)
    assert summarize(corpus(), n_dates=3, keywords=["volcano"]) == []


def test_query_words_are_preferred() -> None:
    timeline = summarize(corpus(), n_dates=2, per_date=1, query="fishermen")
    assert timeline[1].sentences[0].article_id == "f1"


def test_sentences_in_the_topics_terms_are_preferred() -> None:
    """April 25's coverage is mostly a side story (bakers), which its centroid follows; the topic is the rig."""
    day = [cand(25, "Bakers sold cakes to visiting reporters .", "a2"),
           cand(25, "Bakers sold bread to reporters .", "b2"),
           cand(25, "Oil from the exploded rig killed fish in the Gulf .", "z2")]
    words = ["rig", "oil", "cakes"]
    explosion = corpus()[:4]
    assert summarize(explosion + day, n_dates=2, per_date=1, keywords=words)[1].sentences[0].article_id == "z2"
    unbiased = summarize(explosion + day, n_dates=2, per_date=1, keywords=words,
                         settings=replace(DEFAULT, topic_weight=0.0))
    assert unbiased[1].sentences[0].article_id == "a2"


def test_lead_sentences_are_preferred() -> None:
    day = [cand(25, "Crews capped the leaking well .", "a3", 6),
           cand(25, "Engineers sealed the broken pipe .", "z3", 0)]
    assert summarize(day, n_dates=1, per_date=1)[0].sentences[0].article_id == "z3"
    unbiased = summarize(day, n_dates=1, per_date=1, settings=replace(DEFAULT, lead_bonus=0.0))
    assert unbiased[0].sentences[0].article_id == "a3"
