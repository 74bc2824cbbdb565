"""The language the core speaks (English, or Spanish for an `es*` locale) and its message catalogue.

The core's sentences are English msgids translated with the standard gettext catalogue (domain "immudesk",
resources/locale/es/LC_MESSAGES/immudesk.po, compiled to immudesk.mo by tools/build_catalogues.py). A missing
compiled catalogue means English, never a crash.

A sentence the rules layer hands on (a status reason, a dose verdict) is a `Text`: the string itself is in the
language of the moment, and `.english` says it again in English for what never follows the provider's language:
`--json` and the parent letters (which follow each child's language).
"""
from __future__ import annotations

import gettext
import os
import struct
from datetime import date
from functools import cache, lru_cache

from .resources import resource_path

DOMAIN = "immudesk"
LANGUAGES = ("en", "es")
# The locale variables in the order Python's gettext reads them (gettext.find).
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
# Babel's (CLDR's) locale for each language: US English, US Spanish, as the provider's certificates are.
_CLDR = {"en": "en_US", "es": "es_US"}

_override: str | None = None


@cache
def system_language() -> str:
    """ "es" when the locale variables ask for Spanish before English, else "en". The first variable that is set
    decides, as in gettext; LANGUAGE may list several ("es_MX:en"), of which the first English or Spanish wins.
    Read once, as a program reads its locale when it starts (every sentence asks: measured, the environment's
    four look-ups were a third of a roster's evaluation); system_language.cache_clear() reads it again."""
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable)
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.strip().lower()[:2]
            if code in LANGUAGES:
                return code
        return "en"
    return "en"


def language() -> str:
    """The language the core speaks now: the override (Settings, or `use_language`), else the system's."""
    return _override or system_language()


def use_language(code: str | None) -> None:
    """Speak `code` ("en" or "es") from now on; None follows the system locale again."""
    global _override
    if code is not None and code not in LANGUAGES:
        raise ValueError(f"immudesk speaks {' and '.join(LANGUAGES)}, not {code!r}")
    _override = code


