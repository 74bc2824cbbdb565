"""`immudesk gui [--screenshot PATH] [--as-of DATE]`: open the window (the window itself lives in ui/)."""
from __future__ import annotations

from ..errors import UserError
from ..i18n import _


def register(subparsers) -> None:
    parser = subparsers.add_parser("gui", help=_("open the immudesk window (the default command)"))
    parser.add_argument("--screenshot", metavar="PATH", help=_("render the main window to a PNG and exit"))
    parser.add_argument("--as-of", metavar="DATE", help=_("show compliance as of this date (default: today)"))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    if context.gui_runner is None:
        # The core never imports Qt; the `immudesk` launcher in ui/ passes the window in.
        raise UserError("the window is not available from `python -m immudesk`; start it with `immudesk gui`")
    return context.gui_runner(args, context)
