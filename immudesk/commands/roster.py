"""`immudesk import-roster FILE.csv [--update]` and `immudesk export-roster FILE.csv`."""
from __future__ import annotations

from ..errors import UserError


def register(subparsers) -> None:
    parser = subparsers.add_parser("import-roster", help="add the children in a roster CSV (all or nothing)")
    parser.add_argument("file", metavar="FILE.csv")
    parser.add_argument("--update", action="store_true",
                        help="replace the record of a child already on the roster (same name and birth date)")
    parser.set_defaults(run=run_import)
    parser = subparsers.add_parser("export-roster", help="write the whole roster as CSV (the import format)")
    parser.add_argument("file", metavar="FILE.csv")
    parser.set_defaults(run=run_export)


def run_import(args, context) -> int:
    from ..store.operations import import_roster_with_backup

    with context.open_store() as store:
        # A verified backup is taken first, and the import is written to the change log (issue 7).
        added, updated = import_roster_with_backup(store, args.file, update=args.update)
    print(f"Imported {added} child{'ren' if added != 1 else ''}"
          + (f", updated {updated}" if updated else "") + f" from {args.file}.")
    return 0


def run_export(args, context) -> int:
    from ..roster_csv import export_roster

    with context.open_store() as store:
        try:
            count = export_roster(store, args.file)
        except OSError as error:
            raise UserError(f"cannot write {args.file}: {error.strerror or error}") from None
    print(f"Wrote {count} child{'ren' if count != 1 else ''} to {args.file}.")
    return 0
