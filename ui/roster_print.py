"""The roster as a printed page: what the window shows (the same search, status filter and order), with each
status in words, for File → Print and Reports → Save as PDF."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from . import wording
from .roster_model import HEADERS, STATUS, header
from .status_style import look

translate = QCoreApplication.translate


def roster_html(window) -> str:
    """The rows the window's table shows now, as an HTML table (status cells keep their tint and words)."""
    proxy = window.proxy
    facility = window.store.facility()
    heading = translate("RosterPrint", "{name} ({state}) — statuses on {date}").format(
        name=facility.name or translate("RosterPrint", "Roster"), state=facility.state, date=wording.day(window.as_of))
    shown = proxy.rowCount()
    total = proxy.sourceModel().rowCount()
    count = (translate("RosterPrint", "{shown} of {total} children").format(shown=shown, total=total) if shown != total
             else translate("RosterPrint", "{total} children").format(total=total))
    cells = "".join(f"<th align='left'>{html.escape(title)}</th>" for title in map(header, range(len(HEADERS))))
    rows = []
    for row in range(shown):
        source = proxy.mapToSource(proxy.index(row, 0))
        status = proxy.sourceModel().row_at(source.row()).status
        out = []
        for column in range(proxy.columnCount()):
            index = proxy.index(row, column)
            text = html.escape(wording.keep_dates_together(index.data() or ""))
            if column == STATUS:
                out.append(f"<td bgcolor='{look(status.status, status.must_exclude).tint}'>{text}</td>")
            else:
                out.append(f"<td>{text}</td>")
        rows.append("<tr>" + "".join(out) + "</tr>")
    return (f"<h2>{html.escape(heading)}</h2><p>{count}</p>"
            "<table border='1' cellspacing='0' cellpadding='4' width='100%' style='border-collapse: collapse'>"
            f"<thead><tr>{cells}</tr></thead>{''.join(rows)}</table>")


def write_roster_pdf(window, path) -> Path:
    """A landscape US Letter PDF of the roster as shown."""
    writer = QPdfWriter(str(path))
    writer.setTitle(translate("RosterPrint", "Roster"))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-size: 9pt; } th { background: #E8E8E8; }")
    document.setHtml(roster_html(window))
    document.print_(writer)
    return Path(path)
