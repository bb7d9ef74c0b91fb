-- Institutions are the tenants. Every later tenant-owned table carries institution_id.
CREATE TABLE institutions (
    id {{id}},
    cvr TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
