"""A child's record: who they are and who to call, the doses per vaccine group (each marked as counting or not,
with the reason in plain words), exemptions, a physician's in-process certification and chickenpox history.

The dialog edits a copy. Save (Ctrl+S or the button; never Enter in a field) checks every field first (the
message sits next to the field), then writes the whole record with store.save_child in one transaction; Cancel
writes nothing. A field the provider has not filled stays empty: nothing is made up.

Doses go in as a certificate reads, by keyboard: the date given, the vaccine or product as printed (brand,
generic name or abbreviation; immudesk.dose_entry ranks what the letters may mean and the window shows what
Enter will file), Enter. The date stays for the next shot of the same day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QTabWidget, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from immudesk import dates, dose_entry, i18n, vaccines
from immudesk.model import (ALL_GROUPS, ATTENDANCE_KINDS, LANGUAGES, Child, DiseaseHistory, Dose, Exemption,
                            InProcessPeriod)
from immudesk.names import fold_name
from immudesk.resources import load_json
from immudesk.states.status import ChildStatus
from immudesk.vaccines import ProductChoice

from . import compliance, wording
from .date_field import DateField, words
from .language import counted
from .messages import ask, guarded
from .outside_changes import save_child_asking
from .status_style import look, status_icon

translate = QCoreApplication.translate
_YEAR = re.compile(r"^\d{4}$")
ERROR_STYLE = "QLabel { color: #A03000; }"
OLDEST_CHILD = 13          # years: an older "child" is most likely a birth year typed wrong
FIRST_DAY_AHEAD = 366      # days: a first day of attendance further ahead is most likely a year typed wrong
# The date fields and the key the message under each is filed under (problems(), warnings()).
DATE_FIELDS = {"birth_date": QT_TRANSLATE_NOOP("ChildDialog", "Birth date"),
               "enrolled_on": QT_TRANSLATE_NOOP("ChildDialog", "First day of attendance"),
               "withdrawn_on": QT_TRANSLATE_NOOP("ChildDialog", "Withdrawal date"),
               "in_process": QT_TRANSLATE_NOOP("ChildDialog", "In process until")}
# Messages that say a field must be filled: shown only once the provider tried to save (show_problems).
REQUIRED = {"first_name": QT_TRANSLATE_NOOP("ChildDialog", "The first name is required."),
            "last_name": QT_TRANSLATE_NOOP("ChildDialog", "The last name is required."),
            "birth_date": QT_TRANSLATE_NOOP("ChildDialog", "The birth date is required."),
            "enrolled_on": QT_TRANSLATE_NOOP("ChildDialog", "The first day of attendance is required."),
            "withdrawn_on": QT_TRANSLATE_NOOP("ChildDialog", "The withdrawal date is required."),
            "in_process": QT_TRANSLATE_NOOP("ChildDialog", "The in process until is required.")}


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
        self._select: tuple | None = None   # the dose to select in the list once it is refilled
        self._ranked: dose_entry.Ranked | None = None
        self._filling_tree = False
        self._next_entry = 0
        self.setWindowTitle(translate("ChildDialog", "{name}: record").format(name=child.name) if child
                            else translate("ChildDialog", "New child"))
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
        self.tabs.addTab(_scrolling(self._child_tab()), translate("ChildDialog", "&Child and family"))
        self.tabs.addTab(_scrolling(self._doses_tab()), translate("ChildDialog", "&Vaccines"))
        self.tabs.addTab(_scrolling(self._exemptions_tab()), translate("ChildDialog", "E&xemptions and history"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(translate("ChildDialog", "Check and save the whole record (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_frame)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):
            # Enter belongs to the field it is typed in (see keyPressEvent), never to a default button.
            button.setAutoDefault(False)
            button.setDefault(False)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._load(child)
        self._dirty = False
        self.reevaluate()
        self.first_name.setFocus()

    def keyPressEvent(self, event) -> None:   # noqa: N802 - Qt's name
        """Enter presses a focused button, adds a dose in "Vaccine or product" (its own handler), and
        elsewhere moves on to the next field: it never saves the record (Ctrl+S and the Save button do)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                focus.animateClick()
            elif focus is not self.dose_product and not isinstance(focus, QPlainTextEdit):
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:   # noqa: N802 - Qt's name
        super().showEvent(event)
        self.save_button.setDefault(False)   # the button box makes Save the default on show: Enter does not save

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page.widget() is self.doses_page:
            self.dose_date.setFocus()   # a certificate starts with a date
            page.ensureWidgetVisible(self.add_box)   # on a small screen, below the list

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
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.birth_date = DateField(None, "Birth date", not_future=True)
        self.enrolled_on = DateField(None, "First day of attendance")
        self.attendance = QComboBox()
        for kind in ATTENDANCE_KINDS:
            self.attendance.addItem(translate("Wording", wording.ATTENDANCE_WORDS[kind]), kind)
        self.withdrawn = QCheckBox(translate("ChildDialog", "Has left the home on"))
        self.withdrawn_on = DateField(None, "Withdrawal date")
        self.withdrawn_on.setEnabled(False)
        self.withdrawn.toggled.connect(self.withdrawn_on.setEnabled)
        withdrawn_row = QHBoxLayout()
        withdrawn_row.addWidget(self.withdrawn)
        withdrawn_row.addWidget(self.withdrawn_on, 1)
        withdrawn_box = QWidget()
        withdrawn_box.setLayout(withdrawn_row)
        withdrawn_row.setContentsMargins(0, 0, 0, 0)
        self.parent_name = QLineEdit()
        self.parent_phone = QLineEdit()
        self.parent_phone.setPlaceholderText("919-555-0100")
        self.parent_email = QLineEdit()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(translate("Wording", wording.LANGUAGE_WORDS.get(code, code)), code)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        rows = [
            (QT_TRANSLATE_NOOP("ChildDialog", "&First name:"), self.first_name, "first_name"),
            (QT_TRANSLATE_NOOP("ChildDialog", "&Last name:"), self.last_name, "last_name"),
            (QT_TRANSLATE_NOOP("ChildDialog", "&Birth date:"), self.birth_date, "birth_date"),
            (QT_TRANSLATE_NOOP("ChildDialog", "First day of &attendance:"), self.enrolled_on, "enrolled_on"),
            (QT_TRANSLATE_NOOP("ChildDialog", "Atten&dance:"), self.attendance, None),
            (QT_TRANSLATE_NOOP("ChildDialog", "&Withdrawal:"), withdrawn_box, "withdrawn_on"),
            (QT_TRANSLATE_NOOP("ChildDialog", "&Parent or guardian:"), self.parent_name, None),
            (QT_TRANSLATE_NOOP("ChildDialog", "Parent's p&hone:"), self.parent_phone, None),
            (QT_TRANSLATE_NOOP("ChildDialog", "Parent's &email:"), self.parent_email, "parent_email"),
            (QT_TRANSLATE_NOOP("ChildDialog", "Lan&guage for letters:"), self.language, None),
            (QT_TRANSLATE_NOOP("ChildDialog", "&Notes:"), self.notes, None),
        ]
        for text, widget, error in rows:
            # The label in the provider's language; the accessible name stays the English one INTERFACES.md
            # promises ("First name", "Birth date"), which checks and scripts find the fields by.
            label = QLabel(translate("ChildDialog", text))
            label.setBuddy(widget if widget is not withdrawn_box else self.withdrawn)
            if not widget.accessibleName():
                widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, self._with_error(widget, error) if error else widget)
        for widget in (self.first_name, self.last_name, self.parent_name, self.parent_phone, self.parent_email):
            widget.textEdited.connect(self._changed)
        for widget in (self.birth_date, self.enrolled_on, self.withdrawn_on):
            widget.valueChanged.connect(self._changed)
            widget.edit.editingFinished.connect(self.reevaluate)   # a refused entry is said when leaving it
        self.withdrawn.toggled.connect(self._changed)
        self.attendance.currentIndexChanged.connect(self._changed)
        self.language.currentIndexChanged.connect(self._changed)
        self.notes.textChanged.connect(self._mark_dirty)
        return page

    def _doses_tab(self) -> QWidget:
        page = QWidget()
        self.doses_page = page
        layout = QVBoxLayout(page)
        self.doses_tree = QTreeWidget()
        self.doses_tree.setColumnCount(3)
        self.doses_tree.setHeaderLabels([translate("ChildDialog", "Vaccine and date given"),
                                         translate("ChildDialog", "Product"),
                                         translate("ChildDialog", "Counts for the law?")])
        self.doses_tree.setAccessibleName("Doses on record, by vaccine")
        self.doses_tree.setToolTip(translate("ChildDialog",
                                             "F2 or a double click corrects a dose's date or product in place; "
                                             "Delete removes the selected dose."))
        self.doses_tree.setRootIsDecorated(True)
        self.doses_tree.setUniformRowHeights(True)
        self.doses_tree.setMinimumHeight(self.doses_tree.fontMetrics().height() * 8)   # less: the page scrolls
        self.doses_tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.doses_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.doses_tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.doses_tree.header().setStretchLastSection(True)
        self.doses_tree.itemChanged.connect(self._dose_corrected)
        layout.addWidget(self.doses_tree, 1)

        add_box = self.add_box = QGroupBox(translate("ChildDialog", "Add a dose from the certificate"))
        grid = QGridLayout(add_box)
        self.dose_date = DateField(None, "Date given", not_future=True)
        self.dose_product = QLineEdit()
        self.dose_product.setAccessibleName("Vaccine or product")
        self.dose_product.setPlaceholderText(translate("ChildDialog", "as printed: Pentacel, PCV20, Hep B, MMR II …"))
        self.dose_date.continue_into(self.dose_product)
        self.dose_product.textEdited.connect(self._product_typed)
        self.dose_product.returnPressed.connect(lambda: self._add_typed_dose())
        self.dose_product.installEventFilter(self)
        self.product_choices = QListWidget()
        self.product_choices.setAccessibleName("What the typed vaccine or product may be")
        self.product_choices.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Up/Down in the input move through it
        self.product_choices.setMaximumHeight(self.product_choices.fontMetrics().height() * 3 + 10)
        self.product_choices.itemClicked.connect(lambda _item: self._product_picked())
        self.product_note = QLabel()
        self.product_note.setStyleSheet("QLabel { font-weight: bold; }")
        self.product_note.setWordWrap(True)
        self.product_note.setTextFormat(Qt.TextFormat.PlainText)
        self.add_dose_button = QPushButton(translate("ChildDialog", "&Add dose"))
        self.add_dose_button.clicked.connect(lambda: self._add_typed_dose())   # not clicked's `checked`
        self.remove_dose_button = QPushButton(translate("ChildDialog", "Remove selected &dose"))
        self.remove_dose_button.clicked.connect(self.remove_selected_dose)
        date_label = QLabel(translate("ChildDialog", "Date &given:"))
        product_label = QLabel(translate("ChildDialog", "Vacc&ine or product:"))
        date_label.setBuddy(self.dose_date)
        product_label.setBuddy(self.dose_product)
        grid.addWidget(date_label, 0, 0)
        grid.addWidget(self.dose_date, 0, 1, 1, 2)
        grid.addWidget(self._error("dose_date"), 1, 1, 1, 2)
        grid.addWidget(product_label, 2, 0)
        grid.addWidget(self.dose_product, 2, 1)
        grid.addWidget(self.add_dose_button, 2, 2)
        grid.addWidget(self.product_note, 3, 1, 1, 2)
        grid.addWidget(self.product_choices, 4, 1, 1, 2)
        grid.addWidget(self._error("dose"), 5, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        layout.addWidget(add_box)
        remove_row = QHBoxLayout()
        how = QLabel(translate("ChildDialog",
                               "Type each line of the certificate: the date, the vaccine as printed, Enter. "
                               "A shot given the same day: just the vaccine and Enter. A combination "
                               "(Pentacel, Pediarix, ProQuad …) is typed once and filed under every "
                               "vaccine it covers."))
        how.setWordWrap(True)
        remove_row.addWidget(how, 1)
        remove_row.addWidget(self.remove_dose_button)
        layout.addLayout(remove_row)
        self.dose_date.valueChanged.connect(lambda _value: self._product_typed())
        self.dose_date.valueChanged.connect(lambda _value: self.show_problems())   # "after today" at the field
        self._product_typed()
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
        self.exemption_dates: dict[str, tuple[DateField, DateField | None]] = {}
        self.religious: QCheckBox | None = None
        for kind in kinds:
            info = exemptions.get(kind, {"label": f"{kind.title()} exemption",
                                         "documentation": f"not an exemption {self.state} recognises"})
            box = QGroupBox(exemption_words(kind, info["label"]))
            box.setAccessibleName(info["label"])
            column = QVBoxLayout(box)
            if info.get("documentation"):
                # The state's own description of the paper, as its law words it (English, like its forms).
                note = QLabel(translate("ChildDialog", "On file: {documentation}.").format(
                    documentation=info["documentation"]))
                note.setProperty("state_words", True)
                note.setWordWrap(True)
                column.addWidget(note)
            if kind == "religious":
                self.religious = QCheckBox(
                    translate("ChildDialog", "A religious exemption statement is on file (covers all vaccines)"))
                self.religious.toggled.connect(self._changed)
                column.addWidget(self.religious)
            else:
                grid = QGridLayout()
                checks = {ALL_GROUPS: QCheckBox(translate("ChildDialog", "All vaccines"))}
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
            column.addLayout(self._exemption_dates_row(kind, info["label"]))
            column.addWidget(self._error(f"exemption_{kind}"))
            layout.addWidget(box)

        grace = self.rules.get("grace", {})
        self.in_process = QCheckBox(translate("ChildDialog",
                                              "A physician certified that a series is in process, until"))
        self.in_process_until = DateField(None, "In process until")
        self.in_process_until.setEnabled(False)
        self.in_process.toggled.connect(self.in_process_until.setEnabled)
        self.in_process.toggled.connect(self._changed)
        self.in_process_until.valueChanged.connect(self._changed)
        self.in_process_until.edit.editingFinished.connect(self.reevaluate)
        in_process_box = QGroupBox(translate("ChildDialog", "In process (physician's certification)"))
        column = QVBoxLayout(in_process_box)
        row = QHBoxLayout()
        row.addWidget(self.in_process)
        row.addWidget(self.in_process_until, 1)
        column.addLayout(row)
        column.addWidget(self._error("in_process"))
        has_period = bool(self.original and self.original.in_process)
        in_process_box.setVisible(bool(grace.get("physician_extension", True)) or has_period)
        layout.addWidget(in_process_box)

        history_box = QGroupBox(translate("ChildDialog", "Chickenpox (varicella) history"))
        column = QVBoxLayout(history_box)
        note = QLabel(translate("ChildDialog",
                                "Documented chickenpox counts instead of the varicella vaccine. Enter the date "
                                "(month/day/year), or the year when only the year is known."))
        note.setWordWrap(True)
        column.addWidget(note)
        row = QHBoxLayout()
        self.varicella_disease = QLineEdit()
        self.varicella_disease.setPlaceholderText(translate("ChildDialog", "MM/DD/YYYY or YYYY; empty if none"))
        self.varicella_disease.setAccessibleName("Chickenpox history date or year")
        self.varicella_disease.textEdited.connect(self._changed)
        self.varicella_understood = QLabel()
        self.varicella_disease.textChanged.connect(self._show_history_reading)
        label = QLabel(translate("ChildDialog", "Had chic&kenpox on:"))
        label.setBuddy(self.varicella_disease)
        row.addWidget(label)
        row.addWidget(self.varicella_disease)
        row.addWidget(self.varicella_understood, 1)
        column.addLayout(row)
        column.addWidget(self._error("varicella_disease"))
        layout.addWidget(history_box)
        layout.addStretch(1)
        return page

    def _exemption_dates_row(self, kind: str, label: str) -> QHBoxLayout:
        """When the exemption was signed and, for those that can lapse, until when; empty when not known."""
        row = QHBoxLayout()
        granted = DateField(None, f"{label}: signed on", not_future=True)
        granted_label = QLabel(translate("ChildDialog", "Signed on:"))
        granted_label.setBuddy(granted)
        row.addWidget(granted_label)
        row.addWidget(granted, 1)
        expires = None
        if kind != "religious":
            expires = DateField(None, f"{label}: expires on")
            expires.edit.setPlaceholderText(translate("ChildDialog", "if it does"))
            expires_label = QLabel(translate("ChildDialog", "Expires on:"))
            expires_label.setBuddy(expires)
            row.addWidget(expires_label)
            row.addWidget(expires, 1)
        for field in (granted, expires):
            if field is not None:
                field.valueChanged.connect(self._changed)
                field.edit.editingFinished.connect(self.reevaluate)
        self.exemption_dates[kind] = (granted, expires)
        return row

    def _show_history_reading(self, _text: str = "") -> None:
        history = self._read_history()
        self.varicella_understood.setText("" if history is None or _YEAR.match(history)
                                          else words(dates.parse_date(history)))

    # -- loading and reading the fields ---------------------------------------------------------------------------
    def _load(self, child: Child | None) -> None:
        if child is None:
            return   # every field starts empty: nothing is made up for a new child
        self.first_name.setText(child.first_name)
        self.last_name.setText(child.last_name)
        self.birth_date.set_value(child.birth_date)
        self.enrolled_on.set_value(child.enrolled_on)
        self.attendance.setCurrentIndex(max(self.attendance.findData(child.attendance), 0))
        if child.withdrawn_on:
            self.withdrawn.setChecked(True)
            self.withdrawn_on.set_value(child.withdrawn_on)
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
        for kind, (granted, expires) in self.exemption_dates.items():
            on_file = child.exemptions_of(kind)
            if on_file:
                granted.set_value(on_file[0].granted_on)
                if expires is not None:
                    expires.set_value(on_file[0].expires_on)
        if child.in_process_until:
            self.in_process.setChecked(True)
            self.in_process_until.set_value(child.in_process_until)
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
            self.first_name.text().strip(), self.last_name.text().strip(), self.birth_date.value(),
            self.enrolled_on.value(), self.attendance.currentData(),
            self.withdrawn_on.value() if self.withdrawn.isChecked() else None,
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
        if self.in_process.isChecked() and self.in_process_until.value():
            until = self.in_process_until.value()
            kept = next((p for p in (original.in_process if original else []) if p.certified_until == until), None)
            child.in_process.append(InProcessPeriod(until, kept.certified_on if kept else None,
                                                    kept.notes if kept else ""))
        history = self._read_history()
        if history:
            kept = next((h for h in (original.disease_history if original else []) if h.disease == "Varicella"), None)
            child.disease_history.append(DiseaseHistory("Varicella", history, kept.notes if kept else ""))
        if original:
            child.disease_history.extend(h for h in original.disease_history if h.disease != "Varicella")
        return child

    def _keep_details(self, kind: str, groups: tuple[str, ...]) -> Exemption:
        """An exemption with the chosen groups and the dates in its fields, keeping the notes on file."""
        existing = self.original.exemptions_of(kind) if self.original else []
        notes = "; ".join(e.notes for e in existing if e.notes)
        granted, expires = self.exemption_dates.get(kind, (None, None))
        return Exemption(kind, groups, granted.value() if granted else None,
                         expires.value() if expires else None, notes)

    def _read_history(self) -> str | None:
        text = self.varicella_disease.text().strip()
        if not text:
            return None
        if _YEAR.match(text):
            return text
        try:
            return dates.parse_typed_date(text, not_future=True).isoformat()
        except dates.DateError:
            return None

    # -- checking -------------------------------------------------------------------------------------------------
    def problems(self, check_roster: bool = False) -> dict[str, str]:
        """Every field with something wrong, and what (the same checks as the roster CSV import). These keep
        the record from being saved; warnings() names what is only unlikely.

        check_roster: also look for the same child already on the roster (a database read, so only on Save,
        not at every keystroke)."""
        found: dict[str, str] = {}
        today = dates.today()
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        if not first:
            found["first_name"] = _required("first_name")
        if not last:
            found["last_name"] = _required("last_name")
        fields = {"birth_date": self.birth_date, "enrolled_on": self.enrolled_on}
        if self.withdrawn.isChecked():
            fields["withdrawn_on"] = self.withdrawn_on
        if self.in_process.isChecked():
            fields["in_process"] = self.in_process_until
        for name, field in fields.items():
            if field.problem():
                found[name] = f"{translate('ChildDialog', DATE_FIELDS[name])}: {field.problem()}"
            elif field.value() is None:
                found[name] = _required(name)
        for kind, pair in self.exemption_dates.items():
            bad = [field.problem() for field in pair if field is not None and field.problem()]
            if bad:
                found[f"exemption_{kind}"] = bad[0]
        birth, enrolled = self.birth_date.value(), self.enrolled_on.value()
        if birth and birth > today:
            found["birth_date"] = translate("ChildDialog",
                                            "The birth date {date} is in the future.").format(date=wording.day(birth))
        if birth and enrolled and enrolled < birth:
            found["enrolled_on"] = translate("ChildDialog",
                                             "The first day of attendance {date} is before the birth date "
                                             "{birth}.").format(date=wording.day(enrolled),
                                                                               birth=wording.day(birth))
        withdrawn = self.withdrawn_on.value()
        if self.withdrawn.isChecked() and withdrawn and enrolled and withdrawn < enrolled:
            found["withdrawn_on"] = translate("ChildDialog", "The withdrawal date {date} is before the first day of "
                                                             "attendance {first}.").format(
                date=wording.day(withdrawn), first=wording.day(enrolled))
        email = self.parent_email.text().strip()
        if email and ("@" not in email or " " in email):
            found["parent_email"] = translate("ChildDialog", "{email} does not look like an email address.").format(
                email=repr(email))
        if check_roster and first and last and birth and "birth_date" not in found:
            other = self._same_child_on_roster(first, last, birth)
            if other is not None:
                written = "" if other.name == f"{first} {last}" else translate("ChildDialog",
                                                                               " (written {name} here)").format(
                    name=f"{first} {last}")
                found["first_name"] = translate("ChildDialog",
                                                "{name}, born {birth}, is already on the roster{written}: "
                                                "open that record instead of adding the child again.").format(
                    name=other.name, birth=wording.day(birth), written=written)
        bad_doses = [line.dose for line in self._lines
                     if (birth and line.dose.given_on < birth) or line.dose.given_on > today]
        if bad_doses:
            found["dose"] = doses_outside_message(bad_doses)
        pending = self.dose_product.text().strip()
        if check_roster and pending:
            # On Save: a vaccine typed but never added would otherwise be dropped without a word.
            found["dose"] = translate("ChildDialog",
                                      "{typed} is typed under \"Vaccine or product\" but not added: press "
                                      "Enter there to add it, or clear it.").format(typed=repr(pending))
        text = self.varicella_disease.text().strip()
        if text:
            history = self._read_history()
            if history is None:
                found["varicella_disease"] = translate("ChildDialog",
                                                       "{text} is not a date or a year; write MM/DD/YYYY or "
                                                       "YYYY.").format(text=repr(text))
            elif birth is None:
                pass   # checked against the birth date once there is one
            elif _YEAR.match(history):
                if not birth.year <= int(history) <= today.year:
                    found["varicella_disease"] = translate("ChildDialog", "The year {year} is outside the child's "
                                                                          "life.").format(year=history)
            else:
                when = dates.parse_date(history)
                if when < birth or when > today:
                    found["varicella_disease"] = translate("ChildDialog", "{date} is outside the child's life.").format(
                        date=wording.day(when))
        until = self.in_process_until.value()
        if self.in_process.isChecked() and until and enrolled and until < enrolled:
            found["in_process"] = translate("ChildDialog",
                                            "The certified date {date} is before the first day of attendance "
                                            "{first}.").format(date=wording.day(until),
                                                                          first=wording.day(enrolled))
        return found

    def warnings(self) -> dict[str, str]:
        """Dates that are possible but unlikely (a year typed wrong): said at the field, the record still saves."""
        found: dict[str, str] = {}
        today = dates.today()
        birth, enrolled = self.birth_date.value(), self.enrolled_on.value()
        if birth and birth <= today and dates.age_in_years(birth, today) >= OLDEST_CHILD:
            found["birth_date"] = translate("ChildDialog",
                                            "Born {birth}, the child would be {years} years old: check the "
                                            "year.").format(birth=wording.day(birth),
                                                                       years=dates.age_in_years(birth, today))
        if enrolled and dates.days_between(today, enrolled) > FIRST_DAY_AHEAD:
            found["enrolled_on"] = translate("ChildDialog",
                                             "The first day of attendance {date} is more than a year ahead: "
                                             "check the year.").format(date=wording.day(enrolled))
        withdrawn = self.withdrawn_on.value()
        if self.withdrawn.isChecked() and withdrawn and withdrawn > today:
            found["withdrawn_on"] = translate("ChildDialog",
                                              "The withdrawal date {date} is in the future: the child counts "
                                              "as attending until then.").format(date=wording.day(withdrawn))
        given = self.dose_date.value()
        if given and given > today:
            found["dose_date"] = translate("ChildDialog",
                                           "The date given {date} is after today: check the date.").format(
                date=wording.day(given))
        return found

    def _same_child_on_roster(self, first: str, last: str, birth: date) -> Child | None:
        """Another record with this name and birth date, accents, case and punctuation aside."""
        wanted = fold_name(f"{first} {last}")
        for other in self.store.children():
            if (other.birth_date == birth and fold_name(other.name) == wanted
                    and (self.original is None or other.id != self.original.id)):
                return other
        return None

    def show_problems(self, check_roster: bool = False) -> dict[str, str]:
        found = self.problems(check_roster)
        shown = {**self.warnings(), **found}
        if not self._save_tried:
            # "Required" is said once the provider tries to save, not while a new record is still empty.
            required = {_required(name) for name in REQUIRED}
            for name in list(shown):
                if shown[name] in required:
                    del shown[name]
        for name, label in self._errors.items():
            if name == "dose" and "dose" not in shown and not label.text().startswith(f"⚠ {_doses_outside()}"):
                continue   # a refusal from "Add dose" stays until the next dose is added or removed
            label.show_problem(shown.get(name))
        return found

    # -- doses ----------------------------------------------------------------------------------------------------
    def _dose_context(self) -> tuple[frozenset[str], frozenset[str]]:
        """The vaccines due on the date given (by the doses before it) and the choices this record uses."""
        birth, given = self.birth_date.value(), self.dose_date.value()
        due = dose_entry.due_groups(birth, [l.dose for l in self._lines], given) if birth and given else frozenset()
        used = frozenset(self._choice_of(l.dose).label for l in self._lines if self._choice_of(l.dose))
        return due, used

    @staticmethod
    def _choice_of(dose: Dose) -> ProductChoice | None:
        """The choice a stored dose was filed with ("HepB" for a dose with no product)."""
        for choice in vaccines.product_choices():
            if choice.product == dose.product and (dose.product or choice.groups == (dose.vaccine_group,)):
                return choice
        return None

    def _product_typed(self, _text: str = "") -> None:
        """Show what the letters may mean, best first, and what Enter will file."""
        text = self.dose_product.text()
        self.product_choices.clear()
        if not text.strip():
            self._ranked = None
            self.product_choices.hide()
            self.product_note.setText(translate("ChildDialog",
                                                "Type the vaccine or product as the certificate prints it."))
            return
        due, used = self._dose_context()
        self._ranked = dose_entry.rank(text, due, used)
        for choice in self._ranked.choices:
            self.product_choices.addItem(_choice_words(choice))
        self.product_choices.setVisible(bool(self._ranked.choices))
        if self._ranked.best is not None:
            self.product_choices.setCurrentRow(0)
        self._say_choice()

    def _say_choice(self) -> None:
        choice = self._current_choice()
        if choice is not None:
            hib_hint = (" " + translate("ChildDialog", "For Hib the product matters: PedvaxHIB needs fewer doses than "
                                                       "ActHIB, Hiberix or Pentacel.")
                        if choice.product is None and "Hib" in choice.groups else "")
            self.product_note.setText(translate("ChildDialog",
                                                "Enter adds: {choice}.").format(choice=_choice_words(choice))
                                      + hib_hint)
        elif self._ranked and self._ranked.choices:
            first, second = (c.label for c in (self._ranked.choices * 2)[:2])
            self.product_note.setText(translate("ChildDialog",
                                                "{typed} could be {first} or {second}: type more, or pick one "
                                                "with the Down key.").format(
                typed=self.dose_product.text().strip(), first=first, second=second))
        else:
            self.product_note.setText(translate("ChildDialog", "No vaccine or product starts with {typed}.").format(
                typed=repr(self.dose_product.text().strip())))
        self.product_note.setAccessibleName(self.product_note.text())

    def _current_choice(self) -> ProductChoice | None:
        row = self.product_choices.currentRow()
        if self._ranked is None or row < 0 or row >= len(self._ranked.choices):
            return None
        return self._ranked.choices[row]

    def _product_picked(self) -> None:
        self._say_choice()
        self.dose_product.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:   # noqa: N802 - Qt's name
        """In "Vaccine or product": Up/Down move through the choices; a digit in the empty input starts the
        next certificate line's date (no product name starts with a digit)."""
        if watched is self.dose_product and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.product_choices.count():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(self.product_choices.currentRow() + step, 0), self.product_choices.count() - 1)
                self.product_choices.setCurrentRow(row)
                self._say_choice()
                return True
            if event.text().isdigit() and not self.dose_product.text():
                self.dose_date.edit.setFocus(Qt.FocusReason.BacktabFocusReason)
                self.dose_date.edit.setText(event.text())
                self.dose_date.edit.textEdited.emit(event.text())
                return True
        return super().eventFilter(watched, event)

    @guarded
    def _add_typed_dose(self) -> None:
        """Enter in "Vaccine or product" (or Add dose): file the chosen vaccine on the date given; the date stays
        for the next shot of the same day, the input empties, the new dose is shown selected."""
        given = self.dose_date.value()
        problem = None
        if self.dose_date.problem():
            problem = translate("ChildDialog", "Date given: {problem}").format(problem=self.dose_date.problem())
        elif given is None:
            problem = translate("ChildDialog", "Type the date given first (MM/DD/YYYY).")
        elif not self.dose_product.text().strip():
            problem = translate("ChildDialog", "Type the vaccine or product as the certificate prints it.")
        choice = self._current_choice() if problem is None else None
        if problem is None and choice is None:
            problem = self.product_note.text()
        if problem is not None:
            self._errors["dose"].show_problem(problem)
            return
        if self.add_choice(choice, given):
            self.dose_product.clear()
            self._product_typed()
        self.dose_product.setFocus()

    def add_choice(self, choice: ProductChoice, given_on: date) -> list[str]:
        """File a dose of a choice under every vaccine group it covers; returns the groups, [] if refused."""
        birth, today = self.birth_date.value(), dates.today()
        problem = None
        if birth is None:
            problem = translate("ChildDialog", "Type the birth date first (Child and family page): a dose is checked "
                                               "against it.")
        elif given_on > today:
            problem = translate("ChildDialog", "The date {date} is after today: a dose is recorded once it is "
                                               "given.").format(date=wording.day(given_on))
        elif given_on < birth:
            problem = translate("ChildDialog", "The date {date} is before the birth date {birth}.").format(
                date=wording.day(given_on), birth=wording.day(birth))
        if problem is None:
            duplicates = [g for g in choice.groups if any(l.dose.vaccine_group == g and l.dose.given_on == given_on
                                                          for l in self._lines)]
            if duplicates:
                problem = translate("ChildDialog", "A {vaccines} dose on {date} is already on the record.").format(
                    vaccines=", ".join(duplicates), date=wording.day(given_on))
        self._errors["dose"].show_problem(problem)
        if problem:
            return []
        entry = self._new_entry()
        for name in choice.groups:
            self._lines.append(DoseLine(Dose(name, given_on, choice.product, choice.cvx, "entered"), entry))
        self._touched.update(choice.groups)
        self._select = (choice.groups[0], given_on)
        self._mark_dirty()
        self.reevaluate()
        return list(choice.groups)

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
            self._errors["dose"].show_problem(translate("ChildDialog",
                                                        "Select a dose (a date under a vaccine) to remove it."))
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
                self._show_status_text(None, translate("ChildDialog",
                                                       "The status cannot be worked out yet: {error}").format(
                    error=error))
                self._fill_tree()
                return
        if self.status is None and None in (self.birth_date.value(), self.enrolled_on.value()):
            self._show_status_text(None, translate("ChildDialog",
                                                   "The status shows once the birth date and the first day of "
                                                   "attendance are filled in."))
        elif self.status is None:
            self._show_status_text(None, translate("ChildDialog", "Fix the fields marked ⚠ to see the status."))
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
            translate("ChildDialog",
                      "<b>{status}</b> on {date}").format(status=chosen.words, date=wording.day(status.as_of))
            + (f" · <b>{_html(deadline)}</b>" if deadline else "")
            + ("<br>" + translate("ChildDialog", "Missing: {vaccines}").format(vaccines=_html(wording.missing(status)))
               if status.missing else "")
            + (f"<ul style='margin:2px 0 0 -20px'>{reasons}</ul>" if reasons else ""))
        self.status_box.setAccessibleName(translate("ChildDialog",
                                                    "Status: {status}. {deadline}").format(status=chosen.words,
                                                                                             deadline=deadline))
        self.status_frame.setStyleSheet(f"QWidget {{ background: {chosen.tint}; color: #1a1a1a; }}")

    def _fill_tree(self) -> None:
        current = self.doses_tree.currentItem()
        selected = self._select or (current.data(0, Qt.ItemDataRole.UserRole) if current else None)
        self._select = None
        self._filling_tree = True   # itemChanged while filling is not the provider correcting a dose
        self.doses_tree.clear()
        groups = self.status.groups if self.status else {}
        chosen = None
        verdicts: dict[tuple, list] = {}
        for name, group in groups.items():
            for verdict in group.doses:
                verdicts.setdefault((verdict.vaccine_group, verdict.given_on), []).append(verdict)
        bad, good = QBrush(QColor("#A03000")), QBrush(QColor("#00603F"))
        for name in vaccines.GROUP_NAMES:
            doses = self.doses_of(name)
            group = groups.get(name)
            heading = group_label(name)
            summary = counted(translate("ChildDialog", "%n dose(s) on record", None, len(doses)), len(doses))
            if group is None and self.status is not None:
                summary += " · " + translate("ChildDialog", "not required in {state}").format(state=self.state)
            if group is not None:
                if group.exempt:
                    summary = translate("ChildDialog", "exempt ({exemption})").format(exemption=group.exempt)
                elif group.required:
                    summary = translate("ChildDialog", "{counting} counting of %n required now", None,
                                        group.required).format(counting=group.valid)
                    summary += " ✓" if group.met else " — " + translate("ChildDialog", "more needed")
                elif group.note:
                    pass   # the note below says why none is required ("not required from 5 years of age")
                elif group.met and doses:
                    summary = translate("ChildDialog", "%n counting; none required yet", None, group.valid)
                else:
                    summary = translate("ChildDialog", "none required yet") if not doses else summary
                if group.next_due and not group.exempt:
                    # A day already past is not "next due": the dose is overdue since then (as on the record).
                    said = (translate("ChildDialog", "overdue since {date}") if group.next_due < self.as_of
                            else translate("ChildDialog", "next due {date}"))
                    summary += " · " + said.format(date=wording.day(group.next_due))
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
                    counts = translate("ChildDialog",
                                       "not checked yet") if self.status is None else translate("ChildDialog",
                                                                                                "not evaluated")
                elif verdict.valid:
                    counts = "✓ " + translate("ChildDialog",
                                              "counts") + (f" ({verdict.reason})" if verdict.reason else "")
                else:
                    counts = "✗ " + translate("ChildDialog", "does not count: {reason}").format(
                        reason=verdict.reason or translate("ChildDialog", "not valid"))
                item = QTreeWidgetItem([wording.day(dose.given_on), _product_words(dose), counts])
                item.setData(0, Qt.ItemDataRole.UserRole, (name, dose.given_on))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(2, counts)
                if verdict is not None:
                    item.setForeground(2, good if verdict.valid else bad)
                top.addChild(item)
                if selected == (name, dose.given_on):
                    chosen = item
            # Open what needs attention (a requirement not met, a dose that does not count) and what the
            # provider just worked on; a complete group stays folded to its one-line summary.
            attention = group is not None and (not group.met and not group.exempt or
                                               any(not v.valid for v in group.doses))
            top.setExpanded(bool(doses) and (attention or name in self._touched or self.status is None))
        if chosen is not None:
            chosen.parent().setExpanded(True)
            self.doses_tree.setCurrentItem(chosen)
            self.doses_tree.scrollToItem(chosen)
        self._filling_tree = False

    def _dose_corrected(self, item: QTreeWidgetItem, column: int) -> None:
        """A dose's date (column 0) or product (column 1) typed over in the list: the whole shot (every group
        of a combination) changes, or nothing does and the message says why."""
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if self._filling_tree or not key:
            return
        if column not in (0, 1):
            QTimer.singleShot(0, self._fill_tree)   # the verdict is the rules' word, not typed over
            return
        text = item.text(column).strip()
        # The list is refilled after the change: not from inside the signal of the item being edited.
        QTimer.singleShot(0, lambda: self._correct_dose(key, column, text))

    @guarded
    def _correct_dose(self, key: tuple, column: int, text: str) -> None:
        line = next((l for l in self._lines if (l.dose.vaccine_group, l.dose.given_on) == key), None)
        if line is None:
            return
        group = line.dose.vaccine_group
        shot = tuple(l.dose.vaccine_group for l in self._lines if l.entry == line.entry)
        # A product filed as a CVX code (from a roster CSV) has no choice of its own: the shot keeps it as it is.
        choice = self._choice_of(line.dose) or ProductChoice(line.dose.product or group, line.dose.product,
                                                             line.dose.cvx, shot, ())
        given, problem = line.dose.given_on, None
        if column == 0:
            try:
                given = dates.parse_typed_date(text, not_future=True)
            except dates.DateError as error:
                problem = str(error)
        else:
            # Letters that could mean several products are read as one that covers this row's vaccine.
            choice = dose_entry.rank(text, frozenset({group})).best if text else None
            if choice is None:
                problem = (translate("ChildDialog", "{typed} does not name one vaccine or product: type more of "
                                                    "it.").format(typed=repr(text)) if text else
                           translate("ChildDialog", "Type the vaccine or product."))
            elif group not in choice.groups:
                problem = translate("ChildDialog", "{product} does not cover {vaccine}; remove this dose and add "
                                                   "{product} on its own.").format(product=choice.label, vaccine=group)
        if problem is None:
            kept = self._lines
            self._lines = [l for l in self._lines if l.entry != line.entry]
            if not self.add_choice(choice, given):
                self._lines = kept
                problem = self._errors["dose"].text().lstrip("⚠ ")
        if problem is not None:
            self._errors["dose"].show_problem(translate("ChildDialog",
                                                        "Not corrected: {problem}").format(problem=problem))
            self._select = key
            self._fill_tree()   # the dose as it was

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
                 **{f"exemption_{kind}": (2, pair[0]) for kind, pair in self.exemption_dates.items()},
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
        if self._dirty and not ask(self, translate("ChildDialog", "Discard changes?"),
                                   translate("ChildDialog", "Close the record without saving your changes?"),
                                   translate("ChildDialog",
                                             "Discard changes"), translate("ChildDialog", "Keep editing")):
            return
        super().reject()


