"""The annual immunization report: NC's DHHS 2900A (facility fields 1-11 and the count table) with a
"portal sheet" listing the numbers in the order the state's online form asks for them, and Minnesota's
counts by age group, vaccine and status. JSON (INTERFACES.md), CSV of counts, and PDF.
"""
from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Paragraph, Spacer, TableStyle

from .. import vaccines
from ..dates import age_in_months
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
# DHHS 2900A, question 13: the form's own column headings, word for word (2018 form).
NC_COLUMN_LABELS = {
    "attending": "Number of children attending",
    "up_to_date": "Number of children who had obtained the required immunization within the first 30 calendar days "
                  "of their attendance (Up To Date)",
    "in_process": "Number of children who had not obtained the required immunization within 30 days of their "
                  "attendance and are considered in process",
    "medical_exemption": "Number of children who have received a Medical Exemption",
    "religious_exemption": "Number of children who have received a Religious Exemption",
    "not_up_to_date": "Number of children with no records or exemptions (Not Up To Date)",
}
# Short names of the same columns, for the answer sheet's lines and the window.
SHORT_COLUMN_LABELS = {
    "attending": "children attending", "up_to_date": "up to date", "in_process": "in process",
    "medical_exemption": "medical exemption", "religious_exemption": "religious exemption",
    "conscientious_exemption": "non-medical exemption", "not_up_to_date": "not up to date (no records or exemptions)",
}
# Minnesota's columns: short headings (no word breaks inside a narrow column), defined in full under the table.
MN_COLUMN_LABELS = {
    "attending": "Children enrolled", "up_to_date": "Up to date", "in_process": "Series started, within 18 months",
    "medical_exemption": "Medical exemption", "conscientious_exemption": "Non-medical exemption",
    "not_up_to_date": "Not up to date",
}
MN_DEFINITIONS = (
    ("Up to date", "every dose due for the child's age under the schedule of the CDC's Advisory Committee on "
                   "Immunization Practices (ACIP), which is what Minnesota calls medically acceptable standards "
                   "(Minn. R. 4604.0200, subp. 2a)."),
    ("Series started, within 18 months", "a dose is missing, but the child has started every series still "
                                         "missing and is within 18 months of enrolling, the time the law allows "
                                         "to finish it (Minn. Stat. 121A.15, subd. 2)."),
    ("Medical exemption", "a statement signed by a health care provider that a vaccine is not advisable for the "
                          "child, or that the child is immune (Minn. Stat. 121A.15, subd. 3)."),
    ("Non-medical exemption", "the parent's statement of conscientious objection to one or more vaccines, signed "
                              "in front of a notary public (Minn. Stat. 121A.15, subd. 3)."),
    ("Not up to date", "a dose is missing with no exemption covering it, and no started series within its 18 "
                       "months."),
)
SHORT_ROW_LABELS = {"under_24_months": "Under 24 months", "24_months_and_older": "24 months and older",
                    "total": "TOTAL"}
# Field 3 of DHHS 2900A: the kinds of care a facility may be licensed for (check all that apply), as the form
# names them.
NC_CARE_TYPES = ("Child Care", "Family Child Care Home", "NC Pre-K", "Head Start", "Religious-Sponsored",
                 "Before and After Only")
CARE_TYPE_ALIASES = {"child care center": "child care"}
# A counted child this old is most likely in school full time, which the report leaves out: warn, never guess.
SCHOOL_AGE_YEARS = 6

