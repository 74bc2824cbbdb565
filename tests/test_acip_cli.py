"""`immudesk evaluate`: JSON Lines in, one JSON line out per input line, bad lines answered with an error."""
from __future__ import annotations

import io
import json

from immudesk.cli import main

INTERFACES_EXAMPLE = {"id": "2013-0002", "birth_date": "2025-09-06", "assessment_date": "2025-11-10",
                      "doses": [{"date": "2025-10-15", "cvx": "107"}, {"date": "2025-11-10", "cvx": "107"}]}


def run_evaluate(monkeypatch, capsys, text: str) -> tuple[int, list[dict]]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    status = main(["evaluate"])
    out = capsys.readouterr().out
    return status, [json.loads(line) for line in out.splitlines()]


def test_the_interfaces_example_gives_the_documented_answer(monkeypatch, capsys, db_path):
    status, [answer] = run_evaluate(monkeypatch, capsys, json.dumps(INTERFACES_EXAMPLE) + "\n")
    assert status == 0
    assert answer["id"] == "2013-0002"
    assert list(answer["groups"]) == ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella", "HepA"]
    assert answer["groups"]["DTaP"] == {
        "series_status": "not_complete",
        "doses": [{"date": "2025-10-15", "cvx": "107", "evaluation": "valid", "reason": None},
                  {"date": "2025-11-10", "cvx": "107", "evaluation": "not_valid", "reason": "Age: Too Young"}],
        "forecast": {"dose_number": 2, "earliest": "2025-12-08", "recommended": "2026-01-06",
                     "past_due": "2026-03-05"},
    }
    # Groups without doses still answer, with the first dose due.
    assert answer["groups"]["MMR"]["doses"] == []
    assert answer["groups"]["MMR"]["forecast"]["dose_number"] == 1


def test_each_bad_line_gets_its_own_error_and_the_run_goes_on(monkeypatch, capsys, db_path):
    good = json.dumps(INTERFACES_EXAMPLE)
    lines = [
        good,
        "{not json",
        json.dumps({"id": "no-birth", "assessment_date": "2025-11-10", "doses": []}),
        json.dumps({"id": "bad-date", "birth_date": "2025-02-30", "assessment_date": "2025-11-10", "doses": []}),
        json.dumps({"id": "unknown-cvx", "birth_date": "2025-01-01", "assessment_date": "2025-11-10",
                    "doses": [{"date": "2025-03-01", "cvx": "999"}]}),
        json.dumps({"id": "before-birth", "birth_date": "2025-01-01", "assessment_date": "2025-11-10",
                    "doses": [{"date": "2024-12-31", "cvx": "08"}]}),
        json.dumps({"id": "dose-without-cvx", "birth_date": "2025-01-01", "assessment_date": "2025-11-10",
                    "doses": [{"date": "2025-03-01"}]}),
        json.dumps(["a", "list"]),
        good,
    ]
    status, answers = run_evaluate(monkeypatch, capsys, "\n".join(lines) + "\n")
    assert status == 0
    assert len(answers) == len(lines)
    assert [a["id"] for a in answers] == ["2013-0002", None, "no-birth", "bad-date", "unknown-cvx", "before-birth",
                                          "dose-without-cvx", None, "2013-0002"]
    assert "groups" in answers[0] and "groups" in answers[-1]
    errors = [a["error"] for a in answers[1:-1]]
    assert "JSON" in errors[0]
    assert "birth_date" in errors[1] and "missing" in errors[1]
    assert "not a real date" in errors[2]
    assert "999" in errors[3]
    assert "before the birth date" in errors[4]
    assert '"cvx"' in errors[5]
    assert "object" in errors[6]


def test_cvx_given_as_a_number_is_read_as_its_code(monkeypatch, capsys, db_path):
    line = {"id": 7, "birth_date": "2024-01-15", "assessment_date": "2025-11-10",
            "doses": [{"date": "2025-01-20", "cvx": 3}], "immunity": ["Varicella"]}
    _, [answer] = run_evaluate(monkeypatch, capsys, json.dumps(line))      # no newline after the last line
    assert answer["groups"]["MMR"]["doses"] == [
        {"date": "2025-01-20", "cvx": "03", "evaluation": "valid", "reason": None}]
    assert answer["groups"]["Varicella"]["series_status"] == "immune"
    assert answer["groups"]["Varicella"]["forecast"] is None


def test_no_input_means_no_output(monkeypatch, capsys, db_path):
    assert run_evaluate(monkeypatch, capsys, "") == (0, [])
