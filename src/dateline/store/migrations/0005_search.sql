-- Full-text search: an FTS5 index over every article version, and the compact per-version facts that make
-- as-of filtering and as-of BM25 statistics cheap (see dateline.search.index).
CREATE TABLE search_docs (
    doc           INTEGER PRIMARY KEY,                 -- the rowid of this version in search_fts; ingest order
    article_id    TEXT NOT NULL UNIQUE REFERENCES articles(id),
    key           TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    first_seen_at TEXT NOT NULL,
    gone_at       TEXT,                                -- first instant a later revision replaces it; NULL if none
    published_day TEXT NOT NULL,
    source        TEXT,
    length        INTEGER NOT NULL                     -- tokens in title and text, for BM25 length normalization
);
CREATE INDEX search_docs_key ON search_docs(key, revision);
CREATE INDEX search_docs_seen ON search_docs(first_seen_at);
CREATE INDEX search_docs_gone ON search_docs(gone_at) WHERE gone_at IS NOT NULL;

-- Per UTC day: how many current versions (and their tokens) appeared minus how many were replaced, so the
-- corpus size and mean length as of any date are a short sum instead of a scan.
CREATE TABLE search_days (
    day    TEXT PRIMARY KEY,
    docs   INTEGER NOT NULL,
    tokens INTEGER NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, source, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'instance');
