"""Records to request: the children whose immunization record the state asks the provider to have updated by now
or within the next weeks (Minnesota by age, Washington yearly, Ohio every 13 months), read from the rules."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from immudesk.states import load_state
from immudesk.states.record_updates import NOTICE_DAYS, records_to_request

from . import wording
from .compliance import RosterEvaluation
from .language import counted

translate = QCoreApplication.translate
HEADERS = (QT_TRANSLATE_NOOP("RecordsDue", "Child"), QT_TRANSLATE_NOOP("RecordsDue", "Age"),
           QT_TRANSLATE_NOOP("RecordsDue", "Ask every"), QT_TRANSLATE_NOOP("RecordsDue", "Last update"),
           QT_TRANSLATE_NOOP("RecordsDue", "Due"))


class RecordsDueDialog(QDialog):
    def __init__(self, evaluation: RosterEvaluation, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("RecordsDue", "Records to request"))
        self.setAccessibleName("Records to request")
        rules = load_state(evaluation.state)
        self.requests = records_to_request([s.child for s in evaluation.statuses], evaluation.state,
                                           evaluation.as_of)
        if not rules.record_updates:
            text = translate("RecordsDue", "{state}'s rules in immudesk set no schedule for asking parents for updated "
                                           "records; keep each record current as doses come due.").format(
                state=rules.name)
        elif not self.requests:
            text = translate("RecordsDue", "No record update is due by {date} or in the {days} days after.").format(
                date=wording.day(evaluation.as_of), days=NOTICE_DAYS)
        else:
            said = translate("RecordsDue", "%n record(s) to ask parents for (due now or within {days} days). The "
                                           "last update is the first day of attendance or the newest dose on record.",
                             None, len(self.requests))
            text = counted(said, len(self.requests)).format(days=NOTICE_DAYS)
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(self.requests), len(HEADERS))
        self.table.setHorizontalHeaderLabels([translate("RecordsDue", header) for header in HEADERS])
        self.table.setAccessibleName("Children whose record to request")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, request in enumerate(self.requests):
            late = " " + translate("RecordsDue", "(overdue)") if request.overdue(evaluation.as_of) else ""
            band = "" if request.band == "every child" else f" ({request.band})"
            cells = (request.child.name, f"{wording.age(request.child.birth_date, evaluation.as_of)}{band}",
                     counted(translate("RecordsDue", "%n month(s)", None, request.every_months),
                             request.every_months), wording.day(request.last_update),
                     wording.day(request.due) + late)
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 380)

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
