"""Article text cut into paragraphs of plain and marked pieces, for showing timexes and entities in place.

Marks come from stored offsets into `articles.text`; where two overlap, the one starting first (then the longer)
wins, so every character is shown exactly once and the text reads as stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dateline.text import paragraphs


@dataclass(frozen=True)
class Mark:
    """A span to highlight: `kind` picks the style (`timex`, `entity`), `label` is shown on hover."""

    start: int
    end: int
    kind: str
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Piece:
    text: str
    mark: Mark | None = None


def _non_overlapping(marks: Iterable[Mark], size: int) -> list[Mark]:
    chosen: list[Mark] = []
    reach = 0
    for mark in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if 0 <= mark.start < mark.end <= size and mark.start >= reach:
            chosen.append(mark)
            reach = mark.end
    return chosen


def _pieces(text: str, offset: int, marks: list[Mark], start: int, end: int) -> list[Piece]:
    """`text[start:end]` (offsets into the whole text, `text` starting at `offset`) cut around `marks`."""
    pieces: list[Piece] = []
    position = start
    for mark in marks:
        if mark.start > position:
            pieces.append(Piece(text[position - offset:mark.start - offset]))
        pieces.append(Piece(text[mark.start - offset:mark.end - offset], mark))
        position = mark.end
    if position < end:
        pieces.append(Piece(text[position - offset:end - offset]))
    return pieces


def marked_passage(passage: str, offset: int, spans: Iterable[tuple[int, int]], kind: str = "hit") -> list[Piece]:
    """A passage found at `offset` of some text, cut around `spans` given as offsets into that text.

    >>> [(p.text, bool(p.mark)) for p in marked_passage("car drifting for her", 100, [(104, 112)])]
    [('car ', False), ('drifting', True), (' for her', False)]
    """
    marks = [Mark(start - offset, end - offset, kind, "") for start, end in spans]
    chosen = [Mark(m.start + offset, m.end + offset, kind, "") for m in _non_overlapping(marks, len(passage))]
    return _pieces(passage, offset, chosen, offset, offset + len(passage))


def marked_paragraphs(text: str, marks: Iterable[Mark]) -> list[list[Piece]]:
    """The paragraphs of `text`, each a list of pieces; a mark crossing a paragraph break is dropped.

    >>> [[(p.text, p.mark.kind if p.mark else None) for p in para]
    ...  for para in marked_paragraphs("On July 12th.\\n\\nBye.", [Mark(3, 12, "timex", "2023-07-12")])]
    [[('On ', None), ('July 12th', 'timex'), ('.', None)], [('Bye.', None)]]
    """
    chosen = _non_overlapping(marks, len(text))
    result: list[list[Piece]] = []
    index = 0
    for paragraph in paragraphs(text):
        while index < len(chosen) and chosen[index].start < paragraph.start:
            index += 1
        inside = []
        while index < len(chosen) and chosen[index].end <= paragraph.end:
            inside.append(chosen[index])
            index += 1
        result.append(_pieces(text, 0, inside, paragraph.start, paragraph.end))
    return result
