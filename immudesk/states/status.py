"""What the state-law layer says about one child on one day: the shape the window, the reports, the
letters and `immudesk status --json` all read. Produced by immudesk.states.evaluate_roster / evaluate_child."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..i18n import english
from ..model import Child

# Report/status categories, in the seed's precedence order (DOMAIN.md).
STATUSES = ("up_to_date", "in_process", "medical_exemption", "religious_exemption",
            "conscientious_exemption", "not_up_to_date")
REPORT_GROUPS = ("under_24_months", "24_months_and_older")


@dataclass
class DoseVerdict:
    """One recorded dose as the rules see it: does it count, and if not, why (in plain words)."""
    vaccine_group: str
    given_on: date
    product: str | None
    valid: bool
    reason: str | None = None          # "given 7 days before the first birthday, does not count"
    assumed: str | None = None         # what immudesk assumed of a dose whose record names no product (acip_bridge)


@dataclass
class GroupCompliance:
    """One vaccine group for one child: what the law asks by today, what counts, what comes next."""
    vaccine_group: str
    required: int                      # valid doses the state requires at the as-of date (0: none yet)
    valid: int                         # valid doses on record
    met: bool                          # requirement met (or not required, or immune by disease history)
    exempt: str | None = None          # exemption kind covering this group, if any
    next_due: date | None = None       # first day a further dose is required or past due (state or ACIP)
    doses: list[DoseVerdict] = field(default_factory=list)
    note: str | None = None            # e.g. "PedvaxHIB: 3 doses complete the series"


@dataclass
class ChildStatus:
    child: Child
    as_of: date
    status: str                        # one of STATUSES
    report_group: str | None           # one of REPORT_GROUPS; None when not counted in the report
    excluded_reason: str | None        # why the child is not counted in the report, or None
    missing: list[str]                 # vaccine groups whose required valid doses are not all there
    days_left: int | None              # in_process only: days until the grace/certified period ends
    due_date: date | None              # first day a requirement applies that the record does not meet yet
    reasons: list[str]                 # plain-language explanations a provider can act on (i18n.Text: .english)
    last_allowed_day: date | None = None   # end of the 30-day (or certified) period when doses are missing
    must_exclude: bool = False         # the grace period is over and the child may not attend
    groups: dict[str, GroupCompliance] = field(default_factory=dict)
    state: str = ""                    # the state whose law was applied ("NC")
    report_year: int | None = None     # the report period the report group and exclusion refer to

    def to_json(self) -> dict:
        """The object `immudesk status --json` prints (INTERFACES.md): in English whatever the language."""
        return {
            "name": self.child.name,
            "birth_date": self.child.birth_date.isoformat(),
            "status": self.status,
            "report_group": self.report_group,
            "excluded_reason": english(self.excluded_reason),
            "missing": list(self.missing),
            "days_left": self.days_left,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "reasons": [english(reason) for reason in self.reasons],
        }
