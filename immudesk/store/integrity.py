"""Is this database file whole? The check at every open, the full check on demand, and the newest good backup.

A damaged file is never repaired or replaced behind the provider's back: open_store refuses it with a message
that names the newest backup that passes the full check and the command that restores it.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from .crypto import connect_encrypted, database_errors, is_encrypted, passphrase_for, sqlite_errors
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
    if path in _early_checks or not path.is_file() or is_encrypted(path):
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
        from .crypto import PassphraseNeeded

        if not passphrase:
            raise PassphraseNeeded(f"{path} is encrypted; give the passphrase to open it")
        return connect_encrypted(path, passphrase)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def check_file(path: Path, passphrase: str | None = None, *, full: bool = True) -> list[str]:
    """Problems with a database file as a copy to restore from: unreadable, damaged, not immudesk's, or from a
    newer immudesk. [] means it is good."""
    from ..errors import DatabaseError

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


def newest_good_backup(db_path: Path, passphrase: str | None = None) -> Path | None:
    """The most recent backup of db_path that passes the full check, or None."""
    from .backup import list_backups

    key = passphrase_for(db_path, passphrase)
    for backup in list_backups(db_path):
        if not check_file(backup.path, key):
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
        text += (" No backup that passes its check was found in the backups folder. Copy the file somewhere "
                 "safe before trying anything else, and ask for help.")
    return text
