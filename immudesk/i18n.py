"""The language of the human-readable text (INTERFACES.md "Language"): English, or Spanish for an es* locale.

Minimal stand-in for the window's branch (s2-ui-es); the core's helper (s1-core-es) writes the full module with
the gettext catalogue, which replaces this one at merge. Same names and signatures.
"""
from __future__ import annotations

import os
from datetime import date

_MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")
_override: str | None = None


def _from_environment() -> str:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "es" if value.split(":")[0].lower().startswith("es") else "en"
    return "en"


def language() -> str:
    """"en" or "es": the override set by use_language, else the system's locale variables."""
    return _override or _from_environment()


def use_language(code: str | None) -> None:
    """Use `code` ("en"/"es") from now on; None follows the system again."""
    global _override
    _override = code if code in ("en", "es") else None


def _(msg: str) -> str:
    return msg


def ngettext(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def format_date(d: date) -> str:
    """"Mar 14, 2026" in English, "14 mar 2026" in Spanish."""
    if language() == "es":
        return f"{d.day} {_MONTHS_ES[d.month - 1]} {d.year}"
    from immudesk import dates

    return f"{dates.MONTH_ABBREVIATIONS[d.month - 1]} {d.day}, {d.year}"
