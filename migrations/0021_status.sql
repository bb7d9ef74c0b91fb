-- The status page (service description section 4): the platform operator's notices of incidents and
-- service windows with their updates, and the samples of the availability probe.
--
-- kind: incident | service_window. ends_at is a window's end, or an incident's expected time horizon
-- (NULL when not known). resolved_at ends an incident, or cancels or ends a window early.
-- The texts are the operator's words about the service; they hold no personal data.
CREATE TABLE service_notices (
    id {{id}},
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    affected TEXT NOT NULL,
    actions TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT,
    resolved_at BIGINT,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX service_notices_by_start ON service_notices (starts_at);

CREATE TABLE service_notice_updates (
    id {{id}},
    notice_id BIGINT NOT NULL REFERENCES service_notices(id),
    text TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX service_notice_updates_by_notice ON service_notice_updates (notice_id, id);

-- One row per minute of the service hours (Unix minute = seconds / 60), whichever node records it
-- first; ok is 1 when some node could serve in that minute (a later node that could serve raises a 0
-- to 1). A minute without a row is one in which no node reached the database.
CREATE TABLE availability_samples (
    minute BIGINT PRIMARY KEY,
    ok INTEGER NOT NULL
);

-- Settings the platform operator changes at run time, for every node: each node reads them again
-- every few seconds. name: log.level (trace | debug | info | warn | error | off).
CREATE TABLE runtime_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    changed_by BIGINT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL
);

-- The platform operator's reviews of an institution's administrator rights (table 5.2): who reviewed,
-- when, the outcome (no_changes | changes_made | changes_requested) and a note.
CREATE TABLE administrator_rights_reviews (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    reviewed_by BIGINT NOT NULL REFERENCES users(id),
    reviewed_at BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX administrator_rights_reviews_by_institution ON administrator_rights_reviews (institution_id, reviewed_at);
