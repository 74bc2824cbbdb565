"""What the per-state roster tests share: the roster judged on one day by child name, the check of one child
against the line worked by hand from the state's chart, and the shots a record shows given on one day."""
from __future__ import annotations

from test_states_records import d, dose

from immudesk.states import evaluate_roster

P20 = "Prevnar 20"
PRODUCTS = {"Hib": "ActHIB", "PCV": P20}


def statuses_by_name(children, state: str, as_of: str) -> dict:
    return {s.child.name: s for s in evaluate_roster(children, state, d(as_of))}


def check_worked_by_hand(status, expected) -> None:
    """expected: (status, missing groups, days left, words one of the reasons contains)."""
    want_status, missing, days_left, words = expected
    assert (status.status, sorted(status.missing), status.days_left) == (want_status, sorted(missing), days_left)
    assert any(words in reason for reason in status.reasons), status.reasons


def shots(when: str, groups=("DTaP", "Polio", "Hib", "PCV")) -> list:
    """The doses of these groups given on one day (Hib as ActHIB, PCV as Prevnar 20)."""
    return [dose(g, when, PRODUCTS.get(g)) for g in groups]
