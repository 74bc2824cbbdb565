"""`immudesk status [--as-of DATE] [--report-year YEAR] [--json]`: every child's standing under the facility's
state law on a day (INTERFACES.md "Status of every child"), as JSON or as a table a provider can read: one line
per child with the due date, then the reasons in words."""
from __future__ import annotations

import json

from .. import dates
from ..errors import UserError
from .facility import note_if_state_not_set
from .report import report_year

STATUS_WORDS = {"up_to_date": "up to date", "in_process": "in process", "medical_exemption": "medical exemption",
                "religious_exemption": "religious exemption", "conscientious_exemption": "conscientious exemption",
                "not_up_to_date": "NOT up to date"}
GROUP_WORDS = {"under_24_months": "under 24 months", "24_months_and_older": "24 months and older"}


def register(subparsers) -> None:
    parser = subparsers.add_parser("status", help="who is up to date, in process, exempt or not up to date")
    parser.add_argument("--as-of", metavar="DATE", help="the day to judge (YYYY-MM-DD or M/D/YYYY; default: today)")
    parser.add_argument("--report-year", metavar="YEAR", type=report_year,
                        help="the report period for the age groups and exclusions (default: the next one due)")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per child")
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..states import (  # loaded only for this command
        StateRulesError,
        evaluate_roster,
        load_state,
        report_period,
    )

    if args.as_of is None:
        as_of = dates.today()
    else:
        try:
            as_of = dates.check_in_range(dates.parse_date(args.as_of), "the date")
        except dates.DateError as error:
            raise UserError(f"--as-of: {error}") from None
    with context.open_store() as store:
        note_if_state_not_set(store)
        state = store.facility().state or "NC"
        children = store.children()
    try:
        period = report_period(state, as_of, args.report_year)
        statuses = evaluate_roster(children, state, as_of, args.report_year)
    except StateRulesError as error:
        raise UserError(str(error)) from None
    if args.json:
        print(json.dumps([s.to_json() for s in statuses], indent=2, ensure_ascii=False))
        return 0
    print(f"{state} law as of {as_of.isoformat()}; {period.label()}"
          + (f" - {period.to_verify}" if period.to_verify else ""))
    if not statuses:
        print("No children on the roster.")
        return 0
    # The state's own words for a status when its file gives them (WA "Conditional", CA "Overdue").
    words = {**STATUS_WORDS, **load_state(state).status_labels}
    width = max(len(s.child.name) for s in statuses)
    wide = max(23, *(len(words[s.status]) for s in statuses))
    print(f"{'name':<{width}}  {'birth date':<10}  {'status':<{wide}}  {'report group':<20}  {'days left':>9}  "
          f"{'due date':<10}  missing")
    for s in statuses:
        group = GROUP_WORDS.get(s.report_group, f"left out: {s.excluded_reason}")
        days = "" if s.days_left is None else str(s.days_left)
        due = s.due_date.isoformat() if s.due_date else ""
        flag = "  MAY NOT ATTEND" if s.must_exclude else ""
        print(f"{s.child.name:<{width}}  {s.child.birth_date.isoformat()}  {words[s.status]:<{wide}}  "
              f"{group:<20}  {days:>9}  {due:<10}  {', '.join(s.missing)}{flag}".rstrip())
        for reason in s.reasons:   # why, in words, under the child's line
            print(f"    {reason}")
    return 0
