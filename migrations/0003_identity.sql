-- Users, roles, sessions, login throttling, password resets, outgoing mail and operator access.
-- institution_id is NULL only for the platform operator.
CREATE TABLE users (
    id {{id}},
    institution_id BIGINT REFERENCES institutions(id),
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    is_operator INTEGER NOT NULL DEFAULT 0,
    totp_secret TEXT,
    totp_enabled INTEGER NOT NULL DEFAULT 0,
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    totp_enabled_at BIGINT,
    last_login_at BIGINT,
    rights_changed_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by BIGINT
);
CREATE INDEX users_by_institution ON users (institution_id, name);

-- Superbruger and Administrator, granted per institution.
CREATE TABLE institution_roles (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    granted_by BIGINT,
    approved_by BIGINT,
    granted_at BIGINT NOT NULL,
    UNIQUE (user_id, role)
);
CREATE INDEX institution_roles_by_institution ON institution_roles (institution_id, role);

-- Grants of Superbruger/Administrator waiting for a second Superbruger.
CREATE TABLE role_requests (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    requested_by BIGINT NOT NULL REFERENCES users(id),
    requested_at BIGINT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    decided_by BIGINT,
    decided_at BIGINT
);
CREATE INDEX role_requests_by_institution ON role_requests (institution_id, state);

-- Projektleder, Projektdeltager and Ansættende leder, granted per recruitment case.
CREATE TABLE case_roles (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    granted_by BIGINT,
    granted_at BIGINT NOT NULL,
    UNIQUE (case_id, user_id, role)
);
CREATE INDEX case_roles_by_user ON case_roles (user_id);

-- Only the hash of the session token is stored.
CREATE TABLE sessions (
    id {{id}},
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    mfa_passed INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    rotated_at BIGINT NOT NULL,
    ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE recovery_codes (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

-- Failed logins per key ("account:<email>" or "ip:<address>").
CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL
);

CREATE TABLE password_resets (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- Mail is written here in the same transaction as the change that causes it; a background
-- sender delivers it. claimed_until lets several server instances share the work.
CREATE TABLE outbox (
    id {{id}},
    institution_id BIGINT REFERENCES institutions(id),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt_at);

-- Time-limited access of the platform operator to one institution's data.
CREATE TABLE operator_access (
    id {{id}},
    operator_user_id BIGINT NOT NULL REFERENCES users(id),
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    reason TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE INDEX operator_access_by_operator ON operator_access (operator_user_id, expires_at);
