"""Cells a spreadsheet would run as a formula, neutralised in every CSV immudesk writes (CSV injection).

Excel, LibreOffice and Google Sheets treat a cell starting with = + - @ (and a tab or carriage return before
one) as a formula: a child named `=HYPERLINK(...)` or `+cmd|' /C calc'!A0` would run when the provider opens an
export. The cell is written with a leading apostrophe instead, which spreadsheets show as text (OWASP, "CSV
Injection"). `restore_cell` undoes it exactly, so the roster export still imports back to the same records.
"""
from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def _needs_quote(text: str) -> bool:
    # A text already starting with apostrophes before a formula character gets one more, so that restore_cell can
    # tell a quote immudesk added from one the provider typed ("'=x" is written "''=x" and read back "'=x").
    stripped = text.lstrip(_QUOTE)
    return stripped.startswith(FORMULA_STARTS)


def spreadsheet_safe(value):
    """The cell as written to a CSV: a text a spreadsheet would run as a formula gets a leading apostrophe.
    Numbers, dates and None pass through."""
    if isinstance(value, str) and _needs_quote(value):
        return _QUOTE + value
    return value


def safe_row(values: Iterable) -> list:
    """A whole row of cells made safe (for csv.writer.writerow)."""
    return [spreadsheet_safe(value) for value in values]


def safe_record(record: dict) -> dict:
    """A row as a dict made safe (for csv.DictWriter.writerow)."""
    return {key: spreadsheet_safe(value) for key, value in record.items()}


def restore_cell(text: str) -> str:
    """The text spreadsheet_safe was given, read back from a cell it wrote (a cell it did not change is kept)."""
    if text.startswith(_QUOTE) and _needs_quote(text[1:]):
        return text[1:]
    return text
