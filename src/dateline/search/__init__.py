"""Point-in-time search: ranked full-text search as of a date, story clusters, and what changed between dates."""

from dateline.search.fulltext import SearchHit, SearchPage, search
from dateline.search.index import index_article
from dateline.search.snippets import Snippet

__all__ = ["SearchHit", "SearchPage", "Snippet", "index_article", "search"]
