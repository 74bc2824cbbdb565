"""Messages the window gives: clear dialogs for problems a provider can fix, an apology (never a traceback) for
our own bugs, and yes/no questions. Tests replace `ask` to answer questions without a person."""
from __future__ import annotations

import functools
import sys
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from immudesk.cli import write_crash_log
from immudesk.errors import InputProblems, UserError

translate = QCoreApplication.translate
# Dialogs opened with open() (not exec()) stay referenced here until closed, so Python does not collect them.
_open_dialogs: list[QMessageBox] = []
# Every error shown, in order: `immudesk gui --screenshot` has nobody to read a dialog and reports these instead.
errors_shown: list[BaseException] = []


def show_message(parent: QWidget | None, title: str, text: str, details: str | None = None,
                 icon=QMessageBox.Icon.Warning) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    if details:
        box.setDetailedText(details)
    if parent is not None:
        box.setWindowModality(Qt.WindowModality.WindowModal)
    _open_dialogs.append(box)
    box.finished.connect(lambda _result, b=box: _open_dialogs.remove(b) if b in _open_dialogs else None)
    box.open()
    return box


def wait_until_read() -> None:
    """Stay until the messages still open have been closed. Before the main window exists (its records could
    not be opened), nothing else keeps immudesk running long enough for the provider to read them."""
    for box in list(_open_dialogs):
        if box.isVisible():
            box.exec()


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """A problem the provider can act on gets its own words; anything else is our bug: log it, apologise."""
    errors_shown.append(error)
    if isinstance(error, InputProblems):
        return show_message(parent, translate("Messages", "Please check"),
                            translate("Messages", "Nothing was changed. Please fix these first:") + "\n\n"
                            + "\n".join(f"• {p}" for p in error.problems[:15])
                            + ("\n…" if len(error.problems) > 15 else ""),
                            "\n".join(error.problems) if len(error.problems) > 15 else None)
    if isinstance(error, UserError):
        return show_message(parent, "immudesk", str(error))
    if isinstance(error, OSError):
        # The environment's fault (disk full, file locked, folder missing): say what the system said.
        where = f" ({error.filename})" if getattr(error, "filename", None) else ""
        return show_message(parent, "immudesk", translate("Messages", "The computer refused: {reason}{where}.").format(
            reason=error.strerror or error, where=where))
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log = write_crash_log(details)
    return show_message(parent, translate("Messages", "Something went wrong"),
                        translate("Messages", "Something went wrong inside immudesk. Nothing was half-saved: the "
                                              "last thing you saved is safe.\n\nDetails for support are in "
                                              "{log}").format(log=log),
                        icon=QMessageBox.Icon.Critical)


def guarded(method):
    """Decorate a slot so a provider sees a message, never a traceback, whatever goes wrong inside it."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - this is the place errors become messages
            show_error(self if isinstance(self, QWidget) else None, error)
            return None

    return wrapper


def ask(parent: QWidget | None, title: str, question: str, yes: str | None = None, no: str | None = None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes or translate("Messages", "Yes"), QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or translate("Messages", "No"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def install_excepthook() -> None:
    """Exceptions escaping a Qt slot end up here: show the apology instead of printing a traceback."""
    previous = sys.excepthook

    def hook(kind, error, trace):
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, trace)
            return
        error.__traceback__ = trace
        try:
            show_error(None, error)
        except Exception:  # noqa: BLE001 - last resort: never loop on a failing dialog
            previous(kind, error, trace)

    sys.excepthook = hook
