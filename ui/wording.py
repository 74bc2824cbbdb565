"""How the window words dates, ages and deadlines, so every screen says "Nov 3, 2026" and "12 days left" alike.

This only phrases what the rules already decided (ChildStatus); the date arithmetic is immudesk.dates'.
"""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from immudesk import dates
from immudesk.i18n import format_date
from immudesk.model import Child
from immudesk.states.status import ChildStatus

from .language import counted

translate = QCoreApplication.translate
# In English; shown through translate("Wording", ...).
ATTENDANCE_WORDS = {
    "regular": QT_TRANSLATE_NOOP("Wording", "Regular (at least weekly, more than 4 hours)"),
    "occasional": QT_TRANSLATE_NOOP("Wording", "Occasional (not on a regular basis)"),
    "before_after_school": QT_TRANSLATE_NOOP("Wording", "Before/after school only"),
    "school_full_time": QT_TRANSLATE_NOOP("Wording", "In elementary school full time"),
}
LANGUAGE_WORDS = {"en": QT_TRANSLATE_NOOP("Wording", "English"),
                  "es": QT_TRANSLATE_NOOP("Wording", "Spanish (español)")}
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
_DAY_IN_SPANISH = re.compile(r"\b(\d{1,2}) ([a-z]{3,4}) (\d{4})\b")     # day() in Spanish: "3 nov 2026"


def keep_dates_together(text: str) -> str:
    """No-break spaces inside each date in words, so a narrow column wraps the text around a date and never
    splits one ("Oct 19," on one line, "2026" on the next)."""
    text = _DAY_IN_WORDS.sub(lambda match: f"{match[1]}\u00a0{match[2]},\u00a0{match[3]}", text)
    return _DAY_IN_SPANISH.sub(lambda match: f"{match[1]}\u00a0{match[2]}\u00a0{match[3]}", text)


def age(birth_date: date, on: date) -> str:
    if on < birth_date:
        return translate("Wording", "not born yet")
    months = dates.age_in_months(birth_date, on)
    if months < 1:
        weeks = dates.days_between(birth_date, on) // 7
        return counted(translate("Wording", "%n week(s)", None, weeks), weeks)
    if months < 24:
        return counted(translate("Wording", "%n month(s)", None, months), months)
    years, rest = divmod(months, 12)
    return (translate("Wording", "%n yr", None, years)
            + (" " + translate("Wording", "%n mo", None, rest) if rest else ""))


def countdown(status: ChildStatus) -> str:
    """The deadline that matters today, in the words a provider acts on."""
    child, as_of = status.child, status.as_of
    if child.is_withdrawn(as_of):
        return translate("Wording", "withdrawn {date}").format(date=day(child.withdrawn_on))
    if status.must_exclude:
        if status.last_allowed_day is not None:
            return translate("Wording", "excluded since {date}").format(date=day(dates.add(status.last_allowed_day,
                                                                                           days=1)))
        return translate("Wording", "may not attend")
    if status.days_left is not None:
        if status.days_left <= 0:
            return translate("Wording", "last day today")
        until = (" " + translate("Wording", "(to {date})").format(date=day(status.last_allowed_day))
                 if status.last_allowed_day else "")
        return counted(translate("Wording", "%n day(s) left", None, status.days_left), status.days_left) + until
    if status.due_date is not None and status.due_date > as_of:
        days = dates.days_between(as_of, status.due_date)
        if days > SOON_DAYS:
            return ""   # months away is not a deadline yet; the next-dose column has the date
        return translate("Wording", "due tomorrow") if days == 1 else translate("Wording", "due in {days} "
                                                                                           "days").format(days=days)
    if status.due_date is not None and status.due_date <= as_of and status.status == "not_up_to_date":
        return translate("Wording", "overdue since {date}").format(date=day(status.due_date))
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
    return translate("Wording", "overdue since {date}").format(date=day(due)) if due <= as_of else day(due)


def missing(status: ChildStatus) -> str:
    needed, exempt = [], []
    for name in status.missing:
        group = status.groups.get(name)
        (exempt if group is not None and group.exempt else needed).append(name)
    parts = [", ".join(needed)] if needed else []
    if exempt:
        parts.append(translate("Wording", "exempt: {vaccines}").format(vaccines=", ".join(exempt)))
    return "; ".join(parts)


def child_summary(child: Child, as_of: date) -> str:
    return translate("Wording", "{name}, born {date} ({age})").format(name=child.name, date=day(child.birth_date),
                                                             age=age(child.birth_date, as_of))
