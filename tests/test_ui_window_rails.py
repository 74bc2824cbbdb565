"""The main window's safety rails and small-screen, dark-mode and printing behaviour, driven as a provider
drives them: typing in the search box, Del and Ctrl+Z, the menus, the preview's buttons and a file dialog
answered by typing a name."""
from __future__ import annotations

import stat
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from immudesk.demo import load_demo
from ui.main_window import MainWindow
from ui.reports import DocumentPreview
from ui.roster_model import DEADLINE, NAME
from ui.status_style import relative_luminance
from ui_actions import when_shown

# Offscreen Qt cannot raise windows, grab the keyboard for a menu or pass size hints: the platform, not a bug.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = date(2026, 11, 2)


@pytest.fixture
def window(qtbot, store, tmp_path, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    monkeypatch.setenv("HOME", str(tmp_path / "home"))   # where the save dialogs start
    (tmp_path / "home").mkdir()
    load_demo(store, TODAY)
    created = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    created.activateWindow()
    return created


def names(window) -> list[str]:
    return [window.proxy.index(row, NAME).data() for row in range(window.proxy.rowCount())]


def back_to(window, qtbot) -> None:
    """After a message box closes, the window is the active one again (shortcuts go to the active window)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()


def press(qtbot, box: QMessageBox, text: str) -> None:
    qtbot.mouseClick(next(b for b in box.buttons() if b.text().replace("&", "") == text), Qt.MouseButton.LeftButton)


def type_file_name(path):
    """Answer a file dialog as a person does: type the file's name in the folder it offers (the home folder,
    a temporary one in these tests), press Save."""
    def act(dialog: QFileDialog):
        from PySide6.QtWidgets import QDialogButtonBox

        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.selectAll()
        QTest.keyClicks(edit, path.name)
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    return act


def choose_in_list(text: str):
    """Answer a QInputDialog's list: pick the entry by typing its start, then OK."""
    def act(dialog: QInputDialog):
        from PySide6.QtWidgets import QComboBox

        box = dialog.findChild(QComboBox)
        box.setFocus()
        QTest.keyClicks(box, text)
        QTest.keyClick(box, Qt.Key.Key_Return)
    return act


# -- search --------------------------------------------------------------------------------------------------
def test_search_is_accent_case_and_punctuation_blind(window):
    QTest.keyClicks(window.search_edit, "hernandez")
    assert names(window) == ["Sofía Hernández"]
    window.search_edit.clear()
    QTest.keyClicks(window.search_edit, "SOFIA HERNÁNDEZ")
    assert names(window) == ["Sofía Hernández"]
    window.search_edit.clear()
    QTest.keyClicks(window.search_edit, "9195550103")     # a phone typed without its dashes
    assert names(window) == ["Sofía Hernández"]


# -- undo, withdraw ------------------------------------------------------------------------------------------
def test_del_then_ctrl_z_brings_the_child_back_with_their_doses(window, store, qtbot):
    window.select_child(next(c.id for c in store.children() if c.first_name == "Noah"))
    doses_before = len(next(c for c in store.children() if c.first_name == "Noah").doses)
    when_shown(QMessageBox, lambda box: press(qtbot, box, "Delete"))
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    assert "Noah Patel" not in names(window) and store.count_children() == 12
    assert window.undo_action.text() == "&Undo deleting Noah Patel"
    back_to(window, qtbot)
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.count_children() == 13 and "Noah Patel" in names(window)
    assert len(next(c for c in store.children() if c.first_name == "Noah").doses) == doses_before
    assert window.undo_action.text() == "&Undo"
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # nothing more to undo
    assert store.count_children() == 13 and window.statusBar().currentMessage() == "Nothing to undo."


def test_withdraw_from_the_roster_menu_and_undo_it(window, store, qtbot):
    ava = next(c.id for c in store.children() if c.first_name == "Ava")
    window.select_child(ava)
    window.table.setFocus()

    def withdraw(dialog):
        assert dialog.last_day.accessibleName() == "Last day of attendance"
        qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)

    from ui.withdraw import WithdrawDialog

    when_shown(WithdrawDialog, withdraw)
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)    # the Roster menu
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.title().replace("&", "") == "Roster"
    QTest.keyClick(menu, Qt.Key.Key_W)                                         # "&Withdraw child…"
    qtbot.waitUntil(lambda: store.child(ava).withdrawn_on == TODAY)
    row = names(window).index("Ava Green")
    assert window.proxy.index(row, DEADLINE).data() == "withdrawn Nov 2, 2026"
    back_to(window, qtbot)
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.child(ava).withdrawn_on is None


