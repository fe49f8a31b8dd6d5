-- Search by ingest order: `late` marks a version first seen before some version stored ahead of it (a backfill).
-- The versions that are not late have non-decreasing first_seen_at in doc order, so "first seen by X" is a doc-number
-- prefix plus the few late versions, which FTS5 answers with a rowid range (see dateline.search.visibility).
ALTER TABLE search_docs ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
UPDATE search_docs SET late = 1 WHERE doc IN (
    SELECT doc FROM (SELECT doc, first_seen_at, max(first_seen_at) OVER (
        ORDER BY doc ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM search_docs)
    WHERE first_seen_at < before
);
CREATE INDEX search_docs_order ON search_docs(late, first_seen_at);
