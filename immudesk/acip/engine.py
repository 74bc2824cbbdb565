"""ACIP dose evaluation and forecast, following CDC's CDSi logic specification v4.6 over our rule tables.

For each antigen: split the history into antigen doses (ch. 4.2), evaluate them against every series a healthy
person can follow (ch. 6: conditional skip, inadvertent vaccine, age, interval, allowable interval, live-virus
conflict, preferable/allowable vaccine), forecast the next target dose (ch. 7), pick the best series (ch. 8), then
roll the antigens up into the eight child-care vaccine groups (ch. 9). Everything here is driven by the tables in
immudesk/acip/tables.py; there are no per-vaccine branches. Pure functions: the only I/O is the one-time table load.

Speed (a roster is evaluated on every screen refresh; bench/bench_acip.py measures it): durations are folded into
Spans when the tables load, age dates (shared by children born the same day) and "date + interval" sums are
cached, and shortcuts skip work that cannot change an answer (see SHORTCUTS; tests/test_acip_shortcuts.py and
tests/test_acip_speed_equivalence.py compare with them off). Forecasts are not deferred: a series' status
(complete, aged out, not complete) comes out of its forecast (ch. 7), and every series needs its status to be
weighed, so a lazy forecast would save only the recommended and past-due dates of the series not chosen.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from .. import dates, vaccines
from .tables import (
    FAR_FUTURE,
    AgeRule,
    Antigen,
    ConditionalSkip,
    IntervalRule,
    Series,
    SeriesDose,
    Span,
    Tables,
    load,
)

VALID, NOT_VALID, EXTRANEOUS = "valid", "not_valid", "extraneous"
COMPLETE, NOT_COMPLETE, AGED_OUT, IMMUNE, CONTRAINDICATED = (
    "complete", "not_complete", "aged_out", "immune", "contraindicated")

# CDC's evaluation reasons, spelled as in CDC's test cases.
TOO_YOUNG = "Age: Too Young"
TOO_OLD = "Age: Too Old"
TOO_SOON = "Interval: too Soon"
LIVE_VIRUS_CONFLICT = "Live Virus Conflict"
INADVERTENT = "Inadvertent Vaccine"
NOT_ALLOWED = "Not a Preferable or Allowable Vaccine"
SERIES_COMPLETE = "Series Already Complete"
GRACE = "Grace period"
NOT_FOR_AGE = "Not a vaccine for this antigen at this age"

ONE_DAY = timedelta(days=1)

# Speed shortcuts that must never change an answer (series no dose can open, twin antigens evaluated once, age-gated
# skip checks, no weighing of a lone series, complete series picked by valid-dose count without scoring);
# tests/test_acip_shortcuts.py turns them off and compares.
SHORTCUTS = True


class EvaluationError(ValueError):
    """Input the engine cannot evaluate (an unknown CVX, a dose before birth, ...); the message says which."""


@dataclass(frozen=True, slots=True)
class AdministeredDose:
    date: Date
    cvx: str


@dataclass(slots=True)
class DoseResult:
    date: Date
    cvx: str
    evaluation: str            # "valid" | "not_valid" | "extraneous"
    reason: str | None         # CDC's reason text, e.g. "Age: Too Young"; "Grace period" for a dose valid by grace


@dataclass(slots=True)
class Forecast:
    dose_number: int
    earliest: Date
    recommended: Date
    past_due: Date | None


@dataclass(slots=True)
class GroupResult:
    group: str
    series_status: str         # "complete" | "not_complete" | "aged_out" | "immune" | "contraindicated"
    doses: list[DoseResult]
    forecast: Forecast | None


# ---------------------------------------------------------------------------------------------------------------
# The patient, as the engine sees one evaluation run


class _AgeDates(dict):
    """Span -> birth date + span, computed on first use: a dict subclass so a cached lookup is a plain subscript."""

    __slots__ = ("birth",)

    def __init__(self, birth: Date):
        super().__init__()
        self.birth = birth

    def __missing__(self, span: Span) -> Date:
        found = self[span] = dates.add(self.birth, 0, span[0], 0, span[1])
        return found


_AGES: dict[Date, _AgeDates] = {}


class _Patient:
    """Birth date, assessment date and the whole history; `age[span]` is the date the child reaches that age."""

    __slots__ = ("age", "assessment", "birth", "doses")

    def __init__(self, birth: Date, assessment: Date, doses: list[tuple[Date, str]]):
        self.birth = birth
        self.assessment = assessment
        self.doses = doses                      # (date, cvx) for the whole history, date order
        # Children born on the same day share their age dates: a roster has a few children per birth date, and
        # the same ~40 ages (6 weeks, 12 months, 4 years...) are asked of every one of them.
        age = _AGES.get(birth)
        if age is None:
            if len(_AGES) > 20_000:             # bound the memory of a long-running app
                _AGES.clear()
            age = _AGES[birth] = _AgeDates(birth)
        self.age = age

    def at_age(self, span: Span) -> Date:
        return self.age[span]

    def vaccine_fits(self, rules, day: Date) -> bool:
        """Is `day` inside the age window of one of these preferable/allowable vaccine rules? (CALCDTPREF/ALLOW)"""
        age = self.age
        for rule in rules:
            begin, end = rule.begin_age, rule.end_age
            if begin is not None and day < age[begin]:
                continue
            if end is not None and day >= age[end]:
                continue
            return True
        return False


_AFTER: dict[tuple[Date, Span], Date] = {}


def _after(day: Date, span: Span) -> Date:
    """day + span, remembered: the same few intervals are added to the same dose dates again and again."""
    found = _AFTER.get((day, span))
    if found is None:
        found = _after_missing(day, span)
    return found


def _after_missing(day: Date, span: Span) -> Date:
    # The hot loops look _AFTER up themselves (a call costs more than the lookup) and come here on a miss.
    if len(_AFTER) > 200_000:           # bound the memory of a long-running app
        _AFTER.clear()
    found = _AFTER[(day, span)] = dates.add(day, 0, span[0], 0, span[1])
    return found


def _in_effect(rule, day: Date) -> bool:
    # RELEVANT-1/-2: a rule applies when the anchor date lies between its effective and cessation dates.
    return rule.effective <= day <= rule.cessation


def _age_rule(dose: SeriesDose, day: Date) -> AgeRule | None:
    if dose.fixed_age is not None:
        return dose.fixed_age
    for age in dose.ages:
        if age.effective <= day <= age.cessation:          # _in_effect, inlined: called for every dose
            return age
    return None


# ---------------------------------------------------------------------------------------------------------------
# One patient series: evaluation (ch. 6) and forecast (ch. 7)


class _SeriesRun:
    """The evaluation of one antigen's doses against one series, and the forecast that follows from it."""

    __slots__ = (
        "all_valid",
        "finish",
        "first_valid",
        "forecast",
        "inadvertent",
        "last_reference",
        "latest",
        "priority",
        "reason",
        "records",
        "remaining",
        "satisfied",
        "series",
        "series_status",
        "status",
        "target",
        "valid_count",
    )

    def __init__(self, series: Series, records: list[tuple[Date, str]]):
        self.series = series
        self.records = records
        self.status: list[str | None] = [None] * len(records)
        self.reason: list[str | None] = [None] * len(records)
        self.inadvertent = [False] * len(records)
        self.satisfied: dict[int, Date] = {}    # series dose number -> date of the dose that satisfied it
        self.target = 0                         # index of the next target dose in series.doses
        self.valid_count = 0
        self.first_valid: Date | None = None
        self.all_valid = True
        self.series_status = NOT_COMPLETE
        self.forecast: Forecast | None = None
        self.latest: Date | None = None         # forecast latest date (max age - 1 day)
        self.priority = False                   # FORECASTPRIORITY-1
        self.finish: Date | None = None         # SELECTB-12 forecast finish date
        self.remaining = 0                      # target doses not yet satisfied
        # CALCDTINT-1: the latest dose so far that was Valid or Not Valid and not an inadvertent administration;
        # doses are evaluated in date order, so keeping it up to date as we go is enough.
        self.last_reference: Date | None = None


