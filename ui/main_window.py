"""The main window: the roster with each child's status, deadline and missing vaccines; the as-of date to look
ahead; the report's counts; and the menus for everything else (child records, import/export, outbreak list,
facility, printing, backups, help)."""
from __future__ import annotations

import importlib
import threading
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import (QByteArray, QCoreApplication, QEvent, QEventLoop, QItemSelectionModel, QObject,
                            QSettings, QSize, Qt, QTimer, Signal)
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFrame, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMainWindow, QMenu, QMessageBox, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from immudesk import dates
from immudesk.demo import is_practice_path
from immudesk.resources import resource_path
from immudesk.store import changelog

from . import compliance, wording
from .compliance import RosterEvaluation
from .date_field import date_field, pydate, qdate
from .flow_layout import FlowLayout
from .language import counted
from .messages import ask, guarded, show_error, show_message
from .roster_model import (AGE, DEADLINE, MISSING, MUST_EXCLUDE, NAME, NEEDS_ACTION, NEXT_DUE, PARENT_PHONE,
                           STATUS, DatesKeptTogether, RosterFilter, RosterModel)
from .status_style import LOOKS, status_icon

translate = QCoreApplication.translate
SETTINGS_VERSION = 1
EVALUATE_IN_BACKGROUND_FROM = 300   # children; below this the rules answer faster than a repaint
# The roster's column widths on a wide screen, and the least each may shrink to on a small one (1024 px), where
# the text wraps onto a second line instead; "Missing vaccines" stretches into what is left.
COLUMN_WIDTHS = {NAME: 150, AGE: 80, STATUS: 240, DEADLINE: 215, NEXT_DUE: 260, PARENT_PHONE: 110}
NARROWEST = {NAME: 105, AGE: 80, STATUS: 140, DEADLINE: 140, NEXT_DUE: 170, PARENT_PHONE: 100}
MISSING_AT_LEAST = 130
ROWS_SIZED_TO_TEXT_UP_TO = 500   # a home's roster: each row as tall as its text; a center's: two lines each


class _Courier(QObject):
    """Carries an evaluation from the worker thread to the window's thread (a queued signal)."""
    arrived = Signal(int, object)


def app_icon() -> QIcon:
    path = resource_path("icons", "immudesk.png")
    return QIcon(str(path)) if path.is_file() else QIcon()


