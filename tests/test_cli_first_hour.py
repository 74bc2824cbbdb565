"""A newcomer's first hour on the command line (issue 16): the roster CSV's columns are documented where she looks,
the example file imports as is, an empty roster exports its header row, commands say what they need, accept the
plain disease names and suggest the command she meant."""
from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest

from immudesk.cli import main
from immudesk.i18n import format_date
from immudesk.roster_csv import COLUMNS

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-21"
# The states immudesk has a file for, as the messages list them.
STATES = ", ".join(sorted(p.stem for p in (REPO / "resources" / "states").glob("*.json")))


@pytest.fixture(autouse=True)
def pinned_today(db_path, monkeypatch, tmp_path):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY)
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:   # argparse: --help, usage errors
        code = exit_.code
    out = capsys.readouterr()
    return code, out.out, out.err


# -- the roster CSV -------------------------------------------------------------------------------------------

def test_import_roster_help_names_every_column_and_what_it_holds(capsys):
    code, out, _ = run(capsys, "import-roster", "--help")
    assert code == 0
    for column in COLUMNS:
        assert re.search(rf"^  .*\b{re.escape(column)}\b", out, re.MULTILINE), f"{column} is not described"
    assert "YYYY-MM-DD or M/D/YYYY" in out and "2024-05-10:Pediarix" in out
    assert "docs/roster-example.csv" in out and "export-roster" in out


def test_the_readme_describes_every_column():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### The roster CSV"):]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    described = {name for row in rows for name in re.findall(r"`([A-Za-z_]+)`", row.split("|")[1])}
    assert described == set(COLUMNS)


