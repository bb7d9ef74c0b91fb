-- Marks a database that `rekrut anonymise` turned into test data (ADR 0012): one row when it is an
-- anonymised copy, none otherwise. The server shows a notice on every page of such a copy.
CREATE TABLE anonymised_copy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    anonymised_at BIGINT NOT NULL,
    key_fingerprint TEXT NOT NULL
);
