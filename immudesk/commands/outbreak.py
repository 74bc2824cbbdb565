"""`immudesk outbreak DISEASE [--as-of DATE] [--format pdf|csv] [--out PATH]`: the children susceptible to a
disease (measles, chickenpox or whooping cough), with their parents' phone numbers, for the health department."""
from __future__ import annotations

import sys

from ..errors import UserError
from ..i18n import _, ngettext
from .report import add_output_options, chosen_format, save, save_text, snapshot_for

FORMATS = ("pdf", "csv")


def register(subparsers) -> None:
    parser = subparsers.add_parser("outbreak",
                                   help=_("list the children susceptible to a disease, with parent phones"))
    parser.add_argument("disease", metavar="DISEASE",
                        help=_("measles, chickenpox (varicella) or whooping cough (pertussis); quote two words: "
                               "\"whooping cough\""))
    parser.add_argument("--as-of", metavar="DATE", help=_("the day the records are judged (default: today)"))
    add_output_options(parser, FORMATS)
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..reports import outbreak  # reportlab loads only when a document is made
    from ..states.outbreak import DISEASES, PLAIN_NAMES, UnknownDisease, disease_key

    try:
        key = disease_key(args.disease)
    except UnknownDisease:
        plain = {medical: plain for plain, medical in PLAIN_NAMES.items()}
        names = [f"{_(plain[k])} ({k})" if k in plain else _(k) for k in DISEASES]
        raise UserError(_("outbreak lists are made for {diseases} and {last}, not {disease!r}").format(
            diseases=", ".join(names[:-1]), last=names[-1], disease=args.disease)) from None
    with context.open_store() as store:
        snapshot = snapshot_for(args, store)
    rows = outbreak.outbreak_rows(snapshot, args.disease)
    kind = chosen_format(args, FORMATS)
    default = f"outbreak-{key}-{snapshot.as_of.isoformat()}.{kind}"
    if kind == "csv":
        if not args.out:
            sys.stdout.write(outbreak.outbreak_csv(rows))
            return 0
        path = save_text(args.out, outbreak.outbreak_csv(rows), bom=True)
    else:
        path = save(args.out or default, lambda target: outbreak.write_pdf(snapshot, args.disease, rows, target))
    print(ngettext("{n} child susceptible to {disease}; wrote {path}.",
                   "{n} children susceptible to {disease}; wrote {path}.", len(rows)).format(
        n=len(rows), disease=outbreak.disease_named(args.disease), path=path), file=sys.stderr)
    return 0
