-- An entity's stored summary (name, type, counts, aliases, days) is brought up to date by adding what its groups
-- not yet counted in it bring, instead of being summed again from all of its mentions whenever one more article
-- names it: that cost grew with the entity, so an entity named in a tenth of the articles made ingest quadratic.
-- `counted`: the stored summary of the group's entity includes this group. The partial index lists the groups
-- still to add.
ALTER TABLE doc_entities ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX doc_entities_uncounted ON doc_entities(entity_id) WHERE counted = 0;

-- The names and types an entity's counted groups go by, with how many groups each: what its name and type are
-- chosen from.
CREATE TABLE entity_names (
    entity_id INTEGER NOT NULL,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    groups    INTEGER NOT NULL,
    PRIMARY KEY (entity_id, name, type)
) WITHOUT ROWID;

INSERT INTO entity_names (entity_id, name, type, groups)
    SELECT entity_id, name, type, count(*) FROM doc_entities WHERE entity_id IN (SELECT id FROM entities)
    GROUP BY entity_id, name, type;
UPDATE doc_entities SET counted = 1 WHERE entity_id IN (SELECT id FROM entities);
