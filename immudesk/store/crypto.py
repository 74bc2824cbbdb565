"""Encryption at rest (optional, SQLCipher) and the app-lock PIN: who may open the children's records.

Encryption is off until the provider runs `immudesk encrypt` (or the window's equivalent). An encrypted
database and its backups open only with the passphrase, given to open_store(), remembered for this process
with remember_passphrase() (the window asks once), or read from IMMUDESK_PASSPHRASE. A lost passphrase cannot
be recovered: nobody, immudesk included, can read the records without it (docs/privacy.md).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import DatabaseError, UserError

ENV_VAR = "IMMUDESK_PASSPHRASE"
PLAIN_HEADER = b"SQLite format 3\x00"
MIN_PASSPHRASE = 8
PIN_SETTING = "app_lock_pin"
# scrypt's recommended interactive cost (2**14, 8, 1): about 50 ms here, slow enough to make guessing a
# short PIN from a stolen file expensive, fast enough not to be noticed when unlocking.
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


class PassphraseNeeded(DatabaseError):
    """The database is encrypted and no passphrase was given."""


class WrongPassphrase(DatabaseError):
    """The passphrase does not open the database."""


def _sqlcipher():
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise UserError("encryption needs the sqlcipher3 package, which is not installed; install immudesk "
                        "with its 'encryption' extra (pip install 'immudesk[encryption]')") from None
    return dbapi2


def database_errors() -> tuple[type[BaseException], ...]:
    """The DatabaseError classes of both drivers (sqlcipher3's do not derive from sqlite3's)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, dbapi2.DatabaseError)


def sqlite_errors() -> tuple[type[BaseException], ...]:
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, dbapi2.Error)


# -- which passphrase -----------------------------------------------------------------------------------
_remembered: dict[Path, str] = {}


def _key(path: Path) -> Path:
    return Path(os.path.abspath(path))


def remember_passphrase(db_path: Path, passphrase: str) -> None:
    """Keep the passphrase for this process, so every later open_store() of db_path (and its backups) works."""
    _remembered[_key(db_path)] = passphrase


def forget_passphrase(db_path: Path) -> None:
    _remembered.pop(_key(db_path), None)


def passphrase_for(db_path: Path, given: str | None = None) -> str | None:
    """The passphrase to use for db_path: the one given, else the remembered one, else $IMMUDESK_PASSPHRASE."""
    return given or _remembered.get(_key(db_path)) or os.environ.get(ENV_VAR) or None


