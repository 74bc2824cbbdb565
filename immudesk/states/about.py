"""What immudesk checked a state's rules against and which values are still to verify, in words for the window
(Settings → Facility, Help) and the docs: read from the state file, never written anywhere else. The frame is in
the provider's language; the sources' titles and the notes to verify are quoted as the state file writes them."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import _, format_date, ngettext
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
        note = rules.homes_note or _("see the state file")
        report = (_("Family homes file a yearly report ({note}); latest known due date {date}.").format(
            note=note, date=format_date(period.due_date)) if period else
            _("Family homes file a yearly report ({note}).").format(note=note))
    elif rules.homes_file == "no":
        report = _("{state} does not ask family homes for a yearly report: {note}").format(state=_(rules.name),
                                                                                          note=rules.homes_note)
    else:
        report = _("Yearly report {note}").format(note=rules.homes_note)
    return StateAbout(rules.code, _(rules.name), rules.sources, rules.to_verify, report)


def _without_address(source: str) -> str:
    return source.split(" read at ")[0]


def summary_text(code: str) -> str:
    """A few plain lines for the facility settings: the sources by title, and how many values are to verify."""
    about = about_state(code)
    lines = [_("{state}'s rules were checked against:").format(state=about.name)]
    lines += [f"• {_without_address(source)}" for source in about.sources]
    if about.to_verify:
        lines.append(ngettext("Still to verify ({n}):", "Still to verify ({n}):", len(about.to_verify)).format(
            n=len(about.to_verify)))
        lines += [f"• {note}" for note in about.to_verify]
    else:
        lines.append(_("No value is marked to verify."))
    if load_state(code).homes_file != "not_confirmed":     # otherwise it is among the values to verify
        lines.append(about.report)
    return "\n".join(lines)
