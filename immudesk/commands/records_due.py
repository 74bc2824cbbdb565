"""`immudesk records-due [--as-of DATE] [--letters PATH]`: the children whose immunization record the state asks
the provider to have updated by now or within the next weeks (Minnesota's schedule by age, Washington's yearly
certificate), and, with --letters, a short request letter to each parent in their language."""
from __future__ import annotations

import sys

from ..errors import UserError
from .report import save, snapshot_for


def register(subparsers) -> None:
    parser = subparsers.add_parser("records-due", help="children whose immunization record must be updated soon")
    parser.add_argument("--as-of", metavar="DATE", help="the day the list is made for (default: today)")
    parser.add_argument("--letters", metavar="PATH", help="also write a request letter to each parent (PDF)")
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..states import load_state
    from ..states.record_updates import NOTICE_DAYS, records_to_request

    with context.open_store() as store:
        snapshot = snapshot_for(args, store)
    rules = load_state(snapshot.state)
    if not rules.record_updates:
        print(f"{rules.name}'s rules in immudesk set no schedule for asking parents for updated records; keep each "
              f"record current as doses come due.")
        return 0
    requests = records_to_request([s.child for s in snapshot.statuses], snapshot.state, snapshot.as_of)
    if not requests:
        print(f"No record updates due by {snapshot.as_of.isoformat()} or in the next {NOTICE_DAYS} days.")
        return 0
    width = max(len(r.child.name) for r in requests)
    print(f"{'name':<{width}}  {'age band':<16}  {'every':>9}  {'last update':<11}  due")
    for r in requests:
        late = "  OVERDUE" if r.overdue(snapshot.as_of) else ""
        print(f"{r.child.name:<{width}}  {r.band:<16}  {r.every_months:>3} months  {r.last_update.isoformat():<11}  "
              f"{r.due.isoformat()}{late}")
    print("The last update is the first day of attendance or the newest dose on record, whichever is later.")
    if args.letters:
        _write_letters(args.letters, snapshot, {r.child.name for r in requests})
    return 0


def _write_letters(path: str, snapshot, names: set[str]) -> None:
    from ..reports import letters

    if "records_request" not in letters.wording(snapshot.state):
        raise UserError(f"immudesk has no record request letter for {snapshot.state} yet")
    chosen = [letters.Letter(s, "records_request", letters.language_of(s))
              for s in snapshot.statuses if s.child.name in names]
    written = save(path, lambda target: letters.write_pdf(chosen, snapshot, target))
    print(f"Wrote {len(chosen)} request letter{'s' if len(chosen) != 1 else ''} to {written}.", file=sys.stderr)
