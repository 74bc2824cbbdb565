"""Backups and restores: verified copies of the database, taken before anything risky and once a day.

Every copy is made with SQLite's online backup API (a consistent snapshot even while the window is open and
writing; the write-ahead log is included), written under a temporary name, checked (integrity_check and the
same row count in every table) and only then renamed into place, so a backup file that exists is whole.

Each database's backups live in its own folder, backups/<database file name>/ beside it (paths.backups_dir),
private like the database, named immudesk-YYYY-MM-DD_HHMMSS_mmm-REASON.sqlite3 (local time). Every database
carries an identity (settings "database_id", copied into its backups), so a backup of another database is
never restored over it. Which are kept (rotate()):
  daily                                  the newest 7
  before-migration, before-import        the newest 10 of these together
  manual, before-restore, damaged        never deleted by immudesk (the provider asked for them, or they
                                         hold a database that was replaced)
An encrypted database's backups are encrypted with the same passphrase.

This module makes and checks copies; what to back up before what (a migration, an import, a restore) is
decided one layer up, in operations.py.
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
from . import crypto
from .database import connect, create_private_file, plain_trouble, trouble
from .integrity import check_connection, check_file, table_counts
from .paths import backups_dir, make_private_dir, shared_backups_dir

KEEP_DAILY = 7
KEEP_EVENTS = 10
EVENT_REASONS = ("before-migration", "before-import")
NEVER_ROTATED = ("manual", "before-restore", "damaged")
REASONS = ("daily", *EVENT_REASONS, *NEVER_ROTATED)
_NAME = re.compile(r"^immudesk-(\d{4}-\d{2}-\d{2}_\d{6}_\d{3})-([a-z-]+)\.sqlite3$")
IDENTITY_SETTING = "database_id"
DATABASE_SUFFIXES = (".sqlite3", ".sqlite", ".db")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: _dt.datetime   # local time, from the name
    reason: str


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of the database at db_path, newest first (files that are not immudesk backups are ignored).
    Backups from before per-database folders are moved into this database's folder when they can only be its
    own (adopt_older_backups)."""
    adopt_older_backups(Path(db_path))
    return _backups_in(backups_dir(Path(db_path)))


def older_backups(db_path: Path) -> list[Backup]:
    """Backups from before per-database folders that could belong to any database in db_path's folder: listed
    for the provider to choose from by hand, never offered on their own."""
    return _backups_in(shared_backups_dir(Path(db_path)))


