-- `events.corpus` now finds a candidate pair through as many indexed words as the fewest any link needs (3, was 2),
-- so each mention indexes one word more: the index is emptied and rebuilt by the next ingest (its first batch), as
-- for a store made before migration 0016.
DELETE FROM event_words;
UPDATE event_words_state SET complete = NOT EXISTS (SELECT 1 FROM event_mentions);
