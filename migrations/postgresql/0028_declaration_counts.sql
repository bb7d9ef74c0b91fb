-- How many applications each case has, and how many declarations each member has made on a case and
-- how many of them declare a conflict: what every committee page asks before it shows anything
-- (domain::DeclarationTally). Counting them took a quarter to a third of the server's time of a list
-- page with 2,000 applications. Kept by triggers, in the transaction of the change, so no writer can
-- forget them; integers only, no personal data.
--
-- A case's count changes at the commit (a deferred trigger), not at the insert: a row lock taken at the
-- insert would make every submission to the case wait for the one before it to store its files. At
-- the commit each submission already waits its turn for the audit chain (Transaction::before_commit).
CREATE TABLE case_application_counts (
    case_id BIGINT PRIMARY KEY,
    institution_id BIGINT NOT NULL,
    applications BIGINT NOT NULL
);

CREATE TABLE declaration_counts (
    case_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    institution_id BIGINT NOT NULL,
    declared BIGINT NOT NULL,
    conflicts BIGINT NOT NULL,
    PRIMARY KEY (case_id, user_id)
);

-- No application or declaration may commit between the counting below and the triggers' creation (a
-- node of the previous version still serving during an upgrade): it would be counted by neither, and a
-- case's count too low would let a member pass the policy's "declarations still owed" check. The lock
-- waits for writes in progress and holds new ones until this migration commits.
LOCK TABLE applications, conflict_declarations IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO case_application_counts (case_id, institution_id, applications)
    SELECT case_id, institution_id, COUNT(*) FROM applications GROUP BY case_id, institution_id;
INSERT INTO declaration_counts (case_id, user_id, institution_id, declared, conflicts)
    SELECT case_id, user_id, institution_id, COUNT(*), COUNT(*) FILTER (WHERE conflict = 1)
    FROM conflict_declarations GROUP BY case_id, user_id, institution_id;

CREATE FUNCTION application_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE case_application_counts SET applications = applications - 1 WHERE case_id = OLD.case_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_application_counts (case_id, institution_id, applications)
            VALUES (NEW.case_id, NEW.institution_id, 1)
            ON CONFLICT (case_id) DO UPDATE SET applications = case_application_counts.applications + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER application_counted AFTER INSERT OR DELETE OR UPDATE OF case_id, institution_id
    ON applications DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION application_count_changed();

CREATE FUNCTION declaration_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE declaration_counts SET declared = declared - 1,
            conflicts = conflicts - CASE WHEN OLD.conflict = 1 THEN 1 ELSE 0 END
            WHERE case_id = OLD.case_id AND user_id = OLD.user_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO declaration_counts (case_id, user_id, institution_id, declared, conflicts)
            VALUES (NEW.case_id, NEW.user_id, NEW.institution_id, 1, CASE WHEN NEW.conflict = 1 THEN 1 ELSE 0 END)
            ON CONFLICT (case_id, user_id) DO UPDATE SET declared = declaration_counts.declared + 1,
                conflicts = declaration_counts.conflicts + CASE WHEN NEW.conflict = 1 THEN 1 ELSE 0 END;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER declaration_counted AFTER INSERT OR DELETE OR UPDATE OF case_id, user_id, conflict
    ON conflict_declarations FOR EACH ROW EXECUTE FUNCTION declaration_count_changed();
