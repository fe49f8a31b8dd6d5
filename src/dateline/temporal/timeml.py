"""TimeML in and out, TempEval-3 style: `<DCT>` holds the document creation time, `<TEXT>` the text.

Reading strips every tag inside TEXT (gold TIMEX3, EVENT, SIGNAL) and keeps the gold TIMEX3 as annotations with
offsets into the plain text. Writing puts our TIMEX3 tags into TEXT and leaves every character of the text as
it was: reading the written file gives back the same text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import Code, InputError
from dateline.temporal.timex import Timex

_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\".*?</DCT>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r"([A-Za-z]+)=\"([^\"]*)\"")
_LINKS = re.compile(r"\s*<(?:MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*/>")


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 read from a TimeML file: span in the plain text and its attributes."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimeMLDoc:
    """One TimeML document: its file text, creation time, plain TEXT content and the TIMEX3 found in it."""

    name: str
    source: str
    dct: str
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def parse_timeml(source: str, name: str = "") -> TimeMLDoc:
    """Read a TimeML document from its file content; raise `InputError` (D101) without DCT or TEXT."""
    body = _TEXT.search(source)
    dct = _DCT.search(source)
    if body is None or dct is None:
        missing = "TEXT" if body is None else "DCT"
        raise InputError(f"{name or 'TimeML'}: no <{missing}> element; not a TempEval-3 TimeML file")
    raw = body.group(2)
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[position:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "/" and open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod")))
            open_timex = None
        elif tag.group(1) != "/" and not tag.group(3).rstrip().endswith("/"):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
    pieces.append(html.unescape(raw[position:]))
    return TimeMLDoc(name, source, dct.group(1), "".join(pieces), timexes)


def read_timeml(path: Path) -> TimeMLDoc:
    """Read one `.tml` file."""
    try:
        return parse_timeml(path.read_text(encoding="utf-8"), path.name)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})", code=Code.UNREADABLE_FILE) from None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attributes(timex: Timex, tid: int) -> str:
    parts = [f'tid="t{tid}"', f'type="{timex.type}"', f'value="{_escape(timex.value)}"']
    for name in ("mod", "quant", "freq"):
        value = getattr(timex, name)
        if value:
            parts.append(f'{name}="{_escape(value)}"')
    return " ".join(parts)


def annotate(text: str, timexes: list[Timex], first_tid: int = 1) -> str:
    """`text` escaped for XML with a TIMEX3 element around each (non-overlapping) timex."""
    out: list[str] = []
    position = 0
    for tid, timex in enumerate(sorted(timexes, key=lambda t: t.start), start=first_tid):
        if timex.start < position:
            continue
        out.append(_escape(text[position:timex.start]))
        out.append(f"<TIMEX3 {_attributes(timex, tid)}>{_escape(text[timex.start:timex.end])}</TIMEX3>")
        position = timex.end
    out.append(_escape(text[position:]))
    return "".join(out)


def write_timeml(doc: TimeMLDoc, timexes: list[Timex]) -> str:
    """The document's file content with TEXT replaced by our annotation; links to the old tags are dropped."""
    body = _TEXT.search(doc.source)
    if body is None:
        raise InputError(f"{doc.name or 'TimeML'}: no <TEXT> element")
    tail = _LINKS.sub("", doc.source[body.end(3):])
    return doc.source[:body.start(2)] + annotate(doc.text, timexes) + "</TEXT>" + tail
