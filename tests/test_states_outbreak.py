"""Outbreak lists (DOMAIN.md "Outbreaks"): among the children attending, those with no valid dose for their age,
too young for one, or exempt; withdrawn children are not listed. As of 2018-04-15 in NC."""
from __future__ import annotations

import pytest
from test_states_records import child, d, dose, routine

from immudesk.states import evaluate_roster
from immudesk.states.outbreak import UnknownDisease, susceptible

AS_OF = "2018-04-15"


@pytest.fixture(scope="module")
def statuses():
    a = AS_OF
    roster = [
        child("Ann Ames", "2017-10-01", "2018-01-01", routine("2017-10-01", a)),        # 6 months: too young
        child("Bo Banks", "2016-06-01", "2016-09-01", routine("2016-06-01", a)),        # complete
        child("Cy Cruz", "2016-11-20", "2017-02-01",                                    # MMR 7 days early
              routine("2016-11-20", a, skip=("MMR", "Varicella")) + [dose("MMR", "2017-11-13")]),
        child("Di Dunn", "2015-05-01", "2015-08-01", religious=True),                    # exempt, nothing given
        child("Ed Eng", "2015-03-01", "2015-06-01", routine("2015-03-01", a, skip=("Varicella",)),
              chickenpox="2016-07-01"),                                                  # had chickenpox
        child("Flo Fry", "2016-08-01", "2016-10-01",                                    # 2 DTaP at 20 months
              routine("2016-08-01", a, skip=("DTaP",)) + [dose("DTaP", "2016-10-01"), dose("DTaP", "2016-12-01")]),
        child("Gil Gray", "2015-01-01", "2015-03-01", withdrawn="2018-04-01"),           # left: not listed
        child("Hal Hunt", "2016-01-15", "2018-04-10", routine("2016-01-15", a, skip=("MMR",)),
              medical=("MMR",)),                                                         # medical, MMR only
    ]
    return evaluate_roster(roster, "NC", d(AS_OF))


def names(found):
    return {status.child.name: why for status, why in found}


def test_measles(statuses):
    assert names(susceptible(statuses, "measles")) == {
        "Ann Ames": "too young for MMR (first dose from Oct 1, 2018)",
        "Cy Cruz": "no valid MMR dose (the one on record does not count)",
        "Di Dunn": "religious exemption from MMR on file",
        "Hal Hunt": "medical exemption from MMR on file",
    }


def test_varicella_skips_documented_disease(statuses):
    found = names(susceptible(statuses, "Varicella"))
    assert "Ed Eng" not in found
    assert found == {
        "Ann Ames": "too young for Varicella (first dose from Oct 1, 2018)",
        "Cy Cruz": "no Varicella dose on record",
        "Di Dunn": "religious exemption from Varicella on file",
    }


def test_pertussis_lists_children_behind_on_dtap(statuses):
    assert names(susceptible(statuses, "pertussis")) == {
        "Di Dunn": "religious exemption from DTaP on file",
        "Flo Fry": "behind on DTaP for their age (2 valid doses)",
    }


def test_unknown_disease(statuses):
    with pytest.raises(UnknownDisease, match="measles, varicella, pertussis"):
        susceptible(statuses, "mumps")
