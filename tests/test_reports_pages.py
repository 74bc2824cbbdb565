"""Every printed page as a reader sees it: a real roster (imported as a provider would, judged by immudesk.states)
printed through the commands, and each PDF's text read back with pdftotext. Letters, the NC report and answer
sheet, the age worksheets, the child's record, the outbreak list and the e-mail package."""
from __future__ import annotations

import csv
import io
import re
from datetime import date
from email import policy
from email.parser import BytesParser

import pytest
from test_reports_roster import needs_poppler, pdf_pages, pdf_text

from immudesk.cli import main
from immudesk.reports.annual import NC_COLUMN_LABELS
from immudesk.roster_csv import import_roster
from immudesk.store import open_store

AS_OF = date(2018, 4, 15)
LONG_FACILITY = ("The Very Long Named Sunshine and Rainbows Family Child Care Home and Early Learning Academy of "
                 "Greater Wake County")
LONG_NAME = "Maximiliano Alejandro Villalobos-Santamaría de la Cruz"
HEADER = ("first_name,last_name,birth_date,enrolled_on,attendance,parent_name,parent_email,parent_phone,language,"
          "DTaP,Polio,Hib,PCV,HepB,MMR,Varicella,varicella_disease,medical_exemption,in_process_until")
ROSTER = [
    # Up to date, a long name, chickenpox history instead of the varicella dose; 3 years 1 month old.
    "Maximiliano Alejandro,Villalobos-Santamaría de la Cruz,2015-03-02,2017-09-01,regular,Ana Villalobos,"
    "ana@example.org,919-555-0101,es,2015-05-02;2015-07-02;2015-09-02;2016-06-02,2015-05-02;2015-07-02;2015-09-02,"
    "2015-05-02;2015-07-02;2015-09-02;2016-03-05,2015-05-02;2015-07-02;2015-09-02;2016-03-05,"
    "2015-03-03;2015-04-02;2015-09-02,2016-03-05,,2016-01-10,,",
    # A medical exemption for MMR only, no varicella, long past the 30 days: may not attend.
    "Pedro,Partly,2015-06-01,2017-09-01,regular,Luz Partly,luz@example.org,919-555-0102,en,"
    "2015-08-01;2015-10-01;2015-12-01;2016-09-01,2015-08-01;2015-10-01;2015-12-01,"
    "2015-08-01;2015-10-01;2015-12-01;2016-06-05,2015-08-01;2015-10-01;2015-12-01;2016-06-05,"
    "2015-06-02;2015-07-01;2015-12-01,,,,MMR,",
    # Twelve years old and counted as attending regularly: the report must warn.
    "Tyler,Schoolage,2006-01-10,2017-09-01,regular,Tom Schoolage,tom@example.org,919-555-0103,en,"
    "2006-03-10;2006-05-10;2006-07-10;2007-04-10;2010-02-10,2006-03-10;2006-05-10;2006-07-10;2010-02-10,"
    "2006-03-10;2006-05-10;2006-07-10;2007-04-10,2006-03-10;2006-05-10;2006-07-10;2007-04-10,"
    "2006-01-11;2006-02-10;2006-07-10,2007-01-20;2010-02-10,2007-01-20;2010-02-10,,,",
    # MMR a week before the first birthday, varicella too soon after it; the 30 days ended March 31.
    "Mila,Early,2016-05-10,2018-03-01,regular,Rita Early,rita@example.org,919-555-0104,en,"
    "2016-07-10;2016-09-10;2016-11-10;2017-08-10,2016-07-10;2016-09-10;2016-11-10,"
    "2016-07-10;2016-09-10;2016-11-10;2017-05-15,2016-07-10;2016-09-10;2016-11-10;2017-05-15,"
    "2016-05-11;2016-06-10;2016-11-10,2017-05-03,2017-05-20,,,",
    # The same, in Spanish.
    "Lucía,Gómez,2016-05-10,2018-03-25,regular,Carmen Gómez,carmen@example.org,919-555-0107,es,"
    "2016-07-10;2016-09-10;2016-11-10;2017-08-10,2016-07-10,"
    "2016-07-10;2016-09-10;2016-11-10;2017-05-15,2016-07-10;2016-09-10,"
    "2016-05-11;2016-06-10;2016-11-10,2017-05-03,2017-06-10,,,",
    # Attending for months; turned 16 months on April 1, 2018, when a 4th PCV became required.
    "Nora,Sixteen,2016-12-01,2017-06-01,regular,Ann Sixteen,ann@example.org,919-555-0105,en,"
    "2017-02-01;2017-04-01;2017-06-01,2017-02-01;2017-04-01,2017-02-01;2017-04-01;2017-06-01;2017-12-05,"
    "2017-02-01;2017-04-01;2017-06-01,2016-12-02;2017-01-01;2017-06-01,2017-12-05,,,,",
    # A physician certified the series is in process until May 25.
    "Jack,Certified,2015-07-20,2018-02-14,regular,Joe Certified,joe@example.org,919-555-0106,en,"
    "2015-09-20;2015-11-20,2015-09-20;2015-11-20,2015-09-20;2015-11-20;2016-01-20;2016-08-01,"
    "2015-09-20;2015-11-20;2016-01-20;2016-08-01,2015-07-21;2015-09-20,2016-08-01,2016-08-01,,,2018-05-25",
]


