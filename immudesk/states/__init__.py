"""State law on top of ACIP: requirement tables, grace periods, report periods, statuses (one data file per state)."""
from __future__ import annotations

from ..resources import resource_path


def state_codes() -> list[str]:
    """The states immudesk knows: one data file each in resources/states/ (NC.json, MN.json, ...)."""
    return sorted(p.stem for p in resource_path("states").glob("*.json"))
