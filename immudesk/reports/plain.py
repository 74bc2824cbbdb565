"""Plain wording every printed page shares: one date style ("Oct 20, 2017", "20 oct 2017"), ages in years and
months with the right singular, and the rules layer's sentences tidied for a parent's eyes (no ISO dates, no table
jargon). In the provider's language (immudesk.i18n)."""
from __future__ import annotations

import re
from datetime import date

from ..dates import age_in_months
from ..i18n import N_, catalogue, format_date, language, ngettext

# How the rules layer ends a dose's reason ("..., so it does not count"), in each language.
DOES_NOT_COUNT, SO_IT = N_("does not count"), N_("so it")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# The rules layer names the requirement table's row ("(the 19 months row)"): meaningful to us, jargon on paper.
_ROW_JARGON = re.compile(r"\s*\(the [^()]*? row\)")


def short_date(day: date | None) -> str:
    """The one date style of the printouts: "Oct 20, 2017" ("" for no date)."""
    return format_date(day) if day else ""


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def age_words(birth: date, on: date) -> str:
    """ "11 months", "3 years 1 month", "2 years": singular where it is one."""
    months = age_in_months(birth, on)
    if months < 24:
        return ngettext("{n} month", "{n} months", months).format(n=months)
    years, rest = divmod(months, 12)
    return " ".join([ngettext("{n} year", "{n} years", years).format(n=years)]
                    + ([ngettext("{n} month", "{n} months", rest).format(n=rest)] if rest else []))


def tidy(text: str) -> str:
    """A rules-layer sentence for a printout: dates as "Oct 20, 2017", no "(the 19 months row)"."""
    text = _ROW_JARGON.sub("", text)
    return _ISO.sub(lambda m: short_date(date(int(m[1]), int(m[2]), int(m[3]))), text)


def why_not_counted(reason: str | None) -> str:
    """The reason a dose does not count, without the "does not count" the caller already says."""
    text = (reason or "").strip().rstrip(".")
    # The reason is in the provider's language, or in English (a letter to a parent who reads English).
    for code in {language(), "en"}:
        said = catalogue(code).gettext(DOES_NOT_COUNT)
        match = re.fullmatch(re.escape(said) + r" \((.+)\)", text)
        if match:
            return match[1]
        text = re.sub(r"[,;]? *(" + re.escape(catalogue(code).gettext(SO_IT)) + r" )?" + re.escape(said) + "$",
                      "", text)
        if text == said:
            return ""
    return text