class MainWindow(QMainWindow):
    """The roster on a chosen day. `store` is an open immudesk Store; nothing here writes SQL."""

    # Once the roster has been painted for the first time: what can wait (the day's backup, the idle lock, a
    # large roster's rules) starts then, so the window is on screen at once.
    first_frame = Signal()
    # The provider asked for the demo's practice file (True) or her own records (False): ui.app.Session opens it.
    switch_records = Signal(bool)

    def __init__(self, store, as_of: date | None = None, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings if settings is not None else QSettings()
        self.evaluation: RosterEvaluation | None = None
        self._generation = 0           # which refresh an evaluation belongs to
        self._pending: int | None = None
        self._select_after = None
        self._reveal = None            # a child just saved, to show even if a filter would hide them
        self._courier = _Courier(self)
        self._courier.arrived.connect(self._evaluation_arrived)
        self.child_dialog = None       # the open child record, if any (tests drive it)
        self.import_problems = None    # the last import-problems dialog
        self.practice = is_practice_path(store.path)   # the demo's practice file, not the provider's records
        self.undo_step: changelog.UndoStep | None = None   # the last save or delete, for Ctrl+Z
        self.setWindowTitle("immudesk")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(760, 420))

        self.model = RosterModel(self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)

        self._build_controls(as_of or dates.today())
        self._build_table()
        self._build_menus()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        if self.practice:
            layout.addWidget(self._demo_strip())
        layout.addWidget(self.controls_box)
        layout.addWidget(self.banner)
        layout.addWidget(self.look_ahead)
        from .summary_strip import SummaryStrip

        self.summary = SummaryStrip()
        self.summary.status_chosen.connect(self.show_status)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)
        self.statusBar().setSizeGripEnabled(True)
        # A permanent label: status tips from the menus do not wipe out the facility and the counts.
        self.status_text = QLabel()
        self.statusBar().addWidget(self.status_text, 1)
        self._set_tab_order()
        self._restore_settings()
        if store.count_children() < EVALUATE_IN_BACKGROUND_FROM:
            self.refresh()
        else:
            # Hundreds of children take a moment to read: paint the window first, then fill it in.
            self.banner.setText(translate("MainWindow", "Reading the records of {count} children…").format(
                count=f"{store.count_children():,}"))
            self.banner.show()
            self._pending = -1       # read after the first paint (see eventFilter)
        self._first_frame_shown = False   # see eventFilter
        self.table.setFocus()
        from .outside_changes import watch

        watch(self)   # an import at the command line or a restore shows here without F5

    # -- building -----------------------------------------------------------------------------------------------
    def _build_controls(self, as_of: date) -> None:
        self.controls_box = QWidget()
        self.controls = FlowLayout(self.controls_box, spacing=4)
        as_of_label = QLabel(translate("MainWindow", "Compliance &on:"))
        self.as_of_edit = date_field(as_of, "As-of date")
        self.as_of_edit.setAccessibleName("As-of date")
        self.as_of_edit.setToolTip(translate("MainWindow",
                                             "The day the statuses are worked out for. Choose a later day to see "
                                             "who will be out of compliance then."))
        as_of_label.setBuddy(self.as_of_edit)
        self.as_of_edit.dateChanged.connect(lambda value: self.set_as_of(pydate(value)))
        self.today_button = QPushButton(translate("MainWindow", "&Today"))
        self.today_button.setToolTip(translate("MainWindow", "Back to today's statuses"))
        self.today_button.clicked.connect(lambda: self.set_as_of(dates.today()))
        self.next_month_button = QPushButton(translate("MainWindow", "In 30 &days"))
        self.next_month_button.setToolTip(translate("MainWindow", "Look ahead: the statuses 30 days from today"))
        self.next_month_button.clicked.connect(lambda: self.set_as_of(dates.add(dates.today(), days=30)))
        search_label = QLabel(translate("MainWindow", "S&earch:"))   # Alt+S is the Settings menu
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(translate("MainWindow", "name, parent, phone or vaccine"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search the roster")
        search_label.setBuddy(self.search_edit)
        self.search_edit.textChanged.connect(self.proxy.set_search)
        show_label = QLabel(translate("MainWindow", "Stat&us:"))   # Alt+H is the Help menu
        self.status_filter = QComboBox()
        # Sized for the common choices; the long ones show in full in the open list.
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(22)
        self.status_filter.setAccessibleName("Show children with this status")
        self.status_filter.addItem(translate("MainWindow", "All children"), None)
        self.status_filter.addItem(status_icon("not_up_to_date"),
                                   translate("MainWindow", "Needs action (not up to date or in process)"),
                                   NEEDS_ACTION)
        self.status_filter.addItem(status_icon("not_up_to_date", True), translate("MainWindow", "May not attend today"),
                                   MUST_EXCLUDE)
        for status, chosen in sorted(LOOKS.items(), key=lambda item: item[1].rank):
            self.status_filter.addItem(status_icon(status), chosen.words, status)
        show_label.setBuddy(self.status_filter)
        self.status_filter.currentIndexChanged.connect(
            lambda _index: self.proxy.set_status(self.status_filter.currentData()))
        self.withdrawn_check = QCheckBox(translate("MainWindow", "&Withdrawn children"))
        self.withdrawn_check.setToolTip(translate("MainWindow", "Show children who have left (greyed)"))
        self.withdrawn_check.setChecked(True)
        self.withdrawn_check.toggled.connect(self.set_show_withdrawn)
        self.search_edit.setMinimumWidth(220)
        # Three groups that stay together and wrap as groups when the window is narrow.
        for group in ((as_of_label, self.as_of_edit, self.today_button, self.next_month_button),
                      (search_label, self.search_edit), (show_label, self.status_filter, self.withdrawn_check)):
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 12, 0)
            for widget in group:
                row.addWidget(widget)
            self.controls.addWidget(box)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("QLabel { background: #FDF0CF; color: #1a1a1a; padding: 6px; }")
        self.banner.hide()
        self.look_ahead = QLabel()
        self.look_ahead.setWordWrap(True)
        self.look_ahead.setAccessibleName("Looking ahead or back")
        self.look_ahead.setStyleSheet("QLabel { background: #DCEBF6; color: #1a1a1a; padding: 4px 6px; }")
        self.look_ahead.hide()

    def _build_table(self) -> None:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName("Roster")
        table.setAccessibleDescription("One row per child. Press Enter to open the child's record.")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        # Long cells wrap (between words, never inside a date) rather than being cut with "…" on a small screen.
        table.setWordWrap(True)
        table.setTabKeyNavigation(False)   # Tab leaves the table, arrows move inside it
        table.setSortingEnabled(True)
        table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        table.setIconSize(QSize(18, 18))
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MISSING, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        self._dates_delegate = DatesKeptTogether(table)
        for column in (DEADLINE, NEXT_DUE):
            table.setItemDelegateForColumn(column, self._dates_delegate)
        table.activated.connect(lambda index: self.edit_child(self.proxy.child_id_at(index.row())))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._row_menu)
        self.table = table
        # Said inside the empty table: what to do on a new roster, or why a search shows nobody.
        self.empty_note = QLabel(table.viewport())
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("QLabel { font-size: 13pt; }")   # the palette's text colour, light or dark
        self.empty_note.hide()
        table.viewport().installEventFilter(self)   # keeps the note centred (see eventFilter)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_empty_note)
        self.legend = QLabel(
            translate("MainWindow", "Icons: ✓ circle up to date · clock in process · shield exemption on file · "
                                    "diamond ! not up to date · octagon may not attend. Hover over a row for the "
                                    "reasons; Enter or double-click opens the record."))
        self.legend.setWordWrap(True)
        self.legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)   # muted, yet readable in dark mode

    def _demo_strip(self) -> QWidget:
        """Above everything in the demo: what this file is, and the plain way back to the provider's records."""
        strip = QFrame()
        strip.setObjectName("demo_strip")
        strip.setFrameShape(QFrame.Shape.StyledPanel)
        strip.setStyleSheet("QFrame#demo_strip { background: #DCEBF6; } QFrame#demo_strip QLabel { color: #1a1a1a; }")
        row = QHBoxLayout(strip)
        row.setContentsMargins(8, 4, 8, 4)
        self.demo_note = QLabel(translate("MainWindow",
                                          "<b>Demo home</b> — invented children in a practice file of its own. "
                                          "Try anything here: your own records are not in it."))
        self.demo_note.setWordWrap(True)
        self.demo_note.setAccessibleName("This is the demo home")
        self.back_to_records_button = QPushButton(translate("MainWindow", "Back to &my own records"))
        self.back_to_records_button.setToolTip(translate("MainWindow", "Close the demo and open your own records"))
        self.back_to_records_button.clicked.connect(lambda: self.switch_records.emit(False))
        row.addWidget(self.demo_note, 1)
        row.addWidget(self.back_to_records_button)
        return strip

    def _build_menus(self) -> None:
        # Shortcuts are spelled out: some platforms map no key to QKeySequence's Quit or Print standard keys.
        bar = self.menuBar()

        def action(menu, text, slot, shortcut=None, tip=None, name=None):
            created = QAction(text, self)
            if shortcut:
                created.setShortcut(QKeySequence(shortcut))
            if tip:
                created.setStatusTip(tip)
                created.setToolTip(tip)
            # triggered(bool) would pass `checked` as the slot's first argument: call it without.
            created.triggered.connect(lambda _checked=False: slot())
            menu.addAction(created)
            menu.setToolTipsVisible(True)
            if name:
                setattr(self, name, created)
            return created

        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        action(file_menu, translate("MainWindow", "&New child…"), lambda: self.edit_child(None), "Ctrl+N",
               translate("MainWindow", "Add a child to the roster"), "new_child_action")
        action(file_menu, translate("MainWindow", "&Open child record"),
               lambda: self.edit_child(self.current_child_id()), "Ctrl+O",
               translate("MainWindow", "Open the selected child's record"), "open_child_action")
        file_menu.addSeparator()
        action(file_menu, translate("MainWindow", "&Import roster CSV…"), self.import_csv, "Ctrl+I",
               translate("MainWindow", "Add the children in a roster spreadsheet (CSV)"), "import_action")
        action(file_menu, translate("MainWindow", "Import CSV, &replacing existing records…"),
               lambda: self.import_csv(update=True), None,
               translate("MainWindow", "Import a roster CSV; children already on the roster get the file's "
                                       "record"), "import_update_action")
        action(file_menu, translate("MainWindow", "&Export roster CSV…"), self.export_csv, "Ctrl+E",
               translate("MainWindow",
                         "Save the whole roster as a spreadsheet (CSV) that imports back"), "export_action")
        file_menu.addSeparator()
        action(file_menu, translate("MainWindow", "&Print…"), self._part("reports", "print_dialog"), "Ctrl+P",
               translate("MainWindow", "Print the annual report, worksheets, letters or the roster"), "print_action")
        action(file_menu, translate("MainWindow", "&Back up now…"), self._part("safety", "backup_now"), "Ctrl+B",
               translate("MainWindow", "Save a verified copy of all records"), "backup_action")
        action(file_menu, translate("MainWindow", "&Restore from a backup…"),
               self._part("safety", "restore_backup", reread=True), None,
               translate("MainWindow", "Replace the records with a backup copy"), "restore_action")
        file_menu.addSeparator()
        if self.practice:
            action(file_menu, translate("MainWindow", "Back to &my own records"),
                   lambda: self.switch_records.emit(False), None,
                   translate("MainWindow", "Leave the demo home and open your own records"), "switch_records_action")
        else:
            action(file_menu, translate("MainWindow", "Try the &demo home"), lambda: self.switch_records.emit(True),
                   None,
                   translate("MainWindow",
                             "Open the demo home, invented children in a practice file apart from your records"),
                   "switch_records_action")
        file_menu.addSeparator()
        action(file_menu, translate("MainWindow", "&Quit"), self.close, "Ctrl+Q",
               translate("MainWindow", "Close immudesk"), "quit_action")

        roster_menu = bar.addMenu(translate("MainWindow", "&Roster"))
        action(roster_menu, translate("MainWindow", "&Find…"), self.focus_search, "Ctrl+F",
               translate("MainWindow", "Search the roster"))
        action(roster_menu, translate("MainWindow", "Choose the &as-of date"), self.focus_as_of, "Ctrl+D",
               translate("MainWindow", "The day the statuses are worked out for"))
        action(roster_menu, translate("MainWindow", "Back to &today"), lambda: self.set_as_of(dates.today()), "Ctrl+T")
        action(roster_menu, translate("MainWindow", "Show children who &need action"),
               lambda: self.show_status(NEEDS_ACTION), "Ctrl+1")
        action(roster_menu, translate("MainWindow", "Show &all children"), self.show_everyone, "Ctrl+0")
        roster_menu.addSeparator()
        action(roster_menu, translate("MainWindow", "&Outbreak: who is susceptible…"), self.show_outbreak,
               "Ctrl+Shift+O",
               translate("MainWindow", "List the children susceptible to measles, chickenpox or whooping cough, "
                                       "with parents' phones"),
               "outbreak_action")
        action(roster_menu, translate("MainWindow", "Records to &request…"), self.show_records_due, "Ctrl+Shift+R",
               translate("MainWindow",
                         "Children whose immunization record the state asks you to have updated"), "records_due_action")
        roster_menu.addSeparator()
        action(roster_menu, translate("MainWindow", "&Undo"), self.undo_last, "Ctrl+Z",
               translate("MainWindow", "Take back the last save or delete of a record"),
               "undo_action")
        action(roster_menu, translate("MainWindow", "&Withdraw child…"), self.withdraw_child, None,
               translate("MainWindow",
                         "The selected child has left: set the last day, and keep the record for the inspector"),
               "withdraw_action")
        action(roster_menu, translate("MainWindow", "&Delete child…"), self.delete_child, "Del",
               translate("MainWindow", "Remove the selected child and all their records"), "delete_action")
        action(roster_menu, translate("MainWindow", "&Refresh"), self.refresh, "F5")

        reports_menu = bar.addMenu(translate("MainWindow", "Re&ports"))
        action(reports_menu, translate("MainWindow", "&Annual report…"),
               self._part("reports", "annual_report_dialog"), "Ctrl+R",
               translate("MainWindow", "The state's annual immunization report"), "annual_report_action")
        action(reports_menu, translate("MainWindow", "Age &worksheets…"), self._part("reports", "worksheets_dialog"),
               None,
               translate("MainWindow",
                         "The age worksheets the state asks you to keep with your records"), "worksheets_action")
        action(reports_menu, translate("MainWindow", "Selected child's &record…"),
               self._part("reports", "record_dialog"), None,
               translate("MainWindow", "The selected child's immunization record, to print"), "record_action")
        action(reports_menu, translate("MainWindow", "Parent &letters…"), self._part("reports", "letters_dialog"),
               "Ctrl+L",
               translate("MainWindow",
                         "Notification of non-compliance or exclusion, English or Spanish"), "letters_action")
        action(reports_menu, translate("MainWindow", "&Email to the state…"), self._part("reports", "prepare_email"),
               None,
               translate("MainWindow", "Prepare an email with aggregate counts only"), "email_action")
        reports_menu.addSeparator()
        action(reports_menu, translate("MainWindow", "&Save as PDF…"), self._part("reports", "save_as_pdf_dialog"),
               None,
               translate("MainWindow",
                         "Save a report, the letters, a record, an outbreak list or the roster as a PDF file"),
               "save_pdf_action")

        settings_menu = bar.addMenu(translate("MainWindow", "&Settings"))
        action(settings_menu, translate("MainWindow", "&Facility…"), self.edit_facility, "Ctrl+,",
               translate("MainWindow", "The state, the facility's name and the report's fields"), "facility_action")
        action(settings_menu, translate("MainWindow", "App &lock…"), self._part("safety", "lock_settings"), None,
               translate("MainWindow",
                         "Cover the records when immudesk is left idle, and the PIN that uncovers them"), "lock_action")
        from . import language

        language.add_menu(self, settings_menu)
        self.settings_menu = settings_menu

        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        action(help_menu, translate("MainWindow", "immudesk &help"), self.show_help, "F1", None, "help_action")
        action(help_menu, translate("MainWindow", "&About immudesk"), self.show_about, None, None, "about_action")

    def _part(self, module: str, function: str, reread: bool = False):
        """The slot of a menu entry served by ui.reports or ui.safety, each taking this window. The module is
        imported on first use: ui.reports loads the PDF and printing libraries (~0.2 s), which the window's
        first frame should not wait for. reread: the part changes the records (a restore), so the roster is
        read and evaluated again afterwards; printing or a backup leaves them as they are."""
        return lambda: self._call_part(module, function, reread)

    @guarded
    def _call_part(self, module: str, function: str, reread: bool) -> None:
        # The parts read store, as_of, evaluation and current_child_id() from the window.
        getattr(importlib.import_module(f".{module}", __package__), function)(self)
        if reread:
            self._forget_undo()   # a restore replaced the whole file: the last change is not in it any more
            self.refresh()

    def _set_tab_order(self) -> None:
        chain = [self.as_of_edit, self.today_button, self.next_month_button, self.search_edit, self.status_filter,
                 self.withdrawn_check, self.table]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    # -- the roster ---------------------------------------------------------------------------------------------
    @property
    def as_of(self) -> date:
        return pydate(self.as_of_edit.date())

    def set_as_of(self, value: date) -> None:
        if value != self.as_of:
            self.as_of_edit.setDate(qdate(value))  # dateChanged calls back here with the new date
            return
        if self.evaluation is None or self.evaluation.as_of != value:
            self.refresh()

    @guarded
    def refresh(self, select=None) -> None:
        """Read the roster and evaluate it once for the as-of date; every view reads that one evaluation.

        A family home's dozen children are evaluated at once. A roster of hundreds (a center, the benchmark)
        is evaluated on a worker thread so the window paints and answers at once; the rows appear when the
        rules are done, and an answer for an older as-of date or roster is dropped.
        """
        self._select_after = select if select is not None else self.current_child_id()
        self._pending = None
        facility = self.store.facility()
        children = self.store.children()
        self._facility = facility
        self._update_title(facility)
        self._update_status_bar(children)
        self._generation += 1
        generation, as_of = self._generation, self.as_of
        if len(children) < EVALUATE_IN_BACKGROUND_FROM:
            self._show_evaluation(generation, compliance.evaluate_roster(children, facility.state, as_of))
            return
        self.banner.setText(translate("MainWindow", "Working out the statuses of {count} children on {date}…").format(
            count=f"{len(children):,}", date=wording.day(as_of)))
        self.banner.show()
        self._pending = generation

        def work():
            try:
                result = compliance.evaluate_roster(children, facility.state, as_of)
            except Exception as error:  # noqa: BLE001 - handed to the window thread, shown as a message
                result = error
            self._courier.arrived.emit(generation, result)

        threading.Thread(target=work, name="immudesk-evaluate", daemon=True).start()

    def _evaluation_arrived(self, generation: int, result) -> None:
        if generation != self._generation:
            return   # an older as-of date or roster: a newer evaluation is on its way
        self._pending = None
        if isinstance(result, BaseException):
            self.banner.hide()
            show_error(self, result)
            return
        self._show_evaluation(generation, result)

    def _show_evaluation(self, generation: int, evaluation: RosterEvaluation) -> None:
        self._pending = None
        self.evaluation = evaluation
        self.model.set_statuses(evaluation.statuses)
        self.summary.show_evaluation(evaluation)
        if evaluation.problems:
            self.banner.setText(wording.dates_in_words("\n".join(evaluation.problems)))
            self.banner.show()
        else:
            self.banner.hide()
        selected, self._select_after = self._select_after, None
        reveal, self._reveal = self._reveal, None
        if selected is not None and self.select_child(selected):
            return
        if reveal is not None and self.model.row_of_child(reveal) is not None:
            # A filter hides the child just saved: show everyone, so the provider sees the result of the save.
            self.show_everyone()
            if self.select_child(reveal):
                return
        if self.proxy.rowCount():
            # Current (for the keyboard) but not selected, so the first row's status colour stays visible.
            self.table.selectionModel().setCurrentIndex(self.proxy.index(0, NAME),
                                                        QItemSelectionModel.SelectionFlag.NoUpdate)

    @property
    def evaluating(self) -> bool:
        return self._pending is not None

    def wait_for_statuses(self, timeout: float = 120.0) -> bool:
        """Process events until the statuses are shown (screenshots, tests, the benchmark)."""
        if self._pending == -1:
            self.refresh()   # not shown (a screenshot, a test): no first paint to wait for
        deadline = time.monotonic() + timeout
        while self._pending is not None and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.002)
        return self._pending is None

    def _fit_columns(self, available: int) -> None:
        """On a narrow window, shrink the fixed columns (down to NARROWEST) so the roster fits without sideways
        scrolling; the cells wrap onto two lines. A wide window gives back the usual widths. A column the
        provider sized herself (neither the usual width nor the one fitted last) is left as she set it."""
        header = self.table.horizontalHeader()
        fitted = getattr(self, "_fitted", {})
        current = {column: header.sectionSize(column) for column in COLUMN_WIDTHS}
        hers = {c for c, width in current.items() if width not in (COLUMN_WIDTHS[c], fitted.get(c))}
        wanted = {c: (COLUMN_WIDTHS[c] if available > 1100 else current[c]) for c in current if c not in hers}
        room = available - MISSING_AT_LEAST - sum(current[c] for c in hers)
        total = sum(wanted.values())
        spare = sum(wanted[c] - NARROWEST[c] for c in wanted)
        cut = 0
        if total > room and spare > 0:
            cut = min(total - room, spare)
            for column in wanted:
                wanted[column] -= round(cut * (wanted[column] - NARROWEST[column]) / spare)
        for column, width in wanted.items():
            if current[column] != width:
                header.resizeSection(column, width)
        self._fitted = wanted
        self._size_rows(narrow=cut > 0)

    def _size_rows(self, narrow: bool) -> None:
        vertical = self.table.verticalHeader()
        line = self.table.fontMetrics().height()
        if self.model.rowCount() <= ROWS_SIZED_TO_TEXT_UP_TO:
            vertical.setMinimumSectionSize(line + 12)   # a one-line row keeps its padding
            vertical.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:   # measuring every row of a large roster would slow each repaint: room for two lines when narrow
            vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            vertical.setDefaultSectionSize(line * 2 + 10 if narrow else line + 12)

    def _update_empty_note(self, *_args) -> None:
        if self.proxy.rowCount():
            self.empty_note.hide()
            return
        if self.evaluating:
            text = ""
        elif self.model.rowCount() == 0:
            text = translate("MainWindow", "No children on the roster yet.\n\nPress Ctrl+N to add a child, or File → "
                                           "Import roster CSV to bring in a spreadsheet.")
        else:
            text = translate("MainWindow",
                             "No child matches the search or the status chosen.\n\nPress Ctrl+0 to show everyone.")
        self.empty_note.setText(text)
        self.empty_note.setVisible(bool(text))

    def _update_look_ahead(self) -> None:
        today, as_of = dates.today(), self.as_of
        if as_of == today:
            self.look_ahead.hide()
            return
        days = dates.days_between(today, as_of)
        if days > 0:
            text = counted(translate("MainWindow",
                                     "Looking ahead: statuses on {date}, %n day(s) from today, counting only "
                                     "the doses on record now. Press Ctrl+T for today.", None, days),
                           days).format(date=wording.day(as_of))
        else:
            text = counted(translate("MainWindow",
                                     "Looking back: statuses on {date}, %n day(s) ago, from the records as "
                                     "they are now. Press Ctrl+T for today.", None, -days),
                           -days).format(date=wording.day(as_of))
        self.look_ahead.setText(text)
        self.look_ahead.show()

    def _update_title(self, facility) -> None:
        self._update_look_ahead()
        name = facility.name or translate("MainWindow", "(facility not set up)")
        when = (translate("MainWindow", "today") if self.as_of == dates.today()
                else translate("MainWindow", "as of {date}").format(date=wording.day(self.as_of)))
        demo = translate("MainWindow", "DEMO (practice file, invented children)") + " · " if self.practice else ""
        self.setWindowTitle(f"{demo}{name} · {facility.state} · {when} — immudesk")

    def _update_status_bar(self, children) -> None:
        enrolled = sum(1 for child in children if not child.is_withdrawn(self.as_of))
        facility = getattr(self, "_facility", None)
        unnamed = translate("MainWindow", "Facility not set up")
        where = f"{facility.name or unnamed} ({facility.state}) · " if facility else ""
        self.status_text.setText(where + counted(translate("MainWindow", "%n child(ren) enrolled", None, enrolled),
                                                 enrolled)
                                 + " · " + translate("MainWindow", "%n withdrawn", None, len(children) - enrolled)
                                 + " · " + translate("MainWindow", "records in {file}").format(file=self.store.path))

    def current_child_id(self):
        index = self.table.currentIndex() if hasattr(self, "table") else None
        if index is None or not index.isValid():
            return None
        return self.proxy.child_id_at(index.row())

    def select_child(self, child_id) -> bool:
        source_row = self.model.row_of_child(child_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, NAME))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def show_status(self, status) -> None:
        position = self.status_filter.findData(status)
        self.status_filter.setCurrentIndex(max(position, 0))

    def show_everyone(self) -> None:
        self.search_edit.clear()
        self.show_status(None)
        self.set_show_withdrawn(True)

    def set_show_withdrawn(self, show: bool) -> None:
        self.proxy.set_show_withdrawn(show)
        if self.withdrawn_check.isChecked() != show:
            self.withdrawn_check.setChecked(show)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def focus_as_of(self) -> None:
        self.as_of_edit.setFocus()

    # -- actions ------------------------------------------------------------------------------------------------
    @guarded
    def edit_child(self, child_id=None):
        """Open a child's record (or a new one). The dialog saves in one transaction; the roster then updates."""
        from .child_dialog import ChildDialog

        child = self.store.child(child_id) if child_id is not None else None
        dialog = ChildDialog(self.store, child, as_of=self.as_of, parent=self)
        since = changelog.last_entry_id(self.store)
        # A fresh copy: the dialog may change the one it was given. Kept for Ctrl+Z.
        before = self.store.child(child_id) if child_id is not None else None
        dialog.saved.connect(lambda saved_id: self._remember_undo(before, saved_id, since))
        dialog.saved.connect(self._child_saved)
        dialog.finished.connect(lambda _result: setattr(self, "child_dialog", None))
        self.child_dialog = dialog
        dialog.open()
        return dialog

    def _child_saved(self, child_id) -> None:
        self._reveal = child_id
        self.refresh(select=child_id)

    @guarded
    def delete_child(self) -> None:
        child_id = self.current_child_id()
        if child_id is None:
            return
        child = self.store.child(child_id)
        if not ask(self, translate("MainWindow", "Delete child"),
                   translate("MainWindow", "Delete {name} and all of their records? Ctrl+Z brings them back until "
                                           "you close immudesk.\n\nIf the child has left, use Roster → Withdraw "
                                           "child instead: the record stays for the inspector.").format(
                       name=child.name),
                   translate("MainWindow", "Delete"), translate("MainWindow", "Keep")):
            return
        since = changelog.last_entry_id(self.store)
        self.store.delete_child(child_id)
        self._remember_undo(child, None, since)
        self.refresh()

    def _remember_undo(self, before, child_id, since: int) -> None:
        step = changelog.undo_step(self.store, before, child_id, since)
        if step is None:
            return   # nothing changed: the previous change stays the one to undo
        self.undo_step = step
        self.undo_action.setText(translate("MainWindow", "&Undo {what}").format(what=step.description))

    def _forget_undo(self) -> None:
        self.undo_step = None
        self.undo_action.setText(translate("MainWindow",
                                           "&Undo"))   # stays enabled: Ctrl+Z then says there is nothing to undo

    @guarded
    def undo_last(self):
        """Ctrl+Z: take back the last save or delete (core: immudesk.store.changelog.undo)."""
        step = self.undo_step
        if step is None:
            self.statusBar().showMessage(translate("MainWindow", "Nothing to undo."), 5_000)
            return None
        self._forget_undo()
        child_id = changelog.undo(self.store, step)
        self.refresh(select=child_id)
        self.statusBar().showMessage(translate("MainWindow", "Undone: {what}.").format(what=step.description), 10_000)
        return child_id

    @guarded
    def withdraw_child(self):
        """Roster → Withdraw child…: the child has left; the record stays (greyed) for the inspector."""
        from .withdraw import WithdrawDialog

        child_id = self.current_child_id()
        if child_id is None:
            self.statusBar().showMessage(translate("MainWindow", "Select the child who has left first."), 5_000)
            return None
        child = self.store.child(child_id)
        dialog = WithdrawDialog(child, self)
        self.withdraw_dialog = dialog

        def withdraw(last_day):
            since = changelog.last_entry_id(self.store)
            saved = self.store.child(child_id)
            saved.withdrawn_on = last_day
            self.store.save_child(saved)
            self._remember_undo(child, child_id, since)
            self.refresh(select=child_id)
            self.statusBar().showMessage(translate("MainWindow",
                                                   "{name} withdrawn on {date}. Ctrl+Z takes it back.").format(
                name=child.name, date=wording.day(last_day)), 10_000)

        dialog.chosen.connect(withdraw)
        dialog.open()
        return dialog

    def _row_menu(self, position) -> None:
        """Right-click on a row: what can be done with that child."""
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.open_child_action)
        menu.addAction(self.withdraw_action)
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(position))
        self.row_menu = menu

    @guarded
    def import_csv(self, update: bool = False, path: str | None = None):
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Import roster CSV"), str(Path.home()),
                                                  translate("MainWindow", "Roster spreadsheets (*.csv);;All files (*)"))
            if not path:
                return None
        from immudesk.errors import InputProblems
        from immudesk.store.operations import import_roster_with_backup

        from .import_dialog import ImportProblemsDialog

        try:
            # The same path as the CLI: a verified backup first, and an entry in the change log.
            added, updated = import_roster_with_backup(self.store, path, update=update, label=Path(path).name)
        except InputProblems as problems:
            self.import_problems = ImportProblemsDialog(Path(path).name, problems.problems, self,
                                                        already_on_roster=problems.already_on_roster)
            self.import_problems.open()
            return self.import_problems
        self.refresh()
        message = counted(translate("MainWindow", "Imported %n child(ren)", None, added), added)
        if updated:
            message += " " + translate("MainWindow", "and replaced the records of {count}").format(count=updated)
        self.statusBar().showMessage(message + " " + translate("MainWindow",
                                                               "from {file}.").format(file=Path(path).name), 10_000)
        return added, updated

    @guarded
    def export_csv(self, path: str | None = None):
        if path is None:
            suggested = str(Path.home() / f"roster-{dates.today().isoformat()}.csv")
            path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Export roster CSV"), suggested,
                                                  translate("MainWindow", "Roster spreadsheets (*.csv)"))
            if not path:
                return None
            if not path.lower().endswith(".csv"):
                path += ".csv"
        from immudesk.roster_csv import export_roster

        count = export_roster(self.store, path)
        self.statusBar().showMessage(translate("MainWindow",
                                               "Exported {count} children to {file}. The file holds health "
                                               "records: keep it private.").format(count=count, file=path), 10_000)
        return count

    @guarded
    def show_outbreak(self):
        from .outbreak_view import OutbreakDialog

        if self.evaluation is None:
            return None
        dialog = OutbreakDialog(self.evaluation, self)
        self.outbreak_dialog = dialog
        dialog.open()
        return dialog

    @guarded
    def show_records_due(self):
        from .records_due_view import RecordsDueDialog

        if self.evaluation is None:
            return None
        dialog = RecordsDueDialog(self.evaluation, self)
        self.records_due_dialog = dialog
        dialog.open()
        return dialog

    @guarded
    def edit_facility(self):
        from .facility_dialog import FacilityDialog

        dialog = FacilityDialog(self.store, self)
        dialog.accepted.connect(self.refresh)
        self.facility_dialog = dialog
        dialog.open()
        return dialog

    def show_help(self):
        from .help import HelpDialog

        dialog = HelpDialog(self)
        self.help_dialog = dialog
        dialog.show()
        return dialog

    def show_about(self):
        from .help import about_text

        return show_message(self, translate("MainWindow", "About immudesk"), about_text(self.store.path),
                            icon=QMessageBox.Icon.Information)

    # -- remembering the window ---------------------------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        """The first size: 1180x680, or the screen's free area on a smaller laptop (1024x768, 1366x768)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        if free is None:
            self.resize(1180, 680)
            return
        # The title bar and frame take ~40 px the available area still counts as free.
        self.resize(min(1180, free.width() - 16), min(680, free.height() - 48))

    def _restore_settings(self) -> None:
        settings = self.settings
        if settings.value("main/version", 0, int) != SETTINGS_VERSION:
            self._fit_to_screen()
            return
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        header = settings.value("main/columns")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
        self.set_show_withdrawn(settings.value("main/show_withdrawn", True, bool))

    def save_settings(self) -> None:
        self.settings.setValue("main/version", SETTINGS_VERSION)
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/columns", self.table.horizontalHeader().saveState())
        self.settings.setValue("main/show_withdrawn", self.proxy.show_withdrawn)
        self.settings.sync()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Resize:
                self.empty_note.setGeometry(watched.rect().adjusted(40, 20, -40, -20))
                self._fit_columns(watched.width())
            elif event.type() == QEvent.Type.Paint and not self._first_frame_shown:
                self._first_frame_shown = True
                QTimer.singleShot(0, self.first_frame.emit)   # once this paint has reached the screen
            if event.type() == QEvent.Type.Paint and self._pending == -1:
                # A large roster is read once the table has painted (empty) for the first time: the window is
                # there at once, and the rows follow.
                self._pending = -2
                QTimer.singleShot(0, self.refresh)
        return False

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.save_settings()
        super().closeEvent(event)
