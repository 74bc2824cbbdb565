"""Pennsylvania worked by hand, as of 2026-11-21, from 28 Pa. Code 27.77(a): a child 2 months or older may not be
kept more than 60 days without a written verification of the ACIP vaccines (or a religious objection, or a
medical reason); after that, further verifications as vaccines come due. immudesk: in process through the 60th
day after the first day of attendance; afterwards a dose is late from ACIP's past-due date (CDSi: latest
recommended age or interval - 1 day; DTaP, polio, Hib, PCV dose 1: 3 months + 4 weeks - 1 day; MMR dose 1:
16 months + 4 weeks - 1 day; DTaP dose 2: 5 months + 4 weeks - 1 day).
"""
from __future__ import annotations

import pytest
from state_roster import P20, check_worked_by_hand, shots, statuses_by_name
from test_states_records import child, d, dose, routine

from immudesk.states import evaluate_roster, report_period

AS_OF = "2026-11-21"
def roster():
    a = AS_OF
    return [
        # Amy, 14 months, every usual dose: up to date.
        child("Amy Bird", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20)),
        # Ben started 2026-10-01 with no record: everything past due, but day 51 of 60: in process, 9 days left.
        child("Ben Cruz", "2025-01-01", "2026-10-01"),
        # Cat started 2026-09-01 with no record: the 60 days ended 2026-10-31. Not up to date, may not attend.
        child("Cat Dorn", "2025-01-01", "2026-09-01"),
        # Dov, 8 months: the 60 days from 2026-04-15 ended long ago; DTaP, polio, Hib and PCV dose 2 have been
        # past due since 2026-08-28. Not up to date.
        child("Dov Ems", "2026-03-01", "2026-04-15",
              [dose("HepB", "2026-03-01"), dose("HepB", "2026-04-01")] + shots("2026-05-01")),
        # Eda, 2 years 10 months: the parent's written religious objection, no doses. Religious exemption.
        child("Eda Fay", "2024-01-01", "2025-01-01", religious=True),
        # Fox, 2 years 10 months: a physician's verification that MMR was not given for a medical reason.
        child("Fox Gale", "2024-01-01", "2025-01-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20),
              medical=("MMR",)),
        # Gil started 2026-09-22 without MMR (past due since 2026-09-28): today is the 60th day. In process,
        # 0 days left; tomorrow he may not attend.
        child("Gil Hay", "2025-05-01", "2026-09-22", routine("2025-05-01", a, skip=("MMR",), pcv=P20)),
        # Hope, 2 years 6 months: a notarized conscientious statement; Pennsylvania's rule names religious and
        # medical reasons only, so it is not counted and MMR is missing. Not up to date.
        child("Hope Ivy", "2024-05-01", "2024-09-01", routine("2024-05-01", a, skip=("MMR",), pcv=P20),
              conscientious=("all",)),
        # Ian, 17 months: MMR 3 days before the first birthday counts under the 4-day grace. Up to date.
        child("Ian Jok", "2025-06-01", "2025-08-01",
              routine("2025-06-01", a, skip=("MMR", "Varicella"), pcv=P20)
              + [dose("MMR", "2026-05-29"), dose("Varicella", "2026-05-29")]),
        # Joy turns 2 months today with only the birth HepB: nothing is past due yet. Up to date.
        child("Joy Kay", "2026-09-21", "2026-11-02", [dose("HepB", "2026-09-21")]),
    ]


EXPECTED = {
    "Amy Bird": ("up_to_date", [], None, "Every dose Pennsylvania requires"),
    "Ben Cruz": ("in_process", ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella"], 9,
                 "Within the 60 days: 9 days left; the last day is Nov 30, 2026"),
    "Cat Dorn": ("not_up_to_date", ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella"], None,
                 "the 60 calendar days to bring the record up to date ended Oct 31, 2026"),
    "Dov Ems": ("not_up_to_date", ["DTaP", "Polio", "Hib", "PCV"], None, "DTaP: dose 2 is past due since Aug 28, 2026"),
    "Eda Fay": ("religious_exemption", ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella"], None,
                "A religious exemption is on file"),
    "Fox Gale": ("medical_exemption", ["MMR"], None, "A medical exemption is on file"),
    "Gil Hay": ("in_process", ["MMR"], 0, "the last day is Nov 21, 2026"),
    "Hope Ivy": ("not_up_to_date", ["MMR"], None, "Pennsylvania does not recognize it"),
    "Ian Jok": ("up_to_date", [], None, "Every dose Pennsylvania requires"),
    "Joy Kay": ("up_to_date", [], None, "Every dose Pennsylvania requires"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "PA", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])


def test_the_day_after_the_60th_gil_may_not_attend():
    gil = next(c for c in roster() if c.first_name == "Gil")
    status = evaluate_roster([gil], "PA", d("2026-11-22"))[0]
    assert (status.status, status.must_exclude) == ("not_up_to_date", True)


def test_the_survey_date_is_known_for_2024_and_projected_after():
    assert report_period("PA", d("2024-10-01")).due_date == d("2024-10-31")
    projected = report_period("PA", d(AS_OF))
    assert (projected.due_date, projected.projected) == (d("2027-10-31"), True)
    assert "to verify" in projected.label()