def test_a_last_day_before_the_first_day_is_refused_and_a_later_one_is_said(qtbot, store, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    load_demo(store, TODAY)
    from ui.withdraw import WithdrawDialog

    child = next(c for c in store.children() if c.first_name == "Ava")
    dialog = WithdrawDialog(child)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.last_day.setFocus()
    QTest.keyClick(dialog.last_day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.last_day, "5/2/2026")          # before her first day (Jun 5, 2026)
    assert not dialog.withdraw_button.isEnabled() and "before the first day" in dialog.problem.text()
    QTest.keyClick(dialog.last_day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.last_day, "12/2/26")           # a month from now
    assert dialog.withdraw_button.isEnabled() and "still to come" in dialog.problem.text()


# -- previews, printing, saving ------------------------------------------------------------------------------
def test_preview_fits_the_screen_pages_zooms_and_save_a_copy_writes_a_private_pdf(window, qtbot, tmp_path):
    target = tmp_path / "home" / "annual report copy.pdf"
    seen = {}

    def use_preview(preview: DocumentPreview):
        free = preview.screen().availableGeometry()
        seen["fits"] = preview.width() <= free.width() and preview.height() <= free.height()
        seen["first"] = preview.page_label.text()
        qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
        seen["second"] = preview.page_label.text()
        qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
        seen["zoomed"] = preview.view.zoomFactor()
        qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
        when_shown(QFileDialog, type_file_name(target))
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        preview.done(0)

    when_shown(DocumentPreview, use_preview)
    QTest.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)   # Reports → Annual report
    assert seen["fits"]
    assert seen["first"] == "Page 1 of 2" and seen["second"] == "Page 2 of 2"
    assert seen["zoomed"] > 0.25
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_reports_save_as_pdf_and_file_print_offer_the_roster(window, qtbot, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    target = tmp_path / "home" / "roster.pdf"
    when_shown(QInputDialog, lambda dialog: (choose_in_list("The roster")(dialog),
                                             when_shown(QFileDialog, type_file_name(target))))
    reports = next(a.menu() for a in window.menuBar().actions() if a.text() == "Re&ports")
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)       # the Reports menu
    assert QApplication.activePopupWidget() is reports
    QTest.keyClick(reports, Qt.Key.Key_S)                                         # "&Save as PDF…"
    qtbot.waitUntil(target.exists)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = QPdfDocument()
    document.load(str(target))
    text = document.getAllText(0).text()
    assert "Noah Patel" in text and "Sofía Hernández" in text and "statuses on Nov 2, 2026" in text
    document.close()

    seen = []

    def preview(dialog: DocumentPreview):
        seen.append((dialog.windowTitle(), dialog.page_count))
        dialog.done(0)

    when_shown(QInputDialog, lambda dialog: (seen.append(dialog.comboBoxItems()[0]),
                                             choose_in_list("The roster")(dialog),
                                             when_shown(DocumentPreview, preview)))
    back_to(window, qtbot)
    QTest.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)   # File → Print…
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == ["The roster, as shown", ("Roster", 1)]


# -- dark mode, small screens, dates in words ----------------------------------------------------------------
def _contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_cell_is_readable_with_a_dark_palette(qtbot, window):
    app = QApplication.instance()
    before = app.palette()
    dark = QPalette(before)
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
                         (QPalette.ColorRole.Text, "#eeeeee"), (QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.WindowText, "#eeeeee")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        window.refresh()
        base = dark.color(QPalette.ColorRole.Base)
        for row in range(window.proxy.rowCount()):
            for column in range(window.proxy.columnCount()):
                index = window.proxy.index(row, column)
                background = index.data(Qt.ItemDataRole.BackgroundRole)
                foreground = index.data(Qt.ItemDataRole.ForegroundRole)
                back = background.color() if background is not None else base
                text = foreground.color() if foreground is not None else dark.color(QPalette.ColorRole.Text)
                withdrawn = index.siblingAtColumn(DEADLINE).data().startswith("withdrawn")
                least = 4.5 if withdrawn else 7.0
                assert _contrast(text, back) >= least, (row, column, text.name(), back.name())
        assert window.legend.foregroundRole() == QPalette.ColorRole.PlaceholderText
    finally:
        app.setPalette(before)


