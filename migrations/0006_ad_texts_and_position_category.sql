-- Mandatory texts kept with each version of an ad, and the position category of a case.

-- The mandatory texts as they stand in each saved version of an ad: locked texts as the institution
-- wrote them at the time, editable ones as the case's author adapted them. A later change to the
-- institution's text does not change an ad already written.
CREATE TABLE job_ad_version_texts (
    version_id BIGINT NOT NULL REFERENCES job_ad_versions(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    mandatory_text_id BIGINT NOT NULL REFERENCES mandatory_texts(id),
    name TEXT NOT NULL,
    body_source TEXT NOT NULL,
    body_html TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (version_id, mandatory_text_id)
);

-- The position category (stillingskategori) of a case, one of the institution's list.
ALTER TABLE recruitment_cases ADD COLUMN position_category TEXT NOT NULL DEFAULT '';

-- The case list sorted by title or by creation walks these instead of sorting the institution's cases.
CREATE INDEX recruitment_cases_by_title ON recruitment_cases (institution_id, title, id);
CREATE INDEX recruitment_cases_by_creation ON recruitment_cases (institution_id, created_at, id);
