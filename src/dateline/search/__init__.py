"""Point-in-time search: ranked full-text search as of a date, story clusters, and what changed between dates.

    index.py     the FTS5 index and per-version as-of facts, written by `pipeline.save`
    query.py     the query language compiled to FTS5; terms.py the tokenizer it mirrors
    bm25.py      BM25 with the corpus statistics of the as-of date; the words' counts from
                 fts5.py (FTS5's own bm25) or textcounts.py (the ranked rows' text)
    frequencies.py   document frequencies of common words by period
    filters.py   published, event-date, entity and source filters; published.py a publication-day range read
                 as a range of docs
    fulltext.py  `search`; snippets.py the best sentence of a hit
    similarity.py, clusters.py   story features, MinHash sketches, links made as articles arrive
    stories.py   `stories` and `story` as of a date; changes.py `changes` between two dates
"""

from dateline.search.changes import Changes, DateRevision, NewEntity, NewEvent, StoryGrowth, changes
from dateline.search.fulltext import SearchHit, SearchPage, search
from dateline.search.index import index_article
from dateline.search.snippets import Snippet
from dateline.search.stories import Story, StoryArticle, stories, story

__all__ = [
    "Changes",
    "DateRevision",
    "NewEntity",
    "NewEvent",
    "SearchHit",
    "SearchPage",
    "Snippet",
    "Story",
    "StoryArticle",
    "StoryGrowth",
    "changes",
    "index_article",
    "search",
    "stories",
    "story",
]
