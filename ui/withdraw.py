"""Roster → Withdraw child…: the child has left. The last day is asked for; the record stays (greyed) for the
inspector, as the state's law wants records kept after a child leaves."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from immudesk import dates

from . import wording
from .date_field import date_field

translate = QCoreApplication.translate


class WithdrawDialog(QDialog):
    """Asks for the child's last day; emits chosen(date) on Withdraw. A day before the first day is refused;
    a day still to come is allowed (a family that gave notice) and said so."""

    chosen = Signal(object)

    def __init__(self, child, parent=None):
        super().__init__(parent)
        self.child = child
        self.setWindowTitle(translate("Withdraw", "Withdraw {name}").format(name=child.name))
        self.setAccessibleName("Withdraw a child")
        intro = QLabel(translate("Withdraw", "{name} has left your care. Their record stays on the roster, greyed, for "
                                             "the inspector; they are no longer counted or sent letters from the day "
                                             "after the last day.").format(name=child.name))
        intro.setWordWrap(True)
        self.last_day = date_field(child.withdrawn_on or dates.today(), "Last day of attendance")
        label = QLabel(translate("Withdraw", "&Last day of attendance:"))
        label.setBuddy(self.last_day)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(label, self.last_day)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.withdraw_button = self.buttons.addButton(translate("Withdraw", "&Withdraw"),
                                                      QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._withdraw)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.last_day.valueChanged.connect(lambda _value: self.check())   # as she types
        self.check()

    def value(self) -> date | None:
        return self.last_day.value()

    def check(self) -> str | None:
        """The problem that refuses the date (None when it can be saved); a later day gets a warning only."""
        day = self.value()
        problem = None
        if day is None:   # empty, or not a date yet: the field itself says what is wrong with the text
            problem = self.last_day.problem() or translate("Withdraw", "Type the last day of attendance.")
            self.problem.setText("")
        elif day < self.child.enrolled_on:
            problem = translate("Withdraw",
                                "The last day cannot be before the first day of attendance ({date}).").format(
                date=wording.day(self.child.enrolled_on))
            self.problem.setText(f"⚠ {problem}")
        elif day > dates.today():
            self.problem.setText(translate("Withdraw",
                                           "Note: {date} is still to come; the child counts as enrolled until "
                                           "then.").format(date=wording.day(day)))
        else:
            self.problem.setText("")
        self.withdraw_button.setEnabled(problem is None)
        return problem

    def _withdraw(self) -> None:
        if self.check() is None:
            self.chosen.emit(self.value())
            self.accept()
