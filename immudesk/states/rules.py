"""A state's law read from resources/states/<CODE>.json into typed rules, checked as it loads.

A broken state file must stop the app with a message naming the file and the place, never quietly misjudge a
child; so every age is parsed, every group and status name is checked, and periods must be in order here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .. import dates, vaccines
from ..i18n import _, format_date
from ..model import FACILITY_FIELDS
from ..resources import load_json, resource_path
from .status import STATUSES

POLICIES = ("count_by_age", "acip_past_due")
GRACE_KINDS = ("days_from_attendance", "months_to_finish_started_series", "days_to_finish_started_series",
               "days_from_due", "none")
# days_from_due: where the clock of a missing dose starts (CA: the day it became required; WA: that day, or the
# first day of attendance when the child was already behind on enrolling).
GRACE_COUNTED_FROM = ("due", "later_of_due_and_attendance")
LATE_FROM = ("past_due", "recommended")
HOMES_FILE = ("yes", "no", "not_confirmed")      # does the state ask family child care homes for a yearly report
EXEMPTION_KINDS = ("medical", "religious", "conscientious")
EXCLUSION_KEYS = ("withdrawn", "not_started", "born_after_cutoff")


class StateRulesError(ValueError):
    """A state file that cannot be trusted; the message names the file and what is wrong."""


@dataclass(frozen=True)
class AgeRow:
    """One row of a count-by-age table: from this age on, at least these valid doses (of which, for a group in
    on_or_after, only doses given on or after that age count: CA's "1 Hib on or after the 1st birthday")."""
    from_age: dates.Duration
    label: str
    doses: dict[str, int]
    on_or_after: dict[str, dates.Duration] = field(default_factory=dict)


@dataclass(frozen=True)
class ProductCount:
    """A lower dose count that applies when every valid dose of a group is one of these products (PRP-OMP Hib)."""
    group: str
    name: str
    cvx: frozenset[str]
    doses_by_row: dict[str, int]          # row label (its from_age text) -> doses


@dataclass(frozen=True)
class LateStart:
    """Fewer doses for a child whose first dose came at or after this age."""
    first_dose_from: dates.Duration
    doses: int


@dataclass(frozen=True)
class GroupWindow:
    """The ages between which a state requires a vaccine group (acip_past_due states)."""
    from_age: dates.Duration
    until_age: dates.Duration | None
    doses: int | None = None              # the most doses the state asks in child care (WA: 1 MMR); None: ACIP's


@dataclass(frozen=True)
class RecordUpdate:
    """How often a provider must ask parents for updated immunization dates, by the child's age (Minn. R. 9502.0405)."""
    label: str
    from_age: dates.Duration
    until_age: dates.Duration | None
    every_months: int


@dataclass(frozen=True)
class Grace:
    kind: str
    days: int = 0
    months: int = 0
    physician_extension: bool = False
    restarts_when_a_new_requirement_applies: bool = False
    counted_from: str = "due"             # days_from_due only: one of GRACE_COUNTED_FROM


@dataclass(frozen=True)
class ReportPeriod:
    """One annual report: which children it counts, when it is due, whether the dates are confirmed."""
    state: str
    year: int
    due_date: date | None                 # None: the state asks family homes for no report (or it is not confirmed)
    exclude_born_after: date | None       # children born after this day are not counted; None: no cutoff
    age_boundary: dates.Duration          # under this age: the younger group
    age_measured_on: date | None          # the day ages are measured for the age groups; None: the as-of date
    projected: bool = False               # not announced by the state: projected from the latest known period
    to_verify: str | None = None          # why the dates are uncertain, shown wherever the period is shown
    late_reports: bool | None = None

    @property
    def cutoff(self) -> date | None:
        return self.exclude_born_after

    def label(self) -> str:
        if self.due_date is None:
            return _("{year}: no yearly report from family homes on file").format(year=self.year)
        text = _("{year} report, due {date}").format(year=self.year, date=format_date(self.due_date))
        if not self.projected:
            return text
        return (_("{period} (projected, to verify)") if self.to_verify
                else _("{period} (the state's standing date)")).format(period=text)


@dataclass(frozen=True)
class StateRules:
    code: str
    name: str
    policy: str
    four_day_grace: bool
    groups: tuple[str, ...]                       # the vaccine groups the state requires at some age
    by_age: tuple[AgeRow, ...] = ()               # count_by_age
    product_counts: tuple[ProductCount, ...] = ()
    late_start: dict[str, tuple[LateStart, ...]] = field(default_factory=dict)
    not_required_from: dict[str, dates.Duration] = field(default_factory=dict)
    counts_from_age: dict[str, dates.Duration] = field(default_factory=dict)
    # group -> (doses, age): the series of that many doses is complete only with one dose at this age or older
    last_dose_from_age: dict[str, tuple[int, dates.Duration]] = field(default_factory=dict)
    windows: dict[str, GroupWindow] = field(default_factory=dict)   # acip_past_due
    late_from: str = "past_due"                   # acip_past_due: a dose is late from ACIP's past-due or recommended date
    exemption_kinds: tuple[str, ...] = ()
    exemption_labels: dict[str, str] = field(default_factory=dict)
    exemption_excludes: dict[str, frozenset[str]] = field(default_factory=dict)   # kind -> groups it cannot cover
    status_labels: dict[str, str] = field(default_factory=dict)   # status -> the state's own word for it
    sources: tuple[str, ...] = ()
    to_verify: tuple[str, ...] = ()               # every value the sources did not settle, in plain words
    record_updates: tuple["RecordUpdate", ...] = ()
    grace: Grace = Grace("days_from_attendance")
    statuses: tuple[str, ...] = ()
    report_columns: tuple[str, ...] = ()
    attendance_exclusions: dict[str, str] = field(default_factory=dict)
    exclusion_reasons: dict[str, str] = field(default_factory=dict)
    periods: tuple[ReportPeriod, ...] = ()
    homes_file: str = "yes"                       # one of HOMES_FILE
    homes_note: str = ""                          # what a family home should know when it is not "yes"
    age_boundary: dates.Duration | None = None
    projection_verified: bool = False
    projection_note: str = ""
    # The facility's fields the state's report form asks for; the report and its e-mail refuse without them.
    report_facility_fields: tuple[str, ...] = ("name",)


class _Reader:
    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, message: str):
        raise StateRulesError(f"{self.source}: {where}: {message}")

    def need(self, record: dict, key: str, where: str, kind=None):
        if not isinstance(record, dict) or key not in record:
            self.fail(where, f"'{key}' is missing")
        value = record[key]
        if kind is not None and not isinstance(value, kind):
            self.fail(where, f"'{key}' should be {kind.__name__ if isinstance(kind, type) else 'of another kind'}, "
                             f"not {value!r}")
        return value

    def duration(self, text, where: str) -> dates.Duration:
        try:
            return dates.parse_duration(text)
        except (dates.DateError, TypeError) as error:
            self.fail(where, f"{text!r} is not an age such as '19 months' or '4 years' ({error})")

    def date(self, text, where: str) -> date:
        try:
            return date.fromisoformat(text)
        except (ValueError, TypeError):
            self.fail(where, f"{text!r} is not a YYYY-MM-DD date")

    def group(self, name, where: str) -> str:
        if name not in vaccines.GROUP_NAMES:
            self.fail(where, f"{name!r} is not a vaccine group; use one of {', '.join(vaccines.GROUP_NAMES)}")
        return name

    def count(self, value, where: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.fail(where, f"{value!r} is not a dose count (a whole number, 0 or more)")
        return value


def _months(duration: dates.Duration) -> float:
    """Order ages for checking a table is sorted (a day is about 1/30 of a month: only for ordering)."""
    return duration.years * 12 + duration.months + (duration.weeks * 7 + duration.days) / 30.5


def parse_state(data: dict, source: str) -> StateRules:
    """Turn one state file's JSON into StateRules, or raise StateRulesError naming the problem."""
    r = _Reader(source)
    code = r.need(data, "code", "top level", str)
    name = r.need(data, "name", "top level", str)
    policy = r.need(data, "policy", "top level", str)
    if policy not in POLICIES:
        r.fail("policy", f"{policy!r} is not a policy immudesk knows; use one of {', '.join(POLICIES)}")
    grace_flag = r.need(data, "four_day_grace", "top level", bool)
    req = r.need(data, "requirements", "top level", dict)
    kwargs: dict = {}
    if policy == "count_by_age":
        groups = tuple(r.group(g, "requirements.groups") for g in r.need(req, "groups", "requirements", list))
        rows = []
        previous = None
        for index, row in enumerate(r.need(req, "by_age", "requirements", list)):
            where = f"requirements.by_age[{index}]"
            age_text = r.need(row, "from_age", where, str)
            age = r.duration(age_text, where)
            if previous is not None and _months(age) <= _months(previous):
                r.fail(where, f"rows must be in increasing age order; {age_text} is not after the row before")
            previous = age
            doses, on_or_after = {}, {}
            for group_name, count in r.need(row, "doses", where, dict).items():
                if r.group(group_name, where) not in groups:
                    r.fail(where, f"{group_name} is not in requirements.groups")
                if isinstance(count, dict):
                    # {"count": 1, "on_or_after": "12 months"}: only doses given at that age or older count
                    on_or_after[group_name] = r.duration(r.need(count, "on_or_after", f"{where}.{group_name}", str),
                                                         f"{where}.{group_name}")
                    count = r.need(count, "count", f"{where}.{group_name}")
                doses[group_name] = r.count(count, f"{where}.{group_name}")
            if rows:
                for group_name, count in rows[-1].doses.items():
                    # A count of doses after an age is a different measure from a count of all doses.
                    same_kind = rows[-1].on_or_after.get(group_name) == on_or_after.get(group_name)
                    if same_kind and doses.get(group_name, 0) < count:
                        r.fail(where, f"{group_name} asks fewer doses ({doses.get(group_name, 0)}) than the younger "
                                      f"row ({count}); a requirement never shrinks with age in this table")
            rows.append(AgeRow(age, row.get("label", age_text), doses, on_or_after))
        row_ages = {str(row.from_age): row for row in rows}
        products = []
        for index, entry in enumerate(req.get("product_counts", [])):
            where = f"requirements.product_counts[{index}]"
            group_name = r.group(r.need(entry, "group", where, str), where)
            cvx = frozenset(vaccines.normalize_cvx(c) for c in r.need(entry, "cvx", where, list))
            for code_ in cvx:
                if group_name not in vaccines.groups_for_cvx(code_):
                    r.fail(where, f"CVX {code_} does not cover {group_name}")
            by_row = {}
            for row_age, count in r.need(entry, "doses_by_row", where, dict).items():
                key = str(r.duration(row_age, where))
                if key not in row_ages:
                    r.fail(where, f"{row_age!r} is not the from_age of a row in requirements.by_age")
                by_row[key] = r.count(count, f"{where}.{row_age}")
            products.append(ProductCount(group_name, r.need(entry, "name", where, str), cvx, by_row))
        late = {}
        for group_name, steps in req.get("late_start", {}).items():
            where = f"requirements.late_start.{group_name}"
            r.group(group_name, where)
            parsed = [LateStart(r.duration(r.need(s, "first_dose_from", where, str), where),
                                r.count(r.need(s, "doses", where), where)) for s in steps]
            if [_months(p.first_dose_from) for p in parsed] != sorted((_months(p.first_dose_from) for p in parsed),
                                                                    reverse=True):
                r.fail(where, "list the oldest starting age first (the first step that fits is used)")
            late[group_name] = tuple(parsed)
        kwargs.update(
            groups=groups, by_age=tuple(rows), product_counts=tuple(products), late_start=late,
            not_required_from={r.group(g, "requirements.not_required_from"): r.duration(a, f"requirements.not_required_from.{g}")
                               for g, a in req.get("not_required_from", {}).items()},
            counts_from_age={r.group(g, "requirements.counts_from_age"): r.duration(a, f"requirements.counts_from_age.{g}")
                             for g, a in req.get("counts_from_age", {}).items()},
            last_dose_from_age={
                r.group(g, "requirements.last_dose_from_age"): (
                    r.count(r.need(rule, "doses", f"requirements.last_dose_from_age.{g}"), g),
                    r.duration(r.need(rule, "age", f"requirements.last_dose_from_age.{g}", str), g))
                for g, rule in req.get("last_dose_from_age", {}).items()})
    else:
        windows = {}
        for group_name, window in r.need(req, "groups", "requirements", dict).items():
            where = f"requirements.groups.{group_name}"
            r.group(group_name, where)
            until = window.get("until_age")
            most = window.get("doses")
            windows[group_name] = GroupWindow(r.duration(r.need(window, "from_age", where, str), where),
                                              r.duration(until, where) if until else None,
                                              None if most is None else r.count(most, f"{where}.doses"))
        late_from = req.get("late_from", "past_due")
        if late_from not in LATE_FROM:
            r.fail("requirements.late_from", f"{late_from!r}: use one of {', '.join(LATE_FROM)}")
        kwargs.update(groups=tuple(windows), windows=windows, late_from=late_from)

    exemptions = r.need(data, "exemptions", "top level", dict)
    not_covered = {}
    for kind, spec in exemptions.items():
        if kind not in EXEMPTION_KINDS:
            r.fail("exemptions", f"{kind!r} is not an exemption kind; use {', '.join(EXEMPTION_KINDS)}")
        if spec.get("not_for"):
            not_covered[kind] = frozenset(r.group(g, f"exemptions.{kind}.not_for") for g in spec["not_for"])
    grace_data = r.need(data, "grace", "top level", dict)
    grace_kind = r.need(grace_data, "kind", "grace", str)
    if grace_kind not in GRACE_KINDS:
        r.fail("grace.kind", f"{grace_kind!r} is not a grace rule; use one of {', '.join(GRACE_KINDS)}")
    counted_from = grace_data.get("counted_from", "due")
    if counted_from not in GRACE_COUNTED_FROM:
        r.fail("grace.counted_from", f"{counted_from!r}: use one of {', '.join(GRACE_COUNTED_FROM)}")
    grace = Grace(grace_kind, int(grace_data.get("days", 0)), int(grace_data.get("months", 0)),
                  bool(grace_data.get("physician_extension", False)),
                  bool(grace_data.get("restarts_when_a_new_requirement_applies", False)), counted_from)
    if grace_kind in ("days_from_attendance", "days_from_due", "days_to_finish_started_series") and grace.days <= 0:
        r.fail("grace.days", f"a {grace_kind} grace needs a number of days above 0")
    if grace_kind == "months_to_finish_started_series" and grace.months <= 0:
        r.fail("grace.months", "a months_to_finish_started_series grace needs a number of months above 0")

    statuses = tuple(r.need(data, "statuses", "top level", list))
    for status in statuses:
        if status not in STATUSES:
            r.fail("statuses", f"{status!r} is not a status; use those of {', '.join(STATUSES)}")
    for kind in exemptions:
        if f"{kind}_exemption" not in statuses:
            r.fail("statuses", f"the exemption kind {kind} needs the status {kind}_exemption")
    for needed in ("up_to_date", "in_process", "not_up_to_date"):
        if needed not in statuses:
            r.fail("statuses", f"{needed} is missing")
    status_labels = dict(data.get("status_labels", {}))
    for status in status_labels:
        if status not in statuses:
            r.fail("status_labels", f"{status!r} is not one of this state's statuses")
    sources = data.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, dict) or isinstance(s, str) for s in sources):
        r.fail("sources", "name at least one source the rules were checked against")
    updates = []
    for index, entry in enumerate(data.get("record_updates", {}).get("by_age", [])):
        where = f"record_updates.by_age[{index}]"
        until = entry.get("until_age")
        updates.append(RecordUpdate(r.need(entry, "label", where, str),
                                    r.duration(r.need(entry, "from_age", where, str), where),
                                    r.duration(until, where) if until else None,
                                    r.count(r.need(entry, "every_months", where), where)))

    report = r.need(data, "report", "top level", dict)
    columns = tuple(r.need(report, "columns", "report", list))
    if set(columns) != set(statuses):
        r.fail("report.columns", "every status must have exactly one report column (and no other columns), "
                                 "so the columns add up to the attending total")
    age_groups = r.need(report, "age_groups", "report", dict)
    boundary = r.duration(r.need(age_groups, "boundary", "report.age_groups", str), "report.age_groups.boundary")
    measured_on = r.need(age_groups, "measured_on", "report.age_groups", str)
    if measured_on not in ("cutoff", "as_of"):
        r.fail("report.age_groups.measured_on", f"{measured_on!r}: use 'cutoff' or 'as_of'")
    excludes = r.need(report, "excludes", "report", dict)
    attendance = dict(r.need(excludes, "attendance", "report.excludes", dict))
    for kind in attendance:
        if kind == "regular":
            r.fail("report.excludes.attendance", "regular attendance is what the report counts; it cannot be left out")
    reasons = {key: r.need(excludes, key, "report.excludes", str) for key in EXCLUSION_KEYS}
    periods = []
    for index, entry in enumerate(r.need(report, "periods", "report", list)):
        where = f"report.periods[{index}]"
        year = r.need(entry, "year", where, int)
        due = r.date(r.need(entry, "due_date", where), f"{where}.due_date")
        cutoff_text = entry.get("exclude_born_after")
        cutoff = r.date(cutoff_text, f"{where}.exclude_born_after") if cutoff_text else None
        if measured_on == "cutoff" and cutoff is None:
            r.fail(where, "ages are measured on the cutoff date, so exclude_born_after is needed")
        if cutoff is not None and cutoff > due:
            r.fail(where, "the birth-date cutoff is after the due date")
        if periods and (year <= periods[-1].year or due <= periods[-1].due_date):
            r.fail(where, "periods must be listed oldest first, one per year")
        periods.append(ReportPeriod(code, year, due, cutoff, boundary, cutoff if measured_on == "cutoff" else None,
                                    False, entry.get("verify"), entry.get("late_reports")))
    homes = report.get("family_homes", {"files": "yes"})
    homes_file = r.need(homes, "files", "report.family_homes", str)
    if homes_file not in HOMES_FILE:
        r.fail("report.family_homes.files", f"{homes_file!r}: use one of {', '.join(HOMES_FILE)}")
    if homes_file != "yes" and not homes.get("note"):
        r.fail("report.family_homes", "say what a family home should know (who files, whom to ask) in 'note'")
    if not periods and homes_file == "yes":
        r.fail("report.periods", "at least one report period is needed when family homes file a report")
    projection = report.get("projection", {})
    facility_fields = tuple(report.get("facility_fields", ("name",)))
    for field_name in facility_fields:
        if field_name not in FACILITY_FIELDS:
            r.fail("report.facility_fields",
                   f"{field_name!r} is not a facility field; use those of {', '.join(FACILITY_FIELDS)}")
    labels = {kind: spec.get("label", kind) for kind, spec in exemptions.items()}
    return StateRules(
        code=code, name=name, policy=policy, four_day_grace=grace_flag,
        exemption_kinds=tuple(exemptions), exemption_labels=labels, exemption_excludes=not_covered,
        status_labels=status_labels, sources=tuple(_source_text(s) for s in sources),
        to_verify=tuple(_verify_notes(data)) + ((f"Yearly report: {homes.get('note')}",)
                                                 if homes_file == "not_confirmed" else ()), record_updates=tuple(updates), grace=grace, statuses=statuses,
        report_columns=columns, attendance_exclusions=attendance, exclusion_reasons=reasons,
        periods=tuple(periods), homes_file=homes_file, homes_note=homes.get("note", ""),
        age_boundary=boundary, projection_verified=bool(projection.get("verified", False)),
        projection_note=projection.get("note", ""), report_facility_fields=facility_fields, **kwargs)


