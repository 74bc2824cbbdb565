"""The window's side of data safety: back up, restore, the passphrase prompt and the idle app lock.

What the rest of the window calls (each takes the main window, or any parent widget plus the database path):
  backup_now(parent, store_path=None) -> Path | None      File > Back up now (store_path defaults to parent.store.path)
  restore_backup(parent, store_path=None, source=None) -> bool   File > Restore from a backup (alias restore_from)
  start_of_day(parent, store_path) -> Path | None         call once when the window opens: the daily backup
  open_store_asking(parent, db=None) -> Store | None      open_store that asks for the passphrase of an
                                                           encrypted database and offers the newest good
                                                           backup when the file is damaged
  ask_passphrase(parent, path) -> str | None              the prompt; checks the passphrase and remembers it
  install_idle_lock(main_window, minutes=None) -> IdleLock cover the window after idle time (None: the saved
                                                           setting, default 10 minutes; 0 turns it off)
  lock_settings(parent)                                   Settings > App lock: PIN and idle minutes
Every function here turns errors into messages; none lets a traceback reach the provider.
"""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMenu, QMessageBox, QPushButton, QSpinBox,
                               QToolTip, QVBoxLayout, QWidget)

from immudesk.errors import DamagedDatabase, DatabaseError, UserError
from immudesk.store import backup as backups
from immudesk.store import crypto, operations
from immudesk.store.backup import newest_good_backup
from immudesk.store.integrity import check_file

from . import wording
from .messages import ask, show_error, show_message

translate = QCoreApplication.translate

DEFAULT_LOCK_MINUTES = 10
LOCK_COLOUR = "#2f3b45"
LOCK_MINUTES_SETTING = "app_lock_minutes"

# What counts as the provider being at the keyboard: these reset the idle clock.
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.TabletPress}
# What the lock must keep from reaching the window beneath it: input, and what shows a record's text without a
# window (a tooltip over a roster row, "What's this?", a drag and drop).
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
          QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
          QEvent.Type.Wheel, QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis,
          QEvent.Type.StatusTip, QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}
# Sent to a QAction, not a widget: a menu shortcut (Ctrl+E wrote the roster to a file under the lock).
_SHORTCUTS = {QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride}


def _db_path(parent, store_path) -> Path:
    if store_path is not None:
        return Path(store_path)
    return Path(parent.store.path)


# -- backup and restore ---------------------------------------------------------------------------------
def backup_now(parent: QWidget | None, store_path=None) -> Path | None:
    """Take a verified backup into the backups folder and say where it is."""
    try:
        path = backups.make_backup(_db_path(parent, store_path), "manual")
    except Exception as error:  # noqa: BLE001 - every failure becomes a message
        show_error(parent, error)
        return None
    show_message(parent, translate("Safety", "Backed up"),
                 translate("Safety", "All records were copied and checked.\n\nThe copy is {path}").format(path=path),
                 icon=QMessageBox.Icon.Information)
    return path


def start_of_day(parent: QWidget | None, store_path) -> Path | None:
    """The daily backup, once per day; a failure is reported but never stops the window opening."""
    try:
        return backups.daily_backup(Path(store_path))
    except Exception as error:  # noqa: BLE001
        show_error(parent, error)
        return None


