"""Paragraph boundaries: a blank line (two or more newlines) separates paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's position: `text[start:end]` is its text, with no blanks at either end."""

    index: int
    start: int
    end: int


def paragraphs(text: str) -> Iterator[Paragraph]:
    """Yield the paragraphs of `text` in order, skipping empty ones."""
    index = 0
    position = 0
    for match in [*_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[position:stop]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            yield Paragraph(index, start, start + len(stripped))
            index += 1
        if match:
            position = match.end()
