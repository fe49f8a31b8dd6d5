-- A lone name ("Cruise") or a surname links by context only to groups in articles published at most
-- `entities.context.NEAR_DAYS` apart: two reports of one story. This index lists the groups holding such a key
-- by the published day of their article, so that a new group reads the holders of its names in the days around
-- its own, not all of them: a surname in every tenth article made ingest quadratic. Triggers keep it in step with
-- `doc_entity_keys`, whichever way its rows are written.
CREATE TABLE weak_keys (
    key        TEXT NOT NULL,
    day        TEXT NOT NULL,
    article_id TEXT NOT NULL,
    local      INTEGER NOT NULL,
    PRIMARY KEY (key, day, article_id, local)
) WITHOUT ROWID;

INSERT INTO weak_keys (key, day, article_id, local)
    SELECT k.key, a.published_day, k.article_id, k.local FROM doc_entity_keys k JOIN articles a ON a.id = k.article_id
    WHERE substr(k.key, 1, 5) = 'per1:' OR substr(k.key, 1, 4) = 'sur:';

CREATE TRIGGER weak_keys_added AFTER INSERT ON doc_entity_keys
    WHEN substr(new.key, 1, 5) = 'per1:' OR substr(new.key, 1, 4) = 'sur:'
BEGIN
    INSERT OR IGNORE INTO weak_keys (key, day, article_id, local)
        SELECT new.key, published_day, new.article_id, new.local FROM articles WHERE id = new.article_id;
END;

CREATE TRIGGER weak_keys_removed AFTER DELETE ON doc_entity_keys
    WHEN substr(old.key, 1, 5) = 'per1:' OR substr(old.key, 1, 4) = 'sur:'
BEGIN
    DELETE FROM weak_keys WHERE key = old.key AND article_id = old.article_id AND local = old.local
        AND day = (SELECT published_day FROM articles WHERE id = old.article_id);
END;
