"""Which children's immunization records the provider must ask parents to update, and by when: a state's
schedule by age as data (Minnesota, Minn. R. 9502.0405 subp. 4: infants every 6 months, toddlers every year,
preschoolers every 18 months, school-age children every 3 years; Washington: every year)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import dates
from ..model import Child
from .rules import RecordUpdate, load_state

# Children due within this many days are listed too: a parent needs time to get the record from the clinic.
NOTICE_DAYS = 30


@dataclass(frozen=True)
class RecordRequest:
    child: Child
    band: str                   # "infant", "toddler" ... in the state's words
    every_months: int
    last_update: date           # the latest of the first day of attendance and the last dose on record
    due: date                   # last_update + every_months

    def overdue(self, as_of: date) -> bool:
        return self.due < as_of


def band_for(child: Child, as_of: date, schedule: tuple[RecordUpdate, ...]) -> RecordUpdate | None:
    """The age band a child is in on as_of (the last band whose from_age is reached and until_age is not)."""
    found = None
    for band in schedule:
        starts = dates.add_duration(child.birth_date, band.from_age)
        ends = dates.add_duration(child.birth_date, band.until_age) if band.until_age else None
        if starts <= as_of and (ends is None or as_of < ends):
            found = band
    return found


def last_update(child: Child, as_of: date) -> date:
    """The last day the record is known to have been brought up to date. immudesk keeps no separate date of a
    record check, so the first day of attendance or the newest dose on record stands for it."""
    doses = [d.given_on for d in child.doses if d.given_on <= as_of]
    return max([child.enrolled_on, *doses])


def records_to_request(children, state: str, as_of: date, notice_days: int = NOTICE_DAYS) -> list[RecordRequest]:
    """Children attending whose record update is due by as_of + notice_days, soonest first; [] when the state
    has no such schedule."""
    schedule = load_state(state).record_updates
    requests = []
    for child in children:
        if child.is_withdrawn(as_of) or child.enrolled_on > as_of:
            continue
        band = band_for(child, as_of, schedule)
        if band is None:
            continue
        since = last_update(child, as_of)
        due = dates.add(since, months=band.every_months)
        if (due - as_of).days <= notice_days:
            requests.append(RecordRequest(child, band.label, band.every_months, since, due))
    return sorted(requests, key=lambda r: (r.due, r.child.name))
