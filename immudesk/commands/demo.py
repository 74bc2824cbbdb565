"""`immudesk demo [--as-of DATE]`: load the demo home into an empty database."""
from __future__ import annotations

from ..dates import DateError, check_in_range, parse_date, today
from ..errors import UserError
from ..i18n import _


def register(subparsers) -> None:
    parser = subparsers.add_parser("demo", help="load the demo home (13 children) into an empty database")
    parser.add_argument("--as-of", metavar="DATE", help="the day the demo's situations are true (default: today)")
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..demo import load_demo

    try:
        as_of = check_in_range(parse_date(args.as_of), "the date") if args.as_of else today()
    except DateError as error:
        raise UserError(f"--as-of: {error}") from None
    with context.open_store() as store:
        count = load_demo(store, as_of)
        print(_("Loaded the demo home: {n} children in {path}.").format(n=count, path=store.path))
    return 0
