"""Is this database file whole? The check at every open, the full check on demand, and the newest good backup.

A damaged file is never repaired or replaced behind the provider's back: open_store refuses it with a message
that names the newest backup that passes the full check and the command that restores it.
"""
from __future__ import annotations

import sqlite3
import struct
import threading
from pathlib import Path

from ..errors import DatabaseError
from .crypto import PassphraseNeeded, connect_encrypted, database_errors, is_encrypted, is_held, sqlite_errors
from .database import trouble
from .migrations import SCHEMA_VERSION

# The tables every immudesk database has had since migration 1; a file without them is not ours.
CORE_TABLES = ("facility", "children", "doses", "exemptions", "disease_history", "in_process")


def check_connection(conn, *, full: bool = False) -> list[str]:
    """The problems SQLite finds ([] when the file is whole). quick_check (O(N), no index cross-checks) at
    every open keeps opening fast; integrity_check plus foreign_key_check for backups and on demand."""
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        problems = [] if rows == ["ok"] else rows
        if full and not problems:
            problems = [f"a {table} row points to a missing {parent} row"
                        for table, _, parent, _ in conn.execute("PRAGMA foreign_key_check")]
    except database_errors() as error:
        said = trouble(error)
        if said is not None:
            raise said from None
        problems = [str(error)]
    return problems


# -- the check at open, started early (the window) ---------------------------------------------------------
# The window starts the open-time check of the records file before it loads Qt, on a second read-only
# connection in a thread: SQLite checks without holding the GIL, so the check (tens of ms on a large roster)
# runs beside the ~0.1 s of loading instead of after it. open_store then takes that answer instead of checking
# again. It is still the file as it was a moment before opening, as with the check on open_store's own
# connection; an answer is used once, for the same file, and any trouble falls back to that check.
_early_checks: dict[Path, _EarlyCheck] = {}


class _EarlyCheck(threading.Thread):
    def __init__(self, path: Path):
        super().__init__(name="immudesk-check-at-open", daemon=True)
        self.path = path
        self.problems: list[str] | None = None   # None: no answer, check on open_store's connection

    def run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, isolation_level=None)
        except sqlite3.Error:
            return
        try:
            self.problems = check_connection(conn)
        finally:
            conn.close()


def start_check_at_open(path: Path) -> None:
    """Begin the open-time check of an existing plain (not encrypted) database file; see above."""
    path = Path(path).resolve()
    if path in _early_checks or not path.is_file() or is_encrypted(path) or wal_problems(path):
        return
    check = _EarlyCheck(path)
    _early_checks[path] = check
    check.start()


def problems_at_open(conn, path: Path) -> list[str]:
    """The quick_check answer for the file open_store is opening: the early one when it was started."""
    early = _early_checks.pop(Path(path).resolve(), None)
    if early is not None:
        early.join()
        if early.problems is not None:
            return early.problems
    return check_connection(conn)


def table_counts(conn) -> dict[str, int]:
    """Row counts of every table, to compare a copy with its original."""
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def open_for_check(path: Path, passphrase: str | None = None):
    """A connection to any immudesk file (the live one, a backup), encrypted or not. Read-only for plain files,
    so checking a backup never changes it."""
    if is_encrypted(path):
        if not passphrase:
            raise PassphraseNeeded(f"{path} is encrypted; give the passphrase to open it")
        return connect_encrypted(path, passphrase)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def check_file(path: Path, passphrase: str | None = None, *, full: bool = True) -> list[str]:
    """Problems with a database file as a copy to restore from: unreadable, damaged, not immudesk's, or from a
    newer immudesk. [] means it is good."""
    path = Path(path)
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = open_for_check(path, passphrase)
    except DatabaseError as error:
        return [str(error)]
    except sqlite_errors() as error:
        return [f"cannot open it ({error})"]
    try:
        problems = check_connection(conn, full=full)
        if problems:
            return problems
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite_errors() as error:
            return [f"cannot read it ({error})"]
        missing = [name for name in CORE_TABLES if name not in tables]
        if missing or version < 1:
            return ["it is not an immudesk database"]
        if version > SCHEMA_VERSION:
            return [f"it was written by a newer immudesk (schema {version}; this one knows up to {SCHEMA_VERSION})"]
        return []
    finally:
        conn.close()


