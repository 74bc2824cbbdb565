"""`immudesk status [--as-of DATE] [--report-year YEAR] [--json]`: every child's standing under the facility's
state law on a day (INTERFACES.md "Status of every child"), as JSON or as a table a provider can read: one line
per child with the due date, then the reasons in words."""
from __future__ import annotations

import json

from .. import dates
from ..errors import UserError
from ..i18n import N_, _, format_date
from .facility import note_if_state_not_set
from .report import report_year

# How the table says a status, an age group; the state's own words (its status_labels) come before these.
STATUS_WORDS = {"up_to_date": N_("up to date"), "in_process": N_("in process"),
                "medical_exemption": N_("medical exemption"), "religious_exemption": N_("religious exemption"),
                "conscientious_exemption": N_("conscientious exemption"), "not_up_to_date": N_("NOT up to date")}
GROUP_WORDS = {"under_24_months": N_("under 24 months"), "24_months_and_older": N_("24 months and older")}


def register(subparsers) -> None:
    parser = subparsers.add_parser("status", help=_("who is up to date, in process, exempt or not up to date"))
    parser.add_argument("--as-of", metavar="DATE",
                        help=_("the day to judge (YYYY-MM-DD or M/D/YYYY; default: today)"))
    parser.add_argument("--report-year", metavar="YEAR", type=report_year,
                        help=_("the report period for the age groups and exclusions (default: the next one due)"))
    parser.add_argument("--json", action="store_true", help=_("print a JSON array, one object per child"))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    from ..states import load_state  # loaded only for this command

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
    period, statuses = _evaluate(state, children, as_of, args.report_year)
    if args.json:
        # Machine-readable: English whatever the language (ChildStatus.to_json, INTERFACES.md "Language").
        print(json.dumps([s.to_json() for s in statuses], indent=2, ensure_ascii=False))
        return 0
    print(_("{state} law as of {date}; {period}").format(state=state, date=format_date(as_of), period=period.label())
          + (f" - {_(period.to_verify)}" if period.to_verify else ""))
    if not statuses:
        print(_("No children on the roster."))
        return 0
    # The state's own words for a status when its file gives them (WA "Conditional", CA "Overdue").
    words = {status: _(text) for status, text in {**STATUS_WORDS, **load_state(state).status_labels}.items()}
    groups = {group: _(text) for group, text in GROUP_WORDS.items()}
    headings = [_("name"), _("birth date"), _("status"), _("report group"), _("days left"), _("due date"),
                _("missing")]
    rows = []
    for s in statuses:
        group = groups.get(s.report_group) or _("left out: {reason}").format(reason=s.excluded_reason)
        days = "" if s.days_left is None else str(s.days_left)
        due = format_date(s.due_date) if s.due_date else ""
        flag = "  " + _("MAY NOT ATTEND") if s.must_exclude else ""
        rows.append(([s.child.name, format_date(s.child.birth_date), words[s.status], group, days, due,
                      ", ".join(s.missing) + flag], s.reasons))
    widths = [max(len(cells[i]) for cells in [headings] + [r for r, _reasons in rows]) for i in range(6)]
    widths[2] = max(widths[2], 23)

    def line(cells) -> str:
        return "  ".join([*(cell.rjust(w) if i == 4 else cell.ljust(w) for i, (cell, w) in
                            enumerate(zip(cells, widths))), cells[6]]).rstrip()

    print(line(headings))
    for cells, reasons in rows:
        print(line(cells))
        for reason in reasons:   # why, in words, under the child's line
            print(f"    {reason}")
    return 0


def _evaluate(state, children, as_of, report_year):
    from ..states import StateRulesError, evaluate_roster, report_period

    try:
        return report_period(state, as_of, report_year), evaluate_roster(children, state, as_of, report_year)
    except StateRulesError as error:
        raise UserError(str(error)) from None
