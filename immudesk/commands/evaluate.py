"""`immudesk evaluate`: ACIP evaluation and forecast for children given as JSON Lines on stdin (INTERFACES.md).

One JSON line out per input line, in order, so a script can zip its input with our output. A line we cannot
read (bad JSON, a missing field, an impossible date, an unknown CVX, a dose before birth) gets
{"id": ..., "error": "..."} and the run goes on: one bad child must not cost the other rows their answers.
No database is opened; this is the engine alone.
"""
from __future__ import annotations

import json
import sys

from .. import dates
from ..acip import AdministeredDose, EvaluationError, GroupResult, evaluate


class _BadLine(ValueError):
    """A line that does not describe a child the way INTERFACES.md says; the message says what is wrong."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate", help="ACIP dose evaluation and forecast for JSON Lines on stdin (one result line per input line)",
        description='Reads lines like {"id": "a", "birth_date": "2025-09-06", "assessment_date": "2025-11-10", '
                    '"doses": [{"date": "2025-10-15", "cvx": "107"}]} and writes one result line for each. '
                    'An optional "immunity" list names antigens with evidence of immunity (e.g. ["Varicella"]).')
    parser.set_defaults(run=run)


def run(args, context) -> int:
    for line in sys.stdin:
        if not line.endswith("\n") and not line.strip():
            continue                  # only blanks after the last newline: not a line of input
        sys.stdout.write(json.dumps(evaluate_line(line), ensure_ascii=False) + "\n")
        sys.stdout.flush()            # a caller reading line by line gets each answer as soon as it is ready
    return 0


def evaluate_line(line: str) -> dict:
    """The output object for one input line (never raises for bad input)."""
    try:
        request = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"not a JSON object: {error.msg} (column {error.colno})"}
    if not isinstance(request, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    child_id = request.get("id")
    try:
        birth_date, doses, assessment_date, immunity = _read_request(request)
        results = evaluate(birth_date, doses, assessment_date, immunity)
    except (_BadLine, EvaluationError) as error:
        return {"id": child_id, "error": str(error)}
    return {"id": child_id, "groups": {name: _group_json(result) for name, result in results.items()}}


def _read_date(value, what: str):
    if not isinstance(value, str):
        raise _BadLine(f"{what} must be a date written as YYYY-MM-DD")
    try:
        return dates.parse_date(value)
    except dates.DateError as error:
        raise _BadLine(f"{what}: {error}") from None


def _read_request(request: dict):
    for field in ("birth_date", "assessment_date", "doses"):
        if field not in request:
            raise _BadLine(f'the field "{field}" is missing')
    birth_date = _read_date(request["birth_date"], "birth_date")
    assessment_date = _read_date(request["assessment_date"], "assessment_date")
    if not isinstance(request["doses"], list):
        raise _BadLine('"doses" must be a list of {"date": ..., "cvx": ...}')
    doses = []
    for number, dose in enumerate(request["doses"], 1):
        if not isinstance(dose, dict) or "date" not in dose or "cvx" not in dose:
            raise _BadLine(f'dose {number} must be an object with "date" and "cvx"')
        cvx = dose["cvx"]
        if isinstance(cvx, bool) or not isinstance(cvx, (str, int)) or not str(cvx).strip():
            raise _BadLine(f'dose {number}: "cvx" must be a CVX code such as "03" or "107"')
        doses.append(AdministeredDose(_read_date(dose["date"], f"dose {number} date"), str(cvx).strip()))
    immunity = request.get("immunity", [])
    if not isinstance(immunity, list) or not all(isinstance(a, str) for a in immunity):
        raise _BadLine('"immunity" must be a list of antigen names such as ["Varicella"]')
    return birth_date, doses, assessment_date, frozenset(immunity)


def _group_json(result: GroupResult) -> dict:
    forecast = result.forecast
    return {
        "series_status": result.series_status,
        # INTERFACES.md promises "reason": null for a valid dose (its example's first dose is valid by the 4-day
        # grace period and shows null), as CDC's test cases do; the Python API keeps "Grace period" for the window.
        "doses": [{"date": d.date.isoformat(), "cvx": d.cvx, "evaluation": d.evaluation,
                   "reason": d.reason if d.evaluation != "valid" else None}
                  for d in result.doses],
        "forecast": None if forecast is None else {
            "dose_number": forecast.dose_number, "earliest": forecast.earliest.isoformat(),
            "recommended": forecast.recommended.isoformat(),
            "past_due": forecast.past_due.isoformat() if forecast.past_due else None},
    }
