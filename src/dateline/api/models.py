"""The typed bodies of API responses; the OpenAPI spec is generated from them."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ArticleSummary(BaseModel):
    """One article version in a listing: its two clocks and the start of its text."""

    id: str = Field(description="Content hash of this version.")
    title: str | None
    source: str | None
    url: str | None
    published_at: str = Field(description="ISO 8601, no more precise than the source said.")
    published_precision: str
    published_day: str
    first_seen_at: str = Field(description="When the store first saw this version (UTC).")
    revision: int
    snippet: str


class SentenceOut(BaseModel):
    index: int
    start: int
    end: int
    paragraph: int


class ArticleDetail(ArticleSummary):
    """One article version with its full text and sentence offsets (into `text`)."""

    text: str
    external_id: str | None
    origin: str
    supersedes: str | None = Field(description="The previous revision's id, if this is a revision.")
    latest_id: str = Field(description="The latest revision of this article known as of the request's as_of.")
    sentences: list[SentenceOut]


class Stats(BaseModel):
    """What the store holds as of a date."""

    articles: int
    versions: int
    sources: int
    published_from: str | None
    published_to: str | None
    per_source: dict[str, int]
    per_month: dict[str, int]
    as_of: str | None


class IngestProblem(BaseModel):
    code: str
    source: str
    location: str
    reason: str


class IngestResult(BaseModel):
    """What one POSTed batch did."""

    added: int
    revisions: int
    duplicates: int
    rejected: int
    problems: list[IngestProblem]
