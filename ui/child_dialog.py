"""A child's record: who they are and who to call, the doses per vaccine group (each marked as counting or not,
with the reason in plain words), exemptions, a physician's in-process certification and chickenpox history.

The dialog edits a copy. Save checks every field first (the message sits next to the field), then writes the
whole record with store.save_child in one transaction; Cancel writes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
                               QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from immudesk import dates, vaccines
from immudesk.model import (ALL_GROUPS, ATTENDANCE_KINDS, LANGUAGES, Child, DiseaseHistory, Dose, Exemption,
                            InProcessPeriod)
from immudesk.resources import load_json
from immudesk.states.status import ChildStatus

from . import compliance, wording
from .date_field import date_field, pydate, qdate
from .messages import ask, guarded
from .outside_changes import save_child_asking
from .status_style import look, status_icon

_YEAR = re.compile(r"^\d{4}$")
NO_PRODUCT = "(product not recorded)"
_DOSES_OUTSIDE = "These doses are outside the child's life: "
ERROR_STYLE = "QLabel { color: #A03000; }"


@dataclass
class DoseLine:
    """A dose as the dialog lists it: filed under one group; `entry` ties together the groups of one shot."""
    dose: Dose
    entry: int


def state_rules(state: str) -> dict:
    """What the state's data file says about exemption kinds and the physician's extension (data, not logic)."""
    try:
        data = load_json("states", f"{state}.json")
    except (OSError, ValueError):
        return {"exemptions": {"medical": {"label": "Medical exemption", "documentation": ""}}, "grace": {}}
    return data


class FieldError(QLabel):
    """The message next to a field; words (and a sign), never colour alone."""

    def __init__(self):
        super().__init__()
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_problem(self, text: str | None) -> None:
        self.setText(f"⚠ {text}" if text else "")
        self.setAccessibleName(text or "")
        self.setVisible(bool(text))


class ChildDialog(QDialog):
    saved = Signal(object)   # the child's id, after the record is written

    def __init__(self, store, child: Child | None = None, as_of: date | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.original = child
        self.as_of = as_of or dates.today()
        self.state = store.facility().state
        self.rules = state_rules(self.state)
        self.status: ChildStatus | None = None
        self._lines: list[DoseLine] = []
        self._save_tried = False
        self._touched: set[str] = set()   # vaccine groups the provider changed: kept open in the list
        self._next_entry = 0
        self.setWindowTitle(f"{child.name}: record" if child else "New child")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(QSize(560, 420))
        self.resize(860, 660)
        self._errors: dict[str, FieldError] = {}
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reevaluate)

        self.status_box = QLabel()
        self.status_box.setWordWrap(True)
        self.status_box.setTextFormat(Qt.TextFormat.RichText)
        self.status_box.setAccessibleName("Status of this record")
        self.status_icon = QLabel()
        self.status_icon.setFixedSize(QSize(32, 32))
        top = QHBoxLayout()
        top.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.status_box, 1)
        self.status_frame = QWidget()
        self.status_frame.setLayout(top)
        self.status_frame.setAutoFillBackground(True)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolling(self._child_tab()), "&Child and family")
        self.tabs.addTab(self._doses_tab(), "&Vaccines")
        self.tabs.addTab(_scrolling(self._exemptions_tab()), "E&xemptions and history")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Check and save the whole record (Ctrl+S)")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_frame)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._load(child)
        self._dirty = False
        self.reevaluate()
        self.first_name.setFocus()

    # -- building the tabs ----------------------------------------------------------------------------------------
    def _error(self, name: str) -> FieldError:
        label = FieldError()
        self._errors[name] = label
        return label

    def _with_error(self, widget: QWidget, name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error(name))
        return box

    def _child_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(form)
        outer.addStretch(1)   # extra height goes below the form, not between its rows
        today = dates.today()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.birth_date = date_field(today, "Birth date")
        self.enrolled_on = date_field(today, "First day of attendance")
        self.attendance = QComboBox()
        for kind in ATTENDANCE_KINDS:
            self.attendance.addItem(wording.ATTENDANCE_WORDS[kind], kind)
        self.withdrawn = QCheckBox("Has left the home on")
        self.withdrawn_on = date_field(today, "Withdrawal date")
        self.withdrawn_on.setEnabled(False)
        self.withdrawn.toggled.connect(self.withdrawn_on.setEnabled)
        withdrawn_row = QHBoxLayout()
        withdrawn_row.addWidget(self.withdrawn)
        withdrawn_row.addWidget(self.withdrawn_on)
        withdrawn_row.addStretch(1)
        withdrawn_box = QWidget()
        withdrawn_box.setLayout(withdrawn_row)
        withdrawn_row.setContentsMargins(0, 0, 0, 0)
        self.parent_name = QLineEdit()
        self.parent_phone = QLineEdit()
        self.parent_phone.setPlaceholderText("919-555-0100")
        self.parent_email = QLineEdit()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(wording.LANGUAGE_WORDS.get(code, code), code)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        rows = [
            ("&First name:", self.first_name, "first_name"), ("&Last name:", self.last_name, "last_name"),
            ("&Birth date:", self.birth_date, "birth_date"),
            ("First day of &attendance:", self.enrolled_on, "enrolled_on"),
            ("Atten&dance:", self.attendance, None), ("&Withdrawal:", withdrawn_box, "withdrawn_on"),
            ("&Parent or guardian:", self.parent_name, None), ("Parent's p&hone:", self.parent_phone, None),
            ("Parent's &email:", self.parent_email, "parent_email"),
            ("Lan&guage for letters:", self.language, None), ("&Notes:", self.notes, None),
        ]
        for text, widget, error in rows:
            label = QLabel(text)
            label.setBuddy(widget if widget is not withdrawn_box else self.withdrawn)
            if not widget.accessibleName():
                widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, self._with_error(widget, error) if error else widget)
        for widget in (self.first_name, self.last_name, self.parent_name, self.parent_phone, self.parent_email):
            widget.textEdited.connect(self._changed)
        for widget in (self.birth_date, self.enrolled_on, self.withdrawn_on):
            widget.dateChanged.connect(self._changed)
        self.withdrawn.toggled.connect(self._changed)
        self.attendance.currentIndexChanged.connect(self._changed)
        self.language.currentIndexChanged.connect(self._changed)
        self.notes.textChanged.connect(self._mark_dirty)
        return page

    def _doses_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.doses_tree = QTreeWidget()
        self.doses_tree.setColumnCount(3)
        self.doses_tree.setHeaderLabels(["Vaccine and date given", "Product", "Counts for the law?"])
        self.doses_tree.setAccessibleName("Doses on record, by vaccine")
        self.doses_tree.setRootIsDecorated(True)
        self.doses_tree.setUniformRowHeights(True)
        self.doses_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.doses_tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.doses_tree.header().setStretchLastSection(True)
        layout.addWidget(self.doses_tree, 1)

        add_box = QGroupBox("Add a dose from the certificate")
        grid = QGridLayout(add_box)
        self.dose_group = QComboBox()
        self.dose_group.setAccessibleName("Vaccine group of the new dose")
        for name in vaccines.GROUP_NAMES:
            self.dose_group.addItem(vaccines.group(name).label, name)
        self.dose_date = date_field(dates.today(), "Date the dose was given")
        self.dose_product = QComboBox()
        self.dose_product.setAccessibleName("Product (brand) of the new dose")
        self.product_note = QLabel()
        self.product_note.setWordWrap(True)
        self.add_dose_button = QPushButton("&Add dose")
        self.add_dose_button.clicked.connect(self._add_dose_clicked)
        self.remove_dose_button = QPushButton("Remove selected &dose")
        self.remove_dose_button.clicked.connect(self.remove_selected_dose)
        group_label, date_label, product_label = QLabel("Vacc&ine:"), QLabel("Given &on:"), QLabel("P&roduct:")
        group_label.setBuddy(self.dose_group)
        date_label.setBuddy(self.dose_date)
        product_label.setBuddy(self.dose_product)
        grid.addWidget(group_label, 0, 0)
        grid.addWidget(self.dose_group, 0, 1)
        grid.addWidget(date_label, 0, 2)
        grid.addWidget(self.dose_date, 0, 3)
        grid.addWidget(product_label, 1, 0)
        grid.addWidget(self.dose_product, 1, 1)
        grid.addWidget(self.add_dose_button, 1, 3)
        grid.addWidget(self.product_note, 2, 0, 1, 4)
        grid.addWidget(self._error("dose"), 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        layout.addWidget(add_box)
        remove_row = QHBoxLayout()
        combination_note = QLabel("A combination vaccine (Pentacel, Pediarix, ProQuad …) is entered once and "
                                  "filed under every vaccine it covers.")
        combination_note.setWordWrap(True)
        remove_row.addWidget(combination_note, 1)
        remove_row.addWidget(self.remove_dose_button)
        layout.addLayout(remove_row)
        for combo in (self.dose_group, self.dose_product):
            # Long names show in full in the open list; the closed box does not force the dialog wide.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.dose_group.currentIndexChanged.connect(self._fill_products)
        self.dose_product.currentIndexChanged.connect(self._explain_product)
        self._fill_products()
        QShortcut(QKeySequence.StandardKey.Delete, self.doses_tree, activated=self.remove_selected_dose,
                  context=Qt.ShortcutContext.WidgetShortcut)
        return page

    def _exemptions_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        exemptions = self.rules.get("exemptions", {})
        kinds = [kind for kind in ("medical", "religious", "conscientious")
                 if kind in exemptions or (self.original and self.original.exemptions_of(kind))]
        self.exemption_boxes: dict[str, dict[str, QCheckBox]] = {}
        self.religious: QCheckBox | None = None
        for kind in kinds:
            info = exemptions.get(kind, {"label": f"{kind.title()} exemption",
                                         "documentation": f"not an exemption {self.state} recognises"})
            box = QGroupBox(info["label"])
            box.setAccessibleName(info["label"])
            column = QVBoxLayout(box)
            if info.get("documentation"):
                note = QLabel(f"On file: {info['documentation']}.")
                note.setWordWrap(True)
                column.addWidget(note)
            if kind == "religious":
                self.religious = QCheckBox("A religious exemption statement is on file (covers all vaccines)")
                self.religious.toggled.connect(self._changed)
                column.addWidget(self.religious)
            else:
                grid = QGridLayout()
                checks = {ALL_GROUPS: QCheckBox("All vaccines")}
                checks.update({name: QCheckBox(name) for name in vaccines.GROUP_NAMES})
                for position, (name, check) in enumerate(checks.items()):
                    check.setAccessibleName(f"{info['label']}: {'all vaccines' if name == ALL_GROUPS else name}")
                    check.toggled.connect(self._changed)
                    grid.addWidget(check, position // 5, position % 5)
                grid.setColumnStretch(5, 1)
                column.addLayout(grid)
                checks[ALL_GROUPS].toggled.connect(
                    lambda on, c=checks: [check.setEnabled(not on) for n, check in c.items() if n != ALL_GROUPS])
                self.exemption_boxes[kind] = checks
            layout.addWidget(box)

        grace = self.rules.get("grace", {})
        self.in_process = QCheckBox("A physician certified that a series is in process, until")
        self.in_process_until = date_field(dates.today(), "In process until")
        self.in_process_until.setEnabled(False)
        self.in_process.toggled.connect(self.in_process_until.setEnabled)
        self.in_process.toggled.connect(self._changed)
        self.in_process_until.dateChanged.connect(self._changed)
        in_process_box = QGroupBox("In process (physician's certification)")
        column = QVBoxLayout(in_process_box)
        row = QHBoxLayout()
        row.addWidget(self.in_process)
        row.addWidget(self.in_process_until)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._error("in_process"))
        has_period = bool(self.original and self.original.in_process)
        in_process_box.setVisible(bool(grace.get("physician_extension", True)) or has_period)
        layout.addWidget(in_process_box)

        history_box = QGroupBox("Chickenpox (varicella) history")
        column = QVBoxLayout(history_box)
        note = QLabel("Documented chickenpox counts instead of the varicella vaccine. Enter the date, or the year "
                      "when only the year is known.")
        note.setWordWrap(True)
        column.addWidget(note)
        row = QHBoxLayout()
        self.varicella_disease = QLineEdit()
        self.varicella_disease.setPlaceholderText("MM/DD/YYYY or YYYY; empty if none")
        self.varicella_disease.setAccessibleName("Chickenpox history date or year")
        self.varicella_disease.textEdited.connect(self._changed)
        label = QLabel("Had chic&kenpox on:")
        label.setBuddy(self.varicella_disease)
        row.addWidget(label)
        row.addWidget(self.varicella_disease)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._error("varicella_disease"))
        layout.addWidget(history_box)
        layout.addStretch(1)
        return page

    # -- loading and reading the fields ---------------------------------------------------------------------------
    def _load(self, child: Child | None) -> None:
        if child is None:
            self.birth_date.setDate(qdate(dates.add(dates.today(), years=-1)))
            return
        self.first_name.setText(child.first_name)
        self.last_name.setText(child.last_name)
        self.birth_date.setDate(qdate(child.birth_date))
        self.enrolled_on.setDate(qdate(child.enrolled_on))
        self.attendance.setCurrentIndex(max(self.attendance.findData(child.attendance), 0))
        if child.withdrawn_on:
            self.withdrawn.setChecked(True)
            self.withdrawn_on.setDate(qdate(child.withdrawn_on))
        self.parent_name.setText(child.parent_name)
        self.parent_phone.setText(child.parent_phone)
        self.parent_email.setText(child.parent_email)
        self.language.setCurrentIndex(max(self.language.findData(child.language), 0))
        self.notes.setPlainText(child.notes)
        # Doses given on the same day with the same combination product are one shot: one entry.
        entries: dict[tuple, int] = {}
        for dose in sorted(child.doses, key=lambda d: (d.given_on, vaccines.GROUP_NAMES.index(d.vaccine_group)
                                                        if d.vaccine_group in vaccines.GROUP_NAMES else 99)):
            key = (dose.given_on, dose.cvx or dose.product) if (dose.cvx or dose.product) else None
            if key is not None and key in entries and len(vaccines.groups_for_cvx(dose.cvx or "")) > 1:
                entry = entries[key]
            else:
                entry = self._new_entry()
                if key is not None:
                    entries[key] = entry
            self._lines.append(DoseLine(Dose(dose.vaccine_group, dose.given_on, dose.product, dose.cvx, dose.source),
                                        entry))
        for kind, checks in self.exemption_boxes.items():
            for exemption in child.exemptions_of(kind):
                for group in exemption.vaccine_groups:
                    if group in checks:
                        checks[group].setChecked(True)
        if self.religious is not None and child.exemptions_of("religious"):
            self.religious.setChecked(True)
        if child.in_process_until:
            self.in_process.setChecked(True)
            self.in_process_until.setDate(qdate(child.in_process_until))
        self.varicella_disease.setText(self._history_text(child.varicella_disease))

    @staticmethod
    def _history_text(documented: str | None) -> str:
        if not documented:
            return ""
        if _YEAR.match(documented):
            return documented
        try:
            return dates.parse_date(documented).strftime("%m/%d/%Y")
        except dates.DateError:
            return documented

    def _new_entry(self) -> int:
        self._next_entry += 1
        return self._next_entry

    def draft(self) -> Child:
        """The record as the fields show it now (not checked; see problems())."""
        original = self.original
        child = Child(
            self.first_name.text().strip(), self.last_name.text().strip(), pydate(self.birth_date.date()),
            pydate(self.enrolled_on.date()), self.attendance.currentData(),
            pydate(self.withdrawn_on.date()) if self.withdrawn.isChecked() else None,
            self.parent_name.text().strip(), self.parent_email.text().strip(), self.parent_phone.text().strip(),
            self.language.currentData(), self.notes.toPlainText().strip(),
            id=original.id if original else None)
        child.doses = [replace(line.dose) for line in self._lines]
        for kind, checks in self.exemption_boxes.items():
            chosen = (ALL_GROUPS,) if checks[ALL_GROUPS].isChecked() else tuple(
                name for name in vaccines.GROUP_NAMES if checks[name].isChecked())
            if chosen:
                child.exemptions.append(self._keep_details(kind, chosen))
        if self.religious is not None and self.religious.isChecked():
            child.exemptions.append(self._keep_details("religious", (ALL_GROUPS,)))
        if original:
            # Kinds this state does not show (a record moved from another state) are kept as they were.
            shown = set(self.exemption_boxes) | ({"religious"} if self.religious is not None else set())
            child.exemptions.extend(e for e in original.exemptions if e.kind not in shown)
        if self.in_process.isChecked():
            until = pydate(self.in_process_until.date())
            kept = next((p for p in (original.in_process if original else []) if p.certified_until == until), None)
            child.in_process.append(InProcessPeriod(until, kept.certified_on if kept else dates.today(),
                                                    kept.notes if kept else ""))
        history = self._read_history()
        if history:
            kept = next((h for h in (original.disease_history if original else []) if h.disease == "Varicella"), None)
            child.disease_history.append(DiseaseHistory("Varicella", history, kept.notes if kept else ""))
        if original:
            child.disease_history.extend(h for h in original.disease_history if h.disease != "Varicella")
        return child

    def _keep_details(self, kind: str, groups: tuple[str, ...]) -> Exemption:
        """An exemption with the chosen groups, keeping the dates and notes already on file for that kind."""
        existing = self.original.exemptions_of(kind) if self.original else []
        if existing:
            first = existing[0]
            notes = "; ".join(e.notes for e in existing if e.notes)
            return Exemption(kind, groups, first.granted_on, first.expires_on, notes)
        return Exemption(kind, groups, dates.today())

    def _read_history(self) -> str | None:
        text = self.varicella_disease.text().strip()
        if not text:
            return None
        if _YEAR.match(text):
            return text
        try:
            return dates.parse_date(text).isoformat()
        except dates.DateError:
            return None

    # -- checking -------------------------------------------------------------------------------------------------
    def problems(self, check_roster: bool = False) -> dict[str, str]:
        """Every field with something wrong, and what (the same checks as the roster CSV import).

        check_roster: also look for the same child already on the roster (a database read, so only on Save,
        not at every keystroke)."""
        found: dict[str, str] = {}
        today = dates.today()
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        birth, enrolled = pydate(self.birth_date.date()), pydate(self.enrolled_on.date())
        if not first:
            found["first_name"] = "The first name is required."
        if not last:
            found["last_name"] = "The last name is required."
        if birth > today:
            found["birth_date"] = f"The birth date {wording.day(birth)} is in the future."
        if enrolled < birth:
            found["enrolled_on"] = (f"The first day of attendance {wording.day(enrolled)} is before the birth "
                                    f"date {wording.day(birth)}.")
        if self.withdrawn.isChecked():
            withdrawn = pydate(self.withdrawn_on.date())
            if withdrawn < enrolled:
                found["withdrawn_on"] = (f"The withdrawal date {wording.day(withdrawn)} is before the first day of "
                                         f"attendance {wording.day(enrolled)}.")
        email = self.parent_email.text().strip()
        if email and ("@" not in email or " " in email):
            found["parent_email"] = f"{email!r} does not look like an email address."
        if check_roster and first and last and "birth_date" not in found:
            other = self.store.find_child(first, last, birth)
            if other is not None and (self.original is None or other != self.original.id):
                found["first_name"] = f"{first} {last}, born {wording.day(birth)}, is already on the roster."
        bad_doses = [line.dose for line in self._lines if line.dose.given_on < birth or line.dose.given_on > today]
        if bad_doses:
            found["dose"] = _DOSES_OUTSIDE + ", ".join(
                f"{d.vaccine_group} on {wording.day(d.given_on)}" for d in bad_doses) + ". Remove or correct them."
        text = self.varicella_disease.text().strip()
        if text:
            history = self._read_history()
            if history is None:
                found["varicella_disease"] = f"{text!r} is not a date or a year; write MM/DD/YYYY or YYYY."
            elif _YEAR.match(history):
                if not birth.year <= int(history) <= today.year:
                    found["varicella_disease"] = f"The year {history} is outside the child's life."
            else:
                when = dates.parse_date(history)
                if when < birth or when > today:
                    found["varicella_disease"] = f"{wording.day(when)} is outside the child's life."
        if self.in_process.isChecked():
            until = pydate(self.in_process_until.date())
            if until < enrolled:
                found["in_process"] = (f"The certified date {wording.day(until)} is before the first day of "
                                       f"attendance {wording.day(enrolled)}.")
        return found

    def show_problems(self, check_roster: bool = False) -> dict[str, str]:
        found = self.problems(check_roster)
        shown = dict(found)
        if not self._save_tried:
            # "Required" is said once the provider tries to save, not while a new record is still empty.
            for name in ("first_name", "last_name"):
                if shown.get(name, "").endswith("is required."):
                    del shown[name]
        for name, label in self._errors.items():
            if name == "dose" and "dose" not in shown and not label.text().startswith(f"⚠ {_DOSES_OUTSIDE}"):
                continue   # a refusal from "Add dose" stays until the next dose is added or removed
            label.show_problem(shown.get(name))
        return found

    # -- doses ----------------------------------------------------------------------------------------------------
    def _fill_products(self) -> None:
        group = self.dose_group.currentData()
        self.dose_product.blockSignals(True)
        self.dose_product.clear()
        self.dose_product.addItem(NO_PRODUCT, None)
        for name, cvx in vaccines.products_for_group(group):
            covered = vaccines.groups_for_cvx(cvx)
            suffix = f" ({' + '.join(covered)})" if len(covered) > 1 else ""
            self.dose_product.addItem(name + suffix, name)
        self.dose_product.blockSignals(False)
        self._explain_product()

    def _explain_product(self) -> None:
        group, product = self.dose_group.currentData(), self.dose_product.currentData()
        if product is None:
            hint = ("For Hib the product matters: PedvaxHIB needs fewer doses than ActHIB, Hiberix or Pentacel."
                    if group == "Hib" else "The product is optional; pick it when the certificate names it.")
        else:
            _name, cvx = vaccines.resolve_product(product, group)
            covered = vaccines.groups_for_cvx(cvx)
            hint = (f"{product} covers {', '.join(covered)}: the dose will be filed under each."
                    if len(covered) > 1 else f"{product}: {vaccines.cvx_description(cvx)}.")
        self.product_note.setText(hint)

    def _add_dose_clicked(self) -> None:
        self.add_dose(self.dose_group.currentData(), pydate(self.dose_date.date()), self.dose_product.currentData())

    def add_dose(self, group: str, given_on: date, product: str | None = None) -> list[str]:
        """File a dose (under every group a combination product covers); returns the groups, [] if refused."""
        birth, today = pydate(self.birth_date.date()), dates.today()
        problem = None
        if given_on > today:
            problem = f"The date {wording.day(given_on)} is in the future."
        elif given_on < birth:
            problem = f"The date {wording.day(given_on)} is before the birth date {wording.day(birth)}."
        cvx = None
        groups = [group]
        if problem is None and product:
            try:
                product, cvx = vaccines.resolve_product(product, group)
            except vaccines.UnknownProduct as error:
                problem = str(error)
            else:
                groups = vaccines.groups_for_cvx(cvx)
        if problem is None:
            duplicates = [g for g in groups if any(l.dose.vaccine_group == g and l.dose.given_on == given_on
                                                   for l in self._lines)]
            if duplicates:
                problem = (f"A {', '.join(duplicates)} dose on {wording.day(given_on)} is already on the record.")
        self._errors["dose"].show_problem(problem)
        if problem:
            return []
        entry = self._new_entry()
        for name in groups:
            self._lines.append(DoseLine(Dose(name, given_on, product, cvx, "entered"), entry))
        self._touched.update(groups)
        self._mark_dirty()
        self.reevaluate()
        return groups

    def remove_dose(self, group: str, given_on: date) -> list[str]:
        """Remove a dose, and its other groups when it was a combination shot; returns the groups removed."""
        line = next((l for l in self._lines if l.dose.vaccine_group == group and l.dose.given_on == given_on), None)
        if line is None:
            return []
        removed = [l.dose.vaccine_group for l in self._lines if l.entry == line.entry]
        self._lines = [l for l in self._lines if l.entry != line.entry]
        self._errors["dose"].show_problem(None)
        self._mark_dirty()
        self.reevaluate()
        return removed

    def remove_selected_dose(self) -> None:
        item = self.doses_tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not data:
            self._errors["dose"].show_problem("Select a dose (a date under a vaccine) to remove it.")
            return
        self.remove_dose(*data)

    def doses_of(self, group: str) -> list[Dose]:
        return sorted((l.dose for l in self._lines if l.dose.vaccine_group == group), key=lambda d: d.given_on)

    # -- evaluation -----------------------------------------------------------------------------------------------
    def _mark_dirty(self, *_args) -> None:
        self._dirty = True

    def _changed(self, *_args) -> None:
        self._mark_dirty()
        self._timer.start()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def reevaluate(self) -> None:
        """Ask the rules about the record as it stands in the dialog, and show every dose's verdict."""
        self._timer.stop()
        found = self.show_problems()
        self.status = None
        blocking = {"birth_date", "enrolled_on", "withdrawn_on", "in_process", "varicella_disease"} & set(found)
        if not blocking:
            try:
                self.status = compliance.evaluate_child(self.draft(), self.state, self.as_of)
            except Exception as error:  # noqa: BLE001 - the form stays usable; the message says why
                self._show_status_text(None, f"The status cannot be worked out yet: {error}")
                self._fill_tree()
                return
        if self.status is None:
            self._show_status_text(None, "Fix the fields marked ⚠ to see the status.")
        else:
            self._show_status(self.status)
        self._fill_tree()

    def _show_status_text(self, status: ChildStatus | None, text: str) -> None:
        self.status_icon.clear()
        self.status_box.setText(text)
        self.status_frame.setStyleSheet("")

    def _show_status(self, status: ChildStatus) -> None:
        chosen = look(status.status, status.must_exclude, status.state)
        self.status_icon.setPixmap(status_icon(status.status, status.must_exclude).pixmap(QSize(32, 32)))
        deadline = wording.countdown(status)
        reasons = "".join(f"<li>{_html(reason)}</li>" for reason in status.reasons[:6])
        self.status_box.setText(
            f"<b>{chosen.words}</b> on {wording.day(status.as_of)}"
            + (f" · <b>{_html(deadline)}</b>" if deadline else "")
            + (f"<br>Missing: {_html(wording.missing(status))}" if status.missing else "")
            + (f"<ul style='margin:2px 0 0 -20px'>{reasons}</ul>" if reasons else ""))
        self.status_box.setAccessibleName(f"Status: {chosen.words}. {deadline}")
        self.status_frame.setStyleSheet(f"QWidget {{ background: {chosen.tint}; color: #1a1a1a; }}")

    def _fill_tree(self) -> None:
        current = self.doses_tree.currentItem()
        selected = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        self.doses_tree.clear()
        groups = self.status.groups if self.status else {}
        verdicts: dict[tuple, list] = {}
        for name, group in groups.items():
            for verdict in group.doses:
                verdicts.setdefault((verdict.vaccine_group, verdict.given_on), []).append(verdict)
        bad, good = QBrush(QColor("#A03000")), QBrush(QColor("#00603F"))
        for name in vaccines.GROUP_NAMES:
            doses = self.doses_of(name)
            group = groups.get(name)
            heading = vaccines.group(name).label
            summary = wording.plural(len(doses), "dose") + " on record"
            if group is None and self.status is not None:
                summary += f" · not required in {self.state}"
            if group is not None:
                if group.exempt:
                    summary = f"exempt ({group.exempt})"
                elif group.required:
                    summary = f"{group.valid} counting of {group.required} required now"
                    summary += " ✓" if group.met else " — more needed"
                elif group.note:
                    pass   # the note below says why none is required ("not required from 5 years of age")
                elif group.met and doses:
                    summary = f"{group.valid} counting; none required yet"
                else:
                    summary = "none required yet" if not doses else summary
                if group.next_due and not group.exempt:
                    summary += f" · next due {wording.day(group.next_due)}"
                if group.note:
                    summary += f" · {group.note}"
            top = QTreeWidgetItem([heading, "", summary])
            top.setData(1, Qt.ItemDataRole.UserRole, name)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if group is not None and not group.met and not group.exempt:
                top.setForeground(2, bad)
            self.doses_tree.addTopLevelItem(top)
            for dose in doses:
                queue = verdicts.get((name, dose.given_on), [])
                verdict = queue.pop(0) if queue else None
                if verdict is None:
                    counts = "not checked yet" if self.status is None else "not evaluated"
                elif verdict.valid:
                    counts = "✓ counts" + (f" ({verdict.reason})" if verdict.reason else "")
                else:
                    counts = "✗ does not count: " + (verdict.reason or "not valid")
                item = QTreeWidgetItem([wording.day(dose.given_on), dose.product or "", counts])
                item.setData(0, Qt.ItemDataRole.UserRole, (name, dose.given_on))
                item.setToolTip(2, counts)
                if verdict is not None:
                    item.setForeground(2, good if verdict.valid else bad)
                top.addChild(item)
                if selected == (name, dose.given_on):
                    self.doses_tree.setCurrentItem(item)
            # Open what needs attention (a requirement not met, a dose that does not count) and what the
            # provider just worked on; a complete group stays folded to its one-line summary.
            attention = group is not None and (not group.met and not group.exempt or
                                               any(not v.valid for v in group.doses))
            top.setExpanded(bool(doses) and (attention or name in self._touched or self.status is None))

    def dose_verdict_texts(self, group: str) -> list[str]:
        """What the dialog says about each dose of a group ("✓ counts", "✗ does not count: ..."), in date order."""
        for index in range(self.doses_tree.topLevelItemCount()):
            top = self.doses_tree.topLevelItem(index)
            if top.data(1, Qt.ItemDataRole.UserRole) == group:
                return [top.child(i).text(2) for i in range(top.childCount())]
        return []

    # -- saving ---------------------------------------------------------------------------------------------------
    @guarded
    def save(self) -> bool:
        """Check every field; write the whole record in one transaction, or nothing."""
        self._save_tried = True
        found = self.show_problems(check_roster=True)
        if found:
            self._focus_problem(found)
            return False
        child = self.draft()
        # Another program may have changed or removed the record since it was opened: ask, never overwrite.
        child_id = save_child_asking(self, self.store, child, self.original)
        if child_id is None:
            return False
        self._dirty = False
        self.saved.emit(child_id)
        self.accept()
        return True

    def _focus_problem(self, found: dict[str, str]) -> None:
        where = {"first_name": (0, self.first_name), "last_name": (0, self.last_name),
                 "birth_date": (0, self.birth_date), "enrolled_on": (0, self.enrolled_on),
                 "withdrawn_on": (0, self.withdrawn_on), "parent_email": (0, self.parent_email),
                 "dose": (1, self.doses_tree), "in_process": (2, self.in_process_until),
                 "varicella_disease": (2, self.varicella_disease)}
        for name in where:
            if name in found:
                tab, widget = where[name]
                self.tabs.setCurrentIndex(tab)
                widget.setFocus()
                return

    def done(self, result: int) -> None:
        self._timer.stop()   # no late re-evaluation once the dialog is closed
        super().done(result)

    def reject(self) -> None:
        """Cancel writes nothing; with unsaved changes it asks first, so a stray Esc loses no typing."""
        if self._dirty and not ask(self, "Discard changes?", "Close the record without saving your changes?",
                                   "Discard changes", "Keep editing"):
            return
        super().reject()


def _scrolling(page: QWidget) -> QScrollArea:
    """A tab page that scrolls when the screen is small, instead of making the dialog taller than the screen."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
