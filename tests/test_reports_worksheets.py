"""The age worksheets (DHHS 2900B): a landscape sheet per age group, a row per counted child with valid doses,
one status mark, the totals that match the report, and nobody who is not counted."""
from __future__ import annotations

from datetime import date

from test_reports_roster import (  # noqa: F401
    AS_OF,
    FACILITY,
    FULL_OLDER,
    Period,
    nc_snapshot,
    nc_statuses,
    needs_poppler,
    pdf_pages,
    pdf_text,
    status_of,
)

from immudesk.reports import annual, worksheets
from immudesk.reports.roster import RosterSnapshot


def test_rows_hold_the_counted_children_of_each_age_group(nc_snapshot):
    young = worksheets.worksheet_rows(nc_snapshot, "under_24_months")
    older = worksheets.worksheet_rows(nc_snapshot, "24_months_and_older")
    assert [r["name"] for r in young] == ["Ava Green", "Sofía Hernández", "Noah Patel"]
    assert [r["name"] for r in older] == ["Elijah Brooks", "Lucas Rivera", "Emma Wilson", "James Miller", "Zoe Kim"]
    james = older[3]
    assert james["doses"] == {"DTaP": 2, "HepB": 2, "Hib": 1, "MMR": 1, "Polio": 2, "PCV": 1, "Varicella": 1}
    assert james["short"] == {"DTaP", "HepB", "Hib", "Polio", "PCV"}
    lucas = older[1]
    # Short is short, exempt or not: the same mark on every count below the requirement (the exemption has its
    # own column), so the page reads the same in black and white.
    assert lucas["short"] == {"MMR", "Varicella"}


def test_totals_are_the_reports_numbers(nc_snapshot):
    report = annual.annual_report(nc_snapshot)
    for group in ("under_24_months", "24_months_and_older"):
        totals = worksheets.worksheet_totals(worksheets.worksheet_rows(nc_snapshot, group))
        for column in ("up_to_date", "in_process", "medical_exemption", "religious_exemption", "not_up_to_date"):
            assert totals[column] == report.groups[group][column], (group, column)
    older = worksheets.worksheet_totals(worksheets.worksheet_rows(nc_snapshot, "24_months_and_older"))
    assert "DTaP" not in older            # the form totals its status columns only; a sum of doses means nothing


@needs_poppler
def test_the_pdf_is_landscape_with_a_sheet_per_group_and_no_excluded_child(nc_snapshot, tmp_path):
    path = tmp_path / "worksheets.pdf"
    worksheets.write_pdf(nc_snapshot, str(path))
    pages = pdf_pages(path)
    assert len(pages) == 3
    assert "Age reached" in pages[0] and "19 months" in pages[0] and "3 or 4" in pages[0]
    assert "less than 24 months" in pages[1] and "Sofía Hernández" in pages[1] and "8/5/2017" in pages[1]
    assert "24 months and older" in pages[2] and "Zoe Kim" in pages[2]
    total = next(line for line in pages[2].splitlines() if "TOTAL:" in line).split()
    assert total[1:] == ["1", "1", "1", "1", "1"]            # status columns only
    # The form's birth-date ranges, one rule (under 24 months on the cutoff, Feb 1, 2018): they meet.
    assert "Birth dates February 2, 2016 – February 1, 2018" in pages[1]
    assert "Birth dates February 1, 2016 and earlier" in pages[2]
    # Short counts carry a mark that prints in black and white, the exempt child's too (Lucas: MMR 0).
    lucas = next(line for line in pages[2].splitlines() if "Lucas Rivera" in line)
    assert lucas.split().count("0▼") == 2
    text = pdf_text(path)
    for absent in ("Baby Newborn", "Gone Away", "Rowan Bellamy"):
        assert absent not in text
    from subprocess import run
    info = run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "792 x 612" in info                                   # landscape letter


@needs_poppler
def test_a_large_home_runs_over_several_pages_with_the_header_repeated(tmp_path):
    statuses = [status_of(f"Child{i:03d}", "Long", date(2015, 1, 1), "up_to_date", "24_months_and_older",
                          valid=FULL_OLDER, required=FULL_OLDER) for i in range(70)]
    snapshot = RosterSnapshot(FACILITY, AS_OF, Period(), statuses)
    path = tmp_path / "big.pdf"
    worksheets.write_pdf(snapshot, str(path))
    pages = pdf_pages(path)
    sheet_pages = [p for p in pages if "Child0" in p]
    assert len(sheet_pages) >= 2
    assert all("Birth date" in p for p in sheet_pages)
    # A continuation page says which sheet it continues, with the sheet's birth dates.
    assert all("Worksheet for children 24 months and older, up through pre-kindergarten · Birth dates February 1, "
               "2016 and earlier (continued)" in " ".join(p.split()) for p in sheet_pages[1:])
    assert "(continued)" not in sheet_pages[0]
    assert sum(p.count("Long") for p in pages) == 70
    assert "70" in next(line for line in pages[-1].splitlines() if "TOTAL:" in line).split()


def test_csv_lists_each_child_then_the_totals(nc_snapshot):
    lines = worksheets.worksheets_csv(nc_snapshot).splitlines()
    assert lines[0].startswith("age_group,name,birth_date,DTaP")
    assert lines[1].startswith("under_24_months,Ava Green,2017-06-10,3,")
    assert sum(1 for line in lines if ",TOTAL," in line) == 2
    assert not any("Baby" in line for line in lines)
