"""The first-run assistant: where the records are kept, then either the demo home to explore (in a practice file
of its own, opened by ui.app) or the provider's own facility (state and report fields). Shown when the database
is new (no children, no facility name)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QRadioButton, QScrollArea, QVBoxLayout, QWizard, QWizardPage

from immudesk.model import Facility

from .facility_dialog import FacilityForm
from .main_window import app_icon
from .messages import show_error

translate = QCoreApplication.translate

WELCOME, FACILITY = 0, 1


class WelcomePage(QWizardPage):
    def __init__(self, store):
        super().__init__()
        self.setTitle(translate("FirstRun", "Welcome to immudesk"))
        self.setSubTitle(translate("FirstRun",
                                   "Immunization records for your child care home, and who complies with the "
                                   "state's law."))
        layout = QVBoxLayout(self)
        self.where = where = QLabel(
            translate("FirstRun", "Your records will be kept on this computer only, in:\n{file}\n\nNothing is sent "
                                  "anywhere.").format(file=store.path))
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addSpacing(12)
        self.own = QRadioButton(translate("FirstRun",
                                          "&Set up my own home (you will enter the state and your facility's "
                                          "details)"))
        self.demo = QRadioButton(translate("FirstRun", "&Try the demo home first (13 invented children in different "
                                                       "situations)"))
        self.own.setChecked(True)
        # The demo needs no further page: Finish is offered as soon as it is chosen.
        self.demo.toggled.connect(self.setFinalPage)
        layout.addWidget(self.own)
        layout.addWidget(self.demo)
        hint = QLabel(translate("FirstRun", "The demo is kept in a practice file of its own, apart from your records. "
                                            "File → Back to my own records leaves it whenever you are ready."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1 if self.demo.isChecked() else FACILITY


class FacilityPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(translate("FirstRun", "Your facility"))
        self.setSubTitle(translate("FirstRun", "The state decides the law immudesk applies. The other fields head the "
                                               "annual report; you can change them later under Settings → Facility."))
        self.form = FacilityForm(Facility())
        self.form.changed.connect(self.completeChanged)
        # Scrolls on a small screen rather than pushing the Finish button off it.
        area = QScrollArea()
        area.setWidget(self.form)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the fields take the keys, not their frame
        layout = QVBoxLayout(self)
        layout.addWidget(area)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        # The name first: it is the one field every provider must fill (the state is already chosen). QWizard
        # focuses the page's first widget after this returns, so the focus is set once it has.
        name = self.form.edits["name"]
        QTimer.singleShot(0, name, lambda: name.setFocus())   # not called once the assistant is gone

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.form.edits["name"].text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.form.check() is None


class FirstRunAssistant(QWizard):
    """Nothing is written until Finish: closing the assistant leaves the database as it was."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(translate("FirstRun", "Set up immudesk"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName("First-run assistant")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.welcome = WelcomePage(store)
        self.facility = FacilityPage()
        self.setPage(WELCOME, self.welcome)
        self.setPage(FACILITY, self.facility)
        self.setStartId(WELCOME)
        self.resize(640, 620)

    def accept(self) -> None:
        try:
            self.finish()
        except Exception as error:  # noqa: BLE001 - the provider gets a message and can try again
            show_error(self, error)
            return
        super().accept()

    @property
    def choice(self) -> str:
        """"demo" (the caller opens the practice file) or "own"."""
        return "demo" if self.welcome.demo.isChecked() else "own"

    def finish(self) -> str:
        """Write what the provider chose; returns the choice. The demo writes nothing into this database."""
        if self.choice == "own":
            self.store.update_facility(**self.facility.form.values())
        return self.choice
