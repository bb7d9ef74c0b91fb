-- Deletion of personal data on time: each institution's retention periods, holds that stop the
-- deletion of a case's applications (a complaint, a lawsuit), and a log of what was deleted, per
-- case and kind, without personal data, for the monthly deletion report.
--
-- applications_months: applications of a closed (or cancelled) case are deleted this many months
-- after it was closed, or when the applicant's consent to keep the application for future positions
-- ends, whichever is later; the hired applicant's application is not deleted by this rule.
-- access_log_months: entries of the access log are deleted this many months after they were made.
CREATE TABLE retention_settings (
    institution_id BIGINT PRIMARY KEY REFERENCES institutions(id),
    applications_months INTEGER NOT NULL DEFAULT 6,
    access_log_months INTEGER NOT NULL DEFAULT 6,
    updated_by BIGINT REFERENCES users(id),
    updated_at BIGINT NOT NULL
);

CREATE TABLE case_holds (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    reason TEXT NOT NULL,
    placed_by BIGINT NOT NULL REFERENCES users(id),
    placed_at BIGINT NOT NULL,
    lifted_by BIGINT REFERENCES users(id),
    lifted_at BIGINT
);
CREATE INDEX case_holds_by_case ON case_holds (institution_id, case_id, lifted_at);

-- kind: applications | access_log. case_id is NULL for access-log entries.
CREATE TABLE deletion_log (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT,
    kind TEXT NOT NULL,
    deleted INTEGER NOT NULL,
    deleted_at BIGINT NOT NULL
);
CREATE INDEX deletion_log_by_institution ON deletion_log (institution_id, deleted_at);

-- Cancelled cases close too: retention runs from then.
UPDATE recruitment_cases SET closed_at = updated_at WHERE state = 'cancelled' AND closed_at IS NULL;
CREATE INDEX recruitment_cases_closed ON recruitment_cases (closed_at);
