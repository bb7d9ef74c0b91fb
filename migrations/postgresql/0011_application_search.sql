-- Full-text search over applications (store/search_index): one document per application, the
-- applicant's fields, answers and extracted attachment texts joined by the application service.
--
-- document is body under the text-search configuration danish (Snowball's Danish stemmer and stop
-- words), kept by PostgreSQL itself; searches filter on the institution and case with the b-tree and
-- match with the GIN index. An application's entry goes with it (ON DELETE CASCADE).
CREATE TABLE application_search (
    application_id BIGINT PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    body TEXT NOT NULL,
    document tsvector GENERATED ALWAYS AS (to_tsvector('danish', body)) STORED
);
CREATE INDEX application_search_document ON application_search USING GIN (document);
CREATE INDEX application_search_scope ON application_search (institution_id, case_id);
