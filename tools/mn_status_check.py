"""Compare the Minnesota status of every child in the demo home and in the tests before and after an engine change.

An ACIP engine change can move a child's state status; this check lists every child whose MN status, missing
groups or next due date moved, so each difference can be explained (or the change undone). Three steps:

    python tools/mn_status_check.py collect CHILDREN.pickle [TEST_FILE ...]
        runs the given tests (default: the state-layer and report tests) and records every child the state
        layer evaluated, with the day it was asked about, plus the demo home's children on several days
    PYTHONPATH=<old tree> python tools/mn_status_check.py statuses CHILDREN.pickle BEFORE.json
    PYTHONPATH=<new tree> python tools/mn_status_check.py statuses CHILDREN.pickle AFTER.json
        the MN status of each recorded child with the code on the path
    python tools/mn_status_check.py compare BEFORE.json AFTER.json
        prints every child whose status, missing groups or due date differ
"""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TESTS = ("tests/test_states_mn.py", "tests/test_states_demo.py", "tests/test_states_nc_rules.py",
                 "tests/test_states_nc_roster.py", "tests/test_states_rules.py", "tests/test_states_outbreak.py",
                 "tests/test_states_records.py", "tests/test_states_properties.py", "tests/test_reports_annual.py", "tests/test_reports_letters.py",
                 "tests/test_reports_roster.py", "tests/test_reports_worksheets.py")
# Days on which the demo home is loaded and looked at (its dates are relative to the day it is loaded).
DEMO_DAYS = (date(2026, 1, 15), date(2026, 8, 5), date(2026, 12, 3))


class _Recorder:
    """pytest plugin: wraps the state layer's evaluate_child and keeps every (child, day) it is asked about."""

    def __init__(self):
        self.seen: dict[bytes, tuple] = {}

    def pytest_sessionstart(self, session):
        from immudesk.states import assessment

        original = assessment.evaluate_child

        def recording(child, state, as_of, *args, **kwargs):
            try:
                key = pickle.dumps((child, as_of))
                self.seen.setdefault(key, (child, as_of))
            except Exception:   # a test's odd object; it is not a record
                pass
            return original(child, state, as_of, *args, **kwargs)

        assessment.evaluate_child = recording


def collect(out: str, test_files: list[str]) -> None:
    import pytest

    from immudesk.demo import demo_children

    recorder = _Recorder()
    pytest.main(["-q", "-x", "-p", "no:cacheprovider", *(test_files or DEFAULT_TESTS)], plugins=[recorder])
    cases = [("tests", child, as_of) for child, as_of in recorder.seen.values()]
    cases += [("demo home", child, day) for day in DEMO_DAYS for child in demo_children(day)]
    Path(out).write_bytes(pickle.dumps(cases))
    print(f"recorded {len(cases)} (child, day) pairs in {out}")


def statuses(children_file: str, out: str) -> None:
    from immudesk.states import evaluate_child

    rows = []
    for origin, child, as_of in pickle.loads(Path(children_file).read_bytes()):
        status = evaluate_child(child, "MN", as_of)
        rows.append({"origin": origin, "name": child.name, "birth_date": child.birth_date.isoformat(),
                     "as_of": as_of.isoformat(), "status": status.status, "missing": sorted(status.missing),
                     "due_date": status.due_date.isoformat() if status.due_date else None,
                     "pcv": sorted(f"{d.given_on.isoformat()}:{d.product or '-'}" for d in child.doses
                                   if d.vaccine_group == "PCV")})
    Path(out).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"{len(rows)} MN statuses in {out} (code from {sys.modules['immudesk'].__file__})")


def compare(before_file: str, after_file: str) -> int:
    before = json.loads(Path(before_file).read_text(encoding="utf-8"))
    after = json.loads(Path(after_file).read_text(encoding="utf-8"))
    changed = other = 0
    for old, new in zip(before, after, strict=True):
        moved = [k for k in ("status", "missing", "due_date") if old[k] != new[k]]
        if moved:
            changed += 1
            # The unnamed-PCV fix may only ever take PCV off the missing groups (and so move the status and the
            # due date with it); anything else is a change to explain.
            dropped = set(old["missing"]) - set(new["missing"])
            if dropped != {"PCV"} and not (dropped == set() and old["missing"] == new["missing"]) \
                    or not set(new["missing"]) <= set(old["missing"]):
                other += 1
                print("  ** not explained by PCV alone:")
            print(f"{old['origin']}: {old['name']} (born {old['birth_date']}, as of {old['as_of']}, PCV {old['pcv']})")
            for key in moved:
                print(f"    {key}: {old[key]} -> {new[key]}")
    print(f"{changed} of {len(before)} (child, day) pairs changed; {other} of them other than by PCV leaving "
          f"the missing groups")
    return changed


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "collect":
        collect(args[0], args[1:])
    elif command == "statuses":
        statuses(*args)
    elif command == "compare":
        compare(*args)
    else:
        raise SystemExit(__doc__)
