"""CDC's CDSi test cases (healthy, the eight child-care groups) run through immudesk.acip.evaluate: v4.45 (461
cases) and the 32 cases new in v4.46 (published with supporting data 4.65, which resources/acip/ is derived from).

Every case is one pytest item named by its CDC id. We compare each dose's evaluation status, the series status
and the whole forecast (dose number, earliest, recommended, past due) with no tolerance. Reasons are counted
in the summary but not asserted: when a dose fails two checks (too young and too soon) CDC's cases show one
reason or the other without a rule we could derive (2013-0034 says "Age", 2013-0111 says "Interval"). The cases live outside the project (../shared/cdsi, see that folder's README); without
them these tests skip and say why.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from immudesk import vaccines
from immudesk.acip import AdministeredDose, evaluate

REPO = Path(__file__).resolve().parents[1]
CDSI_DIR = REPO.parent / "shared" / "cdsi"
# Case set -> (file, how many cases it holds). v4.46 changed no expected result of the v4.45 cases in these groups
# (../shared/cdsi/README.md), so the older set stays and the newer one adds its new cases.
CASE_SETS = {"v4.45": ("cdsi-healthy-v4.45-childcare-cases.csv", 461),
             "v4.46": ("cdsi-healthy-v4.46-new-childcare-cases.csv", 32)}

# CDC's Vaccine_Group codes -> our group names.
GROUPS = {"DTAP": "DTaP", "POL": "Polio", "HIB": "Hib", "PCV": "PCV", "HepB": "HepB", "MMR": "MMR",
          "VAR": "Varicella", "HepA": "HepA"}
EVALUATIONS = {"Valid": "valid", "Not Valid": "not_valid", "Extraneous": "extraneous"}
STATUSES = {"Complete": "complete", "Not complete": "not_complete", "Aged out": "aged_out", "Immune": "immune",
            "Contraindicated": "contraindicated"}

# Cases where we believe CDC's expected values contradict CDC's own supporting data (4.65). Each entry says why.
# At most five; the comparison itself is never loosened.
KNOWN_DISAGREEMENTS: dict[str, str] = {}


def _load_cases() -> list[dict]:
    cases = []
    for version, (name, _) in CASE_SETS.items():
        path = CDSI_DIR / name
        if path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as handle:
                cases += [{**row, "case_set": version} for row in csv.DictReader(handle)]
    return cases


CASES = _load_cases()
_RESULTS: dict[str, bool] = {}
_REASONS: dict[str, list[tuple[str | None, str | None]]] = {}   # (CDC's reason, ours) per not-valid dose


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _history(case: dict) -> list[AdministeredDose]:
    # CVX codes are strings with at least two digits ("03"); never let a spreadsheet turn them into 3.
    return [AdministeredDose(date.fromisoformat(case[f"Date_Administered_{n}"]), case[f"CVX_{n}"].strip().zfill(2))
            for n in range(1, 8) if case[f"Date_Administered_{n}"]]


def _in_our_groups(dose: AdministeredDose) -> bool:
    # A live vaccine outside the eight groups (2013-0833: nasal flu before varicella) shapes the varicella
    # evaluation, but its own evaluation belongs to a group immudesk does not keep.
    return bool(vaccines.groups_for_cvx(dose.cvx))


def _as_json(results: dict) -> dict:
    """The engine's results in the shape `immudesk evaluate` prints, so both answers are compared alike."""
    return {name: {"series_status": result.series_status,
                   "doses": [{"date": d.date.isoformat(), "cvx": d.cvx, "evaluation": d.evaluation, "reason": d.reason}
                             for d in result.doses],
                   "forecast": None if result.forecast is None else {
                       "dose_number": result.forecast.dose_number, "earliest": result.forecast.earliest.isoformat(),
                       "recommended": result.forecast.recommended.isoformat(),
                       "past_due": result.forecast.past_due.isoformat() if result.forecast.past_due else None}}
            for name, result in results.items()}


