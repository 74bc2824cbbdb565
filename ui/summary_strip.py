"""The strip above the roster: the state report's counts by status (each a button that filters the roster),
who may not attend today, and the report period the counts belong to."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from immudesk.states.status import STATUSES

from . import wording
from .compliance import RosterEvaluation
from .flow_layout import FlowLayout
from .roster_model import MUST_EXCLUDE
from .status_style import EXCLUDED, look, status_icon

translate = QCoreApplication.translate


def status_counts(evaluation: RosterEvaluation) -> tuple[int, dict[str, int]]:
    """(children counted, count per status), read from the state's report table when the rules give one.

    The report table is the authority (it applies the state's counting rules); counting the statuses of the
    children the rules placed in a report group is the same figure, used when the table has another shape.
    """
    table = evaluation.report_table
    total = table.get("total") if isinstance(table, dict) else None
    if isinstance(total, dict) and "attending" in total:
        return int(total["attending"]), {status: int(total.get(status, 0)) for status in STATUSES}
    counted = [s for s in evaluation.statuses if s.report_group is not None]
    counts = Counter(s.status for s in counted)
    return len(counted), {status: counts.get(status, 0) for status in STATUSES}


class SummaryStrip(QWidget):
    """Counts per status; clicking a count shows only those children."""

    status_chosen = Signal(object)   # a status name, MUST_EXCLUDE, or None for everyone

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Summary of the roster")
        # Wraps to a second line on a narrow window instead of forcing the window wider than the screen.
        layout = FlowLayout(self, spacing=6)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.buttons: dict[str, QToolButton] = {}
        # In the report's column order; the exclusion alarm last, apart from the report's columns.
        for key in (*STATUSES, MUST_EXCLUDE):
            button = QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(False)
            button.setIconSize(QSize(18, 18))
            button.setIcon(status_icon("not_up_to_date", True) if key == MUST_EXCLUDE else status_icon(key))
            chosen = EXCLUDED if key == MUST_EXCLUDE else look(key)
            button.setStyleSheet(f"QToolButton {{ background: {chosen.tint}; border: 1px solid {chosen.colour};"
                                 " border-radius: 4px; padding: 2px 6px; color: #1a1a1a; }"
                                 f" QToolButton:focus {{ border: 2px solid #1a1a1a; }}")
            button.clicked.connect(lambda _checked=False, k=key: self.status_chosen.emit(k))
            layout.addWidget(button)
            self.buttons[key] = button
        # As tall as the buttons and centred, so the heading lines up with them on the flowing line.
        self.heading.setMinimumHeight(max(b.sizeHint().height() for b in self.buttons.values()))
        self.heading.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

    def show_evaluation(self, evaluation: RosterEvaluation) -> None:
        counted, counts = status_counts(evaluation)
        excluded_today = sum(1 for s in evaluation.statuses if s.must_exclude and not s.child.is_withdrawn(s.as_of))
        period = evaluation.report_period
        year = getattr(period, "year", None) if period is not None else None
        due = getattr(period, "due_date", None) if period is not None else None
        if year:
            heading = translate("Summary", "{state} {year} report").format(state=evaluation.state, year=year)
            if due is not None:
                # The year is left out when it is the report's own year: the strip must fit on one line.
                when = wording.day(due)
                if due.year == year:
                    when = when.replace(f", {year}", "").replace(f" {year}", "")   # "May 11", "11 may"
                heading += " " + translate("Summary", "(due {date})").format(date=when)
            heading += ": " + translate("Summary", "{count} counted").format(count=counted)
        else:
            heading = translate("Summary", "Counted for the {state} report: {count}").format(state=evaluation.state,
                                                                                    count=counted)
        self.heading.setText(heading)
        tip = translate("Summary", "Children the state's annual report counts on this date; each is in exactly one "
                                   "status, so the statuses add up to the number counted.")
        if period is not None and getattr(period, "projected", False):
            to_verify = wording.dates_in_words(getattr(period, "to_verify", "")
                                               or translate("Summary", "check with the state"))
            tip += "\n" + translate("Summary", "The report dates are projected: {note}.").format(note=to_verify)
        self.heading.setToolTip(tip)
        self.heading.setAccessibleName(heading)
        table = evaluation.report_table if isinstance(evaluation.report_table, dict) else {}
        columns = set(table.get("total", {})) - {"attending"}   # the state's report columns
        for key, button in self.buttons.items():
            if key == MUST_EXCLUDE:
                button.setText(f"{EXCLUDED.short}: {excluded_today}")
                button.setToolTip(translate("Summary", "Children whose grace period is over (counted above as not up "
                                                       "to "
                                                       "date): they may not attend until the record is brought up "
                                                       "to date. Click to show only them."))
                button.setVisible(excluded_today > 0)
                button.setAccessibleName(f"{excluded_today} may not attend; show only them")
            else:
                words = look(key, state=evaluation.state).words      # the state's own word for it
                button.setText(f"{words}: {counts[key]}")
                button.setToolTip(translate("Summary", "Show only children with the status "
                                                       "{status}").format(status=words))
                button.setAccessibleName(f"{words}: {counts[key]}; show only them")
                # A status this state's report does not have (NC: conscientious) is hidden while nobody has it.
                button.setVisible(counts[key] > 0 or key in columns
                                  or (not columns and key in ("up_to_date", "in_process", "not_up_to_date")))
