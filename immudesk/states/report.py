"""The annual report's count table from a roster's statuses: per age group, the children attending and how many
fall in each status column (each counted child in exactly one), plus the total row (INTERFACES.md "groups")."""
from __future__ import annotations

from .rules import load_state
from .status import REPORT_GROUPS, STATUSES, ChildStatus


def report_columns(statuses: list[ChildStatus]) -> tuple[str, ...]:
    """The state's status columns; NC's when the roster is empty and no state is known."""
    state = next((s.state for s in statuses if s.state), "NC")
    return load_state(state).report_columns


def report_table(statuses: list[ChildStatus], state: str | None = None) -> dict:
    """{"under_24_months": {"attending": n, <column>: n, ...}, "24_months_and_older": {...}, "total": {...}}.

    Children with no report group (withdrawn, born after the cutoff, not attending regularly ...) are not counted.
    """
    columns = load_state(state).report_columns if state else report_columns(statuses)
    table = {group: {"attending": 0, **{c: 0 for c in columns}} for group in (*REPORT_GROUPS, "total")}
    for status in statuses:
        if status.report_group is None:
            continue
        if status.status not in columns:
            raise ValueError(f"{status.child.name}: status {status.status!r} has no column in the "
                             f"{status.state} report (columns: {', '.join(columns)}; known: {', '.join(STATUSES)})")
        for row in (status.report_group, "total"):
            table[row]["attending"] += 1
            table[row][status.status] += 1
    return table
