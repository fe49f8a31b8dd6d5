"""dateline: turn a corpus of dated news into a point-in-time knowledge base.

    >>> import dateline
    >>> store = dateline.open_store("news.db")                               # doctest: +SKIP
    >>> report = dateline.ingest(store, [Path("articles.jsonl")])            # doctest: +SKIP
"""

from __future__ import annotations

import logging

from dateline.article import Article, Precision, PublishedAt, StoredArticle, parse_published
from dateline.clock import Clock, FixedClock, SystemClock
from dateline.errors import Code, DatelineError, Problem
from dateline.ingest.run import IngestOptions, IngestReport, ingest
from dateline.store.db import Store, open_store

__all__ = [
    "Article",
    "Clock",
    "Code",
    "DatelineError",
    "FixedClock",
    "IngestOptions",
    "IngestReport",
    "Precision",
    "Problem",
    "PublishedAt",
    "Store",
    "StoredArticle",
    "SystemClock",
    "ingest",
    "open_store",
    "parse_published",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
