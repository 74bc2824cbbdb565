"""NC's age worksheets (DHHS 2900B): one landscape sheet per report age group, a row per counted child with
the valid doses per vaccine and a mark in exactly one status column, the column totals that go onto the
annual report, and the requirement table as on the form. Kept by the provider; never sent to the state.
"""
from __future__ import annotations

import csv
import io

from datetime import timedelta

from reportlab.platypus import PageBreak, Paragraph, Spacer, TableStyle

from .. import dates
from ..csv_safety import safe_row
from ..resources import load_json
from . import pdf
from .annual import long_date
from .roster import RosterSnapshot

# The form's vaccine columns, in the form's order, and their printed headings.
VACCINE_COLUMNS = (("DTaP", "DTaP**"), ("HepB", "Hep B"), ("Hib", "Hib^"), ("MMR", "MMR**"), ("Polio", "Polio"),
                   ("PCV", "PCV**"), ("Varicella", "Varicella"))
# Status columns: the form has no "in process" column, but the report does; without one the totals could not be
# copied straight onto the report, so ours has it between "up to date" and "not up to date".
STATUS_COLUMNS = (("medical_exemption", "Medical<br/>exemption*"), ("religious_exemption", "Religious<br/>exemption*"),
                  ("up_to_date", "Up to date<br/>(UTD)"), ("in_process", "In<br/>process*"),
                  ("not_up_to_date", "Not UTD, no<br/>record or<br/>exemption*"))
SHEETS = (("under_24_months", "Worksheet for children less than 24 months of age"),
          ("24_months_and_older", "Worksheet for children 24 months and older, up through pre-kindergarten"))
# Printed in the varicella cell of a child whose chickenpox history is documented (it counts instead of the dose).
HISTORY_MARK = "hx"

_NAME_WIDTH = 135.0
_WIDTHS = [20, _NAME_WIDTH, 58] + [40] * len(VACCINE_COLUMNS) + [46.8] * len(STATUS_COLUMNS)


def worksheet_rows(snapshot: RosterSnapshot, group: str) -> list[dict]:
    """One dict per counted child of the age group, in roster order: name, birth date, valid doses, status."""
    rows = []
    for status in snapshot.counted():
        if status.report_group != group:
            continue
        doses = {}
        short = set()
        for name, _ in VACCINE_COLUMNS:
            compliance = status.groups.get(name)
            doses[name] = compliance.valid if compliance else 0
            # Exempt or not, a count below the requirement is marked the same way: the exemption has its own column.
            if compliance and compliance.valid < compliance.required:
                short.add(name)
        history = {"Varicella"} if status.child.varicella_disease else set()
        rows.append({"name": status.child.name, "birth_date": status.child.birth_date, "doses": doses,
                     "short": short - history, "history": history, "status": status.status})
    return rows


def worksheet_totals(rows: list[dict]) -> dict[str, int]:
    """The status columns' totals, as the form adds them up (a sum of dose counts would mean nothing)."""
    return {key: sum(1 for r in rows if r["status"] == key) for key, _ in STATUS_COLUMNS}


def dose_cell(row: dict, name: str) -> str:
    """A vaccine cell as printed: the valid doses, "hx" for a documented history, the mark when short."""
    count = row["doses"][name]
    if name in row.get("history", ()):
        return f"{count} {HISTORY_MARK}" if count else HISTORY_MARK
    return f"{count}{pdf.SHORT_MARK}" if name in row["short"] else str(count)


def birth_date_range(period, group: str) -> str:
    """The sheet's birth dates, as the form prints them at its top: a child is in the younger group when under
    24 months on the day ages are measured (the cutoff), and no child born after the cutoff is counted."""
    cutoff = getattr(period, "cutoff", None)
    measured_on = getattr(period, "age_measured_on", None) or cutoff
    if measured_on is None:
        return ""
    boundary = getattr(period, "age_boundary", None) or dates.parse_duration("24 months")
    # The last birth date still old enough for the older group on the day ages are measured.
    oldest_young = dates.add(measured_on, months=-24)
    while dates.add_duration(oldest_young, boundary) <= measured_on:
        oldest_young += timedelta(days=1)
    while dates.add_duration(oldest_young - timedelta(days=1), boundary) > measured_on:
        oldest_young -= timedelta(days=1)
    last_older = oldest_young - timedelta(days=1)
    if group == "under_24_months":
        end = f" – {long_date(cutoff)}" if cutoff else " and later"
        return f"Birth dates {long_date(oldest_young)}{end}"
    return f"Birth dates {long_date(last_older)} and earlier"


