"""Washington worked by hand, as of 2026-11-21: WAC 246-105-040 (ACIP ages and intervals) and 246-105-060
(fully immunized / conditional / out of compliance / exempt; each missing dose within 30 calendar days past its
recommended date, or of the first day of attendance for a child already behind when enrolling), RCW 28A.210.090
(no personal exemption from MMR), and one MMR dose for child care (DCYF, 2019).

ACIP's recommended ages used below (CDSi): DTaP, polio, Hib, PCV dose 2 at 4 months and dose 3 at 6 months;
HepB dose 3 at 6 months; MMR and varicella dose 1 at 12 months (28 days after another live vaccine when not
given the same day); Hib and PCV dose 4 at 12 months; DTaP 5, polio 4 and varicella 2 at 4 years.
"""
from __future__ import annotations

import pytest
from state_roster import P20, check_worked_by_hand, shots, statuses_by_name
from test_states_records import child, d, dose, routine

from immudesk.states.outbreak import susceptible

AS_OF = "2026-11-21"
def roster():
    a = AS_OF
    return [
        # Ava, 14 months, every usual dose: fully immunized; next DTaP dose 4 recommended at 15 months.
        child("Ava Berg", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20)),
        # Bo, 5 months 20 days, only the 2-month shots: dose 2 was recommended at 4 months (2026-10-01); the 30
        # days past it ended 2026-10-31. Out of compliance.
        child("Bo Carr", "2026-06-01", "2026-08-01",
              [dose("HepB", "2026-06-01"), dose("HepB", "2026-07-01")] + shots("2026-08-01")),
        # Cy, 4 months 20 days, only the 2-month shots: dose 2 recommended 2026-11-01; conditional through
        # 2026-12-01, 10 days left.
        child("Cy Dale", "2026-07-01", "2026-08-15",
              [dose("HepB", "2026-07-01"), dose("HepB", "2026-08-01")] + shots("2026-09-01")),
        # Dan enrolled today at 17 months without MMR: it has been due since 2026-06-29 (28 days after the
        # varicella dose), but he was already behind when enrolling, so he has 30 days from today: conditional,
        # 30 days, last day 2026-12-21.
        child("Dan Eve", "2025-06-01", "2026-11-21", routine("2025-06-01", a, skip=("MMR",), pcv=P20)),
        # Eve, 2 years 10 months: a personal exemption from all vaccines and no MMR. The personal exemption may
        # not cover MMR, due since 2025-01-29; the 30 days from her first day (2026-01-01) ended 2026-01-31.
        # She is counted as exempt, but may not attend.
        child("Eve Falk", "2024-01-01", "2026-01-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20),
              conscientious=("all",)),
        # Fin, 3 years: a religious exemption from all vaccines and no doses. Exempt (religious).
        child("Fin Gray", "2023-11-01", "2024-01-08", religious=True),
        # Gia, 2 years 1 month: a medical exemption from MMR; every other dose on time. Exempt (medical).
        child("Gia Hunt", "2024-10-01", "2025-01-01", routine("2024-10-01", a, skip=("MMR",), pcv=P20),
              medical=("MMR",)),
        # Hal, 5 years 2 months: no Hib or PCV (not asked from 5 years), one MMR (all child care asks), but no
        # 4-year DTaP, polio or varicella dose: recommended 2025-09-01, 30 days ended 2025-10-01. Out of
        # compliance (the 4-year doses in child care are to verify).
        child("Hal Ives", "2021-09-01", "2025-09-01", routine("2021-09-01", a, skip=("Hib", "PCV"))),
        # Ida, 5 months 20 days: her 4-month shots came 26 days after the 2-month ones (4 weeks less 2 days):
        # valid under the 4-day grace. Fully immunized; dose 3 recommended 2026-12-01.
        child("Ida Jung", "2026-06-01", "2026-08-01",
              [dose("HepB", "2026-06-01"), dose("HepB", "2026-07-01")] + shots("2026-08-01") + shots("2026-08-27")),
        # Jo turns 12 months today with the infant doses only: Hib 4, PCV 4, MMR and varicella are recommended
        # from today. Conditional, 30 days.
        child("Jo Kern", "2025-11-21", "2026-01-05",
              routine("2025-11-21", a, skip=("Hib", "PCV", "MMR", "Varicella"))
              + shots("2026-01-21")[2:] + shots("2026-03-21")[2:] + shots("2026-05-21")[2:]),
        # Kit, 2 years: chickenpox documented by her doctor instead of the varicella dose. Fully immunized.
        child("Kit Lowe", "2024-11-01", "2025-01-06", routine("2024-11-01", a, skip=("Varicella",), pcv=P20),
              chickenpox="2025-10-01"),
    ]


EXPECTED = {
    "Ava Berg": ("up_to_date", [], None, "Next: from Dec 19, 2026 Ava will need DTaP dose 4"),
    "Bo Carr": ("not_up_to_date", ["DTaP", "Polio", "Hib", "PCV"], None,
                "Out of compliance: the 30 calendar days after the dose became due ended Oct 31, 2026"),
    "Cy Dale": ("in_process", ["DTaP", "Polio", "Hib", "PCV"], 10, "Conditional: 10 days left; the last day is Dec 1, 2026"),
    "Dan Eve": ("in_process", ["MMR"], 30, "MMR: dose 1 is due since Jun 29, 2026"),
    "Eve Falk": ("conscientious_exemption", ["MMR"], None, "A personal/philosophical exemption is on file"),
    "Fin Gray": ("religious_exemption", ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella"], None,
                 "A religious exemption is on file"),
    "Gia Hunt": ("medical_exemption", ["MMR"], None, "a medical exemption is on file (an exemption is not proof"),
    "Hal Ives": ("not_up_to_date", ["DTaP", "Polio", "Varicella"], None, "DTaP: dose 5 is due since Sep 1, 2025"),
    "Ida Jung": ("up_to_date", [], None, "Next: from Dec 1, 2026"),
    "Jo Kern": ("in_process", ["Hib", "PCV", "MMR", "Varicella"], 30, "the last day is Dec 21, 2026"),
    "Kit Lowe": ("up_to_date", [], None, "Every dose Washington requires"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "WA", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])


def test_who_may_not_attend(statuses):
    # Eve's personal exemption cannot cover MMR, so the exemption does not keep her in care.
    assert sorted(n for n, s in statuses.items() if s.must_exclude) == ["Bo Carr", "Eve Falk", "Hal Ives"]


def test_measles_list_names_the_children_without_mmr(statuses):
    names = {s.child.name for s, _ in susceptible(list(statuses.values()), "measles")}
    # Bo, Cy and Ida are too young; Dan, Eve, Gia and Jo (12 months today) have no MMR; Fin has no doses at all.
    assert names == {"Bo Carr", "Cy Dale", "Ida Jung", "Dan Eve", "Eve Falk", "Gia Hunt", "Jo Kern", "Fin Gray"}
