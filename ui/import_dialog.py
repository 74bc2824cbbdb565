"""What the window shows when a roster CSV cannot be imported: every problem the check found, and the
reassurance that nothing was imported, so the provider fixes the file once and tries again."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QPushButton, QVBoxLayout

from .language import counted

translate = QCoreApplication.translate


class ImportProblemsDialog(QDialog):
    def __init__(self, file_name: str, problems: list[str], parent=None, already_on_roster: bool = False):
        super().__init__(parent)
        self.problems = list(problems)
        self.setWindowTitle(translate("ImportProblems", "The roster was not imported"))
        self.setAccessibleName(self.windowTitle())
        said = translate("ImportProblems", "Nothing was imported from {file}: %n problem(s) must be fixed first. "
                                           "Correct them in the spreadsheet, save it as CSV (UTF-8) and import it "
                                           "again.", None, len(problems))
        heading = QLabel(counted(said, len(problems)).format(file=file_name))
        heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Problems in the file")
        self.list.addItems(self.problems)
        self.list.setWordWrap(True)
        copy = QPushButton(translate("ImportProblems", "&Copy problems"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(self.problems)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        self.update_hint = QLabel(translate("ImportProblems",
                                            "Some children are already on the roster. To replace their "
                                            "records with the file's, use File → Import CSV, replacing "
                                            "existing records."))
        self.update_hint.setWordWrap(True)
        # The core's message names the command-line option; the window's way is a menu entry.
        self.update_hint.setVisible(already_on_roster)
        layout.addWidget(self.update_hint)
        layout.addWidget(buttons)
        self.resize(760, 380)
