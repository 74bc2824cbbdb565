"""The bridge from a child's record to the ACIP engine and back: one engine run per child and day, and CDC's
reason codes turned into words a provider can act on ("given 7 days before the first birthday, does not count").

The store files a combination vaccine (Pentacel ...) once under each group it covers, as the paper certificate
lists it; the engine must see it once, so the engine's history is the set of distinct (date, CVX) pairs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from .. import dates, vaccines
from ..acip import AdministeredDose, DoseResult, EvaluationError, GroupResult, evaluate
from ..acip import engine as _engine
from ..acip import unnamed
from ..acip.tables import load as _load_tables
from ..i18n import N_, Text, catalogue, language, say, say_data, say_n
from ..model import Child, Dose

# Live vaccines in the child-care groups: a dose of one within 28 days of another (not the same day) does not count.
LIVE_GROUPS = ("MMR", "Varicella")
GROUP_WORDS = {"DTaP": "DTaP", "Polio": N_("polio"), "Hib": "Hib", "PCV": "PCV", "HepB": N_("hepatitis B"),
               "MMR": "MMR", "Varicella": N_("varicella"), "HepA": N_("hepatitis A")}


def group_words(group: str) -> Text:
    """A vaccine group as a provider says it in a sentence ("hepatitis B", "varicela")."""
    return say_data(GROUP_WORDS.get(group, group))

# ACIP recommends PCV for healthy children until their fifth birthday and no dose after it (CDC child and
# adolescent immunization schedule, pneumococcal notes: healthy children 5 years and older need no catch-up).
# From that birthday CDC's engine judges a child's PCV doses against the adult series, whose minimum age makes
# every childhood dose "too young": true of that series, wrong on a child's record. So from the fifth birthday
# the childhood doses keep the verdicts they had the day before it, later ones are marked not needed, and no
# PCV dose is due (see _pcv_after_childhood).
PCV_CHILDHOOD_ENDS_YEARS = 5
AFTER_PCV_CHILDHOOD = "Given after the fifth birthday"


@dataclass(frozen=True)
class Evaluation:
    """The engine's findings for one child on one day, plus the record problems the engine could not take."""
    as_of: date
    results: dict[str, GroupResult]
    refused: tuple[tuple[Dose, str], ...]          # doses left out before evaluation, with the plain reason
    # (date, CVX the engine saw) -> what was assumed about a dose whose record does not name its product
    # (resources/unnamed_products.json), e.g. an unnamed PCV dose of 2025 read as PCV13 or later.
    assumed: dict[tuple[date, str], str] = field(default_factory=dict)


# (CVX as recorded, group, product as recorded) -> (CVX, the inference that may apply or None, the first day it
# applies, the CVX it reads the dose as): everything _applied needs, so that a dose asks one dict lookup and one
# date comparison (asked for every dose several times per child and status: the roster's hot path).
_DOSE_CVX: dict[tuple[str | None, str, str | None], tuple[str, tuple | None, date | None, str | None]] = {}


def _read(dose: Dose) -> tuple[str, tuple | None, date | None, str | None]:
    key = (dose.cvx, dose.vaccine_group, dose.product)
    found = _DOSE_CVX.get(key)
    if found is None:
        cvx = vaccines.normalize_cvx(dose.cvx) if dose.cvx else vaccines.group(dose.vaccine_group).unspecified_cvx
        inference = unnamed.rule_for(dose.vaccine_group, cvx, dose.product)
        found = (cvx, inference, inference[0].given_from if inference else None,
                 inference[0].read_as_cvx if inference else None)
        if len(_DOSE_CVX) < 10_000:     # odd codes from bad input must not grow it without bound
            _DOSE_CVX[key] = found
    return found


def _applied(dose: Dose) -> tuple[str, tuple | None]:
    """(CVX the engine sees, (inference, how the dose was recorded) when one was applied, else None)."""
    # _read's look-up inlined: this runs for every dose several times per child (measured, the two calls were a
    # tenth of a roster's state-law time).
    found = _DOSE_CVX.get((dose.cvx, dose.vaccine_group, dose.product)) or _read(dose)
    cvx, inference, applies_from, read_as = found
    if inference is not None and dose.given_on >= applies_from:
        return read_as, inference
    return cvx, None


def dose_cvx(dose: Dose) -> str:
    """The CVX the engine sees for a recorded dose: its product's, else the group's "unspecified" code; a dose
    whose record does not name the product, given when only one kind was in use, is read as that kind."""
    return _applied(dose)[0]


def assumptions(child: Child) -> dict[tuple[date, str], str]:
    """What dose_cvx assumed about this child's doses, keyed by (date, CVX the engine sees)."""
    assumed = {}
    for dose in child.doses:
        cvx, inference = _applied(dose)
        if inference is not None:
            assumed[(dose.given_on, cvx)] = _assumption(inference, catalogue(language()))
    return assumed


