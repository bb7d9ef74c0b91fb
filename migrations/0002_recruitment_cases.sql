-- The recruitment case in its first, minimal shape: enough for the public list of open positions.
-- Times are Unix seconds (UTC) in both dialects.
CREATE TABLE recruitment_cases (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    title TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft',
    place_of_work TEXT NOT NULL DEFAULT '',
    application_deadline BIGINT,
    published_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX recruitment_cases_by_institution ON recruitment_cases (institution_id, state);
CREATE INDEX recruitment_cases_open ON recruitment_cases (state, application_deadline);