def _reference_date(run: _SeriesRun, interval: IntervalRule, upto: int) -> Date | None:
    if interval.from_previous:
        return run.last_reference
    if interval.from_target_dose:
        return run.satisfied.get(interval.from_target_dose)         # CALCDTINT-2
    if interval.from_most_recent:                                    # CALCDTINT-8
        for index in range(upto - 1, -1, -1):
            if run.records[index][1] in interval.from_most_recent and not run.inadvertent[index]:
                return run.records[index][0]
    return None


def _skip_applies(skips: tuple[ConditionalSkip, ...], run: _SeriesRun, patient: _Patient, reference: Date,
                  upto: int) -> bool:
    """Ch. 6.2: can the target dose be skipped, judged on `reference` with the doses before index `upto`?

    Tables 6-10 and 6-11: a set is met when all (AND) or any (OR) of its conditions are; the dose is skipped
    when all (AND) or any (OR) of the sets in effect are met. Written as short-circuit loops: this runs for
    every dose of every series.
    """
    for skip in skips:
        if skip.not_before is not None and SHORTCUTS:
            age = patient.age
            for span in skip.not_before:
                if reference >= age[span]:
                    break
            else:
                continue                 # too young for any of its sets to be met
        all_sets = skip.all_sets
        seen = False
        every = True
        for condition_set in skip.sets:
            if not (condition_set.effective <= reference <= condition_set.cessation):
                continue
            seen = True
            if condition_set.all_conditions:
                met = True
                for condition in condition_set.conditions:
                    if not _condition_met(condition, run, patient, reference, upto):
                        met = False
                        break
            else:
                met = False
                for condition in condition_set.conditions:
                    if _condition_met(condition, run, patient, reference, upto):
                        met = True
                        break
            if met and not all_sets:
                return True
            if not met:
                every = False
                if all_sets:
                    break
        if all_sets and seen and every:
            return True
    return False


def _condition_met(condition, run: _SeriesRun, patient: _Patient, reference: Date, upto: int) -> bool:
    kind = condition.type
    begin_age, end_age = condition.begin_age, condition.end_age
    begin = patient.age[begin_age] if begin_age is not None else patient.birth
    end = patient.age[end_age] if end_age is not None else FAR_FUTURE
    if kind == "age":                                                    # Table 6-6
        return begin <= reference < end
    if kind == "interval":                                               # Table 6-8, CALCDTSKIP-5
        if upto == 0:
            return False
        return reference >= _after(run.records[upto - 1][0], condition.interval)
    # Vaccine count by age / by date (CONDSKIP-1, Table 6-9)
    count = 0
    wanted = condition.cvx
    start_date, end_date = condition.start_date, condition.end_date
    valid_only = condition.valid_only
    status = run.status
    records = run.records
    for index in range(upto):
        day, cvx = records[index]
        if wanted and cvx not in wanted:
            continue
        if not (begin <= day < end and start_date <= day < end_date):
            continue
        if valid_only and status[index] != VALID:
            continue
        count += 1
    logic = condition.count_logic
    if logic == "greater than":
        return count > condition.dose_count
    if logic == "equal to":
        return count == condition.dose_count
    return count < condition.dose_count


