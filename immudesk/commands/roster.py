"""`immudesk import-roster FILE.csv [--update]` and `immudesk export-roster FILE.csv`."""
from __future__ import annotations

import argparse
import textwrap

from ..errors import UserError
from ..i18n import N_, _, ngettext
from ..vaccines import GROUP_NAMES

# What each column of the roster CSV holds (INTERFACES.md "Roster CSV"), for `import-roster --help`.
COLUMN_HELP = (
    ("first_name, last_name", N_("the child's name (required)")),
    ("birth_date", N_("required; YYYY-MM-DD or M/D/YYYY (the same two forms in every date column)")),
    ("enrolled_on", N_("the first day of attendance (required)")),
    ("attendance", N_("regular (the default when empty), occasional, before_after_school or school_full_time")),
    ("withdrawn_on", N_("the day the child left; empty while enrolled")),
    ("parent_name, parent_email, parent_phone", N_("for letters and the outbreak list (optional)")),
    ("language", N_("the parent letters' language: en (the default) or es")),
    (", ".join(GROUP_NAMES), N_("the dates of that group's doses, separated by ';'. A date may carry the product "
                             "after a colon, a CVX code or a trade name (2024-05-10:Pediarix); a combination "
                             "vaccine goes under each group it covers")),
    ("varicella_disease", N_("the date (or year) of documented chickenpox")),
    ("medical_exemption", N_("the vaccine groups exempted, separated by ';', or all")),
    ("religious_exemption", N_("yes or no (empty: no)")),
    ("conscientious_exemption", N_("vaccine groups separated by ';', or all (Minnesota's notarized exemption)")),
    ("in_process_until", N_("the date to which a physician certified an extended schedule")),
    ("notes", N_("free text")),
)


def columns_help() -> str:
    lines = textwrap.wrap(_("The roster CSV: UTF-8, comma-separated, a header row naming the columns (any order, "
                            "any case), then one row per child. Only first_name, last_name, birth_date and "
                            "enrolled_on must be there."), 100) + [""]
    for names, meaning in COLUMN_HELP:
        lines.append(f"  {names}")
        lines += textwrap.wrap(_(meaning), 100, initial_indent=" " * 6, subsequent_indent=" " * 6)
    lines += ["", *textwrap.wrap(_("A file with any problem is refused whole, with every problem listed by line "
                                   "and column. Start from the example docs/roster-example.csv (in immudesk's "
                                   "source), or from the header row that 'immudesk export-roster FILE.csv' writes "
                                   "for an empty roster."), 100)]
    return "\n".join(lines)


def register(subparsers) -> None:
    parser = subparsers.add_parser("import-roster", help=_("add the children in a roster CSV (all or nothing)"),
                                   description=_("Add the children in a roster CSV to the records."),
                                   epilog=columns_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", metavar="FILE.csv", help=_("the roster: one row per child (columns below)"))
    parser.add_argument("--update", action="store_true",
                        help=_("replace the record of a child already on the roster (same name and birth date)"))
    parser.set_defaults(run=run_import)
    parser = subparsers.add_parser("export-roster", help=_("write the whole roster as CSV (the import format)"),
                                   description=_("Write the whole roster as CSV, in the format import-roster "
                                                 "reads; an empty roster gives the header row, a spreadsheet to "
                                                 "start from."))
    parser.add_argument("file", metavar="FILE.csv")
    parser.set_defaults(run=run_export)


def run_import(args, context) -> int:
    from ..store.operations import import_roster_with_backup

    with context.open_store() as store:
        # A verified backup is taken first, and the import is written to the change log (issue 7).
        added, updated = import_roster_with_backup(store, args.file, update=args.update)
    print((ngettext("Imported {n} child, updated {updated}, from {file}.",
                    "Imported {n} children, updated {updated}, from {file}.", added) if updated else
           ngettext("Imported {n} child from {file}.", "Imported {n} children from {file}.", added)).format(
        n=added, updated=updated, file=args.file))
    return 0


def run_export(args, context) -> int:
    from ..roster_csv import export_roster

    with context.open_store() as store:
        try:
            count = export_roster(store, args.file)
        except OSError as error:
            raise UserError(_("cannot write {path}: {problem}").format(path=args.file,
                                                                       problem=error.strerror or error)) from None
    print(ngettext("Wrote {n} child to {file}.", "Wrote {n} children to {file}.", count).format(n=count,
                                                                                               file=args.file))
    return 0
