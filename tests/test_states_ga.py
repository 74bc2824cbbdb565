"""Georgia worked by hand, as of 2026-11-21, from Ga. Comp. R. & Regs. 290-2-3-.08(2) (family child care learning
homes: age-appropriate immunizations on file within 30 days of admission), Form 3231 (the vaccines; a certificate
expires when the next dose is due) and the Department of Education's page (no current certificate 30 days after
it expires: exclusion). immudesk: a dose is due from ACIP's recommended date (CDSi "earliest recommended": DTaP,
polio, Hib, PCV dose 2 at 4 months; hepatitis A dose 1 at 12 months; MMR and varicella at 12 months) and the child
has 30 days after it, or after the first day of attendance when already behind on admission."""
from __future__ import annotations

import pytest
from state_roster import P20, check_worked_by_hand, shots, statuses_by_name
from test_states_records import child, dose, routine

AS_OF = "2026-11-21"
ALL = ("DTaP", "Polio", "Hib", "PCV", "HepB", "HepA", "MMR", "Varicella")


def roster():
    a = AS_OF
    return [
        # Amy, 14 months, every usual dose and hepatitis A at 12 months: certificate current.
        child("Amy Ash", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20, hepa=True)),
        # Abe, 14 months, every usual dose but no hepatitis A: due since 2026-09-19, 30 days ended 2026-10-19.
        child("Abe Ash", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20)),
        # Ben was admitted 2026-11-10 with no record: everything is long due, but he has 30 days from his first
        # day: 19 days left (last day 2026-12-10).
        child("Ben Bell", "2025-01-01", "2026-11-10"),
        # Cy, 4 months 20 days, only the 2-month shots: dose 2 due 2026-11-01; 10 days left (last day 2026-12-01).
        child("Cy Dale", "2026-07-01", "2026-08-15", [dose("HepB", "2026-07-01"), dose("HepB", "2026-08-01")]
              + shots("2026-09-01")),
        # Dov, 6 months 20 days, only the 2-month shots: dose 2 due 2026-09-01; 30 days ended 2026-10-01. Hepatitis
        # B dose 3 is due too (6 months, 2026-11-01).
        child("Dov Eck", "2026-05-01", "2026-07-01", [dose("HepB", "2026-05-01"), dose("HepB", "2026-06-01")]
              + shots("2026-07-01")),
        # Eve, 2 years 10 months: notarized religious affidavit, no doses. Religious exemption.
        child("Eve Eng", "2024-01-01", "2024-03-01", religious=True),
        # Fay, 2 years 10 months: medical exemption from MMR on the certificate. Medical exemption.
        child("Fay Fox", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR",), pcv=P20, hepa=True),
              medical=("MMR",)),
        # Gus started every series on 2026-10-02 at 21 months; dose 2 of DTaP, polio and hepatitis B is due from
        # 2026-10-30 (4 weeks later): 8 days left (last day 2026-11-29).
        child("Gus Gray", "2025-01-01", "2026-10-01", shots("2026-10-02", ALL)),
        # Hal, 5 years 2 months, hepatitis A twice, no Hib or PCV (under age 5 only) and no 4-year boosters: DTaP 5,
        # polio 4, MMR 2 and varicella 2 were due at 4 years (2025-09-01). 30 days ended 2025-10-01.
        child("Hal Hunt", "2021-09-01", "2025-09-01", routine("2021-09-01", a, skip=("Hib", "PCV"), hepa=True)),
        # Joy turns 2 months today with only the birth hepatitis B: the 2-month doses are due from today, and
        # hepatitis B dose 2 since 1 month (2026-10-21). She started 2026-11-02, already behind: 30 days from then,
        # last day 2026-12-02, 11 days left.
        child("Joy Jay", "2026-09-21", "2026-11-02", [dose("HepB", "2026-09-21")]),
    ]


EXPECTED = {
    "Amy Ash": ("up_to_date", [], None, "Every dose Georgia requires"),
    "Abe Ash": ("not_up_to_date", ["HepA"], None, "No current certificate: the 30 calendar days after the dose "
                                                  "became due ended Oct 19, 2026"),
    "Ben Bell": ("in_process", list(ALL), 19, "Within the 30 days: 19 days left; the last day is Dec 10, 2026"),
    "Cy Dale": ("in_process", ["DTaP", "Polio", "Hib", "PCV"], 10, "the last day is Dec 1, 2026"),
    "Dov Eck": ("not_up_to_date", ["DTaP", "Polio", "Hib", "PCV", "HepB"], None, "ended Oct 1, 2026"),
    "Eve Eng": ("religious_exemption", list(ALL), None, "A religious exemption is on file"),
    "Fay Fox": ("medical_exemption", ["MMR"], None, "A medical exemption is on file"),
    "Gus Gray": ("in_process", ["DTaP", "Polio", "HepB"], 8, "the last day is Nov 29, 2026"),
    "Hal Hunt": ("not_up_to_date", ["DTaP", "Polio", "MMR", "Varicella"], None, "ended Oct 1, 2025"),
    "Joy Jay": ("in_process", ["DTaP", "Polio", "Hib", "PCV", "HepB"], 11, "the last day is Dec 2, 2026"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "GA", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])
