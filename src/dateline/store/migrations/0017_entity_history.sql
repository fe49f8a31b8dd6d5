-- Entity reads as of a date look decisions up instead of replaying them: for each article-local group, the entity
-- it belonged to from `since` on (a first_seen_at; until its next row), one row when it was first resolved and one
-- more each time a later group joined its entity to an earlier one. As of X, a group belongs to the entity of its
-- latest row with since <= X.
CREATE TABLE entity_history (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local      INTEGER NOT NULL,
    since      TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    PRIMARY KEY (article_id, local, since)
) WITHOUT ROWID;

-- 1 once every resolved group has its history; a store that had resolved groups before this migration gets it
-- on its next rebuild (after any override) and is read by replaying the decisions until then.
CREATE TABLE entity_history_state (
    complete INTEGER NOT NULL
);
INSERT INTO entity_history_state (complete) SELECT NOT EXISTS (SELECT 1 FROM doc_entities WHERE entity_id IS NOT NULL);

-- Finding an entity by a link key it goes by (`dateline entity "Dead Reckoning Part Two"`) reads the key's groups.
CREATE INDEX doc_entity_keys_base ON doc_entity_keys(base);
