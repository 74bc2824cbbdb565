"""The open window and another immudesk process on one database (issue 14, items 3 and 14): an import or a
restore at the command line shows in the window by itself; saving a record that the other process changed asks
(keep mine / take theirs / go back) instead of silently reverting it; saving a record a restore removed says so
plainly and offers to add the child again, never "Something went wrong"."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from immudesk.model import Child, Dose
from immudesk.roster_csv import COLUMNS
from immudesk.store.backup import make_backup
from ui import messages
from ui.main_window import MainWindow
from ui.roster_model import NAME

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 2)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def errors(monkeypatch):
    """What the window would show as "Something went wrong" (a bug), recorded instead of shown."""
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, error: shown.append(error))
    import ui.main_window

    monkeypatch.setattr(ui.main_window, "show_error", lambda parent, error: shown.append(error))
    return shown


def other_process(*args: str) -> subprocess.CompletedProcess:
    """immudesk at the command line: a second process on the window's database (IMMUDESK_DB from db_path)."""
    done = subprocess.run([sys.executable, "-m", "immudesk", *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def window(qtbot, store, tmp_path):
    store.update_facility(state="NC", name="Test Home")
    store.add_child(Child("Ava", "Green", date(2024, 1, 2), date(2024, 6, 1), parent_phone="919-555-0101",
                          doses=[Dose("HepB", date(2024, 1, 2))]))
    created = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    return created


def names(window) -> set[str]:
    return {window.proxy.index(row, NAME).data() for row in range(window.proxy.rowCount())}


def roster_file(tmp_path: Path, phone: str, *extra: str) -> Path:
    path = tmp_path / f"roster-{phone}.csv"
    row = {"first_name": "Ava", "last_name": "Green", "birth_date": "2024-01-02", "enrolled_on": "2024-06-01",
           "parent_phone": phone, "HepB": "2024-01-02"}
    lines = [",".join(COLUMNS), ",".join(row.get(c, "") for c in COLUMNS), *extra]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_record(qtbot, window, store, first_name: str):
    child_id = next(c.id for c in store.children() if c.first_name == first_name)
    assert window.select_child(child_id)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.child_dialog is not None and window.child_dialog.isVisible(), timeout=3000)
    return window.child_dialog, child_id


@pytest.fixture
def answer_next_box():
    """answer_next_box(button_text, seen): click `button_text` on the next message box, as a provider would, and
    note what it said. The watch stops at the end of the test, so it never clicks in another test's window."""
    timers = []

    def answer(button_text: str, seen: list[str]) -> None:
        timer = QTimer()
        timers.append(timer)

        def click():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                return
            timer.stop()
            seen.append(box.text())
            button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

        timer.timeout.connect(click)
        timer.start(20)

    yield answer
    for timer in timers:
        timer.stop()


def click_save(dialog) -> None:
    button = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Save")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_phone_and_save(dialog, phone: str) -> None:
    dialog.parent_phone.setFocus()
    dialog.parent_phone.selectAll()
    QTest.keyClicks(dialog.parent_phone, phone)
    click_save(dialog)


def test_an_import_at_the_command_line_shows_in_the_open_window(qtbot, window, tmp_path, errors):
    assert names(window) == {"Ava Green"}
    extra = ",".join({"first_name": "Ben", "last_name": "Ray", "birth_date": "2024-02-03",
                      "enrolled_on": "2024-06-01"}.get(c, "") for c in COLUMNS)
    path = tmp_path / "ben.csv"
    path.write_text(",".join(COLUMNS) + "\n" + extra + "\n", encoding="utf-8")
    other_process("import-roster", str(path))
    qtbot.waitUntil(lambda: names(window) == {"Ava Green", "Ben Ray"}, timeout=5000)
    assert errors == []


def test_a_restore_at_the_command_line_shows_in_the_open_window(qtbot, window, store, db_path, errors):
    backup = make_backup(db_path)
    store.add_child(Child("Ben", "Ray", date(2024, 2, 3), date(2024, 6, 1)))
    window.refresh()
    assert names(window) == {"Ava Green", "Ben Ray"}
    other_process("restore", str(backup))
    qtbot.waitUntil(lambda: names(window) == {"Ava Green"}, timeout=5000)
    assert errors == []


def test_saving_a_child_a_restore_removed_says_so_and_can_add_them_again(qtbot, window, store, db_path, errors,
                                                                          answer_next_box):
    backup = make_backup(db_path)
    store.add_child(Child("Ben", "Ray", date(2024, 2, 3), date(2024, 6, 1)))
    window.refresh()
    dialog, _ = open_record(qtbot, window, store, "Ben")
    other_process("restore", str(backup))
    seen: list[str] = []
    answer_next_box("Go back", seen)
    type_phone_and_save(dialog, "919-555-0199")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=3000)
    assert "no longer in the records" in seen[0] and dialog.isVisible()
    assert [c.first_name for c in store.children()] == ["Ava"]
    answer_next_box("Add again", seen)
    click_save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    ben = next(c for c in store.children() if c.first_name == "Ben")
    assert ben.parent_phone == "919-555-0199"
    qtbot.waitUntil(lambda: names(window) == {"Ava Green", "Ben Ray"}, timeout=3000)
    assert errors == []


@pytest.mark.parametrize("choice, stored_phone, closed", [("Take theirs", "919-555-0222", True),
                                                          ("Keep mine", "919-555-0333", True),
                                                          ("Go back", "919-555-0222", False)])
def test_saving_over_an_import_asks_first(qtbot, window, store, tmp_path, errors, choice, stored_phone, closed,
                                          answer_next_box):
    dialog, child_id = open_record(qtbot, window, store, "Ava")
    other_process("import-roster", "--update", str(roster_file(tmp_path, "919-555-0222")))
    assert store.child(child_id).parent_phone == "919-555-0222"
    seen: list[str] = []
    answer_next_box(choice, seen)
    type_phone_and_save(dialog, "919-555-0333")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=3000)
    assert "changed by another program" in seen[0]
    qtbot.wait(50)
    assert store.child(child_id).parent_phone == stored_phone
    assert dialog.isVisible() is not closed
    assert errors == []


def test_a_save_with_no_change_elsewhere_asks_nothing(qtbot, window, store, errors):
    dialog, child_id = open_record(qtbot, window, store, "Ava")
    type_phone_and_save(dialog, "919-555-0444")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert store.child(child_id).parent_phone == "919-555-0444"
    assert errors == []
