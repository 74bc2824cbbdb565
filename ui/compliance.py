"""The window's one doorway to the state-law rules (immudesk.states): it asks, it never decides.

Every screen that needs a status, a report count or an outbreak list goes through here, so a change in the
core's call signatures is absorbed in one place. Statuses are computed once per roster change or as-of
change (not per paint), and the result is shared by the roster, the summary strip and the outbreak view.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date

from immudesk.errors import UserError
from immudesk.model import Child
from immudesk.states.status import ChildStatus

OUTBREAK_DISEASES = (("measles", "Measles (MMR)"), ("varicella", "Chickenpox (varicella)"),
                     ("pertussis", "Whooping cough (pertussis, DTaP)"))


def _states():
    try:
        return importlib.import_module("immudesk.states")
    except ImportError as error:  # pragma: no cover - only while the rules are being installed
        raise UserError(f"the state-law rules could not be loaded ({error}); reinstall immudesk") from None


def rules_available() -> bool:
    """True when the installed core can evaluate children (the window still opens without it)."""
    return hasattr(_states(), "evaluate_roster")


def _call(name: str, *args, **kwargs):
    function = getattr(_states(), name, None)
    if function is None:
        raise UserError(f"this build of immudesk cannot evaluate children yet ({name} is missing from the rules)")
    return function(*args, **kwargs)


@dataclass
class RosterEvaluation:
    """The roster as the rules see it on one day: what every screen of the window shows."""
    state: str
    as_of: date
    statuses: list[ChildStatus]
    report_table: dict | None = None
    report_period: object | None = None
    problems: list[str] = field(default_factory=list)   # why a part could not be computed, in plain words


def evaluate_roster(children: list[Child], state: str, as_of: date) -> RosterEvaluation:
    statuses = _call("evaluate_roster", children, state, as_of)
    evaluation = RosterEvaluation(state, as_of, statuses)
    try:
        evaluation.report_table = _call("report_table", statuses, state)
    except UserError as error:
        evaluation.problems.append(str(error))
    try:
        evaluation.report_period = _call("report_period", state, as_of)
    except (UserError, LookupError, ValueError) as error:
        # A state file without a period for this year must not keep the roster from showing.
        evaluation.problems.append(f"no report period for {state} on {as_of:%b %-d, %Y} ({error})")
    return evaluation


def evaluate_child(child: Child, state: str, as_of: date) -> ChildStatus:
    return _call("evaluate_child", child, state, as_of)


def susceptible(statuses: list[ChildStatus], disease: str) -> list[tuple[ChildStatus, str]]:
    try:
        outbreak = importlib.import_module("immudesk.states.outbreak")
    except ImportError:
        raise UserError("this build of immudesk cannot list susceptible children yet") from None
    return outbreak.susceptible(statuses, disease)
