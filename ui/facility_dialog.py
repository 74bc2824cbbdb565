"""The facility's settings: the state (which decides the law everywhere) and the fields the annual report asks
for. One form, used by the Settings dialog and by the first-run assistant."""
from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QScrollArea,
                               QVBoxLayout, QWidget)

from immudesk import dates
from immudesk.model import FACILITY_FIELDS, Facility
from immudesk.resources import load_json
from immudesk.states import state_codes

from .language import counted
from .messages import ask, guarded

translate = QCoreApplication.translate

# The report's words for each field (NC DHHS 2900A fields 1-11 use the same ideas).
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Facility", "Facility &name:"),
    "facility_id": QT_TRANSLATE_NOOP("Facility", "Facility &ID (license number):"),
    "county": QT_TRANSLATE_NOOP("Facility", "Co&unty:"),
    "care_type": QT_TRANSLATE_NOOP("Facility", "T&ype of care:"),
    "operator": QT_TRANSLATE_NOOP("Facility", "&Operator (director):"),
    "email": QT_TRANSLATE_NOOP("Facility", "Facility &email:"),
    "phone": QT_TRANSLATE_NOOP("Facility", "Facility &phone:"),
    "address": QT_TRANSLATE_NOOP("Facility", "Street a&ddress:"),
    "mailing_address": QT_TRANSLATE_NOOP("Facility", "Mai&ling address:"),
    "city": QT_TRANSLATE_NOOP("Facility", "Ci&ty:"),
    "zip": QT_TRANSLATE_NOOP("Facility", "&ZIP code:"),
    "reporter_name": QT_TRANSLATE_NOOP("Facility", "Person completing the &report:"),
    "reporter_email": QT_TRANSLATE_NOOP("Facility", "Reporter's e-&mail:"),
}

REQUIRED = ("name",)


def state_name(code: str) -> str:
    try:
        return load_json("states", f"{code}.json").get("name", code)
    except (OSError, ValueError):
        return code


class FacilityForm(QWidget):
    """The facility's fields; `values()` gives what to pass to store.update_facility."""

    changed = Signal()

    def __init__(self, facility: Facility, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.state = QComboBox()
        self.state.setAccessibleName("State")
        for code in state_codes():
            self.state.addItem(f"{state_name(code)} ({code})", code)
        self.state.setCurrentIndex(max(self.state.findData(facility.state), 0))
        self.state.setToolTip(translate("Facility",
                                        "The state's law decides the requirements, grace period, exemptions and "
                                        "report"))
        label = QLabel(translate("Facility", "St&ate:"))   # Alt+S is Save
        label.setBuddy(self.state)
        form.addRow(label, self.state)
        self.state.currentIndexChanged.connect(lambda _i: self.changed.emit())
        # What the chosen state's rules were checked against, and what is still to verify (below the fields:
        # it is long, and the fields are what a provider comes here for).
        self.state_notes = QLabel()
        self.state_notes.setWordWrap(True)
        self.state_notes.setStyleSheet("QLabel { color: #404040; }")
        self.state_notes.setAccessibleName("What the state's rules were checked against")
        self.state_notes.setProperty("state_words", True)   # the sources as the rules file words them
        self.state.currentIndexChanged.connect(self._show_state_notes)
        self._show_state_notes()
        self.edits: dict[str, QLineEdit] = {}
        for name in FACILITY_FIELDS:
            if name == "state":
                continue
            edit = QLineEdit(getattr(facility, name))
            edit.setAccessibleName(FIELD_LABELS.get(name, name).replace("&", "").rstrip(":"))
            edit.textChanged.connect(lambda _t: self.changed.emit())
            label = QLabel(translate("Facility", FIELD_LABELS.get(name, name)))
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit
        self.edits["name"].setPlaceholderText(translate("Facility", "required: it heads every report and letter"))
        self.problem = QLabel()
        self.problem.setStyleSheet("QLabel { color: #A03000; }")
        form.addRow(self.problem)
        form.addRow(self.state_notes)

    def _show_state_notes(self, _index: int = 0) -> None:
        from immudesk.states.about import summary_text
        self.state_notes.setText(summary_text(self.state.currentData()))

    def values(self) -> dict[str, str]:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        values["state"] = self.state.currentData()
        return values

    def check(self) -> str | None:
        """The first problem, in words, or None."""
        if not self.edits["name"].text().strip():
            problem = translate("Facility", "The facility name is required: it heads every report and letter.")
            self.edits["name"].setFocus()
        else:
            problem = None
        self.problem.setText(f"⚠ {problem}" if problem else "")
        return problem


class FacilityDialog(QDialog):
    """Settings → Facility: change the state or the report's fields; saved in one transaction."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(translate("Facility", "Facility settings"))
        self.setAccessibleName("Facility settings")
        before = store.facility()
        self.form = FacilityForm(before)
        note = QLabel(translate("Facility", "The records are kept in {file}.").format(file=store.path))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        area = QScrollArea()   # scrolls on a small screen rather than pushing Save off it
        area.setWidget(self.form)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._before = asdict(before)
        self.resize(560, 600)

    @guarded
    def save(self) -> bool:
        if self.form.check():
            return False
        changed = {name: value for name, value in self.form.values().items() if self._before.get(name) != value}
        if "state" in changed and not self._state_change_confirmed(changed["state"]):
            return False
        self.store.update_facility(**changed)
        self.accept()
        return True

    def _state_change_confirmed(self, new_state: str) -> bool:
        """Another state's law can turn children away: say how many change status, and ask, before saving."""
        as_of = getattr(self.parent(), "as_of", None) or dates.today()
        changed, turned_away, enrolled = status_changes(self.store, self._before["state"], new_state, as_of)
        name = state_name(new_state)
        if not changed:
            summary = translate("Facility", "No child's status changes under {state}'s law.").format(state=name)
        else:
            summary = counted(translate("Facility", "Under {state}'s law, %n child(ren) of {enrolled} change status",
                                        None, changed), changed).format(state=name, enrolled=enrolled)
            summary += (translate("Facility", ", and {count} of them may not attend.").format(count=turned_away)
                        if turned_away else ".")
        return ask(self, translate("Facility", "Change the state?"),
                   summary + "\n\n" + translate("Facility",
                                                "The state decides the requirements, grace period, exemptions "
                                                "and report everywhere in immudesk. Change the state to "
                                                "{state}?").format(state=name),
                   translate("Facility", "Change to {state}").format(state=new_state),
                   translate("Facility", "Keep {state}").format(state=self._before["state"]))


def status_changes(store, old_state: str, new_state: str, as_of) -> tuple[int, int, int]:
    """(children whose status changes, of them newly turned away, children enrolled) if the facility's state
    changed from old_state to new_state on as_of: what the provider is told before the change is made."""
    from .compliance import evaluate_roster

    children = [child for child in store.children() if not child.is_withdrawn(as_of)]
    before = {s.child.id: (s.status, s.must_exclude) for s in evaluate_roster(children, old_state, as_of).statuses}
    after = {s.child.id: (s.status, s.must_exclude) for s in evaluate_roster(children, new_state, as_of).statuses}
    changed = [child_id for child_id in after if after[child_id] != before.get(child_id)]
    turned_away = sum(1 for child_id in changed if after[child_id][1] and not before.get(child_id, ("", False))[1])
    return len(changed), turned_away, len(children)
