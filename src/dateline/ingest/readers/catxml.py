"""CAT XML, the token-level format of the NewsReader MEANTIME corpus: text rebuilt from tokens, DCT as date.

Sentence 0 is the headline and sentence 1 the dateline; the body starts at sentence 2. `parse_cat` keeps the
character span of every token in the rebuilt text, so gold annotations (entities, timexes) can be scored against
offsets in the same text dateline stores.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dateline.article import Article, parse_published
from dateline.errors import Code, InputError, Problem
from dateline.ingest.readers import ReadOptions
from dateline.ingest.sources import InputFile, read_whole

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m",
                    "'S", "''", "'"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


@dataclass
class CatDocument:
    """A MEANTIME document: headline, body text, DCT, and where each token landed (`t_id` -> (start, end))."""

    doc_id: str
    title: str
    text: str
    dct: str
    url: str | None
    tokens: dict[str, tuple[int, int]] = field(default_factory=dict)
    token_sentence: dict[str, int] = field(default_factory=dict)


def _join(tokens: list[tuple[str, str, int]], into: dict[str, tuple[int, int]]) -> str:
    out: list[str] = []
    length = 0
    quote_open = False
    previous = ""
    for t_id, word, _ in tokens:
        space = bool(out)
        if word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            space = False
        if word == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif previous == '"' and quote_open:
            space = False
        if space:
            out.append(" ")
            length += 1
        into[t_id] = (length, length + len(word))
        out.append(word)
        length += len(word)
        previous = word
    return "".join(out)


def _dateline_timex(root: ET.Element, tokens: list[tuple[str, str, int]]) -> str:
    """The value of the TIMEX3 on the dateline (sentence 1), for the few files whose DCT is not flagged."""
    dateline_tokens = {t_id for t_id, _, sentence in tokens if sentence == 1}
    for timex in root.iter("TIMEX3"):
        anchors = {a.get("t_id") for a in timex.iter("token_anchor")}
        if anchors and anchors <= dateline_tokens and timex.get("type") == "DATE":
            return timex.get("value", "")
    return ""


def _dateline_text(tokens: list[tuple[str, str, int]]) -> str:
    """The dateline itself ("February 03 , 2009") read as a date, where the annotated DCT value is not ISO."""
    words = " ".join(word for _, word, sentence in tokens if sentence == 1).replace(" ,", ",")
    try:
        return datetime.strptime(words, "%B %d, %Y").date().isoformat()
    except ValueError:
        return ""


def parse_cat(data: bytes, name: str) -> CatDocument:
    """Parse one CAT XML document; raises `InputError` if it has no tokens or no creation time."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InputError(f"not well-formed XML: {error}", code=Code.MALFORMED_RECORD) from None
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0"))) for t in root.iter("token")]
    if not tokens:
        raise InputError("no <token> elements", code=Code.EMPTY_TEXT)
    dct = next((t.get("value", "") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
               "") or _dateline_timex(root, tokens)
    if not _ISO_DAY.match(dct):
        dct = _dateline_text(tokens) or dct
    if not dct:
        raise InputError("no creation time (TIMEX3 functionInDocument=CREATION_TIME, or a date on the dateline)",
                         code=Code.MISSING_DATE)
    title_offsets: dict[str, tuple[int, int]] = {}
    title = _join([t for t in tokens if t[2] == 0], title_offsets)
    body: dict[str, tuple[int, int]] = {}
    text = _join([t for t in tokens if t[2] >= 2], body)
    document = CatDocument(root.get("doc_id") or name, title, text, dct, root.get("url"), body)
    document.token_sentence = {t_id: sentence for t_id, _, sentence in tokens}
    return document


def read(source: InputFile, options: ReadOptions) -> Iterator[Article | Problem]:
    try:
        document = parse_cat(read_whole(source, options.max_record_bytes), Path(source.relative).stem)
        yield Article(text=document.text, published=parse_published(document.dct), title=document.title,
                      url=document.url, source="wikinews", external_id=document.doc_id, origin=source.display)
    except InputError as error:
        yield Problem.from_error(error, source.display, "")