@cache
def catalogue(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language; English (the msgids themselves) when there is none or it cannot be
    read: a provider is better served in English than by a crash."""
    if code == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, str(resource_path("locale")), languages=[code], fallback=True)
    except (OSError, ValueError, LookupError, struct.error):    # a damaged .mo (gettext's own errors)
        return gettext.NullTranslations()


def _(message: str) -> str:
    """`message` in the current language."""
    return catalogue(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the current language (Spanish and English both: 1 is singular)."""
    return catalogue(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; it is translated where it is shown."""
    return message


def format_date(d: date, code: str | None = None) -> str:
    """A date in words: "Mar 14, 2026" in English, "14 mar 2026" in Spanish (CLDR's medium US style). The one
    place for the date style of text; fields and files keep MM/DD/YYYY and YYYY-MM-DD."""
    return _date_in_words(d, code or language())


# US English's words are CLDR's en_US ones ("MMM d, y", "MMM y", "EEE"), written here so that a command in English
# never loads Babel (a fifth of a small command's start); tests/test_i18n.py checks them against Babel's.
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@lru_cache(maxsize=4096)
def _date_in_words(d: date, code: str) -> str:
    # A roster's reasons say the same dates again and again; Babel takes microseconds for each.
    if code == "en":
        return f"{_EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    from babel.dates import format_date as cldr_format   # Babel's CLDR data loads on the first date said

    return cldr_format(d, "medium", locale=_CLDR[code])


class Text(str):
    """A sentence in the language it was made in (the string itself), which can be said again in English.

    Made by `say` / `say_n`; its parameters may be dates (said with format_date) or other Texts (said in the
    same language), so `.english` is the whole sentence in English, not a mix."""

    __slots__ = ("_parts", "_said_in")       # a roster makes tens of thousands: no dict for each

    def __new__(cls, msgid: str, plural: str | None, n: int | None, params: dict):
        code = _override or system_language()      # language(), inlined: a roster makes tens of thousands
        self = str.__new__(cls, _render(msgid, plural, n, params, code))
        self._parts = (msgid, plural, n, params)
        self._said_in = code
        return self

    def __reduce__(self):   # copies and pickles keep both languages
        return Text, self._parts

    def said_in(self, code: str) -> str:
        return str.__str__(self) if code == self._said_in else _render(*self._parts, code)

    @property
    def english(self) -> str:
        return self.said_in("en")


class Composed(Text):
    """A Text put together from other Texts (a list, a capital letter), said again the same way in English."""

    __slots__ = ("_make",)

    def __new__(cls, make):
        code = _override or system_language()      # language(), inlined as in Text
        self = str.__new__(cls, make(code))
        self._make = make
        self._said_in = code
        return self

    def __reduce__(self):
        return Composed, (self._make,)

    def said_in(self, code: str) -> str:
        return str.__str__(self) if code == self._said_in else self._make(code)


def listed(items, separator: str = ", ") -> Composed:
    """Texts (or plain words) one after another: "DTaP, polio"."""
    items = list(items)
    return Composed(lambda code: separator.join(str(_said(item, code)) for item in items))


def capitalized(text) -> Composed:
    """The sentence with a capital first letter, in whichever language it is said."""
    def make(code: str) -> str:
        words = str(_said(text, code))
        return words[:1].upper() + words[1:]
    return Composed(make)


def english(text: str | None) -> str | None:
    """The English of a Text (other strings are already as they will be)."""
    return text.english if isinstance(text, Text) else text


def _render(msgid: str, plural: str | None, n: int | None, params: dict, code: str) -> str:
    found = catalogue(code)
    template = found.ngettext(msgid, plural, n) if plural is not None else found.gettext(msgid)
    if not params:
        return template
    # _said, inlined for the usual parameters (numbers, names, Texts made in this language): the roster's
    # reasons fill a hundred thousand of them.
    said = {}
    for key, value in params.items():
        if isinstance(value, Text):
            said[key] = str.__str__(value) if value._said_in == code else value.said_in(code)
        elif isinstance(value, date):
            said[key] = _date_in_words(value, code)
        else:
            said[key] = value
    return template.format(**said)


def _said(value, code: str):
    if isinstance(value, Text):
        return value.said_in(code)
    if isinstance(value, date):
        return format_date(value, code)
    return value


def say(msgid: str, **params) -> Text:
    """The sentence `msgid` ("{name} needs {what}") in the current language, its {placeholders} filled."""
    if not params:
        code = _override or system_language()
        return _fixed(msgid, None, None, code, catalogue(code))
    return Text(msgid, None, None, params)


def say_n(singular: str, plural: str, n: int, **params) -> Text:
    """Like `say`, in the form for the count `n`; `n` is also the placeholder {n}."""
    if not params:
        code = _override or system_language()
        return _fixed(singular, plural, n, code, catalogue(code))
    return Text(singular, plural, n, {"n": n, **params})


@lru_cache(maxsize=2048)
def _fixed(msgid: str, plural: str | None, n: int | None, code: str, found: gettext.NullTranslations) -> Text:
    # A sentence with nothing to fill but its count ("the child is not attending.", "3 days") is said again and
    # again in a roster's reasons: made once per language. The catalogue is part of the key, so one read again
    # (a rebuilt .mo, a test's) is not answered from the old one. (code: the language `found` is for.)
    return Text(msgid, plural, n, {} if plural is None else {"n": n})


def say_data(text: str | None) -> Text | None:
    """A sentence from a data file (a state's exclusion reasons, its status words): translated when the
    catalogue has it (the .po lists them), else as written."""
    return None if text is None else _said_once(text, language())


@lru_cache(maxsize=1024)
def _said_once(text: str, code: str) -> Text:
    # The same few words (a state's name, a group's) in every child's reasons: made once per language.
    return Text(text, None, None, {})


def format_month(d: date, code: str | None = None) -> str:
    """A month and its year in words ("Feb 2026", "feb 2026"): what a typed date's problem names."""
    code = code or language()
    if code == "en":
        return f"{_EN_MONTHS[d.month - 1]} {d.year}"
    from babel.dates import format_date as cldr_format

    return cldr_format(d, "MMM y", locale=_CLDR[code])


def format_weekday(d: date, code: str | None = None) -> str:
    """The short name of a date's weekday ("Fri", "vie")."""
    code = code or language()
    if code == "en":
        return _EN_WEEKDAYS[d.weekday()]
    from babel.dates import format_date as cldr_format

    return cldr_format(d, "EEE", locale=_CLDR[code])
