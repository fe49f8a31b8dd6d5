-- A backfill undoes the entity decisions made since its earliest sighting (`store.entities.rewind`): it finds them
-- by time, the groups first seen since and the earlier ones moved since, instead of reading every group of every
-- entity they touched (most of a store whose companies are named all through it). Rows come in sighting order,
-- so the index grows at its end.
CREATE INDEX entity_history_since ON entity_history(since);
