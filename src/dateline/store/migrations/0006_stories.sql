-- Story clusters. Each article version gets, when it arrives, its story features (names and title words) and a
-- bottom-k MinHash sketch of its word shingles; it is then compared with every version stored before it and a link
-- is recorded for each pair that passes a fixed, symmetric test (see dateline.search.clusters). Stories are the
-- connected components of the links among the versions current as of a date, so they depend only on the set of
-- articles known then, never on ingest order.
CREATE TABLE story_docs (
    doc      INTEGER PRIMARY KEY REFERENCES search_docs(doc),
    features TEXT NOT NULL,       -- '|'-separated folded names and title words
    sketch   TEXT NOT NULL        -- space-separated bottom-k shingle hashes, ascending
);

CREATE TABLE story_features (
    feature TEXT NOT NULL,
    day     TEXT NOT NULL,        -- published day of the version
    doc     INTEGER NOT NULL REFERENCES story_docs(doc),
    PRIMARY KEY (feature, day, doc)
) WITHOUT ROWID;

CREATE TABLE story_sketches (
    value INTEGER NOT NULL,
    doc   INTEGER NOT NULL REFERENCES story_docs(doc),
    PRIMARY KEY (value, doc)
) WITHOUT ROWID;

-- `a` is the later-stored version of the pair. kind: 'story' (same story) or 'duplicate' (a near-copy: syndicated
-- text or an update published as a new article).
CREATE TABLE story_links (
    a          INTEGER NOT NULL REFERENCES story_docs(doc),
    b          INTEGER NOT NULL REFERENCES story_docs(doc),
    kind       TEXT NOT NULL CHECK (kind IN ('story', 'duplicate')),
    similarity REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX story_links_b ON story_links(b);
