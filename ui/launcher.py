"""The `immudesk` program: the core's command line, plus the window for `immudesk` / `immudesk gui`.

Qt is imported only when the window is wanted, so the other commands start fast and work without a display.
`immudesk --smoke-test` is for installers: it proves a build starts (see smoke_test below).
"""
from __future__ import annotations

import os
import sys

SMOKE_TEST_FLAG = "--smoke-test"


def run_gui(args, context) -> int:
    from immudesk.errors import UserError
    from immudesk.store.integrity import start_check_at_open
    from immudesk.store.paths import resolve_db_path

    try:
        start_check_at_open(resolve_db_path(context.db))   # checks the file while Qt loads (see integrity.py)
    except (OSError, UserError):
        pass   # opening the store says what is wrong with the path
    from .app import run  # imports PySide6

    return run(args, context)


def smoke_test() -> int:
    """Start Qt and quit: proves that a build (wheel, PyInstaller bundle, .deb, .app) has its Python modules,
    Qt libraries and plug-ins and its resources folder. Prints the version and where the resources are; exits 0.
    Creates no window and touches no database, so it is safe to run on a provider's machine."""
    try:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build server has no screen
        import importlib.util

        from immudesk import __version__
        from immudesk.cli import build_parser
        from immudesk.resources import resource_path, resources_dir

        build_parser()  # every command module is importable
        folder = resources_dir()
        resource_path("vaccines.json").read_bytes()

        from PySide6 import QtCore, QtGui, QtPdf, QtPrintSupport, QtWidgets  # noqa: F401 - the modules ui/ uses

        # ui/ is `ui` in a checkout and a bundle, `immudesk_ui` in an installed wheel: named by this package.
        window_module = f"{__package__}.app" if importlib.util.find_spec(f"{__package__}.app") else None
        factory = None
        if window_module:  # the window's code and its Qt imports load; its own QApplication set-up is used
            factory = getattr(importlib.import_module(window_module), "application", None)
        app = factory() if factory else (QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1]))
        QtCore.QTimer.singleShot(0, app.quit)
        app.exec()
        print(f"immudesk {__version__}")
        print(f"resources: {folder}")
        print(f"Qt {QtCore.qVersion()}, platform {app.platformName()}, "
              f"window module {'loaded' if window_module else 'not present'}")
        print("smoke test passed")
        return 0
    except Exception:  # a broken build: say exactly what is missing
        import traceback

        traceback.print_exc()
        print("smoke test FAILED", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> None:
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()  # `immudesk evaluate`'s worker processes start here in a frozen build
    argv = list(sys.argv[1:] if argv is None else argv)
    if SMOKE_TEST_FLAG in argv:
        sys.exit(smoke_test())
    from immudesk.cli import main as cli_main

    sys.exit(cli_main(argv, gui_runner=run_gui))


if __name__ == "__main__":
    main()
