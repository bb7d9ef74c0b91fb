-- E-mail templates, mailings (one send to many applications) and what the outbox needs to carry
-- them: a kind, the case and application a mail is about, a Message-ID fixed when it is queued, an
-- attachment, and a cancelled state.
--
-- Erasure: the bodies and attachment of a mail about an application are sealed under that
-- application's data key (application_keys), so destroying the key makes them unreadable; the rows
-- are deleted with the application.

-- One row per institution and kind (case_id NULL) for the kinds the institution changed, and one per
-- case and kind for a case's own copy. A kind with no row uses the built-in text.
CREATE TABLE email_templates (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT REFERENCES recruitment_cases(id),
    kind TEXT NOT NULL,
    subject_da TEXT NOT NULL,
    body_da TEXT NOT NULL,
    subject_en TEXT NOT NULL,
    body_en TEXT NOT NULL,
    sets_status TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE UNIQUE INDEX email_templates_of_institution ON email_templates (institution_id, kind)
    WHERE case_id IS NULL;
CREATE UNIQUE INDEX email_templates_of_case ON email_templates (case_id, kind) WHERE case_id IS NOT NULL;

-- A mail sent to several applications at once (or one), with what it set on each when sent.
CREATE TABLE mailings (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    kind TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX mailings_by_case ON mailings (institution_id, case_id, id);

-- kind: account (sign-in, reset, welcome), or an e-mail template kind.
-- message_id: the left part of the Message-ID, fixed when queued, so every attempt carries the same.
-- sets_status: the application status set in the transaction that records the mail as sent.
-- cancelled_at: not sent, because the mailing was cancelled, or (with last_error naming the merge
-- field) because a merge field had no value for this recipient.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'account';
ALTER TABLE outbox ADD COLUMN case_id BIGINT REFERENCES recruitment_cases(id);
ALTER TABLE outbox ADD COLUMN application_id BIGINT REFERENCES applications(id);
ALTER TABLE outbox ADD COLUMN mailing_id BIGINT REFERENCES mailings(id);
ALTER TABLE outbox ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN sets_status TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attachment_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attachment_type TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attachment TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN cancelled_at BIGINT;
CREATE INDEX outbox_by_application ON outbox (application_id, id);
CREATE INDEX outbox_by_mailing ON outbox (mailing_id, id);
