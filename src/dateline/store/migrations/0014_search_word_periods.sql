-- Document frequencies of common words by period of first-seen time (see dateline.search.frequencies): a word's
-- as-of document count is then a sum over whole periods plus one FTS5 count over part of a period, instead of a
-- walk over its whole posting list. Empty until `frequencies.track` picks the words; untracked words are counted
-- by FTS5 as before.
CREATE TABLE search_word_periods (
    word   TEXT NOT NULL,                 -- a folded word as FTS5 indexed it
    period INTEGER NOT NULL,              -- doc >> frequencies.PERIOD_SHIFT: 2^20 seconds (about 12 days)
    docs   INTEGER NOT NULL,              -- indexed versions first seen in the period holding the word (any field)
    PRIMARY KEY (word, period)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE search_vocab_rows USING fts5vocab(search_fts, 'row');
