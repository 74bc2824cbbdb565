"""The ACIP engine's speed shortcuts give exactly the answers of the plain CDSi algorithm.

Shortcuts: leaving out series no dose can open, evaluating twin antigens (diphtheria/tetanus, measles/mumps/
rubella) once, dismissing age-gated skip checks early. Each is argued from the spec in the code; this test
checks the argument on thousands of varied records, with immudesk.acip.engine.SHORTCUTS switched off.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from immudesk import dates
from immudesk.acip import AdministeredDose, engine, evaluate

# Every child-care CVX plus a few adult and historical products, so adult and catch-up series get exercised.
CVX_CODES = ["08", "110", "120", "146", "48", "49", "17", "133", "216", "215", "100", "10", "20", "107", "106",
             "130", "115", "09", "28", "03", "94", "21", "83", "52", "104", "43", "189", "51", "50", "148", "33",
             "05", "06", "07", "149", "85", "193", "31", "45"]
# Hepatitis A and B products only, so the adult HepA series of data 4.65 (Twinrix 104, adult 52) and the
# combined pediatric HepA-HepB (193) meet histories long enough to complete them.
HEPATITIS_CVX = ["83", "52", "104", "85", "31", "193", "08", "43", "45", "189", "110"]


def random_children(count: int, seed: int, codes: list[str] = CVX_CODES):
    rng = random.Random(seed)
    for _ in range(count):
        birth = date(1990, 1, 1) + timedelta(days=rng.randrange(0, 35 * 365))
        age_days = rng.choice([rng.randrange(0, 800), rng.randrange(0, 2200), rng.randrange(0, 7000)])
        assessment = birth + timedelta(days=age_days)
        doses = []
        for _ in range(rng.randrange(0, 16)):
            given = birth + timedelta(days=rng.randrange(0, age_days + 1))
            doses.append(AdministeredDose(given, rng.choice(codes)))
        # Realistic runs too: monthly visits with the usual products.
        if rng.random() < 0.5:
            for months in (0, 2, 4, 6, 12, 15, 18, 48):
                given = dates.add(birth, months=months, days=rng.randrange(-6, 10) if months else 0)
                if given <= assessment and rng.random() < 0.85:
                    doses.append(AdministeredDose(given, rng.choice(["110", "120", "146", "20", "03", "94", "21", "133", "48", "49", "08"])))
        yield birth, doses, assessment


@pytest.mark.parametrize("seed, codes", [(1, CVX_CODES), (2, CVX_CODES), (3, CVX_CODES), (4, CVX_CODES),
                                         (5, HEPATITIS_CVX), (6, HEPATITIS_CVX)])
def test_shortcuts_never_change_an_answer(seed, codes, monkeypatch):
    children = list(random_children(400, seed, codes))
    fast = [evaluate(*child) for child in children]
    monkeypatch.setattr(engine, "SHORTCUTS", False)
    plain = [evaluate(*child) for child in children]
    for child, quick, slow in zip(children, fast, plain):
        assert quick == slow, child
