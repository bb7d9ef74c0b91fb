-- Applications for published positions, their answers and attachments, the applicant's self-service
-- links and the access log of who saw which application.
--
-- Erasure: an application's files and extracted texts are encrypted under a data key of its own,
-- kept wrapped in application_keys. Deleting that row first makes the bytes unreadable wherever a
-- copy survives; the rows themselves are deleted with the application.

-- status: received | withdrawn | in_assessment | invited | offered | hired | rejected.
-- channel: online | paper | email (the last two registered by HR with the date received).
-- keep_until: the applicant's consent to keep the application for future positions ends then.
CREATE TABLE applications (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    status TEXT NOT NULL DEFAULT 'received',
    channel TEXT NOT NULL DEFAULT 'online',
    language TEXT NOT NULL DEFAULT 'da',
    full_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    cover_letter TEXT NOT NULL DEFAULT '',
    consent_processing INTEGER NOT NULL DEFAULT 0,
    keep_until BIGINT,
    consent_contact INTEGER NOT NULL DEFAULT 0,
    priority_access INTEGER NOT NULL DEFAULT 0,
    exclude_from_list INTEGER NOT NULL DEFAULT 0,
    knocked_out INTEGER NOT NULL DEFAULT 0,
    received_at BIGINT NOT NULL,
    on_time INTEGER NOT NULL DEFAULT 1,
    registered_by BIGINT REFERENCES users(id),
    idempotency_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    deletion_requested_at BIGINT
);
CREATE UNIQUE INDEX applications_once ON applications (case_id, idempotency_key);
CREATE INDEX applications_by_case ON applications (institution_id, case_id, received_at);
CREATE INDEX applications_by_email ON applications (email);

-- The application's data key, sealed with a key derived from the installation's secret key.
CREATE TABLE application_keys (
    application_id BIGINT PRIMARY KEY REFERENCES applications(id),
    wrapped_key {{blob}} NOT NULL
);

CREATE TABLE application_answers (
    application_id BIGINT NOT NULL REFERENCES applications(id),
    question_id BIGINT NOT NULL REFERENCES case_questions(id),
    answer TEXT NOT NULL,
    PRIMARY KEY (application_id, question_id)
);

-- kind: cover_letter | cv | other. The file's bytes are in attachment_chunks, encrypted as one
-- XChaCha20-Poly1305 secretstream whose header is stream_header; text_status: pending | done |
-- failed | none, with the reason of a failure in text_error (never fatal for the application).
CREATE TABLE application_attachments (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    application_id BIGINT NOT NULL REFERENCES applications(id),
    kind TEXT NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    stream_header {{blob}} NOT NULL,
    chunk_count INTEGER NOT NULL,
    text_status TEXT NOT NULL DEFAULT 'pending',
    text_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX application_attachments_by_application ON application_attachments (application_id);
CREATE INDEX application_attachments_pending ON application_attachments (text_status);

CREATE TABLE attachment_chunks (
    attachment_id BIGINT NOT NULL REFERENCES application_attachments(id),
    seq INTEGER NOT NULL,
    data {{blob}} NOT NULL,
    PRIMARY KEY (attachment_id, seq)
);

-- The text extracted from an attachment, encrypted under the application's data key.
CREATE TABLE attachment_texts (
    attachment_id BIGINT PRIMARY KEY REFERENCES application_attachments(id),
    sealed_text {{blob}} NOT NULL
);

-- The applicant's personal links; only the hash of the token is stored.
CREATE TABLE application_links (
    id {{id}},
    application_id BIGINT NOT NULL REFERENCES applications(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX application_links_by_application ON application_links (application_id);

-- Who saw which application or downloaded which file, apart from the change audit trail. No
-- reference to the application, so that the entry outlives its deletion until its own retention.
-- actor: a user's id, or NULL for the applicant through a personal link.
-- action: view | download | applicant_view | applicant_download | applicant_export.
CREATE TABLE access_log (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    attachment_id BIGINT,
    user_id BIGINT,
    action TEXT NOT NULL,
    client_ip TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL
);
CREATE INDEX access_log_by_institution ON access_log (institution_id, at);
CREATE INDEX access_log_by_application ON access_log (application_id, at);
