"""Printing in the window: a preview of any immudesk PDF (QtPdf) with Print and Save buttons, the system
print dialog, and the Reports menu's entries (annual report, letters, "email to the state"). The documents
themselves come from immudesk.reports; this module only shows and prints them.

The main window calls print_dialog, annual_report_dialog, letters_dialog and prepare_email with itself as the
only argument and reads `store`, `as_of` and `current_child_id()` from it.
"""
from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from immudesk.errors import UserError
from immudesk.reports.documents import write_document

PRINT_DPI = 300        # sharp text on any office printer without huge spool files


def _load(path) -> QPdfDocument:
    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise UserError(f"cannot open {path} for printing ({error.name})")
    return document


def render_to_printer(printer: QPrinter, path) -> int:
    """Draw every page of the PDF onto the printer, each scaled to fit the printable area. Returns the page count.

    The PDF is rasterised at the printer's resolution (capped) because QPrinter cannot take PDF pages directly.
    """
    document = _load(path)
    count = document.pageCount()
    first = document.pagePointSize(0) if count else None
    if first is not None:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if first.width() > first.height()
                                   else QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("the printer could not be started; check that it is on and connected")
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        for page in range(count):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(QPoint(area.x(), area.y()), scaled), image)
    finally:
        painter.end()
        document.close()
    return count


def print_pdf(parent: QWidget | None, path) -> bool:
    """Ask the system print dialog where to print, then print the PDF. True when it was sent to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(path).stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render_to_printer(printer, path)
    return True


class DocumentPreview(QDialog):
    """A PDF on screen, page after page, with Print…, Save a copy… and Close."""

    def __init__(self, path, title: str, parent: QWidget | None = None, note: str = "", owns_file: bool = False):
        super().__init__(parent)
        self.path = Path(path)
        self.owns_file = owns_file
        self.setWindowTitle(title)
        self.resize(QSize(820, 900))
        self.document = _load(self.path)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("&Print…")
        self.save_button = QPushButton("&Save a copy…")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_pdf(self, self.path))
        self.save_button.clicked.connect(self.save_copy)
        layout.addWidget(buttons)
        self.finished.connect(self._forget)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def save_copy(self, target: str | None = None) -> Path | None:
        if target is None:
            target, _ = QFileDialog.getSaveFileName(self, "Save a copy", str(Path.home() / self.path.name),
                                                    "PDF documents (*.pdf)")
        if not target:
            return None
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            QMessageBox.warning(self, "Not saved", f"Cannot write {target}: {error.strerror or error}")
            return None
        return Path(target)

    def _forget(self) -> None:
        # A preview of letters or worksheets names children: do not leave it in the temporary folder.
        self.document.close()
        if self.owns_file:
            shutil.rmtree(self.path.parent, ignore_errors=True)


def preview_pdf(parent: QWidget | None, path, title: str | None = None, note: str = "",
                show: bool = True) -> DocumentPreview:
    """Show the PDF in a preview window (modal when show is True); returns the dialog."""
    dialog = DocumentPreview(path, title or Path(path).name, parent, note)
    if show:
        dialog.exec()
    return dialog


# ---------------------------------------------------------------- the Reports menu
def _as_of(window) -> date | None:
    value = getattr(window, "as_of", None)
    return value() if callable(value) else value


def show_document(window, kind: str, title: str, note: str = "", show: bool = True, **options) -> DocumentPreview | None:
    """Write a document for the window's day into a private temporary folder and preview it."""
    folder = Path(tempfile.mkdtemp(prefix="immudesk-print-"))
    path = folder / f"{kind}.pdf"
    warnings: list[str] = []
    try:
        write_document(window.store, kind, path, as_of=_as_of(window), warnings=warnings, **options)
    except UserError as error:
        shutil.rmtree(folder, ignore_errors=True)
        QMessageBox.information(window, title, str(error))
        return None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    # A warning comes first, above the usual note: it is what to check before filing.
    note = "\n\n".join(["⚠ " + w for w in warnings] + ([note] if note else []))
    dialog = DocumentPreview(path, title, window, note, owns_file=True)
    if show:
        dialog.exec()
    return dialog


