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
    entities_redo_from: str | None = Field(
        default=None, description="Entity groups first seen from this sighting on are being decided again (a backfill, "
        "override or rebuild under way, or one a killed run left): until it ends they have no entity and entity "
        "counts are partial. null when none is.")


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


class TimexOut(BaseModel):
    """A time expression in an article: `text == article.text[start:end]`, its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    anchor: str = Field(description="The date the value was resolved against.")
    earliest: str | None = Field(description="First day the value can mean (inclusive).")
    latest: str | None


class MentionOut(BaseModel):
    """An entity mention in an article, and the entity it was resolved to (if any)."""

    start: int
    end: int
    text: str
    label: str
    entity_id: int | None
    entity: str | None = Field(description="The entity's display name.")


class ArticleAnalysis(ArticleDetail):
    """One article with everything found in it."""

    timexes: list[TimexOut]
    mentions: list[MentionOut]


class SnippetOut(BaseModel):
    """The passage that best shows why an article matched; offsets point into the article text."""

    text: str
    start: int
    end: int
    sentence: int | None
    highlights: list[tuple[int, int]]


class SearchHitOut(BaseModel):
    article_id: str
    title: str | None
    source: str | None
    published_at: str
    published_day: str
    first_seen_at: str
    revision: int
    score: float
    snippet: SnippetOut


class SearchResults(BaseModel):
    """One page of ranked hits, best first."""

    query: str
    total: int = Field(description="Every article matching the query and filters.")
    items: list[SearchHitOut]
    next_cursor: str | None
    snapshot: str | None


class AliasOut(BaseModel):
    alias: str
    mentions: int


class EntityOut(BaseModel):
    """One entity as of the request's date."""

    id: int
    name: str
    type: str
    mentions: int
    articles: int
    first_seen_at: str
    first_day: str | None
    last_day: str | None
    aliases: list[AliasOut]


class CoMentionOut(BaseModel):
    id: int
    name: str
    type: str
    articles: int = Field(description="Articles mentioning both.")


class MentionSentence(BaseModel):
    index: int
    text: str


class MentioningArticle(BaseModel):
    id: str
    title: str | None
    published_day: str
    sentences: list[MentionSentence]


class MergeEvidence(BaseModel):
    """Why one of the entity's names was joined to another across articles."""

    name: str
    article: str
    linked_to: str
    other_article: str
    key: str
    seen_at: str


class ReportOut(BaseModel):
    """One sentence's claim about a date, with its article's clocks and outlet."""

    article_id: str
    sentence: int
    text: str
    source: str | None
    title: str | None
    published_at: str
    first_seen_at: str
    value: str = Field(description="The date as said (TIMEX3 value or the publication day).")
    earliest: str
    latest: str
    precision: str
    rule: str = Field(description="How the sentence was dated: its own time expression, or its article's date.")
    future: bool = Field(description="The date was still ahead when the article was published.")


class EventOut(BaseModel):
    """One happening on one date, as reported across articles and outlets."""

    id: str
    earliest: str
    latest: str
    value: str
    precision: str
    scheduled: bool = Field(description="Reported before it happened.")
    representative: str
    first_reported_at: str
    first_source: str | None
    first_article: str
    sources: list[str]
    mentions: list[ReportOut]


class ExpectedDateOut(ReportOut):
    change: str = Field(description="first report, confirmed, refined, moved earlier or moved later.")


class ScheduleOut(BaseModel):
    """A scheduled event and how its expected date moved as reports came in, oldest report first."""

    id: str
    revised: bool
    expected: ExpectedDateOut
    history: list[ExpectedDateOut]


class TimelineSentence(BaseModel):
    text: str
    article_id: str
    sentence: int
    source: str | None
    published: str
    first_seen_at: str
    rule: str


class TimelineDate(BaseModel):
    """One date of a timeline: its chosen sentences, every outlet and article behind it, the first report."""

    date: str
    precision: str
    expected: bool = Field(description="Still ahead on the as-of date.")
    sources: list[str]
    articles: list[str]
    first_reported_at: str
    first_source: str
    sentences: list[TimelineSentence]


class EraOut(BaseModel):
    start: str
    end: str
    headline: str


class SampleOut(BaseModel):
    """The even sample of articles a timeline was made from, when its words are in too many to read them all."""

    read: int = Field(description="Articles read.")
    matched: int = Field(description="Articles known as of the date whose text holds the words.")


class TimelineOut(BaseModel):
    """A timeline as it could have been written as of its date."""

    title: str
    as_of: str | None
    dates: list[TimelineDate]
    eras: list[EraOut]
    sample: SampleOut | None = Field(None, description="Set when the timeline was made from a sample of articles.")


class EntityProfileOut(EntityOut):
    """An entity with its mentions per day, its company, the articles that mention it and the merge evidence."""

    per_day: dict[str, int]
    co_mentioned: list[CoMentionOut]
    mentioned_in: list[MentioningArticle]
    evidence: list[MergeEvidence]
    timeline: TimelineOut | None = Field(None, description="Its timeline, when asked for with `timeline=true`.")
