-- How many applications each case has, and how many declarations each member has made on a case and
-- how many of them declare a conflict: what every committee page asks before it shows anything
-- (domain::DeclarationTally). Counting them took a quarter to a third of the server's time of a list
-- page with 2,000 applications. Kept by triggers, in the transaction of the change, so no writer can
-- forget them; integers only, no personal data. (PostgreSQL counts applications at the commit instead,
-- so that submissions to one case do not wait for each other; SQLite has one writer at a time anyway.)
CREATE TABLE case_application_counts (
    case_id INTEGER PRIMARY KEY,
    institution_id INTEGER NOT NULL,
    applications INTEGER NOT NULL
);

CREATE TABLE declaration_counts (
    case_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    institution_id INTEGER NOT NULL,
    declared INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    PRIMARY KEY (case_id, user_id)
) WITHOUT ROWID;

INSERT INTO case_application_counts (case_id, institution_id, applications)
    SELECT case_id, institution_id, COUNT(*) FROM applications GROUP BY case_id, institution_id;
INSERT INTO declaration_counts (case_id, user_id, institution_id, declared, conflicts)
    SELECT case_id, user_id, institution_id, COUNT(*), SUM(conflict = 1) FROM conflict_declarations
    GROUP BY case_id, user_id, institution_id;

CREATE TRIGGER application_counted AFTER INSERT ON applications BEGIN
    INSERT INTO case_application_counts (case_id, institution_id, applications)
        VALUES (NEW.case_id, NEW.institution_id, 1)
        ON CONFLICT (case_id) DO UPDATE SET applications = applications + 1;
END;
CREATE TRIGGER application_uncounted AFTER DELETE ON applications BEGIN
    UPDATE case_application_counts SET applications = applications - 1 WHERE case_id = OLD.case_id;
END;
CREATE TRIGGER application_recounted AFTER UPDATE OF case_id, institution_id ON applications BEGIN
    UPDATE case_application_counts SET applications = applications - 1 WHERE case_id = OLD.case_id;
    INSERT INTO case_application_counts (case_id, institution_id, applications)
        VALUES (NEW.case_id, NEW.institution_id, 1)
        ON CONFLICT (case_id) DO UPDATE SET applications = applications + 1;
END;

CREATE TRIGGER declaration_counted AFTER INSERT ON conflict_declarations BEGIN
    INSERT INTO declaration_counts (case_id, user_id, institution_id, declared, conflicts)
        VALUES (NEW.case_id, NEW.user_id, NEW.institution_id, 1, NEW.conflict = 1)
        ON CONFLICT (case_id, user_id) DO UPDATE SET declared = declared + 1,
            conflicts = conflicts + (NEW.conflict = 1);
END;
CREATE TRIGGER declaration_uncounted AFTER DELETE ON conflict_declarations BEGIN
    UPDATE declaration_counts SET declared = declared - 1, conflicts = conflicts - (OLD.conflict = 1)
        WHERE case_id = OLD.case_id AND user_id = OLD.user_id;
END;
CREATE TRIGGER declaration_recounted AFTER UPDATE OF case_id, user_id, conflict ON conflict_declarations BEGIN
    UPDATE declaration_counts SET declared = declared - 1, conflicts = conflicts - (OLD.conflict = 1)
        WHERE case_id = OLD.case_id AND user_id = OLD.user_id;
    INSERT INTO declaration_counts (case_id, user_id, institution_id, declared, conflicts)
        VALUES (NEW.case_id, NEW.user_id, NEW.institution_id, 1, NEW.conflict = 1)
        ON CONFLICT (case_id, user_id) DO UPDATE SET declared = declared + 1,
            conflicts = conflicts + (NEW.conflict = 1);
END;
