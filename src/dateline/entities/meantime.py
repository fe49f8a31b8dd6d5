"""MEANTIME gold entities: named mentions with their type and cross-document instance, over the text dateline
would store for the article, with the headline prepended (`headline + "\\n\\n" + body`) so headline mentions
count too.

A mention's type and cluster come from the ENTITY it REFERS_TO: the `instance_id` shared across documents, or
the document-local entity when it has none. Only sentences 0-5 are fully annotated (the data README), so
`region_end` marks where the scored region stops; sentence 1, the dateline, is not part of the text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dateline.ingest.readers.catxml import parse_cat

SCORED_TYPES = ("PER", "ORG", "LOC", "PRO")
ANNOTATED_SENTENCES = 5


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    type: str
    cluster: str


@dataclass
class GoldDocument:
    """One article: the text to run on, the end of the fully annotated region, and its gold named mentions."""

    doc_id: str
    corpus: str
    dct: str
    text: str
    region_end: int
    mentions: list[GoldMention]


def _title_spans(title: str, words: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    spans: dict[str, tuple[int, int]] = {}
    position = 0
    for t_id, word in words:
        found = title.find(word, position)
        if found >= 0:
            spans[t_id] = (found, found + len(word))
            position = found + len(word)
    return spans


def read_document(path: Path) -> GoldDocument:
    """Parse one CAT XML file into text and gold named mentions."""
    data = path.read_bytes()
    cat = parse_cat(data, path.stem)
    root = ET.fromstring(data)
    sentence_of = {t.get("t_id", ""): int(t.get("sentence", "0")) for t in root.iter("token")}
    title_words = [(t.get("t_id", ""), t.text or "") for t in root.iter("token") if t.get("sentence") == "0"]
    shift = len(cat.title) + 2
    spans = {t_id: (s + shift, e + shift) for t_id, (s, e) in cat.tokens.items()}
    spans.update(_title_spans(cat.title, title_words))
    text = f"{cat.title}\n\n{cat.text}"
    after = [s for t_id, (s, _) in spans.items() if sentence_of.get(t_id, 0) > ANNOTATED_SENTENCES]
    region_end = min(after, default=len(text))
    markables = root.find("Markables")
    entities: dict[str, tuple[str, str]] = {}
    named: dict[str, list[str]] = {}
    for element in markables if markables is not None else []:
        if element.tag == "ENTITY":
            m_id = element.get("m_id", "")
            entities[m_id] = (element.get("ent_type", ""), element.get("instance_id") or f"{cat.doc_id}#{m_id}")
        elif element.tag == "ENTITY_MENTION" and element.get("syntactic_type") == "NAM":
            named[element.get("m_id", "")] = [a.get("t_id", "") for a in element.iter("token_anchor")]
    target_of: dict[str, str] = {}
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target")
        for source in relation.iter("source"):
            if target is not None:
                target_of[source.get("m_id", "")] = target.get("m_id", "")
    mentions = []
    for m_id, anchors in named.items():
        located = [spans[t] for t in anchors if t in spans]
        if not located or m_id not in target_of or target_of[m_id] not in entities:
            continue
        kind, cluster = entities[target_of[m_id]]
        if kind in SCORED_TYPES and located[0][0] < region_end:
            mentions.append(GoldMention(min(s for s, _ in located), max(e for _, e in located), kind, cluster))
    corpus = path.parent.name.removeprefix("corpus_")
    return GoldDocument(cat.doc_id, corpus, cat.dct, text, region_end, sorted(mentions, key=lambda m: m.start))


def read_corpus(folder: Path) -> list[GoldDocument]:
    """Every document under `folder` (the `meantime-en` folder or one of its corpora), in path order."""
    return [read_document(path) for path in sorted(folder.rglob("*.xml"))]
