"""What a state policy module (count_by_age, acip_past_due) hands back for one child and day, and the dose
verdicts both share: the per-group compliance, and the dates the grace clock and the countdowns need."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..acip import engine as _engine
from ..i18n import say
from ..model import Child
from . import acip_bridge
from .acip_bridge import Evaluation
from .rules import StateRules
from .status import DoseVerdict, GroupCompliance


@dataclass
class PolicyFindings:
    groups: dict[str, GroupCompliance]
    unmet_since: dict[str, date] = field(default_factory=dict)   # unmet group -> first day the unmet requirement applied
    upcoming: dict[str, date] = field(default_factory=dict)      # met group -> next day a requirement will not be met
    started: dict[str, bool] = field(default_factory=dict)       # group -> at least one valid dose on record
    explanations: dict[str, str] = field(default_factory=dict)   # unmet group -> plain words on what is needed
    coming: dict[str, Callable[[], str]] = field(default_factory=dict)   # met group -> says what the upcoming
    #                                                                  requirement asks (said only when a reason does)

    def behind(self, compliance: GroupCompliance, since: date, explanation: str) -> None:
        """The group's requirement has gone unmet since `since`: the grace clock and the countdown start there."""
        self.unmet_since[compliance.vaccine_group] = since
        compliance.next_due = since
        self.explanations[compliance.vaccine_group] = explanation

    def coming_up(self, compliance: GroupCompliance, day: date, what: Callable[[], str]) -> None:
        """Met today; from `day` the group will need what `what()` says (most such words are never shown: only
        the earliest day's are, so they are made only then)."""
        self.upcoming[compliance.vaccine_group] = day
        compliance.next_due = day
        self.coming[compliance.vaccine_group] = what

    def add(self, compliance: GroupCompliance) -> None:
        self.started[compliance.vaccine_group] = compliance.valid > 0
        self.groups[compliance.vaccine_group] = compliance


def doses_by_group(child: Child) -> dict[str, list]:
    """The child's recorded doses per group, in date order (grouped once per child, not once per question)."""
    grouped: dict[str, list] = {}
    for dose in sorted(child.doses, key=lambda d: d.given_on):
        grouped.setdefault(dose.vaccine_group, []).append(dose)
    return grouped


def dose_verdicts(group: str, child: Child, evaluation: Evaluation, rules: StateRules,
                  min_age=None, recorded_doses: list | None = None) -> tuple[list[DoseVerdict], list]:
    """Each recorded dose of a group with whether it counts and, when it does not, why; and the counted results."""
    result = evaluation.results.get(group)
    own = child.doses_for(group) if recorded_doses is None else recorded_doses
    recorded = {(d.given_on, acip_bridge.dose_cvx(d)): d for d in own}
    verdicts: list[DoseVerdict] = []
    counted = []
    previous_valid = None
    # Asked for every group of every child: the loop's constants looked up once.
    grace_accepted = rules.four_day_grace
    valid_kind, grace_kind = _engine.VALID, _engine.GRACE
    assumed = evaluation.assumed
    for dose_result in (result.doses if result else []):
        dose = recorded.get((dose_result.date, dose_result.cvx))
        is_valid = dose_result.evaluation == valid_kind
        ok = is_valid and (grace_accepted or dose_result.reason != grace_kind)     # acip_bridge.counts, inlined
        if is_valid and dose_result.reason != grace_kind:
            reason = None                 # a plain valid dose needs no words (plain_reason's answer, without the call)
        else:
            reason = acip_bridge.plain_reason(group, dose_result, previous_valid, len(counted), child,
                                              grace_accepted, rules.name, min_age)
        verdicts.append(DoseVerdict(group, dose_result.date, dose.product if dose else dose_result.cvx, ok, reason,
                                    assumed.get((dose_result.date, dose_result.cvx))))
        if ok:
            counted.append(dose_result)
            previous_valid = dose_result.date
        elif is_valid:
            previous_valid = dose_result.date
    for dose, why in evaluation.refused:
        if dose.vaccine_group == group:
            verdicts.append(DoseVerdict(group, dose.given_on, dose.product, False, why))
    # Doses dated after the as-of day were not given yet on that day: list them, they do not count.
    for dose in own:
        if dose.given_on > evaluation.as_of:
            verdicts.append(DoseVerdict(group, dose.given_on, dose.product, False, say("dated after the as-of date")))
    verdicts.sort(key=lambda v: v.given_on)
    return verdicts, counted
