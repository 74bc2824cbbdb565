"""Illinois worked by hand, as of 2026-11-21, from 77 Ill. Adm. Code 665.240(b) (immunized or in the process of
being immunized according to the recommended schedule), 410 ILCS 315/1.5 (pneumococcal under 2 years) and
89 Ill. Adm. Code 406.14/406.24 (day care homes: the medical report on the first day of care, valid 2 years).
immudesk: no time after the first day; a child is in the process while no ACIP dose is past due (CDSi: latest
recommended age or interval - 1 day; DTaP etc. dose 1: 3 months + 4 weeks - 1 day; a catch-up dose 2: 4 weeks
after dose 1 - 1 day; MMR dose 1: 16 months + 4 weeks - 1 day)."""
from __future__ import annotations

import pytest
from state_roster import P20, check_worked_by_hand, shots, statuses_by_name
from test_states_records import child, d, dose, routine

from immudesk.states.record_updates import records_to_request

AS_OF = "2026-11-21"
ALL = ("DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella")


def roster():
    a = AS_OF
    return [
        # Amy, 14 months, every usual dose: immunized.
        child("Amy Ash", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20)),
        # Ben started 2026-11-10 with no record: no days allowed. Not in compliance, may not attend.
        child("Ben Bell", "2025-01-01", "2026-11-10"),
        # Cy, 4 months 20 days, only the 2-month shots: dose 2 is not past due until 2026-12-28. In process, so
        # immunized in Illinois's sense.
        child("Cy Dale", "2026-07-01", "2026-08-15", [dose("HepB", "2026-07-01"), dose("HepB", "2026-08-01")]
              + shots("2026-09-01")),
        # Dov, 6 months 20 days, only the 2-month shots: dose 2 has been past due since 2026-10-28 (5 months +
        # 4 weeks - 1 day from his birth on 2026-05-01). Not in compliance.
        child("Dov Eck", "2026-05-01", "2026-07-01", [dose("HepB", "2026-05-01"), dose("HepB", "2026-06-01")]
              + shots("2026-07-01")),
        # Eve, 2 years 10 months: religious objection on file, no doses. Religious exemption (PCV is not asked
        # at her age).
        child("Eve Eng", "2024-01-01", "2024-03-01", religious=True),
        # Fay, 2 years 10 months: medical exemption from MMR. Medical exemption.
        child("Fay Fox", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20), medical=("MMR",)),
        # Gus started every series on 2026-10-02 at 21 months; DTaP, polio and hepatitis B dose 2 past due since
        # 2026-10-30. Not in compliance.
        child("Gus Gray", "2025-01-01", "2026-10-01", shots("2026-10-02", ALL)),
        # Pat, 3 years 5 months, never had PCV: Illinois asks it only under 2 years. Immunized.
        child("Pat Hay", "2023-06-01", "2024-01-01", routine("2023-06-01", a, skip=("PCV",))),
        # Ida turns 2 months today with only the birth hepatitis B: nothing past due. Immunized.
        child("Ida Ives", "2026-09-21", "2026-11-02", [dose("HepB", "2026-09-21")]),
        # Jon, 17 months: MMR 3 days before the first birthday counts (4-day grace). Immunized.
        child("Jon Jay", "2025-06-01", "2025-08-01", routine("2025-06-01", a, skip=("MMR", "Varicella"), pcv=P20)
              + [dose("MMR", "2026-05-29"), dose("Varicella", "2026-05-29")]),
    ]


EXPECTED = {
    "Amy Ash": ("up_to_date", [], None, "Every dose Illinois requires"),
    "Ben Bell": ("not_up_to_date", list(ALL), None, "Not in compliance: Illinois allows no time"),
    "Cy Dale": ("up_to_date", [], None, "Next: from Dec 28, 2026"),
    "Dov Eck": ("not_up_to_date", ["DTaP", "Polio", "Hib", "PCV"], None, "DTaP: dose 2 is past due since Oct 28, 2026"),
    "Eve Eng": ("religious_exemption", ["DTaP", "Polio", "Hib", "HepB", "MMR", "Varicella"], None, "A religious exemption is on file"),
    "Fay Fox": ("medical_exemption", ["MMR"], None, "A medical exemption is on file"),
    "Gus Gray": ("not_up_to_date", ["DTaP", "Polio", "HepB"], None, "DTaP: dose 2 is past due since Oct 30, 2026"),
    "Pat Hay": ("up_to_date", [], None, "Every dose Illinois requires"),
    "Ida Ives": ("up_to_date", [], None, "Every dose Illinois requires"),
    "Jon Jay": ("up_to_date", [], None, "Every dose Illinois requires"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "IL", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])


def test_the_medical_report_is_renewed_every_two_years():
    # Pat's newest dose is the 15-month DTaP, 2024-09-01: the report is due again 2026-09-01 (overdue).
    due = {r.child.name: r.due for r in records_to_request(roster(), "IL", d(AS_OF))}
    assert due.get("Pat Hay") == d("2026-09-01")