def annual_report_dialog(window, show: bool = True):
    return show_document(window, "report", "Annual immunization report", show=show,
                         note="Page 1 is the state's form; page 2 lists the answers in the order the online form "
                              "asks for them: type them into the state's online form, which is the filing. "
                              "Reports → Email to the state prepares a draft with these counts for a question to "
                              "the state; it is not the filing.")


def worksheets_dialog(window, show: bool = True):
    return show_document(window, "worksheets", "Age worksheets", show=show,
                         note="Keep the worksheets with your records: they name children and are not sent.")


def letters_dialog(window, show: bool = True, everyone: bool | None = None):
    """Letters for every child who needs one, or for the selected child."""
    child_id = window.current_child_id() if hasattr(window, "current_child_id") else None
    if everyone is None:
        everyone = True
        if child_id is not None:
            choice, ok = QInputDialog.getItem(window, "Parent letters", "Print letters for:",
                                              ["Every child who needs one", "The selected child only"], 0, False)
            if not ok:
                return None
            everyone = choice.startswith("Every")
    return show_document(window, "letters", "Parent letters", show=show, child=None if everyone else str(child_id),
                         note="One letter per page, in each child's language. Sign each letter before giving it.")


def record_dialog(window, show: bool = True):
    child_id = window.current_child_id() if hasattr(window, "current_child_id") else None
    if child_id is None:
        QMessageBox.information(window, "Immunization record", "Select a child in the roster first.")
        return None
    return show_document(window, "record", "Immunization record", show=show, child=str(child_id))


def outbreak_dialog(window, disease: str | None = None, show: bool = True):
    if disease is None:
        disease, ok = QInputDialog.getItem(window, "Outbreak list", "Disease:", ["measles", "varicella", "pertussis"],
                                           0, False)
        if not ok:
            return None
    return show_document(window, "outbreak", f"Children susceptible to {disease}", show=show, disease=disease)


DOCUMENTS = {
    "Annual report": annual_report_dialog,
    "Age worksheets (North Carolina)": worksheets_dialog,
    "Parent letters": letters_dialog,
    "Selected child's immunization record": record_dialog,
    "Outbreak list": outbreak_dialog,
}


def print_dialog(window):
    """File → Print…: choose a document, see it, print it."""
    choice, ok = QInputDialog.getItem(window, "Print", "Document:", list(DOCUMENTS), 0, False)
    if ok:
        return DOCUMENTS[choice](window)
    return None


def prepare_email(parent, store=None, as_of: date | None = None, report_year: int | None = None,
                  folder: str | Path | None = None, open_draft: bool = True):
    """Reports → Email to the state: write the report PDF, the counts CSV and an e-mail draft into a folder the
    provider picks, then offer to open the draft in the mail program. Counts only: no child is named."""
    from immudesk.dates import today
    from immudesk.reports.email_draft import prepare_email as write_package
    from immudesk.reports.roster import take_snapshot

    store = store if store is not None else parent.store
    as_of = as_of or _as_of(parent) or today()
    if folder is None:
        folder = QFileDialog.getExistingDirectory(parent, "Where should the report and the e-mail draft go?",
                                                  str(Path.home()))
        if not folder:
            return None
    try:
        snapshot = take_snapshot(store, as_of, report_year)
        package = write_package(snapshot, Path(folder) / f"immudesk-report-{snapshot.period.year}")
    except UserError as error:
        QMessageBox.information(parent, "Email to the state", str(error))
        return None
    except OSError as error:
        QMessageBox.warning(parent, "Email to the state", f"Cannot write to {folder}: {error.strerror or error}")
        return None
    addressee = f"addressed to {package.to}" if package.to else "with no address yet (add the address)"
    text = ((package.filing_note + "\n\n" if package.filing_note else "")
            + f"The report, its counts and an e-mail draft {addressee} are in\n{package.folder}\n\n"
            "They carry counts only: no child's name or birth date. Open the draft, check it and send it "
            "from your mail program.")
    if open_draft:
        box = QMessageBox(QMessageBox.Icon.Information, "Email to the state", text, QMessageBox.StandardButton.NoButton,
                          parent)
        open_button = box.addButton("Open the draft", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Show the folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(package.draft)))
        elif box.clickedButton() is not None and box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.ActionRole:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(package.folder)))
    return package