@lru_cache(maxsize=64)
def _assumption(inference: tuple, found) -> Text:
    # The same few sentences for every child with an unnamed dose (a roster's most said words): made once per
    # language. (`found`, the current language's catalogue, is only the key: unnamed.assumption speaks it.)
    return unnamed.assumption(*inference)


@lru_cache(maxsize=1024)
def _known_cvx(cvx: str) -> bool:
    # Asked for every dose of every child; the catalogue behind it is read once per run (vaccines._catalogue).
    return bool(vaccines.cvx_antigens(cvx))


def engine_history(child: Child) -> tuple[tuple[tuple[date, str], ...], tuple[tuple[Dose, str], ...]]:
    """Distinct (date, CVX) pairs of the record in date order, and the doses the engine cannot take (why)."""
    seen: dict[tuple[date, str], None] = {}
    refused = []
    for dose in sorted(child.doses, key=lambda d: d.given_on):
        cvx = dose_cvx(dose)
        if dose.given_on < child.birth_date:
            refused.append((dose, say("dated {date}, before the birth date; check the record", date=dose.given_on)))
            continue
        if not _known_cvx(cvx):
            refused.append((dose, say("the product {product!r} is not one immudesk knows; check the record",
                                      product=dose.product or cvx)))
            continue
        seen.setdefault((dose.given_on, cvx), None)
    return tuple(seen), tuple(refused)


def immunity(child: Child, as_of: date) -> frozenset[str]:
    """Antigens with documented evidence of immunity on as_of (documented chickenpox: Varicella)."""
    documented = child.varicella_disease
    if not documented:
        return frozenset()
    try:
        known_by = dates.parse_date(documented) if len(documented) > 4 else date(int(documented), 1, 1)
    except (dates.DateError, ValueError):
        return frozenset()
    return frozenset({"Varicella"}) if known_by <= as_of else frozenset()


@lru_cache(maxsize=4096)
def _cached_evaluate(birth: date, history: tuple[tuple[date, str], ...], as_of: date,
                     immune: frozenset[str], only_groups: frozenset[str] | None = None) -> dict[str, GroupResult]:
    # The window, the report and the letters ask about the same child on the same day again and again.
    return evaluate(birth, [AdministeredDose(day, cvx) for day, cvx in history], as_of, immunity=immune,
                    only_groups=only_groups)


def _pcv_after_childhood(birth: date, history, as_of: date, immune, results) -> dict[str, GroupResult]:
    """The PCV result of a child of five or older, as a provider means it (see PCV_CHILDHOOD_ENDS_YEARS)."""
    fifth_birthday = dates.add(birth, years=PCV_CHILDHOOD_ENDS_YEARS)
    if as_of < fifth_birthday or "PCV" not in results:
        return results
    before = tuple(entry for entry in history if entry[0] < fifth_birthday)
    childhood = _cached_evaluate(birth, before, fifth_birthday - timedelta(days=1), immune,
                                 frozenset({"PCV"}))["PCV"]
    later = [DoseResult(dose.date, dose.cvx, _engine.EXTRANEOUS, AFTER_PCV_CHILDHOOD)
             for dose in results["PCV"].doses if dose.date >= fifth_birthday]
    done = childhood.series_status if childhood.series_status in (_engine.COMPLETE, _engine.IMMUNE) \
        else _engine.AGED_OUT
    return {**results, "PCV": GroupResult("PCV", done, childhood.doses + later, None)}


def evaluate_record(child: Child, as_of: date) -> Evaluation:
    history, refused = engine_history(child)
    immune = immunity(child, as_of)
    try:
        results = _cached_evaluate(child.birth_date, history, as_of, immune)
    except EvaluationError as error:
        # Should not happen after the checks above; keep the provider working and say what is wrong.
        history = ()
        results = _cached_evaluate(child.birth_date, history, as_of, immune)
        refused = refused + tuple((dose, say("could not be evaluated: {error}", error=str(error)))
                                  for dose in child.doses)
    return Evaluation(as_of, _pcv_after_childhood(child.birth_date, history, as_of, immune, results), refused,
                      assumptions(child))


def counts(result: DoseResult, four_day_grace: bool) -> bool:
    """Whether an engine verdict counts toward a state requirement (only valid doses do)."""
    if result.evaluation != _engine.VALID:
        return False
    return four_day_grace or result.reason != _engine.GRACE


# ---------------------------------------------------------------------------------------------------------------
# Plain words for CDC's reasons


def _in_words(days: int) -> Text:
    return say_n("{n} day", "{n} days", days)