def _in_conflict(run: _SeriesRun, index: int, patient: _Patient, tables: Tables) -> bool:
    """Ch. 6.7: was this dose given inside the conflict window of an earlier live vaccine?"""
    day, cvx = run.records[index]
    conflicting = tables.conflicting_cvx_for.get(cvx)
    if not conflicting:
        return False
    for previous_day, previous_cvx in patient.doses:
        if previous_day >= day:
            break
        if previous_cvx not in conflicting:
            continue
        conflict = tables.live_virus_conflicts[(previous_cvx, cvx)]
        # CALCDTCONFLICT-2: the shorter end applies unless the earlier dose is known not to be Valid (a dose of
        # this same antigen evaluated Not Valid in this series).
        end_span = conflict.min_end
        for j in range(index):
            if run.records[j][0] == previous_day and run.records[j][1] == previous_cvx:
                if run.status[j] != VALID:
                    end_span = conflict.end
                break
        if _after(previous_day, conflict.begin) <= day < _after(previous_day, end_span):
            return True
    return False


def _could_start(series: Series, records: list[tuple[Date, str]], patient: _Patient) -> bool:
    """Could one of these doses be the first Valid dose of the series, given before its maximum age to start?

    A cheap necessary condition (old enough for an opening dose, a vaccine that dose accepts at that age), used
    to leave out series that cannot matter: a non-default standard series with no Valid dose, or whose first
    Valid dose comes after its maximum age to start, is never scorable (SELECTSCORE-2), and its group's default
    series is prioritized instead (Table 8-3). This is what keeps adult series (HepB 19+, Heplisav-B, polio
    adult catch-up) from costing a toddler's evaluation anything.
    """
    # Only a standard series must start before its maximum age to start to be scored; an evaluation-only
    # series is scored whenever it is complete.
    latest_start = (patient.age[series.max_age_to_start]
                    if series.max_age_to_start is not None and series.type == "Standard" else FAR_FUTURE)
    if not records:
        return False
    ages = series.opening_ages
    if ages is not None:
        last, at = records[-1][0], patient.age
        for span in ages:
            if last >= at[span]:
                break
        else:
            return False      # even the latest dose is younger than every opening dose's absolute minimum age
    opening_cvx = series.opening_cvx
    for day, cvx in records:
        if day >= latest_start:
            return False
        if cvx not in opening_cvx:
            continue
        for dose in series.opening_doses:
            if dose.ages:
                old_enough = False
                for age in dose.ages:
                    if age.abs_min is None or day >= patient.age[age.abs_min]:
                        old_enough = True
                        break
                if not old_enough:
                    continue
            rules = dose.preferable.get(cvx)
            if rules and patient.vaccine_fits(rules, day):
                return True
            rules = dose.allowable.get(cvx)
            if rules and patient.vaccine_fits(rules, day):
                return True
    return False


def _evaluate_series(series: Series, records: list[tuple[Date, str]], patient: _Patient, tables: Tables) -> _SeriesRun:
    """Ch. 4.4 / 6: walk the doses in date order against the series' target doses (hot path: locals on purpose)."""
    run = _SeriesRun(series, records)
    doses = series.doses
    count = len(doses)
    status, reason = run.status, run.reason
    age_at = patient.age
    after = _AFTER
    conflicting = tables.conflicting_cvx_for
    fits = patient.vaccine_fits
    # Tallies kept in locals and stored once at the end: the skip, interval and conflict checks read only the
    # status lists, the satisfied doses and the last reference date, which are kept on the run as we go.
    valid_count = 0
    first_valid = None
    all_valid = True
    target = 0
    for index, (day, cvx) in enumerate(records):
        # Ch. 6.2: skip target doses the history makes unnecessary.
        while target < count and doses[target].evaluation_skips and _skip_applies(
                doses[target].evaluation_skips, run, patient, day, index):
            target += 1
        if target >= count:
            status[index], reason[index] = EXTRANEOUS, SERIES_COMPLETE
            continue
        dose = doses[target]
        if cvx in dose.inadvertent:                                     # ch. 6.3
            status[index], reason[index] = NOT_VALID, INADVERTENT
            run.inadvertent[index] = True
            all_valid = False
            continue
        # The first failing check in the spec's order (age, interval, live-virus conflict, vaccine) is the
        # reason given. CDC's test cases are not consistent about which reason they show when a dose fails two
        # checks (2013-0034 too young and too soon: "Age"; 2013-0111 likewise: "Interval"), so we keep the order
        # a provider can follow: the child's age first.
        grace = False
        failure = None
        age = dose.fixed_age or _age_rule(dose, day)                    # ch. 6.4
        if age is not None:
            if age.abs_min is not None and day < age_at[age.abs_min]:
                failure = TOO_YOUNG
            elif age.max is not None and day >= age_at[age.max]:
                status[index], reason[index] = EXTRANEOUS, TOO_OLD
                all_valid = False
                continue
            elif age.min is not None and day < age_at[age.min]:
                grace = True
        interval_ok = True                                              # ch. 6.5
        for interval in dose.intervals:
            if not (interval.effective <= day <= interval.cessation):
                continue
            reference = run.last_reference if interval.from_previous else _reference_date(run, interval, index)
            if reference is None:
                continue
            span = interval.abs_min
            if span is not None:
                when = after.get((reference, span)) or _after_missing(reference, span)
                if day < when:
                    interval_ok = False
                    break
            span = interval.min
            if span is not None:
                when = after.get((reference, span)) or _after_missing(reference, span)
                if day < when:
                    grace = True
        if not interval_ok:                                             # ch. 6.6
            allowed = False
            for interval in dose.allowable_intervals:
                if not _in_effect(interval, day):
                    continue
                reference = _reference_date(run, interval, index)
                if reference is None or interval.abs_min is None:
                    continue
                allowed = day >= _after(reference, interval.abs_min)
                if not allowed:
                    break
            if not allowed and failure is None:
                failure = TOO_SOON
        if failure is None and cvx in conflicting and _in_conflict(run, index, patient, tables):
            failure = LIVE_VIRUS_CONFLICT                               # ch. 6.7
        if failure is None:                                             # ch. 6.8 and 6.9
            preferable = dose.preferable.get(cvx)
            if not (preferable and fits(preferable, day)):
                allowable = dose.allowable.get(cvx)
                if not (allowable and fits(allowable, day)):
                    failure = NOT_ALLOWED
        run.last_reference = day
        if failure is not None:                                         # ch. 6.10
            status[index], reason[index] = NOT_VALID, failure
            all_valid = False
            continue
        status[index] = VALID
        if grace:
            reason[index] = GRACE
        run.satisfied.setdefault(dose.number, day)
        valid_count += 1
        if first_valid is None:
            first_valid = day
        if not dose.recurring:
            target += 1
    run.target = target
    run.valid_count = valid_count
    run.first_valid = first_valid
    run.all_valid = all_valid
    return run


