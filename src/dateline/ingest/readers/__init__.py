"""One reader a format. Each turns an `InputFile` into a stream of `Article`s and `Problem`s, never raising for a
bad record: it reports it, with file and line or record id, and goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from dateline.article import Article
from dateline.errors import Problem
from dateline.ingest.sources import DEFAULT_MAX_RECORD_BYTES, InputFile


@dataclass(frozen=True)
class FieldMap:
    """Which record fields hold what, for JSONL and CSV; the first present, non-empty name wins."""

    date: tuple[str, ...] = ("published", "published_at", "time", "date", "datetime", "pubdate", "timestamp", "day")
    text: tuple[str, ...] = ("text", "body", "content", "article", "story")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link")
    source: tuple[str, ...] = ("source", "outlet", "publisher", "site", "sitename")
    id: tuple[str, ...] = ("id", "doc_id", "article_id", "uuid", "guid")

    @classmethod
    def with_overrides(cls, **names: str | None) -> FieldMap:
        """Defaults, with any given field name tried first: `FieldMap.with_overrides(date="pubDate")`."""
        base = cls()
        values = {key: ((value,) if value else ()) + getattr(base, key) for key, value in names.items()}
        return cls(**values)


@dataclass(frozen=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES


Reader = Callable[[InputFile, ReadOptions], Iterator[Article | Problem]]


def reader_for(name: str) -> Reader:
    """The reader function registered for a format name."""
    from dateline.ingest.readers import catxml, folder, html, records, seed, warc

    readers: dict[str, Reader] = {
        "seed": seed.read, "jsonl": records.read_jsonl, "csv": records.read_csv,
        "folder": folder.read, "html": html.read, "warc": warc.read, "cat": catxml.read,
    }
    return readers[name]
