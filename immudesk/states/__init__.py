"""State law on top of ACIP: requirement tables, grace periods, report periods, statuses (one data file per state).

The public API the window, the reports and the letters code against:
evaluate_child, evaluate_roster, report_period, report_table, and outbreak.susceptible.
"""
from __future__ import annotations

from ..resources import resource_path
from .assessment import evaluate_child, evaluate_roster
from .report import report_table
from .rules import ReportPeriod, StateRules, StateRulesError, load_state, report_period
from .status import REPORT_GROUPS, STATUSES, ChildStatus, DoseVerdict, GroupCompliance

__all__ = [
    "REPORT_GROUPS",
    "STATUSES",
    "ChildStatus",
    "DoseVerdict",
    "GroupCompliance",
    "ReportPeriod",
    "StateRules",
    "StateRulesError",
    "evaluate_child",
    "evaluate_roster",
    "load_state",
    "report_period",
    "report_table",
    "state_codes",
]


def state_codes() -> list[str]:
    """The states immudesk knows: one data file each in resources/states/ (NC.json, MN.json, ...)."""
    return sorted(p.stem for p in resource_path("states").glob("*.json"))
