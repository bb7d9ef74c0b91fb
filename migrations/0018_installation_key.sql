-- The fingerprint of the installation's secret key (core::SecretKey::fingerprint), so that a node
-- started with another key file is refused before it writes anything the other nodes cannot read.
--
-- One row at most (id is always 1). The first start after migrating inserts it with
-- INSERT ... ON CONFLICT DO NOTHING and reads it back, so of two processes starting at once on an
-- empty database exactly one key is recorded and the other process stops, naming both fingerprints.
-- A database that already holds data written with a key (upgraded from before this migration) gets
-- the fingerprint only after the key has been shown to open that data.
CREATE TABLE installation_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,
    recorded_at BIGINT NOT NULL
);
