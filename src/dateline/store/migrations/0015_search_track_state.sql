-- How many indexed versions the store held when search's common-word counts were last recounted (`track`), so
-- ingest recounts them again, automatically, each time the index has doubled.
CREATE TABLE search_track_state (
    versions INTEGER NOT NULL
);
