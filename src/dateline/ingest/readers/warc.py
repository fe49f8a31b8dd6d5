"""WARC archives (optionally gzipped): every HTML response record is a page, read like an HTML file.

The record's `WARC-Target-URI` becomes the article URL and `WARC-Record-ID` its id; the crawl date is not a
publication date and is never used as one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.article import Article
from dateline.errors import Code, InputError, Problem
from dateline.ingest.decode import decode
from dateline.ingest.readers import ReadOptions
from dateline.ingest.readers.html import html_to_article
from dateline.ingest.sources import InputFile


class _Damaged(Exception):
    """warcio failed inside its parser: the archive is damaged from here on."""


def _records(stream: BinaryIO) -> Iterator[Any]:
    """warcio's records. On a damaged archive its parser raises almost anything (a response record without a
    target URI gives AttributeError), so any failure inside warcio becomes `_Damaged` and ends the file."""
    from warcio.archiveiterator import ArchiveIterator

    records = iter(ArchiveIterator(stream))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as error:
            raise _Damaged(f"{type(error).__name__}: {error}") from None
        yield record


def read(source: InputFile, options: ReadOptions) -> Iterator[Article | Problem]:
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with source.path.open("rb") as stream:
            for record in _records(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in content_type.lower():
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record {number}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"record {number} ({url or record_id})"
                data = record.content_stream().read(options.max_record_bytes + 1)
                if len(data) > options.max_record_bytes:
                    yield Problem(Code.RECORD_TOO_LARGE, source.display, where,
                                  f"page is larger than {options.max_record_bytes} bytes")
                    continue
                try:
                    yield html_to_article(decode(data, detect=True), origin=f"{source.display}#{number}",
                                          url=url, record_id=record_id)
                except InputError as error:
                    yield Problem.from_error(error, source.display, where)
    except (_Damaged, ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        yield Problem(Code.TRUNCATED_FILE, source.display, f"after record {number}",
                      f"archive is truncated or corrupt ({error}); the records before it were read")
