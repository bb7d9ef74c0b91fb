-- Full-text search over applications (store/search_index): one document per application, the
-- applicant's fields, answers and extracted attachment texts joined by the application service.
--
-- An FTS5 table with the tokenizer `danish` (unicode61 with æ, ø and å kept as letters, then
-- Snowball's Danish stemmer), registered by Rekrut on every connection it opens; the sqlite3 shell
-- does not know it and cannot read this table. The rowid is the application's id.
--
-- scope holds the tokens "i<institution id> c<case id>", so that the institution and the cases a
-- search may see are part of the full-text query itself: FTS5 intersects their doclists with the
-- words' instead of looking up every matching document of every institution. Its weight in the
-- ranking is 0. institution_id and case_id are stored unindexed as well, for the result and for a
-- second filter in SQL.
CREATE VIRTUAL TABLE application_search USING fts5(
    body,
    scope,
    institution_id UNINDEXED,
    case_id UNINDEXED,
    tokenize = 'danish remove_diacritics 0'
);
INSERT INTO application_search (application_search, rank) VALUES ('rank', 'bm25(1.0, 0.0)');

-- An application's entry goes with it, whoever deletes it.
CREATE TRIGGER application_search_follows_delete AFTER DELETE ON applications
BEGIN
    DELETE FROM application_search WHERE rowid = old.id;
END;
