"""Printing in the window: a preview of any immudesk PDF (QtPdf) with Print and Save buttons, the system
print dialog, and the Reports menu's entries (annual report, letters, "email to the state"). The documents
themselves come from immudesk.reports; this module only shows and prints them.

The main window calls print_dialog, annual_report_dialog, letters_dialog and prepare_email with itself as the
only argument and reads `store`, `as_of` and `current_child_id()` from it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QPointF, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from immudesk.errors import UserError
from immudesk.reports.documents import write_document

from .compliance import OUTBREAK_DISEASES

translate = QCoreApplication.translate

PRINT_DPI = 300        # sharp text on any office printer without huge spool files
PREVIEW_SIZE = QSize(820, 900)   # a page at a readable width, when the screen has room for it
ZOOM_STEP = 1.25


def copy_private(source, target) -> Path:
    """Copy a document to where the provider chose, readable by her account only (0600): letters, records and
    lists name children. Written beside the target and renamed, so a failed copy leaves no half file."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out, open(source, "rb") as data:
            shutil.copyfileobj(data, out)
        os.chmod(partial, 0o600)   # a .part left from before keeps its old mode through O_CREAT
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Size a window to `wanted`, or to the screen's free area when that is smaller (a 768-pixel laptop), so its
    buttons stay on screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(wanted)
        return
    free = screen.availableGeometry()
    # The title bar and frame are outside the size given to resize().
    widget.resize(min(wanted.width(), free.width() - 16), min(wanted.height(), free.height() - 48))


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
    dialog.setWindowTitle(translate("Reports", "Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render_to_printer(printer, path)
    return True


class DocumentPreview(QDialog):
    """A PDF on screen, page after page, with page buttons, zoom, Print…, Save a copy… and Close; as large as
    the screen allows."""

    def __init__(self, path, title: str, parent: QWidget | None = None, note: str = "", owns_file: bool = False):
        super().__init__(parent)
        self.path = Path(path)
        self.owns_file = owns_file
        self.setWindowTitle(title)
        fit_to_screen(self, PREVIEW_SIZE)
        self.document = _load(self.path)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setAccessibleName("The document")
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self._navigation())
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(translate("Reports", "&Print…"))
        self.save_button = QPushButton(translate("Reports", "&Save a copy…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_pdf(self, self.path))
        # clicked(bool) would hand `checked` (False) to save_copy as the target: call it without.
        self.save_button.clicked.connect(lambda _checked=False: self.save_copy())
        layout.addWidget(buttons)
        self.finished.connect(self._forget)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())
        self._show_page()

    def _navigation(self) -> QHBoxLayout:
        """Previous / next page (Page Up / Page Down scroll too), the page number, and zoom."""
        row = QHBoxLayout()
        self.previous_button = QPushButton("◀ " + translate("Reports", "Pre&vious page"))
        self.next_button = QPushButton(translate("Reports", "&Next page") + " ▶")
        self.page_label = QLabel()
        self.page_label.setAccessibleName("Page number")
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setToolTip(translate("Reports", "Smaller (Ctrl+minus)"))
        self.zoom_out_button.setAccessibleName("Zoom out")
        self.fit_button = QPushButton(translate("Reports", "&Fit width"))
        self.fit_button.setToolTip(translate("Reports", "The page as wide as the window (Ctrl+0)"))
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setToolTip(translate("Reports", "Larger (Ctrl+plus)"))
        self.zoom_in_button.setAccessibleName("Zoom in")
        self.previous_button.clicked.connect(lambda _checked=False: self.go_to_page(self.current_page - 1))
        self.next_button.clicked.connect(lambda _checked=False: self.go_to_page(self.current_page + 1))
        self.zoom_out_button.clicked.connect(lambda _checked=False: self.zoom(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda _checked=False: self.zoom(ZOOM_STEP))
        self.fit_button.clicked.connect(lambda _checked=False: self.fit_width())
        for keys, act in (("Ctrl++", lambda: self.zoom(ZOOM_STEP)), ("Ctrl+=", lambda: self.zoom(ZOOM_STEP)),
                          ("Ctrl+-", lambda: self.zoom(1 / ZOOM_STEP)), ("Ctrl+0", self.fit_width)):
            QShortcut(QKeySequence(keys), self, act)
        for widget in (self.previous_button, self.page_label, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            row.addWidget(widget)
        return row

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._show_page()

    def _show_page(self) -> None:
        page = self.current_page
        self.page_label.setText(translate("Reports", "Page {page} of {count}").format(page=page + 1,
                                                                                      count=self.page_count))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count - 1)

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # Fit-to-width has its own factor: start from what is on screen.
            points = self.document.pagePointSize(self.current_page)
            viewport = self.view.viewport().width() - 20
            current = viewport / (points.width() * self.logicalDpiX() / 72) if points.width() else 1.0
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(current * factor, 6.0)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def save_copy(self, target: str | None = None) -> Path | None:
        """Save the document where the provider chooses (asked with a file dialog when no target is given)."""
        if target is None:
            # Over the preview, or over the main window when saving without one (Reports → Save as PDF).
            owner = self if self.isVisible() else self.parentWidget()
            # Named after what it is ("Parent letters.pdf"), not the temporary file's name.
            name = "".join("-" if c in '\\/:*?"<>|' else c for c in self.windowTitle()) or self.path.stem
            suggested = Path.home() / f"{name}.pdf"
            target, _ = QFileDialog.getSaveFileName(owner, translate("Reports", "Save a copy"), str(suggested),
                                                    translate("Reports", "PDF documents (*.pdf)"))
            if target and not target.lower().endswith(".pdf"):
                target += ".pdf"
        if not target:
            return None
        try:
            return copy_private(self.path, target)
        except OSError as error:
            QMessageBox.warning(self, translate("Reports", "Not saved"),
                                translate("Reports", "Cannot write {file}: {reason}").format(
                file=target, reason=error.strerror or error))
            return None

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


def show_document(window, kind: str, title: str, note: str = "", show: bool = True,
                  **options) -> DocumentPreview | None:
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
    return show_document(window, "report", translate("Reports", "Annual immunization report"), show=show,
                         note=translate("Reports", "Page 1 is the state's form; page 2 lists the answers in the order "
                                                   "the online form asks for them: type them into the state's online "
                                                   "form, which is the filing. Reports → Email to the state prepares a "
                                                   "draft with these counts for a question to the state; it is not the "
                                                   "filing."))


def worksheets_dialog(window, show: bool = True):
    return show_document(window, "worksheets", translate("Reports", "Age worksheets"), show=show,
                         note=translate("Reports", "Keep the worksheets with your records: they name children and are "
                                                   "not sent."))


def letters_dialog(window, show: bool = True, everyone: bool | None = None):
    """Letters for every child who needs one, or for the selected child."""
    child_id = window.current_child_id() if hasattr(window, "current_child_id") else None
    if everyone is None:
        everyone = True
        if child_id is not None:
            whom = [translate("Reports", "Every child who needs one"), translate("Reports", "The selected child only")]
            choice, ok = QInputDialog.getItem(window, translate("Reports", "Parent letters"),
                                              translate("Reports", "Print letters for:"),
                                              whom, 0, False)
            if not ok:
                return None
            everyone = choice == whom[0]
    return show_document(window, "letters", translate("Reports", "Parent letters"), show=show,
                         child=None if everyone else str(child_id),
                         note=translate("Reports", "One letter per page, in each child's language. Sign each letter "
                                                   "before "
                                                   "giving it."))


def record_dialog(window, show: bool = True):
    child_id = window.current_child_id() if hasattr(window, "current_child_id") else None
    if child_id is None:
        QMessageBox.information(window, translate("Reports", "Immunization record"),
                                translate("Reports", "Select a child in the roster first."))
        return None
    return show_document(window, "record", translate("Reports", "Immunization record"), show=show, child=str(child_id))


def outbreak_dialog(window, disease: str | None = None, show: bool = True):
    names = {key: translate("Outbreak", words).split(" (")[0].lower() for key, words in OUTBREAK_DISEASES}
    if disease is None:
        choice, ok = QInputDialog.getItem(window, translate("Reports", "Outbreak list"),
                                          translate("Reports", "Disease:"),
                                          list(names.values()), 0, False)
        if not ok:
            return None
        disease = next(key for key, name in names.items() if name == choice)
    return show_document(window, "outbreak", translate("Reports", "Children susceptible to {disease}").format(
        disease=names.get(disease, disease)), show=show, disease=disease)


def roster_dialog(window, show: bool = True):
    """The roster as the window shows it (search, status filter and order), to print or save."""
    from .roster_print import write_roster_pdf

    folder = Path(tempfile.mkdtemp(prefix="immudesk-print-"))
    path = folder / "roster.pdf"
    try:
        write_roster_pdf(window, path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    dialog = DocumentPreview(path, translate("Reports", "Roster"), window, owns_file=True,
                             note=translate("Reports", "The roster as shown in the window: the same search, status "
                                                       "filter "
                                                       "and order."))
    if show:
        dialog.exec()
    return dialog


# In English; the choice lists show them through translate("Reports", ...) (choose_document).
DOCUMENTS = {
    QT_TRANSLATE_NOOP("Reports", "The roster, as shown"): roster_dialog,
    QT_TRANSLATE_NOOP("Reports", "Annual report"): annual_report_dialog,
    QT_TRANSLATE_NOOP("Reports", "Age worksheets (North Carolina)"): worksheets_dialog,
    QT_TRANSLATE_NOOP("Reports", "Parent letters"): letters_dialog,
    QT_TRANSLATE_NOOP("Reports", "Selected child's immunization record"): record_dialog,
    QT_TRANSLATE_NOOP("Reports", "Outbreak list"): outbreak_dialog,
}


def choose_document(window, title: str):
    """Ask which document (in the window's language); its function, or None when the provider cancelled."""
    names = {translate("Reports", name): show for name, show in DOCUMENTS.items()}
    choice, ok = QInputDialog.getItem(window, title, translate("Reports", "Document:"), list(names), 0, False)
    return names[choice] if ok else None


def print_dialog(window):
    """File → Print…: choose a document, see it, print it."""
    chosen = choose_document(window, translate("Reports", "Print"))
    return chosen(window) if chosen else None


def save_as_pdf_dialog(window) -> Path | None:
    """Reports → Save as PDF…: choose a document, then where to save it (no preview on the way)."""
    chosen = choose_document(window, translate("Reports", "Save as PDF"))
    if chosen is None:
        return None
    preview = chosen(window, show=False)
    if preview is None:
        return None   # nothing to save; the provider was told why
    try:
        saved = preview.save_copy()
    finally:
        preview.done(0)   # removes the temporary file
    if saved is not None and hasattr(window, "statusBar"):
        window.statusBar().showMessage(translate("Reports", "Saved {file}. It names children: keep it private.").format(
            file=saved), 10_000)
    return saved


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
        folder = QFileDialog.getExistingDirectory(parent, translate("Reports", "Where should the report and the e-mail "
                                                                               "draft go?"),
                                                  str(Path.home()))
        if not folder:
            return None
    try:
        snapshot = take_snapshot(store, as_of, report_year)
        package = write_package(snapshot, Path(folder) / f"immudesk-report-{snapshot.period.year}")
    except UserError as error:
        QMessageBox.information(parent, translate("Reports", "Email to the state"), str(error))
        return None
    except OSError as error:
        QMessageBox.warning(parent, translate("Reports", "Email to the state"),
                            translate("Reports", "Cannot write to {folder}: {reason}").format(
            folder=folder, reason=error.strerror or error))
        return None
    addressee = (translate("Reports", "addressed to {address}").format(address=package.to) if package.to
                 else translate("Reports", "with no address yet (add the address)"))
    text = ((package.filing_note + "\n\n" if package.filing_note else "")
            + translate("Reports", "The report, its counts and an e-mail draft {addressee} are in\n{folder}\n\nThey "
                                   "carry "
                                   "counts only: no child's name or birth date. Open the draft, check it and send it "
                                   "from your mail program.").format(addressee=addressee, folder=package.folder))
    if open_draft:
        box = QMessageBox(QMessageBox.Icon.Information, translate("Reports", "Email to the state"), text,
                          QMessageBox.StandardButton.NoButton,
                          parent)
        open_button = box.addButton(translate("Reports", "Open the draft"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("Reports", "Show the folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(package.draft)))
        elif box.clickedButton() is not None and box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.ActionRole:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(package.folder)))
    return package