def _source_text(source) -> str:
    """A source as one line: a plain string, or {"title", "date", "read_at"} (the address where it was read)."""
    if isinstance(source, str):
        return source
    parts = [source.get("title", "")]
    if source.get("date"):
        parts.append(f"({source['date']})")
    if source.get("read_at"):
        parts.append(f"read at {source['read_at']}")
    return " ".join(p for p in parts if p)


def _verify_notes(data) -> list[str]:
    """Every value the state file marks to verify (a "verify" or "..._verify" key, or a text starting 'verify'),
    as the note says it, in the file's order."""
    notes = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "verify" or key.endswith("_verify") or (isinstance(value, str) and value.startswith("verify")):
                text = str(value).removeprefix("verify").lstrip(":; ").strip()
                notes.append(text[:1].upper() + text[1:])
            elif key != "_about":
                notes.extend(_verify_notes(value))
    elif isinstance(data, list):
        for value in data:
            notes.extend(_verify_notes(value))
    return notes


@cache
def load_state(code: str) -> StateRules:
    """The rules of one state, from resources/states/<CODE>.json; UnknownState when there is no such file."""
    code = (code or "").strip().upper()
    path = resource_path("states", f"{code}.json")
    if not code.isalpha() or not path.exists():
        known = sorted(p.stem for p in resource_path("states").glob("*.json"))
        raise StateRulesError(f"immudesk has no rules for the state {code!r}; it knows {', '.join(known)}")
    rules = parse_state(load_json("states", f"{code}.json"), f"resources/states/{code}.json")
    if rules.code != code:
        raise StateRulesError(f"resources/states/{code}.json: its code is {rules.code!r}, not {code!r}")
    return rules


