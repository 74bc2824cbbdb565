"""The annual immunization report: NC's DHHS 2900A (facility fields 1-11 and the count table) with a
"portal sheet" listing the numbers in the order the state's online form asks for them, and Minnesota's
counts by age group, vaccine and status. JSON (INTERFACES.md), CSV of counts, and PDF.
"""
from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from datetime import date

from reportlab.platypus import PageBreak, Paragraph, Spacer, TableStyle

from .. import vaccines
from ..csv_safety import safe_row
from ..model import Facility
from . import pdf
from .roster import RosterSnapshot

COUNT_COLUMNS = ("attending", "up_to_date", "in_process", "medical_exemption", "religious_exemption",
                 "not_up_to_date")
ROWS = ("under_24_months", "24_months_and_older", "total")
ROW_LABELS = {
    "under_24_months": "Less than 24 months of age",
    "24_months_and_older": "24 months and older, up to the first day of kindergarten",
    "total": "TOTAL",
}
COLUMN_LABELS = {
    "attending": "Children attending",
    "up_to_date": "Up to date: required doses within the first 30 calendar days",
    "in_process": "In process: within 30 days or a physician's extension",
    "medical_exemption": "Medical exemption",
    "religious_exemption": "Religious exemption",
    "conscientious_exemption": "Non-medical (conscientious) exemption",
    "not_up_to_date": "Not up to date: no record or exemption",
}
# Field 3 of DHHS 2900A: the kinds of care a facility may be licensed for (check all that apply).
SHORT_ROW_LABELS = {"under_24_months": "Under 24 months", "24_months_and_older": "24 months and older",
                    "total": "TOTAL"}
NC_CARE_TYPES = ("Child Care Center", "Family Child Care Home", "NC Pre-K", "Head Start", "Religious-Sponsored",
                 "Before and After Only")

# Minnesota: what is not confirmed about the state's form, printed on the report so nobody is misled.
MN_UNCONFIRMED = (
    ("The exact fields of Minnesota's annual child care immunization report are not confirmed: this page tallies "
     "enrolled children by age group, vaccine and status as Minn. R. 4604.0410 describes, so the numbers can be "
     "copied into whatever form the Minnesota Department of Health provides."),
    "Whether a licensed family child care home must file (or only centers) is not confirmed: check with MDH.",
    "The report is due December 1 (Minn. R. 4604.0410).",
)


@dataclass
class AnnualReport:
    state: str
    report_year: int
    as_of: date
    due_date: date | None
    cutoff: date | None
    facility: Facility
    groups: dict[str, dict[str, int]]
    by_vaccine: dict[str, dict[str, int]] = field(default_factory=dict)   # Minnesota only
    to_verify: str | None = None       # the period's dates are projected, not announced: say so on paper

    def to_json(self) -> dict:
        """The object `immudesk report --format json` prints (INTERFACES.md)."""
        data = {
            "state": self.state,
            "report_year": self.report_year,
            "as_of": self.as_of.isoformat(),
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "facility": asdict(self.facility),
            "groups": self.groups,
        }
        if self.by_vaccine:
            data["by_vaccine"] = self.by_vaccine
        return data

    @property
    def columns(self) -> tuple[str, ...]:
        """The count columns in the state's order (whatever immudesk.states put in the table)."""
        present = self.groups.get("total", {})
        ordered = [c for c in COUNT_COLUMNS if c in present]
        return tuple(ordered + [c for c in present if c not in ordered])


def annual_report(snapshot: RosterSnapshot) -> AnnualReport:
    from .. import states

    counted = snapshot.counted()
    groups = states.report_table(counted, snapshot.state)
    by_vaccine = vaccine_tally(counted) if snapshot.state == "MN" else {}
    return AnnualReport(snapshot.state, snapshot.period.year, snapshot.as_of,
                        getattr(snapshot.period, "due_date", None), getattr(snapshot.period, "cutoff", None),
                        snapshot.facility, groups, by_vaccine, getattr(snapshot.period, "to_verify", None))


