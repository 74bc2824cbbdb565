"""The count-by-age policy (North Carolina): from each age on, at least so many valid doses of each group.

The table, the Hib product counts, the late-start counts and the ages after which a group is no longer
required are all in the state file; this module only reads them. Validity is ACIP's (acip_bridge): a dose the
engine does not find valid is never counted, which is how "MMR only on or after the first birthday" and "HepB
last dose not before 24 weeks" are enforced. An ACIP series the engine finds complete (or immunity from
documented disease) meets any count, which covers the late-start and "no 5th DTaP after a 4th at 4 years" rules.
"""
from __future__ import annotations

from datetime import date

from .. import dates
from ..acip import engine as _engine
from ..model import Child
from ..i18n import listed, say, say_n
from .acip_bridge import Evaluation, group_words
from .policy import PolicyFindings, dose_verdicts, doses_by_group
from .rules import AgeRow, StateRules
from .status import GroupCompliance

ACIP_DONE = (_engine.COMPLETE, _engine.IMMUNE, _engine.AGED_OUT)


class AgeTable:
    """The state's table laid over one child's birth date: the day each row, late-start step and cut-off
    begins. Computed once per child, so asking "what is required on this day" is only comparisons."""

    __slots__ = ("_rows", "change_days", "late_days", "row_days", "rules", "stop_days")

    def __init__(self, rules: StateRules, birth: date):
        self.rules = rules
        self.row_days = [(dates.add_duration(birth, row.from_age), row) for row in rules.by_age]
        self.stop_days = {g: dates.add_duration(birth, age) for g, age in rules.not_required_from.items()}
        self.late_days = {g: [(dates.add_duration(birth, step.first_dose_from), step.doses) for step in steps]
                          for g, steps in rules.late_start.items()}
        self.change_days = sorted({day for day, _ in self.row_days} | set(self.stop_days.values()))
        self._rows: dict[date, AgeRow | None] = {}

    def row_on(self, day: date) -> AgeRow | None:
        # Every group of every child born that day asks about the same few days (the change days, the as-of
        # day): remembered per table, a dict look-up instead of a walk down the rows.
        if day in self._rows:
            return self._rows[day]
        current = None
        for begins, row in self.row_days:
            if begins > day:
                break
            current = row
        if len(self._rows) > 64:        # a long-running app asks about many as-of days: keep it small
            self._rows.clear()
        self._rows[day] = current
        return current

    def required_on(self, group: str, day: date, counted_cvx: list[str], first_valid: date | None,
                    row: AgeRow | None = None) -> int:
        """How many valid doses of `group` the state asks of this child on `day` (`row`: row_on(day), when the
        caller has it already)."""
        stop = self.stop_days.get(group)
        if stop is not None and day >= stop:
            return 0
        if row is None:
            row = self.row_on(day)
        if row is None:
            return 0
        needed = row.doses.get(group, 0)
        for product in self.rules.product_counts:
            if product.group == group and counted_cvx and all(cvx in product.cvx for cvx in counted_cvx):
                needed = product.doses_by_row.get(str(row.from_age), needed)
        # A child who has not started yet would start on `day`; their series is sized by that age.
        start = first_valid or day
        for begins, doses in self.late_days.get(group, ()):
            if start >= begins:
                needed = min(needed, doses)
                break
        return needed


_TABLES: dict[tuple[int, date], tuple[StateRules, AgeTable]] = {}


def _age_table(rules: StateRules, birth: date) -> AgeTable:
    """The AgeTable of a birth date, shared by the children born that day (a roster has several per day)."""
    key = (id(rules), birth)
    found = _TABLES.get(key)
    if found is None or found[0] is not rules:
        if len(_TABLES) > 20_000:       # bound the memory of a long-running app
            _TABLES.clear()
        found = _TABLES[key] = (rules, AgeTable(rules, birth))
    return found[1]


