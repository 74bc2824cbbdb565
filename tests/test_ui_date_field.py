"""The window's date input on its own (ui.date_field.DateField), typed into as a person does: what it reads,
what it refuses, what it tells code that listens, and the calendar as a second way."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ui.date_field import DateField, date_field

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def form(qtbot, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", "2026-11-02")
    page = QWidget()
    column = QVBoxLayout(page)
    field = date_field(None, "Birth date", not_future=True)
    after = QLineEdit()
    column.addWidget(field)
    column.addWidget(after)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    field.edit.setFocus()
    yield field, after   # the page stays referenced while the test runs


def test_a_typed_date_is_read_said_beside_it_and_announced(form):
    field, _after = form
    values, dates_seen = [], []
    field.valueChanged.connect(values.append)
    field.dateChanged.connect(dates_seen.append)
    QTest.keyClicks(field.edit, "12/01/2024")
    assert field.value() == date(2024, 12, 1) and field.understood.text() == "Sun, Dec 1, 2024"
    assert values[-1] == date(2024, 12, 1)
    assert date(2020, 12, 1) in values and dates_seen == []   # "12/01/20" on the way was a date, not entered
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert dates_seen == [QDate(2024, 12, 1)] and field.date() == QDate(2024, 12, 1)   # QDateEdit's ways


def test_half_typed_is_quiet_and_a_refusal_is_said_when_leaving(form):
    field, after = form
    QTest.keyClicks(field.edit, "3/1")
    assert field.value() is None and field.understood.text() == ""    # no scolding in mid-word
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.understood.text().startswith("⚠ 3/1: add the year")
    assert field.edit.text() == "3/1" and field.problem() is not None  # kept as typed, never another date


def test_empty_means_no_date_and_set_value_writes_month_first(form):
    field, _after = form
    assert field.is_empty() and field.value() is None and not field.date().isValid()
    field.set_value(date(2025, 3, 14))
    assert field.edit.text() == "03/14/2025"
    field.setDate(QDate())
    assert field.is_empty() and field.value() is None
    assert field.date() == QDate(2025, 3, 14)   # as a QDateEdit would: the last date it held


def test_a_letter_after_a_whole_date_goes_on_into_the_next_input(form):
    field, after = form
    field.continue_into(after)
    QTest.keyClicks(field.edit, "3/16/2026")
    QTest.keyClicks(field.edit, "v")
    assert after.hasFocus() and after.text() == "v" and field.edit.text() == "03/16/2026"


def test_a_two_digit_year_is_a_whole_date_too(form):
    field, after = form
    field.continue_into(after)
    QTest.keyClicks(field.edit, "3/14/25e")
    assert after.text() == "e" and field.value() == date(2025, 3, 14)


def test_a_month_name_is_typed_in_the_field_itself(form):
    field, after = form
    field.continue_into(after)
    QTest.keyClicks(field.edit, "Mar 14 2025")
    assert field.value() == date(2025, 3, 14) and after.text() == ""


def test_the_calendar_sets_the_date(form):
    from PySide6.QtWidgets import QApplication, QCalendarWidget

    field, _after = form
    field.set_value(date(2025, 3, 14))
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QCalendarWidget)
    view = popup.focusWidget() or popup
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert field.value() == date(2025, 3, 13) and not popup.isVisible()


def test_the_accessible_name_is_the_inputs(form):
    field, _after = form
    assert field.edit.accessibleName() == "Birth date" and isinstance(field, DateField)
    field.setAccessibleName("As-of date")
    assert field.edit.accessibleName() == "As-of date"


def test_a_script_that_finds_the_field_by_its_name_can_type_into_it(form):
    """Checks from outside find inputs by accessible name; the first widget so named is the field itself."""
    field, after = form
    named = [w for w in field.window().findChildren(QWidget) if w.accessibleName() == "Birth date"]
    QTest.mouseClick(named[0], Qt.MouseButton.LeftButton)
    QTest.keyClicks(named[0], "3/14/2025")
    QTest.keyClick(named[0], Qt.Key.Key_Tab)
    assert field.value() == date(2025, 3, 14) and field.edit.text() == "03/14/2025"
    assert after.hasFocus()   # Tab still moves on
