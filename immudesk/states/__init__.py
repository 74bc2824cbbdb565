"""State law on top of ACIP: requirement tables, grace periods, report periods, statuses (one data file per state).

The public API the window, the reports and the letters code against:
evaluate_child, evaluate_roster, report_period, report_table, and outbreak.susceptible.
"""
from __future__ import annotations

import importlib

from ..resources import resource_path
from .status import REPORT_GROUPS, STATUSES, ChildStatus, DoseVerdict, GroupCompliance

# The rules and the ACIP engine behind them load on first use (PEP 562), so a module that only needs the
# ChildStatus shape (the window's first frame, `immudesk --help`) does not pay for importing them.
_LAZY = {
    "evaluate_child": "assessment", "evaluate_roster": "assessment", "report_table": "report",
    "ReportPeriod": "rules", "StateRules": "rules", "StateRulesError": "rules", "load_state": "rules",
    "report_period": "rules",
}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

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
