"""The `dateline_timex` spaCy component: spans in doc.spans, anchor from the Doc."""

from __future__ import annotations

import pytest
import spacy

from dateline.errors import TemporalError
from dateline.temporal.spacy_component import timexes_of


def test_component_tags_against_the_docs_anchor() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_timex")
    doc = nlp.make_doc("The film premieres in theaters on July 12th.")
    doc._.dct = "2023-06-22"
    doc = nlp(doc)
    assert [(s.text, s.label_, s._.timex.value) for s in doc.spans["timex"]] == [("July 12th", "DATE", "2023-07-12")]
    assert [t.value for t in timexes_of(doc)] == ["2023-07-12"]


def test_configured_anchor_and_missing_anchor() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_timex", config={"anchor": "2023-07-07", "spans_key": "dates"})
    doc = nlp("into theaters next week")
    assert [s._.timex.value for s in doc.spans["dates"]] == ["2023-W28"]
    bare = spacy.blank("en")
    bare.add_pipe("dateline_timex")
    with pytest.raises(TemporalError):
        bare("next week")
