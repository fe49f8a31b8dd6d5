-- Deciding entities again from a sighting on (a backfill, an override, a rebuild) commits as it goes, a slice of
-- the store at a time, so that one over a big store neither holds all it rewrites in one transaction (a rebuild
-- of a million articles had written 7.9 GB of WAL before it had cleared the old decisions) nor loses it all
-- when killed. `redo_from`: the sighting from which groups are still to be decided again (NULL: none), which the
-- next run of the same work goes on from.
ALTER TABLE entity_history_state ADD COLUMN redo_from TEXT;

-- The groups such a redo undid, with the entity whose stored summary counted each (`counted`), until their
-- summaries are settled: kept where a group is decided into the same entity again, summed again where not.
CREATE TABLE entity_rewound (
    article_id TEXT NOT NULL,
    local      INTEGER NOT NULL,
    entity_id  INTEGER,
    counted    INTEGER NOT NULL,
    PRIMARY KEY (article_id, local)
) WITHOUT ROWID;