def vaccine_tally(statuses) -> dict[str, dict[str, int]]:
    """Minnesota's table: per vaccine group, how many counted children meet it, are behind, or are exempt.

    This only adds up the per-group verdicts immudesk.states already made; an exempt child is counted under
    the exemption whether or not doses are on record, because that is what the state asks about.
    """
    tally: dict[str, dict[str, int]] = {}
    for name in vaccines.GROUP_NAMES:
        row = {"complete_for_age": 0, "not_complete": 0, "medical_exemption": 0, "conscientious_exemption": 0,
               "not_required_yet": 0}
        for status in statuses:
            compliance = status.groups.get(name)
            if compliance is None:
                continue
            if compliance.exempt:
                key = "medical_exemption" if compliance.exempt == "medical" else "conscientious_exemption"
            elif compliance.required == 0 and compliance.met:
                key = "not_required_yet"
            else:
                key = "complete_for_age" if compliance.met else "not_complete"
            row[key] += 1
        tally[name] = row
    return tally


def counts_csv(report: AnnualReport) -> str:
    """The count table as CSV: one row per age group and TOTAL, the state's columns in order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["state", "report_year", "as_of", "age_group", *report.columns])
    for row in ROWS:
        counts = report.groups.get(row, {})
        writer.writerow(safe_row([report.state, report.report_year, report.as_of.isoformat(), row,
                                  *(counts.get(c, 0) for c in report.columns)]))
    if report.by_vaccine:
        writer.writerow([])
        kinds = list(next(iter(report.by_vaccine.values())))
        writer.writerow(["state", "report_year", "as_of", "vaccine", *kinds])
        for name, counts in report.by_vaccine.items():
            writer.writerow(safe_row([report.state, report.report_year, report.as_of.isoformat(), name,
                                      *(counts[k] for k in kinds)]))
    return out.getvalue()


def write_csv(report: AnnualReport, path) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:   # BOM: Excel then reads UTF-8
        handle.write(counts_csv(report))


def long_date(day: date | None) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day else "(not known)"


# ---------------------------------------------------------------- PDF
def _field_rows(report: AnnualReport) -> list[tuple[str, str]]:
    f = report.facility
    total = report.groups.get("total", {}).get("attending", 0)
    return [
        ("1.", "County", f.county),
        ("2.", "Facility ID", f.facility_id),
        ("3a.", "Facility name", f.name),
        ("3b.", "Physical address", f.address),
        ("3c.", "Mailing address", f.mailing_address or f.address),
        ("4.", "City", f.city),
        ("5.", "Zip code", f.zip),
        ("6.", "Phone number", f.phone),
        ("7.", "Operator's name", f.operator),
        ("8.", "Operator's email address", f.email),
        ("9.", "Name of person completing report", f.reporter_name or f.operator),
        ("10.", "Email of person completing report", f.reporter_email or f.email),
        ("11.", "Total number of children attending", str(total)),
    ]


def _care_type_line(care_type: str) -> Paragraph:
    chosen = {part.strip().casefold() for part in (care_type or "").split(";")}
    boxes = "&nbsp;&nbsp;&nbsp;".join(
        f"{'☒' if kind.casefold() in chosen else '☐'} {kind}" for kind in NC_CARE_TYPES)
    return Paragraph(boxes, pdf.styles()["cell"])


def _count_table(report: AnnualReport) -> pdf.Table:
    s = pdf.styles()
    header = [Paragraph("<b>Age group</b>", s["cell"])] + [
        Paragraph(f"<b>{pdf.escape(COLUMN_LABELS.get(c, c))}</b>", s["cell_center"]) for c in report.columns]
    body = []
    for row in ROWS:
        counts = report.groups.get(row, {})
        label = Paragraph(("<b>%s</b>" if row == "total" else "%s") % ROW_LABELS[row], s["cell"])
        body.append([label, *(str(counts.get(c, 0)) for c in report.columns)])
    width = 7.3 * 72
    first = 1.6 * 72
    other = (width - first) / len(report.columns)
    table = pdf.Table([header, *body], colWidths=[first] + [other] * len(report.columns), repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.7, pdf.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), pdf.SHADE),
        ("BACKGROUND", (0, -1), (-1, -1), pdf.SHADE),
        ("FONT", (1, 1), (-1, -1), pdf.FONT_BOLD, 13),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (1, 1), (-1, -1), 6),
        ("BOTTOMPADDING", (1, 1), (-1, -1), 6),
    ]))
    return table


def _nc_form(report: AnnualReport) -> list:
    s = pdf.styles()
    story = [
        Paragraph("NC Division of Public Health · Immunization Branch", s["agency"]),
        Paragraph(f"{report.report_year} Child Care Immunization Report", s["title"]),
        Paragraph(f"DHHS 2900A, filled in by immudesk from the records on {long_date(report.as_of)}. "
                  f"<b>Due {long_date(report.due_date)}</b>: the state takes it only through its online "
                  "report and accepts no late reports. The next page lists the answers in the online form's order.",
                  s["subtitle"]),
        *_verify_note(report),
    ]
    rows = []
    for number, label, value in _field_rows(report):
        rows.append([Paragraph(f"<b>{number}</b>", s["cell"]), Paragraph(label, s["cell"]),
                     Paragraph(pdf.escape(value) or "&nbsp;", s["body"])])
        if number == "2.":
            rows.append([Paragraph("<b>3.</b>", s["cell"]),
                         Paragraph("Child care type (check all that apply)", s["cell"]),
                         _care_type_line(report.facility.care_type)])
    fields = pdf.Table(rows, colWidths=[0.4 * 72, 2.2 * 72, 4.7 * 72])
    fields.setStyle(TableStyle([
        ("LINEBELOW", (2, 0), (2, -1), 0.6, pdf.GRID),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    story += [fields, Spacer(1, 6),
              Paragraph("Children who attend elementary school full time are not counted: the school's report "
                        "counts them.", s["small"]),
              Spacer(1, 10),
              Paragraph("<b>12.</b> Number of children in each age group, by immunization status", s["heading"]),
              _count_table(report), Spacer(1, 8)]
    cutoff = (f"Children born after {long_date(report.cutoff)} are not counted this year. " if report.cutoff else "")
    story.append(Paragraph(
        "How immudesk counted: only children attending on a regular basis (at least once a week, more than four "
        "hours but less than 24 hours a day) are counted, including those still inside their 30 calendar days. "
        + cutoff +
        "A child is in the first age group when younger than 24 months on that date, in the second otherwise. "
        "Each child is in exactly one status column, in this order: up to date if every required dose is on "
        "record (an exemption never makes a child up to date); else medical exemption if one is on file for any "
        "vaccine; else religious exemption; else in process if still inside the 30 days or a physician's "
        "certified extension; else not up to date. So the status columns add up to the children attending. "
        "The age worksheets (DHHS 2900B, <i>immudesk worksheets</i>) list the children behind these numbers; "
        "keep them with your records, they are not sent to the state.", s["small"]))
    return story


def _verify_note(report: AnnualReport) -> list:
    if not report.to_verify:
        return []
    return [Paragraph(f"<b>Dates to verify:</b> {pdf.escape(report.to_verify)}", pdf.styles()["small"]), Spacer(1, 4)]


def _portal_sheet(report: AnnualReport) -> list:
    """One page: each question of the online report and the answer to type, in the form's order."""
    s = pdf.styles()
    story = [
        Paragraph(f"{report.report_year} Child Care Immunization Report: answers for the online form", s["title"]),
        Paragraph(f"Type these answers in this order. Due {long_date(report.due_date)}. "
                  "Keep this page with your records.", s["subtitle"]),
    ]
    rows = [[Paragraph(f"<b>{n}</b>", s["cell"]), Paragraph(label, s["body"]),
             Paragraph(f"<b>{pdf.escape(value)}</b>" if value else "(fill in)", s["body"])]
            for n, label, value in _field_rows(report)]
    rows.insert(2, [Paragraph("<b>3.</b>", s["cell"]), Paragraph("Child care type", s["body"]),
                    Paragraph(f"<b>{pdf.escape(report.facility.care_type)}</b>", s["body"])])
    # The paper form's question 12 is one table; the online form asks it cell by cell, row by row.
    for letter, row in zip("abc", ROWS):
        counts = report.groups.get(row, {})
        for column in report.columns:
            rows.append([Paragraph(f"<b>12{letter}.</b>", s["cell"]),
                         Paragraph(f"{SHORT_ROW_LABELS[row]}: <i>{COLUMN_LABELS.get(column, column).split(':')[0].lower()}</i>",
                                   s["body"]),
                         Paragraph(f"<b>{counts.get(column, 0)}</b>", s["body"])])
    table = pdf.Table(rows, colWidths=[0.45 * 72, 3.85 * 72, 3.0 * 72])
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, pdf.SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    story.append(table)
    story.append(Spacer(1, 8))
    story.append(Paragraph("The online form changes a little from year to year; if it asks in another order, the "
                           "labels above still say which number goes where. Facility fields left blank here can "
                           "be filled in with <i>immudesk facility</i>.", s["small"]))
    return story


