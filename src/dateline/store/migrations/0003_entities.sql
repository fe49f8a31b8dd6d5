-- Entities: mentions found in each article, the per-article groups of mentions (one per thing the article names),
-- the corpus-level entities those groups resolve to, the evidence for every cross-article merge, and user overrides.

-- A canonical entity: one real-world thing. `id` is the node id of its earliest group (see doc_entities.node),
-- so the same set of articles always gives the same ids, whatever order they were ingested in.
CREATE TABLE entities (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    type          TEXT NOT NULL,          -- PER, ORG, LOC, WORK, PRODUCT, EVENT, MISC
    mentions      INTEGER NOT NULL DEFAULT 0,   -- in the current revision of each article
    articles      INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,          -- earliest first_seen_at of an article naming it
    first_day     TEXT,                   -- earliest / latest published day of a current article naming it
    last_day      TEXT
);
CREATE INDEX entities_type ON entities(type, mentions);

-- Every surface form an entity goes by, with `norm` the folded lower-case form used for lookups.
CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    norm      TEXT NOT NULL,
    mentions  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_norm ON entity_aliases(norm);

-- One thing named in one article: its mentions share `local`. `node` is a stable id of the group (a hash of
-- article id and local index); `seen_at` copies the article's first_seen_at, for as-of replay.
CREATE TABLE doc_entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local      INTEGER NOT NULL,
    node       INTEGER NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    entity_id  INTEGER,
    PRIMARY KEY (article_id, local)
) WITHOUT ROWID;
CREATE UNIQUE INDEX doc_entities_node ON doc_entities(node);
CREATE INDEX doc_entities_entity ON doc_entities(entity_id);

-- The keys a group links on: two groups sharing a key are the same entity. `base` is the key the name gives;
-- `key` is what is matched after user overrides.
CREATE TABLE doc_entity_keys (
    key        TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local      INTEGER NOT NULL,
    base       TEXT NOT NULL,
    PRIMARY KEY (key, article_id, local)
) WITHOUT ROWID;
CREATE INDEX doc_entity_keys_group ON doc_entity_keys(article_id, local);

CREATE TABLE entity_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL,
    sentence   INTEGER NOT NULL,
    entity_id  INTEGER,
    local      INTEGER NOT NULL,      -- the doc_entities group
    source     TEXT NOT NULL,         -- which detector found it: spacy, site, title, quote, cue, ...
    link       TEXT,                  -- why it joined its group inside the article (NULL: it names the group)
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);

-- Evidence for each cross-article link: group (article_id, local) joined the entity of (other_article, other_local)
-- because both have `key`. `seen_at` is when the later of the two was first seen.
CREATE TABLE entity_links (
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local         INTEGER NOT NULL,
    other_article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_local   INTEGER NOT NULL,
    key           TEXT NOT NULL,
    seen_at       TEXT NOT NULL
);
CREATE INDEX entity_links_group ON entity_links(article_id, local);
CREATE INDEX entity_links_other ON entity_links(other_article, other_local);

-- User corrections, by name so that they survive re-ingest: merge (a, b), split (b out of a), rename (a -> b).
CREATE TABLE entity_overrides (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('merge', 'split', 'rename')),
    a          TEXT NOT NULL,
    b          TEXT NOT NULL,
    created_at TEXT NOT NULL
);