def _age_words(birth: date, on: date) -> Text:
    months = dates.age_in_months(birth, on)
    if months >= 24:
        return say_n("{n} year", "{n} years", months // 12)
    if months >= 2:
        return say_n("{n} month", "{n} months", months)
    return say_n("{n} week", "{n} weeks", (on - birth).days // 7)


# "before the first birthday" ...: each a whole phrase, as Spanish contracts "de el" to "del".
_BEFORE_BIRTHDAY = {1: N_("before the first birthday"), 2: N_("before the second birthday"),
                    3: N_("before the third birthday"), 4: N_("before the fourth birthday"),
                    5: N_("before the fifth birthday")}


def _before_milestone(span) -> Text:
    """'before the first birthday' for 12 months, 'before 6 weeks of age' for 42 days: how providers say a
    minimum age."""
    months, days = span.months, span.days
    if days == 0 and months and months % 12 == 0:
        if months // 12 in _BEFORE_BIRTHDAY:
            return say(_BEFORE_BIRTHDAY[months // 12])
        return say_n("before {n} year of age", "before {n} years of age", months // 12)
    if months == 0 and days % 7 == 0:
        return say_n("before {n} week of age", "before {n} weeks of age", days // 7)
    if days == 0:
        return say_n("before {n} month of age", "before {n} months of age", months)
    return say("before {months} and {days} of age", months=say_n("{n} month", "{n} months", months),
               days=say_n("{n} day", "{n} days", days))


def _target_dose(group: str, number: int):
    """The default ACIP series' dose `number` (1-based) for the group's first antigen, for minimum age/interval."""
    antigen_name = vaccines.group(group).antigens[0]
    antigen = _load_tables().antigens.get(antigen_name)
    if antigen is None:
        return None
    series = next((s for s in antigen.series if s.default and s.type == "Standard"), None)
    if series is None or not 1 <= number <= len(series.doses):
        return None
    return series.doses[number - 1]


def plain_reason(group: str, result: DoseResult, previous_valid: date | None, valid_before: int, child: Child,
                 four_day_grace: bool, state_name: str, min_age_rule=None) -> Text | None:
    """A sentence a provider can act on for one engine verdict; None for a plain valid dose."""
    reason = result.reason
    given = result.date
    words = group_words(group)
    if result.evaluation == _engine.VALID:
        if reason == _engine.GRACE:
            if four_day_grace:
                return say("given up to 4 days early; it counts under the 4-day grace period")
            return say("given a few days early; {state} does not accept the 4-day grace period, so it does not count",
                       state=say(state_name))
        return None
    if reason == _engine.TOO_YOUNG:
        minimum = min_age_rule
        if minimum is None:
            target = _target_dose(group, valid_before + 1)
            age = next((a for a in target.ages if a.min is not None), None) if target else None
            minimum = age.min if age else None
        if minimum is not None:
            from ..acip.tables import Span
            span = minimum if isinstance(minimum, Span) else Span(minimum.years * 12 + minimum.months,
                                                                  minimum.weeks * 7 + minimum.days)
            old_enough = span.after(child.birth_date)
            early = (old_enough - given).days
            if early > 0:
                return say("given {days} {before}, does not count", days=_in_words(early),
                           before=_before_milestone(span))
        return say("given at {age}, too young for this {vaccine} dose to count",
                   age=_age_words(child.birth_date, given), vaccine=words)
    if reason == _engine.TOO_SOON:
        if previous_valid is not None:
            gap = (given - previous_valid).days
            target = _target_dose(group, valid_before + 1)
            needed = None
            if target:
                rule = next((i for i in target.intervals if i.from_previous and i.min is not None), None)
                if rule is not None:
                    needed = (rule.min.after(previous_valid) - previous_valid).days
            if needed and needed > gap:
                return say("given only {days} after the previous {vaccine} dose; at least {needed} are needed",
                           days=_in_words(gap), vaccine=words, needed=_in_words(needed))
            return say("given only {days} after the previous {vaccine} dose, too soon to count",
                       days=_in_words(gap), vaccine=words)
        return say("given too soon after an earlier {vaccine} dose to count", vaccine=words)
    if reason == _engine.LIVE_VIRUS_CONFLICT:
        earlier = [d.given_on for d in child.doses
                   if d.vaccine_group in LIVE_GROUPS and d.given_on < given]
        if earlier:
            gap = (given - max(earlier)).days
            return say("given only {days} after another live vaccine (MMR or varicella) that was not given the "
                       "same day; at least 28 days are needed between them, so it does not count",
                       days=_in_words(gap))
        return say("given too soon after another live vaccine, does not count")
    if reason == _engine.TOO_OLD:
        return say("given at {age}, past the oldest age this {vaccine} dose is given; not needed",
                   age=_age_words(child.birth_date, given), vaccine=words)
    if reason == AFTER_PCV_CHILDHOOD:
        return say("given after the fifth birthday, when a healthy child needs no more PCV; not needed")
    if reason == _engine.SERIES_COMPLETE:
        return say("an extra dose after the {vaccine} series was already complete; not needed", vaccine=words)
    if reason == _engine.INADVERTENT:
        return say("this product is not meant for a child this age; the {vaccine} dose has to be repeated",
                   vaccine=words)
    if reason in (_engine.NOT_ALLOWED, _engine.NOT_FOR_AGE):
        return say("this product does not count as a {vaccine} dose at this age", vaccine=words)
    return say("does not count ({reason})", reason=reason) if reason else say("does not count")
