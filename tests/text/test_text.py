"""Sentences and paragraphs point back into the original text; folding never moves an offset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.text import clean, fold, paragraphs, sentences


def test_sentences_split_on_terminal_punctuation_not_abbreviations() -> None:
    text = 'Mr. Smith went to Washington D.C. on Jan. 5. He met U.S. officials.\n\n"Great!" he said. Then he left.'
    found = [text[s.start:s.end] for s in sentences(text)]
    assert found == ["Mr. Smith went to Washington D.C. on Jan. 5.", "He met U.S. officials.",
                     '"Great!" he said.', "Then he left."]
    assert [s.paragraph for s in sentences(text)] == [0, 0, 1, 1]


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = "One.\nstill one.\n\n  Two.  \n\n\nThree."
    assert [text[p.start:p.end] for p in paragraphs(text)] == ["One.\nstill one.", "Two.", "Three."]


@given(st.text(alphabet=st.sampled_from("ab .!?\n\"'ADr"), max_size=200))
def test_sentence_offsets_are_ordered_and_inside_the_text(text: str) -> None:
    previous_end = 0
    for sentence in sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end].strip() == text[sentence.start:sentence.end]
        previous_end = sentence.end


@given(st.text(max_size=200))
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_clean_normalizes_newlines_and_controls() -> None:
    assert clean("  a\r\nb\x00c\x07  ") == "a\nb c"
