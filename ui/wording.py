"""How the window words dates, ages and deadlines, so every screen says "Nov 3, 2026" and "12 days left" alike.

This only phrases what the rules already decided (ChildStatus); the date arithmetic is immudesk.dates'.
"""
from __future__ import annotations

import re
from datetime import date

from immudesk import dates
from immudesk.i18n import format_date
from immudesk.model import Child
from immudesk.states.status import ChildStatus

ATTENDANCE_WORDS = {
    "regular": "Regular (at least weekly, more than 4 hours)",
    "occasional": "Occasional (not on a regular basis)",
    "before_after_school": "Before/after school only",
    "school_full_time": "In elementary school full time",
}
LANGUAGE_WORDS = {"en": "English", "es": "Spanish (español)"}
SOON_DAYS = 60   # a requirement starting within this many days is shown as a countdown


def day(value: date | None) -> str:
    """A date written without ambiguity for a US reader: "Nov 3, 2026" (English month names, as the letters'
    English version; strftime would follow the computer's locale and costs an import per call)."""
    if value is None:
        return ""
    return format_date(value)   # "14 mar 2026" in Spanish


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in_words(text: str) -> str:
    """The rules' reasons carry ISO dates ("first dose from 2027-02-18"), the form the CLI and files use; the
    window says them in words like every other date it shows ("Feb 18, 2027")."""
    def spoken(match: re.Match) -> str:
        try:
            return day(date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            return match[0]   # not a real date: leave the text as it is
    return _ISO_DATE.sub(spoken, text)


_DAY_IN_WORDS = re.compile(r"\b([A-Z][a-z]{2}) (\d{1,2}), (\d{4})\b")   # day(): "Nov 3, 2026"


def keep_dates_together(text: str) -> str:
    """No-break spaces inside each date in words, so a narrow column wraps the text around a date and never
    splits one ("Oct 19," on one line, "2026" on the next)."""
    return _DAY_IN_WORDS.sub(lambda match: f"{match[1]}\u00a0{match[2]},\u00a0{match[3]}", text)


def age(birth_date: date, on: date) -> str:
    if on < birth_date:
        return "not born yet"
    months = dates.age_in_months(birth_date, on)
    if months < 1:
        weeks = dates.days_between(birth_date, on) // 7
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''}"
    years, rest = divmod(months, 12)
    return f"{years} yr" + (f" {rest} mo" if rest else "")


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def countdown(status: ChildStatus) -> str:
    """The deadline that matters today, in the words a provider acts on."""
    child, as_of = status.child, status.as_of
    if child.is_withdrawn(as_of):
        return f"withdrawn {day(child.withdrawn_on)}"
    if status.must_exclude:
        if status.last_allowed_day is not None:
            return f"excluded since {day(dates.add(status.last_allowed_day, days=1))}"
        return "may not attend"
    if status.days_left is not None:
        if status.days_left <= 0:
            return "last day today"
        until = f" (to {day(status.last_allowed_day)})" if status.last_allowed_day else ""
        return f"{plural(status.days_left, 'day')} left{until}"
    if status.due_date is not None and status.due_date > as_of:
        days = dates.days_between(as_of, status.due_date)
        if days > SOON_DAYS:
            return ""   # months away is not a deadline yet; the next-dose column has the date
        return "due tomorrow" if days == 1 else f"due in {days} days"
    if status.due_date is not None and status.due_date <= as_of and status.status == "not_up_to_date":
        return f"overdue since {day(status.due_date)}"
    return ""


def next_due(status: ChildStatus) -> tuple[date | None, str]:
    """The earliest day a further dose is due (and for which vaccines), from the rules' per-group answers."""
    candidates: dict[date, list[str]] = {}
    for name, group in status.groups.items():
        if group.next_due is not None and not group.exempt:
            candidates.setdefault(group.next_due, []).append(name)
    if not candidates:
        exempt_only = bool(status.missing) and all(
            status.groups.get(name) is not None and status.groups[name].exempt for name in status.missing)
        # An exempt child is not "overdue" for the vaccines they are exempt from: nothing to show.
        if status.due_date is not None and not exempt_only:
            return status.due_date, _due_words(status.due_date, status.as_of)
        return None, ""
    first = min(candidates)
    return first, _due_words(first, status.as_of) + f" ({', '.join(candidates[first])})"


def _due_words(due: date, as_of: date) -> str:
    # A date already gone is not "next": say it is past due, so nobody reads it as still to come.
    return f"overdue since {day(due)}" if due <= as_of else day(due)


def missing(status: ChildStatus) -> str:
    needed, exempt = [], []
    for name in status.missing:
        group = status.groups.get(name)
        (exempt if group is not None and group.exempt else needed).append(name)
    parts = [", ".join(needed)] if needed else []
    if exempt:
        parts.append("exempt: " + ", ".join(exempt))
    return "; ".join(parts)


def child_summary(child: Child, as_of: date) -> str:
    return f"{child.name}, born {day(child.birth_date)} ({age(child.birth_date, as_of)})"
