"""Starting the window: `immudesk gui [--screenshot PATH] [--as-of DATE]` (INTERFACES.md "The window").

Opens the database by the same rule as every command (context.open_store), offers the first-run assistant on
an empty database, and turns every error into a message: a provider never sees a traceback.
"""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from immudesk import __version__, dates
from immudesk.errors import UserError

SCREENSHOT_SIZE = (1280, 720)


def application() -> QApplication:
    """The one QApplication, set up for sharp text and icons on high-DPI screens."""
    existing = QApplication.instance()
    if existing is not None:
        return existing
    # Fractional scaling (125 %, 150 %) as the system asks, instead of rounding to whole multiples.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("immudesk")
    QCoreApplication.setApplicationName("immudesk")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("immudesk")
    app.setDesktopFileName("immudesk")
    return app


def _as_of(args) -> date:
    text = getattr(args, "as_of", None)
    if not text:
        return dates.today()
    try:
        return dates.check_in_range(dates.parse_date(text), "the date")
    except dates.DateError as error:
        raise UserError(f"--as-of: {error}") from None


def open_records(context):
    """The open Store for the window, or None once the provider has been told why not. A plain, whole file
    (the usual case) opens without ui.safety, whose dialogs take ~10 ms to load; an encrypted or damaged
    file, or any other refusal, goes to ui.safety for the passphrase prompt or the offer of the newest good
    backup, and its message stays until read, as there is no window yet to keep immudesk open."""
    try:
        return context.open_store()
    except Exception:  # noqa: BLE001 - ui.safety opens again, asking or explaining
        pass
    from . import messages, safety

    store = safety.open_store_asking(None, context.db)
    if store is None:
        messages.wait_until_read()
    return store


def after_first_frame(window, db_path) -> None:
    """The day's first backup and the idle lock that covers the records when the laptop is left alone: once
    the window is on screen, so neither delays it."""
    from immudesk.demo import is_practice_path

    from . import safety
    from .messages import show_error

    if not is_practice_path(db_path):   # invented children need no backup beside the provider's own
        safety.start_of_day(window, db_path)
    try:
        safety.install_idle_lock(window)
    except Exception as error:  # noqa: BLE001 - the window works without the lock; say why
        show_error(window, error)


# -- one window per records file ------------------------------------------------------------------------
def _window_name(db_path: Path) -> str:
    """The local socket name of the window that has db_path open: one per file and per user account."""
    import getpass
    import hashlib

    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name: the path alone still tells files apart
        user = ""
    key = f"{user}\0{Path(os.path.abspath(db_path))}".encode("utf-8", "surrogatepass")
    return "immudesk-" + hashlib.sha256(key).hexdigest()[:32]


def claim_window(db_path: Path):
    """Become the one window for db_path: returns a QLocalServer to keep while the window is open, or None when
    another immudesk window already has the file (it was asked to come to the front). A provider who
    double-clicks the icon twice gets the window they already have, not a second one on the same records."""
    from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

    name = _window_name(db_path)
    socket = QLocalSocket()
    socket.connectToServer(name)
    if socket.waitForConnected(1000):
        socket.write(b"front\n")
        socket.waitForBytesWritten(1000)
        socket.disconnectFromServer()
        return None
    server = QLocalServer()
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)   # other accounts cannot connect
    if not server.listen(name) and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
        QLocalServer.removeServer(name)   # left by a window that crashed: nobody answered above
        server.listen(name)
    return server


def bring_to_front_on_request(server, current_window) -> None:
    """When a second start asks (claim_window), show the window shown now (current_window() gives it: the
    session may have switched to the demo or back) in front, restored if it was minimized."""
    def front() -> None:
        while server.hasPendingConnections():
            server.nextPendingConnection().deleteLater()
        window = current_window()
        if window is None:
            return
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized | Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(front)


