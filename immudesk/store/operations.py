"""What the commands and the window do with the records file, in the order that keeps it safe.

The layers below only connect, check and copy; this one decides the order: check the file (and its
write-ahead log) before opening it, back up before a migration, an import or a restore, write the change-log
entry in the same transaction as the change, and finish an interrupted encryption.
"""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import DamagedDatabase, DatabaseError, UserError
from . import changelog, crypto, integrity
from .backup import (backups_dir, copy_into, damaged_message, database_identity, give_identity, keep_current,
                     keep_damaged, list_backups, make_backup, replace_file, rotate)
from .database import Store, connect, create_private_file, migrate, plain_trouble
from .encryption import finish_encryption
from .paths import make_private_dir, resolve_db_path


# -- opening --------------------------------------------------------------------------------------------
def _backup_before_migrating(path: Path, version: int) -> None:
    make_backup(path, "before-migration")


def open_store(db: str | os.PathLike | None = None, before_migrating=_backup_before_migrating,
               passphrase: str | None = None) -> Store:
    """Open (creating when needed) the database at the path INTERFACES.md gives, migrated to this version.

    The file is checked first (its write-ahead log, then PRAGMA quick_check): a damaged one is refused with a
    message naming the newest good backup, and left as it is. before_migrating(path, old_version) is called
    before an existing database's schema is changed; by default it takes a verified backup. passphrase opens
    an encrypted database (see crypto.py for where else it can come from). A full disk or a busy file raises
    database.DiskFull / RecordsBusy: the records are not damaged, and are not called so.
    """
    path = resolve_db_path(db)
    try:
        make_private_dir(path.parent)
        create_private_file(path)
    except OSError as error:
        raise DatabaseError(f"Cannot create or open the database at {path}: {error.strerror or error}") from None
    _refuse_a_damaged_log(path, passphrase)
    encrypted = crypto.is_encrypted(path)
    try:
        with plain_trouble():
            conn = connect(path, passphrase)
    except crypto.sqlite_errors() as error:
        raise DatabaseError(f"Cannot open the database at {path}: {error}") from None
    try:
        with plain_trouble():
            problems = integrity.problems_at_open(conn, path)
            if problems:
                raise DamagedDatabase(damaged_message(path, problems, passphrase))
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, path, before_migrating)
    except crypto.database_errors() as error:
        conn.close()
        raise DatabaseError(f"The file {path} is not a readable immudesk database ({error}).") from None
    except BaseException:
        conn.close()
        raise
    store = Store(conn, path, encrypted)
    try:
        give_identity(store)
    except (UserError, *crypto.sqlite_errors()):
        pass   # a full disk or a read-only file: the identity is given at a later open; nothing else changes
    if encrypted:
        try:
            finish_encryption(path, crypto.passphrase_for(path, passphrase))
        except (UserError, *crypto.sqlite_errors(), OSError):
            pass   # tried again at the next open; the records themselves are open and encrypted
    return store


def _refuse_a_damaged_log(path: Path, passphrase: str | None) -> None:
    """Before any connection replays the write-ahead log (and, closing, deletes it): committed changes that
    cannot be read back are said, with the backup to use, and the files are kept as they are."""
    problems = integrity.wal_problems(path)
    if not problems:
        return
    try:
        kept = keep_damaged(path)
    except UserError:
        kept = None
    message = damaged_message(path, problems, passphrase)
    if kept:
        message += f"\nThe database and its damaged log are kept as they were in {kept.parent}."
    raise DamagedDatabase(message)


# -- importing ------------------------------------------------------------------------------------------
def import_roster_with_backup(store, path, *, update: bool = False, label: str | None = None,
                              today: _dt.date | None = None) -> tuple[int, int]:
    """import_roster for the window and the CLI: a file that passes its check is imported after a verified
    backup, with an "import" entry in the change log written in the same transaction as the children. A refused
    import keeps no backup and rotates none away (the database is as it was)."""
    from ..roster_csv import import_roster, read_roster   # the roster file format sits above the store

    rows = read_roster(path, today=today, label=label)  # a file with problems raises here: no backup churn
    backup = make_backup(store.path, "before-import", rotate_now=False)
    try:
        with store.transaction():
            added, updated = import_roster(store, path, update=update, today=today, label=label, rows=rows)
            changelog.record(store, "import", f"{added} added, {updated} updated from {Path(path).name}")
    except BaseException:
        backup.unlink(missing_ok=True)   # nothing changed: the copy is the database as it still is
        raise
    rotate(store.path)
    return added, updated


# -- restoring ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Restored:
    source: Path
    kept: Path | None     # where the replaced database was kept (None if there was none)


