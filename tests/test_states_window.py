"""The window tells a provider what their state's rules were checked against and what is still to verify:
Settings → Facility shows it for the state chosen (and follows the choice), Help lists every state."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from immudesk.demo import load_demo
from immudesk.states import state_codes
from immudesk.states.rules import load_state
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, store, monkeypatch, tmp_path):
    monkeypatch.setenv("IMMUDESK_TODAY", "2026-11-02")
    load_demo(store, date(2026, 11, 2))
    created = MainWindow(store, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(created)
    return created


def test_facility_settings_show_what_the_chosen_states_rules_were_checked_against(window, store):
    dialog = window.edit_facility()
    notes = dialog.form.state_notes
    assert "North Carolina's rules were checked against" in notes.text() and "130A-155" in notes.text()
    combo = dialog.form.state
    combo.setFocus()
    QTest.keyClicks(combo, "Wa")            # the provider types the state's name in the list
    assert combo.currentData() == "WA"
    assert "Washington's rules were checked against" in notes.text()
    assert "WAC 246-105-060" in notes.text() and "Still to verify" in notes.text()
    assert "http" not in notes.text()       # titles here; the addresses are in Help
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the next state in the list
    assert load_state(combo.currentData()).name in notes.text()
    dialog.reject()
    assert store.facility().state == "NC"   # looking is not choosing


def test_help_lists_every_states_sources_and_values_to_verify(window):
    dialog = window.show_help()
    text = dialog.browser.toPlainText()
    assert "State rules" in text
    for code in state_codes():
        rules = load_state(code)
        assert f"{rules.name} ({code})" in text
        if rules.to_verify:
            assert rules.to_verify[0][:40] in text
    assert "https://apps.leg.wa.gov/wac/default.aspx?cite=246-105-060" in text
    dialog.close()


def test_records_to_request_from_the_roster_menu(window, store, qtbot):
    from PySide6.QtWidgets import QApplication
    qtbot.waitUntil(lambda: window.evaluation is not None)
    assert window.records_due_action.shortcut().toString() == "Ctrl+Shift+R"
    # The demo home is in North Carolina, which sets no schedule: the list says so.
    window.records_due_action.trigger()         # Roster → Records to request…
    dialog = window.records_due_dialog
    assert "set no schedule" in dialog.summary.text() and dialog.table.rowCount() == 0
    dialog.close()
    # In Minnesota (Minn. R. 9502.0405) the preschoolers whose record is 18 months old are listed.
    store.update_facility(state="MN")
    window.refresh()
    qtbot.waitUntil(lambda: window.evaluation is not None and window.evaluation.state == "MN")
    window.records_due_action.trigger()
    dialog = window.records_due_dialog
    rows = {row[0]: row for row in dialog.rows()}
    assert "Olivia Nguyen" in rows and "preschooler" in rows["Olivia Nguyen"][1]
    assert rows["Olivia Nguyen"][2] == "18 months" and "(overdue)" in rows["Olivia Nguyen"][4]
    assert "record" in dialog.summary.text()
    dialog.close()
    QApplication.processEvents()


def test_the_roster_shows_statuses_in_the_states_own_words(window, store, qtbot):
    from ui.roster_model import NAME, STATUS
    store.update_facility(state="WA")
    window.refresh()
    qtbot.waitUntil(lambda: window.evaluation is not None and window.evaluation.state == "WA")
    shown = {window.proxy.index(r, NAME).data(): window.proxy.index(r, STATUS).data()
             for r in range(window.proxy.rowCount())}
    assert shown["Ava Green"] == "Fully immunized"                 # Washington's word for up to date
    assert any(text.startswith("May not attend · Out of compliance") for text in shown.values())
    # The summary buttons use the same words.
    assert window.summary.buttons["in_process"].text().startswith("Conditional: ")
