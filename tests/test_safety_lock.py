"""The app lock on the real main window (issue 14, item 6): while locked nothing of the records is visible or
reachable. The locked window is grabbed to an image (no roster pixel shows through), and every menu shortcut is
pressed with the keyboard (nothing opens, nothing is written, the window stays)."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QToolTip

from immudesk.demo import load_demo
from immudesk.store import crypto
from ui import main_window as main_window_module
from ui import messages, safety
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 2)
LOCK_BACKGROUND = QColor("#2f3b45").rgb()


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def opened(qtbot, tmp_path):
    """A shown main window on a store; the caller says whether the demo roster is in it."""
    from immudesk.store import open_store

    stores, windows = [], []

    def make(with_roster: bool, name: str) -> MainWindow:
        store = open_store(tmp_path / f"{name}.sqlite3")
        stores.append(store)
        if with_roster:
            load_demo(store, TODAY)
        crypto.set_pin(store, "4821")
        from PySide6.QtCore import QSettings

        window = MainWindow(store, settings=QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(1000, 640)
        window.show()
        qtbot.waitExposed(window)
        window.wait_for_statuses()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()          # stops its idle lock before the store under it closes
    for store in stores:
        store.close()


def _lock_by_idling(qtbot, window) -> safety.IdleLock:
    lock = safety.install_idle_lock(window, minutes=0.003)   # 180 ms without a key or a click
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    qtbot.wait(50)
    return lock


def _pixels(image: QImage) -> memoryview:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return memoryview(bytes(image.constBits())).cast("I")


def test_the_locked_window_shows_nothing_of_the_roster(qtbot, opened):
    with_roster = opened(True, "demo")
    assert "Ava" in {with_roster.proxy.index(r, 0).data().split()[0] for r in range(with_roster.proxy.rowCount())}
    unlocked = with_roster.grab().toImage()
    lock = _lock_by_idling(qtbot, with_roster)
    locked = with_roster.grab().toImage()
    assert locked != unlocked
    # Above the lock screen's title (where the menus, the search and the first rows of the roster are), the
    # locked window is one flat colour.
    top = lock.screen.title.mapTo(with_roster, QPoint(0, 0)).y()
    band = locked.copy(0, 0, locked.width(), top - 2)
    assert set(_pixels(band)) == {LOCK_BACKGROUND & 0xFFFFFFFF}
    # And the whole locked image is the same, pixel for pixel, as the locked image of a window with no children:
    # nothing that depends on the records shows through anywhere.
    lock.unlock("4821")
    with_roster.hide()
    empty = opened(False, "empty")
    empty_lock = _lock_by_idling(qtbot, empty)
    assert empty_lock.locked
    assert empty.grab().toImage() == locked


def test_no_menu_shortcut_works_while_locked(qtbot, opened, monkeypatch, tmp_path):
    window = opened(True, "demo")
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Down)     # a child selected, so Ctrl+O, Del and the record have one
    asked = []
    # Whatever a shortcut would open is recorded, and answered so the test cannot hang if one gets through.
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, _n=name, **k: asked.append(_n) or ("", "")))
    monkeypatch.setattr(main_window_module, "ask", lambda *a, **k: asked.append("ask") or False)
    monkeypatch.setattr(messages, "ask", lambda *a, **k: asked.append("ask") or False)
    export = tmp_path / "export.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: asked.append("save") or (str(export), "")))

    def close_whatever_opened():
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not window and not widget.inherits("QMenu") \
                    and widget.objectName() != "lock_screen":
                asked.append(type(widget).__name__)
                widget.close()

    watchdog = QTimer()
    watchdog.timeout.connect(close_whatever_opened)
    watchdog.start(100)
    lock = _lock_by_idling(qtbot, window)
    lock.set_minutes(0)            # stays locked for the whole test
    shortcuts = [action.shortcut() for action in window.findChildren(QAction) if not action.shortcut().isEmpty()]
    assert len(shortcuts) >= 15
    rows = window.proxy.rowCount()
    try:
        for sequence in shortcuts:
            combination = sequence[0]
            for target in (window, lock.screen.field):
                QTest.keyClick(target, combination.key(), combination.keyboardModifiers())
                qtbot.wait(20)
        qtbot.wait(200)
    finally:
        watchdog.stop()
    assert asked == []
    assert not export.exists()
    assert lock.locked and window.isVisible() and window.proxy.rowCount() == rows
    assert QApplication.activeModalWidget() is None
    # Unlocked, the same keys work again: Ctrl+E asks where to save the roster.
    QTest.keyClicks(lock.screen.field, "4821")
    QTest.keyClick(lock.screen.field, Qt.Key.Key_Return)
    assert not lock.locked
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["save"] and export.exists()


def test_no_tooltip_shows_while_locked(qtbot, opened):
    window = opened(True, "demo")
    lock = _lock_by_idling(qtbot, window)
    viewport = window.table.viewport()
    position = viewport.rect().center()
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtCore import QEvent

    event = QHelpEvent(QEvent.Type.ToolTip, position, viewport.mapToGlobal(position))
    QApplication.sendEvent(viewport, event)
    qtbot.wait(100)
    assert lock.locked and not QToolTip.isVisible()


def test_a_window_that_opens_while_locked_is_covered_too(qtbot, opened):
    from PySide6.QtWidgets import QMessageBox

    window = opened(True, "demo")
    lock = _lock_by_idling(qtbot, window)
    # A message that arrives while nobody is at the computer (the day's backup saying where it went).
    box = QMessageBox(QMessageBox.Icon.Information, "Backed up", "Ava Green and 12 others were copied.",
                      QMessageBox.StandardButton.Ok, window)
    box.show()
    qtbot.waitExposed(box)
    [cover] = [c for c in lock.covers if c.parent() is box]
    assert cover.isVisible() and cover.geometry() == box.rect()
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert box.isVisible()                    # Enter does not reach its OK button
    QTest.keyClicks(cover.field, "4821")
    QTest.keyClick(cover.field, Qt.Key.Key_Return)
    assert not lock.locked and lock.covers == [] and box.isVisible()


def test_a_record_open_under_the_lock_cannot_be_saved_with_its_shortcut(qtbot, opened):
    window = opened(True, "demo")
    store = window.store
    ava = next(c for c in store.children() if c.first_name == "Ava")
    assert window.select_child(ava.id)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.child_dialog is not None and window.child_dialog.isVisible(), timeout=3000)
    dialog = window.child_dialog
    dialog.parent_phone.setFocus()
    dialog.parent_phone.selectAll()
    QTest.keyClicks(dialog.parent_phone, "000-000-0000")
    lock = _lock_by_idling(qtbot, window)
    lock.set_minutes(0)
    [cover] = [c for c in lock.covers if c.parent() is dialog]
    for target in (cover.field, dialog, dialog.parent_phone):
        QTest.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)   # the dialog's Save shortcut
    qtbot.wait(100)
    assert dialog.isVisible() and store.child(ava.id).parent_phone == ava.parent_phone
    QTest.keyClicks(cover.field, "4821")
    QTest.keyClick(cover.field, Qt.Key.Key_Return)
    assert not lock.locked and dialog.isVisible()       # unlocking with Enter does not press Save either
    assert dialog.parent_phone.text() == "000-000-0000"  # and what was typed is still there
