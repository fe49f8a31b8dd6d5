-- The API's article listing walks the versions current as of a date newest publication day first, through the
-- slim search_docs rows (never the big articles rows), with (published_day, article_id) as its stable cursor.
CREATE INDEX search_docs_published ON search_docs(published_day, article_id);
