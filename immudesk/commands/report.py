"""`immudesk report [--report-year YEAR] [--as-of DATE] [--format json|csv|pdf] [--out PATH]`: the annual
report (INTERFACES.md). Also the options and file handling the other document commands share."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import EARLIEST, LATEST, DateError, check_in_range, parse_date, today
from ..errors import UserError
from ..i18n import _, format_date
from .facility import note_if_state_not_set, require_form_fields

if TYPE_CHECKING:
    from ..reports.roster import RosterSnapshot


def report_year(text: str) -> int:
    """--report-year as argparse reads it: a year immudesk computes with (dates.check_in_range), or exit 2."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year; write it like 2026") from None
    if not EARLIEST.year <= year <= LATEST.year:
        raise argparse.ArgumentTypeError(f"{year} is outside the years {EARLIEST.year} to {LATEST.year} that "
                                         "immudesk takes; check the year")
    return year


def add_period_options(parser) -> None:
    parser.add_argument("--as-of", metavar="DATE", help=_("the day the records are judged (default: today)"))
    parser.add_argument("--report-year", metavar="YEAR", type=report_year,
                        help=_("the report period (default: the one whose due date is next on or after --as-of)"))


def add_output_options(parser, formats: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=formats,
                        help=_("default: from --out's extension, else {format}").format(format=formats[0]))
    parser.add_argument("--out", metavar="PATH", help=_("the file to write"))


def snapshot_for(args, store, form: str | None = None) -> RosterSnapshot:
    """The roster judged for the command's --as-of and --report-year. `form` names a document for the state
    ("the annual report"): it is refused without the facility fields the state's form asks for; any other
    command says so when no state is set and the default law was applied."""
    from ..reports.roster import (
        take_snapshot,  # the rules and the engine load only when a command needs them
    )
    try:
        as_of = check_in_range(parse_date(args.as_of), "the date") if getattr(args, "as_of", None) else today()
    except DateError as error:
        raise UserError(f"--as-of: {error}") from None
    if form:
        require_form_fields(store, form)
    else:
        note_if_state_not_set(store)
    return take_snapshot(store, as_of, getattr(args, "report_year", None))


def chosen_format(args, formats: tuple[str, ...]) -> str:
    if args.format:
        return args.format
    suffix = Path(args.out).suffix.lower().lstrip(".") if args.out else ""
    return suffix if suffix in formats else formats[0]


def save(path: str | Path, write: Callable[[str], None]) -> Path:
    """Write a document through a temporary file in the same folder, so a failure never leaves half a file
    where the provider expects a whole one; a folder that cannot be written is the provider's to fix."""
    path = Path(path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".immudesk-", suffix=path.suffix, dir=path.parent)
        os.close(handle)
        try:
            write(temporary)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def save_text(path: str | Path, text: str, bom: bool = False) -> Path:
    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            handle.write(text)
    return save(path, write)


FORMATS = ("json", "csv", "pdf")


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help=_("the annual immunization report (NC DHHS 2900A, MN counts)"))
    add_period_options(parser)
    add_output_options(parser, FORMATS)
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..reports import annual  # reportlab loads only when a document is made
    kind = chosen_format(args, FORMATS)
    with context.open_store() as store:
        # The PDF is the state's form; the JSON and CSV are the counts, for scripts (INTERFACES.md).
        snapshot = snapshot_for(args, store, form="the annual report" if kind == "pdf" else None)
    report = annual.annual_report(snapshot)
    if kind == "json":
        text = json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
        if not args.out:
            sys.stdout.write(text)
            return 0
        path = save_text(args.out, text)
    elif kind == "csv":
        if not args.out:
            sys.stdout.write(annual.counts_csv(report))
            return 0
        path = save_text(args.out, annual.counts_csv(report), bom=True)
    else:
        path = save(args.out or f"{report.report_year}-{report.state}-immunization-report.pdf",
                    lambda target: annual.write_pdf(report, target))
    due = (_("due {date}").format(date=format_date(report.due_date)) if report.due_date
           else _("no due date: see the note"))
    print(_("Wrote the {year} report ({due}) to {path}.").format(year=report.report_year, due=due, path=path),
          file=sys.stderr)
    if report.to_verify:
        print(_("Note: {note}").format(note=report.to_verify), file=sys.stderr)
    warning = report.school_age_warning()
    if warning:
        print(f"{warning} Counted: {', '.join(report.school_age)}.", file=sys.stderr)
    return 0
