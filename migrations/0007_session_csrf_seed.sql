-- A random value per session that its CSRF token is derived from (a keyed hash), so that a token
-- belongs to one session only, also when a database reuses the id of a session that has ended.
ALTER TABLE sessions ADD COLUMN csrf_seed TEXT NOT NULL DEFAULT '';
