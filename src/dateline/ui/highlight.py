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
        pieces: list[Piece] = []
        position = paragraph.start
        while index < len(chosen) and chosen[index].start < paragraph.start:
            index += 1
        while index < len(chosen) and chosen[index].end <= paragraph.end:
            mark = chosen[index]
            if mark.start > position:
                pieces.append(Piece(text[position:mark.start]))
            pieces.append(Piece(text[mark.start:mark.end], mark))
            position = mark.end
            index += 1
        if position < paragraph.end:
            pieces.append(Piece(text[position:paragraph.end]))
        result.append(pieces)
    return result