def _mn_report(report: AnnualReport) -> list:
    s = pdf.styles()
    f = report.facility
    story = [
        Paragraph("Minnesota Department of Health", s["agency"]),
        Paragraph(f"{report.report_year} Child Care Immunization Report (counts)", s["title"]),
        Paragraph(f"{pdf.escape(f.name)} · {pdf.escape(f.facility_id)} · {pdf.escape(f.county)} County · "
                  f"as of {long_date(report.as_of)} · due {long_date(report.due_date)}", s["subtitle"]),
        *_verify_note(report),
        Paragraph("Children by age group and status", s["heading"]),
        _count_table(report),
        Paragraph("Children by vaccine", s["heading"]),
    ]
    kinds = ("complete_for_age", "not_complete", "medical_exemption", "conscientious_exemption", "not_required_yet")
    labels = ("Complete for age", "Not complete", "Medical exemption", "Non-medical exemption", "Not required yet")
    rows = [[Paragraph("<b>Vaccine</b>", s["cell"])] + [Paragraph(f"<b>{x}</b>", s["cell_center"]) for x in labels]]
    for name, counts in report.by_vaccine.items():
        rows.append([Paragraph(pdf.escape(vaccines.group(name).label), s["cell"]), *(str(counts[k]) for k in kinds)])
    table = pdf.Table(rows, colWidths=[2.3 * 72] + [1.0 * 72] * len(kinds))
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.7, pdf.GRID), ("BACKGROUND", (0, 0), (-1, 0), pdf.SHADE),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (1, 1), (-1, -1), pdf.FONT, 10),
    ]))
    story += [table, Spacer(1, 10), Paragraph("Not confirmed", s["heading"])]
    story += [Paragraph("• " + text, s["small"]) for text in MN_UNCONFIRMED]
    return story


def write_pdf(report: AnnualReport, target) -> None:
    if report.state == "NC":
        story = _nc_form(report) + [PageBreak()] + _portal_sheet(report)
        title = f"{report.report_year} NC Child Care Immunization Report (DHHS 2900A)"
    else:
        story = _mn_report(report)
        title = f"{report.report_year} {report.state} Child Care Immunization Report"
    pdf.build(target, story, title=title,
              footer_left=f"{title} · counts only, no child is named")
