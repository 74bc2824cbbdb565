"""The roster table: one row per child with their status (icon, colour and words), deadline, next due date and
missing vaccines; and the proxy that searches, filters by status and hides withdrawn children.

Everything a row shows is worked out once when the statuses change (set_statuses), so painting, sorting and
filtering only read prepared strings and keys: a 10,000-child roster filters in milliseconds.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QStyledItemDelegate

from immudesk.names import fold_name
from immudesk.states.status import ChildStatus

from . import wording
from .status_style import TEXT_ON_TINT, alarm_text, look, muted_text, status_icon

NAME, AGE, STATUS, DEADLINE, NEXT_DUE, MISSING, PARENT_PHONE = range(7)
# In English; the window shows them through translate("Roster", ...) (header()).
HEADERS = (QT_TRANSLATE_NOOP("Roster", "Child"), QT_TRANSLATE_NOOP("Roster", "Age"),
           QT_TRANSLATE_NOOP("Roster", "Status"), QT_TRANSLATE_NOOP("Roster", "Deadline"),
           QT_TRANSLATE_NOOP("Roster", "Next dose due"), QT_TRANSLATE_NOOP("Roster", "Missing vaccines"),
           QT_TRANSLATE_NOOP("Roster", "Parent's phone"))
HEADER_TIPS = (
    QT_TRANSLATE_NOOP("Roster", "The child's name (last name sorts)"),
    QT_TRANSLATE_NOOP("Roster", "Age on the as-of date"),
    QT_TRANSLATE_NOOP("Roster", "Compliance with the state's child care immunization law on the as-of date"),
    QT_TRANSLATE_NOOP("Roster", "Days left in the grace period, when a requirement starts, or since when the child may "
                                "not "
                                "attend"),
    QT_TRANSLATE_NOOP("Roster", "The earliest date a further dose is due"),
    QT_TRANSLATE_NOOP("Roster", "Vaccine groups whose required doses are not all on record"),
    QT_TRANSLATE_NOOP("Roster", "Parent's phone number"),
)


def header(column: int) -> str:
    """A column's title in the window's language."""
    return QCoreApplication.translate("Roster", HEADERS[column])

CHILD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
NEEDS_ACTION = "needs_action"       # status filter: every child the provider must act on
MUST_EXCLUDE = "must_exclude"       # status filter: children who may not attend today
_FAR_FUTURE = date.max


@dataclass
class RosterRow:
    """One child's row, fully prepared: the model's data() only reads these fields."""
    status: ChildStatus
    cells: tuple[str, ...]
    sort_keys: tuple
    withdrawn: bool
    haystack: str                  # folded text the search box matches (immudesk.names.fold_name)
    tooltip: str

    @property
    def child_id(self):
        return self.status.child.id


def _row(status: ChildStatus) -> RosterRow:
    child, as_of = status.child, status.as_of
    chosen = look(status.status, status.must_exclude, status.state)
    withdrawn = child.is_withdrawn(as_of)
    due_day, due_text = wording.next_due(status)
    deadline = wording.countdown(status)
    missing = wording.missing(status)
    cells = (child.name, wording.age(child.birth_date, as_of), chosen.words, deadline, due_text, missing,
             child.parent_phone)
    name_key = (child.last_name.casefold(), child.first_name.casefold())
    urgency = (withdrawn, chosen.rank,
               status.days_left if status.days_left is not None else 10 ** 6, due_day or _FAR_FUTURE, name_key)
    keys = (
        name_key,
        (child.birth_date, name_key),  # older children have earlier birth dates: sorts by age descending
        urgency,
        urgency,
        (due_day or _FAR_FUTURE, name_key),
        (len(status.missing), missing, name_key),
        (child.parent_phone, name_key),
    )
    reasons = ("\n".join(f"• {wording.dates_in_words(reason)}" for reason in status.reasons)
               or QCoreApplication.translate("Roster", "No notes from the rules."))
    tooltip = f"{child.name}: {chosen.words}\n{reasons}"
    phone_digits = "".join(c for c in child.parent_phone if c.isdigit())   # found however it is typed
    haystack = fold_name(" ".join((child.name, child.parent_name, child.parent_phone, phone_digits,
                                   child.parent_email, chosen.words, deadline, missing)))
    return RosterRow(status, cells, keys, withdrawn, haystack, tooltip)


class RosterModel(QAbstractTableModel):
    """The children on the roster with what the rules say about them on the as-of date."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RosterRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._tints: dict[tuple[str, bool], QBrush] = {}
        self._on_tint = QBrush(QColor(TEXT_ON_TINT))
        self._read_palette()
        self._sort = (STATUS, Qt.SortOrder.AscendingOrder)

    # -- changing the data ----------------------------------------------------------------------------------
    def set_statuses(self, statuses: list[ChildStatus]) -> None:
        """Show a new evaluation of the roster (after an edit, an import or a new as-of date)."""
        self.beginResetModel()
        self._read_palette()
        self._rows = [_row(status) for status in statuses]
        self._sort_rows(*self._sort)
        self.endResetModel()

    def _read_palette(self) -> None:
        """Text colours that read on the table's background, light or dark (taken again at each new roster)."""
        palette = QGuiApplication.palette()
        self._withdrawn_brush = QBrush(muted_text(palette))
        self._alarm_brush = QBrush(alarm_text(palette))

    def rows(self) -> list[RosterRow]:
        return self._rows

    def row_at(self, row: int) -> RosterRow:
        return self._rows[row]

    def row_of_child(self, child_id) -> int | None:
        for number, row in enumerate(self._rows):
            if row.child_id == child_id:
                return number
        return None

    # -- Qt's model interface -----------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("Roster", HEADER_TIPS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return status_icon(row.status.status, row.status.must_exclude)
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS and not row.withdrawn:
            return self._tint(row.status.status, row.status.must_exclude)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.withdrawn:
                return self._withdrawn_brush
            if column == STATUS:
                return self._on_tint   # set with the light tint behind it: readable in dark mode too
            if column == DEADLINE and row.status.must_exclude:
                return self._alarm_brush
            return None
        if role == Qt.ItemDataRole.FontRole and column in (NAME, DEADLINE) and row.status.must_exclude:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            none = QCoreApplication.translate("Roster", "none")
            return f"{header(column)}: {row.cells[column] or none}"
        if role == CHILD_ID_ROLE:
            return row.child_id
        if role == STATUS_ROLE:
            return row.status.status
        if role == SORT_ROLE:
            return str(row.sort_keys[column])
        return None

    def _tint(self, status: str, must_exclude: bool) -> QBrush:
        key = (status, must_exclude)
        brush = self._tints.get(key)
        if brush is None:   # one brush per status, not one per painted cell
            brush = self._tints[key] = QBrush(QColor(look(status, must_exclude).tint))
        return brush

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort with Python's sort on the prepared keys: far faster than per-pair comparisons through Qt."""
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [(self._rows[i.row()].child_id, i.column()) if i.row() < len(self._rows) else None
                   for i in old_persistent]
        self._sort_rows(column, order)
        position = {row.child_id: number for number, row in enumerate(self._rows)}
        new_persistent = [self.index(position[key[0]], key[1]) if key and key[0] in position else QModelIndex()
                          for key in old_ids]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order) -> None:
        self._sort = (column, order)
        self._rows.sort(key=lambda row: row.sort_keys[column], reverse=order == Qt.SortOrder.DescendingOrder)


