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
]

SCHEMA_VERSION = len(MIGRATIONS)
