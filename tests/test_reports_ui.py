"""The window's printing: the PDF preview shows every page, printing renders every page to the printer, the
Reports menu's entries write the right document, clean up previews that name children, and "email to the
state" writes its folder. Offscreen; no real printer or mail program is touched."""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdfWidgets")

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from test_reports_roster import nc_snapshot, needs_poppler, pdf_pages  # noqa: F401

from immudesk.demo import load_demo
from immudesk.reports import worksheets
from ui import reports

TODAY = date(2026, 11, 21)


class FakeWindow(QWidget):
    """What ui.reports reads from the main window: the store, the as-of day, the selected child."""

    def __init__(self, store, child_id=None):
        super().__init__()
        self.store = store
        self.as_of = TODAY
        self._child_id = child_id

    def current_child_id(self):
        return self._child_id


@pytest.fixture
def demo_store(store, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    load_demo(store, TODAY)
    return store


def test_preview_shows_every_page(qtbot, nc_snapshot, tmp_path):
    path = tmp_path / "w.pdf"
    worksheets.write_pdf(nc_snapshot, str(path))
    dialog = reports.preview_pdf(None, path, "Age worksheets", show=False)
    qtbot.addWidget(dialog)
    assert dialog.page_count == 3
    assert dialog.windowTitle() == "Age worksheets"
    copy = dialog.save_copy(str(tmp_path / "copy.pdf"))
    assert copy.read_bytes() == path.read_bytes()


@needs_poppler
def test_printing_renders_every_page_in_the_pages_orientation(qtbot, nc_snapshot, tmp_path):
    path = tmp_path / "w.pdf"
    worksheets.write_pdf(nc_snapshot, str(path))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(96)                      # keeps the test quick
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert reports.render_to_printer(printer, path) == 3
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True).stdout
    assert "Pages:           3" in info
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height                          # the worksheets are landscape, so the print is too


def test_report_menu_entries_preview_and_then_forget_the_file(qtbot, demo_store):
    window = FakeWindow(demo_store)
    qtbot.addWidget(window)
    dialog = reports.annual_report_dialog(window, show=False)
    assert dialog.page_count == 2
    letters = reports.letters_dialog(window, show=False, everyone=True)
    assert letters.page_count == 3
    folder = letters.path.parent
    assert folder.is_dir()
    letters.reject()
    assert not folder.exists()                     # letters name children: nothing is left behind
    dialog.reject()


def test_a_child_record_and_an_outbreak_list_from_the_window(qtbot, demo_store):
    noah = next(c.id for c in demo_store.children() if c.first_name == "Noah")
    window = FakeWindow(demo_store, noah)
    qtbot.addWidget(window)
    record = reports.record_dialog(window, show=False)
    assert record.page_count == 1
    outbreak = reports.outbreak_dialog(window, "measles", show=False)
    assert outbreak.page_count == 1
    record.reject()
    outbreak.reject()


def test_nothing_to_print_is_a_message_not_a_crash(qtbot, demo_store, monkeypatch):
    ava = next(c.id for c in demo_store.children() if c.first_name == "Ava")
    window = FakeWindow(demo_store, ava)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    assert reports.letters_dialog(window, show=False, everyone=False) is None
    assert "no child needs a letter" in shown[0]


def test_prepare_email_writes_the_folder_from_the_window(qtbot, demo_store, tmp_path):
    window = FakeWindow(demo_store)
    qtbot.addWidget(window)
    package = reports.prepare_email(window, folder=tmp_path, open_draft=False)
    assert package.to == "immunization.reports@dhhs.nc.gov"
    assert sorted(p.suffix for p in package.folder.iterdir()) == [".csv", ".eml", ".pdf"]
    assert Path(package.folder).parent == tmp_path


def test_the_report_preview_warns_about_counted_children_of_school_age(qtbot, demo_store):
    from immudesk.model import Child

    demo_store.add_child(Child("Tyler", "Schoolage", date(2014, 1, 10), date(2026, 9, 1), parent_name="Tom"))
    window = FakeWindow(demo_store)
    qtbot.addWidget(window)
    dialog = reports.annual_report_dialog(window, show=False)
    note = dialog.findChild(QLabel).text()
    assert note.startswith("⚠ Check before you file: 1 child counted is 6 years or older")
    assert 'set attendance to "school full time"' in note and "Counted: Tyler Schoolage." in note
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")   # the offscreen platform's note
def test_the_windows_email_message_says_it_is_not_the_filing(qtbot, demo_store, tmp_path):
    window = FakeWindow(demo_store)
    qtbot.addWidget(window)
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        close = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
        QTest.mouseClick(close, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, read_and_close)
    package = reports.prepare_email(window, folder=tmp_path, open_draft=True)
    assert package is not None and seen
    assert seen[0].startswith("This e-mail is NOT the annual report. North Carolina accepts the report only through "
                              "its online form")
    assert "immunize.nc.gov/schools/ccf_annualimmunization.htm" in seen[0]
