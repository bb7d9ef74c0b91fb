-- A change of a user's e-mail address waits here until the new address confirms it with the mailed
-- link; only the hash of the link's token is stored. used_at is set when the link is followed or a
-- newer change replaces it.
CREATE TABLE email_changes (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    new_email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    requested_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_changes_by_user ON email_changes (user_id);
