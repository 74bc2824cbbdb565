"""Dates the way CDC's CDSi logic specification computes them, and the date forms a provider types.

Every other part of immudesk does date arithmetic through this module (ARCHITECTURE: "nothing else does
date math its own way"). Source: CDSi Logic Specification v4.6, Table 3-6 (CALCDT-1 .. CALCDT-6).
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass

from .i18n import _, format_month, format_weekday
from .i18n import format_date as format_date_words

Date = _dt.date

__all__ = [
    "Date", "Duration", "DateError", "add", "add_duration", "parse_date", "parse_typed_date", "parse_duration",
    "format_date", "age_in_months", "age_in_years", "today", "days_between",
]


class DateError(ValueError):
    """A date a person typed that we cannot read; the message says what to type instead."""


@dataclass(frozen=True)
class Duration:
    """An amount of time as CDSi writes it: years, months, weeks and days (days may be negative)."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    def __str__(self) -> str:
        parts = []
        for value, unit in ((self.years, "year"), (self.months, "month"), (self.weeks, "week"), (self.days, "day")):
            if value:
                sign = "- " if value < 0 and parts else ("-" if value < 0 else ("+ " if parts else ""))
                parts.append(f"{sign}{abs(value)} {unit}{'s' if abs(value) != 1 else ''}")
        return " ".join(parts) or "0 days"


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def add(date: Date, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> Date:
    """Add years, then months, then weeks and days (CALCDT-6).

    Years and months keep the day of the month (CALCDT-1, -2); a day that does not exist in the resulting
    month moves forward to the 1st of the next month (CALCDT-5: 03/31 + 6 months = 10/01, where
    dateutil's relativedelta would clamp to 09/30). Weeks are 7 days (CALCDT-3); days are added or
    subtracted as a count (CALCDT-4).
    """
    if years or months:
        year, month = divmod(date.year * 12 + (date.month - 1) + years * 12 + months, 12)
        month += 1
        day = date.day
        # Every month has the 1st to the 28th: only a later day needs the month's length (worked out without
        # the calendar module: the ACIP engine adds dates in its inner loops, and every start imports this).
        if day > 28 and day > (29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month]):
            # CALCDT-5: not a real date, so the first day of the following month.
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            date = Date(year, month, 1)
        else:
            date = Date(year, month, day)
    if weeks or days:
        date = Date.fromordinal(date.toordinal() + weeks * 7 + days)
    return date


def add_duration(date: Date, duration: Duration) -> Date:
    return add(date, duration.years, duration.months, duration.weeks, duration.days)


_TERM = re.compile(r"\s*([+-]?)\s*(\d+)\s*(year|month|week|day)s?\s*", re.IGNORECASE)


def parse_duration(text: str) -> Duration:
    """Read a CDSi duration such as "6 months - 4 days", "12 weeks", "0 days" or "" (no duration)."""
    text = (text or "").strip()
    if not text:
        return Duration()
    totals = {"year": 0, "month": 0, "week": 0, "day": 0}
    position = 0
    first = True
    while position < len(text):
        match = _TERM.match(text, position)
        if not match or match.end() == position:
            raise DateError(f"cannot read the duration {text!r}")
        sign, number, unit = match.groups()
        if not sign and not first:
            raise DateError(f"cannot read the duration {text!r}: a + or - is missing")
        value = int(number) * (-1 if sign == "-" else 1)
        totals[unit.lower()] += value
        position = match.end()
        first = False
    return Duration(totals["year"], totals["month"], totals["week"], totals["day"])


# re.ASCII: without it \d also matches Arabic-Indic, full-width and other digits, which are not the forms the
# roster promises (and a date typed with them would be stored differently from how it reads).
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)


