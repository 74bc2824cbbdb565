"""Records to request: the children whose immunization record the state asks the provider to have updated by now
or within the next weeks (Minnesota by age, Washington yearly, Ohio every 13 months), read from the rules."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from immudesk.states import load_state
from immudesk.states.record_updates import NOTICE_DAYS, records_to_request

from . import wording
from .compliance import RosterEvaluation

HEADERS = ("Child", "Age", "Ask every", "Last update", "Due")


class RecordsDueDialog(QDialog):
    def __init__(self, evaluation: RosterEvaluation, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Records to request")
        self.setAccessibleName("Records to request")
        rules = load_state(evaluation.state)
        self.requests = records_to_request([s.child for s in evaluation.statuses], evaluation.state,
                                           evaluation.as_of)
        if not rules.record_updates:
            text = (f"{rules.name}'s rules in immudesk set no schedule for asking parents for updated records; "
                    "keep each record current as doses come due.")
        elif not self.requests:
            text = f"No record update is due by {wording.day(evaluation.as_of)} or in the {NOTICE_DAYS} days after."
        else:
            text = (f"{len(self.requests)} record{'s' if len(self.requests) != 1 else ''} to ask parents for "
                    f"(due now or within {NOTICE_DAYS} days). The last update is the first day of attendance or the "
                    "newest dose on record.")
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(self.requests), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Children whose record to request")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, request in enumerate(self.requests):
            late = " (overdue)" if request.overdue(evaluation.as_of) else ""
            band = "" if request.band == "every child" else f" ({request.band})"
            cells = (request.child.name, f"{wording.age(request.child.birth_date, evaluation.as_of)}{band}",
                     f"{request.every_months} months", wording.day(request.last_update),
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
