-- Events: every sentence's dated event mentions, and the pairwise "same happening" links that group them.
-- Events themselves are not stored: they are the connected components of the links among the mentions known as
-- of a date, so an as-of read equals what a store that only saw those articles would hold.
CREATE TABLE event_mentions (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,             -- sentences.idx
    k          INTEGER NOT NULL,             -- 0.. the dates one sentence is about
    earliest   TEXT NOT NULL,                -- YYYY-MM-DD, inclusive
    latest     TEXT NOT NULL,                -- YYYY-MM-DD, inclusive
    width      INTEGER NOT NULL,             -- days in [earliest, latest]
    value      TEXT NOT NULL,                -- TIMEX3 value (or the publication date)
    precision  TEXT NOT NULL,                -- day, week, month, quarter, season, year, ...
    rule       TEXT NOT NULL,                -- timex | published: where the date came from
    timex_idx  INTEGER,                      -- timexes.idx of the expression, for rule = timex
    future     INTEGER NOT NULL,             -- the date lies after the article's publication: a scheduled event
    terms      TEXT NOT NULL                 -- content words, space-separated, for grouping
);
CREATE UNIQUE INDEX event_mentions_key ON event_mentions(article_id, sentence, k);
CREATE INDEX event_mentions_day ON event_mentions(earliest);

CREATE TABLE event_links (
    a INTEGER NOT NULL REFERENCES event_mentions(id) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES event_mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX event_links_b ON event_links(b);
