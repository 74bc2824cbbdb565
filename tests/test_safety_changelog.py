"""The change log an inspector is shown: every record change leaves an entry, and the log cannot be edited."""
from __future__ import annotations

import csv
import sqlite3
from datetime import date

import pytest

from immudesk.model import Child, Dose, Exemption
from immudesk.store import changelog


def events(store) -> list[tuple[str, str, str]]:
    return [(e.event, e.child, e.detail) for e in changelog.entries(store)]


def test_adding_saving_and_deleting_a_child_is_logged_as_it_happened(store):
    child_id = store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1),
                                     doses=[Dose("HepB", date(2023, 1, 1))]))
    child = store.child(child_id)
    child.doses.append(Dose("HepB", date(2023, 2, 1), "08"))
    child.parent_phone = "919-555-0101"
    store.save_child(child)
    store.save_child(store.child(child_id))  # saved again without a change: nothing to log
    child = store.child(child_id)
    child.doses = [d for d in child.doses if d.given_on != date(2023, 1, 1)]
    child.exemptions.append(Exemption("medical", ("MMR",)))
    store.save_child(child)
    store.delete_child(child_id)
    assert events(store) == [
        ("child added", "Ava Green", "born 2023-01-01"),
        ("dose added", "Ava Green", "HepB 2023-01-01"),
        ("child updated", "Ava Green", "changed: parent_phone"),
        ("dose added", "Ava Green", "HepB 2023-02-01 (08)"),
        ("dose removed", "Ava Green", "HepB 2023-01-01"),
        ("exemption added", "Ava Green", "medical: MMR"),
        ("child deleted", "Ava Green", "born 2023-01-01"),
    ]
    assert all(e.changed_at.endswith("Z") and len(e.changed_at) == 20 for e in changelog.entries(store))


def test_a_rename_says_what_the_name_was(store):
    child_id = store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1)))
    child = store.child(child_id)
    child.last_name = "Brown"
    store.save_child(child)
    assert events(store)[-1] == ("child updated", "Ava Brown", "changed: name (was Ava Green)")


@pytest.mark.parametrize("statement", ["UPDATE change_log SET detail = 'nothing happened'",
                                       "DELETE FROM change_log"])
def test_the_log_cannot_be_changed_or_emptied(store, statement):
    store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1)))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute(statement)
    assert events(store) == [("child added", "Ava Green", "born 2023-01-01")]


def test_a_rolled_back_change_leaves_no_log_entry(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1)))
        changelog.record(store, "import", "1 added from roster.csv")
        raise RuntimeError("the import failed half-way")
    assert events(store) == []


def test_the_exported_log_is_safe_to_open_in_a_spreadsheet(store, tmp_path):
    store.add_child(Child("=cmd|' /C calc'!A0", "@SUM(1)", date(2023, 1, 1), date(2023, 6, 1)))
    changelog.record(store, "import", "+1 added from -roster.csv")
    out = tmp_path / "log.csv"
    assert changelog.export_csv(store, out) == 2
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["changed_at_utc", "event", "child", "detail"]
    assert rows[1][1:] == ["child added", "'=cmd|' /C calc'!A0 @SUM(1)", "born 2023-01-01"]
    assert rows[2][1:] == ["import", "", "'+1 added from -roster.csv"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