class RosterFilter(QSortFilterProxyModel):
    """Search, status filter and the withdrawn-children switch. Sorting is passed to the roster model, which
    sorts on prepared keys; the proxy keeps the model's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._status: str | None = None
        self._show_withdrawn = True

    def setSourceModel(self, model) -> None:  # noqa: N802 - Qt's name
        if not isinstance(model, RosterModel):
            raise TypeError("RosterFilter filters a RosterModel")
        super().setSourceModel(model)

    # -- what the provider chose ----------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        words = fold_name(text).split()   # accent-, case- and punctuation-blind: "hernandez" finds Hernández
        if words != self._words:
            self._change(lambda: setattr(self, "_words", words))

    def set_status(self, status: str | None) -> None:
        """None: everyone; a status name; NEEDS_ACTION; or MUST_EXCLUDE."""
        if status != self._status:
            self._change(lambda: setattr(self, "_status", status))

    def set_show_withdrawn(self, show: bool) -> None:
        if show != self._show_withdrawn:
            self._change(lambda: setattr(self, "_show_withdrawn", show))

    def _change(self, apply) -> None:
        """Change what the filter accepts, telling Qt only rows are affected (Qt 6.10+ API, older fallback)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - PySide6 before 6.10
            apply()
            self.invalidateRowsFilter()

    @property
    def show_withdrawn(self) -> bool:
        return self._show_withdrawn

    # -- Qt --------------------------------------------------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt's name
        row = self.sourceModel().row_at(source_row)
        if row.withdrawn and not self._show_withdrawn:
            return False
        wanted = self._status
        if wanted is not None:
            status = row.status
            if wanted == NEEDS_ACTION:
                if row.withdrawn or status.status not in ("not_up_to_date", "in_process"):
                    return False
            elif wanted == MUST_EXCLUDE:
                if row.withdrawn or not status.must_exclude:
                    return False
            elif status.status != wanted:
                return False
        haystack = row.haystack
        return all(word in haystack for word in self._words)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def child_id_at(self, proxy_row: int):
        source = self.mapToSource(self.index(proxy_row, 0))
        return self.sourceModel().row_at(source.row()).child_id if source.isValid() else None


class DatesKeptTogether(QStyledItemDelegate):
    """Paints a cell's text with each date unbreakable: a narrow Deadline or Next-dose column wraps between
    words, never inside "Oct 19, 2026" (the text itself, for search and screen readers, is unchanged)."""

    def displayText(self, value, locale) -> str:  # noqa: N802 - Qt's name
        return wording.keep_dates_together(super().displayText(value, locale))
