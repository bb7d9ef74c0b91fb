-- Institution set-up (units, mandatory texts, ad templates, screening-question templates, lists)
-- and the full recruitment case with its contacts, committee, ad versions and questions.

CREATE TABLE organisation_units (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    parent_id BIGINT REFERENCES organisation_units(id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX organisation_units_by_institution ON organisation_units (institution_id, name);

-- kind: encouragement | salary | presentation | other. The encouragement text is what makes an ad
-- state that all interested are encouraged to apply.
CREATE TABLE mandatory_texts (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other',
    language TEXT NOT NULL DEFAULT 'da',
    body_source TEXT NOT NULL,
    body_html TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 1,
    locked INTEGER NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX mandatory_texts_by_institution ON mandatory_texts (institution_id, language, position);

CREATE TABLE collective_agreements (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    name TEXT NOT NULL
);
CREATE INDEX collective_agreements_by_institution ON collective_agreements (institution_id, name);

CREATE TABLE position_categories (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    name TEXT NOT NULL
);
CREATE INDEX position_categories_by_institution ON position_categories (institution_id, name);

-- The body may use the placeholders {{title}}, {{place_of_work}}, {{salary}}, {{deadline}},
-- {{contact}} and {{mandatory_texts}}.
CREATE TABLE ad_templates (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    name TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'da',
    title TEXT NOT NULL DEFAULT '',
    salary_text TEXT NOT NULL DEFAULT '',
    collective_agreement TEXT NOT NULL DEFAULT '',
    employment_form TEXT NOT NULL DEFAULT 'permanent',
    employment_basis TEXT NOT NULL DEFAULT 'collective_agreement',
    full_time INTEGER NOT NULL DEFAULT 1,
    weekly_hours DOUBLE PRECISION NOT NULL DEFAULT 37,
    body_source TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ad_templates_by_institution ON ad_templates (institution_id, name);

-- kind: yes_no | single_choice | multiple_choice | number | short_text.
-- options: one per line; a line starting with "!" disqualifies (knockout).
CREATE TABLE question_templates (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX question_templates_by_institution ON question_templates (institution_id);

ALTER TABLE recruitment_cases ADD COLUMN unit_id BIGINT REFERENCES organisation_units(id);
ALTER TABLE recruitment_cases ADD COLUMN employment_form TEXT NOT NULL DEFAULT 'permanent';
ALTER TABLE recruitment_cases ADD COLUMN employment_basis TEXT NOT NULL DEFAULT 'collective_agreement';
ALTER TABLE recruitment_cases ADD COLUMN fixed_term_text TEXT NOT NULL DEFAULT '';
ALTER TABLE recruitment_cases ADD COLUMN full_time INTEGER NOT NULL DEFAULT 1;
ALTER TABLE recruitment_cases ADD COLUMN weekly_hours DOUBLE PRECISION NOT NULL DEFAULT 37;
ALTER TABLE recruitment_cases ADD COLUMN salary_text TEXT NOT NULL DEFAULT '';
ALTER TABLE recruitment_cases ADD COLUMN collective_agreement TEXT NOT NULL DEFAULT '';
ALTER TABLE recruitment_cases ADD COLUMN municipality_code TEXT NOT NULL DEFAULT '';
ALTER TABLE recruitment_cases ADD COLUMN occupation_code TEXT NOT NULL DEFAULT '';
ALTER TABLE recruitment_cases ADD COLUMN positions INTEGER NOT NULL DEFAULT 1;
ALTER TABLE recruitment_cases ADD COLUMN expected_start BIGINT;
ALTER TABLE recruitment_cases ADD COLUMN readvertisement INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recruitment_cases ADD COLUMN ad_languages TEXT NOT NULL DEFAULT 'da';
ALTER TABLE recruitment_cases ADD COLUMN template_id BIGINT REFERENCES ad_templates(id);
ALTER TABLE recruitment_cases ADD COLUMN copied_from BIGINT REFERENCES recruitment_cases(id);
ALTER TABLE recruitment_cases ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX recruitment_cases_list ON recruitment_cases (institution_id, application_deadline, id);

CREATE TABLE case_contacts (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_contacts_by_case ON case_contacts (case_id);

-- Every saved version of an ad text is kept; the newest per case and language is current.
-- mandatory_text_ids lists the mandatory texts included, comma-separated, in order.
CREATE TABLE job_ad_versions (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    language TEXT NOT NULL,
    version INTEGER NOT NULL,
    body_source TEXT NOT NULL,
    body_html TEXT NOT NULL,
    mandatory_text_ids TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    UNIQUE (case_id, language, version)
);

CREATE TABLE case_questions (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    template_id BIGINT REFERENCES question_templates(id),
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_questions_by_case ON case_questions (case_id, position);

-- External committee members (for example an employee representative) have a limited account
-- that sees only one case and expires when the case closes.
ALTER TABLE users ADD COLUMN external_case_id BIGINT REFERENCES recruitment_cases(id);
