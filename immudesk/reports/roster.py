"""The one evaluated picture every document is printed from: facility, report period and each child's status.

Documents never judge compliance themselves; they read ChildStatus objects from immudesk.states, so the
window, `immudesk status`, the report and the letters can never disagree about a child.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import UserError
from ..model import Facility
from ..states.status import ChildStatus


@dataclass
class RosterSnapshot:
    facility: Facility
    as_of: date
    period: object                  # immudesk.states.ReportPeriod: .year, .cutoff, .due_date, .to_verify
    statuses: list[ChildStatus]

    @property
    def state(self) -> str:
        return (self.facility.state or "NC").upper()

    def counted(self) -> list[ChildStatus]:
        """The children the annual report counts (withdrawn, too young and irregular children are not)."""
        return [s for s in self.statuses if s.report_group is not None]

    def attending(self) -> list[ChildStatus]:
        """Children still on the roster on the as-of date: the ones letters and outbreak lists are about."""
        return [s for s in self.statuses if not s.child.is_withdrawn(self.as_of)]


def take_snapshot(store, as_of: date, report_year: int | None = None) -> RosterSnapshot:
    """Evaluate the whole roster for one as-of date and report year."""
    from .. import states

    facility = store.facility()
    state = (facility.state or "NC").upper()
    try:
        period = states.report_period(state, as_of, report_year)
    except (LookupError, ValueError) as error:   # StateRulesError is a ValueError: an unknown year or state file
        raise UserError(str(error)) from None
    statuses = states.evaluate_roster(store.children(), state, as_of, report_year=period.year)
    statuses.sort(key=lambda s: (s.child.last_name.casefold(), s.child.first_name.casefold(), s.child.birth_date))
    return RosterSnapshot(facility, as_of, period, statuses)