def assess(child: Child, as_of: date, rules: StateRules, evaluation: Evaluation) -> PolicyFindings:
    findings = PolicyFindings(groups={})
    grouped = doses_by_group(child)
    birth = child.birth_date
    table = _age_table(rules, birth)
    change_days = table.change_days
    # A row may count only doses given at or after an age (CA: "1 Hib on or after the 1st birthday"): the day
    # each such age begins for this child (the same for every group, so computed once).
    old_enough_days = {age: dates.add(dates.add_duration(birth, age), days=-4 if rules.four_day_grace else 0)
                       for age in {a for row in rules.by_age for a in row.on_or_after.values()}}
    age_limited = {g for row in rules.by_age for g in row.on_or_after}     # groups some row counts so
    for group in rules.groups:
        min_age = rules.counts_from_age.get(group)
        verdicts, counted = dose_verdicts(group, child, evaluation, rules, min_age, grouped.get(group, []))
        acip = evaluation.results.get(group)
        done = acip is not None and acip.series_status in ACIP_DONE
        cvx = [r.cvx for r in counted]
        first = counted[0].date if counted else None
        valid = len(counted)
        last_rule_note = None
        if group in rules.last_dose_from_age:
            # NC: the HepB series is complete only with a dose at 24 weeks or later. ACIP may count an earlier
            # third dose (as dose 3 of its 4-dose series), so a full count needs one dose that old.
            doses_needed, age = rules.last_dose_from_age[group]
            old_enough = dates.add(dates.add_duration(birth, age), days=-4 if rules.four_day_grace else 0)
            if valid >= doses_needed and not any(r.date >= old_enough for r in counted):
                valid = doses_needed - 1
                last_rule_note = say("the last {group} dose must be given at {age} of age or later; none on "
                                     "record is", group=group, age=age_text(age))

        def valid_on(day: date, group=group, counted=counted, valid=valid, row=None) -> int:
            if row is None:
                row = table.row_on(day)
            age = row.on_or_after.get(group) if row else None
            return valid if age is None else sum(1 for r in counted if r.date >= old_enough_days[age])

        def unmet(day: date, done=done, group=group, cvx=cvx, first=first, valid=valid) -> bool:
            if done:
                return False
            if group not in age_limited:    # the usual case: every valid dose counts, whatever the row
                return table.required_on(group, day, cvx, first) > valid
            row = table.row_on(day)     # looked up once for both questions
            return table.required_on(group, day, cvx, first, row) > valid_on(day, row=row)

        required = table.required_on(group, as_of, cvx, first)
        met = not unmet(as_of)
        row_now = table.row_on(as_of)
        age_rule = ""
        if row_now is not None and group in row_now.on_or_after and not met:
            age_rule = say("only doses given at {age} of age or later count",
                           age=age_text(row_now.on_or_after[group]))
            last_rule_note = last_rule_note or age_rule
            valid = valid_on(as_of)
        note = last_rule_note
        if note is None and acip is not None and acip.series_status == _engine.IMMUNE:
            note = say("immune: documented disease history")
        elif note is None and done and required > valid:
            note = say_n("the ACIP series is complete with {n} dose", "the ACIP series is complete with {n} doses",
                         valid)
        elif note is None and group in table.stop_days and as_of >= table.stop_days[group]:
            note = say("not required from {age} of age", age=age_text(rules.not_required_from[group]))
        elif note is None and cvx and any(p.group == group and all(c in p.cvx for c in cvx) for p in rules.product_counts):
            name = next(p.name for p in rules.product_counts if p.group == group)
            note = say("{product}: the lower dose count applies", product=name)
        compliance = GroupCompliance(group, required, valid, met, doses=verdicts, note=note)
        if not met:
            since = next((d for d in change_days if d <= as_of and unmet(d)), as_of)
            # (Which row of the state's table asks it is our bookkeeping, not the provider's: not said.)
            behind = say_n("{vaccine}: {n} valid dose needed at this age, {valid} on record",
                           "{vaccine}: {n} valid doses needed at this age, {valid} on record", required,
                           vaccine=group_words(group), valid=valid)
            if age_rule:
                behind = say("{need}; {rule}", need=behind, rule=age_rule)
            findings.behind(compliance, since, say("{need}; behind since {date}", need=behind, date=since))
        else:
            upcoming = next((d for d in change_days if d > as_of and unmet(d)), None)
            if upcoming is not None:
                needed = table.required_on(group, upcoming, cvx, first)
                findings.coming_up(compliance, upcoming, lambda n=needed, group=group, valid=valid: say_n(
                    "{n} {vaccine} dose ({valid} on record)", "{n} {vaccine} doses ({valid} on record)", n,
                    vaccine=group_words(group), valid=valid))
        findings.add(compliance)
    return findings


def age_text(age: dates.Duration):
    """An age from the state's table ("24 weeks", "1 year"), said in the current language."""
    parts = [say_n("{n} year", "{n} years", age.years) if age.years else None,
             say_n("{n} month", "{n} months", age.months) if age.months else None,
             say_n("{n} week", "{n} weeks", age.weeks) if age.weeks else None,
             say_n("{n} day", "{n} days", age.days) if age.days else None]
    return listed([p for p in parts if p], " ") if any(parts) else say_n("{n} day", "{n} days", 0)
