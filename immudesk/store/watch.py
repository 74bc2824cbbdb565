"""Noticing that another connection changed the database: an import at the command line, a restore, a second
window. The window polls this and reads the roster again when it moves."""
from __future__ import annotations


def data_version(store) -> int:
    """SQLite's PRAGMA data_version: it changes when any other connection commits to the file, never for this
    connection's own writes, and costs no disk read."""
    return store.conn.execute("PRAGMA data_version").fetchone()[0]
