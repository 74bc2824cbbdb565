"""Opening the records in the window when the file is not what it should be (issue 14, item 13): a file that is
neither a database nor readable asks for the passphrase, and Cancel offers the newest good backup."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from immudesk.cli import main
from immudesk.roster_csv import COLUMNS
from immudesk.store import crypto
from ui import safety

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def click_through(answers: dict[str, str], seen: list[str], tries: int = 250) -> None:
    """Answer each dialog as a provider would: Cancel on the passphrase prompt, the named button on messages.
    It looks for a dialog for at most `tries` x 20 ms: a timer left polling would answer a later test's dialogs."""
    if tries <= 0 or None in seen:   # None: the test is over
        return
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, safety.PassphraseDialog):
        seen.append("passphrase")
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    elif isinstance(dialog, QMessageBox):
        seen.append(dialog.text())
        button = next(b for b in dialog.buttons() if b.text() in answers.values())
    else:
        QTimer.singleShot(20, lambda: click_through(answers, seen, tries - 1))
        return
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    if len(seen) < len(answers) + 1:
        QTimer.singleShot(20, lambda: click_through(answers, seen))


def test_cancel_on_the_passphrase_prompt_offers_the_newest_good_backup(qtbot, db_path, tmp_path, capsys):
    csv = tmp_path / "r.csv"
    csv.write_text(",".join(COLUMNS) + "\nAna,Test,2023-01-01,2023-06-01" + "," * (len(COLUMNS) - 4) + "\n")
    assert main(["import-roster", str(csv)]) == 0
    assert main(["backup"]) == 0
    db_path.write_bytes(os.urandom(db_path.stat().st_size))   # overwritten: neither plain nor ours encrypted
    crypto._remembered.clear()
    seen: list[str] = []
    QTimer.singleShot(20, lambda: click_through({"offer": "Restore it", "confirm": "Restore", "done": "OK"}, seen))
    store = safety.open_store_asking(None, db_path)
    try:
        assert seen[0] == "passphrase"
        assert "Restore the newest good backup" in seen[1]
        assert store is not None, seen
        assert [c.first_name for c in store.children()] == ["Ana"]
    finally:
        seen.append(None)
        if store is not None:
            store.close()


def test_saving_on_a_full_disk_says_so_and_keeps_the_record_open(qtbot, store, tmp_path, monkeypatch):
    from datetime import date

    from PySide6.QtCore import QSettings

    from immudesk.model import Child
    from ui import messages
    from ui.main_window import MainWindow

    child_id = store.add_child(Child("Ana", "Test", date(2023, 1, 1), date(2023, 6, 1), notes="-" * 3800))
    said = []
    monkeypatch.setattr(messages, "show_message", lambda parent, title, text, *a, **k: said.append(text))
    window = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    dialog = window.edit_child(child_id)
    qtbot.addWidget(dialog)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")   # the disk has no room left for this file
    QTest.keyClicks(dialog.notes, "Allergic to eggs; see the letter from Dr. Lee. " * 8)   # the row outgrows its page
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert said and said[-1].startswith("the disk is full: free some space") and "Nothing was lost" in said[-1]
    assert dialog.isVisible()                                # what was typed is still there to save again
    assert store.child(child_id).notes == "-" * 3800
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "Allergic to eggs" in store.child(child_id).notes