EXEMPTION_WORDS = {"medical": QT_TRANSLATE_NOOP("ChildDialog", "Medical exemption"),
                   "religious": QT_TRANSLATE_NOOP("ChildDialog", "Religious exemption"),
                   "conscientious": QT_TRANSLATE_NOOP("ChildDialog", "Conscientious exemption")}


def group_label(name: str) -> str:
    """A vaccine group's name in the window's language, as the parent letters write it (resources/vaccines.json)."""
    group = vaccines.group(name)
    return group.label_es if i18n.language() == "es" and group.label_es else group.label


def exemption_words(kind: str, state_label: str) -> str:
    """The state's name for an exemption kind, or in another language than English the kind's own words."""
    source = EXEMPTION_WORDS.get(kind)
    translated = translate("ChildDialog", source) if source else source
    return translated if source and translated != source else state_label


def _required(field: str) -> str:
    """"The first name is required." for a field's key (REQUIRED)."""
    return translate("ChildDialog", REQUIRED[field])


def _doses_outside() -> str:
    return translate("ChildDialog", "These doses are outside the child's life:") + " "


def doses_outside_message(doses: list[Dose]) -> str:
    return (_doses_outside()
            + ", ".join(translate("ChildDialog", "{vaccine} on {date}").format(vaccine=d.vaccine_group,
                                                                                date=wording.day(d.given_on))
                        for d in doses)
            + ". " + translate("ChildDialog", "Remove or correct them."))


def _product_words(dose: Dose) -> str:
    """The product column: the name as filed, or for a CVX code what CDC calls it ("DTaP-IPV (CVX 130)")."""
    if dose.product and dose.product.isdigit():
        return f"{vaccines.cvx_description(dose.product) or 'CVX'} (CVX {dose.product})"
    return dose.product or ""


def _choice_words(choice: ProductChoice) -> str:
    """How a choice reads in the list: "Pentacel (DTaP + Polio + Hib)", "HepB (product not recorded)"."""
    if choice.product is None:
        return translate("ChildDialog", "{vaccine} (vaccine only, product not recorded)").format(vaccine=choice.label)
    return f"{choice.label} ({' + '.join(choice.groups)})"


def _scrolling(page: QWidget) -> QScrollArea:
    """A tab page that scrolls when the screen is small, instead of making the dialog taller than the screen."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
