"""What the window's "Vaccine or product" input offers for a dose typed from a certificate, best fit first.

The provider types a few letters; the choices that start with them are ranked so the one a certificate most
likely means comes first, and the window shows it ("Enter adds: Pentacel") before anything is filed:
  1. a name typed in full ("Var" is the vaccine, not Varivax);
  2. a choice whose own name starts with the letters, before one found through another name;
  3. the product this record already uses for a vaccine now due (a series continues with its product);
  4. the choice that covers the most vaccines due that day (by the ACIP forecast of the doses given before it);
  5. a trade name before a generic name; then the newer formulation (CDC assigns CVX codes in order).
When the best two choices are filed under different vaccines and nothing but catalogue order tells them apart
("hep": HepB or HepA?), there is no best choice: the provider types more or picks one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import vaccines
from .model import Dose
from .vaccines import ProductChoice


@dataclass(frozen=True)
class Ranked:
    choices: list[ProductChoice]          # every match, best first
    best: ProductChoice | None            # what Enter files; None when the letters do not decide


def due_groups(birth_date: date, doses: list[Dose], on: date) -> frozenset[str]:
    """Vaccine groups whose next dose ACIP recommends by `on`, judged on the doses given before that day,
    less those that already have a dose that day. Empty when the record cannot be evaluated yet."""
    from .acip import engine   # the engine's tables load on first use, not when the window opens

    before = [engine.AdministeredDose(d.given_on, d.cvx or vaccines.group(d.vaccine_group).unspecified_cvx)
              for d in doses if d.given_on < on]
    try:
        results = engine.evaluate(birth_date, before, on)
    except (engine.EvaluationError, ValueError):
        return frozenset()
    given_that_day = {d.vaccine_group for d in doses if d.given_on == on}
    return frozenset(name for name, result in results.items()
                     if result.series_status == "not_complete" and result.forecast is not None
                     and result.forecast.recommended <= on and name not in given_that_day)


def rank(text: str, due: frozenset[str] = frozenset(), used: frozenset[str] = frozenset()) -> Ranked:
    """The choices for what was typed, best first (see the module's docstring); `used`: labels of the
    choices already on this record."""
    matches = vaccines.find_products(text)
    typed = vaccines.fold_product(text)

    def fit(choice: ProductChoice) -> tuple:
        covers = len(set(choice.groups) & due)
        return (not any(vaccines.fold_product(n) == typed for n in choice.names),
                not vaccines.fold_product(choice.label).startswith(typed),
                not (choice.label in used and covers),
                -covers)

    def order(choice: ProductChoice) -> tuple:
        generic = choice.product is None or choice.product.isdigit()
        return fit(choice) + (generic, -int(choice.cvx or 0), matches.index(choice))

    ranked = sorted(matches, key=order)
    best = ranked[0] if ranked else None
    if best is not None and len(ranked) > 1:
        runner_up = ranked[1]
        if fit(runner_up) == fit(best) and set(runner_up.groups) != set(best.groups):
            best = None
    return Ranked(ranked, best)
