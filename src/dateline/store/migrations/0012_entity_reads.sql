-- Entity reads as of a date: the groups first seen after it (the entities a later article changed) are found
-- through an index instead of a scan of every group. The never-written `entity_links` table goes: why groups are
-- one entity is computed from their keys when read (`entities.resolve.evidence`).
CREATE INDEX doc_entities_seen ON doc_entities(seen_at, entity_id);
DROP TABLE entity_links;
