"""Mention detection and in-article linking on hand-made sentences."""

from __future__ import annotations

import pytest

from dateline.entities import Mention, detect, summarize_groups
from dateline.entities.lexical import lexical_mentions
from dateline.entities.names import norm, organisation_core, parse_title, person_name


def _found(text: str, mode: str = "full") -> list[tuple[str, str]]:
    mentions, _ = detect(text, mode)  # type: ignore[arg-type]
    return [(m.text, m.label) for m in mentions]


def test_offsets_point_into_the_text_and_possessives_are_dropped() -> None:
    text = "As with a lot of Tom Cruise's movies, the chase is long."
    mentions, _ = detect(text)
    assert ("Tom Cruise", "PER") in [(m.text, m.label) for m in mentions]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_titles_need_support_from_the_article() -> None:
    once = "Update: Apple shares rose on Monday."
    assert not [m for m in lexical_mentions(once) if m.source == "title"]
    supported = ("Fans of Mission: Impossible queued. The new Mission: Impossible – Dead Reckoning Part One opens, "
                 "and Dead Reckoning sold out.")
    titles = {(m.text, m.source) for m in lexical_mentions(supported)}
    assert ("Mission: Impossible – Dead Reckoning Part One", "title") in titles
    assert ("Dead Reckoning", "subtitle") in titles


def test_sites_quoted_titles_and_cues() -> None:
    text = 'Read it on ComicBook.com. She loved "The Grand Budapest Hotel" and the album Blue Lines.'
    found = {(m.text, m.label, m.source) for m in lexical_mentions(text)}
    assert ("ComicBook.com", "ORG", "site") in found
    assert ("The Grand Budapest Hotel", "WORK", "quote") in found
    assert ("Blue Lines", "WORK", "cue") in found
    assert not lexical_mentions('He said "we are fine" and left.')


def test_fast_mode_runs_the_additions_only() -> None:
    text = "Hayley Atwell visited ComicBook.com in London."
    assert _found(text, "fast") == [("ComicBook.com", "ORG")]
    assert ("Hayley Atwell", "PER") in _found(text)


def test_surnames_first_names_and_acronyms_link_inside_the_article() -> None:
    text = ("Atwell arrived first. Hayley Atwell then met the International Monetary Fund (IMF). "
            "Atwell said the IMF was kind, and Hayley laughed.")
    mentions, groups = detect(text)
    by_text = {m.text: m for m in mentions}
    person = by_text["Hayley Atwell"].group
    assert all(m.group == person and m.label == "PER" for m in mentions if m.text in ("Atwell", "Hayley"))
    fund = next(m for m in mentions if m.text.endswith("International Monetary Fund"))
    assert by_text["IMF"].group == fund.group
    assert any("acronym of" in (m.link or "") for m in mentions if m.text == "IMF")
    keys = {k for g in groups for k in g.keys}
    assert "per:hayley atwell" in keys and "per1:atwell" not in keys
    assert {"org:imf", "org:international monetary fund"} <= keys


def test_sequel_number_joins_the_only_subtitled_title_and_part_two_stays_apart() -> None:
    """Inside the article only: sharing an article with one subtitled title is no evidence for other articles."""
    one = "Mission: Impossible 7 is here. Dead Reckoning Part One, or Mission: Impossible – Dead Reckoning Part One, "
    one += "opens before Mission: Impossible 8."
    mentions, groups = detect(one, "fast")
    film = groups[next(m.group for m in mentions if m.text == "Mission: Impossible 7")]
    assert "work:dead reckoning part 1" in film.keys and "work:mission impossible 7" not in film.keys
    assert groups[next(m.group for m in mentions if m.text == "Mission: Impossible 8")] is not film
    two = "Mission: Impossible – Dead Reckoning Part One opens; Mission: Impossible – Dead Reckoning Part Two follows."
    _, groups = detect(two, "fast")
    assert len([g for g in groups if g.type == "WORK"]) == 2


@pytest.mark.parametrize(("title", "keys"), [
    ("Mission: Impossible – Dead Reckoning Part One", ["dead reckoning part 1", "dead reckoning"]),
    ("Dead Reckoning - Part One", ["dead reckoning part 1", "dead reckoning"]),
    ("Mission: Impossible – Dead Reckoning Part Two", ["dead reckoning part 2"]),
    ("Mission: Impossible 7", ["mission impossible 7"]),
    ("Mission: Impossible", ["mission impossible"]),
    ("seventh Mission: Impossible film", ["mission impossible 7"]),
    ("8th Mission: Impossible movie", ["mission impossible 8"]),
])
def test_title_keys(title: str, keys: list[str]) -> None:
    assert parse_title(title).link_keys() == keys


def test_names_normalize() -> None:
    assert norm("The U.S. Air Force's") == "us air force"
    assert organisation_core("General Motors Corporation") == "general motors"
    assert organisation_core("Apple") == ""


def test_a_maker_and_its_model_code_are_one_product_but_a_year_is_not_a_model() -> None:
    assert _found("The Airbus A380 flew to Sydney.")[0] == ("Airbus A380", "PRODUCT")
    assert ("Toyota", "ORG") in _found("Toyota 2008 profit fell sharply.")


def test_long_texts_are_cut_at_paragraphs_and_offsets_stay_right() -> None:
    paragraph = "Hayley Atwell met Tom Cruise in London on Monday, and they talked about the weather at length."
    text = "\n\n".join(f"{paragraph} Item {n}." for n in range(600))
    assert len(text) > 50_000
    mentions, _ = detect(text)
    people = [m for m in mentions if m.text == "Hayley Atwell"]
    assert len(people) == 600 and all(text[m.start:m.end] == m.text for m in mentions)


def test_a_title_before_a_surname_does_not_make_it_a_full_name() -> None:
    """"Mr Hayward" links across articles as the lone name "Hayward" (by context), not as a second full name that
    would keep every "Hayward" apart from "Tony Hayward"."""
    assert person_name("president barack obama") == "barack obama" and person_name("mr") == "mr"
    groups = summarize_groups([Mention(0, 10, "Mr Hayward", "PER", "spacy", group=0),
                               Mention(20, 39, "President Bush", "PER", "spacy", group=1)])
    assert [g.keys for g in groups] == [("per1:hayward",), ("per1:bush",)]
