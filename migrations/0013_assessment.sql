-- Assessment: the case's screening methods and scorecard, the committee's conflict declarations,
-- marks, scores, notes and tags, and the lifting of anonymity in an anonymised first round.
--
-- Erasure: notes and the comments of marks are sealed under the application's data key
-- (application_keys), stored as hexadecimal text; every row here that names an application is
-- deleted with it.
--
-- The access log (0010) gains the action view_text: the committee read an attachment's extracted text
-- (in an anonymised round, masked).

-- The screening methods of a case (a case without a row uses the defaults: individual assessment and
-- knockout screening).
CREATE TABLE case_screening (
    case_id BIGINT PRIMARY KEY REFERENCES recruitment_cases(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    individual INTEGER NOT NULL DEFAULT 1,
    scorecard INTEGER NOT NULL DEFAULT 0,
    knockout INTEGER NOT NULL DEFAULT 1,
    anonymous INTEGER NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);

-- The weighted criteria of a case's scorecard, in the order shown.
CREATE TABLE assessment_criteria (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    name TEXT NOT NULL,
    weight INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX assessment_criteria_by_case ON assessment_criteria (case_id, position);

-- Each member's declaration on each application: conflict of interest (1) or none (0).
CREATE TABLE conflict_declarations (
    application_id BIGINT NOT NULL REFERENCES applications(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    conflict INTEGER NOT NULL,
    declared_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, user_id)
);
CREATE INDEX conflict_declarations_by_member ON conflict_declarations (case_id, user_id, conflict);

-- A member's mark of an applicant: yes | maybe | no, with an optional comment (sealed).
CREATE TABLE assessment_marks (
    application_id BIGINT NOT NULL REFERENCES applications(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    mark TEXT NOT NULL,
    sealed_comment TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, user_id)
);
CREATE INDEX assessment_marks_by_member ON assessment_marks (case_id, user_id);

-- A member's score (1–5) of an applicant on one criterion.
CREATE TABLE assessment_scores (
    application_id BIGINT NOT NULL REFERENCES applications(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    criterion_id BIGINT NOT NULL REFERENCES assessment_criteria(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    score INTEGER NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (application_id, user_id, criterion_id)
);
CREATE INDEX assessment_scores_by_member ON assessment_scores (case_id, user_id);

-- What the committee's marks and scores of an application add up to (domain/assessment summarise),
-- rewritten in the transaction that changes a mark or a score, so that the list sorts and filters on
-- it without aggregating. Points and scores in hundredths.
CREATE TABLE assessment_summaries (
    application_id BIGINT PRIMARY KEY REFERENCES applications(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    yes_count INTEGER NOT NULL DEFAULT 0,
    maybe_count INTEGER NOT NULL DEFAULT 0,
    no_count INTEGER NOT NULL DEFAULT 0,
    mark_points INTEGER,
    scorers INTEGER NOT NULL DEFAULT 0,
    score_mean INTEGER,
    score_low INTEGER,
    score_high INTEGER
);

-- Notes of the committee and HR on an application, sealed under the application's data key.
-- sensitive_confirmed: the writer was warned of possible sensitive data and saved anyway.
CREATE TABLE application_notes (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    application_id BIGINT NOT NULL REFERENCES applications(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    sealed_text TEXT NOT NULL,
    sensitive_confirmed INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX application_notes_by_application ON application_notes (application_id, id);

-- Short labels the committee puts on applications, to group and filter them.
CREATE TABLE application_tags (
    application_id BIGINT NOT NULL REFERENCES applications(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (application_id, tag)
);
CREATE INDEX application_tags_by_case ON application_tags (case_id, tag);

-- Applications whose anonymity was lifted in an anonymised first round: from then on the committee
-- sees who the applicant is.
CREATE TABLE anonymity_lifts (
    application_id BIGINT PRIMARY KEY REFERENCES applications(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    lifted_by BIGINT NOT NULL REFERENCES users(id),
    lifted_at BIGINT NOT NULL
);
