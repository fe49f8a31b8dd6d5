-- Event linking finds candidate pairs through an index of words instead of reading every stored mention of the
-- days it touches (which, as dates in new sentences point anywhere in the past, soon meant the whole store).
-- Each mention at most a month wide is indexed under the first words of its content words in one fixed order
-- (rarest first; see dateline.events.corpus): enough of them that any two mentions sharing as many words as a
-- link needs share an indexed word. Days are proleptic Gregorian ordinals (Python's date.toordinal).
CREATE TABLE event_words (
    word    TEXT NOT NULL,
    wide    INTEGER NOT NULL,      -- 1: the mention spans more than one day (a single day is looked up exactly)
    first   INTEGER NOT NULL,      -- event_mentions.earliest, as an ordinal
    mention INTEGER NOT NULL,      -- event_mentions.id
    last    INTEGER NOT NULL,      -- event_mentions.latest, as an ordinal
    n       INTEGER NOT NULL,      -- how many content words the mention has
    head    INTEGER NOT NULL,      -- 1: the word is early enough to find the mention's links to larger mentions
    PRIMARY KEY (word, wide, first, mention)
) WITHOUT ROWID;

-- 1 once every stored mention is in event_words; a store that had mentions before this migration gets them
-- indexed by its next ingest, in the first batch.
CREATE TABLE event_words_state (
    complete INTEGER NOT NULL
);
INSERT INTO event_words_state (complete) SELECT NOT EXISTS (SELECT 1 FROM event_mentions);
