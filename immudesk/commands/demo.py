"""`immudesk demo [--as-of DATE] [--fresh]`: the demo home in its own practice file, beside the provider's
records and never in them. `immudesk --demo COMMAND` (or `immudesk --demo` for the window) works on it."""
from __future__ import annotations

from ..dates import DateError, check_in_range, parse_date, today
from ..errors import UserError
from ..i18n import _


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help=_("create (or open) the demo home, 13 invented children, in a practice file of its own"),
        description=_("Puts the demo home in a practice file beside your records (immudesk-demo.sqlite3) and says "
                      "where. Your own records are never touched. Open it with `immudesk --demo`."))
    parser.add_argument("--as-of", metavar="DATE",
                        help=_("the day the demo's situations are true (default: today)"))
    parser.add_argument("--fresh", action="store_true", help=_("start the demo over (replaces the practice file)"))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..demo import open_practice
    from ..store.paths import resolve_db_path

    try:
        as_of = check_in_range(parse_date(args.as_of), "the date") if args.as_of else today()
    except DateError as error:
        raise UserError(f"--as-of: {error}") from None
    records = resolve_db_path(context.db)
    store, added = open_practice(records, as_of, fresh=args.fresh)
    with store:
        if added:
            print(_("The demo home ({n} invented children) is ready in its own practice file:").format(n=added)
                  + f"\n  {store.path}")
        else:
            print(_("The demo home is already in its practice file (`immudesk demo --fresh` starts it over):")
                  + f"\n  {store.path}")
        print(_("Open it in the window:  immudesk --demo      (commands too, e.g. immudesk --demo status)"))
        if store.path != records:
            print(_("Your own records are not touched; they stay in") + f"\n  {records}\n"
                  + _("and `immudesk` (without --demo) opens them."))
    return 0
