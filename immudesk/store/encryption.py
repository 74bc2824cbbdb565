"""Rewriting records files encrypted: turning encryption on, changing the passphrase, finishing after a kill.

Each file is exported to a temporary file beside it, already encrypted, checked, and only then renamed over the
original, so at every moment each file is either as it was or wholly encrypted. The live database goes first
and carries its change-log entry inside the encrypted copy (the log says "encryption turned on" exactly when
the file is encrypted). Its backups follow; a kill before they are done is finished by finish_encryption, which
open_store runs at every open of an encrypted database. No plain copy is left behind: leftover temporary files
are removed, and a backup that cannot be encrypted (damaged) stops encryption before anything changes.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import DatabaseError, UserError
from .backup import list_backups, older_backups
from .crypto import (MIN_PASSPHRASE, PassphraseNeeded, WrongPassphrase, quoted_key, sqlcipher, check_passphrase,
                     connect_encrypted, is_encrypted, remember_passphrase, sqlite_errors)
from .integrity import check_connection, check_file, table_counts
from .paths import backups_dir

# What an interrupted backup, restore or encryption leaves: never a whole file, possibly a readable one.
_TEMPORARY_ENDINGS = tuple(f".{kind}{journal}" for kind in ("part", "encrypting", "restoring")
                           for journal in ("", "-journal"))


def validate_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(f"the passphrase must have at least {MIN_PASSPHRASE} characters; a few words that only "
                        "you know are easy to remember and hard to guess")


def _export(source: Path, target: Path, source_key: str | None, target_key: str) -> None:
    """Copy every table, index, trigger and user_version into a new encrypted file (sqlcipher_export)."""
    dbapi2 = sqlcipher()
    conn = connect_encrypted(source, source_key) if source_key else dbapi2.connect(str(source), isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {quoted_key(target_key)}", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        # sqlcipher_export copies the schema and rows, not the header's user_version (our schema number).
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


def encrypt_file(path: Path, new_passphrase: str, old_passphrase: str | None = None,
                 log_entry: tuple[str, str] | None = None) -> None:
    """Rewrite one database file (the live one or a backup) encrypted with new_passphrase, verified before it
    replaces the original. old_passphrase is the current key (None when the file is not encrypted yet).
    log_entry (event, detail) is written into the encrypted copy, so it is there exactly when the copy is."""
    temporary = path.with_name("." + path.name + ".encrypting")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        _export(path, temporary, old_passphrase, new_passphrase)
        source = connect_encrypted(path, old_passphrase) if old_passphrase else sqlcipher().connect(str(path))
        copy = connect_encrypted(temporary, new_passphrase)
        try:
            problems = check_connection(copy, full=True)
            if not problems and table_counts(source) != table_counts(copy):
                problems = ["the encrypted copy does not hold the same number of rows"]
            if not problems and log_entry:
                copy.execute("INSERT INTO change_log (event, detail) VALUES (?, ?)", log_entry)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
            source.close()
        if problems:
            raise DatabaseError(f"Encrypting {path} failed its check ({problems[0]}); nothing was changed.")
        with open(temporary, "rb+") as file:
            os.fsync(file.fileno())
        # A stale write-ahead log of the plain file must not be replayed onto the encrypted one.
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _refuse_if_open_elsewhere(db_path: Path, passphrase: str | None) -> None:
    """Encrypting replaces the file. The window (or any program) holding it open would go on writing to the old
    file, and what it wrote would be lost: refuse while anyone else has it open. SQLite grants its exclusive
    locking mode on a write-ahead-log database only when no other connection has the file open."""
    conn = (connect_encrypted(db_path, passphrase, timeout=0.5) if passphrase
            else sqlite3.connect(db_path, isolation_level=None, timeout=0.5))
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        if not passphrase:
            # Put everything the write-ahead log holds into the file before it is copied.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite_errors() as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        raise UserError(f"{db_path} is open in another program, most likely the immudesk window: close it, "
                        "then encrypt again. Nothing was changed.") from None
    finally:
        conn.close()


def remove_leftovers(db_path: Path, *, only_readable: bool = False) -> list[Path]:
    """Delete the temporary files an interrupted backup, restore or encryption left beside the database and in
    its backups folder (a plain one would keep the records readable). only_readable: only the plain, non-empty
    ones (an encrypted one may be a backup the window is writing right now). Returns what was deleted."""
    removed = []
    for folder in (db_path.parent, backups_dir(db_path)):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if not (path.name.startswith(".") and path.name.endswith(_TEMPORARY_ENDINGS) and path.is_file()):
                continue
            if not only_readable or (path.stat().st_size > 0 and not is_encrypted(path)):
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def _unencryptable(db_path: Path) -> list[str]:
    """Files in the backups folder that would stay readable because they cannot be encrypted."""
    found = []
    folder = backups_dir(db_path)
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.name.endswith("-wal"):
            found.append(f"{path.name} (the log of a kept damaged copy)")
        elif path.suffix == ".sqlite3" and not is_encrypted(path) and check_file(path):
            found.append(f"{path.name} (damaged: {check_file(path)[0]})")
    return found


def encrypt_database(db_path: Path, new_passphrase: str, old_passphrase: str | None = None) -> list[Path]:
    """Turn encryption on (old_passphrase None) or change the passphrase, for the database and every backup
    in its backups folder, so no readable copy stays behind. Refused while the window (or any other program)
    has the file open, and before anything changes when a backup cannot be encrypted. Returns the files
    rewritten.

    Safe to run again after an interruption: a file the new passphrase already opens is left alone."""
    validate_new_passphrase(new_passphrase)
    if not db_path.exists():
        raise UserError(f"there is no database at {db_path} to encrypt")
    if is_encrypted(db_path) and not old_passphrase:
        raise PassphraseNeeded(f"{db_path} is already encrypted; give its current passphrase to change it")
    _refuse_if_open_elsewhere(db_path, old_passphrase if is_encrypted(db_path) else None)
    blocked = _unencryptable(db_path)
    if blocked:
        raise UserError(f"these files in {backups_dir(db_path)} cannot be encrypted, so they would stay readable: "
                        + "; ".join(blocked) + ". Move them off this computer (or delete them if you do not "
                        "need them), then encrypt again. Nothing was changed.")
    backups = [backup.path for backup in list_backups(db_path)]
    for path in backups:
        if is_encrypted(path) and not check_passphrase(path, new_passphrase) and not (
                old_passphrase and check_passphrase(path, old_passphrase)):
            raise WrongPassphrase(f"{path} does not open with the current passphrase; it was encrypted with "
                                  "another one. Move it out of the backups folder, then try again. Nothing was "
                                  "changed.")
    remove_leftovers(db_path)
    rewritten = []
    if not (is_encrypted(db_path) and check_passphrase(db_path, new_passphrase)):
        count = len(backups)
        entry = ("passphrase changed" if old_passphrase else "encryption turned on",
                 f"the database and {count} backup{'s' if count != 1 else ''}")
        encrypt_file(db_path, new_passphrase, old_passphrase if is_encrypted(db_path) else None, entry)
        rewritten.append(db_path)
    remember_passphrase(db_path, new_passphrase)
    rewritten += _encrypt_backups(backups, new_passphrase, old_passphrase)
    return rewritten


def _encrypt_backups(backups: list[Path], passphrase: str, old_passphrase: str | None) -> list[Path]:
    rewritten = []
    for path in backups:
        if not is_encrypted(path):
            encrypt_file(path, passphrase, None)
        elif not check_passphrase(path, passphrase):
            encrypt_file(path, passphrase, old_passphrase)
        else:
            continue
        rewritten.append(path)
    return rewritten


def finish_encryption(db_path: Path, passphrase: str) -> list[Path]:
    """After an interrupted `immudesk encrypt`: encrypt the backups still plain (and still whole) and remove the
    temporary files left behind. Cheap when there is nothing to do (reads the first bytes of each backup)."""
    plain = [b.path for b in list_backups(db_path) if not is_encrypted(b.path) and not check_file(b.path)]
    removed = remove_leftovers(db_path, only_readable=True)
    return _encrypt_backups(plain, passphrase, None) + removed


def older_backups_left(db_path: Path) -> list[Path]:
    """Plain backups in the shared backups folder that may belong to another database: left as they are."""
    return [b.path for b in older_backups(db_path) if not is_encrypted(b.path)]