# Minnesota: what is not confirmed about the state's form, printed on the report so nobody is misled.
MN_UNCONFIRMED = (
    ("The exact fields of Minnesota's annual child care immunization report are not confirmed: this page tallies "
     "enrolled children by age group, vaccine and status, so the numbers can be copied into whatever form the "
     "Minnesota Department of Health provides."),
    "Whether a licensed family child care home must file (or only centers) is not confirmed: check with MDH.",
    "Minn. R. 4604.0410, item B, sets the due date: the report on all children enrolled is filed with the "
    "commissioner of health by December 1 of each year.",
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
    school_age: list[str] = field(default_factory=list)  # counted children aged 6 or more: check their attendance

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
        """The count columns in the JSON's order (the state's, as immudesk.states built the table)."""
        return tuple(self.groups.get("total", {}))

    def school_age_warning(self) -> str | None:
        """What to check before filing when counted children are of school age (None when there are none)."""
        if not self.school_age:
            return None
        n = len(self.school_age)
        return (f"Check before you file: {n} child{'ren' if n != 1 else ''} counted {'are' if n != 1 else 'is'} "
                f"{SCHOOL_AGE_YEARS} years or older. The report counts children up to the first day of "
                "kindergarten; a child in elementary school full time is not counted. If that is the case, open "
                "the child's record and set attendance to \"school full time\" (or \"before or after school\" "
                "for a child who comes only then); the counts then leave the child out.")


def annual_report(snapshot: RosterSnapshot) -> AnnualReport:
    from .. import states

    counted = snapshot.counted()
    groups = states.report_table(counted, snapshot.state)
    by_vaccine = vaccine_tally(counted) if snapshot.state == "MN" else {}
    school_age = [s.child.name for s in counted
                  if age_in_months(s.child.birth_date, snapshot.as_of) >= 12 * SCHOOL_AGE_YEARS]
    return AnnualReport(snapshot.state, snapshot.period.year, snapshot.as_of,
                        getattr(snapshot.period, "due_date", None), getattr(snapshot.period, "cutoff", None),
                        snapshot.facility, groups, by_vaccine, getattr(snapshot.period, "to_verify", None),
                        school_age)


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
    """The counts as one CSV table, columns in the JSON's order: a row per age group and TOTAL; for Minnesota
    also a row per vaccine (age_group "total": every counted child), with a "vaccine" column ("all" on the age-group
    rows) and the vaccine tally's columns after the status columns. A cell that does not apply is empty."""
    columns = list(report.columns)
    if report.by_vaccine:
        for counts in report.by_vaccine.values():
            columns += [c for c in counts if c not in columns]
    lead = ["state", "report_year", "as_of", "age_group"] + (["vaccine"] if report.by_vaccine else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(lead + columns)
    facts = [report.state, report.report_year, report.as_of.isoformat()]
    for row in ROWS:
        counts = report.groups.get(row, {})
        writer.writerow(safe_row(facts + [row] + (["all"] if report.by_vaccine else [])
                                 + [counts.get(c, "") for c in columns]))
    for name, counts in report.by_vaccine.items():
        writer.writerow(safe_row(facts + ["total", name] + [counts.get(c, "") for c in columns]))
    return out.getvalue()


def write_csv(report: AnnualReport, path) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:   # BOM: Excel then reads UTF-8
        handle.write(counts_csv(report))


def long_date(day: date | None) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day else "(not known)"


# ---------------------------------------------------------------- PDF
def _field_rows(report: AnnualReport) -> list[tuple[str, str, str]]:
    """DHHS 2900A questions 1-11 (question 3, the care type, is drawn as check boxes), labels as on the form."""
    f = report.facility
    total = report.groups.get("total", {}).get("attending", 0)
    return [
        ("1.", "County", f.county),
        ("2.", "Facility ID", f.facility_id),
        ("3a.", "Facility Name", f.name),
        ("3b.", "Physical Address", f.address),
        ("3c.", "Mailing Address", f.mailing_address or f.address),
        ("4.", "City", f.city),
        ("5.", "Zip Code", f.zip),
        ("6.", "Phone Number", f.phone),
        ("7.", "Operator's Name", f.operator),
        ("8.", "Operator's Email Address", f.email),
        ("9.", "Name of person completing report", f.reporter_name or f.operator),
        ("10.", "Email of person completing report", f.reporter_email or f.email),
        ("11.", "Total number of children attending", str(total)),
    ]


def chosen_care_types(care_type: str) -> list[str]:
    """The form's care types the facility's field names (separated by ";"; "Child Care Center" means "Child Care")."""
    chosen = {CARE_TYPE_ALIASES.get(part.strip().casefold(), part.strip().casefold())
              for part in (care_type or "").split(";")}
    return [kind for kind in NC_CARE_TYPES if kind.casefold() in chosen]


def _care_type_line(care_type: str) -> Paragraph:
    # Each box is tied to its label with no-break spaces, so a line never separates "☐" from "Head Start".
    chosen = chosen_care_types(care_type)
    boxes = " &nbsp; ".join(
        f"{'☒' if kind in chosen else '☐'}&nbsp;{kind.replace(' ', '&nbsp;')}" for kind in NC_CARE_TYPES)
    return Paragraph(boxes, pdf.styles()["cell"])


def column_headings(report: AnnualReport) -> list[str]:
    """The count table's column headings in the PDF, in the columns' order: NC's form's own words, Minnesota's
    short headings (defined under the table), and for another state the short names."""
    labels = {"NC": NC_COLUMN_LABELS, "MN": MN_COLUMN_LABELS}.get(
        report.state, {key: label.capitalize() for key, label in SHORT_COLUMN_LABELS.items()})
    return [labels.get(c, c) for c in report.columns]


HEADING_PADDING = 5   # points each side of a count column's heading (see the table style)
MIN_FIRST_WIDTH = 1.1 * 72   # narrowest first column: its row labels still read a few words a line


def _count_table(report: AnnualReport, first_width: float = 1.3 * 72) -> pdf.Table:
    """The counts by age group, one column per status. A heading wraps between its words, never inside one:
    the count columns are as wide as the longest heading word needs, taken from the first column (whose row
    labels wrap well) down to MIN_FIRST_WIDTH, then the heading font shrinks."""
    s = pdf.styles()
    headings = column_headings(report)
    width = 7.3 * 72
    head = s["column_head"]
    longest = max(stringWidth(word, pdf.FONT_BOLD, head.fontSize) for h in headings for word in h.split())
    needed = longest + 2 * HEADING_PADDING + 1   # a point to spare: reportlab wraps at the exact width
    other = max((width - first_width) / len(headings), needed)
    first_width = max(width - other * len(headings), MIN_FIRST_WIDTH)
    other = (width - first_width) / len(headings)
    if other < needed:   # even the narrowest first column leaves too little: a smaller heading font
        scale = (other - 2 * HEADING_PADDING - 1) / longest
        head = ParagraphStyle("column_head_small", parent=head, fontSize=head.fontSize * scale,
                              leading=head.leading * scale)
    header = [Paragraph("<b>Age Group</b>", s["cell"])] + [
        Paragraph(f"<b>{pdf.escape(h)}</b>", head) for h in headings]
    body = []
    for row in ROWS:
        counts = report.groups.get(row, {})
        label = Paragraph(("<b>%s</b>" if row == "total" else "%s") % ROW_LABELS[row], s["cell"])
        body.append([label, *(str(counts.get(c, 0)) for c in report.columns)])
    table = pdf.Table([header, *body], colWidths=[first_width] + [other] * len(headings), repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.7, pdf.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), pdf.SHADE),
        ("BACKGROUND", (0, -1), (-1, -1), pdf.SHADE),
        ("FONT", (1, 1), (-1, -1), pdf.FONT_BOLD, 13),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        # Wide enough gaps that a text reader keeps each heading's lines together (reading order).
        ("LEFTPADDING", (1, 0), (-1, 0), HEADING_PADDING), ("RIGHTPADDING", (1, 0), (-1, 0), HEADING_PADDING),
        ("TOPPADDING", (1, 1), (-1, -1), 4),
        ("BOTTOMPADDING", (1, 1), (-1, -1), 4),
    ]))
    return table