def parse_date(text: str) -> Date:
    """Read a date written as YYYY-MM-DD or M/D/YYYY (the two forms the roster CSV and the window accept)."""
    if isinstance(text, Date):  # before .strip(): a date object has none
        return text
    value = (text or "").strip()
    match = _ISO.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _US.match(value)
        if not match:
            raise DateError(_("{value!r} is not a date; write it as YYYY-MM-DD or M/D/YYYY").format(value=value))
        month, day, year = (int(g) for g in match.groups())
    try:
        return Date(year, month, day)
    except ValueError:
        raise DateError(_("{value!r} is not a real date (check the month and the day)").format(value=value)) from None


# English, as the letters' English version: strftime would follow the computer's locale.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_NUMERIC = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$", re.ASCII)
_NO_YEAR = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]?$", re.ASCII)
_DIGITS_ONLY = re.compile(r"^\d+$", re.ASCII)


def parse_typed_date(text: str, not_future: bool = False, today_is: Date | None = None) -> Date:
    """Read a date a person types in the window, always month first (US), whatever the computer's locale.

    Accepted: 3/14/2025, 03/14/2025, 3-14-2025, 3/14/25, 031425, 03142025, 2025-03-14, Mar 14 2025,
    March 14, 2025, 14 Mar 2025 and "Fri, Mar 14, 2025" (the weekday, when given, must match).

    Two-digit years (one rule): 25 means 2025. In a field whose date cannot be in the future (a birth date,
    a dose, chickenpox: not_future=True), a year that would put the date after today means the 1900s
    instead ("3/14/98" is 1998). Anything unclear or impossible raises DateError with what to type; a date
    is never moved to another one.
    """
    value = " ".join((text or "").split())
    if not value:
        raise DateError(_("No date: write it month/day/year, like 3/14/2025."))
    match = _NUMERIC.match(value)
    if match:
        first, second, third = match.groups()
        if len(first) == 4:                        # 2025-03-14: year first, then month and day
            return _checked(value, int(first), int(second), int(third))
        return _checked(value, _year(value, third, int(first), int(second), not_future, today_is),
                        int(first), int(second))
    if _NO_YEAR.match(value):
        raise DateError(_("{value}: add the year; write it month/day/year, like 3/14/2025.").format(value=value))
    if _DIGITS_ONLY.match(value):
        if len(value) in (6, 8):                   # 031425 and 03142025: MMDDYY and MMDDYYYY
            return _checked(value, _year(value, value[4:], int(value[:2]), int(value[2:4]), not_future, today_is),
                            int(value[:2]), int(value[2:4]))
        raise DateError(_("{value} cannot be read as a date: type the month and day with two digits each "
                          "(031425) or write it month/day/year, like 3/14/2025.").format(value=value))
    return _parse_words(value, not_future, today_is)


