"""The ACIP past-due policy (Minnesota): a child complies when no ACIP dose is past due for their age among the
groups the state requires at that age (the windows in the state file, e.g. PCV only from 2 to 24 months).

"Past due" is the engine's forecast past-due date: on that day and after, the dose is late. The 4-day grace is
ACIP's and already in the engine's verdicts.
"""
from __future__ import annotations

from datetime import date

from .. import dates
from ..acip import engine as _engine
from ..model import Child
from ..i18n import say, say_n
from .acip_bridge import Evaluation, group_words
from .policy import PolicyFindings, dose_verdicts, doses_by_group
from .rules import StateRules
from .status import GroupCompliance

ACIP_DONE = (_engine.COMPLETE, _engine.IMMUNE, _engine.AGED_OUT)


def assess(child: Child, as_of: date, rules: StateRules, evaluation: Evaluation) -> PolicyFindings:
    findings = PolicyFindings(groups={})
    grouped = doses_by_group(child)
    birth = child.birth_date
    for group in rules.groups:
        window = rules.windows[group]
        starts = dates.add_duration(birth, window.from_age)
        ends = dates.add_duration(birth, window.until_age) if window.until_age else None
        verdicts, counted = dose_verdicts(group, child, evaluation, rules, None, grouped.get(group, []))
        valid = len(counted)
        acip = evaluation.results.get(group)
        applies = starts <= as_of and (ends is None or as_of < ends)
        # A state may ask fewer doses in child care than ACIP's full series (WA: one MMR before school).
        done = (acip is not None and acip.series_status in ACIP_DONE) or \
            (window.doses is not None and valid >= window.doses)
        forecast = acip.forecast if acip is not None and not done else None
        # Most states: late from ACIP's past-due date; WA: from the recommended date (its 30 days run from there).
        past_due = (forecast.recommended if rules.late_from == "recommended" else forecast.past_due) \
            if forecast is not None else None
        # The state asks for a dose only once its window has opened, and never after it closed.
        late_from = max(past_due, starts) if past_due is not None else None
        if late_from is not None and ends is not None and late_from >= ends:
            late_from = None
        met = not (applies and late_from is not None and late_from <= as_of)
        required = valid + (0 if met else 1)
        note = say("immune: documented disease history") if acip is not None and acip.series_status == _engine.IMMUNE else None
        if not applies and starts > as_of:
            note = note or say("required from {date}", date=starts)
        elif not applies:
            note = note or say("no longer required at this age")
        compliance = GroupCompliance(group, required, valid, met, doses=verdicts, note=note)
        if not met:
            late = (say_n("{vaccine}: dose {dose} is due since {date} ({n} valid dose on record)",
                          "{vaccine}: dose {dose} is due since {date} ({n} valid doses on record)", valid,
                          vaccine=group_words(group), dose=forecast.dose_number, date=late_from)
                    if rules.late_from == "recommended" else
                    say_n("{vaccine}: dose {dose} is past due since {date} ({n} valid dose on record)",
                          "{vaccine}: dose {dose} is past due since {date} ({n} valid doses on record)", valid,
                          vaccine=group_words(group), dose=forecast.dose_number, date=late_from))
            findings.behind(compliance, late_from, late)
        elif late_from is not None and late_from > as_of:
            findings.coming_up(compliance, late_from, lambda group=group, forecast=forecast: say(
                "{vaccine} dose {dose} (recommended from {date})", vaccine=group_words(group),
                dose=forecast.dose_number, date=forecast.recommended))
        findings.add(compliance)
    return findings