def _warning(report: AnnualReport) -> list:
    text = report.school_age_warning()
    if not text:
        return []
    box = pdf.Table([[Paragraph(f"<b>⚠ {pdf.escape(text)}</b>", pdf.styles()["small"])]], colWidths=[7.3 * 72])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, pdf.GRID), ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [box, Spacer(1, 6)]


def _nc_form(report: AnnualReport) -> list:
    s = pdf.styles()
    story = [
        Paragraph("NC Division of Public Health", s["agency"]),
        Paragraph(f"{report.report_year} Child Care Immunization Report", s["title"]),
        Paragraph(f"DHHS 2900A, filled in by immudesk from the records on {long_date(report.as_of)}. "
                  f"<b>Due {long_date(report.due_date)}</b>: the state takes it only through its online "
                  "report and accepts no late reports. The next page lists the answers in the online form's order.",
                  s["subtitle"]),
        *_verify_note(report),
        *_warning(report),
    ]
    rows = []
    for number, label, value in _field_rows(report):
        rows.append([Paragraph(f"<b>{number}</b>", s["cell"]), Paragraph(label, s["cell"]),
                     Paragraph(pdf.escape(value) or "&nbsp;", s["body"])])
        if number == "2.":
            rows.append([Paragraph("<b>3.</b>", s["cell"]),
                         Paragraph("Child Care Type (check all that apply as defined in [G.S. 110-86(3)])", s["cell"]),
                         _care_type_line(report.facility.care_type)])
    fields = pdf.Table(rows, colWidths=[0.4 * 72, 2.2 * 72, 4.7 * 72])
    fields.setStyle(TableStyle([
        ("LINEBELOW", (2, 0), (2, -1), 0.6, pdf.GRID),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    story += [fields, Spacer(1, 6),
              Paragraph("*Do not count children who attend elementary school full time and are counted in the "
                        "school immunization report.", s["small"]),
              Spacer(1, 10),
              Paragraph("<b>12. Record the NUMBER OF CHILDREN in each age group who are in the following "
                        "categories.</b>", s["body"]),
              Spacer(1, 4),
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
        "keep them with your records, they are not sent to the state.", s["tiny"]))
    return story


def _verify_note(report: AnnualReport) -> list:
    if not report.to_verify:
        return []
    return [Paragraph(f"<b>Dates to verify:</b> {pdf.escape(report.to_verify)}", pdf.styles()["small"]), Spacer(1, 4)]


def _portal_sheet(report: AnnualReport) -> list:
    """One page: each question of the online report and the answer to type, in the form's order, and lines to
    note when it was submitted and its confirmation number."""
    s = pdf.styles()
    answer = ParagraphStyle("answer", parent=s["body"], fontSize=9, leading=11)
    story = [
        Paragraph(f"{report.report_year} Child Care Immunization Report", s["title"]),
        Paragraph(f"Answer sheet for the online form: type these answers in this order. Due "
                  f"{long_date(report.due_date)}. Keep this page with your records.", s["subtitle"]),
        *_warning(report),
    ]
    rows = [[Paragraph(f"<b>{n}</b>", s["cell"]), Paragraph(label, answer),
             Paragraph(f"<b>{pdf.escape(value)}</b>" if value else "(fill in)", answer)]
            for n, label, value in _field_rows(report)]
    care_types = "; ".join(chosen_care_types(report.facility.care_type)) or report.facility.care_type
    rows.insert(2, [Paragraph("<b>3.</b>", s["cell"]), Paragraph("Child Care Type", answer),
                    Paragraph(f"<b>{pdf.escape(care_types)}</b>", answer)])
    # The paper form's question 12 is one table; the online form asks it cell by cell, row by row.
    for letter, row in zip("abc", ROWS):
        counts = report.groups.get(row, {})
        for column in report.columns:
            rows.append([Paragraph(f"<b>12{letter}.</b>", s["cell"]),
                         Paragraph(f"{SHORT_ROW_LABELS[row]}: <i>{SHORT_COLUMN_LABELS.get(column, column)}</i>",
                                   answer),
                         Paragraph(f"<b>{counts.get(column, 0)}</b>", answer)])
    table = pdf.Table(rows, colWidths=[0.45 * 72, 3.85 * 72, 3.0 * 72])
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, pdf.SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    story.append(table)
    story.append(Spacer(1, 6))
    record = pdf.Table([[Paragraph("<b>Submitted online on:</b>", answer), "",
                         Paragraph("<b>Confirmation number:</b>", answer), ""]],
                       colWidths=[1.75 * 72, 1.3 * 72, 2.0 * 72, 2.25 * 72], rowHeights=[22], hAlign="LEFT")
    record.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.8, pdf.GRID),
                                ("LINEBELOW", (3, 0), (3, 0), 0.8, pdf.GRID),
                                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    story += [record, Spacer(1, 8)]
    story.append(Paragraph("The online form changes a little from year to year; if it asks in another order, the "
                           "labels above still say which number goes where. Facility fields left blank here can "
                           "be filled in with <i>immudesk facility</i>.", s["small"]))
    return story


def _vaccine_table(report: AnnualReport) -> pdf.Table:
    """Minnesota's counts by vaccine group: complete for age, not complete, exempt, not required yet."""
    s = pdf.styles()
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
    return table


def _mn_report(report: AnnualReport) -> list:
    s = pdf.styles()
    f = report.facility
    minnesota = report.state == "MN"      # another state's file gets the same counts without MN's law
    place = ", ".join(x for x in (f.address, f.city, " ".join(x for x in (report.state, f.zip) if x)) if x)
    facts = [("Program", f.name), ("License", f.facility_id), ("Address", place), ("County", f.county),
             ("Operator", f.operator), ("Phone", f.phone), ("E-mail", f.email)]
    cells = [[Paragraph(f"<b>{label}</b>", s["cell"]), Paragraph(pdf.escape(value) or "&nbsp;", s["body"])]
             for label, value in facts] + [["", ""]]
    # Two pairs a row: the block stays short enough for the report to keep to one page.
    facility = pdf.Table([cells[i] + cells[i + 1] for i in range(0, len(facts), 2)],
                         colWidths=[1.0 * 72, 2.65 * 72, 1.0 * 72, 2.65 * 72])
    facility.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.5, pdf.SHADE),
                                  ("LINEBELOW", (3, 0), (3, -1), 0.5, pdf.SHADE),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                  ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    story = [
        Paragraph("For the Minnesota Department of Health" if minnesota else f"State: {report.state}", s["agency"]),
        Paragraph(f"{report.report_year} Child Care Immunization Report (counts)", s["title"]),
        Paragraph(f"Children enrolled, as of {long_date(report.as_of)} · due {long_date(report.due_date)}",
                  s["subtitle"]),
        *_verify_note(report),
        *_warning(report),
        facility,
        Paragraph("Children by age group and status", s["heading"]),
        _count_table(report, first_width=2.1 * 72),
        Spacer(1, 4),
    ]
    if minnesota:
        story += [Paragraph(f"<b>{pdf.escape(term)}:</b> {pdf.escape(text)}", s["small"])
                  for term, text in MN_DEFINITIONS]
    if report.by_vaccine:   # Minnesota's table (annual_report); another state's report has none
        story += [Paragraph("Children by vaccine", s["heading"]), _vaccine_table(report)]
    signature = pdf.Table([[Paragraph("Prepared by: ______________________", s["body"]),
                            Paragraph("Signature: ____________________", s["body"]),
                            Paragraph("Date: ___________", s["body"])]],
                          colWidths=[3.0 * 72, 2.7 * 72, 1.6 * 72])
    signature.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 14), signature]
    if minnesota:
        story += [Paragraph("Not confirmed", s["heading"])]
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
