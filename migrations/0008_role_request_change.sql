-- A role request asks for a role to be granted or taken away. Requests for the Superbruger role,
-- both ways, are carried out by the platform operator; the requests until now were all grants.
ALTER TABLE role_requests ADD COLUMN change TEXT NOT NULL DEFAULT 'grant';