def _forecast_dose(run: _SeriesRun, dose: SeriesDose, patient: _Patient, tables: Tables):
    """FORECASTDTCAN-1 and FORECASTDT-1..6 for one target dose: (earliest, recommended, past due, latest, max age date)."""
    records = run.records
    upto = len(records)
    assessment = patient.assessment
    age = dose.fixed_age or _age_rule(dose, assessment)
    candidates = []
    recommended = past_due = max_date = None
    if age is not None:
        if age.min is not None:
            candidates.append(patient.age[age.min])
        if age.earliest_rec is not None:
            recommended = patient.age[age.earliest_rec]
        if age.latest_rec is not None:
            past_due = patient.age[age.latest_rec] - ONE_DAY
        if age.max is not None:
            max_date = patient.age[age.max]
    interval_recommended = interval_past_due = None
    priority = bool(dose.intervals)
    for interval in dose.intervals:
        if not (interval.effective <= assessment <= interval.cessation):
            continue
        priority = priority and interval.priority_flag
        reference = run.last_reference if interval.from_previous else _reference_date(run, interval, upto)
        if reference is None:
            continue
        if interval.min is not None:
            candidates.append(_after(reference, interval.min))
        if interval.earliest_rec is not None:
            when = _after(reference, interval.earliest_rec)
            interval_recommended = when if interval_recommended is None else max(interval_recommended, when)
        if interval.latest_rec is not None:
            when = _after(reference, interval.latest_rec) - ONE_DAY
            interval_past_due = when if interval_past_due is None else max(interval_past_due, when)
    # CALCDTCONFLICT-3: a live vaccine cannot be forecast inside the conflict window of one already given.
    for cvx in dose.live_preferable:
        conflicting = tables.conflicting_cvx_for[cvx]
        for day, given in patient.doses:
            if given in conflicting:
                candidates.append(_after(day, tables.live_virus_conflicts[(given, cvx)].end))
    if records:
        candidates.append(records[-1][0])
    earliest = max(candidates) if candidates else patient.birth
    if recommended is None:
        recommended = interval_recommended if interval_recommended is not None else earliest
    if past_due is None:
        past_due = interval_past_due
    recommended = max(recommended, earliest)
    if past_due is not None:
        past_due = max(past_due, earliest)
    latest = max_date - ONE_DAY if max_date is not None else None
    return earliest, recommended, past_due, latest, max_date, priority


def _forecast_series(run: _SeriesRun, patient: _Patient, tables: Tables, immune: bool) -> None:
    """Ch. 7: conditional skip at the assessment date, immunity, forecast need, dates, then 7.6 validation."""
    doses = run.series.doses
    count = len(doses)
    upto = len(run.records)
    while True:
        while run.target < count and doses[run.target].forecast_skips and _skip_applies(
                doses[run.target].forecast_skips, run, patient, patient.assessment, upto):
            run.target += 1
        if run.target >= count:
            run.series_status = COMPLETE
            run.remaining = 0
            return
        if immune:
            run.series_status = IMMUNE
            return
        dose = doses[run.target]
        earliest, recommended, past_due, latest, max_date, priority = _forecast_dose(run, dose, patient, tables)
        if max_date is not None and (patient.assessment >= max_date or earliest >= max_date):
            run.series_status = AGED_OUT
            return
        # 7.6: if the dose would be skipped by the time it can be given, forecast the next one instead.
        if dose.forecast_skips and _skip_applies(dose.forecast_skips, run, patient, earliest, upto):
            run.target += 1
            continue
        break
    run.series_status = NOT_COMPLETE
    # FORECASTDN-1: satisfied target doses + 1 (each Valid dose satisfies one target dose).
    run.forecast = Forecast(run.valid_count + 1, earliest, recommended, past_due)
    run.latest = latest
    run.priority = priority
    run.remaining = count - run.target