def _backups_in(folder: Path) -> list[Backup]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            taken = _dt.datetime.strptime(match.group(1) + "000", "%Y-%m-%d_%H%M%S_%f")
            found.append(Backup(path, taken, match.group(2)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def adopt_older_backups(db_path: Path) -> list[Path]:
    """Move the backups an older immudesk put straight into the shared "backups" folder into db_path's own
    folder, when db_path is the only database in its folder (then they can only be its own). With several
    databases there, they stay where they are, listed by older_backups. Returns the files moved."""
    older = _backups_in(shared_backups_dir(db_path))
    if not older or not db_path.is_file():
        return []
    databases = [p for p in db_path.parent.iterdir()
                 if p.is_file() and p.suffix in DATABASE_SUFFIXES and not p.name.startswith(".")]
    if [p.name for p in databases] != [db_path.name]:
        return []
    folder = backups_dir(db_path)
    make_private_dir(folder)
    moved = []
    for backup in older:
        for suffix in ("", "-wal"):   # a kept damaged copy has its write-ahead log beside it
            part = Path(str(backup.path) + suffix)
            if part.exists():
                os.replace(part, folder / part.name)
        moved.append(folder / backup.path.name)
    return moved


def database_identity(conn) -> str | None:
    """The identity of the database conn is open on (None for a file from before identities)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (IDENTITY_SETTING,)).fetchone()
    except crypto.sqlite_errors():
        return None
    return row[0] if row else None


def give_identity(store) -> None:
    """Give the database its identity if it has none yet (its backups carry it from then on)."""
    if database_identity(store.conn) is None:
        import uuid

        with store.transaction():
            store.conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                               (IDENTITY_SETTING, str(uuid.uuid4())))


def _new_name(folder: Path, reason: str) -> Path:
    now = _dt.datetime.now()
    stamp = f"{now:%Y-%m-%d_%H%M%S}_{now.microsecond // 1000:03d}"
    path = folder / f"immudesk-{stamp}-{reason}.sqlite3"
    while path.exists():  # two backups in the same millisecond: make the later one sort after
        now += _dt.timedelta(milliseconds=1)
        path = folder / f"immudesk-{now:%Y-%m-%d_%H%M%S}_{now.microsecond // 1000:03d}-{reason}.sqlite3"
    return path


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
    source_path, target = Path(source_path), Path(target)
    if target.exists():
        raise UserError(f"{target} already exists; choose another name (a backup never overwrites a file)")
    temporary = target.with_name("." + target.name + ".part")
    temporary.unlink(missing_ok=True)
    key = crypto.passphrase_for(source_path, passphrase) if crypto.is_encrypted(source_path) else None
    with plain_trouble():
        source = connect(source_path, key)
    try:
        create_private_file(temporary)
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
        said = trouble(error)
        if said is not None:
            raise said from None
        raise DatabaseError(f"The backup of {source_path} failed ({error}); the database itself was not "
                            "changed.") from None
    except OSError as error:
        raise UserError(f"cannot write the backup {target}: {error.strerror or error}; the database itself "
                        "was not changed.") from None
    finally:
        source.close()
        temporary.unlink(missing_ok=True)
    return target


def make_backup(db_path: Path, reason: str = "manual", out: Path | None = None,
                passphrase: str | None = None, *, rotate_now: bool = True) -> Path:
    """Back up the database: to out when given, else into its backups folder (then rotate, unless the caller
    rotates once what the backup was for has succeeded). Returns the file."""
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
    if rotate_now:
        rotate(db_path)
    return target


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


# -- the way back: the newest good backup, keeping a database before it is replaced ----------------------
def newest_good_backup(db_path: Path, passphrase: str | None = None) -> Path | None:
    """The most recent of db_path's own backups that passes the full check, or None."""
    key = crypto.passphrase_for(db_path, passphrase)
    for backup in list_backups(db_path):
        if backup.reason != "damaged" and not check_file(backup.path, key):
            return backup.path
    return None


def damaged_message(db_path: Path, problems: list[str], passphrase: str | None = None) -> str:
    """What to tell a provider whose database failed its check: what is wrong, and the way back."""
    shown = "; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "")
    text = (f"The database {db_path} is damaged and was not opened, so nothing in it was changed "
            f"(SQLite reports: {shown}).")
    try:
        good = newest_good_backup(db_path, passphrase)
    except Exception:  # noqa: BLE001 - looking for a way back must never hide the message itself
        good = None
    if good:
        text += (f" The newest backup that passes its check is {good}. To go back to it, run:\n"
                 f"  immudesk restore \"{good}\"\n"
                 "The damaged file is kept in the backups folder, not deleted.")
    else:
        text += (" No backup that passes its check was found in its backups folder "
                 f"({backups_dir(db_path)}). Copy the file somewhere safe before trying anything else, and ask "
                 "for help.")
    return text


def keep_damaged(db_path: Path) -> Path:
    """A plain copy of a database's files (database and write-ahead log) as they are, named "damaged": for a
    file SQLite cannot copy, or whose log is damaged (a copy through SQLite would drop what the log holds)."""
    folder = backups_dir(db_path)
    make_private_dir(folder)
    target = _new_name(folder, "damaged")
    written = []
    try:
        for suffix in ("", "-wal"):
            part = Path(str(db_path) + suffix)
            if part.exists():
                copy = Path(str(target) + suffix)
                create_private_file(copy)
                written.append(copy)
                copy.write_bytes(crypto.read_file(part))
    except OSError as error:
        for copy in written:   # half a copy is no copy: never leave an empty "damaged" file behind
            copy.unlink(missing_ok=True)
        raise UserError(f"cannot keep a copy of {db_path} before replacing it ({error.strerror or error}); free "
                        "some space and try again. Nothing was changed.") from None
    return target


def keep_current(db_path: Path) -> Path | None:
    """Keep the database about to be replaced: a verified backup, or when it is too damaged for that, a plain
    copy of its files (keep_damaged)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return make_backup(db_path, "before-restore")
    except (DatabaseError, crypto.WrongPassphrase):
        pass
    return keep_damaged(db_path)


def copy_into(source, target_path: Path, key: str | None) -> None:
    """Replace every page of the database at target_path with source's (a connection), as one write transaction:
    connections other programs hold open simply see the new records next time they read."""
    create_private_file(target_path)
    live = crypto.connect_encrypted(target_path, key) if key else sqlite3.connect(target_path, isolation_level=None,
                                                                                  timeout=10)
    try:
        source.backup(live)   # waits (busy timeout) while another connection is writing
    finally:
        live.close()


def replace_file(source: Path, db_path: Path) -> None:
    """Last resort for a live file SQLite cannot write: put a copy of source in its place atomically."""
    temporary = db_path.with_name("." + db_path.name + ".restoring")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
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
    text = "\n".join(lines) if lines else f"No backups yet in {backups_dir(Path(db_path))}."
    older = older_backups(db_path)
    if older:
        text += ("\n\nOlder backups, from before each database had its own backups folder (they may be of "
                 "another database in this folder; check before restoring one):\n"
                 + "\n".join(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason:<16}  {b.path}" for b in older))
    return text


__all__ = ["Backup", "backup_summary", "copy_database", "copy_into", "daily_backup", "damaged_message",
           "database_identity", "give_identity", "keep_current", "keep_damaged", "list_backups", "make_backup",
           "newest_good_backup", "older_backups", "replace_file", "rotate"]
