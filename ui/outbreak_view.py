"""The outbreak list: pick measles, chickenpox or whooping cough and see at once the children who are susceptible
(no valid dose for their age, too young, or exempt) with the parent's phone number, ready to call or copy."""
from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableView, QVBoxLayout)

from . import compliance, wording
from .compliance import OUTBREAK_DISEASES, RosterEvaluation
from .language import counted
from .messages import guarded

CHILD, AGE, REASON, PARENT, PHONE = range(5)
translate = QCoreApplication.translate
HEADERS = (QT_TRANSLATE_NOOP("Outbreak", "Child"), QT_TRANSLATE_NOOP("Outbreak", "Age"),
           QT_TRANSLATE_NOOP("Outbreak", "Why susceptible"), QT_TRANSLATE_NOOP("Outbreak", "Parent"),
           QT_TRANSLATE_NOOP("Outbreak", "Phone"))


class OutbreakModel(QAbstractTableModel):
    """Susceptible children for one disease, as the rules list them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []

    def set_susceptible(self, found) -> None:
        self.beginResetModel()
        self._rows = [(s.child.name, wording.age(s.child.birth_date, s.as_of), wording.dates_in_words(reason),
                       s.child.parent_name,
                       s.child.parent_phone) for s, reason in found]
        self.endResetModel()

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return translate("Outbreak", HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            none = translate("Outbreak", "none")
            title = translate("Outbreak", HEADERS[index.column()])
            return f"{title}: {self._rows[index.row()][index.column()] or none}"
        return None


class OutbreakDialog(QDialog):
    def __init__(self, evaluation: RosterEvaluation, parent=None, disease: str = "measles"):
        super().__init__(parent)
        self.evaluation = evaluation
        self.setWindowTitle(translate("Outbreak", "Outbreak: susceptible children"))
        self.setAccessibleName("Outbreak list")
        self.disease = QComboBox()
        self.disease.setAccessibleName("Disease")
        for key, words in OUTBREAK_DISEASES:
            self.disease.addItem(translate("Outbreak", words), key)
        label = QLabel(translate("Outbreak", "&Disease:"))
        label.setBuddy(self.disease)
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.model = OutbreakModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Susceptible children")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        copy = QPushButton(translate("Outbreak", "&Copy list"))
        copy.setToolTip(translate("Outbreak",
                                  "Copy names, reasons and phone numbers, to paste into an email or a document"))
        copy.clicked.connect(self.copy_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = QPushButton(translate("Outbreak", "&Print…"))
        self.print_button.setToolTip(translate("Outbreak", "Preview and print this list (a PDF from the reports)"))
        self.print_button.clicked.connect(self.print_list)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setVisible(importlib.util.find_spec(f"{__package__}.reports") is not None)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.disease)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        note = QLabel(translate("Outbreak", "The health department decides who stays home; this list is who it will "
                                            "ask about. It holds health information: share it only with public "
                                            "health."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, 440)
        self.disease.currentIndexChanged.connect(lambda _i: self.show_disease(self.disease.currentData()))
        self.disease.setCurrentIndex(max(self.disease.findData(disease), 0))
        self.show_disease(self.disease.currentData())

    @guarded
    def show_disease(self, disease: str) -> None:
        # Only children still attending: a child who has left is not at risk here and cannot be excluded.
        present = [s for s in self.evaluation.statuses if not s.child.is_withdrawn(s.as_of)]
        found = compliance.susceptible(present, disease)
        self.model.set_susceptible(found)
        words = translate("Outbreak", dict(OUTBREAK_DISEASES)[disease])
        said = translate("Outbreak", "%n child(ren) susceptible to {disease} on {date}, out of {attending} "
                                     "attending.", None, len(found))
        self.count.setText(counted(said, len(found)).format(disease=words.split(" (")[0].lower(),
                                                            date=wording.day(self.evaluation.as_of),
                                                            attending=len(present)))

    def list_text(self) -> str:
        lines = [self.count.text(), ""]
        titles = [translate("Outbreak", title) for title in HEADERS]
        lines += ["\t".join(row) for row in [titles, *self.model.rows()]]
        return "\n".join(lines)

    @guarded
    def print_list(self) -> None:
        """The printed outbreak list comes from the reports part (ui.reports), for the disease shown."""
        reports = importlib.import_module(".reports", __package__)
        window = self.parent()
        if window is not None and hasattr(reports, "outbreak_dialog"):
            reports.outbreak_dialog(window, disease=self.disease.currentData())

    def copy_list(self) -> None:
        QGuiApplication.clipboard().setText(self.list_text())