def _shift_year(day: date, years: int) -> date:
    return dates.add(day, years=years)


def report_period(state: str, as_of: date, report_year: int | None = None) -> ReportPeriod:
    """The report period that applies on as_of, or the one for report_year.

    Without a year: the period whose due date is the first on or after as_of (INTERFACES.md). When as_of is
    after every known due date (the state has not announced the next period yet, or we have not entered it),
    the latest known period is projected forward by whole years, same month and day, and marked projected
    (and "to verify" unless the state file says the dates recur by rule, as Minnesota's December 1 does), so
    status, report and worksheets keep working every day.
    """
    rules = load_state(state)
    if not rules.periods:
        # No report asked of family homes (or not confirmed): statuses still need a period to group children by
        # age; it has no due date, and its note says what to do instead.
        return ReportPeriod(rules.code, report_year or as_of.year, None, None, rules.age_boundary, None, False,
                            rules.homes_note)
    known = {p.year: p for p in rules.periods}
    first = rules.periods[0]

    def projected(year: int) -> ReportPeriod:
        base = max((p for p in rules.periods if p.year < year), key=lambda p: p.year)
        shift = year - base.year
        verify = None if rules.projection_verified else (
            f"projected from the {base.year} period; {rules.projection_note or 'check the state announcement'}")
        cutoff = _shift_year(base.exclude_born_after, shift) if base.exclude_born_after else None
        return ReportPeriod(rules.code, year, _shift_year(base.due_date, shift), cutoff, base.age_boundary,
                            cutoff if base.age_measured_on is not None else None, True, verify, base.late_reports)

    def period_for(year: int) -> ReportPeriod:
        return known[year] if year in known else projected(year)

    if report_year is not None:
        if report_year >= first.year:
            return period_for(report_year)
        years = ", ".join(str(y) for y in sorted(known))
        raise StateRulesError(f"there is no {rules.name} report period for {report_year}; immudesk knows {years} "
                              f"and projects the years after {first.year}")
    year = first.year if as_of <= first.due_date else max(first.year, as_of.year - 1)
    while period_for(year).due_date < as_of:
        year += 1
    return period_for(year)
