"""The database schema as numbered migrations. Each runs in one BEGIN IMMEDIATE ... COMMIT, or not at all.

Never edit a migration that has shipped: add the next number. PRAGMA user_version holds the number of
migrations applied; a database with a higher number was written by a newer immudesk and is refused.
"""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the baseline schema.
    """
    CREATE TABLE facility (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state TEXT NOT NULL DEFAULT 'NC',
        name TEXT NOT NULL DEFAULT '',
        facility_id TEXT NOT NULL DEFAULT '',
        county TEXT NOT NULL DEFAULT '',
        care_type TEXT NOT NULL DEFAULT 'Family Child Care Home',
        operator TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        mailing_address TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        zip TEXT NOT NULL DEFAULT '',
        reporter_name TEXT NOT NULL DEFAULT '',
        reporter_email TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO facility (id) VALUES (1);

    CREATE TABLE children (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        enrolled_on TEXT NOT NULL,
        attendance TEXT NOT NULL DEFAULT 'regular'
            CHECK (attendance IN ('regular', 'occasional', 'before_after_school', 'school_full_time')),
        withdrawn_on TEXT,
        parent_name TEXT NOT NULL DEFAULT '',
        parent_email TEXT NOT NULL DEFAULT '',
        parent_phone TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX children_identity ON children (lower(first_name), lower(last_name), birth_date);

    CREATE TABLE doses (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
        vaccine_group TEXT NOT NULL
            CHECK (vaccine_group IN ('DTaP', 'Polio', 'Hib', 'PCV', 'HepB', 'MMR', 'Varicella', 'HepA')),
        given_on TEXT NOT NULL,
        product TEXT,
        cvx TEXT,
        source TEXT NOT NULL DEFAULT 'entered'
    );
    CREATE INDEX doses_child ON doses (child_id);

    CREATE TABLE exemptions (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('medical', 'religious', 'conscientious')),
        vaccine_groups TEXT NOT NULL DEFAULT 'all',
        granted_on TEXT,
        expires_on TEXT,
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX exemptions_child ON exemptions (child_id);

    CREATE TABLE disease_history (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
        disease TEXT NOT NULL,
        documented TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX disease_history_child ON disease_history (child_id);

    CREATE TABLE in_process (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
        certified_until TEXT NOT NULL,
        certified_on TEXT,
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX in_process_child ON in_process (child_id);
    """,
    # 2: settings (app lock PIN, daily backup bookkeeping) and the append-only change log an inspector can be
    # shown (issue 7). The log is written by triggers, so no code path can change a record without a trace,
    # and triggers refuse to change or delete a log row. A save that keeps a dose unchanged does not touch
    # its row (Store.save_child writes only the differences), so the log says only what really changed.
    """
    CREATE TABLE IF NOT EXISTS settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    CREATE TABLE change_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        event TEXT NOT NULL,
        child_id INTEGER,
        child TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log
    BEGIN SELECT RAISE(ABORT, 'the change log is append-only: its rows cannot be changed'); END;
    CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log
    BEGIN SELECT RAISE(ABORT, 'the change log is append-only: its rows cannot be deleted'); END;

    CREATE TRIGGER log_child_added AFTER INSERT ON children
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        VALUES ('child added', NEW.id, NEW.first_name || ' ' || NEW.last_name, 'born ' || NEW.birth_date);
    END;
    CREATE TRIGGER log_child_updated AFTER UPDATE ON children
    WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
      OR OLD.birth_date IS NOT NEW.birth_date OR OLD.enrolled_on IS NOT NEW.enrolled_on
      OR OLD.attendance IS NOT NEW.attendance OR OLD.withdrawn_on IS NOT NEW.withdrawn_on
      OR OLD.parent_name IS NOT NEW.parent_name OR OLD.parent_email IS NOT NEW.parent_email
      OR OLD.parent_phone IS NOT NEW.parent_phone OR OLD.language IS NOT NEW.language OR OLD.notes IS NOT NEW.notes
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        VALUES ('child updated', NEW.id, NEW.first_name || ' ' || NEW.last_name, 'changed: ' || rtrim(
            CASE WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name
                 THEN 'name (was ' || OLD.first_name || ' ' || OLD.last_name || '), ' ELSE '' END
            || CASE WHEN OLD.birth_date IS NOT NEW.birth_date THEN 'birth_date, ' ELSE '' END
            || CASE WHEN OLD.enrolled_on IS NOT NEW.enrolled_on THEN 'enrolled_on, ' ELSE '' END
            || CASE WHEN OLD.attendance IS NOT NEW.attendance THEN 'attendance, ' ELSE '' END
            || CASE WHEN OLD.withdrawn_on IS NOT NEW.withdrawn_on THEN 'withdrawn_on, ' ELSE '' END
            || CASE WHEN OLD.parent_name IS NOT NEW.parent_name THEN 'parent_name, ' ELSE '' END
            || CASE WHEN OLD.parent_email IS NOT NEW.parent_email THEN 'parent_email, ' ELSE '' END
            || CASE WHEN OLD.parent_phone IS NOT NEW.parent_phone THEN 'parent_phone, ' ELSE '' END
            || CASE WHEN OLD.language IS NOT NEW.language THEN 'language, ' ELSE '' END
            || CASE WHEN OLD.notes IS NOT NEW.notes THEN 'notes, ' ELSE '' END, ', '));
    END;
    CREATE TRIGGER log_child_deleted AFTER DELETE ON children
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        VALUES ('child deleted', OLD.id, OLD.first_name || ' ' || OLD.last_name, 'born ' || OLD.birth_date);
    END;

    -- Records of a child being deleted go with the child: the child's own entry says so, so these
    -- triggers log only while the child is still on the roster.
    CREATE TRIGGER log_dose_added AFTER INSERT ON doses
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'dose added', c.id, c.first_name || ' ' || c.last_name,
               NEW.vaccine_group || ' ' || NEW.given_on || coalesce(' (' || NEW.product || ')', '')
        FROM children c WHERE c.id = NEW.child_id;
    END;
    CREATE TRIGGER log_dose_removed AFTER DELETE ON doses
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'dose removed', c.id, c.first_name || ' ' || c.last_name,
               OLD.vaccine_group || ' ' || OLD.given_on || coalesce(' (' || OLD.product || ')', '')
        FROM children c WHERE c.id = OLD.child_id;
    END;
    CREATE TRIGGER log_exemption_added AFTER INSERT ON exemptions
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'exemption added', c.id, c.first_name || ' ' || c.last_name, NEW.kind || ': ' || NEW.vaccine_groups
        FROM children c WHERE c.id = NEW.child_id;
    END;
    CREATE TRIGGER log_exemption_removed AFTER DELETE ON exemptions
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'exemption removed', c.id, c.first_name || ' ' || c.last_name, OLD.kind || ': ' || OLD.vaccine_groups
        FROM children c WHERE c.id = OLD.child_id;
    END;
    CREATE TRIGGER log_disease_history_added AFTER INSERT ON disease_history
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'disease history added', c.id, c.first_name || ' ' || c.last_name, NEW.disease || ' ' || NEW.documented
        FROM children c WHERE c.id = NEW.child_id;
    END;
    CREATE TRIGGER log_disease_history_removed AFTER DELETE ON disease_history
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'disease history removed', c.id, c.first_name || ' ' || c.last_name, OLD.disease || ' ' || OLD.documented
        FROM children c WHERE c.id = OLD.child_id;
    END;
    CREATE TRIGGER log_in_process_added AFTER INSERT ON in_process
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'in-process period added', c.id, c.first_name || ' ' || c.last_name, 'until ' || NEW.certified_until
        FROM children c WHERE c.id = NEW.child_id;
    END;
    CREATE TRIGGER log_in_process_removed AFTER DELETE ON in_process
    BEGIN
        INSERT INTO change_log (event, child_id, child, detail)
        SELECT 'in-process period removed', c.id, c.first_name || ' ' || c.last_name, 'until ' || OLD.certified_until
        FROM children c WHERE c.id = OLD.child_id;
    END;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
