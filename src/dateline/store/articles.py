"""Articles in the store: write one version, read them back, count them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from dateline.article import Article, Precision, PublishedAt, StoredArticle
from dateline.asof import as_of_bound, seen_stamp
from dateline.errors import Code, StoreError
from dateline.text import Sentence


class Outcome(StrEnum):
    """What storing one article did."""

    ADDED = "added"
    DUPLICATE = "duplicate"
    REVISION = "revision"


@dataclass(frozen=True)
class Stored:
    """The result of `put_article`: the article's id, what happened, and its revision number."""

    id: str
    outcome: Outcome
    revision: int


def put_article(conn: sqlite3.Connection, article: Article, first_seen_at: datetime) -> Stored:
    """Store one article version; an exact copy adds nothing, a changed version of a known key is a revision."""
    article_id = article.content_hash
    row = conn.execute("SELECT revision FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is not None:
        return Stored(article_id, Outcome.DUPLICATE, int(row[0]))
    latest = conn.execute(
        "SELECT id, revision FROM articles WHERE key = ? ORDER BY revision DESC LIMIT 1", (article.key,)
    ).fetchone()
    revision = int(latest["revision"]) + 1 if latest else 1
    published = article.published
    conn.execute(
        "INSERT INTO articles (id, key, revision, supersedes, title, text, url, source, external_id, published_at,"
        " published_precision, published_tz_known, published_day, first_seen_at, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, article.key, revision, latest["id"] if latest else None, article.title, article.text,
         article.url, article.source, article.external_id, published.iso(), published.precision.value,
         int(published.tz_known), published.day.isoformat(), seen_stamp(first_seen_at), article.origin),
    )
    return Stored(article_id, Outcome.REVISION if latest else Outcome.ADDED, revision)


def sentence_rows(article_id: str, sentences: Sequence[Sentence]) -> list[tuple[str, int, int, int, int]]:
    """The `sentences` rows of one article (as `put_sentences` stores them and analysis shards hold them)."""
    return [(article_id, s.index, s.start, s.end, s.paragraph) for s in sentences]


def put_sentences(conn: sqlite3.Connection, article_id: str, sentences: list[Sentence]) -> None:
    conn.executemany("INSERT INTO sentences (article_id, idx, start, end, paragraph) VALUES (?, ?, ?, ?, ?)",
                     sentence_rows(article_id, sentences))


def _published(row: sqlite3.Row) -> PublishedAt:
    text = row["published_at"]
    precision = Precision(row["published_precision"])
    if precision in (Precision.YEAR, Precision.MONTH):
        year, month = int(text[:4]), int(text[5:7]) if precision is Precision.MONTH else 1
        return PublishedAt(datetime(year, month, 1), precision, False)
    return PublishedAt(datetime.fromisoformat(text), precision, bool(row["published_tz_known"]))


def row_to_article(row: sqlite3.Row) -> StoredArticle:
    """Rebuild a `StoredArticle` from an `articles` row."""
    article = Article(
        text=row["text"], published=_published(row), title=row["title"], url=row["url"], source=row["source"],
        external_id=row["external_id"], origin=row["origin"],
    )
    seen = datetime.fromisoformat(row["first_seen_at"].replace("Z", "+00:00"))
    return StoredArticle(row["id"], article, seen, int(row["revision"]), row["supersedes"])


def get_article(conn: sqlite3.Connection, article_id: str) -> StoredArticle:
    """The article with this id, or a unique id prefix of at least 6 characters; D204 if there is none."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None and len(article_id) >= 6:
        rows = conn.execute("SELECT * FROM articles WHERE id LIKE ? LIMIT 2", (article_id + "%",)).fetchall()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise StoreError(f"no article with id {article_id!r}", code=Code.NOT_FOUND)
    return row_to_article(row)


def get_sentences(conn: sqlite3.Connection, article_id: str) -> list[Sentence]:
    rows = conn.execute(
        "SELECT idx, start, end, paragraph FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)
    ).fetchall()
    return [Sentence(r["idx"], r["start"], r["end"], r["paragraph"]) for r in rows]


def iter_articles(conn: sqlite3.Connection, *, as_of: str | None = None, batch: int = 500
                  ) -> Iterator[StoredArticle]:
    """Every stored article version known as of `as_of` (all when None), in ingest order, streamed."""
    bound = as_of_bound(as_of)
    query = "SELECT * FROM articles" + (" WHERE first_seen_at <= ?" if bound else "") + " ORDER BY rowid"
    cursor = conn.execute(query, (bound,) if bound else ())
    while rows := cursor.fetchmany(batch):
        yield from (row_to_article(row) for row in rows)


def current_filter(as_of: str | None = None, alias: str = "a") -> tuple[str, list[str]]:
    """SQL condition (and its parameters) selecting, per key, the latest revision known as of `as_of`.

    Every read that shows "the corpus" uses it, so a revision first seen later never leaks into an earlier view.
    """
    bound = as_of_bound(as_of)
    if bound is None:
        return (f"{alias}.revision = (SELECT max(r.revision) FROM articles r WHERE r.key = {alias}.key)", [])
    return (
        f"{alias}.first_seen_at <= ? AND {alias}.revision = (SELECT max(r.revision) FROM articles r "
        f"WHERE r.key = {alias}.key AND r.first_seen_at <= ?)",
        [bound, bound],
    )