def restore(db_path: Path, source: Path, passphrase: str | None = None) -> Restored:
    """Replace the database with the backup at source, after checking it, keeping the replaced one.

    The restored records are prepared in a staging copy first: migrated, with the change log of the replaced
    database carried forward (the log is never rewound) and the "restore" entry added. Then every page goes
    into the live file in one write transaction (SQLite's backup API), so a kill leaves the database either as
    it was or restored with its log, and a window with the file open sees the restored records next time it
    reads. Only a database too damaged for SQLite to write is replaced as a file (after being kept)."""
    db_path, source = Path(db_path), Path(source)
    if source.resolve() == db_path.resolve():
        raise UserError(f"{source} is the database itself; choose a backup to restore")
    live_key = crypto.passphrase_for(db_path, passphrase)
    source_encrypted = crypto.is_encrypted(source)
    source_key = live_key if source_encrypted else None
    if source_encrypted and not source_key:
        raise crypto.PassphraseNeeded(
            f"{source} cannot be restored as it is: it is not a database immudesk can read, or it is an encrypted "
            f"backup (then give its passphrase; at the command line set {crypto.ENV_VAR}). The database was not "
            "changed.")
    problems = integrity.check_file(source, source_key)
    if problems:
        raise DatabaseError(f"{source} cannot be restored: {problems[0]}. The database was not changed.")
    live_exists = db_path.exists() and db_path.stat().st_size > 0
    # A plain backup may replace an encrypted database only when nothing opens it (a forgotten passphrase, or a
    # file that is no database at all): otherwise restoring would quietly turn encryption off.
    unreadable = (live_exists and not source_encrypted and crypto.is_encrypted(db_path)
                  and not (live_key and crypto.check_passphrase(db_path, live_key)))
    if live_exists and not unreadable and crypto.is_encrypted(db_path) != source_encrypted:
        raise UserError(f"{source} is {'' if source_key else 'not '}encrypted but the database is "
                        f"{'' if crypto.is_encrypted(db_path) else 'not '}; restore a backup made after encryption "
                        "was turned on (or turn it on first with `immudesk encrypt`)")
    live_log, live_identity = _live_log_and_identity(db_path, live_key) if live_exists else ([], None)
    source_conn = integrity.open_for_check(source, source_key)
    try:
        source_identity = database_identity(source_conn)
    finally:
        source_conn.close()
    if live_identity and source_identity and live_identity != source_identity:
        raise UserError(f"{source} is a backup of another database, not of {db_path}; nothing was changed. "
                        "Restore it with --db naming the database it belongs to (or a new file).")

    make_private_dir(db_path.parent)  # restoring onto a new laptop: the data folder may not exist yet
    with plain_trouble():
        kept = keep_current(db_path)
        make_private_dir(backups_dir(db_path))
        staging = backups_dir(db_path) / f".{db_path.name}.restoring"
        staging.unlink(missing_ok=True)
        try:
            staged = _stage(source, staging, source_key, live_log, kept)
            try:
                try:
                    copy_into(staged.conn, db_path, source_key)
                except crypto.sqlite_errors():
                    staged.close()
                    replace_file(staging, db_path)
            finally:
                staged.close()
            problems = _settle(db_path, live_key)
        finally:
            staging.unlink(missing_ok=True)
    if problems:
        raise DatabaseError(f"The restored database fails its check ({problems[0]}). The database before the "
                            f"restore is kept as {kept}.")
    return Restored(source, kept)


_LOG_COLUMNS = "changed_at, event, child_id, child, detail"


def _live_log_and_identity(db_path: Path, key: str | None) -> tuple[list[tuple], str | None]:
    """The replaced database's change log (id first) and identity, or nothing when it cannot be read."""
    try:
        conn = integrity.open_for_check(db_path, key)
    except (UserError, *crypto.sqlite_errors()):
        return [], None
    try:
        return conn.execute(f"SELECT id, {_LOG_COLUMNS} FROM change_log ORDER BY id").fetchall(), \
            database_identity(conn)
    except crypto.sqlite_errors():
        return [], None
    finally:
        conn.close()


def _stage(source: Path, staging: Path, key: str | None, live_log: list[tuple], kept: Path | None) -> Store:
    """The restored records, ready to go in: source migrated, the live log carried forward, the entry added."""
    create_private_file(staging)
    copy = crypto.connect_encrypted(staging, key) if key else sqlite3.connect(staging, isolation_level=None)
    try:
        original = integrity.open_for_check(source, key)
        try:
            original.backup(copy)
        finally:
            original.close()
        migrate(copy, staging, before_migrating=None)   # the copy's own backup is the source itself
    except BaseException:
        copy.close()
        raise
    store = Store(copy, staging, bool(key))
    in_copy = {row[0]: row[1:] for row in copy.execute(f"SELECT id, {_LOG_COLUMNS} FROM change_log")}
    # Entries written after the backup was taken (not in it, or different there) are carried forward as they
    # were, so the log an inspector sees still holds every change, the restored-away ones included.
    carried = [row[1:] for row in live_log if in_copy.get(row[0]) != tuple(row[1:])]
    with store.transaction():
        copy.executemany(f"INSERT INTO change_log ({_LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?)", carried)
        changelog.record(store, "restore", f"restored from {source.name}"
                         + (f"; the replaced database was kept as {kept.name}" if kept else ""))
    return store


def _settle(db_path: Path, key: str | None) -> list[str]:
    """The live file after a restore: back in write-ahead-log mode, and its full check."""
    conn = connect(db_path, key)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        return integrity.check_connection(conn, full=True)
    finally:
        conn.close()


__all__ = ["Restored", "import_roster_with_backup", "list_backups", "open_store", "restore"]
