"""The annual report: the JSON INTERFACES.md promises, the CSV of counts, the DHHS 2900A page and the answer
sheet for the online form, and Minnesota's counts; checked by reading the PDF's text."""
from __future__ import annotations

import csv
import io
import json

from test_reports_roster import (  # noqa: F401
    AS_OF,
    FACILITY,
    Period,
    nc_snapshot,
    nc_statuses,
    needs_poppler,
    pdf_pages,
    pdf_text,
    tally,
)

from immudesk.reports import annual
from immudesk.reports.roster import RosterSnapshot

COLUMNS = ["attending", "up_to_date", "in_process", "medical_exemption", "religious_exemption", "not_up_to_date"]


def test_json_has_exactly_the_promised_shape(nc_snapshot):
    data = json.loads(json.dumps(annual.annual_report(nc_snapshot).to_json()))
    assert list(data) == ["state", "report_year", "as_of", "due_date", "facility", "groups"]
    assert (data["state"], data["report_year"], data["as_of"], data["due_date"]) == ("NC", 2018, "2018-04-15",
                                                                                       "2018-05-11")
    assert data["facility"]["facility_id"] == "92000001"
    assert list(data["groups"]) == ["under_24_months", "24_months_and_older", "total"]
    for row in data["groups"].values():
        assert list(row) == COLUMNS
        assert row["attending"] == sum(row[c] for c in COLUMNS[1:])   # every child in exactly one column


def test_counts_match_the_children_counted_by_hand(nc_snapshot):
    report = annual.annual_report(nc_snapshot)
    assert report.groups == tally(nc_statuses())
    assert report.groups["total"] == {"attending": 8, "up_to_date": 2, "in_process": 2, "medical_exemption": 1,
                                      "religious_exemption": 1, "not_up_to_date": 2}
    assert report.groups["under_24_months"]["attending"] == 3


def test_csv_has_a_row_per_age_group_and_total(nc_snapshot):
    rows = list(csv.DictReader(io.StringIO(annual.counts_csv(annual.annual_report(nc_snapshot)))))
    assert [r["age_group"] for r in rows] == ["under_24_months", "24_months_and_older", "total"]
    assert {k: int(rows[2][k]) for k in COLUMNS} == tally(nc_statuses())["total"]
    assert "Ava" not in annual.counts_csv(annual.annual_report(nc_snapshot))


@needs_poppler
def test_the_form_page_carries_fields_1_to_11_and_the_count_table(nc_snapshot, tmp_path):
    path = tmp_path / "report.pdf"
    annual.write_pdf(annual.annual_report(nc_snapshot), str(path))
    pages = pdf_pages(path)
    assert len(pages) == 2
    form = pages[0]
    assert "2018 Child Care Immunization Report" in form
    assert "Due May 11, 2018" in form
    for value in ("Wake", "92000001", "Sunny Days Family Child Care", "214 Maple Ridge Rd", "PO Box 12",
                  "Raleigh", "27603", "919-555-0142", "Dana Whitfield", "dana@example.org"):
        assert value in form, value
    assert "☒ Family Child Care Home" in form
    # The table's rows as printed: six numbers each, in the form's column order.
    table = form[form.index("12."):]
    numbers = [line.split()[-6:] for line in table.splitlines()
               if len(line.split()) >= 6 and all(t.isdigit() for t in line.split()[-6:])]
    assert numbers == [["3", "1", "1", "0", "0", "1"], ["5", "1", "1", "1", "1", "1"], ["8", "2", "2", "1", "1", "2"]]
    assert "born after February 1, 2018 are not counted" in " ".join(form.split())
    for name in ("Ava", "Green", "Sofía", "2017-06-10"):
        assert name not in pdf_text(path)


@needs_poppler
def test_the_answer_sheet_lists_the_online_form_in_order(nc_snapshot, tmp_path):
    path = tmp_path / "report.pdf"
    annual.write_pdf(annual.annual_report(nc_snapshot), str(path))
    sheet = pdf_pages(path)[1]
    labels = ["County", "Facility ID", "Child Care Type", "Facility Name", "Physical Address", "Mailing Address",
              "City", "Zip Code", "Phone Number", "Operator's Name", "Operator's Email", "Name of person completing",
              "Email of person completing", "Total number of children attending", "Under 24 months: children",
              "24 months and older: children", "TOTAL: children attending", "TOTAL: not up to date"]
    positions = [sheet.index(label) for label in labels]
    assert positions == sorted(positions)
    total_line = next(line for line in sheet.splitlines() if "TOTAL: not up to date" in line)
    assert total_line.split()[-1] == "2"
    attending_line = next(line for line in sheet.splitlines() if "Total number of children attending" in line)
    assert attending_line.split()[-1] == "8"
    # Lines to write down the filing: when it was submitted online and its confirmation number.
    assert "Submitted online on:" in sheet and "Confirmation number:" in sheet


def test_an_empty_home_still_files_a_report_of_zeros(tmp_path):
    report = annual.annual_report(RosterSnapshot(FACILITY, AS_OF, Period(), []))
    assert report.groups["total"] == dict.fromkeys(COLUMNS, 0)
    annual.write_pdf(report, str(tmp_path / "zero.pdf"))
    assert (tmp_path / "zero.pdf").stat().st_size > 1000


@needs_poppler
def test_minnesota_counts_by_age_vaccine_and_status_and_says_what_is_unconfirmed(tmp_path):
    from dataclasses import replace

    statuses = [s for s in nc_statuses() if s.status != "religious_exemption"]
    snapshot = RosterSnapshot(replace(FACILITY, state="MN"), AS_OF, Period(year=2018, due_date=None), statuses)
    report = annual.annual_report(snapshot)
    assert report.to_json()["state"] == "MN"
    assert report.by_vaccine["MMR"]["medical_exemption"] == 1          # Lucas
    assert report.by_vaccine["MMR"]["not_complete"] == 1               # Noah
    counted = len(snapshot.counted())
    assert all(sum(row.values()) == counted for row in report.by_vaccine.values())
    path = tmp_path / "mn.pdf"
    annual.write_pdf(report, str(path))
    text = pdf_text(path)
    assert "Children by vaccine" in text and "not confirmed" in text.lower()
    assert "4604.0410" in text
