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
from ..errors import UserError

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


# -- undo: the last save or delete of a child's record (Ctrl+Z in the window) ----------------------------------
# The log's triggers say what changed but not every value it had (a dose removed is "HepB 2025-03-14"), so the
# record as it was is kept in memory for the one change that can be undone; the log says whether anything
# touched the child since, in which case the undo is refused rather than overwriting the newer change.


@dataclass(frozen=True)
class UndoStep:
    """One change Ctrl+Z can take back."""
    description: str       # "the changes to Ava Green's record", "adding Ava Green", "deleting Ava Green"
    child_id: int | None   # the child as the change left them; None after a delete
    before: object         # the Child as it was before the change; None when the change added the child
    last_entry: int        # the log's last entry once the change was made


def last_entry_id(store) -> int:
    """The newest change-log entry's number (0 for an empty log): take it before a change, pass it to
    undo_step after."""
    return store.conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]


def undo_step(store, before, child_id, since: int) -> UndoStep | None:
    """What undoes the change just made: `before` is the child's record before it (None for a new child),
    `child_id` the child after it (None after a delete), `since` last_entry_id() taken before it. None when the
    change wrote nothing to the log (a save with nothing changed): there is nothing to undo."""
    changed_id = child_id if child_id is not None else before.id
    touched = store.conn.execute("SELECT count(*) FROM change_log WHERE id > ? AND child_id = ?",
                                 (since, changed_id)).fetchone()[0]
    if not touched:
        return None
    if before is None:
        name = store.child(child_id).name
        description = f"adding {name}"
    elif child_id is None:
        description = f"deleting {before.name}"
    else:
        description = f"the changes to {before.name}'s record"
    return UndoStep(description, child_id, before, last_entry_id(store))


class UndoRefused(UserError):
    """The child's record changed again after the step was taken: undoing would lose that newer change."""


def undo(store, step: UndoStep):
    """Take the change back in one transaction, logged as an "undo" entry; returns the child's id afterwards
    (None when the undo removed a child that the change had added)."""
    import dataclasses

    changed_id = step.child_id if step.child_id is not None else step.before.id
    with store.transaction():
        later = store.conn.execute("SELECT count(*) FROM change_log WHERE id > ? AND child_id = ?",
                                   (step.last_entry, changed_id)).fetchone()[0]
        if later:
            raise UndoRefused(f"the record was changed again after {step.description}; nothing was undone")
        if step.before is None:
            store.delete_child(step.child_id)
            result = None
        elif step.child_id is None:
            result = store.add_child(dataclasses.replace(step.before, id=None))
        else:
            result = store.save_child(step.before)
        record(store, "undo", step.description)
    return result