def _parse_words(value: str, not_future: bool, today_is: Date | None) -> Date:
    """Mar 14 2025, March 14, 2025, 14 Mar 2025, with an optional weekday in front."""
    tokens = value.lower().replace(",", " ").replace(".", " ").split()
    if not tokens or not all(t.isalpha() or _DIGITS_ONLY.match(t) for t in tokens):
        raise DateError(_("{value} is not a date: write it month/day/year, like 3/14/2025.").format(value=value))
    weekday = None
    if tokens[0].isalpha() and len(tokens) == 4:
        weekday = _name_index(tokens.pop(0), [d.lower() for d in WEEKDAY_ABBREVIATIONS], value, "weekday")
    names = [t for t in tokens if t.isalpha()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(tokens) != 3 or len(names) != 1 or tokens[2].isalpha():
        raise DateError(_("{value} is not a date: write it month/day/year, like 3/14/2025 (or Mar 14 2025).").format(
            value=value))
    month = _name_index(names[0], list(_MONTH_NAMES), value, "month") + 1
    day_text, year_text = numbers
    found = _checked(value, _year(value, year_text, month, int(day_text), not_future, today_is), month, int(day_text))
    if weekday is not None and found.weekday() != weekday:
        named = Date(2024, 1, 1 + weekday)             # a Monday, plus the weekday that was typed
        raise DateError(_("{date} is a {weekday}, not a {typed}: check the date.").format(
            date=format_date_words(found), weekday=format_weekday(found), typed=format_weekday(named)))
    return found


def _name_index(word: str, names: list[str], value: str, what: str) -> int:
    """The month (or weekday) a word names: its first three letters at least, or a full name ("Sept" too)."""
    matches = [i for i, name in enumerate(names) if len(word) >= 3 and name.startswith(word[:3])
               and (name.startswith(word) or word == "sept" and name == "september")]
    if len(matches) != 1:
        raise DateError((_("{value}: {word!r} is not a month name; write it month/day/year, like 3/14/2025.")
                          if what == "month" else
                          _("{value}: {word!r} is not a weekday name; write it month/day/year, like 3/14/2025."))
                         .format(value=value, word=word))
    return matches[0]


def _year(value: str, text: str, month: int, day: int, not_future: bool, today_is: Date | None) -> int:
    if len(text) == 4:
        return int(text)
    if len(text) != 2:
        raise DateError(_("{value}: the year {year} is not complete; write it month/day/year, like 3/14/2025.").format(
            value=value, year=text))
    year = 2000 + int(text)
    if not_future:
        now = today_is or today()
        try:
            if Date(year, month, day) > now:
                year -= 100                        # a birth or a dose is never in the future
        except ValueError:
            pass                                   # _checked explains the impossible date
    return year


def _checked(value: str, year: int, month: int, day: int) -> Date:
    if not 1 <= month <= 12:
        raise DateError(_("{value}: there is no month {month}; the month comes first, like 3/14/2025.").format(
            value=value, month=month))
    if not 1900 <= year <= 2099:
        raise DateError(_("{value}: the year {year} cannot be right; write it month/day/year, like 3/14/2025.").format(
            value=value, year=year))
    try:
        return Date(year, month, day)
    except ValueError:
        raise DateError(_("{value}: {month} has no day {day}.").format(
            value=value, month=format_month(Date(year, month, 1)), day=day)) from None


def format_date(date: Date | None) -> str:
    return date.isoformat() if date else ""


def age_in_months(birth_date: Date, on: Date) -> int:
    """Completed months of age on a date, counted the CDSi way (the day a child turns N months is add(birth, months=N))."""
    months = (on.year - birth_date.year) * 12 + (on.month - birth_date.month)
    while months > 0 and add(birth_date, months=months) > on:
        months -= 1
    while add(birth_date, months=months + 1) <= on:
        months += 1
    return max(months, 0)


def age_in_years(birth_date: Date, on: Date) -> int:
    return age_in_months(birth_date, on) // 12


def days_between(start: Date, end: Date) -> int:
    return (end - start).days


def today() -> Date:
    """Today's date; IMMUDESK_TODAY=YYYY-MM-DD pins it, so demos, screenshots and checks are repeatable."""
    pinned = os.environ.get("IMMUDESK_TODAY")
    if pinned:
        return parse_date(pinned)
    return Date.today()


# The years a record can hold. A child's dates (birth, doses, enrollment) and an as-of date all fall well inside;
# the limits keep the CDSi arithmetic (ages up to some 100 years added to a date) far from Python's year 9999, so
# a typing slip such as 9999-12-31 or a flipped bit is refused at the door instead of failing every report later.
EARLIEST = Date(1900, 1, 1)
LATEST = Date(2199, 12, 31)


def check_in_range(value: Date, what: str = "the date") -> Date:
    """value itself when it lies between EARLIEST and LATEST; otherwise a DateError that says what to fix."""
    if not EARLIEST <= value <= LATEST:
        raise DateError(_("{what} {date} is outside the years {earliest} to {latest} that immudesk takes; check the "
                          "year").format(what=what, date=value.isoformat(), earliest=EARLIEST.year, latest=LATEST.year))
    return value
