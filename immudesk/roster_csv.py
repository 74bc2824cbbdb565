"""The roster CSV (INTERFACES.md): read and check a provider's spreadsheet, write the roster back out.

Reading never half-imports: every problem in the file is collected as `FILE line N, column C: what is wrong`
and nothing is written unless there are none. Export then import into an empty database loses nothing.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import vaccines
from .csv_safety import restore_cell, safe_record
from .dates import DateError, check_in_range, parse_date, today as today_date
from .errors import InputProblems, UserError
from .i18n import _
from .model import (ALL_GROUPS, ATTENDANCE_KINDS, LANGUAGES, Child, DiseaseHistory, Dose, Exemption,
                    InProcessPeriod)

GROUP_COLUMNS = vaccines.GROUP_NAMES
COLUMNS = ("first_name", "last_name", "birth_date", "enrolled_on", "attendance", "withdrawn_on",
           "parent_name", "parent_email", "parent_phone", "language", *GROUP_COLUMNS, "varicella_disease",
           "medical_exemption", "religious_exemption", "conscientious_exemption", "in_process_until", "notes")
REQUIRED = ("first_name", "last_name", "birth_date", "enrolled_on")
_YEAR = re.compile(r"^\d{4}$")


@dataclass
class RosterRow:
    line: int
    child: Child


class _Problems:
    def __init__(self, label: str):
        self.label = label
        self.items: list[str] = []

    def add(self, line: int, column: str | int, message: str) -> None:
        self.items.append(_("{file} line {line}, column {column}: {problem}").format(
            file=self.label, line=line, column=column, problem=message))


def _decode(raw: bytes, problems: _Problems) -> str | None:
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.add(line, 1, _("this is not a text file (it contains binary data); save the roster as CSV (UTF-8)"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(line, 1, _("this is not UTF-8 text; in your spreadsheet choose 'Save as CSV UTF-8'"))
        return None


def read_roster(path: str | Path, *, today: date | None = None, label: str | None = None) -> list[RosterRow]:
    """Read and check a roster CSV; raises InputProblems listing every problem found."""
    path = Path(path)
    problems = _Problems(label or str(path))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputProblems([_("{file}: cannot read the file ({error})").format(
            file=problems.label, error=error.strerror or error)]) from None
    text = _decode(raw, problems)
    if text is None:
        raise InputProblems(problems.items)
    return parse_roster(text, problems, today or today_date())


def parse_roster(text: str, problems: _Problems, today: date) -> list[RosterRow]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[RosterRow] = []
    try:
        header = next(reader, None)
    except csv.Error as error:
        problems.add(1, 1, _("the header cannot be read as CSV ({error})").format(error=error))
        raise InputProblems(problems.items) from None
    if not header or not any(cell.strip() for cell in header):
        problems.add(1, 1, _("the file has no header row; the first line must name the columns "
                             "(first_name,last_name,birth_date,enrolled_on,...)"))
        raise InputProblems(problems.items)
    # Spreadsheets set to a European locale save "CSV" with ';' between columns: say so, not "unknown column".
    known = {name.casefold() for name in COLUMNS}
    if any(part.strip().casefold() in known for cell in header if ";" in cell for part in cell.split(";")):
        problems.add(1, 1, _("this file uses ';' between columns; save it as CSV (comma-separated)"))
        raise InputProblems(problems.items)
    columns = _read_header(header, problems)
    seen: dict[tuple, int] = {}
    next_line = 2
    while True:
        line = next_line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.add(reader.line_num, 1, _("this line cannot be read as CSV ({error})").format(error=error))
            break
        next_line = reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets leave blank lines at the end
        if len(cells) > len(header):
            problems.add(line, len(header) + 1,
                         _("this row has {fields} fields but the header names {columns} columns "
                           "(a stray comma? put text with commas in double quotes)").format(
                             fields=len(cells), columns=len(header)))
            continue
        if columns is None:
            continue
        # restore_cell: a cell export_roster wrote with an apostrophe against spreadsheet formulas reads back as it was.
        values = {name: (restore_cell(cells[index].strip()) if index < len(cells) else "")
                  for index, name in columns.items()}
        child = _read_child(values, line, problems, today)
        if child is None:
            continue
        key = (child.first_name.casefold(), child.last_name.casefold(), child.birth_date)
        if key in seen:
            problems.add(line, "first_name", _("{name} (born {birth}) is already on line {other}").format(
                name=child.name, birth=child.birth_date, other=seen[key]))
            continue
        seen[key] = line
        rows.append(RosterRow(line, child))
    if problems.items:
        raise InputProblems(problems.items)
    return rows


def _read_header(header: list[str], problems: _Problems) -> dict[int, str] | None:
    known = {name.casefold(): name for name in COLUMNS}
    columns: dict[int, str] = {}
    ok = True
    for index, cell in enumerate(header):
        name = known.get(cell.strip().casefold())
        if name is None:
            ok = False
            shown = cell.strip() or _("(empty, column {number})").format(number=index + 1)
            if not shown.isprintable() or len(shown) > 40:
                # A control character (a vertical tab is a line break) or a whole paragraph would break the
                # one-line `FILE line N, column C: ...` form; name the column by its position instead.
                shown = f"{index + 1} ({shown[:40]!r})"
            problems.add(1, shown, _("unknown column {column!r}; the columns immudesk reads are: {known}").format(
                column=shown, known=", ".join(COLUMNS)))
        elif name in columns.values():
            ok = False
            problems.add(1, name, _("the column {column} appears twice").format(column=name))
        else:
            columns[index] = name
    for name in REQUIRED:
        if name not in columns.values():
            ok = False
            problems.add(1, name, _("the required column {column} is missing").format(column=name))
    return columns if ok else None


def _read_child(values: dict[str, str], line: int, problems: _Problems, today: date) -> Child | None:
    before = len(problems.items)

    def need(column: str) -> str:
        value = values.get(column, "")
        if not value:
            problems.add(line, column, _("{column} is required").format(column=column))
        return value

    def read_date(column: str, value: str | None = None) -> date | None:
        value = values.get(column, "") if value is None else value
        if not value:
            return None
        try:
            return check_in_range(parse_date(value))
        except DateError as error:
            problems.add(line, column, str(error))
            return None

    first, last = need("first_name"), need("last_name")
    birth = read_date("birth_date") if need("birth_date") else None
    enrolled = read_date("enrolled_on") if need("enrolled_on") else None
    withdrawn = read_date("withdrawn_on")
    if birth and birth > today:
        problems.add(line, "birth_date", _("birth date {birth} is in the future").format(birth=birth))
    if birth and enrolled and enrolled < birth:
        problems.add(line, "enrolled_on", _("first day of attendance {first_day} is before the birth date {birth}").format(
            first_day=enrolled, birth=birth))
    if withdrawn and enrolled and withdrawn < enrolled:
        problems.add(line, "withdrawn_on", _("withdrawal date {withdrawn} is before the first day of attendance "
                                             "{first_day}").format(withdrawn=withdrawn, first_day=enrolled))

    attendance = values.get("attendance", "").lower() or "regular"
    if attendance not in ATTENDANCE_KINDS:
        problems.add(line, "attendance", _("{value!r} is not an attendance kind; use one of: {kinds}").format(
            value=values["attendance"], kinds=", ".join(ATTENDANCE_KINDS)))
    language = values.get("language", "").lower() or "en"
    if language not in LANGUAGES:
        problems.add(line, "language", _("{value!r} is not a letter language; use en or es").format(
            value=values["language"]))

    doses: list[Dose] = []
    for group in GROUP_COLUMNS:
        for token in filter(None, (t.strip() for t in values.get(group, "").split(";"))):
            date_text, _colon, product_text = token.partition(":")
            given = read_date(group, date_text.strip())
            if given is None:
                continue
            if birth and given < birth:
                problems.add(line, group, _("the dose on {given} is before the birth date {birth}").format(
                    given=given, birth=birth))
                continue
            if given > today:
                problems.add(line, group, _("the dose on {given} is in the future (today is {today})").format(
                    given=given, today=today))
                continue
            product = cvx = None
            if product_text.strip():
                try:
                    product, cvx = vaccines.resolve_product(product_text, group)
                except vaccines.UnknownProduct as error:
                    problems.add(line, group, str(error))
                    continue
            doses.append(Dose(group, given, product, cvx, "import"))

    exemptions: list[Exemption] = []
    for kind in ("medical", "conscientious"):
        column = f"{kind}_exemption"
        groups = _read_groups(values.get(column, ""), line, column, problems)
        if groups:
            exemptions.append(Exemption(kind, groups))
    religious = values.get("religious_exemption", "").lower()
    if religious in ("yes", "y", "true", "1"):
        exemptions.append(Exemption("religious", (ALL_GROUPS,)))
    elif religious not in ("", "no", "n", "false", "0"):
        problems.add(line, "religious_exemption", _("{value!r}: write yes or no").format(
            value=values["religious_exemption"]))

    history: list[DiseaseHistory] = []
    disease = values.get("varicella_disease", "")
    if disease:
        if _YEAR.match(disease):
            year = int(disease)
            if (birth and year < birth.year) or year > today.year:
                problems.add(line, "varicella_disease", _("the year {year} is outside the child's life").format(year=year))
            else:
                history.append(DiseaseHistory("Varicella", disease))
        else:
            when = read_date("varicella_disease")
            if when and ((birth and when < birth) or when > today):
                problems.add(line, "varicella_disease", _("{date} is outside the child's life").format(date=when))
            elif when:
                history.append(DiseaseHistory("Varicella", when.isoformat()))

    in_process: list[InProcessPeriod] = []
    until = read_date("in_process_until")
    if until:
        if enrolled and until < enrolled:
            problems.add(line, "in_process_until", _("{until} is before the first day of attendance {first_day}").format(
                until=until, first_day=enrolled))
        else:
            in_process.append(InProcessPeriod(until))

    if len(problems.items) > before:
        return None
    return Child(first, last, birth, enrolled, attendance, withdrawn, values.get("parent_name", ""),
                 values.get("parent_email", ""), values.get("parent_phone", ""), language, values.get("notes", ""),
                 doses=doses, exemptions=exemptions, disease_history=history, in_process=in_process)


def _read_groups(text: str, line: int, column: str, problems: _Problems) -> tuple[str, ...]:
    if not text:
        return ()
    if text.strip().lower() == ALL_GROUPS:
        return (ALL_GROUPS,)
    groups = []
    for token in filter(None, (t.strip() for t in text.split(";"))):
        name = vaccines.normalize_group(token)
        if name is None:
            problems.add(line, column, _("{value!r} is not a vaccine group; use 'all' or some of: {groups} separated by ;")
                         .format(value=token, groups=", ".join(vaccines.GROUP_NAMES)))
        elif name not in groups:
            groups.append(name)
    return tuple(sorted(groups, key=vaccines.GROUP_NAMES.index))


def import_roster(store, path: str | Path, *, update: bool = False, today: date | None = None,
                  label: str | None = None, rows: list[RosterRow] | None = None) -> tuple[int, int]:
    """Check the whole file, then add (or with update=True replace) every child in one transaction.

    `rows` are the file's rows when the caller has already read and checked it (read_roster), so the file
    is not read twice. Returns (added, updated). Raises InputProblems, with nothing written, when anything
    is wrong."""
    if rows is None:
        rows = read_roster(path, today=today, label=label)
    problems = _Problems(label or str(path))
    added = updated = 0
    with store.transaction():
        existing = {row.line: store.find_child(row.child.first_name, row.child.last_name, row.child.birth_date)
                    for row in rows}
        if not update:
            for row in rows:
                if existing[row.line] is not None:
                    problems.add(row.line, "first_name", _("{name} (born {birth}) is already on the roster; use --update to "
                                                           "replace their record with this file's").format(
                        name=row.child.name, birth=row.child.birth_date))
            if problems.items:
                raise InputProblems(problems.items, already_on_roster=True)
        for row in rows:
            if existing[row.line] is not None:
                row.child.id = existing[row.line]
                store.save_child(row.child)
                updated += 1
            else:
                store.add_child(row.child)
                added += 1
    return added, updated


def child_to_row(child: Child) -> dict[str, str]:
    row = {
        "first_name": child.first_name, "last_name": child.last_name,
        "birth_date": child.birth_date.isoformat(), "enrolled_on": child.enrolled_on.isoformat(),
        "attendance": child.attendance, "withdrawn_on": child.withdrawn_on.isoformat() if child.withdrawn_on else "",
        "parent_name": child.parent_name, "parent_email": child.parent_email, "parent_phone": child.parent_phone,
        "language": child.language, "notes": child.notes,
        "varicella_disease": child.varicella_disease or "",
        "in_process_until": child.in_process_until.isoformat() if child.in_process_until else "",
        "religious_exemption": "yes" if child.exemptions_of("religious") else "",
    }
    for group in GROUP_COLUMNS:
        row[group] = ";".join(d.given_on.isoformat() + (f":{d.product}" if d.product else "")
                              for d in child.doses_for(group))
    for kind in ("medical", "conscientious"):
        covered: list[str] = []
        for exemption in child.exemptions_of(kind):
            covered.extend(g for g in exemption.vaccine_groups if g not in covered)
        row[f"{kind}_exemption"] = (ALL_GROUPS if ALL_GROUPS in covered
                                    else ";".join(sorted(covered, key=vaccines.GROUP_NAMES.index)))
    return row


def export_roster(store, path: str | Path) -> int:
    """Write the whole roster in the import format; returns the number of children written."""
    children = store.children()
    damaged = [f"{child.name}: {child.unreadable[0]}" for child in children if child.unreadable]
    if damaged:
        # A stand-in date written to the file would be taken for the real one when it is imported again.
        raise UserError(_("nothing was exported: correct the damaged date in these records first (open each in the "
                          "window and save it):") + "\n  " + "\n  ".join(damaged))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for child in children:
        writer.writerow(safe_record(child_to_row(child)))
    from .store.paths import write_private

    # Private to the provider, and never half a file or a leftover temporary one (paths.write_private).
    write_private(path, buffer.getvalue().encode("utf-8"))
    return len(children)
