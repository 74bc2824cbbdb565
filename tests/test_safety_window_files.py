"""Files the window writes hold children's records, so only the provider's account may read them (issue 14,
item 9): the roster CSV from File > Export (Ctrl+E) and `immudesk gui --screenshot` are 0600 even under umask 000.
("Save a copy" PDFs are tested with the reports.)"""
from __future__ import annotations

import os
import stat
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from immudesk.cli import main as cli_main
from immudesk.demo import load_demo
from ui.launcher import run_gui
from ui.main_window import MainWindow

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")]

TODAY = date(2026, 11, 2)


@pytest.fixture(autouse=True)
def open_umask(monkeypatch):
    """The most permissive umask a provider's account can have: every file the default would make readable."""
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    before = os.umask(0)
    yield
    os.umask(before)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_roster_exported_from_the_window_is_private(qtbot, store, tmp_path, monkeypatch):
    load_demo(store, TODAY)
    window = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()     # a shortcut goes to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.table.setFocus()
    target = tmp_path / "roster.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    QTest.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "Ava" in target.read_text(encoding="utf-8")
    assert mode(target) == 0o600
    assert not target.with_name(target.name + ".part").exists()


def test_the_window_screenshot_is_private(qapp, store, db_path, tmp_path, capsys):
    load_demo(store, TODAY)
    target = tmp_path / "window.png"
    assert cli_main(["--db", str(db_path), "gui", "--screenshot", str(target)], gui_runner=run_gui) == 0
    assert target.read_bytes().startswith(b"\x89PNG")
    assert mode(target) == 0o600
