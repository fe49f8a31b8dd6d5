-- Number search docs by when they were first seen instead of by ingest order (replaces 0009's `late` marks):
-- doc = unix seconds of first_seen_at * 2^24 + a sequence within that second. "First seen by X" is then a doc range
-- whatever order a backfill stored articles in, which FTS5 answers natively (see dateline.search.visibility).
PRAGMA defer_foreign_keys = ON;
DROP INDEX search_docs_order;
ALTER TABLE search_docs DROP COLUMN late;

CREATE TEMP TABLE search_renumber AS
SELECT doc AS old, unixepoch(substr(first_seen_at, 1, 19)) * 16777216
       + row_number() OVER (PARTITION BY substr(first_seen_at, 1, 19) ORDER BY doc) - 1 AS new
FROM search_docs;

UPDATE search_docs SET doc = -doc;
UPDATE search_docs SET doc = (SELECT new FROM search_renumber WHERE old = -search_docs.doc);
UPDATE story_docs SET doc = (SELECT new FROM search_renumber WHERE old = story_docs.doc);
UPDATE story_features SET doc = (SELECT new FROM search_renumber WHERE old = story_features.doc);
UPDATE story_sketches SET doc = (SELECT new FROM search_renumber WHERE old = story_sketches.doc);
UPDATE story_links SET a = (SELECT new FROM search_renumber WHERE old = story_links.a),
                       b = (SELECT new FROM search_renumber WHERE old = story_links.b);

INSERT INTO search_fts (search_fts) VALUES ('delete-all');
INSERT INTO search_fts (rowid, title, body, source)
SELECT d.doc, coalesce(a.title, ''), a.text, coalesce(a.source, '') FROM search_docs d JOIN articles a ON a.id = d.article_id;
DROP TABLE search_renumber;