def requirement_table(state: str = "NC") -> pdf.Table:
    """The form's "children need these immunizations" chart, printed from the state's data file."""
    data = load_json("states", f"{state}.json")["requirements"]
    by_product: dict[str, int] = {}       # PedvaxHIB's smaller counts, keyed by the chart's age
    for rule in data.get("product_counts", []):
        if rule["group"] == "Hib":
            by_product.update(rule["doses_by_row"])
    header = ["Age reached"] + [label for _, label in VACCINE_COLUMNS]
    rows = [header]
    for row in data["by_age"]:
        cells = [row.get("label", row["from_age"])]
        for name, _ in VACCINE_COLUMNS:
            count = row["doses"].get(name)
            if name == "Hib" and count and row["from_age"] in by_product and by_product[row["from_age"]] != count:
                cells.append(f"{by_product[row['from_age']]} or {count}")
            else:
                cells.append(str(count) if count else "")
        rows.append(cells)
    table = pdf.Table(rows, colWidths=[150] + [62] * len(VACCINE_COLUMNS), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), pdf.FONT, 8), ("FONT", (0, 0), (-1, 0), pdf.FONT_BOLD, 8),
        ("GRID", (0, 0), (-1, -1), 0.5, pdf.GRID), ("BACKGROUND", (0, 0), (-1, 0), pdf.SHADE),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _sheet_table(rows: list[dict]) -> pdf.Table:
    s = pdf.styles()
    head = s["column_head"]
    name_style = s["cell"]
    header = [Paragraph("<b>#</b>", head), Paragraph("<b>Name</b>", s["cell"]), Paragraph("<b>Birth date</b>", head)]
    header += [Paragraph(f"<b>{label}</b>", head) for _, label in VACCINE_COLUMNS + STATUS_COLUMNS]
    body = []
    shaded = []
    for index, row in enumerate(rows, start=1):
        birth = row["birth_date"]
        # A long name wraps inside its cell: never cut, the whole name is on the sheet.
        line = [str(index), Paragraph(pdf.escape(row["name"]), name_style), f"{birth.month}/{birth.day}/{birth.year}"]
        line += [dose_cell(row, name) for name, _ in VACCINE_COLUMNS]
        line += ["1" if row["status"] == key else "" for key, _ in STATUS_COLUMNS]
        body.append(line)
        shaded += [(3 + column, index) for column, (name, _) in enumerate(VACCINE_COLUMNS) if name in row["short"]]
    totals = worksheet_totals(rows)
    body.append(["", Paragraph("<b>TOTAL:</b>", name_style), ""] + [""] * len(VACCINE_COLUMNS)
                + [str(totals[key]) for key, _ in STATUS_COLUMNS])
    if not rows:
        body.insert(0, ["", "(no child in this age group)", ""] + [""] * (len(VACCINE_COLUMNS) + len(STATUS_COLUMNS)))
    style = [
        ("FONT", (0, 1), (-1, -1), pdf.FONT, 8.5),
        ("FONT", (0, -1), (-1, -1), pdf.FONT_BOLD, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, pdf.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), pdf.SHADE),
        ("BACKGROUND", (0, -1), (-1, -1), pdf.SHADE),
        ("LINEBEFORE", (3, 0), (3, -1), 1.4, pdf.GRID),
        ("LINEBEFORE", (3 + len(VACCINE_COLUMNS), 0), (3 + len(VACCINE_COLUMNS), -1), 1.4, pdf.GRID),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ("LEFTPADDING", (2, 0), (-1, 0), 1.5), ("RIGHTPADDING", (2, 0), (-1, 0), 1.5),
    ]
    style += [("BACKGROUND", cell, cell, pdf.SHORT) for cell in shaded]
    table = pdf.Table([header, *body], colWidths=_WIDTHS, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _heading(snapshot: RosterSnapshot, title: str, birth_dates: str = "") -> list:
    s = pdf.styles()
    cutoff = getattr(snapshot.period, "cutoff", None)
    f = snapshot.facility
    dates_line = f"<br/><b>{birth_dates}</b>" if birth_dates else ""
    return [
        Paragraph("NC Division of Public Health · Immunization Branch", s["agency"]),
        Paragraph(f"{snapshot.period.year} Annual Child Care Immunization Report – Age Worksheets (DHHS 2900B)",
                  s["title"]),
        Paragraph(f"<b>{title}</b>{dates_line}<br/>{pdf.escape(f.name)} · facility ID {pdf.escape(f.facility_id)} · "
                  f"records as of {long_date(snapshot.as_of)} · age counted on {long_date(cutoff)}", s["subtitle"]),
    ]


def _notes() -> list:
    s = pdf.styles()
    return [Spacer(1, 6), Paragraph(
        f"Doses are the <b>valid</b> doses on record (a dose given too early does not count). <b>{pdf.SHORT_MARK}</b> "
        "after a number (and light shading): fewer valid doses than the child's age requires, exempt or not. "
        f"<b>{HISTORY_MARK}</b>: documented history of chickenpox, which counts instead of the varicella dose. "
        "Each child is marked in exactly one status column, so the totals copy straight onto the report "
        "(DHHS 2900A, question 12). An exemption never makes a child up to date. "
        "*See the definitions on DHHS 2900A; the form has no in-process column, ours adds one so the totals match "
        "the report. **DTaP = diphtheria, tetanus, pertussis; MMR = measles, mumps, rubella; PCV = pneumococcal "
        "conjugate vaccine. ^The number of Hib doses depends on the product. Keep these worksheets with your "
        "records: they name children and are not sent to the state.", s["tiny"])]


def _instructions(snapshot: RosterSnapshot) -> list:
    s = pdf.styles()
    cutoff = getattr(snapshot.period, "cutoff", None)
    story = _heading(snapshot, "How these worksheets were filled in")
    story += [
        Paragraph(
            f"immudesk split the children who attend on a regular basis into two groups by their age on "
            f"{long_date(cutoff)}: younger than 24 months, and 24 months or older (up to the first day of "
            f"kindergarten). It left out children born after {long_date(cutoff)}, children who attend only before "
            "or after school, children in elementary school full time, children who do not attend regularly (at "
            "least once a week, more than four hours but less than 24 hours a day) and children who have left.",
            s["body"]),
        Spacer(1, 4),
        Paragraph("For each child it wrote the valid doses per vaccine and compared them with the chart below "
                  "(a child who reached the age in the first column needs at least these valid doses).",
                  s["body"]),
        Spacer(1, 8),
        requirement_table(snapshot.state),
        Spacer(1, 4),
        Paragraph("Children who received Hib or PCV late may need fewer doses. ^The number of Hib doses depends "
                  "on the product (PedvaxHIB needs fewer). The kindergarten row of the state's chart is not used: "
                  "kindergarten children are on the school's report.", s["small"]),
    ]
    return story


def write_pdf(snapshot: RosterSnapshot, target) -> None:
    story = _instructions(snapshot)
    for group, title in SHEETS:
        birth_dates = birth_date_range(snapshot.period, group)
        story += [PageBreak(), pdf.RunningHeader(f"{title} · {birth_dates}" if birth_dates else title),
                  *_heading(snapshot, title, birth_dates), _sheet_table(worksheet_rows(snapshot, group)), *_notes()]
    pdf.build(target, story, pagesize=pdf.LANDSCAPE, margins=0.45 * 72,
              title=f"{snapshot.period.year} NC age worksheets (DHHS 2900B)",
              footer_left=f"DHHS 2900B age worksheets · {snapshot.facility.name} · CONFIDENTIAL: names children; "
                          "keep with your records")


def worksheets_csv(snapshot: RosterSnapshot) -> str:
    """The worksheets as one CSV: a row per counted child, then a TOTAL row per age group (status columns only)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["age_group", "name", "birth_date", *(n for n, _ in VACCINE_COLUMNS),
                     *(k for k, _ in STATUS_COLUMNS)])
    for group, _ in SHEETS:
        rows = worksheet_rows(snapshot, group)
        for row in rows:
            writer.writerow(safe_row([group, row["name"], row["birth_date"].isoformat(),
                                      *(row["doses"][n] for n, _ in VACCINE_COLUMNS),
                                      *(1 if row["status"] == k else 0 for k, _ in STATUS_COLUMNS)]))
        totals = worksheet_totals(rows)
        writer.writerow([group, "TOTAL", "", *("" for _ in VACCINE_COLUMNS), *(totals[k] for k, _ in STATUS_COLUMNS)])
    return out.getvalue()
