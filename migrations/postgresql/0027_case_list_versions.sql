-- A number per institution that changes, in the same transaction, with every change to its cases, to
-- who has a role on them and to its organisation units: what the case list shows besides the page. The
-- list's count and the units are kept in memory under the number they were read at
-- (services/recruitment_case/case_list_cache): counting thousands of cases on every page was the
-- largest part of a signed-in start page. Kept by triggers, so no writer can forget it. No personal data.
CREATE TABLE case_list_versions (
    institution_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE FUNCTION case_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_list_versions (institution_id, version) VALUES (OLD.institution_id, 1)
            ON CONFLICT (institution_id) DO UPDATE SET version = case_list_versions.version + 1;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.institution_id <> OLD.institution_id) THEN
        INSERT INTO case_list_versions (institution_id, version) VALUES (NEW.institution_id, 1)
            ON CONFLICT (institution_id) DO UPDATE SET version = case_list_versions.version + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_list_follows_cases AFTER INSERT OR UPDATE OR DELETE ON recruitment_cases
    FOR EACH ROW EXECUTE FUNCTION case_list_changed();
CREATE TRIGGER case_list_follows_roles AFTER INSERT OR UPDATE OR DELETE ON case_roles
    FOR EACH ROW EXECUTE FUNCTION case_list_changed();
CREATE TRIGGER case_list_follows_units AFTER INSERT OR UPDATE OR DELETE ON organisation_units
    FOR EACH ROW EXECUTE FUNCTION case_list_changed();
