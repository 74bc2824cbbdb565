"""New York worked by hand, as of 2026-11-21, from Public Health Law 2164 and 10 NYCRR 66-1.4 (not more than 14
days without evidence of the age-appropriate immunizations), 18 NYCRR 417.11 (family day care homes) and the
Department of Health's chart (pre-kindergarten: age-appropriate by the ACIP schedule). immudesk: in process
through the 14th day after the first day of attendance; afterwards a dose is late from ACIP's past-due date
(CDSi: latest recommended age or interval - 1 day; DTaP, polio, Hib, PCV dose 1: 3 months + 4 weeks - 1 day;
MMR dose 1: 16 months + 4 weeks - 1 day; a catch-up dose 2: 4 weeks after dose 1 - 1 day). Medical exemption only.
"""
from __future__ import annotations

import pytest
from state_roster import P20, check_worked_by_hand, shots, statuses_by_name
from test_states_records import child, dose, routine

AS_OF = "2026-11-21"
ALL = ("DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella")


def roster():
    a = AS_OF
    return [
        # Amy, 14 months, every usual dose: fully immunized.
        child("Amy Ash", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20)),
        # Ben started 2026-11-10 with no record: day 11 of 14, 3 days left (last day 2026-11-24).
        child("Ben Bell", "2025-01-01", "2026-11-10"),
        # Cal started 2026-10-01 with no record: the 14 days ended 2026-10-15. Not in compliance.
        child("Cal Cole", "2025-01-01", "2026-10-01"),
        # Dee started 2026-11-07: today is the 14th day, 0 days left.
        child("Dee Dunn", "2025-01-01", "2026-11-07"),
        # Eve, 2 years 10 months: a physician's medical exemption from MMR. Medical exemption.
        child("Eve Eng", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20), medical=("MMR",)),
        # Fay: a religious exemption, no longer recognized in New York (2019). MMR missing. Not in compliance.
        child("Fay Fox", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20), religious=True),
        # Gus got the first dose of each series the day after starting (2026-10-02); dose 2 of DTaP, polio and
        # hepatitis B has been past due since 2026-10-30 and his 14 days are over. Not in compliance.
        child("Gus Gray", "2025-01-01", "2026-10-01", shots("2026-10-02", ALL)),
        # Hal, 5 years 2 months: no Hib or PCV (not after 5 years). Fully immunized.
        child("Hal Hunt", "2021-09-01", "2025-09-01", routine("2021-09-01", a, skip=("Hib", "PCV"))),
        # Ida turns 2 months today with only the birth hepatitis B: nothing past due. Fully immunized.
        child("Ida Ives", "2026-09-21", "2026-11-02", [dose("HepB", "2026-09-21")]),
        # Jon, 17 months: MMR 6 days before the first birthday does not count; past due since 2026-10-28.
        child("Jon Jay", "2025-06-01", "2025-08-01", routine("2025-06-01", a, skip=("MMR", "Varicella"), pcv=P20)
              + [dose("MMR", "2026-05-26"), dose("Varicella", "2026-07-01")]),
    ]


EXPECTED = {
    "Amy Ash": ("up_to_date", [], None, "Every dose New York requires"),
    "Ben Bell": ("in_process", list(ALL), 3, "Within the 14 days: 3 days left; the last day is Nov 24, 2026"),
    "Cal Cole": ("not_up_to_date", list(ALL), None,
                 "Not in compliance: the 14 calendar days to bring the record up to date ended Oct 15, 2026"),
    "Dee Dunn": ("in_process", list(ALL), 0, "the last day is Nov 21, 2026"),
    "Eve Eng": ("medical_exemption", ["MMR"], None, "A medical exemption is on file"),
    "Fay Fox": ("not_up_to_date", ["MMR"], None, "New York does not recognize it"),
    "Gus Gray": ("not_up_to_date", ["DTaP", "Polio", "HepB"], None, "DTaP: dose 2 is past due since Oct 30, 2026"),
    "Hal Hunt": ("up_to_date", [], None, "Every dose New York requires"),
    "Ida Ives": ("up_to_date", [], None, "Every dose New York requires"),
    "Jon Jay": ("not_up_to_date", ["MMR"], None, "MMR: dose 1 is past due since Oct 28, 2026"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "NY", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])


def test_jon_is_told_why_his_mmr_does_not_count(statuses):
    assert any("MMR dose of May 26, 2026" in r and "first birthday" in r for r in statuses["Jon Jay"].reasons)
