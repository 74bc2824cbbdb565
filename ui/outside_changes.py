"""When the records change outside this window (an import at the command line, a restore, a second window):
the roster is read again by itself, and saving a record that changed or went away since it was opened asks
the provider first instead of silently writing over the other change (or failing with a KeyError)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from immudesk.model import Child, ChildId
from immudesk.store.watch import data_version

from .messages import ask

translate = QCoreApplication.translate

POLL_MS = 1500   # often enough that a provider never works on a stale roster for long; a poll costs microseconds


class OutsideChanges(QObject):
    """Polls the window's database and calls window.refresh() when another connection has committed to it."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.version = data_version(window.store)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.timer.stop()   # the window is going, and the store with it
        return False

    def check(self) -> bool:
        """Read the roster again if the file changed under the window; True if it did."""
        try:
            version = data_version(self.window.store)
        except Exception:  # noqa: BLE001 - a closed or busy store: the next poll tries again
            return False
        if version == self.version:
            return False
        self.version = version
        self.window.refresh()
        return True


def watch(window) -> OutsideChanges:
    """Start watching the window's database for changes made elsewhere (call once, with window.store open)."""
    window.outside_changes = OutsideChanges(window)
    return window.outside_changes


KEEP_MINE, TAKE_THEIRS = "keep mine", "take theirs"


def _ask_which(parent: QWidget | None, name: str) -> str | None:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("OutsideChanges", "The record changed meanwhile"),
                      translate("OutsideChanges",
                                "{name}'s record was changed by another program (an import or another "
                                "window) after you opened it.\n\nKeep your version (the other change is "
                                "replaced), take the other version (what you typed here is dropped), or go back "
                                "to the record?").format(name=name),
                      QMessageBox.StandardButton.NoButton, parent)
    mine = box.addButton(translate("OutsideChanges", "Keep mine"), QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(translate("OutsideChanges", "Take theirs"), QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(translate("OutsideChanges", "Go back"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return {mine: KEEP_MINE, theirs: TAKE_THEIRS}.get(box.clickedButton())


def save_child_asking(parent: QWidget | None, store, child: Child, opened: Child | None) -> ChildId | None:
    """store.save_child(child), unless the stored record is no longer `opened` (the record as it was read when
    the dialog opened); then the provider chooses. Returns the id of the record now on the roster, or None when
    the provider went back to the dialog (nothing written)."""
    if child.id is None or opened is None:
        return store.save_child(child)
    while True:
        with store.transaction():      # the comparison and the save in one write transaction: nobody in between
            try:
                current = store.child(child.id)
            except KeyError:
                current = None
            if current == opened:
                return store.save_child(child)
        if current is None:
            if not ask(parent, translate("OutsideChanges", "The record is no longer there"),
                       translate("OutsideChanges",
                                 "{name}'s record is no longer in the records: a restore or another window "
                                 "removed it after you opened it.\n\nAdd {first_name} to the roster again with "
                                 "what you typed here?").format(
                           name=child.name, first_name=child.first_name or translate("OutsideChanges", "the child")),
                       yes=translate("OutsideChanges", "Add again"), no=translate("OutsideChanges", "Go back")):
                return None
            return store.save_child(replace(child, id=None))
        choice = _ask_which(parent, child.name)
        if choice == TAKE_THEIRS:
            return current.id
        if choice != KEEP_MINE:
            return None
        opened = current   # checked again: a third change while the question was open asks again