def test_the_example_roster_imports_as_is_and_round_trips(capsys, tmp_path):
    example = REPO / "docs" / "roster-example.csv"
    code, out, err = run(capsys, "import-roster", str(example))
    assert code == 0, err
    assert out.startswith("Imported 4 children")
    with example.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == list(COLUMNS)   # every column shown, in the export's order
    exported = tmp_path / "back.csv"
    assert run(capsys, "export-roster", str(exported))[0] == 0
    names = [(row["first_name"], row["last_name"]) for row in
             csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig")))]
    assert sorted(names) == [("Ava", "Green"), ("Lily", "Chen"), ("Mateo", "Díaz"), ("Noah", "Baker")]


def test_export_of_an_empty_roster_writes_the_header_row(capsys, tmp_path):
    target = tmp_path / "start.csv"
    code, out, _ = run(capsys, "export-roster", str(target))
    assert code == 0 and out.startswith("Wrote 0 children")
    assert target.read_text(encoding="utf-8-sig").splitlines() == [",".join(COLUMNS)]
    # ... and that file is a roster import-roster accepts (nothing to add yet).
    code, out, err = run(capsys, "import-roster", str(target))
    assert code == 0, err
    assert out.startswith("Imported 0 children")


def test_a_semicolon_separated_file_is_named_as_such(capsys, tmp_path):
    roster = tmp_path / "europe.csv"
    roster.write_text("first_name;last_name;birth_date;enrolled_on\nKim;Lee;2024-01-02;2024-06-01\n"
                      "Ana;Ruiz;2023-03-04;2024-06-01;note, with a comma\n", encoding="utf-8")
    code, out, err = run(capsys, "import-roster", str(roster))
    assert code == 2 and out == ""
    assert err == f"{roster} line 1, column 1: this file uses ';' between columns; save it as CSV (comma-separated)\n"


def test_dose_dates_separated_by_semicolons_are_still_a_comma_separated_file(capsys, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("first_name,last_name,birth_date,enrolled_on,HepB\nKim,Lee,2024-01-02,2024-06-01,"
                      "2024-01-02;2024-03-02\n", encoding="utf-8")
    code, out, err = run(capsys, "import-roster", str(roster))
    assert code == 0, err


# -- names, help and suggestions --------------------------------------------------------------------------------

@pytest.fixture
def demo(capsys, db_path, monkeypatch):
    """The demo home; later commands work on its practice file (as `--demo` would)."""
    from immudesk.demo import practice_path

    assert run(capsys, "demo")[0] == 0
    monkeypatch.setenv("IMMUDESK_DB", str(practice_path(db_path)))


@pytest.mark.parametrize("plain, medical", [("chickenpox", "varicella"), ("whooping cough", "pertussis"),
                                            ("Whooping-Cough", "pertussis"), ("MEASLES", "measles")])
def test_outbreak_takes_the_plain_names(demo, capsys, tmp_path, plain, medical):
    code, plain_out, err = run(capsys, "outbreak", plain, "--format", "csv")
    assert code == 0, err
    code, medical_out, _ = run(capsys, "outbreak", medical, "--format", "csv")
    assert code == 0 and plain_out == medical_out and len(plain_out.splitlines()) > 1
    code, _, err = run(capsys, "outbreak", plain)   # the PDF's default name uses the medical name
    assert code == 0 and (tmp_path / f"outbreak-{medical}-{TODAY}.pdf").is_file(), err


def test_outbreak_of_an_unknown_disease_names_the_ones_it_knows(demo, capsys):
    code, out, err = run(capsys, "outbreak", "flu")
    assert code == 2 and out == ""
    assert err == ("immudesk: outbreak lists are made for measles, chickenpox (varicella) and whooping cough "
                   "(pertussis), not 'flu'\n")


def test_status_text_shows_each_childs_due_date_and_reasons(demo, capsys):
    import json

    code, text, _ = run(capsys, "status")
    assert code == 0
    code, raw, _ = run(capsys, "status", "--json")
    children = json.loads(raw)
    assert "due date" in text.splitlines()[1]
    lines = text.splitlines()
    for child in children:
        row = next(i for i, line in enumerate(lines) if line.startswith(child["name"] + " "))
        if child["due_date"]:
            assert format_date(date.fromisoformat(child["due_date"])) in lines[row]   # in words, as text says dates
        assert [line.strip() for line in lines[row + 1: row + 1 + len(child["reasons"])]] == child["reasons"]
    assert any(child["due_date"] for child in children) and all(child["reasons"] for child in children)


def test_facility_help_describes_every_option_and_lists_the_states(capsys):
    from immudesk.model import FACILITY_FIELDS

    code, out, _ = run(capsys, "facility", "--help")
    assert code == 0
    assert f"States immudesk knows: {STATES}." in " ".join(out.split())
    options = " ".join(out[out.index("options:"):].split())
    for name in FACILITY_FIELDS:
        option = "--" + name.replace("_", "-")
        described = re.search(rf"{option} (CODE|TEXT) (\S+)", options)
        assert described and not described.group(2).startswith("--"), f"{option} has no description"


@pytest.mark.parametrize("typed, meant", [("staus", "status"), ("improt-roster", "import-roster"),
                                          ("reprot", "report"), ("outbrake", "outbreak")])
def test_a_misspelled_command_gets_did_you_mean(capsys, typed, meant):
    code, out, err = run(capsys, typed)
    assert code == 2 and out == ""
    assert f"Did you mean '{meant}'?" in err


def test_a_misspelled_choice_gets_did_you_mean_too(capsys):
    code, _, err = run(capsys, "report", "--format", "pfd")
    assert code == 2 and "Did you mean 'pdf'?" in err


def test_a_word_nothing_like_a_command_gets_no_guess(capsys):
    code, _, err = run(capsys, "xyzzy")
    assert code == 2 and "Did you mean" not in err and "immudesk --help" in err


# -- the facility's state and the form's fields ---------------------------------------------------------------

NC_FORM = {"--county": "Wake", "--facility-id": "92000001", "--name": "Kim's Home", "--address": "1 Elm St",
           "--city": "Raleigh", "--zip": "27601", "--phone": "919-555-0100", "--operator": "Kim Lee",
           "--email": "kim@example.org"}


def facility(capsys, **options: str) -> None:
    argv = [part for option, value in options.items() for part in (option, value)]
    assert run(capsys, "facility", *argv)[0] == 0


@pytest.mark.parametrize("argv", [["status", "--json"], ["status"], ["report"], ["report", "--format", "csv"],
                                  ["outbreak", "measles", "--format", "csv"]])
def test_a_command_judging_by_state_law_says_when_no_state_is_set(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 0
    assert err.splitlines()[0] == ("immudesk: no state is set for the facility, so NC law (the default) was applied; "
                                   f"set yours with: immudesk facility --state CODE (CODE: one of {STATES})")
    facility(capsys, **{"--state": "NC"})
    code, _, err = run(capsys, *argv)
    assert code == 0 and "no state is set" not in err


def test_status_json_is_unchanged_by_the_note(capsys):
    import json

    code, out, err = run(capsys, "status", "--json")
    assert code == 0 and json.loads(out) == [] and "facility --state" in err


@pytest.mark.parametrize("argv, what", [(["report", "--format", "pdf"], "the annual report"),
                                        (["prepare-email", "--out", "mail"], "the e-mail to the state")])
def test_the_report_and_the_email_refuse_without_a_state(capsys, tmp_path, argv, what):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err == (f"immudesk: {what} follows the state's form, and no state is set for the facility; "
                   f"set it first with: immudesk facility --state CODE (CODE: one of {STATES})\n")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]   # nothing written but the database


@pytest.mark.parametrize("argv, what", [(["report", "--format", "pdf"], "the annual report"),
                                        (["prepare-email", "--out", "mail"], "the e-mail to the state")])
def test_the_report_and_the_email_refuse_without_the_forms_fields(capsys, tmp_path, argv, what):
    facility(capsys, **{"--state": "NC", "--name": "Kim's Home", "--county": "Wake"})
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err == (f"immudesk: {what} needs the facility's facility ID, address, city, zip, phone, operator, email "
                   "(NC's form asks for them); set them with: immudesk facility --facility-id ... --address ... "
                   "--city ... --zip ... --phone ... --operator ... --email ...\n")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
    facility(capsys, **NC_FORM)
    code, _, err = run(capsys, *argv)
    assert code == 0, err


def test_a_minnesota_report_needs_the_facilitys_name(capsys, tmp_path):
    facility(capsys, **{"--state": "MN"})
    code, _, err = run(capsys, "report", "--format", "pdf", "--out", "r.pdf")
    assert code == 2 and "needs the facility's name (MN's form asks for them)" in err
    facility(capsys, **{"--name": "Lake Home"})
    assert run(capsys, "report", "--format", "pdf", "--out", "r.pdf")[0] == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_the_demo_and_a_database_from_before_count_as_set(capsys, db_path):
    from immudesk.store import open_store

    with open_store(db_path) as store:
        assert not store.facility_state_chosen()
        # A facility filled in before the choice was recorded (no settings row): her state, not the default.
        store.conn.execute("UPDATE facility SET name = 'Kim''s Home' WHERE id = 1")
        assert store.facility_state_chosen()
    other = db_path.parent / "demo.sqlite3"
    assert run(capsys, "--db", str(other), "demo")[0] == 0
    code, _, err = run(capsys, "--db", str(other), "--demo", "status")
    assert code == 0 and err == ""


def test_a_state_without_a_file_is_a_plain_refusal(capsys, db_path):
    from immudesk.store import open_store

    with open_store(db_path) as store:
        store.update_facility(state="ZZ", name="Kim's Home")   # a state whose file is gone
    code, out, err = run(capsys, "report", "--format", "pdf")
    assert code == 2 and out == "" and err.startswith("immudesk: immudesk has no rules for the state 'ZZ'")
