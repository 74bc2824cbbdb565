"""The window's one doorway to the state-law rules (immudesk.states): it asks, it never decides.

Every screen that needs a status, a report count or an outbreak list goes through here, so a change in the
core's call signatures is absorbed in one place. Statuses are computed once per roster change or as-of
change (not per paint), and the result is shared by the roster, the summary strip and the outbreak view.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from immudesk import states
from immudesk.errors import UserError
from immudesk.model import Child
from immudesk.states.status import ChildStatus

from . import wording

# The window shows these through QCoreApplication.translate("Outbreak", words).
OUTBREAK_DISEASES = (("measles", QT_TRANSLATE_NOOP("Outbreak", "Measles (MMR)")),
                     ("varicella", QT_TRANSLATE_NOOP("Outbreak", "Chickenpox (varicella)")),
                     ("pertussis", QT_TRANSLATE_NOOP("Outbreak", "Whooping cough (pertussis, DTaP)")))


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
    statuses = states.evaluate_roster(children, state, as_of)
    evaluation = RosterEvaluation(state, as_of, statuses)
    try:
        evaluation.report_table = states.report_table(statuses, state)
    except UserError as error:
        evaluation.problems.append(str(error))
    try:
        evaluation.report_period = states.report_period(state, as_of)
    except (UserError, LookupError, ValueError) as error:
        # A state file without a period for this year must not keep the roster from showing.
        evaluation.problems.append(QCoreApplication.translate("Compliance", "no report period for {state} on {date} "
                                                                            "({error})").format(
            state=state, date=wording.day(as_of), error=error))
    return evaluation


def evaluate_child(child: Child, state: str, as_of: date) -> ChildStatus:
    return states.evaluate_child(child, state, as_of)


def susceptible(statuses: list[ChildStatus], disease: str) -> list[tuple[ChildStatus, str]]:
    from immudesk.states import (
        outbreak,  # loads the ACIP engine: not needed for the window's first frame
    )

    return outbreak.susceptible(statuses, disease)
