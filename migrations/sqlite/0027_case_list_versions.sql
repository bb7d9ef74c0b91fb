-- A number per institution that changes, in the same transaction, with every change to its cases, to
-- who has a role on them and to its organisation units: what the case list shows besides the page. The
-- list's count and the units are kept in memory under the number they were read at
-- (services/recruitment_case/case_list_cache): counting thousands of cases on every page was the
-- largest part of a signed-in start page. Kept by triggers, so no writer can forget it. No personal data.
CREATE TABLE case_list_versions (
    institution_id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL
);

CREATE TRIGGER case_list_follows_case_insert AFTER INSERT ON recruitment_cases BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (NEW.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_case_update AFTER UPDATE ON recruitment_cases BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (OLD.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
    INSERT INTO case_list_versions (institution_id, version) SELECT NEW.institution_id, 1
        WHERE NEW.institution_id <> OLD.institution_id
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_case_delete AFTER DELETE ON recruitment_cases BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (OLD.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_role_insert AFTER INSERT ON case_roles BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (NEW.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_role_update AFTER UPDATE ON case_roles BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (OLD.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
    INSERT INTO case_list_versions (institution_id, version) SELECT NEW.institution_id, 1
        WHERE NEW.institution_id <> OLD.institution_id
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_role_delete AFTER DELETE ON case_roles BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (OLD.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_unit_insert AFTER INSERT ON organisation_units BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (NEW.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_unit_delete AFTER DELETE ON organisation_units BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (OLD.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_list_follows_unit_update AFTER UPDATE ON organisation_units BEGIN
    INSERT INTO case_list_versions (institution_id, version) VALUES (OLD.institution_id, 1)
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
    INSERT INTO case_list_versions (institution_id, version) SELECT NEW.institution_id, 1
        WHERE NEW.institution_id <> OLD.institution_id
        ON CONFLICT (institution_id) DO UPDATE SET version = version + 1;
END;
