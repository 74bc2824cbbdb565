"""The `immudesk` program: the core's command line, plus the window for `immudesk` / `immudesk gui`.

Qt is imported only when the window is wanted, so the other commands start fast and work without a display.
"""
from __future__ import annotations

import sys


def run_gui(args, context) -> int:
    from .app import run  # imports PySide6

    return run(args, context)


def main(argv: list[str] | None = None) -> None:
    from immudesk.cli import main as cli_main

    sys.exit(cli_main(argv, gui_runner=run_gui))


if __name__ == "__main__":
    main()
