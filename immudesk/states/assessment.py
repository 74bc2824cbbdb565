"""One child's standing under a state's law on one day: the policy's per-group findings turned into a status
(in the seed's precedence), the grace countdown, the report group or the reason the child is left out, and
plain-language reasons. This is what evaluate_child / evaluate_roster return."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from datetime import date, timedelta

from .. import dates
from ..i18n import N_, Text, capitalized, listed, say, say_data, say_n
from ..model import Child, Exemption
from . import acip_past_due, count_by_age
from .acip_bridge import evaluate_record
from .rules import ReportPeriod, StateRules, load_state, report_period
from .status import REPORT_GROUPS, ChildStatus

POLICY_MODULES = {"count_by_age": count_by_age, "acip_past_due": acip_past_due}
EXEMPTION_WORDS = {"medical": N_("medical exemption"), "religious": N_("religious exemption"),
                   "conscientious": N_("conscientious exemption")}


def _active(exemption: Exemption, as_of: date) -> bool:
    if exemption.granted_on is not None and exemption.granted_on > as_of:
        return False
    return exemption.expires_on is None or exemption.expires_on >= as_of


def exclusion_reason(child: Child, as_of: date, rules: StateRules, period: ReportPeriod) -> str | None:
    """Why a child is not counted in the period's report, or None when they are counted."""
    reasons = rules.exclusion_reasons
    if child.is_withdrawn(as_of):
        return say_data(reasons["withdrawn"])
    if child.enrolled_on > as_of:
        return say_data(reasons["not_started"])
    if child.attendance in rules.attendance_exclusions:
        return say_data(rules.attendance_exclusions[child.attendance])
    if period.exclude_born_after is not None and child.birth_date > period.exclude_born_after:
        return say_data(reasons["born_after_cutoff"])
    return None


def report_group(child: Child, as_of: date, period: ReportPeriod) -> str:
    """Under or over the age boundary, measured on the cutoff date, or on as_of while the cutoff is still ahead."""
    measured_on = min(period.age_measured_on, as_of) if period.age_measured_on else as_of
    boundary = dates.add_duration(child.birth_date, period.age_boundary)
    return REPORT_GROUPS[0] if measured_on < boundary else REPORT_GROUPS[1]


def unreadable_status(child: Child, state: str, as_of: date) -> ChildStatus:
    """A child whose stored record is damaged (Child.unreadable) is not judged: a date that cannot be right
    would give a wrong status. The child is shown as needing attention, with what to correct, and is left out
    of the report's counts until then; every other child is judged as usual."""
    return ChildStatus(child, as_of, "not_up_to_date", None, say("the record has a damaged date"), missing=[],
                       days_left=None, due_date=None, state=state,
                       reasons=[f"{problem[0].upper()}{problem[1:]}." for problem in child.unreadable]
                       + [say("Open the record, correct the date and save it; until then this child is not judged.")])


