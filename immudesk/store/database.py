"""The connection layer: opening a records file with the settings immudesk needs, its schema, and the records.

Bottom-up, the store is: paths (where files live) -> crypto (is a file encrypted, keyed connections) ->
database (this: connections, Store, migrate) -> integrity (is a file whole) -> backup (verified copies) ->
encryption (rewriting files encrypted) -> operations (what a command does: check, back up, then migrate,
import, restore). This layer knows nothing of backups.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Iterator

from ..dates import EARLIEST, LATEST, DateError, check_in_range, parse_date
from ..errors import DatabaseError, UserError
from ..model import (
    ALL_GROUPS,
    FACILITY_FIELDS,
    Child,
    ChildId,
    DiseaseHistory,
    Dose,
    Exemption,
    Facility,
    InProcessPeriod,
)
from ..names import fold_name
from . import crypto
from .migrations import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT = 10.0   # seconds a write waits for another program's write to finish before giving up
# Checkpoint after every commit: a save reaches the main file moments after it is committed instead of
# living only in the write-ahead log (a damaged log then loses nothing; issue 14).
WAL_AUTOCHECKPOINT_PAGES = 1

# A settings row written whenever a state is saved: the facility table's 'NC' is only the schema's default.
STATE_CHOSEN_SETTING = "facility_state_chosen"
CHILD_COLUMNS = ("first_name", "last_name", "birth_date", "enrolled_on", "attendance", "withdrawn_on",
                 "parent_name", "parent_email", "parent_phone", "language", "notes")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class _StoredDates:
    """Reads a child's stored dates without letting one damaged value (a flipped bit, a year 9999 from an older
    import) stop the whole roster: each problem is noted on the child (Child.unreadable) and a stand-in is used."""

    STAND_IN = EARLIEST   # the record is flagged, never judged with this date

    def __init__(self):
        self.problems: dict[int, list[str]] = {}

    def read(self, cid: int, value: str | None, what: str, required: bool = True) -> date | None:
        if not value:
            return self.STAND_IN if required else None
        try:
            return check_in_range(parse_date(value), what)
        except (DateError, TypeError):
            self._note(cid, value, what)
            return self.STAND_IN if required else None

    def check_year_or_date(self, cid: int, value, what: str) -> None:
        """A disease history is documented by a year (YYYY) or a date; anything else is noted as damaged."""
        if isinstance(value, str) and len(value) == 4 and value.isdigit():
            if not EARLIEST.year <= int(value) <= LATEST.year:
                self._note(cid, value, what)
            return
        self.read(cid, value or repr(value), what)

    def _note(self, cid: int, value, what: str) -> None:
        self.problems.setdefault(cid, []).append(f"{what} is stored as {str(value)[:20]!r}, which is not a date "
                                                 "immudesk can use")


def _check_dates(child: Child) -> None:
    """Every way into the records (the window, an import) stores only dates immudesk can compute with."""
    named = [("the birth date", child.birth_date), ("the first day of attendance", child.enrolled_on),
             ("the withdrawal date", child.withdrawn_on)]
    named += [(f"the {d.vaccine_group} dose", d.given_on) for d in child.doses]
    named += [("the exemption", day) for e in child.exemptions for day in (e.granted_on, e.expires_on)]
    named += [("the in-process date", day) for p in child.in_process for day in (p.certified_until, p.certified_on)]
    try:
        for what, value in named:
            if value is not None:
                check_in_range(value, what)
    except DateError as error:
        raise UserError(f"{child.name}: {error}") from None


class Store:
    """An open immudesk database. Use open_store(); close() when done (or use it as a context manager)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, encrypted: bool = False):
        self.conn = conn
        self.path = path
        self.encrypted = encrypted
        # While this Store is open nothing in this process may open() the file (see crypto.hold).
        self._identity = crypto.file_identity(path)
        crypto.hold(path, encrypted)

    @functools.cached_property
    def db(self):
        """sqlite-utils over the same connection, made on first use: importing it (and its plugin scan) costs
        about 0.1 s, which every start of the window would otherwise pay before its first frame."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # -- life cycle -------------------------------------------------------------------------------------
    def close(self) -> None:
        if self._identity is None:
            return
        try:
            # Copy what the write-ahead log holds into the file now (PASSIVE: never waits for other programs),
            # so the log is short-lived.
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except crypto.sqlite_errors():
            pass
        self.conn.close()
        crypto.release(self.path, self._identity)
        self._identity = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Store"]:
        """All or nothing: BEGIN IMMEDIATE takes the write lock up front, so a second writer waits instead of
        failing half-way. Nested calls join the outer transaction."""
        if self.conn.in_transaction:
            yield self
            return
        with plain_trouble():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                # SQLite has already rolled back after some errors (a full disk): a second ROLLBACK would
                # then fail and hide the real error.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- facility ---------------------------------------------------------------------------------------
    def facility(self) -> Facility:
        row = self.conn.execute("SELECT " + ", ".join(FACILITY_FIELDS) + " FROM facility WHERE id = 1").fetchone()
        return Facility(*row)

    def update_facility(self, **fields: str) -> Facility:
        unknown = set(fields) - set(FACILITY_FIELDS)
        if unknown:
            raise ValueError(f"unknown facility fields: {sorted(unknown)}")
        if fields:
            with self.transaction():
                self.db["facility"].update(1, fields)
                if "state" in fields:
                    self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                      (STATE_CHOSEN_SETTING, fields["state"]))
        return self.facility()

    def facility_state_chosen(self) -> bool:
        """Whether someone chose the facility's state, so the law applied is hers and not the default. A database
        from before this was recorded counts as chosen once any field of the facility was filled in."""
        if self.conn.execute("SELECT 1 FROM settings WHERE key = ?", (STATE_CHOSEN_SETTING,)).fetchone():
            return True
        return self.facility() != Facility()

    # -- children ---------------------------------------------------------------------------------------
    def count_children(self) -> int:
        return self.conn.execute("SELECT count(*) FROM children").fetchone()[0]

    def find_child(self, first_name: str, last_name: str, birth_date: date) -> ChildId | None:
        """The child with this name and birth date, the name compared as the window compares it (fold_name:
        "Sofia Hernandez" is "Sofía Hernández"); the birth date narrows the roster to a few rows first."""
        wanted = fold_name(f"{first_name} {last_name}")
        for cid, first, last in self.conn.execute(
                "SELECT id, first_name, last_name FROM children WHERE birth_date = ? ORDER BY id",
                (birth_date.isoformat(),)):
            if fold_name(f"{first} {last}") == wanted:
                return ChildId(cid)
        return None

    def children(self) -> list[Child]:
        """Every child on the roster (withdrawn ones too), with their records, ordered by name."""
        return self._load_children(None)

    def child(self, child_id: int) -> Child:
        found = self._load_children(child_id)
        if not found:
            raise KeyError(f"no child with id {child_id}")
        return found[0]

    def _load_children(self, only_id: int | None) -> list[Child]:
        where, params = ("WHERE child_id = ?", (only_id,)) if only_id is not None else ("", ())
        children: dict[int, Child] = {}
        rows = self.conn.execute(
            "SELECT id, " + ", ".join(CHILD_COLUMNS) + " FROM children "
            + ("WHERE id = ? " if only_id is not None else "")
            + "ORDER BY lower(last_name), lower(first_name), birth_date", params)
        stored = _StoredDates()
        for row in rows:
            (cid, first, last, birth, enrolled, attendance, withdrawn, parent, email, phone, language, notes) = row
            children[cid] = Child(first, last, stored.read(cid, birth, "the birth date"),
                                  stored.read(cid, enrolled, "the first day of attendance"), attendance,
                                  stored.read(cid, withdrawn, "the withdrawal date", required=False),
                                  parent, email, phone, language, notes, id=ChildId(cid))
        for cid, group, given, product, cvx, source, dose_id in self.conn.execute(
                f"SELECT child_id, vaccine_group, given_on, product, cvx, source, id FROM doses {where}"
                " ORDER BY given_on, id", params):
            children[cid].doses.append(Dose(group, stored.read(cid, given, f"a {group} dose's date"), product, cvx,
                                            source, dose_id))
        for cid, kind, groups, granted, expires, notes, ex_id in self.conn.execute(
                f"SELECT child_id, kind, vaccine_groups, granted_on, expires_on, notes, id FROM exemptions {where}"
                " ORDER BY id", params):
            children[cid].exemptions.append(
                Exemption(kind, tuple(groups.split(";")), stored.read(cid, granted, "an exemption's date", False),
                          stored.read(cid, expires, "an exemption's end date", False), notes, ex_id))
        for cid, disease, documented, notes, dh_id in self.conn.execute(
                f"SELECT child_id, disease, documented, notes, id FROM disease_history {where} ORDER BY id", params):
            stored.check_year_or_date(cid, documented, f"the {disease} history")
            children[cid].disease_history.append(DiseaseHistory(disease, documented, notes, dh_id))
        for cid, until, certified_on, notes, ip_id in self.conn.execute(
                f"SELECT child_id, certified_until, certified_on, notes, id FROM in_process {where} ORDER BY id",
                params):
            children[cid].in_process.append(InProcessPeriod(
                stored.read(cid, until, "the in-process date"),
                stored.read(cid, certified_on, "the in-process certification date", False), notes, ip_id))
        for cid, problems in stored.problems.items():
            children[cid].unreadable = problems
        return list(children.values())

    def add_child(self, child: Child) -> ChildId:
        """Insert a child with all their records; returns the new id (also set on the child)."""
        _check_dates(child)
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO children (" + ", ".join(CHILD_COLUMNS) + ") VALUES (" + ", ".join("?" * len(CHILD_COLUMNS))
                + ")", self._child_row(child))
            child.id = ChildId(cursor.lastrowid)
            self._write_records(child)
        return child.id

    def save_child(self, child: Child) -> ChildId:
        """Insert a new child or replace an existing one's details and records, in one transaction."""
        if child.id is None:
            return self.add_child(child)
        _check_dates(child)
        with self.transaction():
            cursor = self.conn.execute(
                "UPDATE children SET " + ", ".join(f"{c} = ?" for c in CHILD_COLUMNS) + " WHERE id = ?",
                (*self._child_row(child), child.id))
            if cursor.rowcount != 1:
                raise KeyError(f"no child with id {child.id}")
            # Only the differences are written: an unchanged dose keeps its row, so the change log (triggers,
            # migration 2) records what the provider really changed, not a delete and re-add of everything.
            for table, (columns, rows) in self._record_rows(child).items():
                kept = list(rows)
                for row_id, *values in self.conn.execute(
                        f"SELECT id, {', '.join(columns)} FROM {table} WHERE child_id = ? ORDER BY id", (child.id,)):
                    if tuple(values) in kept:
                        kept.remove(tuple(values))
                    else:
                        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
                self._insert_records(child.id, table, columns, kept)
        return child.id

    def delete_child(self, child_id: int) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM children WHERE id = ?", (child_id,))

    @staticmethod
    def _child_row(child: Child) -> tuple:
        return (child.first_name, child.last_name, child.birth_date.isoformat(), child.enrolled_on.isoformat(),
                child.attendance, _iso(child.withdrawn_on), child.parent_name, child.parent_email,
                child.parent_phone, child.language, child.notes)

    def _record_rows(self, child: Child) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
        """A child's records as the rows of each records table (child_id left out)."""
        return {
            "doses": (("vaccine_group", "given_on", "product", "cvx", "source"),
                      [(d.vaccine_group, d.given_on.isoformat(), d.product, d.cvx, d.source) for d in child.doses]),
            "exemptions": (("kind", "vaccine_groups", "granted_on", "expires_on", "notes"),
                           [(e.kind, ";".join(e.vaccine_groups) or ALL_GROUPS, _iso(e.granted_on),
                             _iso(e.expires_on), e.notes) for e in child.exemptions]),
            "disease_history": (("disease", "documented", "notes"),
                                [(h.disease, h.documented, h.notes) for h in child.disease_history]),
            "in_process": (("certified_until", "certified_on", "notes"),
                           [(p.certified_until.isoformat(), _iso(p.certified_on), p.notes) for p in child.in_process]),
        }

    def _insert_records(self, child_id: int, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        self.conn.executemany(
            f"INSERT INTO {table} (child_id, {', '.join(columns)}) VALUES (?, {', '.join('?' * len(columns))})",
            [(child_id, *row) for row in rows])

    def _write_records(self, child: Child) -> None:
        for table, (columns, rows) in self._record_rows(child).items():
            self._insert_records(child.id, table, columns, rows)


# -- a full disk, a busy file: said plainly, never called damage --------------------------------------------
class DiskFull(UserError):
    """Writing failed for lack of space (or the drive went away). Nothing was changed."""


class RecordsBusy(UserError):
    """Another program kept the records busy longer than BUSY_TIMEOUT. Nothing was changed."""


def trouble(error: BaseException) -> UserError | None:
    """The provider's version of a SQLite error that is about the disk or another program, not the records
    (None for anything else, such as damage)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DiskFull("the disk is full: free some space, then try again. Nothing was lost: the records are "
                        "as they were before this change.")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return DiskFull("immudesk could not write to the disk (it may be full, or the drive was removed): free "
                        "some space or reconnect the drive, then try again. Nothing was lost: the records are "
                        "as they were before this change.")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text or "is busy" in text:
        return RecordsBusy("another program is using the records: close it (or wait for it to finish) and try "
                           "again. Nothing was changed.")
    return None


@contextlib.contextmanager
def plain_trouble():
    """Turn a full disk or a busy file inside the block into DiskFull / RecordsBusy (exit 2 at the CLI)."""
    try:
        yield
    except crypto.sqlite_errors() as error:
        said = trouble(error)
        if said is None:
            raise
        raise said from None


def create_private_file(path: Path) -> None:
    """Create the database file readable and writable by the user only (0600) before SQLite opens it."""
    if path.exists():
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def connect(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """Open a connection with the settings every immudesk connection needs. An encrypted file (crypto.py)
    needs its passphrase (given, remembered, or $IMMUDESK_PASSPHRASE); a plain file ignores it."""
    # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves (Python 3.11's implicit
    # transactions do not cover schema changes).
    if crypto.is_encrypted(path):
        key = crypto.passphrase_for(path, passphrase)
        if not key:
            # An encrypted file and a file that is no database look the same from outside.
            raise crypto.PassphraseNeeded(
                f"The file {path} is not a readable immudesk database as it is: either it is encrypted (then give "
                f"its passphrase: the window asks for it; at the command line set {crypto.ENV_VAR}), or it is "
                "not an immudesk database at all.")
        conn = crypto.connect_encrypted(path, key, timeout=BUSY_TIMEOUT)
        # Backups taken for this database (before a migration, an import) need the same key.
        crypto.remember_passphrase(path, key)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    # A deleted child's details are overwritten with zeros, not left readable in free pages of the file.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    return conn


def migrate(conn: sqlite3.Connection, path: Path, before_migrating=None) -> int:
    """Bring the schema up to date; returns how many migrations ran. Refuses a database from a newer app."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"The database {path} was written by a newer version of immudesk (schema {version}; this version "
            f"knows up to {SCHEMA_VERSION}). Install the newer immudesk to open it; nothing was changed.")
    if version < SCHEMA_VERSION and version > 0 and before_migrating is not None:
        before_migrating(path, version)
    ran = 0
    for number in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the lock: another process may have migrated meanwhile.
            if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
            ran += 1
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return ran


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:60]}")
    return statements
