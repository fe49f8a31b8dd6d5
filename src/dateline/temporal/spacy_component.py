"""The spaCy pipeline component `dateline_timex`: dateline's tagger inside a spaCy pipeline.

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_timex")
    doc = nlp.make_doc("The film premieres on July 12th.")
    doc._.dct = "2023-06-22"
    doc = nlp(doc)  # or nlp("...") with the component's `anchor` set
    [(span.text, span.label_, span._.timex.value) for span in doc.spans["timex"]]

The anchor is read from the `Doc._.dct` extension (a date, datetime or ISO string), falling back to the
component's `anchor` setting; a Doc with neither fails with D301 rather than guessing from the clock.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.errors import Code, TemporalError
from dateline.temporal.tagger import tag
from dateline.temporal.timex import Timex

SPANS_KEY = "timex"

if not Doc.has_extension("dct"):
    Doc.set_extension("dct", default=None)
if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)


class TimexComponent:
    """Tags a Doc's text and stores one span per timex in `doc.spans[spans_key]`, label = TIMEX3 type."""

    def __init__(self, anchor: str | None, mode: str | None, spans_key: str) -> None:
        self.anchor = anchor
        self.mode = mode
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        anchor: date | datetime | str | None = doc._.dct or self.anchor
        if anchor is None:
            raise TemporalError("dateline_timex needs an anchor: set doc._.dct or the component's `anchor`",
                                code=Code.INVALID_ANCHOR)
        spans = []
        for timex in tag(doc.text, anchor, mode=self.mode):
            span = doc.char_span(timex.start, timex.end, label=timex.type, alignment_mode="expand")
            if span is not None:
                span._.timex = timex
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("dateline_timex", default_config={"anchor": None, "mode": None, "spans_key": SPANS_KEY})
def make_timex_component(nlp: Language, name: str, anchor: str | None, mode: str | None,
                         spans_key: str) -> TimexComponent:
    """Build the `dateline_timex` component (registered with spaCy under that name)."""
    del nlp, name
    return TimexComponent(anchor, mode, spans_key)


def timexes_of(doc: Doc, spans_key: str = SPANS_KEY) -> list[Timex]:
    """The `Timex` objects the component attached to a Doc, in text order."""
    found: list[Any] = [span._.timex for span in doc.spans.get(spans_key, [])]
    return [t for t in found if isinstance(t, Timex)]
