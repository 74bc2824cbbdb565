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


def sqlcipher():
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


# -- is a file encrypted? ------------------------------------------------------------------------------
# Closing any file descriptor drops every POSIX lock the process holds on that file, SQLite's included: a
# process that has the records open must never open() the live file itself, or the next immudesk process
# believes it is alone and deletes the write-ahead log under it (issue 14). So each open Store says here what
# its file is, and is_encrypted answers from that instead of reading the header.
_held: dict[tuple[int, int], list] = {}   # (device, inode) -> [encrypted, Stores holding it, descriptors]


def file_identity(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_dev, status.st_ino


def hold(path: Path, encrypted: bool) -> None:
    """An open Store keeps path open: answer is_encrypted from here until release()."""
    entry = _held.setdefault(file_identity(path), [encrypted, 0, []])
    entry[0], entry[1] = encrypted, entry[1] + 1


def release(path: Path, identity: tuple[int, int] | None = None) -> None:
    key = identity or file_identity(path)
    entry = _held.get(key)
    if entry is not None:
        entry[1] -= 1
        if entry[1] <= 0:
            del _held[key]
            for fd in entry[2]:   # SQLite has let go of the file: closing these drops nothing it needs
                os.close(fd)


def read_file(path: Path) -> bytes:
    """A file's bytes. For a file a Store of this process holds (a damaged database kept before it is replaced),
    through a descriptor left open until the last Store releases the file: closing it now would drop SQLite's
    locks."""
    try:
        entry = _held.get(file_identity(path))
    except OSError:
        entry = None
    if entry is None:
        return Path(path).read_bytes()
    fd = os.open(path, os.O_RDONLY)
    entry[2].append(fd)
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def is_held(path: Path) -> bool:
    """Whether a Store of this process has the file open."""
    try:
        return file_identity(path) in _held
    except OSError:
        return False


def is_encrypted(path: Path) -> bool:
    """True when the file exists, is not empty, and is not a plain SQLite file (a plain file whose first bytes
    are damaged is still plain: see looks_plain)."""
    try:
        held = _held.get(file_identity(path))
    except (FileNotFoundError, NotADirectoryError):
        return False
    if held is not None:
        return held[0]
    try:
        with open(path, "rb") as file:
            head = file.read(_HEADER_SIZE)
    except FileNotFoundError:
        return False
    return len(head) > 0 and not looks_plain(head)


_HEADER_SIZE = 100


def looks_plain(head: bytes) -> bool:
    """Whether the first bytes of a file are a plain SQLite header, even one whose magic string is damaged.
    SQLite writes fixed values at offsets 21-23 (payload fractions 64, 32, 32; "File format" in sqlite.org's
    fileformat2.html); a SQLCipher file is random from its first byte, so it matches by chance once in 2**24."""
    return head.startswith(PLAIN_HEADER) or (len(head) >= 24 and head[21:24] == b"\x40\x20\x20")


def quoted_key(passphrase: str) -> str:
    # PRAGMA key takes no bound parameters; a quoted literal with doubled quotes is SQLCipher's documented form.
    return "'" + passphrase.replace("'", "''") + "'"


def connect_encrypted(path: Path, passphrase: str, *, timeout: float = 10):
    """A SQLCipher connection to path, keyed and proven to read (raises WrongPassphrase otherwise)."""
    dbapi2 = sqlcipher()
    conn = dbapi2.connect(str(path), isolation_level=None, timeout=timeout)
    try:
        # SQLCipher logs a wrong key to stderr ("hmac check failed for pgno=1"): the provider gets our
        # message instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {quoted_key(passphrase)}")
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
