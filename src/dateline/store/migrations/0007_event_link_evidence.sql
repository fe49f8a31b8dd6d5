-- Event links become evidence: how many content words the two mentions share, of how many in the shorter one.
-- Whether they report the same happening is decided when reading (events.grouping.linked), so the thresholds can
-- depend on the pair's kind and change without re-ingesting. Links stored before this have no evidence (0, 0)
-- and are ignored; re-ingest into a new database to link them again.
ALTER TABLE event_links ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_links ADD COLUMN smaller INTEGER NOT NULL DEFAULT 0;
