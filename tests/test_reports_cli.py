"""The document commands end to end on the demo home: `immudesk report`, `worksheets`, `letters`, `outbreak`,
`record` and `prepare-email` write what they promise, agree with `immudesk.states`, and fail in plain words."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from test_reports_roster import needs_poppler, pdf_pages, pdf_text

from immudesk import states
from immudesk.cli import main
from immudesk.demo import load_demo
from immudesk.store import open_store

TODAY = date(2026, 11, 21)


@pytest.fixture
def demo_db(db_path, monkeypatch, tmp_path):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY.isoformat())
    monkeypatch.chdir(tmp_path)
    with open_store(db_path) as store:
        load_demo(store, TODAY)
    return db_path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_report_json_is_the_states_count_table(demo_db, capsys):
    code, out, _ = run(capsys, "report")
    assert code == 0
    data = json.loads(out)
    with open_store(demo_db) as store:
        statuses = states.evaluate_roster(store.children(), "NC", TODAY, data["report_year"])
    assert data["groups"] == states.report_table(statuses, "NC")
    assert data["as_of"] == "2026-11-21" and data["facility"]["county"] == "Wake"
    assert data["groups"]["total"]["attending"] == sum(1 for s in statuses if s.report_group)


def test_report_year_and_as_of_choose_the_period(demo_db, capsys):
    code, out, _ = run(capsys, "report", "--report-year", "2025", "--as-of", "2025-11-01")
    assert code == 0
    data = json.loads(out)
    assert (data["report_year"], data["due_date"], data["as_of"]) == (2025, "2025-11-15", "2025-11-01")


def test_report_csv_and_pdf_files(demo_db, capsys, tmp_path):
    assert run(capsys, "report", "--out", str(tmp_path / "counts.csv"))[0] == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "counts.csv").read_text(encoding="utf-8-sig"))))
    assert [r["age_group"] for r in rows] == ["under_24_months", "24_months_and_older", "total"]
    code, _, err = run(capsys, "report", "--format", "pdf")
    assert code == 0 and "2027-NC-immunization-report.pdf" in err
    assert (tmp_path / "2027-NC-immunization-report.pdf").read_bytes()[:5] == b"%PDF-"


@needs_poppler
def test_worksheets_letters_outbreak_and_record(demo_db, capsys, tmp_path):
    assert run(capsys, "worksheets", "--out", "w.pdf")[0] == 0
    sheets = pdf_text(tmp_path / "w.pdf")
    assert "Sofía Hernández" in sheets and "Ava Green" in sheets
    code, _, err = run(capsys, "letters", "--out", "l.pdf")
    assert code == 0
    letters_pages = pdf_pages(tmp_path / "l.pdf")
    assert f"Wrote {len(letters_pages)} letters" in err
    assert any("Sofía Hernández" in p and "Atentamente" in p for p in letters_pages)
    code, out, _ = run(capsys, "outbreak", "measles", "--format", "csv")
    assert code == 0
    measles = list(csv.DictReader(io.StringIO(out)))
    assert {"Noah Patel", "Emma Wilson"} <= {r["name"] for r in measles}
    assert all(r["parent_phone"].startswith("919-555-") for r in measles)
    assert run(capsys, "outbreak", "measles")[0] == 0
    assert "Children susceptible to measles" in pdf_text(tmp_path / "outbreak-measles-2026-11-21.pdf")
    assert run(capsys, "record", "noah patel", "--out", "noah.pdf")[0] == 0
    record = " ".join(pdf_text(tmp_path / "noah.pdf").split())
    assert "Noah Patel" in record and "does not count" in record and "first birthday" in record


def test_prepare_email_writes_the_folder(demo_db, capsys, tmp_path):
    code, out, _ = run(capsys, "prepare-email", "--out", "mail")
    assert code == 0 and "immunization.reports@dhhs.nc.gov" in out
    assert sorted(p.suffix for p in (tmp_path / "mail").iterdir()) == [".csv", ".eml", ".pdf"]


@pytest.mark.parametrize("argv, message", [
    (["report", "--as-of", "2026-13-40"], "--as-of"),
    (["record", "Nobody"], "no child on the roster matches"),
    (["record", "a"], "several children match"),
    (["outbreak", "plague"], "plague"),
    (["report", "--report-year", "1999"], "1999"),
    (["report", "--format", "pdf", "--out", "/proc/immudesk-cannot-write/x.pdf"], "cannot write"),
])
def test_mistakes_get_a_plain_message_and_exit_2(demo_db, capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
