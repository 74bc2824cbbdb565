"""The first-run assistant: where the records are kept, then either the demo home to explore or the provider's
own facility (state and report fields). Shown when the database is new (no children, no facility name)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QRadioButton, QScrollArea, QVBoxLayout, QWizard, QWizardPage

from immudesk import dates
from immudesk.demo import load_demo
from immudesk.model import Facility

from .facility_dialog import FacilityForm
from .main_window import app_icon
from .messages import show_error

WELCOME, FACILITY = 0, 1


class WelcomePage(QWizardPage):
    def __init__(self, store):
        super().__init__()
        self.setTitle("Welcome to immudesk")
        self.setSubTitle("Immunization records for your child care home, and who complies with the state's law.")
        layout = QVBoxLayout(self)
        self.where = where = QLabel(
            f"Your records will be kept on this computer only, in:\n{store.path}\n\n"
            "Nothing is sent anywhere. To keep them somewhere else (for example an encrypted folder), start "
            "immudesk with --db PATH or set the IMMUDESK_DB environment variable.")
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addSpacing(12)
        self.own = QRadioButton("&Set up my own home (you will enter the state and your facility's details)")
        self.demo = QRadioButton("&Explore the demo home first (13 invented children in different situations)")
        self.own.setChecked(True)
        layout.addWidget(self.own)
        layout.addWidget(self.demo)
        hint = QLabel("The demo fills this database. To start your own records later, use a new database file.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1 if self.demo.isChecked() else FACILITY


class FacilityPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Your facility")
        self.setSubTitle("The state decides the law immudesk applies. The other fields head the annual report; "
                         "you can change them later under Settings → Facility.")
        self.form = FacilityForm(Facility())
        self.form.changed.connect(self.completeChanged)
        # Scrolls on a small screen rather than pushing the Finish button off it.
        area = QScrollArea()
        area.setWidget(self.form)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(area)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.form.edits["name"].text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.form.check() is None


class FirstRunAssistant(QWizard):
    """Nothing is written until Finish: closing the assistant leaves the database as it was."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Set up immudesk")
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

    def finish(self) -> str:
        """Write what the provider chose; returns "demo" or "own"."""
        if self.welcome.demo.isChecked():
            load_demo(self.store, dates.today())
            return "demo"
        self.store.update_facility(**self.facility.form.values())
        return "own"
