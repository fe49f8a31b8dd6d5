"""The seed line format: ` date YYYY-MM-DD <text>`, paragraphs on the following lines, blank lines between them.

A file may hold one such article or many: every line that starts with ` date YYYY-MM-DD ` starts a new record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dateline.article import Article, parse_published
from dateline.errors import Code, InputError, Problem
from dateline.ingest.decode import decode
from dateline.ingest.readers import ReadOptions
from dateline.ingest.sources import InputFile, iter_lines

_HEAD = re.compile(r"^\s?date (\S+)(?: |$)")


def _finish(source: InputFile, line: int, date_text: str, parts: list[str], index: int) -> Article | Problem:
    location = f"line {line}"
    try:
        published = parse_published(date_text)
    except InputError as error:
        return Problem.from_error(error, source.display, location)
    text = "".join(parts).strip("\n")
    if not text.strip():
        return Problem(Code.EMPTY_TEXT, source.display, location, "article has a date but no text")
    return Article(text=text, published=published, external_id=f"{source.relative}#{index}",
                   origin=f"{source.display}:{line}")


def read(source: InputFile, options: ReadOptions) -> Iterator[Article | Problem]:
    start = 0
    date_text: str | None = None
    parts: list[str] = []
    index = 0
    stray = False
    for item in iter_lines(source, options.max_record_bytes):
        if isinstance(item, Problem):
            yield item
            continue
        number, raw = item
        try:
            line = decode(raw)
        except InputError as error:
            yield Problem.from_error(error, source.display, f"line {number}")
            continue
        head = _HEAD.match(line)
        was_stray, stray = stray, False
        if head:
            if date_text is not None:
                yield _finish(source, start, date_text, parts, index)
                index += 1
            start, date_text, parts = number, head.group(1), [line[head.end():]]
        elif date_text is not None:
            parts.append(line)
        elif line.strip():
            stray = True
            if was_stray:
                continue
            yield Problem(Code.MALFORMED_RECORD, source.display, f"line {number}",
                          "expected a record starting with ' date YYYY-MM-DD '"
                          " (text up to the next such line is skipped)")
    if date_text is not None:
        yield _finish(source, start, date_text, parts, index)
