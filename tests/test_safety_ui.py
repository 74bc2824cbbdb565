"""The window's safety parts (ui/safety.py): back up and restore from the menu, the passphrase prompt, and the
idle lock that covers the records and lets no key or click through until it is unlocked."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from immudesk.model import Child
from immudesk.store import crypto, encryption
from immudesk.store.backup import list_backups, make_backup
from ui import safety

# The offscreen platform says this for every window shown; it is about the test platform, not the code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class FakeWindow(QMainWindow):
    """The parts of the main window the safety functions use: a store, and a field holding records."""

    def __init__(self, store):
        super().__init__()
        self.store = store
        central = QWidget()
        layout = QVBoxLayout(central)
        self.notes = QLineEdit()
        layout.addWidget(self.notes)
        self.setCentralWidget(central)
        self.resize(600, 400)


@pytest.fixture
def window(qtbot, store):
    shown = FakeWindow(store)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture(autouse=True)
def quiet_messages(monkeypatch):
    said = []
    monkeypatch.setattr(safety, "show_message", lambda parent, title, text, *a, **k: said.append((title, text)))
    monkeypatch.setattr(safety, "show_error", lambda parent, error: said.append(("error", str(error))))
    monkeypatch.setattr(safety, "ask", lambda *a, **k: True)
    return said


def test_back_up_now_from_the_menu(window, quiet_messages):
    path = safety.backup_now(window)
    assert path is not None and [b.path for b in list_backups(window.store.path)] == [path]
    assert quiet_messages[-1][0] == "Backed up" and str(path) in quiet_messages[-1][1]


def test_restore_from_the_menu_brings_the_records_back_in_the_open_window(window, quiet_messages):
    window.store.add_child(Child("Ava", "Green", date(2023, 1, 1), date(2023, 6, 1)))
    copy = make_backup(window.store.path)
    window.store.add_child(Child("Ben", "Ray", date(2023, 1, 1), date(2023, 6, 1)))
    assert safety.restore_backup(window, source=copy)
    assert [c.first_name for c in window.store.children()] == ["Ava"]
    assert "kept" in quiet_messages[-1][1]


def test_the_restore_dialog_lists_backups_and_marks_damaged_ones(qtbot, store, db_path):
    good = make_backup(db_path)
    bad = make_backup(db_path)
    bad.write_bytes(b"not a database" * 100)
    dialog = safety.RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(texts) == 2 and "damaged" in texts[0] and "damaged" not in texts[1]
    dialog._accept_selected()
    assert dialog.chosen == good


def test_a_failed_backup_is_a_message_not_a_traceback(qtbot, tmp_path, quiet_messages):
    assert safety.backup_now(None, tmp_path / "missing.sqlite3") is None
    assert quiet_messages == [("error", f"there is no database at {tmp_path / 'missing.sqlite3'} to back up")]


def test_the_idle_lock_covers_the_window_and_blocks_input_until_the_pin(qtbot, window):
    crypto.set_pin(window.store, "4821")
    lock = safety.install_idle_lock(window, minutes=0.005)  # 300 ms
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert lock.screen.geometry() == window.rect()
    assert lock.screen.hint.text().startswith("Type your PIN")
    # Keys and clicks do not reach the records beneath.
    qtbot.keyClicks(window.notes, "typed while locked")
    qtbot.mouseClick(window.notes, Qt.MouseButton.LeftButton)
    assert window.notes.text() == ""
    # A wrong PIN keeps it locked; the right one opens it.
    qtbot.keyClicks(lock.screen.field, "1111")
    qtbot.keyClick(lock.screen.field, Qt.Key.Key_Return)
    assert lock.locked and "not right" in lock.screen.problem.text()
    qtbot.keyClicks(lock.screen.field, "4821")
    qtbot.keyClick(lock.screen.field, Qt.Key.Key_Return)
    assert not lock.locked
    qtbot.keyClicks(window.notes, "ok")
    assert window.notes.text() == "ok"


def test_activity_keeps_the_lock_away(qtbot, window):
    lock = safety.install_idle_lock(window, minutes=0.01)  # 600 ms
    for _ in range(8):
        qtbot.wait(150)
        qtbot.keyClick(window.notes, Qt.Key.Key_A)
    assert not lock.locked  # 1.2 s of typing, never 600 ms idle
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)


def test_without_a_pin_the_lock_hides_the_records_and_a_click_shows_them(qtbot, window):
    lock = safety.install_idle_lock(window, minutes=0.002)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert not lock.screen.field.isVisible() and "Set a PIN" in lock.screen.hint.text()
    qtbot.mouseClick(lock.screen.button, Qt.MouseButton.LeftButton)
    assert not lock.locked
    assert safety.install_idle_lock(window, 0) is lock  # turned off: the same lock, timer stopped
    assert not lock.timer.isActive()


def test_a_dialog_open_when_the_lock_comes_is_covered_and_can_unlock(qtbot, window):
    crypto.set_pin(window.store, "4821")
    lock = safety.install_idle_lock(window, minutes=60)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    lock.lock()
    [cover] = lock.covers
    assert cover.parent() is dialog and cover.isVisible() and dialog.isVisible()
    qtbot.keyClicks(field, "secret")
    assert field.text() == ""
    qtbot.keyClicks(cover.field, "4821")
    qtbot.keyClick(cover.field, Qt.Key.Key_Return)
    assert not lock.locked and lock.covers == [] and dialog.isVisible()


def test_lock_settings_save_the_pin_and_minutes(qtbot, window, monkeypatch):
    def fill_and_save():
        from PySide6.QtWidgets import QApplication
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, safety.LockSettingsDialog):
            QTimer.singleShot(20, fill_and_save)
            return
        dialog.minutes.setValue(3)
        dialog.pin.setText("2468")
        dialog.pin_again.setText("2468")
        dialog.save()

    QTimer.singleShot(50, fill_and_save)
    assert safety.lock_settings(window)
    assert crypto.check_pin(window.store, "2468")
    assert window.idle_lock.minutes == 3 and safety._lock_minutes(window.store) == 3


def test_ask_passphrase_checks_it_and_remembers_it(qtbot, store, db_path, monkeypatch):
    pytest.importorskip("sqlcipher3")
    store.close()
    encryption.encrypt_database(db_path, "correct horse battery")
    crypto._remembered.clear()
    answers = ["wrong guess", "correct horse battery"]

    def answer():
        # Answers the two prompts, then stops: a timer left running would type into other tests' dialogs.
        from PySide6.QtWidgets import QApplication
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, safety.PassphraseDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.field.setText(answers.pop(0))
        dialog.accept()
        if answers:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    try:
        assert safety.ask_passphrase(None, db_path) == "correct horse battery"
        assert crypto.passphrase_for(db_path) == "correct horse battery"
        opened = safety.open_store_asking(None, db_path)
        assert opened is not None
        opened.close()
    finally:
        crypto._remembered.clear()