def evaluate_child(child: Child, state: str, as_of: date, report_year: int | None = None,
                   period: ReportPeriod | None = None) -> ChildStatus:
    if child.unreadable:
        return unreadable_status(child, state, as_of)
    rules = load_state(state)
    period = period or report_period(state, as_of, report_year)
    evaluation = evaluate_record(child, max(as_of, child.birth_date))
    findings = POLICY_MODULES[rules.policy].assess(child, as_of, rules, evaluation)
    reasons: list[str] = []

    def words(kind: str) -> Text:
        """The exemption in the state's own words ("personal/philosophical exemption" in WA)."""
        return say_data(rules.exemption_labels.get(kind, EXEMPTION_WORDS[kind]).lower())

    # Exemptions the state recognizes and that are in force today; others are named, not counted.
    on_file = []
    for exemption in child.exemptions:
        if exemption.kind not in rules.exemption_kinds:
            reasons.append(say("A {exemption} is on file, but {state} does not recognize it; it is not counted.",
                               exemption=say_data(EXEMPTION_WORDS.get(exemption.kind, exemption.kind)),
                               state=say_data(rules.name)))
        elif not _active(exemption, as_of):
            reasons.append(say("The {exemption} on file is not in force on {date}.", exemption=words(exemption.kind),
                               date=as_of))
        else:
            on_file.append(exemption)
    for group, compliance in findings.groups.items():
        for kind in rules.exemption_kinds:
            if group in rules.exemption_excludes.get(kind, ()):
                continue        # WA: a personal exemption may not cover MMR (RCW 28A.210.090)
            if any(e.kind == kind and e.covers(group) for e in on_file):
                compliance.exempt = kind
                break

    missing = [g for g, c in findings.groups.items() if not c.met]
    uncovered = [g for g in missing if findings.groups[g].exempt is None]
    kinds_on_file = [k for k in rules.exemption_kinds if any(e.kind == k for e in on_file)]

    # The grace clock: only for what is missing and not exempt.
    last_allowed = None
    if uncovered:
        if rules.grace.kind == "days_from_attendance":
            # The clock runs from the first day of attendance (G.S. 130A-155, INTERFACES.md). A requirement that
            # only began after those first days were over (a child aging into the 16-month row while attending)
            # gets its own notice and days, counted from the day it began.
            start = child.enrolled_on
            began = min(findings.unmet_since[g] for g in uncovered)
            if rules.grace.restarts_when_a_new_requirement_applies and began > start + timedelta(days=rules.grace.days):
                start = began
            last_allowed = start + timedelta(days=rules.grace.days)
            certified = child.in_process_until if rules.grace.physician_extension else None
            if certified is not None and certified > last_allowed:
                last_allowed = certified
        elif rules.grace.kind == "none":
            pass            # Illinois: the record is due on the first day of care; being on schedule is the test
        elif rules.grace.kind == "days_from_due":
            # CA, WA: each missing dose has the days after it became due (WA: or after the first day of
            # attendance, for a child already behind when enrolling); the earliest such day decides.
            began = min(findings.unmet_since[g] for g in uncovered)
            if rules.grace.counted_from == "later_of_due_and_attendance":
                began = max(began, child.enrolled_on)
            last_allowed = began + timedelta(days=rules.grace.days)
        else:
            # Minnesota (months), Virginia (days): a series that was started may be finished within the time
            # after enrolling.
            if all(findings.started.get(g) for g in uncovered):
                last_allowed = (dates.add(child.enrolled_on, months=rules.grace.months) if rules.grace.months
                                else child.enrolled_on + timedelta(days=rules.grace.days))
    within_grace = last_allowed is not None and as_of <= last_allowed

    if not missing:
        status = "up_to_date"
    elif kinds_on_file:
        status = f"{kinds_on_file[0]}_exemption"
    elif within_grace:
        status = "in_process"
    else:
        status = "not_up_to_date"
    attending = not child.is_withdrawn(as_of) and child.enrolled_on <= as_of
    must_exclude = bool(uncovered) and not within_grace and attending
    days_left = (last_allowed - as_of).days if status == "in_process" and last_allowed else None

    # due date: the first day a requirement applies that the record does not meet yet (past or coming).
    if missing:
        due = min(findings.unmet_since[g] for g in missing)
    else:
        due = min(findings.upcoming.values(), default=None)

    # Plain words, most urgent first.
    name = child.first_name or child.name
    if status == "up_to_date":
        reasons.insert(0, say("Every dose {state} requires for {name}'s age is on record.",
                              state=say_data(rules.name), name=name))
        if due is not None:
            coming = [findings.coming[g]() for g, d in findings.upcoming.items() if d == due and g in findings.coming]
            reasons.append(say("Next: from {date} {name} will need {what}.", date=due, name=name,
                               what=listed(coming)))
    else:
        for group in missing:
            exempt = findings.groups[group].exempt
            text = findings.explanations.get(group) or say("{group}: not complete", group=say_data(group))
            if exempt:
                text = say("{need}; a {exemption} is on file (an exemption is not proof of immunity)", need=text,
                           exemption=words(exempt))
            reasons.append(say("{sentence}.", sentence=capitalized(text)))
        if status.endswith("_exemption"):
            reasons.insert(0, say("A {exemption} is on file; an exemption does not make a child up to date.",
                                  exemption=words(kinds_on_file[0])))
        what = None
        if last_allowed is not None:
            what = (say("the physician-certified period") if child.in_process_until == last_allowed
                    and rules.grace.physician_extension else
                    say_n("the {n} calendar day to bring the record up to date",
                          "the {n} calendar days to bring the record up to date", rules.grace.days)
                    if rules.grace.kind == "days_from_attendance" else
                    say_n("the {n} calendar day after the dose became due",
                          "the {n} calendar days after the dose became due", rules.grace.days)
                    if rules.grace.kind == "days_from_due" else
                    say_n("the {n} calendar day after enrolling to finish a started series",
                          "the {n} calendar days after enrolling to finish a started series", rules.grace.days)
                    if rules.grace.kind == "days_to_finish_started_series"
                    else say_n("the {n} month after enrolling to finish a started series",
                               "the {n} months after enrolling to finish a started series", rules.grace.months))
        consequence = (say("the child may not attend until the record is updated, a physician certifies the "
                              "series is in process, or an exemption is on file.")
                          if rules.grace.physician_extension else
                          say("the child may not attend until the record is updated or an exemption is on file."))
        if not attending:
            consequence = say("the child is not attending.")
        in_words = say_data(rules.status_labels.get("in_process", "In process"))
        not_words = say_data(rules.status_labels.get("not_up_to_date", "Not up to date"))
        if status == "in_process":
            reasons.insert(0, say_n("{status}: {n} day left; the last day is {date} ({period}).",
                                    "{status}: {n} days left; the last day is {date} ({period}).", days_left,
                                    status=in_words, date=last_allowed, period=what))
        if uncovered and last_allowed is not None and not within_grace:
            reasons.insert(0, say("{status}: {period} ended {date}; {consequence}", status=not_words, period=what,
                                  date=last_allowed, consequence=consequence))
        elif uncovered and rules.grace.kind == "none":
            reasons.insert(0, say("{status}: {state} allows no time to bring the record up to date; {consequence}",
                                  status=not_words, state=say_data(rules.name), consequence=consequence))
        elif uncovered and last_allowed is None:
            never = [g for g in uncovered if not findings.started.get(g)]
            reasons.insert(0, say("{status}: {groups} never started, so there is no time allowed to finish a "
                                  "series; {consequence}", status=not_words, groups=", ".join(never),
                                  consequence=consequence))
        elif uncovered and status.endswith("_exemption"):
            reasons.append(say_n("The missing doses not covered by the exemption are due by {date} ({n} day left).",
                                 "The missing doses not covered by the exemption are due by {date} ({n} days left).",
                                 (last_allowed - as_of).days, date=last_allowed))
    # A dose that does not count matters where it leaves a requirement unmet; elsewhere it would only be noise.
    for group in missing:
        for verdict in findings.groups[group].doses:
            if verdict.reason and not verdict.valid:
                reasons.append(say("{group} dose of {date}: {why}.", group=say_data(group), date=verdict.given_on,
                                   why=verdict.reason))

    excluded = exclusion_reason(child, as_of, rules, period)
    status_obj = ChildStatus(
        child=child, as_of=as_of, status=status,
        report_group=None if excluded else report_group(child, as_of, period),
        excluded_reason=excluded, missing=missing, days_left=days_left, due_date=due, reasons=reasons,
        last_allowed_day=last_allowed if uncovered else None, must_exclude=must_exclude, groups=findings.groups,
        state=rules.code, report_year=period.year)
    return status_obj


@contextmanager
def _cycle_collector_paused():
    """A roster's statuses are many small objects and no reference cycles; left running, CPython's cycle collector
    rescans the growing list again and again (measured: a sixth of the time for 10,000 children). Any cycle made
    meanwhile is still collected once the collector is back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def evaluate_roster(children, state: str, as_of: date, report_year: int | None = None) -> list[ChildStatus]:
    period = report_period(state, as_of, report_year)
    children = list(children)
    if len(children) < 500:        # a home's roster: nothing to gain
        return [evaluate_child(child, state, as_of, report_year, period=period) for child in children]
    with _cycle_collector_paused():
        return [evaluate_child(child, state, as_of, report_year, period=period) for child in children]
