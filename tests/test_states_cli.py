"""Each state immudesk ships, end to end on the demo home: `immudesk facility --state XX` accepts it, and
`status`, `letters`, `outbreak` and `report` work for it, in the state's words and with its notes."""
from __future__ import annotations

import json

import pytest
from test_reports_cli import demo_db, run  # noqa: F401 - demo_db is a fixture: the demo home on 2026-11-21

from immudesk.states import state_codes
from immudesk.states.rules import load_state


@pytest.mark.parametrize("code", state_codes())
def test_every_state_works_from_the_command_line(demo_db, capsys, tmp_path, code):
    exit_code, out, _ = run(capsys, "facility", "--state", code.lower())
    assert exit_code == 0 and json.loads(out)["state"] == code
    rules = load_state(code)

    exit_code, out, _ = run(capsys, "status")
    assert exit_code == 0 and out.startswith(f"{code} law as of Nov 21, 2026")
    for status, label in rules.status_labels.items():
        if status != "up_to_date":
            continue
        assert label in out       # the demo home has children up to date in every state

    exit_code, _, err = run(capsys, "letters", "--out", "letters.pdf")
    assert exit_code == 0 and (tmp_path / "letters.pdf").read_bytes()[:5] == b"%PDF-"

    exit_code, _, err = run(capsys, "outbreak", "measles", "--out", "measles.pdf")
    assert exit_code == 0 and "susceptible to measles" in err

    exit_code, out, err = run(capsys, "report", "--format", "json")
    assert exit_code == 0
    report = json.loads(out)
    assert report["state"] == code and set(report["groups"]["total"]) == {"attending", *rules.report_columns}


@pytest.mark.parametrize("code", [c for c in state_codes() if load_state(c).homes_file != "yes"])
def test_a_state_that_does_not_ask_homes_for_a_report_says_so_and_whom_to_ask(demo_db, capsys, code):
    run(capsys, "facility", "--state", code)
    exit_code, out, _ = run(capsys, "status")
    assert exit_code == 0 and "no yearly report from family homes on file" in out and "ask" in out.lower()
    exit_code, _, err = run(capsys, "report", "--out", "report.csv")
    assert exit_code == 0 and "no due date: see the note" in err and "Note: not confirmed" in err


def test_an_unknown_state_is_refused_with_the_list(demo_db, capsys):
    exit_code, _, err = run(capsys, "facility", "--state", "ZZ")
    assert exit_code != 0 and ", ".join(state_codes()) in err
