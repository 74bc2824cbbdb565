"""The change log an inspector can be shown: what changed in the records, and when, oldest first.

Record changes (child added/updated/deleted, doses, exemptions ...) are written by triggers (migration 2), so
nothing can change a record without a trace; events that are not a single row change (an import, a restore,
a passphrase set) are written here with record(), inside the same transaction as the change itself.
The triggers refuse UPDATE and DELETE on the log. This guards against mistakes, not against someone who
edits the file with other tools: docs/privacy.md says so.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .paths import write_private
from ..csv_safety import safe_row

CSV_COLUMNS = ("changed_at_utc", "event", "child", "detail")


@dataclass(frozen=True)
class ChangeEntry:
    changed_at: str   # UTC, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)
    event: str        # "child added", "dose removed", "import", "restore", ...
    child: str        # the child's name at the time, or "" for events about the whole database
    detail: str


def record(store, event: str, detail: str = "") -> None:
    """Add an event that is not a single record change (the triggers log those)."""
    with store.transaction():
        store.conn.execute("INSERT INTO change_log (event, detail) VALUES (?, ?)", (event, detail))


def entries(store) -> list[ChangeEntry]:
    return [ChangeEntry(*row) for row in store.conn.execute(
        "SELECT changed_at, event, child, detail FROM change_log ORDER BY id")]


def to_csv(log: list[ChangeEntry]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in log:
        writer.writerow(safe_row((entry.changed_at, entry.event, entry.child, entry.detail)))
    return buffer.getvalue()


def export_csv(store, path: str | Path) -> int:
    """Write the whole log as CSV (UTF-8 with a BOM, so spreadsheets show accents); returns the entry count."""
    log = entries(store)
    text = to_csv(log)
    # Private to the provider, and never half a file or a leftover temporary one.
    write_private(path, ("\ufeff" + text).encode("utf-8"))
    return len(log)
