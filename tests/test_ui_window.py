"""The main window on the demo home, with the real state rules: what a provider sees, looking ahead, the summary,
menus and shortcuts, remembered settings, CSV import and export, the outbreak list, facility settings, the
first-run assistant, `immudesk gui --screenshot`, and errors turned into messages."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from immudesk.cli import main as cli_main
from immudesk.demo import load_demo
from immudesk.roster_csv import COLUMNS
from ui import messages
from ui.first_run import FirstRunAssistant
from ui.launcher import run_gui
from ui.main_window import MainWindow
from ui.outbreak_view import OutbreakDialog
from ui.roster_model import DEADLINE, MISSING, MUST_EXCLUDE, NAME, NEEDS_ACTION, STATUS, STATUS_ROLE
from ui_actions import when_shown

# Offscreen Qt cannot pass a dialog's size hints to a window system; that is the platform, not our bug.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 2)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    return TODAY


@pytest.fixture
def demo_store(store, today):
    load_demo(store, today)
    return store


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, demo_store, settings):
    created = MainWindow(demo_store, settings=settings)
    qtbot.addWidget(created)
    return created


def shown(window) -> dict[str, dict[int, str]]:
    """What the roster shows, by child name: {name: {column: text}} (through the proxy, as the view sees it)."""
    rows = {}
    for row in range(window.proxy.rowCount()):
        cells = {column: window.proxy.index(row, column).data() for column in range(window.proxy.columnCount())}
        rows[cells[NAME]] = cells
    return rows


def test_the_demo_home_at_a_glance(window):
    rows = shown(window)
    assert len(rows) == 13
    assert rows["Sofía Hernández"][STATUS] == "In process"
    assert rows["Sofía Hernández"][DEADLINE] == "18 days left (to Nov 20, 2026)"
    assert rows["Sofía Hernández"][MISSING] == "DTaP, PCV"
    assert rows["Noah Patel"][STATUS] == "May not attend · Not up to date"
    assert rows["Noah Patel"][DEADLINE] == "excluded since Oct 19, 2026"
    assert rows["Lucas Rivera"][STATUS] == "Medical exemption"
    assert rows["Ava Green"][STATUS] == "Up to date"
    assert rows["Harper Lee"][DEADLINE].startswith("withdrawn ")
    # The children who need action come first.
    assert window.proxy.index(0, NAME).data() == "Noah Patel"
    summary = window.summary
    assert summary.heading.text().endswith(": 11 counted")
    assert summary.buttons["up_to_date"].text() == "Up to date: 6"
    assert summary.buttons["in_process"].text() == "In process: 2"
    assert summary.buttons[MUST_EXCLUDE].text() == "May not attend: 1"
    assert summary.buttons["conscientious_exemption"].isHidden()   # NC has no conscientious exemption
    assert "Sunny Days" in window.windowTitle()


def test_looking_ahead_a_month_recomputes_once_and_shows_who_falls_behind(window, monkeypatch):
    import ui.compliance as compliance

    calls = []
    real = compliance.evaluate_roster
    monkeypatch.setattr(compliance, "evaluate_roster", lambda *a, **k: calls.append(a[2]) or real(*a, **k))
    window.set_as_of(date(2026, 12, 2))
    rows = shown(window)
    assert calls == [date(2026, 12, 2)]
    assert rows["Sofía Hernández"][STATUS] == "May not attend · Not up to date"   # her 30 days ran out
    assert rows["Liam Carter"][STATUS] == "In process"      # turned 16 months: new doses due
    # Painting and filtering read the prepared rows: no new evaluation.
    window.grab()
    window.proxy.set_search("a")
    window.show_status(NEEDS_ACTION)
    assert calls == [date(2026, 12, 2)]
    window.set_as_of(TODAY)
    assert shown(window)["Sofía Hernández"][STATUS] == "In process"


def test_summary_buttons_filter_the_roster(window, qtbot):
    qtbot.mouseClick(window.summary.buttons["in_process"], Qt.MouseButton.LeftButton)
    assert sorted(shown(window)) == ["James Miller", "Sofía Hernández"]
    qtbot.mouseClick(window.summary.buttons[MUST_EXCLUDE], Qt.MouseButton.LeftButton)
    assert list(shown(window)) == ["Noah Patel"]
    assert window.status_filter.currentData() == MUST_EXCLUDE
    window.show_status(None)
    window.search_edit.setText("919-555-0108")
    assert list(shown(window)) == ["Lucas Rivera"]


def test_withdrawn_children_can_be_hidden(window):
    assert "Harper Lee" in shown(window)
    window.withdrawn_check.setChecked(False)
    assert "Harper Lee" not in shown(window)


def test_status_is_colour_icon_and_words_in_the_window(window):
    for row in range(window.proxy.rowCount()):
        index = window.proxy.index(row, STATUS)
        assert index.data()                                            # words
        assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()  # icon
        assert index.data(STATUS_ROLE)


def test_menus_and_shortcuts_a_desktop_user_expects(window):
    assert window.new_child_action.shortcut().toString() == "Ctrl+N"
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.backup_action.shortcut().toString() == "Ctrl+B"
    assert window.help_action.shortcut().toString() == "F1"
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["File", "Roster", "Reports", "Settings", "Help"]
    # Parts another engineer provides are either wired or disabled with a reason, never a dead entry.
    for action in (window.print_action, window.backup_action, window.restore_action, window.lock_action,
                   window.annual_report_action, window.letters_action, window.email_action):
        assert action.isEnabled() or "not available" in action.toolTip()


def test_keyboard_only_new_child(window, qtbot, monkeypatch):
    window.show()
    qtbot.waitExposed(window)
    window.new_child_action.trigger()
    dialog = window.child_dialog
    assert dialog is not None and dialog.windowTitle() == "New child"
    assert dialog.focusWidget() is dialog.first_name      # typing starts with the first name
    dialog.done(0)


def test_accessible_names_and_tab_order(window):
    assert window.table.accessibleName() == "Roster"
    assert window.as_of_edit.accessibleName() == "As-of date"
    assert window.search_edit.accessibleName() == "Search the roster"
    expected = [window.as_of_edit, window.today_button, window.next_month_button, window.search_edit,
                window.status_filter, window.withdrawn_check, window.table]
    chain, widget = [], window.as_of_edit
    for _ in range(200):
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == expected


def test_window_size_and_columns_are_remembered(qtbot, demo_store, settings):
    first = MainWindow(demo_store, settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(780, 520)   # the offscreen screen is 800x600; restoreGeometry keeps a window on screen
    first.table.horizontalHeader().resizeSection(NAME, 333)
    first.withdrawn_check.setChecked(False)
    first.close()
    second = MainWindow(demo_store, settings=settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.table.horizontalHeader().sectionSize(NAME) == 333
    assert not second.proxy.show_withdrawn
    assert (second.size().width(), second.size().height()) == (780, 520)


def test_import_of_a_bad_csv_lists_every_problem_and_imports_nothing(window, demo_store, tmp_path):
    before = demo_store.count_children()
    bad = tmp_path / "roster.csv"
    bad.write_text("first_name,last_name,birth_date,enrolled_on,DTaP,colour\n"
                   "Zoe,King,2025-02-30,2026-01-05,,\n"
                   "Isaac,Young,2025-03-01,2026-01-05,2024-01-01,\n", encoding="utf-8")
    dialog = window.import_csv(path=str(bad))
    assert demo_store.count_children() == before
    problems = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("unknown column 'colour'" in p for p in problems)
    assert dialog.problems == problems and len(problems) >= 1
    assert dialog.isVisible()
    dialog.close()
    # Without the bad column, both row problems are listed at once.
    bad.write_text("first_name,last_name,birth_date,enrolled_on,DTaP\n"
                   "Zoe,King,2025-02-30,2026-01-05,\n"
                   "Isaac,Young,2025-03-01,2026-01-05,2024-01-01\n", encoding="utf-8")
    dialog = window.import_csv(path=str(bad))
    problems = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(problems) == 2
    assert problems[0].startswith("roster.csv line 2, column birth_date")
    assert problems[1].startswith("roster.csv line 3, column DTaP")
    assert demo_store.count_children() == before


def test_import_and_export_from_the_window(window, demo_store, tmp_path):
    good = tmp_path / "new.csv"
    good.write_text("first_name,last_name,birth_date,enrolled_on,parent_phone\n"
                    "Zoe,King,2025-06-01,2026-10-01,919-555-0199\n", encoding="utf-8")
    assert window.import_csv(path=str(good)) == (1, 0)
    assert "Zoe King" in shown(window)
    # Like the CLI, an import from the window takes a verified backup first and is logged for an inspector.
    from immudesk.store.backup import list_backups

    assert [b.reason for b in list_backups(demo_store.path)] == ["before-import"]
    logged = demo_store.conn.execute("SELECT count(*) FROM change_log WHERE event = 'import'").fetchone()[0]
    assert logged >= 1
    out = tmp_path / "export.csv"
    assert window.export_csv(path=str(out)) == 14
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header) == COLUMNS


def test_outbreak_list_names_susceptible_children_with_phones(qtbot, window, qtmodeltester):
    dialog = window.show_outbreak()
    assert isinstance(dialog, OutbreakDialog)
    qtmodeltester.check(dialog.model)
    measles = {row[0]: row for row in dialog.model.rows()}
    assert "Noah Patel" in measles and "does not count" in measles["Noah Patel"][2]
    assert measles["Noah Patel"][4] == "919-555-0104"
    assert "Lucas Rivera" in measles and "medical exemption" in measles["Lucas Rivera"][2]
    assert "Harper Lee" not in measles          # withdrawn: not at the home
    dialog.disease.setCurrentIndex(dialog.disease.findData("pertussis"))
    pertussis = [row[0] for row in dialog.model.rows()]
    assert "Sofía Hernández" in pertussis and "Ava Green" not in pertussis
    assert "susceptible to whooping cough" in dialog.count.text()
    assert "919-555-0103" in dialog.list_text()


def test_facility_settings_change_the_state_after_saying_how_many_children_change(window, demo_store, qtbot):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox

    window.show()
    dialog = window.edit_facility()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    name = dialog.form.edits["name"]
    name.setFocus()
    QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(name, Qt.Key.Key_Delete)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "required" in dialog.form.problem.text() and dialog.isVisible()
    QTest.keyClicks(name, "Little Acorns")
    QTest.keyClicks(dialog.form.state, "Minnesota")     # a closed combo box finds the item as one types
    assert dialog.form.state.currentData() == "MN"
    asked = []

    def answer(button_text):
        def act(box):
            asked.append(box.text())
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button_text), Qt.MouseButton.LeftButton)
        return act

    when_shown(QMessageBox, answer("Keep NC"))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert demo_store.facility().state == "NC" and dialog.isVisible()    # kept: nothing saved
    assert "Under Minnesota's law" in asked[0] and "change status" in asked[0]
    when_shown(QMessageBox, answer("Change to MN"))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    facility = demo_store.facility()
    assert (facility.name, facility.state) == ("Little Acorns", "MN")
    assert "Little Acorns · MN" in window.windowTitle()


def test_first_run_assistant_sets_up_the_providers_own_home(qtbot, store, today):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWizard

    assistant = FirstRunAssistant(store)
    qtbot.addWidget(assistant)
    assert str(store.path) in assistant.welcome.where.text()   # where the records are kept
    words = " ".join(label.text() for label in assistant.findChildren(QLabel))
    assert "--db" not in words and "IMMUDESK_DB" not in words   # no command-line words in the window
    assistant.show()
    qtbot.waitExposed(assistant)
    qtbot.mouseClick(assistant.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert assistant.currentPage() is assistant.facility
    assert not assistant.facility.isComplete()         # the facility name is required
    form = assistant.facility.form
    qtbot.waitUntil(lambda: assistant.focusWidget() is form.edits["name"])   # the first keys go into the name
    QTest.keyClicks(assistant.focusWidget(), "Little Acorns Family Child Care")
    QTest.keyClicks(form.edits["county"], "Hennepin")
    QTest.keyClicks(form.state, "Minnesota")
    assert assistant.facility.isComplete()
    qtbot.mouseClick(assistant.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    facility = store.facility()
    assert (facility.name, facility.county, facility.state) == ("Little Acorns Family Child Care", "Hennepin", "MN")
    assert store.count_children() == 0


def test_first_run_assistant_offers_the_demo_without_touching_the_providers_file(qtbot, store, today):
    from PySide6.QtWidgets import QWizard

    from ui.app import needs_first_run

    assert needs_first_run(store)
    assistant = FirstRunAssistant(store)
    qtbot.addWidget(assistant)
    assistant.show()
    qtbot.waitExposed(assistant)
    qtbot.mouseClick(assistant.welcome.demo, Qt.MouseButton.LeftButton)   # "Try the demo home first"
    assert assistant.welcome.demo.isChecked()
    assert assistant.welcome.nextId() == -1      # the demo needs no facility page
    qtbot.mouseClick(assistant.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert assistant.result() == QWizard.DialogCode.Accepted and assistant.choice == "demo"
    assert store.count_children() == 0 and needs_first_run(store)   # the demo goes into its practice file


def test_closing_the_first_run_assistant_writes_nothing(qtbot, store, today):
    assistant = FirstRunAssistant(store)
    qtbot.addWidget(assistant)
    assistant.next()
    assistant.facility.form.edits["name"].setText("Half typed")
    assistant.reject()
    assert store.facility().name == "" and store.count_children() == 0


def test_gui_screenshot_command_writes_a_png(qapp, demo_store, db_path, tmp_path, capsys):
    target = tmp_path / "main.png"
    status = cli_main(["--db", str(db_path), "gui", "--screenshot", str(target), "--as-of", "2026-12-01"],
                      gui_runner=run_gui)
    assert status == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 720)


def test_gui_screenshot_with_a_bad_as_of_date_is_a_message_not_a_traceback(qapp, db_path, tmp_path, capsys):
    status = cli_main(["--db", str(db_path), "gui", "--screenshot", str(tmp_path / "x.png"), "--as-of", "2026-02-30"],
                      gui_runner=run_gui)
    assert status == 2
    err = capsys.readouterr().err
    assert "--as-of" in err and "Traceback" not in err


def test_a_failure_inside_the_window_becomes_a_message(window, demo_store, monkeypatch):
    def broken():
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(demo_store, "children", broken)
    opened = []
    monkeypatch.setattr(messages, "show_message", lambda *a, **k: opened.append(a) or None)
    window.refresh()
    assert opened and "Something went wrong inside immudesk" in opened[0][2]
    assert "Traceback" not in opened[0][2]


def test_about_box_says_the_version_and_where_the_data_lives(window):
    from immudesk import __version__

    box = window.show_about()
    assert isinstance(box, QMessageBox)
    assert __version__ in box.text() and str(window.store.path) in box.text()
    box.close()
    help_dialog = window.show_help()
    assert "Outbreaks" in help_dialog.browser.toPlainText()
    help_dialog.close()


def test_a_large_roster_is_evaluated_off_the_window_thread_and_only_the_latest_answer_counts(
        qtbot, demo_store, settings, monkeypatch):
    import ui.main_window as main_window

    monkeypatch.setattr(main_window, "EVALUATE_IN_BACKGROUND_FROM", 1)
    created = MainWindow(demo_store, settings=settings)
    qtbot.addWidget(created)
    assert created.evaluating and "Reading the records of 13 children" in created.banner.text()
    created.show()
    qtbot.waitUntil(lambda: "Working out the statuses of 13 children" in created.banner.text())
    created.set_as_of(date(2026, 12, 2))      # changed before the first answer came back
    assert created.wait_for_statuses()
    assert created.evaluation.as_of == date(2026, 12, 2)
    assert shown(created)["Liam Carter"][STATUS] == "In process"
    assert created.banner.isHidden()


def _close_main_window_soon(qtbot):
    when_shown(MainWindow, lambda window: window.close(), every_ms=50)


def test_the_gui_command_opens_the_window_and_quits_cleanly(qapp, qtbot, demo_store, db_path):
    demo_store.close()
    _close_main_window_soon(qtbot)
    assert cli_main(["--db", str(db_path), "gui"], gui_runner=run_gui) == 0


def test_the_demo_opens_its_practice_file_marked_as_the_demo_with_a_way_back(qapp, qtbot, db_path, today):
    """A new file: the first-run assistant; "Try the demo" opens the practice file beside the provider's file,
    marked DEMO in the title; "Back to my own records" brings her to her own (still new) file's assistant."""
    from PySide6.QtWidgets import QWizard

    from immudesk.demo import practice_path
    from immudesk.store import open_store

    seen = []

    def choose_demo(assistant):
        seen.append(assistant.currentPage().title())
        qtbot.mouseClick(assistant.welcome.demo, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(assistant.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        when_shown(MainWindow, in_the_demo, every_ms=50)

    def in_the_demo(window):
        seen.append(window.windowTitle())
        seen.append(str(window.store.path))
        when_shown(FirstRunAssistant, set_up_own_home, every_ms=50)
        qtbot.mouseClick(window.back_to_records_button, Qt.MouseButton.LeftButton)

    def set_up_own_home(assistant):
        from PySide6.QtTest import QTest

        qtbot.mouseClick(assistant.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        QTest.keyClicks(assistant.facility.form.edits["name"], "Little Acorns")
        qtbot.mouseClick(assistant.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        when_shown(MainWindow, in_own_records, every_ms=50)

    def in_own_records(window):
        if window.practice:   # the demo window is still closing: look again
            when_shown(MainWindow, in_own_records, every_ms=50)
            return
        seen.append(window.windowTitle())
        window.close()

    when_shown(FirstRunAssistant, choose_demo, every_ms=50)
    assert cli_main(["--db", str(db_path), "gui"], gui_runner=run_gui) == 0
    assert seen[0] == "Welcome to immudesk"
    assert seen[1].startswith("DEMO") and seen[2] == str(practice_path(db_path))
    assert seen[3].startswith("Little Acorns") and "DEMO" not in seen[3]
    with open_store(db_path) as own:
        assert own.count_children() == 0 and own.facility().name == "Little Acorns"
    with open_store(practice_path(db_path)) as practice:
        assert practice.count_children() == 13


def test_every_alt_key_in_the_facility_settings_leads_to_one_place(window):
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = window.edit_facility()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    keys = [m.group(1).lower() for m in (re.search(r"&([^&])", t) for t in texts) if m]
    assert len(keys) >= 14 and len(keys) == len(set(keys)), sorted(keys)
    dialog.reject()


def test_enter_on_a_row_opens_that_childs_record(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.table.setFocus()
    window.select_child(next(c.id for c in window.store.children() if c.first_name == "Lucas"))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.child_dialog is not None
    assert window.child_dialog.first_name.text() == "Lucas"


def test_deleting_a_child_asks_first(window, demo_store, monkeypatch):
    import ui.main_window as main_window

    lucas = next(c.id for c in demo_store.children() if c.first_name == "Lucas")
    window.select_child(lucas)
    monkeypatch.setattr(main_window, "ask", lambda *a, **k: False)
    window.delete_action.trigger()
    assert demo_store.count_children() == 13
    monkeypatch.setattr(main_window, "ask", lambda *a, **k: True)
    window.delete_action.trigger()
    assert demo_store.count_children() == 12
    assert "Lucas Rivera" not in shown(window)


def test_an_empty_table_says_what_to_do(qtbot, store, settings, today):
    store.update_facility(name="New Home")
    empty = MainWindow(store, settings=settings)
    qtbot.addWidget(empty)
    assert not empty.empty_note.isHidden() and "Ctrl+N to add a child" in empty.empty_note.text()
    store.add_child(__import__("immudesk.model", fromlist=["Child"]).Child(
        "Zoe", "King", date(2025, 6, 1), date(2026, 10, 1)))
    empty.refresh()
    assert empty.empty_note.isHidden()
    empty.search_edit.setText("nobody")
    assert not empty.empty_note.isHidden() and "No child matches" in empty.empty_note.text()
    empty.show_everyone()
    assert empty.empty_note.isHidden() and empty.search_edit.text() == ""


def test_a_screenshot_that_cannot_show_the_statuses_fails_loudly(qapp, demo_store, db_path, tmp_path, capsys,
                                                                 monkeypatch):
    from immudesk import states

    def broken(*_args, **_kwargs):
        raise RuntimeError("the rules broke")

    monkeypatch.setattr(states, "evaluate_roster", broken)
    status = cli_main(["--db", str(db_path), "gui", "--screenshot", str(tmp_path / "x.png")], gui_runner=run_gui)
    assert status == 1
    err = capsys.readouterr().err
    assert "could not show everything" in err and "Traceback" not in err


def test_looking_ahead_is_said_in_words(window):
    assert window.look_ahead.isHidden()
    window.next_month_button.click()
    assert window.as_of == date(2026, 12, 2)
    assert not window.look_ahead.isHidden()
    assert window.look_ahead.text().startswith("Looking ahead: statuses on Dec 2, 2026, 30 days from today")
    window.today_button.click()
    assert window.look_ahead.isHidden() and window.as_of == TODAY


def test_the_window_fits_a_small_laptop_screen(window, qtbot):
    """1366x768 at 150 % scaling leaves about 910 logical pixels: controls and counts wrap instead."""
    assert window.minimumSizeHint().width() <= 800
    window.show()
    qtbot.waitExposed(window)
    window.resize(800, 600)
    qtbot.wait(10)
    right_edges = [b.geometry().right() for b in window.summary.buttons.values() if not b.isHidden()]
    assert max(right_edges) <= window.summary.width()


def test_importing_children_already_on_the_roster_points_to_the_replacing_import(window, demo_store, tmp_path):
    again = tmp_path / "again.csv"
    window.export_csv(path=str(again))
    dialog = window.import_csv(path=str(again))
    assert dialog.list.count() == 13 and not dialog.update_hint.isHidden()
    assert window.import_csv(update=True, path=str(again)) == (0, 13)
    assert demo_store.count_children() == 13


def test_without_a_screen_the_screenshot_still_works_and_the_window_says_what_is_missing(db_path, tmp_path):
    """A provider's support script or a check runs `immudesk gui --screenshot` on a machine with no display and
    without knowing Qt's platform variable: it must render offscreen, not abort; the window itself says why."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["IMMUDESK_DB"] = str(db_path)
    launcher = [sys.executable, "-c", "from ui.launcher import main; main()"]
    assert subprocess.run([*launcher, "demo"], env=env, capture_output=True).returncode == 0
    shot = tmp_path / "window.png"
    done = subprocess.run([*launcher, "--demo", "gui", "--screenshot", str(shot)], env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    if sys.platform.startswith("linux"):
        window = subprocess.run([*launcher, "gui"], env=env, capture_output=True, text=True, timeout=60)
        assert window.returncode == 2
        assert "no screen to open the window on" in window.stderr and "Traceback" not in window.stderr


def test_a_damaged_records_file_at_start_is_explained_and_the_message_waits_to_be_read(qapp, db_path):
    """Opening the window on a damaged file with no good backup: before, the message box was opened and
    immudesk quit at once, so the provider saw nothing at all. The message must stay until it is closed."""
    from immudesk.cli import Context
    from immudesk.store import open_store
    from ui.app import open_records

    with open_store(db_path) as store:
        load_demo(store, TODAY)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db_path.stat().st_size
    with open(db_path, "r+b") as file:     # a failing disk: a stretch of bytes in the middle overwritten
        file.seek(size // 2 - 2048)
        file.write(b"\x5a" * 4096)
    read = []
    when_shown(QMessageBox, lambda box: (read.append(box.text()), box.done(0)))
    assert open_records(Context(db=str(db_path))) is None
    assert len(read) == 1 and "is damaged" in read[0] and "No backup that passes its check" in read[0]


def test_the_day_s_backup_and_the_idle_lock_wait_for_the_first_frame(qtbot, demo_store, settings):
    from immudesk.store.backup import list_backups
    from ui.app import after_first_frame

    window = MainWindow(demo_store, settings=settings)
    qtbot.addWidget(window)
    window.first_frame.connect(lambda: after_first_frame(window, demo_store.path))
    assert list_backups(demo_store.path) == [] and getattr(window, "idle_lock", None) is None
    with qtbot.waitSignal(window.first_frame, timeout=5000):
        window.show()
        window.grab()   # the offscreen platform paints on request
    assert [backup.reason for backup in list_backups(demo_store.path)] == ["daily"]
    assert window.idle_lock is not None
    window.grab()
    qtbot.wait(20)
    assert len(list_backups(demo_store.path)) == 1   # once: later frames start nothing


def test_restoring_from_the_menu_shows_the_restored_roster(window, demo_store, monkeypatch):
    from immudesk.store import backup as backups
    from immudesk.store import operations
    from ui import safety

    copy = backups.make_backup(demo_store.path, "manual")
    window.store.delete_child(window.store.children()[0].id)
    window.refresh()
    assert window.model.rowCount() == 12

    def restore_without_dialogs(parent, store_path=None, source=None):
        operations.restore(parent.store.path, copy)
        return True

    monkeypatch.setattr(safety, "restore_backup", restore_without_dialogs)
    window.restore_action.trigger()
    assert window.model.rowCount() == 13          # the roster was read again after the restore