def _finish_date(run: _SeriesRun, patient: _Patient) -> Date | None:
    """SELECTB-12: the forecast's earliest date plus the minimum intervals (and ages) of the doses still to come.

    Only series scoring needs it, so it is computed on demand."""
    if run.forecast is None:
        return None
    finish = run.forecast.earliest
    assessment = patient.assessment
    age_at = patient.age
    memo = _AFTER
    for later in run.series.doses[run.target + 1:]:
        step = None
        for interval in later.finish_intervals:         # from the previous dose, with a minimum
            if interval.effective <= assessment <= interval.cessation:
                span = interval.min
                after = memo.get((finish, span)) or _after_missing(finish, span)
                if step is None or after > step:
                    step = after
        if step is not None:
            finish = step
        age = later.fixed_age or _age_rule(later, assessment)
        if age is not None and age.min is not None:
            at = age_at[age.min]
            if at > finish:
                finish = at
    return finish


# ---------------------------------------------------------------------------------------------------------------
# Best patient series (ch. 8)


def _points(values: list, best, higher: int, tie: int, lower: int) -> list[int]:
    """Award `higher` to the single series holding the best value, `tie` when several share it, else `lower`."""
    holders = sum(1 for v in values if v == best)
    return [(higher if holders == 1 else tie) if v == best else lower for v in values]


def _score(runs: list[_SeriesRun], kind: str, patient: _Patient) -> list[int]:
    if kind != "complete":
        for run in runs:
            run.finish = _finish_date(run, patient)
    assessment = patient.assessment

    def completable(run: _SeriesRun) -> bool:
        # SELECTB-3: the series can be finished before the maximum age of its last dose.
        if run.finish is None:
            return False
        age = _age_rule(run.series.doses[-1], assessment)
        return age is None or age.max is None or run.finish < patient.age[age.max]

    if kind == "complete":                                               # Table 8-7
        valid = [r.valid_count for r in runs]
        return _points(valid, max(valid), 1, 0, -1)
    if kind == "in_process":                                             # Table 8-9
        can_finish = [completable(r) for r in runs]
        valid = [r.valid_count for r in runs]
        remaining = [r.remaining for r in runs]
        finishes = [r.finish if c else None for r, c in zip(runs, can_finish)]
        known = [f for f in finishes if f is not None]
        scores = [(2 if r.series.product_path and r.all_valid else -2) + (3 if c else -3)
                  for r, c in zip(runs, can_finish)]
        for i, p in enumerate(_points(valid, max(valid), 2, 0, -2)):
            scores[i] += p
        for i, p in enumerate(_points(remaining, min(remaining), 2, 0, -2)):
            scores[i] += p
        for i, p in enumerate(_points(finishes, min(known), 1, 0, -1) if known else [-1] * len(runs)):
            scores[i] += p
        return scores
    # Table 8-11, no valid doses
    starts = [r.forecast.earliest if r.forecast else None for r in runs]
    known = [s for s in starts if s is not None]
    scores = list(_points(starts, min(known), 1, 0, -1)) if known else [-1] * len(runs)
    for i, r in enumerate(runs):
        scores[i] += (1 if completable(r) else -1) + (-1 if r.series.product_path else 1)
    return scores


def _prioritized(runs: list[_SeriesRun], patient: _Patient) -> _SeriesRun:
    """Ch. 8.1-8.7: the one prioritized patient series of a series group."""
    scorable = []
    any_valid = False
    default = None
    for run in runs:                      # one pass instead of any() and next() over generators
        if run.valid_count:
            any_valid = True
        if default is None and run.series.default:
            default = run
    for run in runs:
        series = run.series
        if series.type == "Evaluation Only":
            if run.series_status == COMPLETE:
                scorable.append(run)
        elif run.valid_count:
            # SELECTSCORE-2: a catch-up series counts only if it was started before its maximum age to start.
            if series.max_age_to_start is None or run.first_valid < patient.age[series.max_age_to_start]:
                scorable.append(run)
        elif not any_valid and default is None:
            scorable.append(run)
    if not scorable:
        return default if default is not None else min(runs, key=lambda r: r.series.preference)
    if len(scorable) == 1:
        return scorable[0]
    complete = [r for r in scorable if r.series_status == COMPLETE]
    in_process = [r for r in scorable if r.series_status == NOT_COMPLETE and r.valid_count]
    if len(complete) == 1:
        return complete[0]
    if not complete and len(in_process) == 1:
        return in_process[0]
    if not complete and not in_process and default is not None and all(r.valid_count == 0 for r in scorable):
        return default
    if len(complete) >= 2 and SHORTCUTS:
        # Table 8-7 scores only the number of valid doses (+1 to a single leader, 0 to tied leaders, -1 to the
        # rest), so the best score is held exactly by the series with the most valid doses: no need to score.
        most = max(r.valid_count for r in complete)
        return min((r for r in complete if r.valid_count == most), key=lambda r: r.series.preference)
    if len(complete) >= 2:
        candidates, kind = complete, "complete"
    elif len(in_process) >= 2:
        candidates, kind = in_process, "in_process"
    elif all(r.valid_count == 0 for r in scorable):
        candidates, kind = scorable, "no_valid"
    else:
        candidates, kind = scorable, "in_process"
    scores = _score(candidates, kind, patient)
    best = max(scores)
    return min((r for r, s in zip(candidates, scores) if s == best), key=lambda r: r.series.preference)


def _equivalence(antigen: Antigen) -> dict[str, str]:
    """Series group -> a representative of its class of equivalent groups (following equivalence both ways)."""
    parent: dict[str, str] = {}

    def find(g):
        while parent.setdefault(g, g) != g:
            g = parent[g]
        return g

    for series in antigen.series:
        find(series.group)
        if series.equivalent_group:
            parent[find(series.group)] = find(series.equivalent_group)
    return {series.group: find(series.group) for series in antigen.series}


