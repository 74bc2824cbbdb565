"""California worked by hand from 17 CCR 6025 Table A (doses by age when admitted) and its note 1 (proof no more
than 30 days after a child becomes subject to a further requirement by age), as of 2026-11-21.

Table A: 2 through 3 months 1 polio, 1 DTaP, 1 HepB, 1 Hib; 4 through 5 months 2 of each; 6 through 14 months
2 polio, 3 DTaP, 2 HepB, 2 Hib; 15 through 17 months 3 polio, 3 DTaP, 2 HepB, 1 varicella, and on or after the
1st birthday 1 Hib and 1 MMR; 18 months through 5 years 3 polio, 4 DTaP, 3 HepB, 1 varicella, 1 Hib and 1 MMR on
or after the 1st birthday. Only the medical exemption is recognized (docs/state-rules.md).
"""
from __future__ import annotations

from datetime import date

import pytest
from state_roster import check_worked_by_hand, statuses_by_name
from test_states_records import child, d, dose, routine

from immudesk.model import Exemption

AS_OF = "2026-11-21"


def roster():
    a = AS_OF
    expired = child("Jon Kerr", "2025-03-01", "2025-06-01", routine("2025-03-01", a, skip=("MMR",)))
    expired.exemptions.append(Exemption("medical", ("MMR",), date(2025, 6, 1), date(2026, 10, 1)))
    return [
        # Ana turns 2 months today: the first row applies from today and she has only the birth HepB. Polio,
        # DTaP and Hib are missing since today; note 1 gives her until 2026-12-21. Conditional admission, 30 days.
        child("Ana Bell", "2026-09-21", "2026-10-01", [dose("HepB", "2026-09-21")]),
        # Ben turns 15 months today with every usual dose (Hib booster at 12 months, MMR and varicella at 12
        # months, the 4th DTaP today). The 15-month row is met. All required immunizations.
        child("Ben Cole", "2025-08-21", "2025-11-01", routine("2025-08-21", a)),
        # Cal, 16 months: three infant Hib doses and no Hib on or after the first birthday. The 15-month row has
        # asked for one since 2026-10-21; 30 days ended 2026-11-20. Overdue, may not attend.
        child("Cal Dunn", "2025-07-21", "2025-09-01",
              routine("2025-07-21", a, skip=("Hib",)) + [dose("Hib", x, "ActHIB")
                                                         for x in ("2025-09-21", "2025-11-21", "2026-01-21")]),
        # Dee, 16 months: the Hib booster was given 3 days before the first birthday; within the 4-day grace
        # it is "on or after the 1st birthday". All required immunizations.
        child("Dee Eng", "2025-07-21", "2025-09-01",
              routine("2025-07-21", a, skip=("Hib",)) + [dose("Hib", x, "ActHIB") for x in
                                                         ("2025-09-21", "2025-11-21", "2026-01-21", "2026-07-18")]),
        # Eli, 17 months: MMR 6 days before the first birthday does not count (outside the 4-day grace);
        # varicella a month after it. MMR missing since 15 months (2026-09-01); 30 days ended 2026-10-01.
        child("Eli Fox", "2025-06-01", "2025-08-01",
              routine("2025-06-01", a, skip=("MMR", "Varicella"))
              + [dose("MMR", "2026-05-26"), dose("Varicella", "2026-07-01")]),
        # Fay, 3 years: a medical exemption from every vaccine, no doses. Medical exemption.
        child("Fay Gill", "2023-11-01", "2024-02-01", medical=("all",)),
        # Gus, 2 years 10 months: a religious exemption, no MMR. California does not recognize it (it is named
        # and not counted); MMR missing since 15 months. Overdue.
        child("Gus Hale", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR",)), religious=True),
        # Hana turns 18 months today with 3 DTaP: the 18-month row asks 4 from today. Conditional admission,
        # 30 days left (last day 2026-12-21).
        child("Hana Ito", "2025-05-21", "2025-08-01", routine("2025-05-21", a, skip=("DTaP",))
              + [dose("DTaP", x) for x in ("2025-07-21", "2025-09-21", "2025-11-21")]),
        # Ivy, 10 months, admitted yesterday with 2 DTaP: the 6-month row has asked for 3 since 2026-07-15, so
        # the 30 days ended 2026-08-14 before she came. Overdue (Table C's conditional schedule: to verify).
        child("Ivy Jax", "2026-01-15", "2026-11-20",
              [dose("HepB", "2026-01-15"), dose("HepB", "2026-02-15")]
              + [dose(g, x, "ActHIB" if g == "Hib" else None) for g in ("DTaP", "Polio", "Hib")
                 for x in ("2026-03-15", "2026-05-15")]),
        # Jon, 20 months: a temporary medical exemption from MMR expired 2026-10-01; no MMR. Not in force, so
        # MMR has been missing since 15 months. Overdue.
        expired,
        # Kim, 2 years: chickenpox documented instead of the varicella dose. All required immunizations.
        child("Kim Lee", "2024-11-01", "2025-01-06", routine("2024-11-01", a, skip=("Varicella",)),
              chickenpox="2025-10-01"),
    ]


EXPECTED = {
    "Ana Bell": ("in_process", ["DTaP", "Polio", "Hib"], 30, "Conditional admission: 30 days left; the last day is Dec 21, 2026"),
    "Ben Cole": ("up_to_date", [], None, "Every dose California requires"),
    "Cal Dunn": ("not_up_to_date", ["Hib"], None, "only doses given at 12 months of age or later count"),
    "Dee Eng": ("up_to_date", [], None, "Every dose California requires"),
    "Eli Fox": ("not_up_to_date", ["MMR"], None, "Overdue: the 30 calendar days after the dose became due ended Oct 1, 2026"),
    "Fay Gill": ("medical_exemption", ["DTaP", "Polio", "Hib", "HepB", "MMR", "Varicella"], None, "medical exemption is on file"),
    "Gus Hale": ("not_up_to_date", ["MMR"], None, "California does not recognize it"),
    "Hana Ito": ("in_process", ["DTaP"], 30, "DTaP: 4 valid doses needed at this age, 3 on record"),
    "Ivy Jax": ("not_up_to_date", ["DTaP"], None, "ended Aug 14, 2026"),
    "Jon Kerr": ("not_up_to_date", ["MMR"], None, "not in force on Nov 21, 2026"),
    "Kim Lee": ("up_to_date", [], None, "Every dose California requires"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "CA", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])


def test_overdue_children_may_not_attend_and_the_others_may(statuses):
    assert sorted(n for n, s in statuses.items() if s.must_exclude) == [
        "Cal Dunn", "Eli Fox", "Gus Hale", "Ivy Jax", "Jon Kerr"]


def test_eli_is_told_why_his_mmr_does_not_count(statuses):
    assert any("MMR dose of May 26, 2026" in r and "first birthday" in r for r in statuses["Eli Fox"].reasons)
