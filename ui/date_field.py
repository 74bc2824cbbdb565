"""Date fields for the window: a calendar pop-up, month-first as US providers write dates, and the conversions
between Qt's QDate and the core's datetime.date."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

DISPLAY_FORMAT = "MM/dd/yyyy"


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_field(value: date, accessible_name: str = "") -> QDateEdit:
    """A date field with a calendar; typing works too (month/day/year, the year in full)."""
    edit = QDateEdit(qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DISPLAY_FORMAT)
    # Wide enough for any child's record; validation (not the widget) explains a date out of place.
    edit.setMinimumDate(QDate(1990, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    if accessible_name:
        edit.setAccessibleName(accessible_name)
    return edit
