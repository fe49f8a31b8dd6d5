-- Time expressions found in each article (TIMEX3), with the day interval each value can mean.
CREATE TABLE timexes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,          -- order in the article
    start      INTEGER NOT NULL,          -- character offsets into articles.text
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,             -- DATE, TIME, DURATION, SET
    value      TEXT NOT NULL,             -- TIMEX3 value
    mod        TEXT,
    quant      TEXT,
    freq       TEXT,
    anchor     TEXT NOT NULL,             -- ISO date the value was resolved against
    earliest   TEXT,                      -- inclusive day bounds (YYYY-MM-DD) of the value; NULL if none
    latest     TEXT,
    sentence   INTEGER,                   -- index of the sentence holding the expression
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX timexes_interval ON timexes(earliest, latest);
