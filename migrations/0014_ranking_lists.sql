-- The committee's ranking lists of a case, one per round (to the 1st interview, to the 2nd, the final
-- one), and every saved order of each as a version with its author and time, so that orders can be
-- compared later.
--
-- Erasure: a ranking entry names an application and nothing else; the entries are deleted with the
-- application (ON DELETE CASCADE), so a list's versions keep only the applications that remain. Lists
-- and versions hold no personal data beyond the ids of the members who made and saved them.

-- round: first_interview | second_interview | final.
-- versions: how many versions have been saved; a save raises it first, which also makes concurrent
-- saves of one list take turns.
CREATE TABLE ranking_lists (
    id {{id}},
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    case_id BIGINT NOT NULL REFERENCES recruitment_cases(id),
    name TEXT NOT NULL,
    round TEXT NOT NULL,
    versions INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX ranking_lists_by_case ON ranking_lists (institution_id, case_id, id);

-- One saved order of a list; number counts from 1 within the list.
CREATE TABLE ranking_versions (
    id {{id}},
    ranking_list_id BIGINT NOT NULL REFERENCES ranking_lists(id) ON DELETE CASCADE,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    number INTEGER NOT NULL,
    saved_by BIGINT NOT NULL REFERENCES users(id),
    saved_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ranking_versions_of_list ON ranking_versions (ranking_list_id, number);

-- The applications of a version in their order (position from 1; gaps appear only where an
-- application was erased).
CREATE TABLE ranking_entries (
    version_id BIGINT NOT NULL REFERENCES ranking_versions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    PRIMARY KEY (version_id, position),
    UNIQUE (version_id, application_id)
);
CREATE INDEX ranking_entries_by_application ON ranking_entries (application_id);
