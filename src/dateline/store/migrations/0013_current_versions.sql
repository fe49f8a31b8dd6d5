-- "The latest revision of this key known as of X" (store.articles.current_filter) is asked once per joined row
-- by every as-of read; with first_seen_at in the index it is answered from the index alone, without reading the
-- article rows (whose first_seen_at lies past the text, on overflow pages).
CREATE INDEX articles_key_revision_seen ON articles(key, revision, first_seen_at);