_EQUIVALENCE: dict[str, dict[str, str]] = {}


def _equivalence_classes(antigen: Antigen) -> dict[str, str]:
    classes = _EQUIVALENCE.get(antigen.name)
    if classes is None:
        classes = _EQUIVALENCE[antigen.name] = _equivalence(antigen)
    return classes
_STATUS_ORDER = {NOT_COMPLETE: 0, COMPLETE: 1, IMMUNE: 2, AGED_OUT: 3}


def _best_series(antigen: Antigen, runs: list[_SeriesRun], patient: _Patient) -> list[_SeriesRun]:
    """Ch. 8.8: the best patient series, most decisive first (the one whose status and forecast the antigen takes)."""
    if len(runs) == 1 and SHORTCUTS:
        # One series: it is its group's prioritized series whatever it scores, and the antigen falls back to it
        # even when it is not a best series (an incomplete evaluation-only series), so there is nothing to weigh.
        return runs
    by_group: dict[str, list[_SeriesRun]] = {}
    for run in runs:
        by_group.setdefault(run.series.group, []).append(run)
    prioritized = {group: _prioritized(group_runs, patient) for group, group_runs in by_group.items()}
    classes = _equivalence_classes(antigen)
    best = []
    for group, run in prioritized.items():
        if run.series_status in (COMPLETE, IMMUNE):
            best.append(run)
            continue
        if run.series.type == "Evaluation Only":
            continue
        if any(other.series_status == COMPLETE and classes[g] == classes[group]
               for g, other in prioritized.items() if g != group):
            continue
        best.append(run)
    best.sort(key=lambda r: (_STATUS_ORDER.get(r.series_status, 9),
                             r.forecast.earliest if r.forecast else FAR_FUTURE))
    return best


# ---------------------------------------------------------------------------------------------------------------
# Antigens and vaccine groups (ch. 4.2, 9)


@dataclass(slots=True)
class _AntigenResult:
    status: str
    forecast: Forecast | None
    priority: bool
    evaluations: dict[int, tuple[str, str | None]]      # patient dose index -> (evaluation, reason)


def _evaluate_antigen(antigen: Antigen, indexed: list[tuple[int, Date, str]], patient: _Patient, tables: Tables,
                      immune: bool) -> _AntigenResult:
    records = [(day, cvx) for _, day, cvx in indexed]
    runs = []
    settled = None            # equivalence classes (see _best_series) of groups settled by their default series
    seen: set[str] = set()    # groups with a series evaluated
    classes = _equivalence_classes(antigen)
    for series in antigen.series:
        if SHORTCUTS and series.prunable and (len(records) < series.doses_to_complete
                                              or not _could_start(series, records, patient)):
            continue          # it could never be scored (SELECTSCORE-2, see Series.prunable, doses_to_complete)
        if settled is not None and classes[series.group] in settled and (
                series.group in settled[classes[series.group]] or series.group not in seen):
            # Its group's default series is complete with every dose valid (see below); or it belongs to a group
            # equivalent to such a settled group and listed after it: that group's best series is either left
            # out of the best series (incomplete, ch. 8.8), or sorts after the settled one (immune, aged out), or
            # ties with it and keeps its later place (complete), so it can never lead the antigen.
            continue
        seen.add(series.group)
        run = _evaluate_series(series, records, patient, tables)
        _forecast_series(run, patient, tables, immune)
        runs.append(run)
        if (SHORTCUTS and series.settles_group and run.series_status == COMPLETE
                and 0 < run.valid_count == len(records)
                and (series.max_age_to_start is None or run.first_valid < patient.age[series.max_age_to_start])):
            # A scorable complete series with every dose valid: another series of the group can have no more
            # valid doses, so it could at best tie on Table 8-7's only criterion and lose on preference; and with
            # a complete series in the group, an incomplete one is never prioritized (ch. 8.4-8.7).
            settled = settled or {}
            settled.setdefault(classes[series.group], set()).add(series.group)
    best = _best_series(antigen, runs, patient)
    lead = best[0] if best else runs[0]
    evaluations = {index: (lead.status[i], lead.reason[i]) for i, (index, _, _) in enumerate(indexed)}
    return _AntigenResult(lead.series_status, lead.forecast, lead.priority, evaluations)


_MERGE_ORDER = {NOT_VALID: 0, VALID: 1, EXTRANEOUS: 2}
_NOT_FOR_AGE = (NOT_VALID, NOT_FOR_AGE)      # a dose of the group that none of its antigens could take


