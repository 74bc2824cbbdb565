"""A newcomer's first hour on the command line (issue 16): the roster CSV's columns are documented where she looks,
the example file imports as is, an empty roster exports its header row, commands say what they need, accept the
plain disease names and suggest the command she meant."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from immudesk.cli import main
from immudesk.roster_csv import COLUMNS

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-11-21"


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