def test_the_roster_fits_a_small_window_and_never_cuts_a_date(window, qtbot):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QStyleOptionViewItem

    window.resize(1000, 700)      # a 1024-pixel laptop screen
    qtbot.waitUntil(lambda: window.table.horizontalScrollBar().maximum() == 0)   # no sideways scrolling
    delegate = window.table.itemDelegateForColumn(DEADLINE)
    assert delegate.displayText("excluded since Oct 19, 2026", QLocale()) == "excluded since Oct\u00a019,\u00a02026"
    options = QStyleOptionViewItem()
    window.table.initViewItemOption(options)
    options.rect.setWidth(window.table.horizontalHeader().sectionSize(DEADLINE))
    for row in range(window.proxy.rowCount()):
        needed = delegate.sizeHint(options, window.proxy.index(row, DEADLINE)).height()
        assert window.table.rowHeight(row) >= needed     # a wrapped deadline gets the lines it needs


def test_reasons_and_outbreak_lists_show_dates_in_words(window):
    import re

    iso = re.compile(r"\d{4}-\d{2}-\d{2}")
    raw = [reason for row in window.model.rows() for reason in row.status.reasons if iso.search(reason)]
    assert raw, "the rules give some reasons with ISO dates: the window must word them"
    tips = [window.proxy.index(row, NAME).data(Qt.ItemDataRole.ToolTipRole) for row in range(window.proxy.rowCount())]
    assert not [tip for tip in tips if iso.search(tip)]
    outbreak = window.show_outbreak()
    for _disease in range(outbreak.disease.count()):
        assert not [cell for row in outbreak.model.rows() for cell in row if iso.search(cell)]
        QTest.keyClick(outbreak.disease, Qt.Key.Key_Down)   # the next disease
    outbreak.done(0)


def test_the_demo_window_says_so_and_offers_the_way_back(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    from immudesk.demo import open_practice

    practice, added = open_practice(tmp_path / "immudesk.sqlite3", TODAY)
    with practice:
        assert added == 13 and practice.path.name == "immudesk-demo.sqlite3"
        demo = MainWindow(practice, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(demo)
        assert demo.windowTitle().startswith("DEMO") and "your own records are not in it" in demo.demo_note.text()
        with qtbot.waitSignal(demo.switch_records) as asked:
            qtbot.mouseClick(demo.back_to_records_button, Qt.MouseButton.LeftButton)
        assert asked.args == [False]
        assert demo.switch_records_action.text() == "Back to &my own records"
    assert not (tmp_path / "immudesk.sqlite3").exists()   # the provider's file was never opened


def test_ctrl_z_takes_back_a_record_saved_in_the_record_window(window, store, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    ava = next(c.id for c in store.children() if c.first_name == "Ava")
    dialog = window.edit_child(ava)
    first_name = next(e for e in dialog.findChildren(QLineEdit) if e.accessibleName() == "First name")
    first_name.setFocus()
    QTest.keyClick(first_name, Qt.Key.Key_End)
    QTest.keyClicks(first_name, "lyn")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert store.child(ava).first_name == "Avalyn" and "Avalyn Green" in names(window)
    assert window.undo_action.text() == "&Undo the changes to Ava Green's record"
    back_to(window, qtbot)
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.child(ava).first_name == "Ava" and "Ava Green" in names(window)
    assert window.statusBar().currentMessage() == "Undone: the changes to Ava Green's record."


def test_every_window_fits_a_1024_by_768_screen(window, store, qtbot):
    """A 1024x768 laptop with a 40-pixel task bar leaves 1024x728, and a title bar takes about 30 of those."""
    from ui.first_run import FirstRunAssistant
    from ui.reports import annual_report_dialog

    preview = annual_report_dialog(window, False)
    free = preview.screen().availableGeometry()
    assert preview.width() <= free.width() and preview.height() + 30 <= free.height()   # sized to the screen
    opened = [window.edit_facility(), window.show_help(), window.show_outbreak(), window.edit_child(None),
              FirstRunAssistant(store)]
    for dialog in opened:
        size = dialog.size()
        assert size.width() <= 1024 and size.height() + 30 <= 728, (type(dialog).__name__, size)
    for dialog in [preview, *opened]:
        least = dialog.minimumSizeHint()
        assert least.width() <= 1024 and least.height() + 30 <= 728, (type(dialog).__name__, least)
        dialog.done(0)
