"""What immudesk checked a state's rules against and which values are still to verify, in words for the window
(Settings → Facility, Help) and the docs: read from the state file, never written anywhere else."""
from __future__ import annotations

from dataclasses import dataclass

from .rules import load_state


@dataclass(frozen=True)
class StateAbout:
    code: str
    name: str
    sources: tuple[str, ...]         # each: the title (and date), then where it was read
    to_verify: tuple[str, ...]       # each value the sources did not settle
    report: str                      # who files a yearly report (or that homes are not asked / not confirmed)


def about_state(code: str) -> StateAbout:
    rules = load_state(code)
    if rules.homes_file == "yes":
        period = rules.periods[-1] if rules.periods else None
        report = (f"Family homes file a yearly report ({rules.homes_note or 'see the state file'})"
                  + (f"; latest known due date {period.due_date.isoformat()}" if period else "") + ".")
    elif rules.homes_file == "no":
        report = f"{rules.name} does not ask family homes for a yearly report: {rules.homes_note}"
    else:
        report = f"Yearly report {rules.homes_note}"
    return StateAbout(rules.code, rules.name, rules.sources, rules.to_verify, report)


def _without_address(source: str) -> str:
    return source.split(" read at ")[0]


def summary_text(code: str) -> str:
    """A few plain lines for the facility settings: the sources by title, and how many values are to verify."""
    about = about_state(code)
    lines = [f"{about.name}'s rules were checked against:"]
    lines += [f"• {_without_address(source)}" for source in about.sources]
    if about.to_verify:
        lines.append(f"Still to verify ({len(about.to_verify)}):")
        lines += [f"• {note}" for note in about.to_verify]
    else:
        lines.append("No value is marked to verify.")
    if load_state(code).homes_file != "not_confirmed":     # otherwise it is among the values to verify
        lines.append(about.report)
    return "\n".join(lines)
