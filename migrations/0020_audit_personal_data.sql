-- Personal data in the audit trail is sealed under a key per person (ADR 0009): a value in an event
-- that names a person (the actor's name and address, a user's name and e-mail, a case's contact
-- persons) is stored as "sealed1:<subject>:<hex>", encrypted under the subject's key, and the chain
-- hashes that text. Erasing the person deletes the key: the events still say what happened, when and
-- by whom (as an id), the chain still verifies, and the value can no longer be read.
--
-- The keys of users ("user:<id>"), of cases' contact persons ("case:<id>") and of the addresses of
-- visitors who were not signed in ("visitor:<YYYY-MM>"), wrapped under the installation key. An
-- application's own data key (application_keys) is the key of "application:<id>". A row whose
-- wrapped_key is NULL is a key that was destroyed.
CREATE TABLE audit_subject_keys (
    subject TEXT PRIMARY KEY,
    wrapped_key {{blob}},
    created_at BIGINT NOT NULL,
    destroyed_at BIGINT
);

-- Events written before this migration hold personal data in plain text. The first process to start
-- after migrating seals them and computes the chain again, once (services/audit_personal.hpp); this
-- row records that it happened.
CREATE TABLE audit_sealing (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sealed_through BIGINT,
    sealed_at BIGINT
);
INSERT INTO audit_sealing (id, sealed_through, sealed_at) VALUES (1, NULL, NULL);

-- When a user was deactivated (or locked, or activated again), and when the account was erased: a
-- deactivated user is erased a set time after deactivation (retention_settings.users_months).
ALTER TABLE users ADD COLUMN status_changed_at BIGINT;
ALTER TABLE users ADD COLUMN erased_at BIGINT;
ALTER TABLE retention_settings ADD COLUMN users_months INTEGER NOT NULL DEFAULT 6;

-- The register of data-subject requests (GDPR articles 15 and 17): what was asked, by which channel,
-- when, who handled it and the outcome, per application concerned. It names no person: the application
-- id goes when the application is erased, the rest stays as the proof that requests are answered.
CREATE TABLE data_requests (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    application_id BIGINT,
    case_id BIGINT,
    outcome TEXT NOT NULL,
    handled_by BIGINT REFERENCES users(id),
    received_at BIGINT NOT NULL
);
CREATE INDEX data_requests_by_institution ON data_requests (institution_id, received_at);

-- When the applicant was reminded that the consent to keep the application for future positions ends
-- (with a link to renew it); NULL again when renewed.
ALTER TABLE applications ADD COLUMN keep_reminded_at BIGINT;
