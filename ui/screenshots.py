"""The documentation's screenshots, reproducibly: `python -m ui.screenshots --db DEMO.db OUT_DIR [--as-of DATE]`
renders the main window, a child's record, the outbreak list and the first-run assistant offscreen as PNGs.
`--language es` renders the main window, the record and Help in Spanish instead (main-window-es.png, …); the
compiled catalogues are read from resources/translations or $IMMUDESK_TRANSLATIONS (ui.language).

Load the demo home first (`immudesk --db DEMO-demo.sqlite3 demo`: a file named "…-demo" is the practice file). `immudesk gui --screenshot` remains the interface for the
main window alone (INTERFACES.md); this script adds the dialogs for docs/screenshots/.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _grab(widget, path: Path, size=None) -> None:
    from PySide6.QtWidgets import QApplication

    if size:
        widget.resize(*size)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path), "PNG")
    print(f"wrote {path}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--as-of")
    parser.add_argument("--child", default="Noah Patel", help="whose record to show (default: Noah Patel)")
    parser.add_argument("--language", choices=("en", "es"), help="the window's language (default: as the computer)")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from immudesk import dates
    from immudesk.store import open_store

    from .app import SCREENSHOT_SIZE, application
    from .first_run import FirstRunAssistant
    from .main_window import MainWindow

    application()
    args.out.mkdir(parents=True, exist_ok=True)
    as_of = dates.parse_date(args.as_of) if args.as_of else dates.today()
    with tempfile.TemporaryDirectory() as folder, open_store(args.db) as store:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        if args.language:
            from . import language

            settings.setValue(language.SETTING, args.language)
            language.install(settings)
        suffix = "-es" if args.language == "es" else ""
        window = MainWindow(store, as_of=as_of, settings=settings)
        window.wait_for_statuses()
        _grab(window, args.out / f"main-window{suffix}.png", SCREENSHOT_SIZE)
        child = next((c for c in store.children() if c.name == args.child), None)
        if child is not None:
            dialog = window.edit_child(child.id)
            dialog.tabs.setCurrentIndex(1)
            _grab(dialog, args.out / f"child-dialog{suffix}.png", (900, 720))
            if not suffix:
                dialog.tabs.setCurrentIndex(0)
                _grab(dialog, args.out / "child-dialog-family.png", (900, 720))
            dialog.done(0)
        if suffix:   # in Spanish: the window, the record and Help; the other pictures are the English guide's
            help_dialog = window.show_help()
            _grab(help_dialog, args.out / f"help{suffix}.png", (900, 640))
            help_dialog.close()
            window.close()
            return 0
        outbreak = window.show_outbreak()
        if outbreak is not None:
            _grab(outbreak, args.out / "outbreak-view.png", (900, 460))
            outbreak.done(0)
        bad = Path(folder) / "roster.csv"
        bad.write_text("first_name,last_name,birth_date,enrolled_on,DTaP,Hib\n"
                       "Zoe,King,2025-02-30,2026-01-05,,\n"
                       "Isaac,Young,2025-03-01,2026-01-05,2024-01-01,2025-05-01:Fakevax\n", encoding="utf-8")
        problems = window.import_csv(path=str(bad))
        if problems is not None and not isinstance(problems, tuple):
            _grab(problems, args.out / "import-problems.png")
            problems.done(0)
        window.set_as_of(dates.add(as_of, days=30))
        window.wait_for_statuses()
        window.table.clearSelection()   # the record opened above left its row selected
        _grab(window, args.out / "main-window-in-30-days.png", SCREENSHOT_SIZE)
        with open_store(Path(folder) / "new.db") as empty:
            assistant = FirstRunAssistant(empty)
            _grab(assistant, args.out / "first-run.png")
            assistant.next()
            _grab(assistant, args.out / "first-run-facility.png")
            assistant.done(0)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
