-- The story indexes and the event word index are keyed by period first: what a new article reads and writes in
-- them then lies in the pages of a few recent periods, which stay in the writer's page cache, instead of one page
-- anywhere in the index for each row (keyed by word or hash value first, each new row dirtied its own page once
-- the index outgrew the cache, so the cost of an article grew with the store).
-- Story indexes: the period is the published day as a date ordinal (Python's date.toordinal) divided by
-- search.clusters.WINDOW_DAYS (21); a story window spans three periods.
CREATE TABLE story_features_by_period (
    period  INTEGER NOT NULL,     -- published day as an ordinal, divided by 21
    feature TEXT NOT NULL,
    day     TEXT NOT NULL,        -- published day of the version
    doc     INTEGER NOT NULL REFERENCES story_docs(doc),
    PRIMARY KEY (period, feature, day, doc)
) WITHOUT ROWID;
INSERT INTO story_features_by_period (period, feature, day, doc)
    SELECT (CAST(julianday(day) AS INTEGER) - 1721424) / 21, feature, day, doc FROM story_features
    ORDER BY 1, 2, 3, 4;
DROP TABLE story_features;
ALTER TABLE story_features_by_period RENAME TO story_features;

CREATE TABLE story_sketches_by_period (
    period INTEGER NOT NULL,      -- published day as an ordinal, divided by 21
    value  INTEGER NOT NULL,
    day    TEXT NOT NULL,         -- published day of the version
    doc    INTEGER NOT NULL REFERENCES story_docs(doc),
    PRIMARY KEY (period, value, day, doc)
) WITHOUT ROWID;
INSERT INTO story_sketches_by_period (period, value, day, doc)
    SELECT (CAST(julianday(day) AS INTEGER) - 1721424) / 21, value, day, doc FROM story_sketches
    ORDER BY 1, 2, 3, 4;
DROP TABLE story_sketches;
ALTER TABLE story_sketches_by_period RENAME TO story_sketches;

-- Event words: the period is the mention's first day (an ordinal) divided by store.events.WORD_PERIOD (32); a
-- look-up spans at most three periods.
CREATE TABLE event_words_by_period (
    period  INTEGER NOT NULL,     -- first, divided by 32
    word    TEXT NOT NULL,
    wide    INTEGER NOT NULL,     -- 1: the mention spans more than one day (a single day is looked up exactly)
    first   INTEGER NOT NULL,     -- event_mentions.earliest, as an ordinal
    mention INTEGER NOT NULL,     -- event_mentions.id
    last    INTEGER NOT NULL,     -- event_mentions.latest, as an ordinal
    n       INTEGER NOT NULL,     -- how many content words the mention has
    head    INTEGER NOT NULL,     -- 1: the word is early enough to find the mention's links to larger mentions
    PRIMARY KEY (period, word, wide, first, mention)
) WITHOUT ROWID;
INSERT INTO event_words_by_period (period, word, wide, first, mention, last, n, head)
    SELECT first / 32, word, wide, first, mention, last, n, head FROM event_words ORDER BY 1, 2, 3, 4, 5;
DROP TABLE event_words;
ALTER TABLE event_words_by_period RENAME TO event_words;