class RestoreDialog(QDialog):
    """The backups, newest first, each marked good or damaged; or another file chosen from disk."""

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Safety", "Restore from a backup"))
        self.db_path = db_path
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Safety", "Choose the copy to go back to. The records as they are now are "
                                                    "kept "
                                                    "as a backup first, so this can be undone.")))
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        key = crypto.passphrase_for(db_path)
        for entry in backups.list_backups(db_path):
            good = not check_file(entry.path, key)
            item = QListWidgetItem(f"{wording.day(entry.taken_at.date())}, {entry.taken_at:%H:%M}  –  "
                                   f"{backup_reason(entry.reason)}"
                                   + ("" if good else "  " + translate("Safety", "(damaged: cannot be restored)")))
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            if not good:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        if self.list.count() == 0:
            self.list.addItem(QListWidgetItem(translate("Safety", "No backups yet.")))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(translate("Safety", "Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        other = buttons.addButton(translate("Safety", "Another file…"), QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self._choose_file)
        buttons.accepted.connect(self._accept_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept_selected())
        for row in range(self.list.count()):
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentRow(row)
                break

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return
        self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        self.accept()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("Safety", "Restore from a file"), str(Path.home()),
                                              translate("Safety", "immudesk databases (*.sqlite3 *.db);;All files (*)"))
        if path:
            self.chosen = Path(path)
            self.accept()


def restore_backup(parent: QWidget | None, store_path=None, source=None) -> bool:
    """Ask which backup (unless source is given), confirm, restore, and say where the old records were kept."""
    try:
        db_path = _db_path(parent, store_path)
        if source is None:
            dialog = RestoreDialog(db_path, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
                return False
            source = dialog.chosen
        if not ask(parent, translate("Safety", "Restore from a backup"),
                   translate("Safety", "Replace all records with the copy in {file}?\n\nThe records as they are now "
                                       "are kept "
                                       "as a backup first.").format(file=Path(source).name),
                   yes=translate("Safety", "Restore"), no=translate("Safety", "Cancel")):
            return False
        result = operations.restore(db_path, Path(source))
    except Exception as error:  # noqa: BLE001
        show_error(parent, error)
        return False
    show_message(parent, translate("Safety", "Restored"),
                 translate("Safety", "The records are back as they were in {file}.").format(file=result.source.name)
                 + ("\n\n" + translate("Safety", "The records you had before are kept in "
                                                 "{file}").format(file=result.kept)
                    if result.kept else ""),
                 icon=QMessageBox.Icon.Information)
    return True


restore_from = restore_backup  # the name the issue used


# -- passphrase ------------------------------------------------------------------------------------------
class PassphraseDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None, message: str = ""):
        super().__init__(parent)
        self.setWindowTitle(translate("Safety", "immudesk is locked"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(message or translate("Safety", "The records in {file} are encrypted. Type the "
                                                               "passphrase.").format(file=path.name)))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Passphrase")
        layout.addWidget(self.field)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #a00000")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_passphrase(parent: QWidget | None, path, attempts: int = 5) -> str | None:
    """Ask for the passphrase of the encrypted database at path until it opens it (or the provider cancels);
    the right one is remembered for this session. Returns it, or None."""
    path = Path(path)
    dialog = PassphraseDialog(path, parent)
    for attempt in range(attempts):
        dialog.field.clear()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        text = dialog.field.text()
        if text and crypto.check_passphrase(path, text):
            crypto.remember_passphrase(path, text)
            return text
        dialog.problem.setText(translate("Safety", "That passphrase does not open these records. Letters and case "
                                                   "matter."))
    show_message(parent, "immudesk", translate("Safety", "The passphrase was not right. A lost passphrase cannot be "
                                                         "recovered; if you have a backup from before encryption was "
                                                         "turned on, it can be restored."))
    return None


def open_store_asking(parent: QWidget | None, db=None):
    """open_store for the window: asks for the passphrase when needed, and for a damaged database offers the
    newest good backup (restoring only if the provider agrees). Returns an open Store, or None."""
    from immudesk.store import open_store
    from immudesk.store.paths import resolve_db_path

    path = resolve_db_path(db)
    for _ in range(2):
        try:
            return open_store(path)
        except crypto.PassphraseNeeded as error:
            if ask_passphrase(parent, path) is None:
                # Cancel: the file may be no database at all (overwritten), not encrypted; a backup that can
                # be checked without a passphrase is then the way back.
                good = newest_good_backup(path)
                if good is None or not ask(parent, translate("Safety", "The records could not be opened"),
                                           f"{error}\n\n" + translate("Safety", "Restore the newest good backup "
                                                                                "({file}) "
                                                                                "instead?").format(file=good.name),
                                           yes=translate("Safety", "Restore it"), no=translate("Safety", "Not now")):
                    return None
                if not restore_backup(parent, path, good):
                    return None
        except DatabaseError as error:
            good = newest_good_backup(path) if isinstance(error, DamagedDatabase) else None
            if good is None:
                show_error(parent, error)
                return None
            if not ask(parent, translate("Safety", "The records file is damaged"),
                       f"{error}\n\n" + translate("Safety", "Restore the newest good backup now?"),
                       yes=translate("Safety", "Restore it"), no=translate("Safety", "Not now")):
                return None
            if not restore_backup(parent, path, good):
                return None
        except Exception as error:  # noqa: BLE001
            show_error(parent, error)
            return None
    return None


# -- the idle lock ---------------------------------------------------------------------------------------
def _lock_minutes(store) -> int:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (LOCK_MINUTES_SETTING,)).fetchone()
    try:
        return int(row[0]) if row else DEFAULT_LOCK_MINUTES
    except ValueError:
        return DEFAULT_LOCK_MINUTES


class LockScreen(QWidget):
    """Covers the whole window (menus included) until the passphrase, the PIN, or, with neither set, a click."""

    def __init__(self, window: QWidget, unlock):
        super().__init__(window)
        self.setObjectName("lock_screen")
        # A plain QWidget subclass paints no style-sheet background without WA_StyledBackground: the roster stayed
        # readable under "immudesk is locked". The palette colour is the same, for a style that ignores the sheet.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(LOCK_COLOUR))
        self.setPalette(palette)
        self.setStyleSheet(f"#lock_screen {{ background: {LOCK_COLOUR}; }} "
                           "QLabel { color: white; font-size: 15px; }")
        self._unlock = unlock
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(translate("Safety", "immudesk is locked"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 22px; font-weight: bold")
        layout.addWidget(self.title)
        self.hint = QLabel("")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Passphrase or PIN")
        self.field.setMaximumWidth(320)
        self.field.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.field, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton(translate("Safety", "Unlock"))
        self.button.clicked.connect(self.try_unlock)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.problem = QLabel("")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.problem)
        layout.addStretch(2)
        self.failures = 0

    def prepare(self, method: str | None) -> None:
        self.field.clear()
        self.problem.clear()
        self.field.setVisible(method is not None)
        self.hint.setText({"passphrase": translate("Safety", "Type the passphrase to see the records again."),
                           "pin": translate("Safety", "Type your PIN to see the records again."),
                           None: translate("Safety", "The records are hidden while nobody is at the computer. Set a "
                                                     "PIN "
                                                     "in Settings > App lock so only you can unlock.")}[method])
        self.button.setText(translate("Safety", "Unlock") if method else translate("Safety", "Show the records"))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The field passes Enter on after unlocking: over a dialog it would press the dialog's default button
        # (Save a record, OK a question) with keys meant for the lock. It stops here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.accept()
            return
        super().keyPressEvent(event)

    def try_unlock(self) -> None:
        if not self.button.isEnabled():
            return
        if self._unlock(self.field.text()):
            self.failures = 0
            return
        self.failures += 1
        self.field.clear()
        self.problem.setText(translate("Safety", "That is not right. Try again."))
        # A growing pause after wrong guesses makes trying every PIN at the keyboard impractical.
        if self.failures >= 3:
            self.button.setEnabled(False)
            self.field.setEnabled(False)
            QTimer.singleShot(min(30, 2 ** (self.failures - 3)) * 1000, self._allow_again)

    def _allow_again(self) -> None:
        self.button.setEnabled(True)
        self.field.setEnabled(True)
        self.field.setFocus()


class IdleLock(QObject):
    """Counts idle time through an event filter on the QApplication; covers the window when it runs out."""

    def __init__(self, window: QWidget, minutes: float, db_path: Path):
        super().__init__(window)
        self.window = window
        self.db_path = Path(db_path)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.screen = LockScreen(window, self.unlock)
        self.screen.hide()
        self.covers: list[LockScreen] = []
        self._disabled: list[QAction] = []
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)
        window.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.screen.isVisible()

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        if minutes and minutes > 0:
            self.timer.setInterval(max(1, int(minutes * 60_000)))
            if not self.locked:
                self.timer.start()
        else:
            self.timer.stop()

    def method(self) -> str | None:
        """How to unlock: the passphrase of an encrypted database, else the PIN if one is set, else a click."""
        if crypto.is_encrypted(self.db_path):
            return "passphrase"
        store = getattr(self.window, "store", None)
        return "pin" if store is not None and crypto.has_pin(store) else None

    def lock(self) -> None:
        if self.locked:
            return
        self.timer.stop()
        method = self.method()
        QToolTip.hideText()
        self.screen.prepare(method)
        self.screen.setGeometry(self.window.rect())
        self.screen.show()
        self.screen.raise_()
        # A dialog open over the records (a child's record being edited) gets its own lock screen instead of
        # being hidden: hiding would end it and lose what was typed; and a modal dialog is the only window
        # that takes keys, so the provider unlocks there.
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not self.window:
                self._cover(widget, method)
        self._disable_actions()
        active = QApplication.activeModalWidget()
        target = next((c for c in self.covers if c.parent() is active), self.screen)
        target.field.setFocus() if target.field.isVisible() else target.button.setFocus()

    def _cover(self, widget: QWidget, method: str | None) -> None:
        """Hide a window other than the main one under its own lock screen (a menu or a tooltip is closed)."""
        if isinstance(widget, QMenu) or widget.inherits("QTipLabel"):
            widget.close()  # an open menu would float above the lock screen
            return
        if any(cover.parent() is widget for cover in self.covers) or self._inside_screen(widget):
            return
        cover = LockScreen(widget, self.unlock)
        cover.prepare(method)
        cover.setGeometry(widget.rect())
        cover.show()
        cover.raise_()
        self.covers.append(cover)

    def _disable_actions(self) -> None:
        """Every menu entry and shortcut off while locked (restored as it was by unlock): a shortcut goes to its
        QAction, past any widget, so filtering keys alone let Ctrl+E export the roster under the lock."""
        self._disabled = []
        for window in QApplication.topLevelWidgets():
            for action in window.findChildren(QAction):
                if action.isEnabled() and not self._inside_screen(action):
                    action.setEnabled(False)
                    self._disabled.append(action)

    def unlock(self, secret: str) -> bool:
        method = self.method()
        if method == "passphrase":
            ok = bool(secret) and crypto.check_passphrase(self.db_path, secret)
        elif method == "pin":
            ok = crypto.check_pin(self.window.store, secret)
        else:
            ok = True
        if ok:
            self.screen.hide()
            for cover in self.covers:
                cover.hide()
                cover.deleteLater()
            self.covers = []
            for action in self._disabled:
                if shiboken6.isValid(action):   # its window may have closed meanwhile
                    action.setEnabled(True)
            self._disabled = []
            if self.minutes and self.minutes > 0:
                self.timer.start()
        return ok

    def _inside_screen(self, watched) -> bool:
        screens = (self.screen, *self.covers)
        while isinstance(watched, QObject) and watched is not None:
            if any(watched is screen for screen in screens):
                return True
            watched = watched.parent()
        return False

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize and self.locked:
            self.screen.setGeometry(self.window.rect())
        if watched is self.window and kind == QEvent.Type.Close:
            self.timer.stop()   # the window and its records are going away: nothing left to cover
        if self.locked:
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() \
                    and watched is not self.window:
                self._cover(watched, self.method())   # a window that opens while locked (a message) is covered too
            # Nothing reaches the records beneath: no keys, clicks or shortcuts outside the lock screen.
            # Only widgets and actions are filtered: the window-system object a key arrives at first must pass it
            # on, or the lock screen's own field would never get it.
            if kind in _SHORTCUTS and not self._inside_screen(watched):
                return True
            return kind in _INPUT and isinstance(watched, QWidget) and not self._inside_screen(watched)
        if kind in _ACTIVITY and self.minutes and self.minutes > 0:
            self.timer.start()
        return False


def install_idle_lock(main_window: QWidget, minutes: float | None = None) -> IdleLock:
    """Lock main_window after `minutes` without keyboard or mouse (None: the saved setting; 0: never).
    The window must have .store (an open Store). Calling it again updates the same lock."""
    existing = getattr(main_window, "idle_lock", None)
    if minutes is None:
        minutes = _lock_minutes(main_window.store)
    if isinstance(existing, IdleLock):
        existing.set_minutes(minutes)
        return existing
    lock = IdleLock(main_window, minutes, Path(main_window.store.path))
    main_window.idle_lock = lock
    return lock


class LockSettingsDialog(QDialog):
    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Safety", "App lock"))
        self.store = store
        layout = QVBoxLayout(self)
        encrypted = crypto.is_encrypted(Path(store.path))
        layout.addWidget(QLabel(
            translate("Safety", "When nobody has used immudesk for a while, it covers the records until you unlock it.")
            + " " + (translate("Safety", "The records are encrypted, so the lock asks for the "
                                         "passphrase.") if encrypted else
                     translate("Safety", "Set a PIN (4 or more characters) so only you can unlock; leave both PIN "
                                         "fields "
                                         "empty to keep the current one."))))
        form = QFormLayout()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setSuffix(" " + translate("Safety", "minutes"))
        self.minutes.setSpecialValueText(translate("Safety", "never"))
        self.minutes.setValue(_lock_minutes(store))
        self.minutes.setAccessibleName("Lock after")
        form.addRow(translate("Safety", "Lock after"), self.minutes)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit()
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        if not encrypted:
            form.addRow(translate("Safety", "New PIN"), self.pin)
            form.addRow(translate("Safety", "The same PIN again"), self.pin_again)
        layout.addLayout(form)
        self.problem = QLabel("")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        pin, again = self.pin.text(), self.pin_again.text()
        if pin != again:
            self.problem.setText(translate("Safety", "The two PINs differ."))
            return
        try:
            with self.store.transaction():
                if pin:
                    crypto.set_pin(self.store, pin)
                self.store.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                        (LOCK_MINUTES_SETTING, str(self.minutes.value())))
        except UserError as error:
            self.problem.setText(str(error).capitalize() + ".")
            return
        self.accept()


BACKUP_REASONS = {"manual": QT_TRANSLATE_NOOP("Safety", "manual"),
                  "daily": QT_TRANSLATE_NOOP("Safety", "daily"),
                  "before-restore": QT_TRANSLATE_NOOP("Safety", "before restore"),
                  "before-import": QT_TRANSLATE_NOOP("Safety", "before import"),
                  "before-migration": QT_TRANSLATE_NOOP("Safety", "before update")}


def backup_reason(reason: str) -> str:
    """Why a backup was taken, as the restore list says it ("before restore")."""
    known = BACKUP_REASONS.get(reason)
    return translate("Safety", known) if known else reason.replace("-", " ")


def lock_settings(parent: QWidget) -> bool:
    """Settings > App lock: the idle time and the PIN; applies to the window at once."""
    try:
        dialog = LockSettingsDialog(parent.store, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        install_idle_lock(parent, dialog.minutes.value())
        return True
    except Exception as error:  # noqa: BLE001
        show_error(parent, error)
        return False
