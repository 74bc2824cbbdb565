"""The window's date input: a text field that reads a date the way a person writes it (month first, whatever the
computer's locale), says beside it what it understood ("Fri, Mar 14, 2025"), refuses what it cannot read, and
offers a calendar as a second way. Also the conversions between Qt's QDate and the core's datetime.date.

QDateEdit is not used: it jumps sections while typing and turns "03/14/2025" into another date with no error.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
                               QToolButton, QWidget)
from shiboken6 import getCppPointer

from immudesk import dates

from . import wording

translate = QCoreApplication.translate
FIELD_FORMAT = "%m/%d/%Y"         # how a field shows an understood date: 03/14/2025
# Month first in every language, as US certificates write dates: the Spanish placeholder says "mes/día/año".
PLACEHOLDER = QT_TRANSLATE_NOOP("DateField", "MM/DD/YYYY")
WEEKDAYS = (QT_TRANSLATE_NOOP("DateField", "Mon"), QT_TRANSLATE_NOOP("DateField", "Tue"),
            QT_TRANSLATE_NOOP("DateField", "Wed"), QT_TRANSLATE_NOOP("DateField", "Thu"),
            QT_TRANSLATE_NOOP("DateField", "Fri"), QT_TRANSLATE_NOOP("DateField", "Sat"),
            QT_TRANSLATE_NOOP("DateField", "Sun"))
PROBLEM_STYLE = "QLabel { color: #A03000; }"


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def words(value: date) -> str:
    """What the field understood, with the weekday as a check: "Fri, Mar 14, 2025"."""
    return f"{translate('DateField', WEEKDAYS[value.weekday()])}, {wording.day(value)}"


_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


class _Input(QLineEdit):
    """The typed part of a DateField. It notes a key it let through (Enter, Tab), so the field can tell that
    key, passing up to the window, from keys sent to the field itself (by a script that found it by name)."""

    let_through: int | None = None

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in _KEYS:
            self.let_through = None if event.isAccepted() else getCppPointer(event)[0]
        return handled


class DateField(QWidget):
    """A typed date with its reading beside it. value() is the date, or None while the field is empty or
    holds something that is not a date (problem() then says what is wrong; the text stays as typed).

    not_future: the date cannot be after today (a birth, a dose), which decides two-digit years (see
    immudesk.dates.parse_typed_date)."""

    valueChanged = Signal(object)     # date or None, whenever what the field means changes
    # QDateEdit's signal, for code written against one: a new date once it is entered (leaving the field, Enter,
    # the calendar, set_value), not at every keystroke ("1/1/20" on the way to "1/1/2026" is not announced).
    dateChanged = Signal(QDate)

    def __init__(self, value: date | None = None, accessible_name: str = "", not_future: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.not_future = not_future
        self._value: date | None = None
        self._last: date | None = None   # the last date entered, for date() and dateChanged
        self._problem: str | None = None
        self._continue_into: QLineEdit | None = None
        self.edit = _Input()
        self.edit.setPlaceholderText(translate("DateField", PLACEHOLDER))
        self.edit.setMaxLength(40)
        width = self.edit.fontMetrics().horizontalAdvance("Sep 30, 2025_") + 16
        self.edit.setFixedWidth(width)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Alt+Down (or F4) opens it from the field
        self.calendar_button.clicked.connect(self.open_calendar)
        self.understood = QLabel()
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        self.understood.setWordWrap(True)
        self.understood.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.edit)
        row.addWidget(self.calendar_button)
        row.addWidget(self.understood, 1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.edit.installEventFilter(self)
        self.setAccessibleName(accessible_name)
        self._popup: QCalendarWidget | None = None
        self.set_value(value)

    # -- the value ----------------------------------------------------------------------------------------------
    def value(self) -> date | None:
        return self._value

    def problem(self) -> str | None:
        """Why the text is not a date (None when it is one, or empty)."""
        return self._problem

    def is_empty(self) -> bool:
        return not self.edit.text().strip()

    def set_value(self, value: date | None) -> None:
        """Show a date (or nothing) as the field writes dates: 03/14/2025."""
        self.edit.setText(value.strftime(FIELD_FORMAT) if value else "")
        self._read(show_problem=True)
        self._entered()

    def setAccessibleName(self, name: str) -> None:   # noqa: N802 - Qt's name; the input carries it too
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.calendar_button.setAccessibleName(f"{name}: choose on a calendar" if name else "Calendar")
        self.calendar_button.setToolTip(translate("DateField", "Choose the date on a calendar (Alt+Down in the field)"))
        self.edit.setToolTip(translate("DateField",
                                       "Month first: 3/14/2025, 031425, 2025-03-14 or Mar 14 2025. A two-digit "
                                       "year is 20YY")
                             + (translate("DateField",
                                          ", or 19YY when 20YY would be after today.") if self.not_future else ".")
                             + " " + translate("DateField", "Alt+Down opens a calendar."))

    # QDateEdit's names, for code that used one (the main window's "Compliance on" field).
    def date(self) -> QDate:
        """The date shown, or while the field is empty or unreadable the last one it held (a QDateEdit always
        holds one); an invalid QDate if it never held any."""
        shown = self._value or self._last
        return qdate(shown) if shown else QDate()

    def setDate(self, value: QDate) -> None:   # noqa: N802
        self.set_value(pydate(value) if value.isValid() else None)

    def continue_into(self, target: QLineEdit) -> None:
        """Once the field holds a whole date, a typed letter goes on into `target`, so a certificate line
        ("3/16/2026 Varivax") is typed as it reads."""
        self._continue_into = target

    def event(self, event: QEvent) -> bool:
        """Keys sent to the field itself (it carries the accessible name too) are typed into its input; a key
        the input let through goes on up to the window as usual."""
        if event.type() in _KEYS:
            if getCppPointer(event)[0] == self.edit.let_through:
                self.edit.let_through = None
                return super().event(event)
            QApplication.sendEvent(self.edit, event)
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:   # noqa: N802 - Qt's name
        self.edit.setFocus(Qt.FocusReason.MouseFocusReason)   # a click beside the input is a click into it
        super().mousePressEvent(event)

    # -- reading what is typed ----------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._read(show_problem=False)   # no scolding in mid-word: a half-typed date is not an error yet

    def _finished(self) -> None:
        self._read(show_problem=True)
        if self._value is not None:
            written = self._value.strftime(FIELD_FORMAT)
            if self.edit.text() != written:
                self.edit.setText(written)   # one style in fields: MM/DD/YYYY
        self._entered()

    def _entered(self) -> None:
        if self._value is not None and self._value != self._last:
            self._last = self._value
            self.dateChanged.emit(qdate(self._value))

    def _read(self, show_problem: bool) -> None:
        text = self.edit.text().strip()
        value, problem = None, None
        if text:
            try:
                value = dates.parse_typed_date(text, not_future=self.not_future)
            except dates.DateError as error:
                problem = str(error)
        self._problem = problem
        if value is not None:
            self.understood.setStyleSheet("")
            self.understood.setText(words(value))
        elif problem and show_problem:
            self.understood.setStyleSheet(PROBLEM_STYLE)
            self.understood.setText(f"⚠ {problem}")
        else:
            self.understood.setStyleSheet("")
            self.understood.setText("")
        self.understood.setAccessibleName(self.understood.text())
        if value != self._value:
            self._value = value
            self.valueChanged.emit(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:   # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event
            if key.key() in (Qt.Key.Key_F4,) or (key.key() == Qt.Key.Key_Down
                                                  and key.modifiers() & Qt.KeyboardModifier.AltModifier):
                self.open_calendar()
                return True
            if self._continue_into is not None and key.text().isalpha() and self._whole_date():
                self._finished()
                self._continue_into.setFocus(Qt.FocusReason.TabFocusReason)
                self._continue_into.clear()
                QApplication.sendEvent(self._continue_into, QKeyEvent(key.type(), key.key(), key.modifiers(),
                                                                      key.text()))
                return True
        return super().eventFilter(watched, event)

    def _whole_date(self) -> bool:
        """The field reads as a date that ends in its year: no letter can be part of it any more."""
        text = self.edit.text().strip()
        return (self._value is not None and text[-1:].isdigit()
                and self.edit.cursorPosition() == len(self.edit.text()) and not self.edit.hasSelectedText())

    # -- the calendar, a second way -----------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self._popup is None:   # made once and kept: deleting it from inside its own signal would crash
            self._popup = QCalendarWidget(self)
            self._popup.setWindowFlags(Qt.WindowType.Popup)
            self._popup.setGridVisible(True)
            self._popup.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
            self._popup.setAccessibleName(f"{self.accessibleName()}: calendar")
            self._popup.clicked.connect(self._chosen)
            self._popup.activated.connect(self._chosen)
        self._popup.setSelectedDate(qdate(self._value or dates.today()))
        self._popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self._popup.show()
        self._popup.setFocus()

    def _chosen(self, chosen: QDate) -> None:
        self._popup.hide()
        self.set_value(pydate(chosen))
        self.edit.setFocus()


def date_field(value: date | None, accessible_name: str = "", not_future: bool = False) -> DateField:
    """A date input (see DateField); `value` None leaves it empty."""
    return DateField(value, accessible_name, not_future)

