"""The roster CSV, as a provider's spreadsheet meets it: round trips, and every kind of bad file refused whole."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from immudesk.cli import main
from immudesk.roster_csv import COLUMNS

HEADER = ",".join(COLUMNS)
TODAY = "2026-11-21"

# Every column filled, products after dates (CVX and names, combination vaccines under each group they
# cover), every exemption kind, M/D/YYYY dates, quotes and a Spanish name.
FULL_ROSTER = f"""\ufeff{HEADER}
Ava,Green,6/10/2017,2018-01-02,regular,,Rachel Green,rgreen@example.org,919-555-0101,en,2017-08-10:120;2017-10-10:120;2017-12-12:120;2018-09-10,2017-08-10:120;2017-10-10:120;2017-12-12:120,2017-08-10:120;2017-10-10:120;2017-12-12:120;2018-06-15:ActHIB,2017-08-10:133;2017-10-10:133;2017-12-12:133;2018-06-15:133,2017-06-10;2017-07-12;2017-12-12:08,2018-06-15:M-M-R II,2018-06-15:Varivax,2018-06-15:83,,,,,,"picked up by grandma, Tuesdays"
Sofía,Hernández,2024-03-01,2024-09-01,occasional,2025-06-30,Lucía Hernández,,919-555-0103,es,2024-05-01,2024-05-01:10,2024-05-01:PedvaxHIB;2024-07-01:49,2024-05-01,2024-03-01,,,,2025,MMR;Varicella,yes,DTaP,2024-10-15,"medical: DHHS 3987 on file"
Noah,Patel,2021-01-05,2023-02-01,before_after_school,,,,,en,,,,,,,,,2023-04-01,all,no,all,,
"""


def run_cli(*args: str) -> int:
    return main(list(args))


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("IMMUDESK_TODAY", TODAY)


def write(tmp_path: Path, text: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def count_children(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM children").fetchone()[0]


def test_import_export_import_export_gives_the_same_file(tmp_path, db_path, capsys):
    source = write(tmp_path, FULL_ROSTER)
    assert run_cli("import-roster", str(source)) == 0
    first = tmp_path / "first.csv"
    assert run_cli("export-roster", str(first)) == 0
    assert run_cli("--db", str(tmp_path / "second.db"), "import-roster", str(first)) == 0
    second = tmp_path / "second.csv"
    assert run_cli("--db", str(tmp_path / "second.db"), "export-roster", str(second)) == 0
    assert first.read_bytes() == second.read_bytes()
    exported = first.read_text(encoding="utf-8")
    # What went in comes out, in the canonical spelling.
    assert "2017-08-10:120;2017-10-10:120;2017-12-12:120;2018-09-10" in exported
    assert "2024-05-01:PedvaxHIB;2024-07-01:49" in exported
    assert "2018-06-15:M-M-R II" in exported
    assert ",MMR;Varicella,yes,DTaP,2024-10-15," in exported
    assert ",2023-04-01,all,,all,," in exported
    assert '"picked up by grandma, Tuesdays"' in exported
    assert "Sofía,Hernández,2024-03-01,2024-09-01,occasional,2025-06-30" in exported


def test_a_certificate_s_other_names_and_an_earlier_export_s_prevnar_import(tmp_path, db_path, store):
    """A spreadsheet copies the certificate: "DTaP-IPV/Hib" is Pentacel, "PCV20" is Prevnar 20, "Hep B" says only
    the vaccine; "Prevnar" is how immudesk 0.1 exported the 7-valent product, and it reads back as it was."""
    source = write(tmp_path, "first_name,last_name,birth_date,enrolled_on,DTaP,PCV,HepB\n"
                             "Ana,Lopez,2024-01-10,2024-03-01,2024-03-10:DTaP-IPV/Hib,"
                             "2024-03-10:Prevnar;2024-05-10:pcv 20,2024-01-10:Hep B\n")
    assert run_cli("import-roster", str(source)) == 0
    doses = {(d.vaccine_group, d.given_on.isoformat()): (d.product, d.cvx) for d in store.children()[0].doses}
    assert doses[("DTaP", "2024-03-10")] == ("Pentacel", "120")
    assert doses[("PCV", "2024-03-10")] == ("Prevnar", "100")
    assert doses[("PCV", "2024-05-10")] == ("Prevnar 20", "216")
    assert doses[("HepB", "2024-01-10")] == (None, None)


def test_a_name_for_another_vaccine_is_refused_on_import(tmp_path, db_path, capsys):
    source = write(tmp_path, "first_name,last_name,birth_date,enrolled_on,PCV\nAna,Lopez,2024-01-10,2024-03-01,"
                             "2024-03-10:Hep B\n")
    assert run_cli("import-roster", str(source)) == 2
    assert "'Hep B' is not a PCV vaccine" in capsys.readouterr().err
    assert count_children(db_path) == 0


def test_columns_are_matched_in_any_order_and_case(tmp_path, db_path, store):
    source = write(tmp_path, "Birth_Date,LAST_NAME,first_name,enrolled_on,hepb\n2024-01-02,Lee,Kim,2024-06-01,2024-01-02\n")
    assert run_cli("import-roster", str(source)) == 0
    child = store.children()[0]
    assert (child.name, str(child.birth_date), len(child.doses)) == ("Kim Lee", "2024-01-02", 1)


def test_a_child_already_on_the_roster_needs_update(tmp_path, db_path, capsys, store):
    source = write(tmp_path, f"{HEADER}\nAva,Green,2024-01-02,2024-06-01,,,,,,,,,,,2024-01-02,,,,,,,,,\n")
    assert run_cli("import-roster", str(source)) == 0
    changed = write(tmp_path, f"{HEADER}\nava,GREEN,2024-01-02,2024-06-01,,,,,555-0100,,,,,,2024-01-02;2024-02-05,,,,,,,,,\n",
                    "changed.csv")
    assert run_cli("import-roster", str(changed)) == 2
    assert "already on the roster; use --update" in capsys.readouterr().err
    assert run_cli("import-roster", "--update", str(changed)) == 0
    [child] = store.children()
    assert child.parent_phone == "555-0100" and len(child.doses) == 2


BAD_CASES = {
    "an impossible date": ("Ava,Green,2024-02-30,2024-06-01", "column birth_date: '2024-02-30' is not a real date"),
    "a dose before birth": ("Ava,Green,2024-02-01,2024-06-01,,,,,,,,,,,2024-01-20",
                            "column HepB: the dose on 2024-01-20 is before the birth date 2024-02-01"),
    "a date in the future": ("Ava,Green,2024-02-01,2024-06-01,,,,,,,2026-12-01",
                             "column DTaP: the dose on 2026-12-01 is in the future"),
    "an unknown vaccine product": ("Ava,Green,2024-02-01,2024-06-01,,,,,,,,,2024-04-01:Hibtiter",
                                   "column Hib: 'Hibtiter' is not a product immudesk knows"),
    "an unknown CVX code": ("Ava,Green,2024-02-01,2024-06-01,,,,,,,,,2024-04-01:999",
                            "column Hib: CVX code 999 is not a vaccine immudesk knows"),
    "a product filed under the wrong group": ("Ava,Green,2024-02-01,2024-06-01,,,,,,,2024-04-01:PedvaxHIB",
                                              "column DTaP: PedvaxHIB (Hib (PRP-OMP)) does not protect against DTaP"),
    "an unknown vaccine group in an exemption": ("Ava,Green,2024-02-01,2024-06-01,,,,,,,,,,,,,,,,Rotavirus",
                                                 "column medical_exemption: 'Rotavirus' is not a vaccine group"),
    "a row with extra fields": ("Ava,Green,2024-02-01,2024-06-01,,,,,,,,,,,,,,,,,,,,,surplus",
                                "line 3, column 25: this row has 25 fields but the header names 24 columns"),
    "a missing required field": ("Ava,,2024-02-01,2024-06-01", "column last_name: last_name is required"),
    "an unknown attendance kind": ("Ava,Green,2024-02-01,2024-06-01,sometimes",
                                   "column attendance: 'sometimes' is not an attendance kind"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_a_malformed_roster_exits_2_names_the_problem_and_imports_nothing(case, tmp_path, db_path, capsys):
    row, expected = BAD_CASES[case]
    good = "Kim,Lee,2024-01-02,2024-06-01"
    source = write(tmp_path, f"{HEADER}\n{good}\n{row}\n")
    assert run_cli("import-roster", str(source)) == 2
    err = capsys.readouterr().err
    assert f"{source} line 3, " in err or f"{source} line 2, " in err
    assert expected in err
    assert "Traceback" not in err
    assert count_children(db_path) == 0


def test_every_problem_is_listed_at_once(tmp_path, db_path, capsys):
    source = write(tmp_path, f"{HEADER},favourite_colour\n"
                             "Ava,Green,2024-02-30,2024-06-01\n"
                             "Ben,Ray,2024-01-01,2023-12-01,,,,,,,,,,,2023-12-31\n")
    assert run_cli("import-roster", str(source)) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"{source} line 1, column favourite_colour: unknown column 'favourite_colour'" in err[0]
    # With an unknown column the rows are still checked for field counts, so the header problem comes alone.
    source = write(tmp_path, f"{HEADER}\n"
                             "Ava,Green,2024-02-30,2024-06-01\n"
                             "Ben,Ray,2024-01-01,2023-12-01,,,,,,,,,,,2023-12-31\n"
                             "Ava,Green,2024-02-30,2024-06-01\n", "many.csv")
    assert run_cli("import-roster", str(source)) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4
    assert any("line 3, column enrolled_on: first day of attendance 2023-12-01 is before the birth date" in e for e in err)
    assert any("line 3, column HepB: the dose on 2023-12-31 is before the birth date" in e for e in err)
    assert count_children(db_path) == 0


def test_a_duplicate_child_in_the_file_is_an_error(tmp_path, db_path, capsys):
    source = write(tmp_path, f"{HEADER}\nAva,Green,2024-02-01,2024-06-01\nAVA,green,2/1/2024,2024-07-01\n")
    assert run_cli("import-roster", str(source)) == 2
    assert "line 3, column first_name: AVA green (born 2024-02-01) is already on line 2" in capsys.readouterr().err
    assert count_children(db_path) == 0


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 3, column 1: this is not a text file"),
    ("first_name,last_name\nJosé,Núñez\n".encode("latin-1"), "line 2, column 1: this is not UTF-8 text"),
    (b"", "line 1, column 1: the file has no header row"),
])
def test_a_file_that_is_not_a_text_roster_is_refused(content, message, tmp_path, db_path, capsys):
    source = tmp_path / "roster.csv"
    source.write_bytes(content)
    assert run_cli("import-roster", str(source)) == 2
    assert message in capsys.readouterr().err
    assert count_children(db_path) == 0


def test_a_missing_file_is_a_clear_message(tmp_path, db_path, capsys):
    assert run_cli("import-roster", str(tmp_path / "nope.csv")) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_a_kill_in_the_middle_of_an_import_leaves_the_database_as_it_was(tmp_path, db_path):
    """SIGKILL a real `immudesk import-roster` of 3,000 children mid-write: the old roster stays, whole."""
    assert run_cli("import-roster", str(write(tmp_path, f"{HEADER}\nKim,Lee,2024-01-02,2024-06-01\n", "one.csv"))) == 0
    rows = [f"Child{i},Test,2024-01-02,2024-06-01,,,,,,,2024-03-02;2024-05-02,,,,2024-01-02" for i in range(3000)]
    big = write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n", "big.csv")
    env = {**os.environ, "IMMUDESK_DB": str(db_path), "IMMUDESK_TODAY": TODAY}
    # Slow each insert a little and say when the import is well inside its transaction, so the kill lands
    # in the middle of the writes, not before or after them.
    script = ("import sys, time, immudesk.store.database as d\n"
              "orig = d.Store.add_child\n"
              "written = []\n"
              "def slow(self, child):\n"
              "    written.append(child)\n"
              "    if len(written) == 500: print('inside', flush=True)\n"
              "    time.sleep(0.001); return orig(self, child)\n"
              "d.Store.add_child = slow\n"
              "from immudesk.cli import main; raise SystemExit(main())\n")
    process = subprocess.Popen([sys.executable, "-c", script, "import-roster", str(big)], env=env,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "inside"
    assert process.poll() is None, "the import finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT first_name FROM children").fetchall() == [("Kim",)]