class Session:
    """The window on one records file at a time: the provider's own, or the demo's practice file beside it, and
    the switch between them (the first run's "Try the demo", File → Back to my own records / Try the demo)."""

    def __init__(self, as_of: date):
        self.as_of = as_of
        self.window = None
        self.store = None

    def start(self, store) -> bool:
        """Show the window on `store`, after the first-run assistant when the file is new. False (and the store
        closed) when the provider closed the assistant: nothing to show."""
        from immudesk.demo import open_practice

        from .first_run import FirstRunAssistant
        from .main_window import MainWindow

        if needs_first_run(store):
            assistant = FirstRunAssistant(store)
            if assistant.exec() != assistant.DialogCode.Accepted.value:
                store.close()
                return False
            if assistant.choice == "demo":
                store.close()
                store, _added = open_practice(store.path, dates.today())
        window = MainWindow(store, as_of=self.as_of)
        window.first_frame.connect(lambda: after_first_frame(window, store.path))
        window.switch_records.connect(self.switch)
        previous = (self.window, self.store)
        self.window, self.store = window, store
        window.show()   # before the old window closes, so the application does not quit in between
        window.activateWindow()   # the keyboard goes to the new window, not to the one closing
        self._forget(*previous)
        return True

    def switch(self, to_demo: bool) -> None:
        """Open the demo's practice file, or the provider's own records, in place of the file shown now."""
        from immudesk.cli import Context
        from immudesk.demo import open_practice, records_path

        from .messages import show_error

        records = records_path(self.store.path)
        try:
            target = open_practice(records, dates.today())[0] if to_demo else open_records(Context(db=str(records)))
        except Exception as error:  # noqa: BLE001 - the window shown now stays; say why
            show_error(self.window, error)
            return
        if target is not None:
            self.start(target)

    @staticmethod
    def _forget(window, store) -> None:
        if window is not None:
            window.close()
            window.deleteLater()   # with its idle lock and timers: nothing may read the closed store later
        if store is not None:
            store.close()

    def close(self) -> None:
        self._forget(None, self.store)
        self.store = None


def needs_first_run(store) -> bool:
    """A new database: no children and no facility name yet."""
    return store.count_children() == 0 and not store.facility().name.strip()


def take_screenshot(window, path: str) -> None:
    from PySide6.QtWidgets import QApplication as _App

    window.resize(*SCREENSHOT_SIZE)
    window.wait_for_statuses()
    window.show()
    for _ in range(3):
        _App.processEvents()
    from PySide6.QtCore import QBuffer, QIODevice

    from immudesk.store.paths import write_private

    # The screenshot shows children's names: private to the provider like the records (paths.write_private).
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        if not window.grab().save(buffer, "PNG"):
            raise OSError("the image could not be made")
        write_private(path, bytes(buffer.data()))
    except OSError as error:
        raise UserError(f"could not write the screenshot to {path} ({getattr(error, 'strerror', None) or error}; "
                        "check the folder exists and is writable)") from None


def _choose_platform(screenshot: bool) -> None:
    """A screenshot needs no screen: render offscreen unless the caller chose a platform. Without a screen
    Qt would abort the whole process (no message, a core dump), so the window says what is missing instead."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise UserError("there is no screen to open the window on (no DISPLAY or WAYLAND_DISPLAY); start immudesk "
                        "from the desktop, or use the commands (`immudesk --help`) and `immudesk gui --screenshot`")


def run(args, context) -> int:
    screenshot = getattr(args, "screenshot", None)
    as_of = _as_of(args)   # a bad --as-of is the provider's typo: the CLI prints it, exit 2
    _choose_platform(bool(screenshot))
    app = application()
    from . import language
    from .messages import install_excepthook, show_error

    language.install()   # before any window: every label is made in the provider's language

    if screenshot:
        store = context.open_store()   # DatabaseError here goes to the CLI: message on stderr, no window
    else:
        install_excepthook()
        from immudesk.store.paths import resolve_db_path

        db_path = resolve_db_path(context.db)
        server = claim_window(db_path)
        if server is None:
            print(QCoreApplication.translate("App", "immudesk is already open on {file}: its window was brought to the "
                                                    "front.").format(file=db_path))
            return 0
        store = open_records(context)
        if store is None:
            return 1
    from .main_window import MainWindow

    if screenshot:
        with store:
            # Throw-away settings: a screenshot shows the window as a new provider first sees it, whatever
            # sizes this computer's user remembered, and leaves those settings alone.
            from . import messages

            del messages.errors_shown[:]
            with tempfile.TemporaryDirectory() as folder:
                settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
                window = MainWindow(store, as_of=as_of, settings=settings)
                take_screenshot(window, screenshot)
                window.close()
                del settings
            if messages.errors_shown:
                # Nobody is there to read the dialog: say on stderr what the window would have said.
                for error in messages.errors_shown:
                    print("immudesk: " + QCoreApplication.translate("App", "the window could not show everything: "
                                                                           "{error}").format(
                        error=error), file=sys.stderr)
                return 1
            print(QCoreApplication.translate("App", "Saved a screenshot of the window to "
                                                    "{file}").format(file=screenshot))
            return 0
    session = Session(as_of)
    bring_to_front_on_request(server, lambda: session.window)
    if not session.start(store):
        return 0   # the provider closed the first-run assistant: nothing was written, nothing to show
    try:
        code = app.exec()
    except Exception as error:  # noqa: BLE001
        show_error(None, error)
        return 1
    finally:
        session.close()
    if getattr(session.window, "restart_requested", False):   # Settings → Language: start again in it
        server.close()
        language.restart()
    return code
