"""One call per printed document, for the window (and anything else that is not the CLI): evaluate the roster
for a day and write the PDF. The window never assembles a document itself, so it prints what the CLI prints."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ..dates import today
from ..errors import UserError
from . import annual, letters, outbreak, record, worksheets
from .roster import take_snapshot

KINDS = ("report", "worksheets", "letters", "outbreak", "record")


def write_document(store, kind: str, path, *, as_of: date | None = None, report_year: int | None = None,
                   child: str | None = None, disease: str | None = None, warnings: list[str] | None = None) -> Path:
    """Write one document as PDF to `path`: kind is report | worksheets | letters | outbreak | record.

    letters: every letter due, or the one for `child` (a name or id); record needs `child`; outbreak needs
    `disease`. Raises UserError with a message for the provider when there is nothing to print. What the
    provider should check before using the document (counted children of school age on the report, named, for
    the window only) is appended to `warnings` when a list is given.
    """
    snapshot = take_snapshot(store, as_of or today(), report_year)
    path = Path(path)
    if kind == "report":
        report = annual.annual_report(snapshot)
        annual.write_pdf(report, str(path))
        if warnings is not None and report.school_age_warning():
            warnings.append(f"{report.school_age_warning()} Counted: {', '.join(report.school_age)}.")
    elif kind == "worksheets":
        if snapshot.state != "NC":
            raise UserError(f"age worksheets are North Carolina's form; {snapshot.state} has the annual report only")
        worksheets.write_pdf(snapshot, str(path))
    elif kind == "letters":
        letters.write_pdf(letters.letters_for(snapshot, child), snapshot, str(path))
    elif kind == "outbreak":
        if not disease:
            raise UserError("choose the disease for the outbreak list")
        outbreak.write_pdf(snapshot, disease, outbreak.outbreak_rows(snapshot, disease), str(path))
    elif kind == "record":
        if child is None:
            raise UserError("choose the child whose record to print")
        status = letters.find_children(snapshot.statuses, str(child))[0]
        record.write_pdf(status, snapshot.facility, str(path))
    else:
        raise ValueError(f"unknown document kind {kind!r}; one of {', '.join(KINDS)}")
    return path