@pytest.fixture
def home(db_path, tmp_path, monkeypatch):
    """An NC home with a long name, the roster above imported as a provider would, documents written in tmp."""
    monkeypatch.setenv("IMMUDESK_TODAY", AS_OF.isoformat())
    monkeypatch.chdir(tmp_path)
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join([HEADER, *ROSTER]) + "\n", encoding="utf-8")
    with open_store(db_path) as store:
        store.update_facility(state="NC", name=LONG_FACILITY, facility_id="92000001", county="Wake",
                              operator="Dana Whitfield", email="dana@example.org", phone="919-555-0142",
                              address="214 Maple Ridge Rd", city="Raleigh", zip="27603",
                              care_type="Family Child Care Home")
        import_roster(store, roster, today=AS_OF)
    return tmp_path


def cli(capsys, *argv) -> str:
    """Run a command on the home's database (IMMUDESK_DB); its output and messages as one text."""
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    return captured.out + captured.err


def flat(text: str) -> str:
    """pdftotext's words on one line: a sentence broken over lines reads as one."""
    return " ".join(text.split())


def letters_by_child(home, capsys) -> dict[str, str]:
    cli(capsys, "letters", "--as-of", AS_OF.isoformat(), "--out", "letters.pdf")
    pages = pdf_pages(home / "letters.pdf")
    by_child: dict[str, str] = {}
    for page in pages:
        name = re.search(r"(?:of|de) (\w+ \w+) \((?:born|fecha)", flat(page))[1]
        by_child[name] = by_child.get(name, "") + flat(page)
    return by_child


# ---------------------------------------------------------------- letters
@needs_poppler
def test_a_partly_exempt_child_who_must_be_excluded_gets_the_exclusion_letter(home, capsys):
    pedro = letters_by_child(home, capsys)["Pedro Partly"]
    assert "may not attend child care for now" in pedro
    assert "Varicella (chickenpox): 1 more dose needed" in pedro
    assert "MMR" not in pedro                       # his medical exemption covers MMR: nothing is asked for it
    assert "may not attend our program from October 2, 2017" in pedro    # the day after his 30 days ended


@needs_poppler
def test_the_letter_says_which_dose_does_not_count_why_and_from_when_the_child_is_excluded(home, capsys):
    mila = letters_by_child(home, capsys)["Mila Early"]
    assert ("MMR (measles, mumps, rubella): 1 more dose needed (0 valid doses on record, 1 required at this age). "
            "The dose given on May 3, 2017 does not count: it was given 7 days before the first birthday.") in mila
    assert "The dose given on May 20, 2017 does not count: it was given only 17 days after another live vaccine" in mila
    assert ("that period ended on March 31, 2018 (30 calendar days from the first day of attendance, "
            "March 1, 2018)") in mila
    assert "may not attend our program from April 1, 2018" in mila          # not from the day it is printed


@needs_poppler
def test_the_letter_says_what_the_30_days_are_counted_from(home, capsys):
    letters = letters_by_child(home, capsys)
    nora = letters["Nora Sixteen"]
    assert "no later than May 1, 2018" in nora
    assert ("on April 1, 2018 Nora Sixteen reached an age that requires more doses, and the law allows 30 calendar "
            "days from that day") in nora
    jack = letters["Jack Certified"]
    assert "no later than May 25, 2018" in jack and "a physician's certificate on file" in jack


@needs_poppler
def test_each_letter_is_numbered_on_its_own_under_a_letterhead_with_the_state(home, capsys):
    cli(capsys, "letters", "--as-of", AS_OF.isoformat(), "--out", "letters.pdf")
    pages = pdf_pages(home / "letters.pdf")
    assert len(pages) >= 5
    for page in pages:
        label = re.search(r"(Page|Página) (\d+) (of|de) (\d+)", page)
        assert label and label[2] == "1" and label[4] == "1", label   # one page each: "Page 1 of 1", never "3 / 6"
        assert "214 Maple Ridge Rd, Raleigh, NC 27603" in page