def _group_result(group: vaccines.VaccineGroup, results: list[_AntigenResult], patient: _Patient,
                  covered: list[tuple[int, Date, str]], tables: Tables) -> GroupResult:
    if len(results) == 1:
        # One antigen (SINGLEANTVG-1): its status, forecast and verdicts are the group's; the forecast's dates
        # are already no earlier than its earliest date (FORECASTVG-2/-3 change nothing).
        result = results[0]
        forecast = result.forecast
        if result.status == NOT_COMPLETE and forecast is not None:
            forecast = Forecast(forecast.dose_number, forecast.earliest, max(forecast.recommended, forecast.earliest),
                                None if forecast.past_due is None else max(forecast.past_due, forecast.earliest))
        else:
            forecast = None
        evaluations = result.evaluations
        doses = []
        for index, day, cvx in covered:
            evaluation, reason = evaluations.get(index, _NOT_FOR_AGE)
            doses.append(DoseResult(day, cvx, evaluation, reason))
        return GroupResult(group.name, result.status, doses, forecast)
    statuses = [r.status for r in results]
    if len(results) == 1:
        status = statuses[0]                                             # SINGLEANTVG-1
    elif CONTRAINDICATED in statuses:                                    # Table 9-4
        status = CONTRAINDICATED
    elif AGED_OUT in statuses:
        status = AGED_OUT
    elif NOT_COMPLETE in statuses:
        status = NOT_COMPLETE
    elif all(s == IMMUNE for s in statuses):
        status = IMMUNE
    else:
        status = COMPLETE
    forecast = None
    forecasts = [r for r in results if r.forecast is not None]
    if status == NOT_COMPLETE and forecasts:
        earliests = [r.forecast.earliest for r in forecasts]
        if len(results) == 1:
            earliest = earliests[0]
        elif any(r.priority for r in forecasts):                         # MULTIANTVG-1
            earliest = max(min(earliests), max(day for _, day, _ in covered)) if covered else min(earliests)
        else:
            earliest = max(earliests)
        recommended = max(min(r.forecast.recommended for r in forecasts), earliest)      # FORECASTVG-2
        past_dues = [r.forecast.past_due for r in forecasts if r.forecast.past_due is not None]
        past_due = max(min(past_dues), earliest) if past_dues else None                 # FORECASTVG-3
        numbers = [r.forecast.dose_number for r in forecasts]
        full = tables.administer_full_vaccine_group.get(group.cdsi_name, False)
        forecast = Forecast(min(numbers) if full else max(numbers), earliest, recommended, past_due)  # FORECASTDN-2
    doses = []
    for index, day, cvx in covered:
        found = [r.evaluations[index] for r in results if index in r.evaluations]
        if len(found) == 1:
            evaluation, reason = found[0]
        elif found:
            # One antigen finding a dose Not Valid makes the product Not Valid for the group.
            evaluation, reason = min(found, key=lambda f: _MERGE_ORDER[f[0]])
        else:
            evaluation, reason = _NOT_FOR_AGE
        doses.append(DoseResult(day, cvx, evaluation, reason))
    return GroupResult(group.name, status, doses, forecast)


def evaluate(birth_date: Date, doses: list[AdministeredDose], assessment_date: Date,
             immunity: frozenset[str] = frozenset(), only_groups: frozenset[str] | None = None
             ) -> dict[str, GroupResult]:
    """Evaluate a child's doses and forecast the next dose of each of the eight child-care vaccine groups.

    `immunity` names antigens with evidence of immunity (e.g. {"Varicella"} after documented chickenpox).
    `only_groups` limits the answer to these vaccine groups (default: all eight).
    Doses dated after the assessment date were not given yet as of that date: they are left out.
    Raises EvaluationError for input that cannot be evaluated (unknown CVX, a dose before birth, ...).
    """
    tables = load()
    if not isinstance(birth_date, Date) or not isinstance(assessment_date, Date):
        raise EvaluationError("the birth date and the assessment date must be dates")
    if assessment_date < birth_date:
        raise EvaluationError(f"the assessment date {assessment_date.isoformat()} is before the birth date "
                              f"{birth_date.isoformat()}")
    unknown_immunity = set(immunity) - set(tables.antigens) if immunity else None
    if unknown_immunity:
        raise EvaluationError(f"evidence of immunity names unknown antigens: {', '.join(sorted(unknown_immunity))}; "
                              f"use antigen names such as {', '.join(tables.antigens)}")
    history: list[tuple[Date, str]] = []
    coverage = []
    for dose in doses:
        day = dose.date
        if not isinstance(day, Date):
            raise EvaluationError(f"dose {dose!r}: the date must be a date")
        cvx, covers = _cvx_coverage(dose.cvx)
        if covers is None:
            raise EvaluationError(f"CVX {dose.cvx!r} is not a vaccine immudesk knows (dose of {day.isoformat()})")
        if day < birth_date:
            raise EvaluationError(f"a dose of CVX {cvx} is dated {day.isoformat()}, before the birth date "
                                  f"{birth_date.isoformat()}")
        if day <= assessment_date:
            history.append((day, cvx))
            coverage.append(covers)
    if any(history[i][0] > history[i + 1][0] for i in range(len(history) - 1)):
        order = sorted(range(len(history)), key=lambda i: history[i][0])   # stable: same-day doses keep their order
        history = [history[i] for i in order]
        coverage = [coverage[i] for i in order]
    patient = _Patient(birth_date, assessment_date, history)

    # Ch. 4.2: break each dose into antigen records (respecting the ages an association holds, e.g. zoster).
    per_antigen: dict[str, list[tuple[int, Date, str]]] = {name: [] for name in tables.antigens}
    per_group: dict[str, list[tuple[int, Date, str]]] = {name: [] for name in vaccines.GROUP_NAMES}
    age = patient.age
    for index, ((day, cvx), (associations, groups)) in enumerate(zip(history, coverage)):
        record = (index, day, cvx)
        for antigen, begin, end in associations:
            if begin is not None and day < age[begin]:
                continue
            if end is not None and day >= age[end]:
                continue
            per_antigen[antigen].append(record)
        for group_name in groups:
            per_group[group_name].append(record)

    born_immune = {name for name, before in _born_immune_dates() if birth_date < before}
    results = {}
    shared: dict[tuple, _AntigenResult] = {}
    for group in _groups():
        group_name = group.name
        if only_groups is not None and group_name not in only_groups:
            continue
        antigen_results = []
        for name in group.antigens:
            antigen, indexed = tables.antigens[name], per_antigen[name]
            immune = name in immunity or name in born_immune
            if len(group.antigens) == 1 or not SHORTCUTS:
                antigen_results.append(_evaluate_antigen(antigen, indexed, patient, tables, immune))
                continue
            # Diphtheria, tetanus and pertussis (and measles, mumps, rubella) usually see the same doses, and
            # their rules differ only for vaccines this child did not get: evaluate such twins once.
            key = (_antigen_signature(antigen, frozenset(cvx for _, _, cvx in indexed), tables), immune,
                   tuple(indexed))
            result = shared.get(key)
            if result is None:
                result = shared[key] = _evaluate_antigen(antigen, indexed, patient, tables, immune)
            antigen_results.append(result)
        results[group_name] = _group_result(group, antigen_results, patient, per_group[group_name], tables)
    return results


