"""`immudesk records-due [--as-of DATE] [--letters PATH]`: the children whose immunization record the state asks
the provider to have updated by now or within the next weeks (Minnesota's schedule by age, Washington's yearly
certificate), and, with --letters, a short request letter to each parent in their language."""
from __future__ import annotations

import sys

from ..errors import UserError
from ..i18n import _, format_date, ngettext
from .report import save, snapshot_for


def register(subparsers) -> None:
    parser = subparsers.add_parser("records-due", help=_("children whose immunization record must be updated soon"))
    parser.add_argument("--as-of", metavar="DATE", help=_("the day the list is made for (default: today)"))
    parser.add_argument("--letters", metavar="PATH", help=_("also write a request letter to each parent (PDF)"))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..states import load_state
    from ..states.record_updates import NOTICE_DAYS, records_to_request

    with context.open_store() as store:
        snapshot = snapshot_for(args, store)
    rules = load_state(snapshot.state)
    if not rules.record_updates:
        print(_("{state}'s rules in immudesk set no schedule for asking parents for updated records; keep each "
                "record current as doses come due.").format(state=_(rules.name)))
        return 0
    requests = records_to_request([s.child for s in snapshot.statuses], snapshot.state, snapshot.as_of)
    if not requests:
        print(_("No record updates due by {date} or in the next {n} days.").format(
            date=format_date(snapshot.as_of), n=NOTICE_DAYS))
        return 0
    headings = [_("name"), _("age band"), _("every"), _("last update"), _("due")]
    rows = [[r.child.name, _(r.band), ngettext("{n} month", "{n} months", r.every_months).format(n=r.every_months),
             format_date(r.last_update),
             format_date(r.due) + ("  " + _("OVERDUE") if r.overdue(snapshot.as_of) else "")] for r in requests]
    widths = [max(len(cells[i]) for cells in [headings, *rows]) for i in range(4)]
    for cells in [headings, *rows]:
        print("  ".join([*(cell.rjust(w) if i == 2 else cell.ljust(w) for i, (cell, w) in
                           enumerate(zip(cells, widths))), cells[4]]))
    print(_("The last update is the first day of attendance or the newest dose on record, whichever is later."))
    if args.letters:
        _write_letters(args.letters, snapshot, {r.child.name for r in requests})
    return 0


def _write_letters(path: str, snapshot, names: set[str]) -> None:
    from ..reports import letters

    if "records_request" not in letters.wording(snapshot.state):
        raise UserError(_("immudesk has no record request letter for {state} yet").format(state=snapshot.state))
    chosen = [letters.Letter(s, "records_request", letters.language_of(s))
              for s in snapshot.statuses if s.child.name in names]
    written = save(path, lambda target: letters.write_pdf(chosen, snapshot, target))
    print(ngettext("Wrote {n} request letter to {path}.", "Wrote {n} request letters to {path}.", len(chosen)).format(
        n=len(chosen), path=written), file=sys.stderr)
