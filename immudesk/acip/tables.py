"""The ACIP rule tables (resources/acip/antigens/*.json, schedule.json), loaded once and checked as they load.

The tables are written by tools/derive_acip_tables.py from CDC CDSi supporting data. Loading turns every
duration into a ready-to-add Span and every date into a date, so evaluating a child does no parsing at all, and
it refuses a table with a dangling reference (a dose interval from a dose that does not exist, a CVX code that
resources/acip/cvx.csv does not know, a duration we cannot read): a broken table must stop the app at start-up,
not quietly misjudge a child's record.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .. import dates, vaccines
from ..resources import resource_path

ANTIGEN_NAMES = ("Diphtheria", "Tetanus", "Pertussis", "Polio", "Hib", "Pneumococcal", "HepB",
                 "Measles", "Mumps", "Rubella", "Varicella", "HepA")
SERIES_TYPES = ("Standard", "Evaluation Only")
SKIP_CONTEXTS = ("evaluation", "forecast", "both")
CONDITION_TYPES = ("age", "interval", "vaccine count by age", "vaccine count by date")
COUNT_LOGIC = ("greater than", "equal to", "less than")

FAR_PAST = dates.Date(1900, 1, 1)
FAR_FUTURE = dates.Date(2999, 12, 31)


class TableError(ValueError):
    """A rule table that cannot be trusted; the message names the file and the place."""


class Span(NamedTuple):
    """A CDSi duration folded for fast adding: whole months (years x 12 + months) and days (weeks x 7 + days).

    dates.add applies years and months together, then days, so folding changes nothing in the result. A
    tuple, so the engine can use it as a cheap dictionary key when it caches a child's age dates.
    """
    months: int
    days: int

    def after(self, date: dates.Date) -> dates.Date:
        return dates.add(date, 0, self.months, 0, self.days)


@dataclass(frozen=True, slots=True)
class AgeRule:
    abs_min: Span | None
    min: Span | None
    earliest_rec: Span | None
    latest_rec: Span | None
    max: Span | None
    effective: dates.Date
    cessation: dates.Date


@dataclass(frozen=True, slots=True)
class IntervalRule:
    from_previous: bool
    from_target_dose: int | None          # 1-based dose number in the same series
    from_most_recent: frozenset[str]      # CVX codes: measured from the latest dose of one of these
    abs_min: Span | None
    min: Span | None
    earliest_rec: Span | None
    latest_rec: Span | None
    priority_flag: bool                   # CDSi "override": this interval drives a multi-antigen group's date
    effective: dates.Date
    cessation: dates.Date


@dataclass(frozen=True, slots=True)
class VaccineRule:
    cvx: str
    begin_age: Span | None
    end_age: Span | None
    forecast: bool


@dataclass(frozen=True, slots=True)
class Condition:
    type: str
    begin_age: Span | None
    end_age: Span | None
    start_date: dates.Date
    end_date: dates.Date
    interval: Span | None
    dose_count: int
    valid_only: bool                      # count only Valid doses (dose type "Valid"), else every dose
    count_logic: str
    cvx: frozenset[str]


@dataclass(frozen=True, slots=True)
class ConditionSet:
    all_conditions: bool                  # AND (every condition) or OR (at least one)
    effective: dates.Date
    cessation: dates.Date
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class ConditionalSkip:
    all_sets: bool
    sets: tuple[ConditionSet, ...]
    # Ages one of which the reference date must have reached for any set to be met, when every set requires an
    # age (e.g. "not required for those 7 years or older"); None when there is no such shortcut. Lets the engine
    # dismiss most skip checks for young children with one date comparison.
    not_before: tuple[Span, ...] | None = None

    def __post_init__(self):
        required = []
        for condition_set in self.sets:
            ages = [c.begin_age for c in condition_set.conditions if c.type == "age" and c.begin_age is not None]
            if not ages or not (condition_set.all_conditions or len(condition_set.conditions) == 1):
                return
            required.append(ages[0])
        if self.all_sets and len(self.sets) != 1:
            return
        object.__setattr__(self, "not_before", tuple(required))


@dataclass(frozen=True, slots=True)
class SeriesDose:
    number: int
    ages: tuple[AgeRule, ...]
    intervals: tuple[IntervalRule, ...]
    allowable_intervals: tuple[IntervalRule, ...]
    preferable: dict[str, tuple[VaccineRule, ...]]
    allowable: dict[str, tuple[VaccineRule, ...]]
    inadvertent: frozenset[str]
    evaluation_skips: tuple[ConditionalSkip, ...]
    forecast_skips: tuple[ConditionalSkip, ...]
    recurring: bool
    fixed_age: AgeRule | None = None        # the one age rule when it has no effective/cessation dates
    # Preferable vaccines that can be in a live-virus conflict (set by load_from once the schedule is read):
    # the forecast must wait out their conflict windows (CALCDTCONFLICT-3).
    live_preferable: tuple[str, ...] = ()
    # The intervals from the previous dose that have a minimum: the ones a series' finish date adds up (SELECTB-12).
    finish_intervals: tuple[IntervalRule, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "finish_intervals", tuple(
            i for i in self.intervals if i.from_previous and i.min is not None))
        if len(self.ages) == 1 and self.ages[0].effective == FAR_PAST and self.ages[0].cessation == FAR_FUTURE:
            object.__setattr__(self, "fixed_age", self.ages[0])


@dataclass(frozen=True, slots=True)
class Series:
    antigen: str
    name: str
    type: str
    group: str
    equivalent_group: str | None
    default: bool
    product_path: bool
    preference: int
    priority: str
    min_age_to_start: Span | None
    max_age_to_start: Span | None
    doses: tuple[SeriesDose, ...]
    prunable: bool = False          # set by parse_antigen: a series that cannot matter until a dose can open it
    # Set by parse_antigen: the group's default standard series, listed before the group's other series and
    # preferred to each of them (a lower preference number). Once it is complete with every dose valid, no other
    # series of the group can be chosen over it (engine._evaluate_antigen).
    settles_group: bool = False
    # The doses a first Valid dose can satisfy: dose 1 and, while a dose can be skipped during evaluation, the
    # next ones (a dose that cannot be skipped must be satisfied before any later dose can be).
    opening_doses: tuple[SeriesDose, ...] = ()
    opening_cvx: frozenset[str] = frozenset()      # the vaccines one of those doses accepts at some age
    # The absolute minimum ages of those doses' age rules: a dose younger than all of them opens nothing. None when
    # one of them has no minimum.
    opening_ages: tuple[Span, ...] | None = None
    # Set by parse_antigen for an evaluation-only series of a group with a default series, none of whose doses
    # can be skipped or recur: each target dose needs a dose of its own, so a history with fewer doses can
    # never complete it, and incomplete it is never scored (SELECTSCORE-2). 0: no such bound.
    doses_to_complete: int = 0

    def __post_init__(self):
        opening = []
        for dose in self.doses:
            opening.append(dose)
            if not dose.evaluation_skips:
                break
        object.__setattr__(self, "opening_doses", tuple(opening))
        object.__setattr__(self, "opening_cvx", frozenset(
            cvx for dose in opening for cvx in (*dose.preferable, *dose.allowable)))
        ages = [age.abs_min for dose in opening for age in dose.ages]
        if all(dose.ages for dose in opening) and None not in ages:
            object.__setattr__(self, "opening_ages", tuple(dict.fromkeys(ages)))


@dataclass(frozen=True, slots=True)
class Antigen:
    name: str
    immune_if_born_before: dates.Date | None
    series: tuple[Series, ...]


@dataclass(frozen=True, slots=True)
class LiveVirusConflict:
    begin: Span
    min_end: Span
    end: Span


@dataclass(frozen=True)
class Tables:
    antigens: dict[str, Antigen]
    # (previous CVX, current CVX) -> conflict window, for the live vaccines that must be spaced apart.
    live_virus_conflicts: dict[tuple[str, str], LiveVirusConflict]
    conflicting_cvx_for: dict[str, frozenset[str]]     # current CVX -> previous CVXs that conflict with it
    administer_full_vaccine_group: dict[str, bool]      # CDSi group name -> forecast the lowest dose number
    # Live vaccines outside the child-care groups (e.g. nasal flu, CVX 111/149) that a history may name because
    # they must be spaced from MMR and varicella: CVX -> description.
    other_live_vaccines: dict[str, str]


class _Reader:
    """Reads one table file, naming the file and the place in every error."""

    def __init__(self, source: str, known_cvx: dict[str, set[str]], antigen: str | None = None):
        self.source = source
        self.known_cvx = known_cvx              # CVX -> antigens it protects against
        self.antigen = antigen
        self._spans: dict[str, Span] = {}

    def fail(self, where: str, message: str):
        raise TableError(f"{self.source}: {where}: {message}")

    def span(self, record: dict, key: str, where: str) -> Span | None:
        text = record.get(key, "")
        if not text:
            return None
        if text not in self._spans:
            try:
                duration = dates.parse_duration(text)
            except dates.DateError as error:
                self.fail(where, f"{key} {text!r}: {error}")
            self._spans[text] = Span(duration.years * 12 + duration.months, duration.weeks * 7 + duration.days)
        return self._spans[text]

    def date(self, record: dict, key: str, where: str, default: dates.Date) -> dates.Date:
        text = record.get(key, "")
        if not text:
            return default
        try:
            return dates.Date.fromisoformat(text)
        except ValueError:
            self.fail(where, f"{key} {text!r} is not a YYYY-MM-DD date")

    def cvx(self, code: str, where: str) -> str:
        if code not in self.known_cvx:
            self.fail(where, f"CVX {code} is not in resources/acip/cvx.csv")
        return code

    def age(self, record: dict, where: str) -> AgeRule:
        return AgeRule(*(self.span(record, key, where) for key in ("abs_min", "min", "earliest_rec", "latest_rec", "max")),
                       self.date(record, "effective", where, FAR_PAST), self.date(record, "cessation", where, FAR_FUTURE))

    def interval(self, record: dict, where: str, dose_number: int) -> IntervalRule:
        target = record.get("from_target_dose")
        if target is not None and not (1 <= target < dose_number):
            self.fail(where, f"interval from dose {target}, which does not come before dose {dose_number}")
        if not (record.get("from_previous") or target or record.get("from_most_recent")):
            self.fail(where, "interval measured from nothing (no previous dose, target dose or vaccine type)")
        return IntervalRule(
            bool(record.get("from_previous")), target,
            frozenset(self.cvx(c, where) for c in record.get("from_most_recent", [])),
            *(self.span(record, key, where) for key in ("abs_min", "min", "earliest_rec", "latest_rec")),
            bool(record.get("priority_flag")),
            self.date(record, "effective", where, FAR_PAST), self.date(record, "cessation", where, FAR_FUTURE))

    def vaccines(self, records: list[dict], where: str) -> dict[str, tuple[VaccineRule, ...]]:
        by_cvx: dict[str, list[VaccineRule]] = {}
        for record in records:
            rule = VaccineRule(self.cvx(record["cvx"], where), self.span(record, "begin_age", where),
                               self.span(record, "end_age", where), bool(record.get("forecast")))
            covers = self.known_cvx[rule.cvx]
            if self.antigen is not None and self.antigen not in covers:
                self.fail(where, f"CVX {rule.cvx} counts for {self.antigen}, but cvx.csv says it protects against "
                                 f"{', '.join(sorted(covers)) or 'nothing'}")
            by_cvx.setdefault(rule.cvx, []).append(rule)
        return {cvx: tuple(rules) for cvx, rules in by_cvx.items()}

    def condition(self, record: dict, where: str) -> Condition:
        kind = record.get("type", "")
        if kind not in CONDITION_TYPES:
            self.fail(where, f"condition type {kind!r} is not one the engine knows ({', '.join(CONDITION_TYPES)})")
        logic = record.get("count_logic", "")
        if kind.startswith("vaccine count") and logic not in COUNT_LOGIC:
            self.fail(where, f"dose count logic {logic!r} is not one of {', '.join(COUNT_LOGIC)}")
        if kind == "interval" and not record.get("interval"):
            self.fail(where, "an interval condition without an interval")
        return Condition(kind, self.span(record, "begin_age", where), self.span(record, "end_age", where),
                         self.date(record, "start_date", where, FAR_PAST), self.date(record, "end_date", where, FAR_FUTURE),
                         self.span(record, "interval", where), int(record.get("dose_count") or 0),
                         record.get("dose_type", "total") == "valid", logic,
                         frozenset(self.cvx(c, where) for c in record.get("cvx", [])))

    def skip(self, record: dict, where: str) -> ConditionalSkip:
        sets = []
        for number, set_record in enumerate(record.get("sets", []), 1):
            set_where = f"{where}, set {number}"
            sets.append(ConditionSet(
                set_record.get("logic", "AND") == "AND",
                self.date(set_record, "effective", set_where, FAR_PAST),
                self.date(set_record, "cessation", set_where, FAR_FUTURE),
                tuple(self.condition(c, f"{set_where}, condition {i}") for i, c in enumerate(set_record.get("conditions", []), 1))))
        if not sets:
            self.fail(where, "a conditional skip without condition sets")
        return ConditionalSkip(record.get("set_logic", "AND") == "AND", tuple(sets))

    def dose(self, record: dict, where: str) -> SeriesDose:
        number = record["number"]
        skips = {"evaluation": [], "forecast": []}
        for index, skip in enumerate(record.get("skips", []), 1):
            context = skip.get("context")
            if context not in SKIP_CONTEXTS:
                self.fail(where, f"conditional skip context {context!r} is not one of {', '.join(SKIP_CONTEXTS)}")
            parsed = self.skip(skip, f"{where}, conditional skip {index}")
            for name in (("evaluation", "forecast") if context == "both" else (context,)):
                skips[name].append(parsed)
        preferable = self.vaccines(record.get("preferable", []), where)
        allowable = self.vaccines(record.get("allowable", []), where)
        if not preferable and not allowable:
            self.fail(where, "a dose that no vaccine can satisfy")
        return SeriesDose(
            number,
            tuple(self.age(a, where) for a in record.get("ages", [])),
            tuple(self.interval(i, where, number) for i in record.get("intervals", [])),
            tuple(self.interval(i, where, number) for i in record.get("allowable_intervals", [])),
            preferable, allowable,
            frozenset(self.cvx(c, where) for c in record.get("inadvertent", [])),
            tuple(skips["evaluation"]), tuple(skips["forecast"]), bool(record.get("recurring")))

    def series(self, antigen: str, record: dict) -> Series:
        name = record.get("name", "?")
        if record.get("type") not in SERIES_TYPES:
            self.fail(name, f"series type {record.get('type')!r} is not one of {', '.join(SERIES_TYPES)}")
        doses = tuple(self.dose(d, f"{name}, dose {d.get('number')}") for d in record.get("doses", []))
        if [d.number for d in doses] != list(range(1, len(doses) + 1)):
            self.fail(name, "doses must be numbered 1, 2, 3, ... in order")
        return Series(antigen, name, record["type"], str(record.get("group", "1")), record.get("equivalent_group"),
                      bool(record.get("default")), bool(record.get("product_path")), int(record.get("preference", 1)),
                      record.get("priority", "A"), self.span(record, "min_age_to_start", name),
                      self.span(record, "max_age_to_start", name), doses)


def _known_cvx() -> dict[str, set[str]]:
    """CVX code -> antigens it protects against, from resources/acip/cvx.csv (through the vaccine catalogue)."""
    return {code: {row.antigen for row in rows} for code, rows in vaccines._catalogue()[1].items()}


def parse_antigen(data: dict, source: str, known_cvx: dict[str, set[str]]) -> Antigen:
    name = data.get("antigen")
    reader = _Reader(source, known_cvx, name)
    if name not in ANTIGEN_NAMES:
        reader.fail("antigen", f"{name!r} is not one of the twelve child-care antigens")
    series = tuple(reader.series(name, s) for s in data.get("series", []))
    if not series:
        reader.fail(name, "no series")
    # SELECTSCORE-2: a standard series with no valid dose is never scorable when its group has a default series,
    # and an evaluation-only series counts only when complete, which it cannot be without a valid dose if its
    # first dose can never be skipped. Such series only matter once a dose can be valid in them.
    groups_with_default = {s.group for s in series if s.default}
    series = tuple(dataclasses.replace(s, prunable=(
        (s.type == "Standard" and not s.default and s.group in groups_with_default)
        or (s.type == "Evaluation Only" and not s.opening_doses[-1].evaluation_skips
            and not any(d.forecast_skips for d in s.opening_doses))))
        for s in series)
    series = tuple(dataclasses.replace(s, settles_group=_settles_group(s, series)) for s in series)
    series = tuple(dataclasses.replace(s, doses_to_complete=len(s.doses)) if (
        s.type == "Evaluation Only" and s.group in groups_with_default
        and not any(d.evaluation_skips or d.forecast_skips or d.recurring for d in s.doses)) else s
        for s in series)
    return Antigen(name, reader.date(data, "immune_if_born_before", "immunity", None), series)


def _settles_group(candidate: Series, series: tuple[Series, ...]) -> bool:
    if not (candidate.default and candidate.type == "Standard"):
        return False
    group = [s for s in series if s.group == candidate.group]
    return group[0] is candidate and all(candidate.preference < s.preference for s in group[1:])


def parse_schedule(data: dict, source: str, known_cvx: dict[str, set[str]]):
    other_live = dict(data.get("other_live_vaccines", {}))
    reader = _Reader(source, known_cvx)
    for cvx in other_live:
        if cvx in known_cvx:
            reader.fail("other_live_vaccines", f"CVX {cvx} is a child-care vaccine (cvx.csv); list it only there")
    earlier = _Reader(source, {**known_cvx, **{cvx: set() for cvx in other_live}})
    conflicts: dict[tuple[str, str], LiveVirusConflict] = {}
    for index, record in enumerate(data.get("live_virus_conflicts", []), 1):
        where = f"live virus conflict {index}"
        key = (earlier.cvx(record["previous"], where), reader.cvx(record["current"], where))
        spans = [reader.span(record, k, where) for k in ("begin", "min_end", "end")]
        if None in spans:
            reader.fail(where, "begin, min_end and end are all required")
        conflicts[key] = LiveVirusConflict(*spans)
    conflicting: dict[str, set[str]] = {}
    for previous, current in conflicts:
        conflicting.setdefault(current, set()).add(previous)
    return (conflicts, {c: frozenset(p) for c, p in conflicting.items()},
            dict(data.get("administer_full_vaccine_group", {})), other_live)


def load_from(folder: Path, known_cvx: dict[str, set[str]] | None = None) -> Tables:
    """Load and check the tables in a folder laid out like resources/acip/ (tests point it at broken copies)."""
    known_cvx = _known_cvx() if known_cvx is None else known_cvx
    antigens = {}
    for name in ANTIGEN_NAMES:
        path = folder / "antigens" / f"{name}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise TableError(f"{path}: missing; run tools/derive_acip_tables.py") from None
        except json.JSONDecodeError as error:
            raise TableError(f"{path}: not valid JSON ({error})") from None
        try:
            antigen = parse_antigen(data, str(path), known_cvx)
        except (KeyError, TypeError, AttributeError) as error:
            raise TableError(f"{path}: malformed table ({type(error).__name__}: {error})") from None
        if antigen.name != name:
            raise TableError(f"{path}: describes {antigen.name}, expected {name}")
        antigens[name] = antigen
    path = folder / "schedule.json"
    try:
        conflicts, conflicting, full, other_live = parse_schedule(json.loads(path.read_text(encoding="utf-8")), str(path), known_cvx)
    except FileNotFoundError:
        raise TableError(f"{path}: missing; run tools/derive_acip_tables.py") from None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise TableError(f"{path}: malformed table ({type(error).__name__}: {error})") from None
    for antigen in antigens.values():
        for series in antigen.series:
            for dose in series.doses:
                object.__setattr__(dose, "live_preferable", tuple(c for c in dose.preferable if c in conflicting))
    return Tables(antigens, conflicts, conflicting, full, other_live)


@lru_cache(maxsize=1)
def load() -> Tables:
    """The tables shipped with immudesk, loaded and checked once per process."""
    return load_from(resource_path("acip"))
