"""The demo home (resources/demo/home.json) shows the situations its texts promise, on any day it is loaded,
and `immudesk status` prints them as INTERFACES.md says."""
from __future__ import annotations

import json

import pytest
from test_states_records import d

from immudesk.cli import main
from immudesk.demo import demo_children
from immudesk.states import evaluate_roster, report_table
from immudesk.states.outbreak import susceptible

# name: (status, report group or exclusion, missing, days_left, must exclude)
PROMISED = {
    "Ava Green": ("up_to_date", "under_24_months", [], None, False),
    "Liam Carter": ("up_to_date", "under_24_months", [], None, False),
    "Sofía Hernández": ("in_process", "under_24_months", ["DTaP", "PCV"], 18, False),
    "Noah Patel": ("not_up_to_date", "under_24_months", ["MMR", "Varicella"], None, True),
    "Mia Johnson": ("up_to_date", "under_24_months", [], None, False),
    "Elijah Brooks": ("up_to_date", "24_months_and_older", [], None, False),
    "Olivia Nguyen": ("up_to_date", "24_months_and_older", [], None, False),
    "Lucas Rivera": ("medical_exemption", "24_months_and_older", ["MMR", "Varicella"], None, False),
    "Emma Wilson": ("religious_exemption", "24_months_and_older",
                    ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella"], None, False),
    "James Miller": ("in_process", "24_months_and_older", ["DTaP", "Polio", "HepB"], 40, False),
    "Amelia Davis": ("up_to_date", "24_months_and_older", [], None, False),
    "Harper Lee": ("up_to_date", "withdrawn", [], None, False),
    "Benjamin Scott": ("up_to_date", "attends only before or after school", [], None, False),
}


@pytest.mark.parametrize("as_of", ["2026-11-21", "2027-03-01", "2026-02-28"])
def test_every_demo_child_shows_its_situation(as_of):
    statuses = evaluate_roster(demo_children(d(as_of)), "NC", d(as_of))
    assert len(statuses) == 13
    for status in statuses:
        expected = PROMISED[status.child.name]
        got = (status.status, status.report_group or status.excluded_reason, status.missing, status.days_left,
               status.must_exclude)
        assert got == expected, (status.child.name, status.child.notes, status.reasons)


def test_demo_details_the_situations_name():
    as_of = d("2026-11-21")
    by_name = {s.child.name: s for s in evaluate_roster(demo_children(as_of), "NC", as_of)}
    # Liam turns 16 months in 9 days and will then need MMR, a 4th PCV and the Hib booster.
    liam = by_name["Liam Carter"]
    assert liam.due_date == d("2026-11-30")
    assert sorted(g for g, c in liam.groups.items() if c.next_due == d("2026-11-30")) == ["Hib", "MMR", "PCV"]
    # Noah's MMR a week before the first birthday does not count (and so neither does his varicella, given
    # 7 days after that MMR).
    noah = by_name["Noah Patel"]
    assert noah.groups["MMR"].doses[0].reason == "given 7 days before the first birthday, does not count"
    assert "live vaccine" in noah.groups["Varicella"].doses[0].reason
    # Mia: PedvaxHIB, two doses enough at 14 months.
    assert (by_name["Mia Johnson"].groups["Hib"].required, by_name["Mia Johnson"].groups["Hib"].valid) == (2, 2)
    # Amelia: chickenpox history instead of the vaccine.
    assert by_name["Amelia Davis"].groups["Varicella"].note == "immune: documented disease history"
    # James: the physician certified 40 days from now.
    assert by_name["James Miller"].last_allowed_day == d("2026-12-31")


def test_demo_report_table_and_outbreak_list():
    as_of = d("2026-11-21")
    statuses = evaluate_roster(demo_children(as_of), "NC", as_of)
    # Ages on the as-of day (the projected 2027 cutoff is still ahead): under 24 months Ava, Liam, Sofía,
    # Noah, Mia; older Elijah, Olivia, Lucas, Emma, James, Amelia. Harper and Benjamin are left out.
    assert report_table(statuses)["total"] == {"attending": 11, "up_to_date": 6, "in_process": 2,
                                               "medical_exemption": 1, "religious_exemption": 1,
                                               "not_up_to_date": 1}
    measles = {s.child.name: why for s, why in susceptible(statuses, "measles")}
    assert measles == {
        "Ava Green": "too young for MMR (first dose from Feb 18, 2027)",
        "Liam Carter": "no MMR dose on record",
        "Sofía Hernández": "too young for MMR (first dose from Apr 11, 2027)",
        "Noah Patel": "no valid MMR dose (the one on record does not count)",
        "Lucas Rivera": "medical exemption from MMR on file",
        "Emma Wilson": "religious exemption from MMR on file",
    }


def test_status_command_prints_the_interfaces_json(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite3")
    assert main(["--db", db, "demo", "--as-of", "2026-11-21"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--demo", "status", "--as-of", "2026-11-21", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 13
    assert all(list(row) == ["name", "birth_date", "status", "report_group", "excluded_reason", "missing",
                             "days_left", "due_date", "reasons"] for row in rows)
    harper = next(r for r in rows if r["name"] == "Harper Lee")
    assert (harper["report_group"], harper["excluded_reason"]) == (None, "withdrawn")


def test_status_command_table_and_bad_date(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite3")
    assert main(["--db", db, "demo", "--as-of", "2026-11-21"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--demo", "status", "--as-of", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "2027 report, due Nov 15, 2027 (projected, to verify)" in out
    assert "MAY NOT ATTEND" in out and "Noah Patel" in out
    assert main(["--db", db, "--demo", "status", "--as-of", "2026-02-30"]) == 2
    assert "--as-of: '2026-02-30' is not a real date" in capsys.readouterr().err
    assert main(["--db", db, "--demo", "status", "--report-year", "1999"]) == 2
    assert "no North Carolina report period for 1999" in capsys.readouterr().err
