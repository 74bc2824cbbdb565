"""Virginia worked by hand, as of 2026-11-21, from 12VAC5-110-70 (the doses appropriate for the child's age under
the immunization schedules) and 12VAC5-110-10 (conditional enrollment: 90 days, at least one dose of each required
vaccine). immudesk: a dose is late from ACIP's past-due date (CDSi: latest recommended age or interval - 1 day);
conditional enrollment through enrollment + 90 days when every late vaccine has been started; medical and
religious exemptions. Hepatitis A is not checked (to verify)."""
from __future__ import annotations

import pytest
from state_roster import P20, check_worked_by_hand, shots, statuses_by_name
from test_states_records import child, d, dose, routine


AS_OF = "2026-11-21"
ALL = ("DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella")


def one_of_each(when: str) -> list:
    return shots(when, ALL)


def roster():
    a = AS_OF
    return [
        # Amy, 14 months, every usual dose: adequately immunized.
        child("Amy Ash", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20)),
        # Ben enrolled 2026-10-01 with no record: nothing started, so no conditional enrollment. Not in compliance.
        child("Ben Bell", "2025-01-01", "2026-10-01"),
        # Cal got one dose of each on 2026-10-02, the day after enrolling: conditional enrollment through
        # 2026-12-30 (90 days), 39 days left, though DTaP, polio and hepatitis B dose 2 are past due since 2026-10-30.
        child("Cal Cole", "2025-01-01", "2026-10-01", one_of_each("2026-10-02")),
        # Dee started everything on her first day, 2026-08-01, at 22 months: the 90 days ended 2026-10-30. Not in
        # compliance. Started at 12-23 months, PCV needs a second dose 8 weeks later (ACIP catch-up): also late.
        child("Dee Dunn", "2024-10-01", "2026-08-01", one_of_each("2026-08-01")),
        # Eve, 2 years 10 months: a notarized religious exemption, no doses. Religious exemption.
        child("Eve Eng", "2024-01-01", "2024-03-01", religious=True),
        # Fay, 2 years 10 months: a physician's medical exemption from MMR. Medical exemption.
        child("Fay Fox", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20), medical=("MMR",)),
        # Gus: a conscientious statement; Virginia knows religious and medical exemptions only. Not in compliance.
        child("Gus Gray", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20),
              conscientious=("all",)),
        # Hal, 5 years 2 months: no Hib or PCV (required up to 60 months only). Adequately immunized.
        child("Hal Hunt", "2021-09-01", "2025-09-01", routine("2021-09-01", a, skip=("Hib", "PCV"))),
        # Ida enrolled 2026-08-23 and started everything that day (at 22 months, so PCV needs a second dose too):
        # today is the 90th day. Conditional, 0 days left.
        child("Ida Ives", "2024-10-01", "2026-08-23", one_of_each("2026-08-23")),
        # Joy turns 2 months today with only the birth hepatitis B: nothing is past due. Adequately immunized.
        child("Joy Jay", "2026-09-21", "2026-11-02", [dose("HepB", "2026-09-21")]),
        # Kim, 3 years, no hepatitis A: not checked in Virginia. Adequately immunized.
        child("Kim Kerr", "2023-11-01", "2024-01-08", routine("2023-11-01", a, pcv=P20)),
    ]


ALL7 = list(ALL)
EXPECTED = {
    "Amy Ash": ("up_to_date", [], None, "Every dose Virginia requires"),
    "Ben Bell": ("not_up_to_date", ALL7, None, "never started, so there is no time allowed"),
    "Cal Cole": ("in_process", ["DTaP", "Polio", "HepB"], 39, "Conditional enrollment: 39 days left; the last day is Dec 30, 2026"),
    "Dee Dunn": ("not_up_to_date", ["DTaP", "Polio", "HepB", "PCV"], None,
                 "Not in compliance: the 90 calendar days after enrolling to finish a started series ended Oct 30, 2026"),
    "Eve Eng": ("religious_exemption", ALL7, None, "A religious exemption is on file"),
    "Fay Fox": ("medical_exemption", ["MMR"], None, "A medical exemption is on file"),
    "Gus Gray": ("not_up_to_date", ["MMR"], None, "Virginia does not recognize it"),
    "Hal Hunt": ("up_to_date", [], None, "Every dose Virginia requires"),
    "Ida Ives": ("in_process", ["DTaP", "Polio", "HepB", "PCV"], 0, "the last day is Nov 21, 2026"),
    "Joy Jay": ("up_to_date", [], None, "Every dose Virginia requires"),
    "Kim Kerr": ("up_to_date", [], None, "Every dose Virginia requires"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "VA", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])


def test_who_may_not_attend(statuses):
    assert sorted(n for n, s in statuses.items() if s.must_exclude) == ["Ben Bell", "Dee Dunn", "Gus Gray"]