def unreadable_records(children) -> list[str]:
    """One line per child whose stored record holds a value immudesk cannot read (Child.unreadable: a date a
    flipped bit made '2023-04-33'). SQLite's checks pass such a file; only reading the records finds them."""
    return [f"{child.name}: {'; '.join(child.unreadable)}" for child in children if child.unreadable]


# -- the write-ahead log ----------------------------------------------------------------------------------
# Committed changes live in the "-wal" file beside the database until they are copied into it (a checkpoint;
# database.py checkpoints after every commit and at close). SQLite replays the log only up to its first frame
# whose checksum fails and silently drops the rest, so a flipped bit there loses every later commit while the
# file itself passes its check. wal_problems reads the log the way SQLite does ("WAL File Format",
# sqlite.org/fileformat2.html), finds committed frames that lie beyond a damaged one, and reports them unless
# the database file already holds exactly those pages (they were checkpointed: nothing is lost).
_WAL_MAGIC = (0x377F0682, 0x377F0683)   # the low bit says the checksums' byte order (1: big-endian)
_WAL_HEADER, _FRAME_HEADER = 32, 24


def _wal_checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_problems(db_path: Path) -> list[str]:
    """What is wrong with the database's write-ahead log ([] when it is whole, empty or absent, or when what it
    holds beyond a damaged frame is already in the database file). A transaction being written at this moment
    is not mistaken for damage (no valid commit follows it). Reads the database file itself only when the log
    is damaged and no Store of this process holds the file (crypto.hold: closing a descriptor would drop
    SQLite's locks)."""
    try:
        with open(str(db_path) + "-wal", "rb") as file:
            data = file.read()
    except (FileNotFoundError, IsADirectoryError):
        return []
    if len(data) < _WAL_HEADER:
        return []
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:_WAL_HEADER])
    if magic not in _WAL_MAGIC:
        return ["the write-ahead log's header is damaged"] if any(data[_WAL_HEADER:]) else []
    big_endian = bool(magic & 1)
    s0, s1 = _wal_checksum(data[:24], 0, 0, big_endian)
    if (s0, s1) != (c0, c1):
        return ["the write-ahead log's header is damaged"]
    frame = _FRAME_HEADER + page_size
    broken = False
    beyond: dict[int, bytes] = {}   # page number -> its newest content committed after the damage
    pending: dict[int, bytes] = {}
    for offset in range(_WAL_HEADER, len(data) - frame + 1, frame):
        header = data[offset:offset + _FRAME_HEADER]
        _page, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", header)
        if (f_salt1, f_salt2) != (salt1, salt2):
            break   # left over from an earlier round of the log: SQLite stops here too
        # A frame's checksum continues from the one before it; after a broken frame, continue from the
        # checksum the previous frame carries, to see whether committed frames lie beyond the break.
        page = data[offset + _FRAME_HEADER:offset + frame]
        s0, s1 = _wal_checksum(header[:8] + page, s0, s1, big_endian)
        if (s0, s1) != (f0, f1):
            broken = True
            pending.clear()
        elif broken:
            pending[_page] = page
            if commit:
                beyond.update(pending)
                pending.clear()
        s0, s1 = f0, f1
    if beyond and not _in_database_file(db_path, beyond, page_size):
        return ["the write-ahead log is damaged: changes saved after the damage cannot be read back"]
    return []


def _in_database_file(db_path: Path, pages: dict[int, bytes], page_size: int) -> bool:
    """Whether the database file holds these pages as they are (a checkpoint copied them in)."""
    if is_held(db_path):
        return True   # open in this process, so it was checked when it was opened
    try:
        with open(db_path, "rb") as file:
            for number, content in pages.items():
                file.seek((number - 1) * page_size)
                if file.read(page_size) != content:
                    return False
    except OSError:
        return False
    return True