def is_encrypted(path: Path) -> bool:
    """True when the file exists, is not empty and does not start with SQLite's plain-text header."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return len(head) > 0 and head != PLAIN_HEADER


def _quoted(passphrase: str) -> str:
    # PRAGMA key takes no bound parameters; a quoted literal with doubled quotes is SQLCipher's documented form.
    return "'" + passphrase.replace("'", "''") + "'"


def connect_encrypted(path: Path, passphrase: str, *, timeout: float = 10):
    """A SQLCipher connection to path, keyed and proven to read (raises WrongPassphrase otherwise)."""
    dbapi2 = _sqlcipher()
    conn = dbapi2.connect(str(path), isolation_level=None, timeout=timeout)
    try:
        conn.execute(f"PRAGMA key = {_quoted(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError:
        conn.close()
        raise WrongPassphrase(f"The passphrase does not open {path}. Check it and try again (letters and case "
                              "matter). A lost passphrase cannot be recovered; an unencrypted backup, if "
                              "you have one from before encryption was turned on, can be restored.") from None
    return conn


def check_passphrase(db_path: Path, passphrase: str) -> bool:
    """Whether passphrase opens the encrypted database (used by the app lock)."""
    try:
        connect_encrypted(db_path, passphrase).close()
    except WrongPassphrase:
        return False
    return True


# -- turning encryption on, changing the passphrase ------------------------------------------------------
def _export(source: Path, target: Path, source_key: str | None, target_key: str) -> None:
    """Copy every table, index, trigger and user_version into a new encrypted file (sqlcipher_export)."""
    dbapi2 = _sqlcipher()
    if source_key:
        conn = connect_encrypted(source, source_key)
    else:
        conn = dbapi2.connect(str(source), isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {_quoted(target_key)}", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        # sqlcipher_export copies the schema and rows, not the header's user_version (our schema number).
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


def validate_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(f"the passphrase must have at least {MIN_PASSPHRASE} characters; a few words that only "
                        "you know are easy to remember and hard to guess")


def encrypt_file(path: Path, new_passphrase: str, old_passphrase: str | None = None) -> None:
    """Rewrite one database file (the live one or a backup) encrypted with new_passphrase, verified before it
    replaces the original. old_passphrase is the current key (None when the file is not encrypted yet)."""
    from .integrity import check_connection, table_counts

    temporary = path.with_name("." + path.name + ".encrypting")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        _export(path, temporary, old_passphrase, new_passphrase)
        source = connect_encrypted(path, old_passphrase) if old_passphrase else _sqlcipher().connect(str(path))
        copy = connect_encrypted(temporary, new_passphrase)
        try:
            problems = check_connection(copy, full=True)
            if not problems and table_counts(source) != table_counts(copy):
                problems = ["the encrypted copy does not hold the same number of rows"]
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
    except sqlite_errors() as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        raise UserError(f"{db_path} is open in another program, most likely the immudesk window: close it, "
                        "then encrypt again. Nothing was changed.") from None
    finally:
        conn.close()


def encrypt_database(db_path: Path, new_passphrase: str, old_passphrase: str | None = None) -> list[Path]:
    """Turn encryption on (old_passphrase None) or change the passphrase, for the database and every backup
    in its backups folder, so no readable copy stays behind. Refused while the window (or any other program)
    has the file open: the file is replaced, and such a connection would keep the old one. Returns the files
    rewritten.

    Safe to run again after an interruption: a file the new passphrase already opens is left alone."""
    from .paths import backups_dir

    validate_new_passphrase(new_passphrase)
    if not db_path.exists():
        raise UserError(f"there is no database at {db_path} to encrypt")
    if is_encrypted(db_path) and not old_passphrase:
        raise PassphraseNeeded(f"{db_path} is already encrypted; give its current passphrase to change it")
    _refuse_if_open_elsewhere(db_path, old_passphrase if is_encrypted(db_path) else None)
    folder = backups_dir(db_path)
    files = [db_path, *sorted(folder.glob("*.sqlite3"))] if folder.is_dir() else [db_path]
    rewritten = []
    for path in files:
        if is_encrypted(path):
            if check_passphrase(path, new_passphrase):
                continue
            if not old_passphrase or not check_passphrase(path, old_passphrase):
                # A backup made under an earlier passphrase: say so rather than guess.
                raise WrongPassphrase(f"{path} does not open with the current passphrase; it was encrypted "
                                      "with another one. Move it out of the backups folder, then try again.")
            encrypt_file(path, new_passphrase, old_passphrase)
        else:
            if path == db_path:
                # Put everything the write-ahead log holds into the file before it is copied.
                conn = sqlite3.connect(path, isolation_level=None)
                try:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()
            encrypt_file(path, new_passphrase, None)
        rewritten.append(path)
    remember_passphrase(db_path, new_passphrase)
    return rewritten


# -- the app-lock PIN (used when encryption is off) -------------------------------------------------------
# hashlib, hmac and secrets are imported where a PIN is set or checked: every start of immudesk opens a
# database, few of them touch a PIN, and the three cost ~5 ms to load.
def hash_pin(pin: str, salt: bytes | None = None) -> str:
    import hashlib
    import secrets

    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    try:
        _, n, r, p, salt, digest = stored.split("$")
        computed = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)


def set_pin(store, pin: str | None) -> None:
    """Set (or with None, remove) the PIN that unlocks the idle lock. Stored only as a salted scrypt hash."""
    with store.transaction():
        if pin is None:
            store.conn.execute("DELETE FROM settings WHERE key = ?", (PIN_SETTING,))
            return
        if not (4 <= len(pin) <= 64):
            raise UserError("the PIN must have 4 to 64 characters")
        store.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (PIN_SETTING, hash_pin(pin)))


def has_pin(store) -> bool:
    return store.conn.execute("SELECT 1 FROM settings WHERE key = ?", (PIN_SETTING,)).fetchone() is not None


def check_pin(store, pin: str) -> bool:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (PIN_SETTING,)).fetchone()
    return row is not None and pin_matches(pin, row[0])
