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


def click_through(answers: dict[str, str], seen: list[str]) -> None:
    """Answer each dialog as a provider would: Cancel on the passphrase prompt, the named button on messages."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, safety.PassphraseDialog):
        seen.append("passphrase")
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    elif isinstance(dialog, QMessageBox):
        seen.append(dialog.text())
        button = next(b for b in dialog.buttons() if b.text() in answers.values())
    else:
        QTimer.singleShot(20, lambda: click_through(answers, seen))
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
        if store is not None:
            store.close()
