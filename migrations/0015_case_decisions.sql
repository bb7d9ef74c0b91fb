-- The end of a case, under segregation of duties: the hiring decision the Projektleder proposes and
-- another person, the case's Ansættende leder, approves or returns; the request to cancel a case that
-- has applications (the same four eyes); the recorded reason why an applicant who invoked priority
-- access (fortrinsadgang) was not invited to interview; the signed contract and the closing of the
-- case, from which the retention period of its applications runs.
--
-- Erasure: a hiring decision's justification and the approver's comment name the candidate, so they
-- are sealed under the candidate's data key (application_keys) as hexadecimal text, and the decision
-- keeps only its dates and the members' ids once the application is deleted (application_id is set
-- to NULL). A cancellation names no applicant: its reason and comment are plain text. Reserves and
-- priority-access reasons are deleted with their application.

-- kind: hire | cancel. status: proposed | approved | returned.
-- letter_number: the employment letter's reference number within the institution, fixed at approval.
CREATE TABLE case_decisions (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    application_id BIGINT REFERENCES applications(id) ON DELETE SET NULL,
    sealed_justification TEXT NOT NULL DEFAULT '',
    sealed_comment TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    proposed_by BIGINT NOT NULL REFERENCES users(id),
    proposed_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT
);
CREATE INDEX case_decisions_by_case ON case_decisions (institution_id, case_id, id);
-- At most one proposal of each kind waits for approval per case, even when two are made at once.
CREATE UNIQUE INDEX case_decisions_one_pending ON case_decisions (case_id, kind) WHERE status = 'proposed';

-- The reserves of a hiring decision, in order (position from 1).
CREATE TABLE decision_reserves (
    decision_id BIGINT NOT NULL REFERENCES case_decisions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    PRIMARY KEY (decision_id, position)
);

-- Why an applicant who invoked priority access does not meet the formal requirements and is not
-- invited to interview, as the Projektleder recorded it (sealed under the application's data key).
CREATE TABLE priority_access_waivers (
    application_id BIGINT PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    sealed_reason TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL
);

-- contract_signed_on: the date the chosen candidate signed (YYYY-MM-DD), as HR recorded it.
-- closed_at: when the case was closed after its rejections; the retention period runs from it.
ALTER TABLE recruitment_cases ADD COLUMN contract_signed_on TEXT NOT NULL DEFAULT '';
ALTER TABLE recruitment_cases ADD COLUMN closed_at BIGINT;
