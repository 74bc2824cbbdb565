"""`immudesk prepare-email [--as-of DATE] [--report-year YEAR] [--out FOLDER]`: a folder with the annual report
PDF, the CSV of counts and a ready .eml draft to the state's questions address. Counts only, no child's name.
The draft is not the filing (NC takes the report only online), and the output says so first."""
from __future__ import annotations

from ..errors import UserError
from ..i18n import _
from .report import report_year, snapshot_for


def register(subparsers) -> None:
    parser = subparsers.add_parser("prepare-email",
                                   help=_("report PDF + counts CSV + an e-mail draft (not the filing)"))
    parser.add_argument("--as-of", metavar="DATE", help=_("the day the records are judged (default: today)"))
    parser.add_argument("--report-year", metavar="YEAR", type=report_year,
                        help=_("the report period (default: the next due)"))
    parser.add_argument("--out", metavar="FOLDER", help=_("the folder to write (default: ./immudesk-report-YEAR)"))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..reports.email_draft import (
        prepare_email,  # reportlab loads only when a document is made
    )

    with context.open_store() as store:
        snapshot = snapshot_for(args, store, form="the e-mail to the state")
    folder = args.out or f"immudesk-report-{snapshot.period.year}"
    try:
        package = prepare_email(snapshot, folder)
    except OSError as error:
        raise UserError(_("cannot write {path}: {problem}").format(path=folder,
                                                                   problem=error.strerror or error)) from None
    if package.filing_note:
        print(package.filing_note)     # the state's own words (resources/letters), as the draft says them
    send = (_("open it with your mail program, check it, and send it to {address}").format(address=package.to)
            if package.to else _("open it with your mail program, check it, add the address and send it"))
    print(_("Prepared {folder}:").format(folder=package.folder)
          + f"\n  {package.report_pdf.name}\n  {package.counts_csv.name}\n  {package.draft.name}  ({send})")
    return 0