# ---------------------------------------------------------------------------------------------------------------
# Antigen signatures: the rules of an antigen as far as a given set of vaccines (CVX codes) can tell them apart

_SIGNATURE_OF: dict[tuple[str, frozenset[str]], int] = {}
_SIGNATURE_IDS: dict[tuple, int] = {}


def _antigen_signature(antigen: Antigen, given: frozenset[str], tables: Tables) -> int:
    """A number equal for two antigens exactly when their rules cannot treat these vaccines differently.

    Everything the engine reads is included (ages, intervals, skips, series selection, immunity), with each CVX
    list cut down to the vaccines given; the forecast's live-virus spacing reads the preferable vaccines that
    can be in conflict, so those are kept whole.
    """
    key = (antigen.name, given)
    found = _SIGNATURE_OF.get(key)
    if found is None:
        if len(_SIGNATURE_OF) > 50_000:
            _SIGNATURE_OF.clear()
        live = frozenset(tables.conflicting_cvx_for)
        signature = (antigen.immune_if_born_before,
                     tuple(_series_signature(series, given, live) for series in antigen.series))
        found = _SIGNATURE_OF[key] = _SIGNATURE_IDS.setdefault(signature, len(_SIGNATURE_IDS))
    return found


def _series_signature(series: Series, given: frozenset[str], live: frozenset[str]) -> tuple:
    def vaccines_given(by_cvx):
        return tuple(sorted((cvx, rules) for cvx, rules in by_cvx.items() if cvx in given))

    def skip_signature(skip: ConditionalSkip):
        return (skip.all_sets, tuple(
            (s.all_conditions, s.effective, s.cessation, tuple(
                (c.type, c.begin_age, c.end_age, c.start_date, c.end_date, c.interval, c.dose_count, c.valid_only,
                 c.count_logic, bool(c.cvx), c.cvx & given) for c in s.conditions))
            for s in skip.sets))

    def interval_signature(i: IntervalRule):
        return (i.from_previous, i.from_target_dose, bool(i.from_most_recent), i.from_most_recent & given,
                i.abs_min, i.min, i.earliest_rec, i.latest_rec, i.priority_flag, i.effective, i.cessation)

    doses = tuple(
        (dose.number, dose.ages, tuple(map(interval_signature, dose.intervals)),
         tuple(map(interval_signature, dose.allowable_intervals)),
         vaccines_given(dose.preferable), vaccines_given(dose.allowable), frozenset(dose.preferable) & live,
         dose.inadvertent & given, tuple(map(skip_signature, dose.evaluation_skips)),
         tuple(map(skip_signature, dose.forecast_skips)), dose.recurring)
        for dose in series.doses)
    return (series.type, series.group, series.equivalent_group, series.default, series.product_path,
            series.preference, series.priority, series.min_age_to_start, series.max_age_to_start, doses)


_SPANS: dict[str, Span] = {}
_COVERAGE: dict[object, tuple[str, tuple | None]] = {}


@lru_cache(maxsize=1)
def _groups() -> tuple[vaccines.VaccineGroup, ...]:
    return tuple(vaccines.group(name) for name in vaccines.GROUP_NAMES)


def _cvx_coverage(raw) -> tuple[str, tuple | None]:
    """(normalized CVX, coverage) for a CVX as given; coverage is None for a code immudesk does not know.

    Coverage is ((antigen, association begin age, end age), ...) and the vaccine groups, from the catalogue; a
    live vaccine outside the eight groups (nasal flu...) covers nothing but is known, for live-virus spacing.
    """
    found = _COVERAGE.get(raw)
    if found is None:
        cvx = vaccines.normalize_cvx(str(raw))
        known = load()
        associations = tuple((row.antigen, _span(row.begin_age) if row.begin_age else None,
                              _span(row.end_age) if row.end_age else None)
                             for row in vaccines.cvx_antigens(cvx) if row.antigen in known.antigens)
        if associations or cvx in known.other_live_vaccines:
            found = (cvx, (associations, tuple(vaccines.groups_for_cvx(cvx))))
        else:
            found = (cvx, None)
        if len(_COVERAGE) < 10_000:          # unknown codes from bad input must not grow it without bound
            _COVERAGE[raw] = found
    return found


@lru_cache(maxsize=1)
def _born_immune_dates() -> tuple[tuple[str, Date], ...]:
    """Antigens with immunity by birth date (born before 1957 for measles...), as (antigen, date) pairs."""
    return tuple((name, antigen.immune_if_born_before) for name, antigen in load().antigens.items()
                 if antigen.immune_if_born_before is not None)


def _span(text: str) -> Span:
    found = _SPANS.get(text)
    if found is None:
        duration = dates.parse_duration(text)
        found = _SPANS[text] = Span(duration.years * 12 + duration.months, duration.weeks * 7 + duration.days)
    return found
