-- Off-boarding of an institution (service description 2.3, services/operations/offboarding.*): an
-- operator asks with a reason, a second operator approves or rejects, the approver downloads the
-- institution's export once and then deletes its data. The request keeps its deletion report (counts
-- per kind, no personal data). The institution's row stays as a tombstone so that its audit events
-- still name it; offboarded_at marks it.
ALTER TABLE institutions ADD COLUMN offboarded_at BIGINT;

CREATE TABLE institution_offboardings (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    reason TEXT NOT NULL,
    -- pending | rejected | approved | exported | deleted
    state TEXT NOT NULL DEFAULT 'pending',
    requested_by BIGINT NOT NULL REFERENCES users(id),
    requested_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT,
    exported_at BIGINT,
    -- The newest audit event of the institution when its export was read: a later one (other than the
    -- off-boarding's own) means its data changed after the export, and the export must be taken again.
    exported_through BIGINT,
    deleted_at BIGINT,
    report TEXT NOT NULL DEFAULT ''
);
CREATE INDEX institution_offboardings_institution ON institution_offboardings (institution_id);
