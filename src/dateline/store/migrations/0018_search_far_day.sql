-- Versions published more than `search.published.NEAR_DAYS` days away from the day they were first seen (backfills,
-- old copies): few in a store that takes articles as they come out, so the matches published in a date range are
-- read from the docs first seen those days (a rowid range FTS5 walks without reading search_docs), corrected by
-- these and by the docs seen within two days of the range's ends (see dateline.search.published).
CREATE INDEX search_docs_far_day ON search_docs(doc)
    WHERE abs(julianday(published_day) - julianday(substr(first_seen_at, 1, 10))) > 2;
