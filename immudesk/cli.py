"""The command line: `immudesk [--db PATH] COMMAND ...` (INTERFACES.md). The same operations as the window.

Each command lives in its own module under immudesk/commands/ with a `register(subparsers)` function that
adds its parser and sets `run(args, context) -> int`. Errors the provider can fix (UserError) print a clear
message and exit 2 (or the error's own status); anything else is our bug: a short apology on stderr, the
details in a log file, exit 70. A provider never sees a traceback.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import difflib
import re
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import __version__
from .commands import COMMAND_MODULES
from .errors import InputProblems, UserError
from .i18n import N_, _, ngettext
from .store import open_store
from .store.paths import log_dir, make_private_dir

EXIT_INTERNAL = 70


@dataclass
class Context:
    """What every command gets: how to open the store, and (in the full app) how to open the window."""
    db: str | None
    gui_runner: Callable | None = None

    def open_store(self):
        return open_store(self.db)

    def use_demo(self) -> None:
        """--demo: every command (and the window) works on the demo's practice file beside the records, made
        and filled with the demo home when it does not exist yet. The records themselves are not opened."""
        from .dates import today
        from .demo import open_practice
        from .store.paths import resolve_db_path

        store, _added = open_practice(resolve_db_path(self.db), today())
        store.close()
        self.db = str(store.path)


# argparse's own words ("usage:", "options", "invalid choice: ..."), as our catalogue holds them. argparse says
# them through the names `_` and `ngettext` it imports from gettext, looked up each time it speaks; these are the
# ones an immudesk command line can show (not the programmer's errors, nor plurals: no option takes a count of
# arguments). The catalogue (tools/build_catalogues.py --update) finds them here. INVALID_CHOICE is the wording
# of a refused choice, whose value "did you mean" reads.
INVALID_CHOICE = N_("invalid choice: %(value)r (choose from %(choices)s)")
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"), N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"), N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"), N_("ignored explicit argument %r"), N_("expected one argument"),
    N_("expected at most one argument"), N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"), INVALID_CHOICE,
    N_("can't open '%(filename)s': %(error)s"),
)


def speak_argparse_in_our_language() -> None:
    """Points argparse's two look-ups (its module-level `_` and `ngettext`, which it reads each time it speaks) at
    immudesk.i18n, so that argparse's words come from immudesk's catalogue in the language immudesk speaks.

    Why not the other ways: gettext's own functions, which argparse calls, read the global "messages" domain and the
    environment only: binding immudesk's catalogue there (gettext.textdomain) would change the domain of every
    library in the process and would not follow Settings -> Language (i18n.use_language). A subclass cannot do it:
    the words are said inside argparse's functions (format_usage, _check_value, parse_known_args...). Repeating it
    is harmless: the names then point where they already did."""
    argparse._ = _
    argparse.ngettext = ngettext


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors with exit 2 and a hint, never a traceback."""

    def error(self, message: str):  # noqa: D401 - argparse's own signature
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n{self._did_you_mean(message)}"
                     + _("Run '{program} --help' to see what it accepts.").format(program=self.prog) + "\n")

    def _did_you_mean(self, message: str) -> str:
        """'Did you mean ...?' for a misspelled command or choice (argparse names the word it refused)."""
        said = _(INVALID_CHOICE).split("%(value)r")[0]     # argparse said it in the language of the moment
        refused = re.search(re.escape(said) + r"'([^']*)'", message)
        if not refused:
            return ""
        choices = [str(c) for action in self._actions if action.choices for c in action.choices]
        close = difflib.get_close_matches(refused.group(1).lower(), choices, n=1, cutoff=0.6)
        return _("Did you mean '{word}'?").format(word=close[0]) + "\n" if close else ""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, its help in the language immudesk speaks now: the words are translated here, when
    the parser is built (main() builds it each run), never when a module is imported."""
    speak_argparse_in_our_language()
    parser = _Parser(prog="immudesk", description=_("Immunization records and compliance for a child care home."))
    parser.add_argument("--db", metavar="PATH",
                        help=_("the database file (default: $IMMUDESK_DB, else the user data folder)"))
    parser.add_argument("--demo", action="store_true",
                        help=_("work on the demo home, a practice file beside your records (see `immudesk demo`)"))
    parser.add_argument("--version", action="version", version=f"immudesk {__version__}",
                        help=_("show program's version number and exit"))   # argparse does not translate this one
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None, gui_runner: Callable | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    context = Context(db=args.db, gui_runner=gui_runner)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    try:
        if args.demo and args.command != "demo":
            context.use_demo()
        return args.run(args, context) or 0
    except InputProblems as problems:
        for line in problems.problems:
            print(line, file=sys.stderr)
        return problems.exit_status
    except UserError as error:
        print(f"immudesk: {_(str(error))}", file=sys.stderr)   # translated when the catalogue has the sentence
        return error.exit_status
    except KeyboardInterrupt:
        print("immudesk: " + _("stopped."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:  # our bug: keep the details for support, spare the provider the traceback
        log = write_crash_log(traceback.format_exc())
        print("immudesk: " + _("something went wrong inside immudesk; nothing was half-saved. "
                               "Details for support are in {log}").format(log=log), file=sys.stderr)
        return EXIT_INTERNAL


def write_crash_log(details: str) -> Path:
    folder = log_dir()
    try:
        make_private_dir(folder)
        stamp = f"{_dt.datetime.now():%Y%m%d-%H%M%S-%f}"
        for number in range(100):
            # Never overwrite an earlier log, even of a crash in the same microsecond (O_EXCL).
            path = folder / (f"crash-{stamp}.log" if number == 0 else f"crash-{stamp}-{number}.log")
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(f"immudesk {__version__}\n{details}")
            return path
    except OSError:
        pass
    return Path("(the log folder could not be written)")


def console_main() -> None:
    """Entry point of `python -m immudesk`: the command line without the window."""
    sys.exit(main())
