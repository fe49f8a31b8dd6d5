"""The per-article pipeline and what it writes.

`analyze` is a pure function of an article and a `PipelineConfig`: it may run in this process, in a process pool
or on a Dask worker. `save` writes its result in the caller's transaction, and `update_corpus` runs the
corpus-level steps (entity resolution, event grouping, stories) for the articles just saved, in the same
transaction, so a crash never leaves an article without its analysis.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from dateline.article import Article
from dateline.entities import Mention, resolve, save_mentions
from dateline.entities.detect import detect_many
from dateline.events.corpus import link_events
from dateline.events.dating import EventMention, date_sentences
from dateline.search.clusters import link_articles
from dateline.search.index import index_article
from dateline.store.articles import put_sentences
from dateline.store.events import put_event_mentions
from dateline.store.timexes import put_timexes
from dateline.temporal import Timex, tag
from dateline.text import Sentence, sentences

Mode = Literal["full", "fast"]


@dataclass(frozen=True)
class PipelineConfig:
    """What the per-article analysis does. `fast` skips the statistical models (no spaCy NER)."""

    mode: Mode = "full"
    temporal_mode: str | None = None


@dataclass
class Analysis:
    """Everything the per-article stages found in one article. Offsets point into `article.text`."""

    article_id: str
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def analyze(article: Article, config: PipelineConfig) -> Analysis:
    """Run every per-article stage on one article."""
    return analyze_many([article], config)[0]


def analyze_many(articles: Sequence[Article], config: PipelineConfig) -> list[Analysis]:
    """`analyze` on each article (same results), with the statistical model run once over the whole batch
    (`nlp.pipe`), which is what the engines call: about 15% faster than one model call an article."""
    done = []
    for article in articles:
        analysis = Analysis(article.content_hash, article, list(sentences(article.text)))
        # Time expressions are resolved against the publication date (the document creation time).
        analysis.timexes = tag(article.text, article.published.day, mode=config.temporal_mode)
        # Every sentence's date: its own time expressions, else the publication date.
        analysis.events = date_sentences(analysis.article_id, article.text, analysis.sentences, analysis.timexes,
                                         article.published)
        done.append(analysis)
    # Named entities: spaCy NER plus lexical additions (titles, sites); `fast` mode runs the additions only.
    for analysis, (mentions, _) in zip(done, detect_many([a.text for a in articles], config.mode), strict=True):
        analysis.mentions = mentions
    return done


def load_models(config: PipelineConfig) -> None:
    """Load the statistical models `config` needs (each is cached per process), so that worker processes forked
    afterwards share one copy instead of each loading its own."""
    if config.mode == "full":
        from dateline.entities.model import load_ner

        load_ner()


def save(conn: sqlite3.Connection, analysis: Analysis) -> None:
    """Write one article's analysis (the article row itself must already be stored)."""
    put_sentences(conn, analysis.article_id, analysis.sentences)
    put_timexes(conn, analysis.article_id, analysis.timexes, analysis.sentences)
    index_article(conn, analysis.article_id)
    put_event_mentions(conn, analysis.events)
    save_mentions(conn, analysis.article_id, analysis.mentions)


def update_corpus(conn: sqlite3.Connection, article_ids: list[str], *, defer_backfill: bool = False) -> None:
    """Bring the corpus-level structures up to date with newly stored articles (entities of a backfill: see
    `entities.resolve.resolve`)."""
    resolve(conn, article_ids, defer_backfill=defer_backfill)
    link_events(conn, article_ids)
    link_articles(conn, article_ids)
