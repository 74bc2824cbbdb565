"""`immudesk worksheets [--as-of DATE] [--report-year YEAR] [--format pdf|csv] [--out PATH]`: NC's age
worksheets (DHHS 2900B), the children behind the report's numbers. Kept by the provider, never sent."""
from __future__ import annotations

import sys

from ..errors import UserError
from ..i18n import _, ngettext
from .report import (
    add_output_options,
    add_period_options,
    chosen_format,
    save,
    save_text,
    snapshot_for,
)

FORMATS = ("pdf", "csv")


def register(subparsers) -> None:
    parser = subparsers.add_parser("worksheets",
                                   help=_("the age worksheets behind the annual report (NC DHHS 2900B)"))
    add_period_options(parser)
    add_output_options(parser, FORMATS)
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..reports import worksheets  # reportlab loads only when a document is made
    with context.open_store() as store:
        snapshot = snapshot_for(args, store)
    if snapshot.state != "NC":
        raise UserError(f"age worksheets are North Carolina's form; for {snapshot.state} use `immudesk report`")
    kind = chosen_format(args, FORMATS)
    default = f"{snapshot.period.year}-NC-age-worksheets.{kind}"
    if kind == "csv":
        path = save_text(args.out or default, worksheets.worksheets_csv(snapshot), bom=True)
    else:
        path = save(args.out or default, lambda target: worksheets.write_pdf(snapshot, target))
    print(ngettext("Wrote the {year} age worksheets ({n} child counted) to {path}.",
                   "Wrote the {year} age worksheets ({n} children counted) to {path}.", len(snapshot.counted())).format(
        year=snapshot.period.year, n=len(snapshot.counted()), path=path), file=sys.stderr)
    return 0
