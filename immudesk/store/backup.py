"""Backups and restores: verified copies of the database, taken before anything risky and once a day.

Every copy is made with SQLite's online backup API (a consistent snapshot even while the window is open and
writing; the write-ahead log is included), written under a temporary name, checked (integrity_check and the
same row count in every table) and only then renamed into place, so a backup file that exists is whole.

Backups live in the "backups" folder beside the database (paths.backups_dir), private like the database,
named immudesk-YYYY-MM-DD_HHMMSS_mmm-REASON.sqlite3 (local time). Which are kept (rotate()):
  daily                                  the newest 7
  before-migration, before-import        the newest 10 of these together
  manual, before-restore, damaged        never deleted by immudesk (the provider asked for them, or they
                                         hold a database that was replaced)
An encrypted database's backups are encrypted with the same passphrase.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatabaseError, UserError
from . import changelog, crypto
from .integrity import check_connection, check_file, open_for_check, table_counts
from .paths import backups_dir, make_private_dir

KEEP_DAILY = 7
KEEP_EVENTS = 10
EVENT_REASONS = ("before-migration", "before-import")
NEVER_ROTATED = ("manual", "before-restore", "damaged")
REASONS = ("daily", *EVENT_REASONS, *NEVER_ROTATED)
_NAME = re.compile(r"^immudesk-(\d{4}-\d{2}-\d{2}_\d{6}_\d{3})-([a-z-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: _dt.datetime   # local time, from the name
    reason: str


def list_backups(db_path: Path) -> list[Backup]:
    """The backups in db_path's backups folder, newest first (files that are not immudesk backups are ignored)."""
    folder = backups_dir(Path(db_path))
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            taken = _dt.datetime.strptime(match.group(1) + "000", "%Y-%m-%d_%H%M%S_%f")
            found.append(Backup(path, taken, match.group(2)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _new_name(folder: Path, reason: str) -> Path:
    now = _dt.datetime.now()
    stamp = f"{now:%Y-%m-%d_%H%M%S}_{now.microsecond // 1000:03d}"
    path = folder / f"immudesk-{stamp}-{reason}.sqlite3"
    while path.exists():  # two backups in the same millisecond: make the later one sort after
        now += _dt.timedelta(milliseconds=1)
        path = folder / f"immudesk-{now:%Y-%m-%d_%H%M%S}_{now.microsecond // 1000:03d}-{reason}.sqlite3"
    return path


def _private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # The rename itself must survive a power cut, not only the file's bytes.
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _connect(path: Path, passphrase: str | None):
    """A connection to a database file for copying: keyed when passphrase is given (SQLCipher), else plain."""
    if passphrase:
        return crypto.connect_encrypted(path, passphrase)
    return sqlite3.connect(path, isolation_level=None, timeout=10)


def copy_database(source_path: Path, target: Path, passphrase: str | None = None) -> Path:
    """Write a verified copy of the database at source_path to target (which must not exist yet)."""
    from .database import connect

    source_path, target = Path(source_path), Path(target)
    if target.exists():
        raise UserError(f"{target} already exists; choose another name (a backup never overwrites a file)")
    temporary = target.with_name("." + target.name + ".part")
    temporary.unlink(missing_ok=True)
    key = crypto.passphrase_for(source_path, passphrase) if crypto.is_encrypted(source_path) else None
    source = connect(source_path, key)
    try:
        _private_file(temporary)
    except OSError as error:
        source.close()
        raise UserError(f"cannot write the backup {target}: {error.strerror or error}") from None
    try:
        copy = _connect(temporary, key)
        try:
            # One read transaction around the counts and the copy: both see the same snapshot, even if the
            # window commits a change meanwhile.
            source.execute("BEGIN")
            try:
                expected = table_counts(source)
                source.backup(copy)
            finally:
                source.execute("COMMIT")
            # A backup is one self-contained file: no write-ahead log beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = check_connection(copy, full=True)
            if not problems and table_counts(copy) != expected:
                problems = ["the copy does not hold the same number of rows as the database"]
        finally:
            copy.close()
        if problems:
            raise DatabaseError(f"The backup could not be verified ({problems[0]}), so it was not kept. "
                                f"Check the database with `immudesk check`; the database itself was not changed.")
        with open(temporary, "rb+") as file:
            os.fsync(file.fileno())
        os.replace(temporary, target)
        _fsync_dir(target.parent)
    except crypto.sqlite_errors() as error:
        raise DatabaseError(f"The backup of {source_path} failed ({error}); the database itself was not "
                            "changed.") from None
    except OSError as error:
        raise UserError(f"cannot write the backup {target}: {error.strerror or error}") from None
    finally:
        source.close()
        temporary.unlink(missing_ok=True)
    return target


def make_backup(db_path: Path, reason: str = "manual", out: Path | None = None,
                passphrase: str | None = None) -> Path:
    """Back up the database: to out when given, else into the backups folder (then rotate). Returns the file."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    db_path = Path(db_path)
    if not db_path.exists():
        raise UserError(f"there is no database at {db_path} to back up")
    if out is not None:
        return copy_database(db_path, Path(out), passphrase)
    folder = backups_dir(db_path)
    try:
        make_private_dir(folder)
    except OSError as error:
        raise UserError(f"cannot create the backups folder {folder}: {error.strerror or error}") from None
    target = copy_database(db_path, _new_name(folder, reason), passphrase)
    rotate(db_path)
    return target


def backup_before(store_or_path, what: str) -> Path:
    """The automatic backup before something risky: what is "migration", "import" or "restore"."""
    path = Path(getattr(store_or_path, "path", store_or_path))
    return make_backup(path, f"before-{what}")


def daily_backup(db_path: Path, today: _dt.date | None = None) -> Path | None:
    """The first start of the app each day takes a backup; later starts that day do nothing (returns None)."""
    db_path = Path(db_path)
    day = today or _dt.date.today()
    if not db_path.exists() or any(b.reason == "daily" and b.taken_at.date() == day for b in list_backups(db_path)):
        return None
    return make_backup(db_path, "daily")


def rotate(db_path: Path) -> list[Path]:
    """Delete the backups the rules in this module's docstring no longer keep; returns what was deleted."""
    backups = list_backups(db_path)
    daily = [b for b in backups if b.reason == "daily"]
    events = [b for b in backups if b.reason in EVENT_REASONS]
    deleted = []
    for backup in daily[KEEP_DAILY:] + events[KEEP_EVENTS:]:
        backup.path.unlink(missing_ok=True)
        deleted.append(backup.path)
    # A backup interrupted by a crash leaves its temporary file; an hour on, no backup is still writing it.
    folder = backups_dir(Path(db_path))
    for leftover in folder.glob(".immudesk-*.sqlite3.part") if folder.is_dir() else ():
        try:
            if _dt.datetime.now().timestamp() - leftover.stat().st_mtime > 3600:
                leftover.unlink()
                deleted.append(leftover)
        except FileNotFoundError:
            pass
    return deleted


# -- restore --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Restored:
    source: Path
    kept: Path | None     # where the replaced database was kept (None if there was none)


def _keep_current(db_path: Path) -> Path | None:
    """Keep the database about to be replaced: a verified backup, or when it is too damaged for that, a plain
    copy of its files (database and write-ahead log), named "damaged"."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return make_backup(db_path, "before-restore")
    except (DatabaseError, crypto.WrongPassphrase):
        pass
    folder = backups_dir(db_path)
    make_private_dir(folder)
    target = _new_name(folder, "damaged")
    for suffix in ("", "-wal"):
        part = Path(str(db_path) + suffix)
        if part.exists():
            _private_file(Path(str(target) + suffix))
            shutil.copyfile(part, Path(str(target) + suffix))
    return target


def restore(db_path: Path, source: Path, passphrase: str | None = None) -> Restored:
    """Replace the database with the backup at source, after checking it, keeping the replaced one.

    Works while the window has the database open: the copy goes in through SQLite's backup API into the live
    file, as one write transaction, so every open connection simply sees the restored records next time it
    reads. Only a database too damaged for SQLite to write is replaced as a file (after being kept)."""
    from .database import Store, connect, migrate

    db_path, source = Path(db_path), Path(source)
    if source.resolve() == db_path.resolve():
        raise UserError(f"{source} is the database itself; choose a backup to restore")
    live_key = crypto.passphrase_for(db_path, passphrase)
    source_key = live_key if crypto.is_encrypted(source) else None
    if crypto.is_encrypted(source) and not source_key:
        raise crypto.PassphraseNeeded(
            f"{source} cannot be restored as it is: it is not a database immudesk can read, or it is an encrypted "
            f"backup (then give its passphrase; at the command line set {crypto.ENV_VAR}). The database was not "
            "changed.")
    problems = check_file(source, source_key)
    if problems:
        raise DatabaseError(f"{source} cannot be restored: {problems[0]}. The database was not changed.")
    if db_path.exists() and crypto.is_encrypted(db_path) != crypto.is_encrypted(source):
        raise UserError(f"{source} is {'' if source_key else 'not '}encrypted but the database is "
                        f"{'' if crypto.is_encrypted(db_path) else 'not '}; restore a backup made after encryption "
                        "was turned on (or turn it on first with `immudesk encrypt`)")

    make_private_dir(db_path.parent)  # restoring onto a new laptop: the data folder may not exist yet
    kept = _keep_current(db_path)
    try:
        _copy_into_live(source, db_path, source_key)
    except crypto.sqlite_errors():
        _replace_file(source, db_path)
    # The restored copy may be from an older immudesk; its backup is the source itself, so no second backup.
    conn = connect(db_path, live_key)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn, db_path, before_migrating=None)
        store = Store(conn, db_path)
        changelog.record(store, "restore", f"restored from {source.name}"
                         + (f"; the replaced database was kept as {kept.name}" if kept else ""))
        problems = check_connection(conn, full=True)
    finally:
        conn.close()
    if problems:
        raise DatabaseError(f"The restored database fails its check ({problems[0]}). The database before the "
                            f"restore is kept as {kept}.")
    return Restored(source, kept)


def _copy_into_live(source: Path, db_path: Path, key: str | None) -> None:
    from .database import _create_private_file

    _create_private_file(db_path)
    copy_from = open_for_check(source, key)
    try:
        live = _connect(db_path, key)
        try:
            # Waits (busy timeout) while another connection is writing, then replaces every page at once.
            copy_from.backup(live)
        finally:
            live.close()
    finally:
        copy_from.close()


def _replace_file(source: Path, db_path: Path) -> None:
    """Last resort for a live file SQLite cannot write: put a copy of source in its place atomically."""
    temporary = db_path.with_name("." + db_path.name + ".restoring")
    temporary.unlink(missing_ok=True)
    _private_file(temporary)
    shutil.copyfile(source, temporary)
    with open(temporary, "rb+") as file:
        os.fsync(file.fileno())
    # The damaged file's write-ahead log (kept with it) must not be replayed onto the restored one.
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(temporary, db_path)
    _fsync_dir(db_path.parent)


def backup_summary(db_path: Path) -> str:
    """One line per backup for the command line and the restore dialog: when, why, where."""
    lines = [f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason:<16}  {b.path}" for b in list_backups(db_path)]
    return "\n".join(lines) if lines else f"No backups yet in {backups_dir(Path(db_path))}."


# -- imports that back up first ---------------------------------------------------------------------------
def import_roster_with_backup(store, path, *, update: bool = False, label: str | None = None,
                              today: _dt.date | None = None) -> tuple[int, int]:
    """import_roster for the window and the CLI: a file that passes its check is imported after a verified
    backup, with an "import" entry in the change log written in the same transaction as the children."""
    from ..roster_csv import import_roster, read_roster

    rows = read_roster(path, today=today, label=label)  # a file with problems raises here: no backup churn
    backup_before(store, "import")
    with store.transaction():
        added, updated = import_roster(store, path, update=update, today=today, label=label, rows=rows)
        changelog.record(store, "import", f"{added} added, {updated} updated from {Path(path).name}")
    return added, updated


__all__ = ["Backup", "Restored", "backup_before", "backup_summary", "copy_database", "daily_backup",
           "import_roster_with_backup", "list_backups", "make_backup", "restore", "rotate"]
