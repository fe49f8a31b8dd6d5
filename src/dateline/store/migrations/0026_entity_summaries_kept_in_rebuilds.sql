-- A rebuild (a redo from the first sighting: `rebuild`, `enrich`'s last step) keeps the entity summaries it
-- found until it sums each entity again at its end, instead of dropping them all at its start: readers of a big
-- store kept seeing entities for the hour it takes, not an empty list. `sum_anew`: every summary still to be
-- summed from all its groups (set until the last is), whichever run finishes it.
ALTER TABLE entity_history_state ADD COLUMN sum_anew INTEGER NOT NULL DEFAULT 0;
