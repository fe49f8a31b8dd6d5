-- Articles, their sentences, and the record of every ingest run and rejected record.
CREATE TABLE articles (
    id                  TEXT PRIMARY KEY,          -- content hash of this version
    key                 TEXT NOT NULL,             -- names the article across revisions
    revision            INTEGER NOT NULL DEFAULT 1,
    supersedes          TEXT REFERENCES articles(id),
    title               TEXT,
    text                TEXT NOT NULL,
    url                 TEXT,
    source              TEXT,
    external_id         TEXT,
    published_at        TEXT NOT NULL,             -- ISO 8601, no more precise than the source said
    published_precision TEXT NOT NULL,
    published_tz_known  INTEGER NOT NULL,
    published_day       TEXT NOT NULL,             -- YYYY-MM-DD, for ranges and grouping
    first_seen_at       TEXT NOT NULL,             -- UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ
    origin              TEXT NOT NULL              -- file:line or file#record it was read from
);
CREATE UNIQUE INDEX articles_key_revision ON articles(key, revision);
CREATE INDEX articles_first_seen ON articles(first_seen_at);
CREATE INDEX articles_published ON articles(published_day);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL,
    added       INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    revisions   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE problems (
    run_id   INTEGER NOT NULL REFERENCES ingest_runs(id),
    code     TEXT NOT NULL,
    source   TEXT NOT NULL,
    location TEXT NOT NULL,
    reason   TEXT NOT NULL
);
