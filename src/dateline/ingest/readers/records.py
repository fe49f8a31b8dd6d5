"""JSONL and CSV: one article a record, fields named by a `FieldMap` (news-tls `articles.jsonl`, Reuters shards)."""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from dateline.article import Article, parse_published
from dateline.errors import Code, InputError, Problem
from dateline.ingest.decode import decode
from dateline.ingest.readers import FieldMap, ReadOptions
from dateline.ingest.sources import InputFile, iter_lines, open_binary

_ESCAPED = re.compile("[\udc80-\udcff]")


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _text_field(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    value = _first(record, names)
    if value is None:
        return None
    if isinstance(value, list):
        return "\n\n".join(str(part) for part in value)
    return str(value)


def record_to_article(record: Mapping[str, Any], fields: FieldMap, origin: str) -> Article:
    """Build an article from one parsed record, raising `InputError` with the reason it cannot be one."""
    text = _text_field(record, fields.text)
    if text is None and not any(name in record for name in fields.text):
        raise InputError(f"no text field (looked for {', '.join(fields.text)})", code=Code.MISSING_TEXT)
    if text is None or not text.strip():
        raise InputError("text is empty", code=Code.EMPTY_TEXT)
    date_value = _first(record, fields.date)
    if date_value is None:
        raise InputError(f"no date field (looked for {', '.join(fields.date)})", code=Code.MISSING_DATE)
    published = parse_published(date_value)
    url = _text_field(record, fields.url)
    source = _text_field(record, fields.source)
    if source is None and url:
        host = urlsplit(url).hostname or ""
        source = host.removeprefix("www.") or None
    record_id = _first(record, fields.id)
    return Article(
        text=text, published=published, title=_text_field(record, fields.title), url=url, source=source,
        external_id=None if record_id is None else str(record_id), origin=origin,
    )


def _where(record: Mapping[str, Any], fields: FieldMap, number: int) -> str:
    record_id = _first(record, fields.id)
    return f"line {number}" + (f" (id {record_id})" if record_id is not None else "")


def read_jsonl(source: InputFile, options: ReadOptions) -> Iterator[Article | Problem]:
    for item in iter_lines(source, options.max_record_bytes):
        if isinstance(item, Problem):
            yield item
            continue
        number, raw = item
        if not raw.strip():
            continue
        try:
            record = json.loads(decode(raw))
        except InputError as error:
            yield Problem.from_error(error, source.display, f"line {number}")
            continue
        except ValueError as error:
            yield Problem(Code.MALFORMED_RECORD, source.display, f"line {number}", f"not valid JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield Problem(Code.MALFORMED_RECORD, source.display, f"line {number}",
                          f"expected a JSON object, found {type(record).__name__}")
            continue
        try:
            yield record_to_article(record, options.fields, f"{source.display}:{number}")
        except InputError as error:
            yield Problem.from_error(error, source.display, _where(record, options.fields, number))


def read_csv(source: InputFile, options: ReadOptions) -> Iterator[Article | Problem]:
    delimiter = "\t" if source.path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    csv.field_size_limit(options.max_record_bytes)
    try:
        with open_binary(source.path) as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape",
                                                    newline="") as text:
            reader = csv.DictReader(text, delimiter=delimiter)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    yield Problem(Code.MALFORMED_RECORD, source.display, f"line {reader.line_num}", str(error))
                    continue
                if None in row:
                    yield Problem(Code.MALFORMED_RECORD, source.display, f"line {reader.line_num}",
                                  f"{len(reader.fieldnames or [])} columns in the header, more in this row")
                    continue
                if any(_ESCAPED.search(value) for value in row.values() if isinstance(value, str)):
                    yield Problem(Code.UNDECODABLE, source.display, f"line {reader.line_num}",
                                  "not valid UTF-8; convert the file to UTF-8")
                    continue
                try:
                    yield record_to_article(row, options.fields, f"{source.display}:{reader.line_num}")
                except InputError as error:
                    yield Problem.from_error(error, source.display, _where(row, options.fields, reader.line_num))
    except (EOFError, OSError, zlib.error) as error:
        yield Problem(Code.TRUNCATED_FILE, source.display, "", f"file ends early or is corrupt ({error})")
