"""Benchmark of the ACIP engine: how many children per second immudesk.acip.evaluate gets through.

Synthetic children (fixed seed) with realistic child-care histories: the routine schedule at 0-4 years with
jitter, combination vaccines (Pediarix, Pentacel, Vaxelis, MMRV) some of the time, a few missed or early doses,
assessed at 2-5 years of age. bench/run.py imports rows(); `python bench/bench_acip.py [N]` prints them too.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from immudesk import dates
from immudesk.acip import AdministeredDose, evaluate, tables

# (age in months at the visit, what a clinic usually gives then); each entry is a list of alternatives.
_VISITS = [
    (0, [["08"]]),
    (2, [["110", "48", "133"], ["120", "08", "133"], ["146", "133"], ["20", "10", "49", "08", "133"]]),
    (4, [["110", "48", "133"], ["120", "133"], ["146", "133"], ["20", "10", "49", "133"]]),
    (6, [["110", "48", "133"], ["120", "08", "133"], ["146", "133"], ["20", "10", "08", "133"]]),
    (12, [["03", "21", "83", "48", "133"], ["94", "83", "49", "133"], ["03", "21", "83", "133", "48"]]),
    (15, [["20", "48"], ["120"], ["106", "133"]]),
    (18, [["83"], ["83", "08"]]),
    (48, [["130", "94"], ["20", "10", "03", "21"]]),
]


def synthetic_children(n: int, seed: int = 20251110) -> list[tuple[date, list[AdministeredDose], date]]:
    rng = random.Random(seed)
    children = []
    for _ in range(n):
        birth = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 6 * 365))
        assessment = dates.add(birth, months=rng.randrange(24, 61), days=rng.randrange(0, 28))
        doses = []
        for months, choices in _VISITS:
            if rng.random() < 0.08:          # a missed visit now and then
                continue
            visit = dates.add(birth, months=months, days=rng.randrange(-5, 21) if months else 0)
            if visit > assessment:
                break
            for cvx in rng.choice(choices):
                doses.append(AdministeredDose(visit, cvx))
        children.append((birth, doses, assessment))
    return children


def _time_once(children, clock=time.perf_counter) -> float:
    start = clock()
    for birth, doses, assessment in children:
        evaluate(birth, doses, assessment)
    return clock() - start


def rows(n: int, repeats: int = 3) -> list[tuple[str, float, str]]:
    """(label, seconds, note) for bench/run.py: evaluating n synthetic children.

    Rows: the first run including loading the rule tables (a fresh process's first call); the best of
    `repeats` wall-clock runs once they are loaded (best-of, like timeit, so other work on the machine counts as
    little as it can); and the best of `repeats` in process CPU time, which stays meaningful on a busy machine.
    """
    children = synthetic_children(n)
    average = sum(len(d) for _, d, _ in children) / max(n, 1)
    start = time.perf_counter()
    tables.load()                             # what the app does once at start-up
    load_seconds = time.perf_counter() - start
    first = _time_once(children) + load_seconds
    best = min([first - load_seconds] + [_time_once(children) for _ in range(repeats - 1)])
    cpu = min(_time_once(children, time.process_time) for _ in range(repeats))
    label = f"ACIP evaluate, {n:,} children (~{average:.0f} doses each)"
    whole = _whole_process(children)
    return [(f"{label}, first run incl. table load", first, f"{n / first:,.0f} children/s"),
            (f"{label}, best of {repeats}", best, f"{n / best:,.0f} children/s"),
            (f"{label}, CPU time, best of {repeats}", cpu, f"{n / cpu:,.0f} children/s"),
            (f"`immudesk evaluate` whole process, {n:,} JSON lines", whole,
             f"{n / whole:,.0f} children/s incl. start-up and JSON; goal >= 2,000")]


def _whole_process(children) -> float:
    """Wall-clock time of a real `immudesk evaluate` process over the children as JSON Lines (INTERFACES.md):
    interpreter start, table load, reading, evaluating and writing every line."""
    import json
    import subprocess

    lines = "".join(json.dumps({"id": str(i), "birth_date": birth.isoformat(), "assessment_date": on.isoformat(),
                                "doses": [{"date": d.date.isoformat(), "cvx": d.cvx} for d in doses]}) + "\n"
                    for i, (birth, doses, on) in enumerate(children))
    root = Path(__file__).resolve().parent.parent
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "immudesk", "evaluate"], input=lines, capture_output=True,
                          text=True, cwd=root, check=True)
    seconds = time.perf_counter() - start
    answers = done.stdout.splitlines()
    if len(answers) != len(children) or any('"error"' in a[:40] for a in answers):
        raise RuntimeError("immudesk evaluate did not answer every line without error")
    return seconds


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    for label, seconds, note in rows(count):
        print(f"{label}: {seconds:.3f} s ({note})")