def expected_and_actual(case: dict, groups: dict | None = None) -> tuple[dict, dict]:
    """What CDC expects and what immudesk says, in the same shape, so a failure shows a readable diff.

    `groups` is an answer of `immudesk evaluate` for the case; without it the engine is asked in-process."""
    doses = _history(case)
    expected_doses = []
    expected_reasons = []
    for n, dose in zip([n for n in range(1, 8) if case[f"Date_Administered_{n}"]], doses):
        if not _in_our_groups(dose):
            continue
        status = EVALUATIONS[case[f"Evaluation_Status_{n}"]]
        reason = case[f"Evaluation_Reason_{n}"] or None
        expected_doses.append((dose.date.isoformat(), status))
        expected_reasons.append(reason if status != "valid" else None)
    group = GROUPS[case["Vaccine_Group"]]
    if groups is None:
        groups = _as_json(evaluate(date.fromisoformat(case["DOB"]), doses, date.fromisoformat(case["Assessment_Date"])))
    result = groups[group]
    # A case lists the child's whole history: a varicella dose in an MMR case is expected with its varicella
    # evaluation. So each dose is looked up in the case's group first, then in the groups its CVX covers.
    evaluated: dict[tuple[str, str, str], list] = {}
    for name in [group] + [g for g in groups if g != group]:
        for dose_result in groups[name]["doses"]:
            evaluated.setdefault((dose_result["date"], dose_result["cvx"], name), []).append(dose_result)
    actual_doses = []
    actual_reasons = []
    for dose in doses:
        if not _in_our_groups(dose):
            continue
        for name in [group] + [g for g in groups if g != group]:
            queue = evaluated.get((dose.date.isoformat(), dose.cvx, name))
            if queue:
                found = queue.pop(0)
                actual_doses.append((found["date"], found["evaluation"]))
                actual_reasons.append(found["reason"] if found["evaluation"] != "valid" else None)
                break
        else:
            actual_doses.append((dose.date.isoformat(), "not evaluated in any group"))
            actual_reasons.append(None)
    forecast = None
    if case["Forecast_#"].strip() not in ("", "-"):
        forecast = (int(case["Forecast_#"]), _date(case["Earliest_Date"]), _date(case["Recommended_Date"]),
                    _date(case["Past_Due_Date"]))
    expected = {"series_status": STATUSES[case["Series_Status"]], "doses": expected_doses, "forecast": forecast}
    ours = result["forecast"]
    actual = {
        "series_status": result["series_status"],
        "doses": actual_doses,
        "forecast": (ours["dose_number"], _date(ours["earliest"]), _date(ours["recommended"]),
                     _date(ours["past_due"] or "")) if ours else None,
    }
    _REASONS[case["CDC_Test_ID"]] = list(zip(expected_reasons, actual_reasons))
    return expected, actual


def test_every_case_has_expectations():
    if not CASES:
        pytest.skip(f"CDC test cases not found in {CDSI_DIR} (CI provides ../shared/cdsi)")
    for version, (name, count) in CASE_SETS.items():
        assert sum(1 for case in CASES if case["case_set"] == version) == count, name
    for case in CASES:
        assert case["Series_Status"] in STATUSES, case["CDC_Test_ID"]
        assert case["Vaccine_Group"] in GROUPS, case["CDC_Test_ID"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['case_set']}:{c['CDC_Test_ID']}" for c in CASES])
def test_cdc_case(case):
    case_id = case["CDC_Test_ID"]
    expected, actual = expected_and_actual(case)
    _RESULTS[case_id] = expected == actual
    if case_id in KNOWN_DISAGREEMENTS:
        if expected == actual:
            pytest.fail(f"{case_id} now matches CDC; take it off KNOWN_DISAGREEMENTS")
        pytest.xfail(KNOWN_DISAGREEMENTS[case_id])
    assert actual == expected, f"{case_id}: {case['Test_Case_Name']}"


def test_summary_of_cdc_cases(capsys):
    """Runs last in this file: prints how many CDC cases pass (the README quotes this number)."""
    if not CASES:
        pytest.skip(f"CDC test cases not found in {CDSI_DIR}")
    for case in CASES:
        if case["CDC_Test_ID"] not in _RESULTS:      # e.g. when run with -k on the summary alone
            expected, actual = expected_and_actual(case)
            _RESULTS[case["CDC_Test_ID"]] = expected == actual
    passed = sum(_RESULTS.values())
    reasons = [pair for pairs in _REASONS.values() for pair in pairs if pair[0]]
    same_reason = sum(1 for theirs, ours in reasons if theirs == ours)
    with capsys.disabled():
        for version in CASE_SETS:
            ids = [case["CDC_Test_ID"] for case in CASES if case["case_set"] == version]
            print(f"\nCDC CDSi cases {version}: {sum(_RESULTS[i] for i in ids)} of {len(ids)} pass", end="")
        print(f"\n{len(KNOWN_DISAGREEMENTS)} on the known-disagreements list; "
              f"same reason as CDC for {same_reason} of {len(reasons)} doses that are not valid or extraneous")
    assert len(KNOWN_DISAGREEMENTS) <= 5
    assert passed + len(KNOWN_DISAGREEMENTS) >= len(CASES)


def test_every_case_through_immudesk_evaluate():
    """`immudesk evaluate` promises CDC's logic: the whole process, fed every case as JSON Lines, gives CDC's answers."""
    if not CASES:
        pytest.skip(f"CDC test cases not found in {CDSI_DIR}")
    lines = [json.dumps({"id": case["CDC_Test_ID"], "birth_date": case["DOB"], "assessment_date": case["Assessment_Date"],
                         "doses": [{"date": d.date.isoformat(), "cvx": d.cvx} for d in _history(case)]})
             for case in CASES]
    done = subprocess.run([sys.executable, "-m", "immudesk", "evaluate"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, check=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["id"] for a in answers] == [case["CDC_Test_ID"] for case in CASES]
    wrong = []
    for case, answer in zip(CASES, answers):
        expected, actual = expected_and_actual(case, answer["groups"])
        if expected != actual and case["CDC_Test_ID"] not in KNOWN_DISAGREEMENTS:
            wrong.append(f"{case['case_set']}:{case['CDC_Test_ID']}: expected {expected}, got {actual}")
    assert not wrong, "\n".join(wrong)
