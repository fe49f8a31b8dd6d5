-- Duplicates are looked for among versions published at most `search.clusters.WINDOW_DAYS` days apart, as story
-- links are: a sketch value common to many texts (boilerplate) then costs each new version the versions of its
-- window, not every version stored. The sketch index gains the published day, and duplicate links further apart
-- (made before this rule) go, so a migrated store holds the links a new one would.
CREATE TABLE story_sketches_by_day (
    value INTEGER NOT NULL,
    day   TEXT NOT NULL,          -- published day of the version
    doc   INTEGER NOT NULL REFERENCES story_docs(doc),
    PRIMARY KEY (value, day, doc)
) WITHOUT ROWID;
INSERT INTO story_sketches_by_day (value, day, doc)
    SELECT s.value, d.published_day, s.doc FROM story_sketches s JOIN search_docs d ON d.doc = s.doc;
DROP TABLE story_sketches;
ALTER TABLE story_sketches_by_day RENAME TO story_sketches;
DELETE FROM story_links WHERE kind = 'duplicate' AND abs(
    julianday((SELECT published_day FROM search_docs WHERE doc = story_links.a))
    - julianday((SELECT published_day FROM search_docs WHERE doc = story_links.b))) > 21;
