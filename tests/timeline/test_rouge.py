"""ROUGE-1.5.5 (-n 2 -m -s) reproduced in Python: stemming, tokenization and counts on hand-made summaries."""

from __future__ import annotations

import pytest

from dateline.timeline.rouge import porter_stem, rouge_n, tokens


@pytest.mark.parametrize(("word", "stem"), [
    # Porter (1980), the examples of each step.
    ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"), ("agreed", "agre"),
    ("plastered", "plaster"), ("motoring", "motor"), ("sing", "sing"), ("conflated", "conflat"),
    ("hopping", "hop"), ("falling", "fall"), ("filing", "file"), ("happy", "happi"), ("sky", "sky"),
    ("relational", "relat"), ("digitizer", "digit"), ("operator", "oper"), ("hopefulness", "hope"),
    ("triplicate", "triplic"), ("goodness", "good"), ("revival", "reviv"), ("adjustment", "adjust"),
    ("adoption", "adopt"), ("effective", "effect"), ("probate", "probat"), ("cease", "ceas"),
    ("controll", "control"), ("roll", "roll"), ("generalization", "gener"),
    # ROUGE's copy keeps an initial y a consonant.
    ("yelling", "yell"), ("youth", "youth"),
])
def test_porter_stem_matches_the_original_algorithm(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_tokens_follow_rouge_preprocessing() -> None:
    # Exceptions before stemming (children, fought), `-` split off, `;` and `.` dropped, stop words (the) dropped.
    assert tokens(["Children fought the BP-licensed rig fire ; 11 killed ."]) == [
        "child", "fight", "bp", "licens", "rig", "fire", "11", "kill"]


def test_tokens_read_sentences_as_rouge_reads_pyrouge_files() -> None:
    # Text after "<" is lost, "^" becomes "&circ;" (a "circ" token), empty sentences vanish, short words are kept.
    assert tokens(["Oil rig <b> burns", "", "BP^s gas"]) == ["oil", "rig", "bp", "circ", "gas"]


def test_counts_with_two_models_add_up() -> None:
    peer = ["The rig exploded , killing 11 workers ."]
    models = [["11 workers die as the rig explodes"], ["Rig workers killed"]]
    unigrams = rouge_n(peer, models, 1)
    assert (unigrams.hits, unigrams.peer, unigrams.model) == (7, 10, 8)
    bigrams = rouge_n(peer, models, 2)
    assert (bigrams.hits, bigrams.peer, bigrams.model) == (2, 8, 6)


def test_bigrams_cross_sentence_boundaries_and_skip_stop_words() -> None:
    counts = rouge_n(["Oil spill .", "Gulf coast"], [["oil spill in the Gulf coast"]], 2)
    assert (counts.hits, counts.peer, counts.model) == (3, 3, 3)


def test_empty_summaries_score_zero() -> None:
    counts = rouge_n([], [["Oil spill"]], 1)
    assert (counts.hits, counts.peer, counts.model) == (0, 0, 2)
    assert counts.precision == 0.0 and counts.recall == 0.0
