-- The audit trail. Append-only: triggers refuse UPDATE and DELETE. Each row's hash covers the
-- previous row's hash and its own content, so `rekrut audit verify` finds edited, inserted and
-- deleted rows.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    occurred_at BIGINT NOT NULL,
    actor_user_id BIGINT,
    actor_name TEXT NOT NULL,
    institution_id BIGINT,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    request_id TEXT NOT NULL,
    ip TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_institution ON audit_events (institution_id, occurred_at);
CREATE INDEX audit_events_by_actor ON audit_events (actor_user_id, occurred_at);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
