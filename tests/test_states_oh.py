"""Ohio worked by hand, as of 2026-11-21, from Ohio Revised Code 5104.014: within 30 days after enrolling, a
medical statement that the child is immunized or in the process of being immunized (at least the first dose and
on the intervals or catch-up schedule); medical and conscience exemptions. immudesk: within the 30 days in process;
afterwards a dose is late from ACIP's past-due date (CDSi: latest recommended age or interval - 1 day; e.g. DTaP,
polio, Hib, PCV dose 1: 3 months + 4 weeks - 1 day; hepatitis A dose 1: 24 months + 4 weeks - 1 day; a catch-up
DTaP dose 2: 4 weeks after dose 1 - 1 day). Influenza and rotavirus are not tracked (to verify on the statement).
"""
from __future__ import annotations

import pytest
from state_roster import P20, check_worked_by_hand, shots, statuses_by_name
from test_states_records import child, d, dose, routine


AS_OF = "2026-11-21"
ALL = ("DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella", "HepA")


def one_of_each(when: str) -> list:
    return shots(when, ALL)


def roster():
    a = AS_OF
    return [
        # Amy, 14 months, every usual dose and hepatitis A at 12 months: immunized.
        child("Amy Ash", "2025-09-19", "2026-01-05", routine("2025-09-19", a, pcv=P20, hepa=True)),
        # Ben enrolled 2026-11-01 with no record: day 20 of 30, 10 days left (last day 2026-12-01).
        child("Ben Bell", "2025-01-01", "2026-11-01"),
        # Cal enrolled 2026-10-01 with no record: the 30 days ended 2026-10-31. May not attend.
        child("Cal Cole", "2025-01-01", "2026-10-01"),
        # Dee, 2 years 10 months, every dose but hepatitis A: past due since 2026-01-28. Not immunized or in process.
        child("Dee Dunn", "2024-01-01", "2024-03-01", routine("2024-01-01", a, pcv=P20)),
        # Eve, 2 years 10 months: her parent declined all vaccines for reasons of conscience. Declined (conscience).
        child("Eve Eng", "2024-01-01", "2024-03-01", conscientious=("all",)),
        # Fay, 2 years 10 months: MMR and varicella medically contraindicated; the rest on time. Medical exemption.
        child("Fay Fox", "2024-01-01", "2024-03-01", routine("2024-01-01", a, skip=("MMR", "Varicella"), pcv=P20, hepa=True),
              medical=("MMR", "Varicella")),
        # Gus enrolled 2026-10-22 with no hepatitis A: today is the 30th day, 0 days left.
        child("Gus Gray", "2024-01-01", "2026-10-22", routine("2024-01-01", a, pcv=P20)),
        # Hal, 5 years 2 months: no Hib or PCV (not after 5 years), hepatitis A twice. Immunized.
        child("Hal Hunt", "2021-09-01", "2025-09-01", routine("2021-09-01", a, skip=("Hib", "PCV"), hepa=True)),
        # Ida, 17 months: her only hepatitis A dose came 3 days before the first birthday (4-day grace: valid); the
        # second is not past due yet. Immunized.
        child("Ida Ives", "2025-06-01", "2025-08-01", routine("2025-06-01", a, pcv=P20) + [dose("HepA", "2026-05-29")]),
        # Jon started every vaccine on 2026-10-02, the day after enrolling, at 21 months: DTaP, polio and hepatitis B
        # dose 2 were past due from 2026-10-30 (catch-up), and the 30 days ended 2026-10-31. Not in the process.
        child("Jon Jay", "2025-01-01", "2026-10-01", one_of_each("2026-10-02")),
    ]


EXPECTED = {
    "Amy Ash": ("up_to_date", [], None, "Every dose Ohio requires"),
    "Ben Bell": ("in_process", ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella"], 10,
                 "Within the 30 days: 10 days left; the last day is Dec 1, 2026"),
    "Cal Cole": ("not_up_to_date", ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella"], None,
                 "Not immunized or in process: the 30 calendar days to bring the record up to date ended Oct 31, 2026"),
    "Dee Dunn": ("not_up_to_date", ["HepA"], None, "Hepatitis A: dose 1 is past due since Jan 28, 2026"),
    "Eve Eng": ("conscientious_exemption", ["DTaP", "Polio", "Hib", "PCV", "HepB", "HepA", "MMR", "Varicella"], None,
                "A conscience exemption (including religious convictions) is on file"),
    "Fay Fox": ("medical_exemption", ["MMR", "Varicella"], None, "A medical exemption is on file"),
    "Gus Gray": ("in_process", ["HepA"], 0, "the last day is Nov 21, 2026"),
    "Hal Hunt": ("up_to_date", [], None, "Every dose Ohio requires"),
    "Ida Ives": ("up_to_date", [], None, "Every dose Ohio requires"),
    "Jon Jay": ("not_up_to_date", ["DTaP", "Polio", "HepB"], None, "DTaP: dose 2 is past due since Oct 30, 2026"),
}


@pytest.fixture(scope="module")
def statuses():
    return statuses_by_name(roster(), "OH", AS_OF)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_child_as_worked_by_hand(statuses, name):
    check_worked_by_hand(statuses[name], EXPECTED[name])


def test_influenza_and_rotavirus_are_named_as_not_checked():
    from immudesk.states.rules import load_state
    assert any("influenza and rotavirus" in note for note in load_state("OH").to_verify)


def test_a_new_medical_statement_every_13_months():
    from immudesk.states.record_updates import records_to_request
    # Amy's newest dose is 2026-03-19 (18-month hepatitis A is still ahead): due 2027-04-19, not yet. Dee's newest
    # dose is 2025-04-01 (the 15-month DTaP): due 2026-05-01, overdue.
    due = {r.child.name: r.due for r in records_to_request(roster(), "OH", d(AS_OF))}
    assert due.get("Dee Dunn") == d("2026-05-01") and "Amy Ash" not in due