@needs_poppler
def test_the_spanish_letter_reads_as_a_native_speaker_writes(home, capsys):
    lucia = letters_by_child(home, capsys)["Lucía Gómez"]
    assert "fecha de nacimiento: 10 de mayo de 2016" in lucia
    assert "todo niño que asista" in lucia and "días calendario" in lucia
    assert "Polio (VPI): faltan 2 dosis (1 dosis válida en el registro; se requieren 3 a esta edad)" in lucia
    assert "Vacuna neumocócica conjugada (PCV): falta" in lucia
    assert ("MMR (sarampión, paperas y rubéola): falta 1 dosis (0 dosis válidas en el registro; "
            "se requiere 1 a esta edad)") in lucia
    assert "La dosis del 3 de mayo de 2017 no cuenta: se puso antes de la edad mínima" in lucia
    for wrong in ("1 requeridas", "1 válidas", "neumococo conjugada", "días naturales", "nacido/a", "(IPV)",
                  "todo niño que asiste"):
        assert wrong not in lucia, wrong


@needs_poppler
def test_minnesota_excludes_on_its_own_law_a_child_who_never_started_a_vaccine(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", "2018-11-01")
    db = tmp_path / "mn.db"
    roster = tmp_path / "mn.csv"
    roster.write_text("first_name,last_name,birth_date,enrolled_on,DTaP,Polio,Hib,PCV,HepB,HepA\n"
                      "Ole,Olson,2016-05-10,2018-09-01,2016-07-10;2016-09-10;2016-11-10;2017-08-10,"
                      "2016-07-10;2016-09-10;2016-11-10,2016-07-10;2016-09-10;2016-11-10;2017-05-15,"
                      "2016-07-10;2016-09-10;2016-11-10;2017-05-15,2016-05-11;2016-06-10;2016-11-10,"
                      "2017-05-15;2017-11-15\n", encoding="utf-8")
    assert main(["--db", str(db), "facility", "--state", "MN", "--name", "Lakeside Family Child Care",
                 "--city", "Duluth", "--zip", "55802", "--address", "1 Lake Ave"]) == 0
    assert main(["--db", str(db), "import-roster", str(roster)]) == 0
    assert main(["--db", str(db), "letters", "--as-of", "2018-11-01", "--out", str(tmp_path / "mn.pdf")]) == 0
    capsys.readouterr()
    page = flat(pdf_text(tmp_path / "mn.pdf"))
    assert "Your child may not attend child care for now" in page
    assert "Minn. Stat. 121A.15, subdivision 1" in page and "Duluth, MN 55802" in page
    assert "MMR (measles, mumps, rubella)" in page and "may not attend our program from November 1, 2018" in page
    assert "signed in front of a notary public" in page


# ---------------------------------------------------------------- NC report and answer sheet
@needs_poppler
def test_the_2900a_uses_the_forms_own_words_and_warns_about_school_age_children(home, capsys):
    out = cli(capsys, "report", "--as-of", AS_OF.isoformat(), "--out", "report.pdf")
    assert "6 years or older" in out and "Tyler Schoolage" in out                  # the command names the child
    pages = pdf_pages(home / "report.pdf")
    assert len(pages) == 2
    form = flat(pdf_text(home / "report.pdf").split("\f")[0])          # reading order: a cell's lines together
    for heading in NC_COLUMN_LABELS.values():
        assert heading in form, heading
    assert ("Number of children who had obtained the required immunization within the first 30 calendar days of "
            "their attendance (Up To Date)") in form
    assert "☐ Child Care ☒ Family Child Care Home" in form and "Child Care Center" not in form
    # Each box is on the same line as its label.
    boxes = [line for line in pages[0].splitlines() if "☐" in line or "☒" in line]
    assert all(not line.rstrip().endswith(("☐", "☒")) for line in boxes)
    assert all(re.search(r"[☐☒] \S", line) for line in boxes)
    assert "1 child counted is 6 years or older" in form and 'set attendance to "school full time"' in form
    assert "Tyler" not in pdf_text(home / "report.pdf")                           # counts only, no child is named
    sheet = pages[1]
    assert "Submitted online on:" in sheet and "Confirmation number:" in sheet
    assert not any(line.strip() == "form" for line in sheet.splitlines())


@needs_poppler
def test_the_minnesota_report_defines_its_own_columns(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", "2018-11-01")
    db = tmp_path / "mn.db"
    assert main(["--db", str(db), "facility", "--state", "MN", "--name", "Lakeside Family Child Care",
                 "--operator", "Kari Lind", "--address", "1 Lake Ave", "--city", "Duluth", "--zip", "55802"]) == 0
    assert main(["--db", str(db), "report", "--as-of", "2018-11-01", "--out", str(tmp_path / "mn.pdf")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "report", "--as-of", "2018-11-01", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    text = pdf_text(tmp_path / "mn.pdf")
    page = flat(text)
    assert "30 calendar days" not in page and "physician's extension" not in page
    assert "Series started, within 18 months" in page and "Minn. Stat. 121A.15, subd. 2" in page
    assert "Non-medical exemption" in page and "conscientious" in page
    assert not re.search(r"\w-\n\w", text)                      # no word broken over two lines
    assert "Minn. R. 4604.0410, item B, sets the due date" in page
    assert "Kari Lind" in page and "1 Lake Ave, Duluth, MN 55802" in page and "Signature:" in page
    # One table: one header, every row the same columns, the JSON's order.
    rows = list(csv.reader(io.StringIO(out)))
    assert all(len(row) == len(rows[0]) for row in rows)
    assert rows[0][:11] == ["state", "report_year", "as_of", "age_group", "vaccine", "attending", "up_to_date",
                            "in_process", "medical_exemption", "conscientious_exemption", "not_up_to_date"]
    assert [row[4] for row in rows[1:4]] == ["all", "all", "all"] and rows[4][3:5] == ["total", "DTaP"]


# ---------------------------------------------------------------- worksheets
@needs_poppler
def test_the_worksheet_prints_the_whole_long_name_and_marks_chickenpox_history(home, capsys):
    cli(capsys, "worksheets", "--as-of", AS_OF.isoformat(), "--out", "worksheets.pdf")
    text = pdf_text(home / "worksheets.pdf")
    assert LONG_NAME in flat(text)                               # wrapped in its cell, never cut
    assert "…" not in text
    row = flat(text[text.index("Maximiliano"):])
    assert re.match(r"Maximiliano Alejandro Villalobos-Santamaría de la Cruz 3/2/2015 4 3 4 1 3 4 hx", row), row[:90]


# ---------------------------------------------------------------- record and outbreak list
@needs_poppler
def test_the_record_speaks_plainly(home, capsys):
    cli(capsys, "record", "Mila Early", "--as-of", AS_OF.isoformat(), "--out", "mila.pdf")
    mila = pdf_text(home / "mila.pdf")
    text = flat(mila)
    assert "May 3, 2017 — does not count: given 7 days before the first birthday" in text
    assert "does not count: given 7 days before the first birthday, does not count" not in text
    assert "overdue since Sep 10, 2017" in text and "next dose due by Sep" not in text
    assert "row)" not in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", mila)            # one date style: "Oct 20, 2017"
    cli(capsys, "record", "Maximiliano", "--as-of", AS_OF.isoformat(), "--out", "max.pdf")
    assert "age 3 years 1 month on Apr 15, 2018" in flat(pdf_text(home / "max.pdf"))
    cli(capsys, "record", "Pedro Partly", "--as-of", AS_OF.isoformat(), "--out", "pedro.pdf")
    pedro = flat(pdf_text(home / "pedro.pdf"))
    mmr = pedro[pedro.index("MMR (measles"):pedro.index("Varicella (chickenpox)")]
    assert "medical exemption on file" in mmr and "next dose" not in mmr and "overdue" not in mmr


@needs_poppler
def test_the_outbreak_list_has_emails_a_tick_column_and_a_footer_clear_of_the_page_number(home, capsys):
    cli(capsys, "outbreak", "measles", "--as-of", AS_OF.isoformat(), "--out", "measles.pdf")
    pages = pdf_pages(home / "measles.pdf")
    text = flat(pdf_text(home / "measles.pdf"))
    assert "Called / notified" in text and "rita@example.org" in text and "Mila Early" in text
    # The long facility name wraps in the footer: the page number stands apart, never run into.
    for page in pages:
        footer = next(line for line in page.splitlines() if "Page 1 of" in line).rstrip()
        assert re.search(r"(^|\S {3,})Page 1 of \d$", footer.strip()), footer
    assert "Greater Wake County · confidential" in text
    assert main(["outbreak", "measles", "--as-of", AS_OF.isoformat(), "--format", "csv"]) == 0
    ages = {row["name"]: row["age"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert ages["Mila Early"] == "23 months"
    assert all(not re.search(r"\b1 (months|years)\b", age) for age in ages.values())


# ---------------------------------------------------------------- e-mail package
def test_the_email_package_says_it_is_not_the_filing_and_points_to_the_online_form(home, capsys):
    out = cli(capsys, "prepare-email", "--as-of", AS_OF.isoformat(), "--out", "mail")
    assert "NOT the annual report" in out and "online form" in out
    assert "immunize.nc.gov/schools/ccf_annualimmunization.htm" in out
    draft = next((home / "mail").glob("*.eml"))
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    body = message.get_body(("plain",)).get_content()
    assert "This message is not our annual immunization report" in body and "online form" in body
    assert "Attached are" not in body
    assert message["Subject"].startswith("Question about our 2018 child care immunization report")
