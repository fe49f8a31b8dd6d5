"""`/api/stats`: what the store holds as of a date."""

from __future__ import annotations

from fastapi import APIRouter

from dateline.api.models import Stats
from dateline.api.params import AsOf, Conn
from dateline.asof import as_of_bound
from dateline.store.stats import corpus_stats

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=Stats, summary="Corpus statistics")
def stats(conn: Conn, as_of: AsOf = None) -> Stats:
    """Articles (latest revision of each), sources, publication range and articles per month, as of `as_of`."""
    figures = corpus_stats(conn, as_of)
    bound = as_of_bound(as_of)
    if bound is not None:  # count only the versions known then, so the answer leaks nothing seen later
        figures["versions"] = conn.execute("SELECT count(*) FROM articles WHERE first_seen_at <= ?",
                                           (bound,)).fetchone()[0]
    return Stats(**figures)
