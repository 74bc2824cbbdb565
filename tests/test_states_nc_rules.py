"""North Carolina's rules one at a time, each as a worksheet line: a child, the doses, an as-of date, the
expected status and why (HepB not before 24 weeks, Hib products and late starts, PCV late start, the 4-year
child-care row, a dose too soon, the 4-day grace switch, exemptions in and out of force, the 30-day clock)."""
from __future__ import annotations

import dataclasses

import pytest
from test_states_records import child, d, dose, routine

from immudesk.model import Exemption
from immudesk.states import assessment, evaluate_child, load_state


def nc(kid, as_of: str, report_year: int | None = None):
    return evaluate_child(kid, "NC", d(as_of), report_year)


def test_hepb_last_dose_before_24_weeks_does_not_complete_the_three():
    # Born 2016-09-01; HepB at birth, 1 month and 2017-01-20 (20 weeks 1 day). ACIP counts the third dose
    # (as dose 3 of its 4-dose series) but NC needs the last of the three at 24 weeks or later, so only two
    # count toward row 19m. Enrolled long ago: the row began 2018-04-01, so 30 days from then: 2018-05-01.
    kid = child("Ada Bloom", "2016-09-01", "2016-10-01",
                routine("2016-09-01", "2018-05-01", skip=("HepB",))
                + [dose("HepB", "2016-09-01"), dose("HepB", "2016-10-01"), dose("HepB", "2017-01-20")])
    status = nc(kid, "2018-04-10")
    hepb = status.groups["HepB"]
    assert (status.status, status.missing, hepb.required, hepb.valid) == ("in_process", ["HepB"], 3, 2)
    assert hepb.note == "the last HepB dose must be given at 24 weeks of age or later; none on record is"
    assert status.days_left == 21 and status.last_allowed_day == d("2018-05-01")


def test_mixed_hib_products_need_the_higher_count():
    # 7 months 10 days: PedvaxHIB then ActHIB. Only an all-PRP-OMP series gets the lower count: 3 needed.
    kid = child("Ben Ortiz", "2017-09-05", "2018-04-01",
                routine("2017-09-05", "2018-04-15", skip=("Hib",))
                + [dose("Hib", "2017-11-05", "PedvaxHIB"), dose("Hib", "2018-01-05", "ActHIB")])
    status = nc(kid, "2018-04-15")
    assert (status.groups["Hib"].required, status.groups["Hib"].valid, status.status) == (3, 2, "in_process")


def test_all_pedvaxhib_series_needs_the_lower_count_and_says_so():
    kid = child("Cleo Park", "2017-09-05", "2018-04-01",
                routine("2017-09-05", "2018-04-15", skip=("Hib",))
                + [dose("Hib", "2017-11-05", "PedvaxHIB"), dose("Hib", "2018-01-05", "PedvaxHIB")])
    status = nc(kid, "2018-04-15")
    assert status.status == "up_to_date"
    assert status.groups["Hib"].note == "PRP-OMP (PedvaxHIB): the lower dose count applies"


def test_hib_started_at_15_months_needs_one_dose_and_pcv_started_at_24_months_needs_one():
    # 2 years 2 months; first Hib and PCV on 2018-02-01 (25 months). Other groups complete for 19m.
    kid = child("Dan Reyes", "2016-01-01", "2018-02-01",
                routine("2016-01-01", "2018-03-01", skip=("Hib", "PCV"))
                + [dose("Hib", "2018-02-01", "ActHIB"), dose("PCV", "2018-02-01", "Prevnar 13")])
    status = nc(kid, "2018-03-01")
    assert status.status == "up_to_date"
    assert (status.groups["Hib"].required, status.groups["PCV"].required) == (1, 1)


def test_a_child_with_no_hib_at_20_months_is_told_one_dose_is_needed():
    kid = child("Eva Stone", "2016-08-01", "2018-04-01", routine("2016-08-01", "2018-04-05", skip=("Hib",)))
    status = nc(kid, "2018-04-05")
    assert (status.missing, status.groups["Hib"].required) == (["Hib"], 1)


def test_four_year_old_in_child_care_needs_four_dtap_not_five():
    # The kindergarten row (5 DTaP, 4 polio, 2 MMR, 2 varicella) is not applied to a child in child care.
    kid = child("Finn Tate", "2013-10-01", "2014-01-01", routine("2013-10-01", "2018-04-15"))
    status = nc(kid, "2018-04-15")
    assert (status.status, status.groups["DTaP"].required, status.groups["DTaP"].valid) == ("up_to_date", 4, 4)


def test_a_five_year_old_s_infant_pcv_doses_still_count_and_none_is_due():
    # Born 2012-03-10, PCV at 2, 4, 6 and 12 months, one more given at 5 years 2 months; record read at 5½.
    # CDC's engine judges PCV from the fifth birthday against the adult series ("too young"); the record must
    # keep the childhood verdicts, say the late dose was not needed, and ask for no more PCV.
    kid = child("Gus Hale", "2012-03-10", "2012-06-01",
                routine("2012-03-10", "2017-09-10") + [dose("PCV", "2017-05-10")])
    status = nc(kid, "2017-09-10")
    pcv = status.groups["PCV"]
    assert [v.valid for v in pcv.doses] == [True, True, True, True, False]
    assert [v.reason for v in pcv.doses[:4]] == [None] * 4
    assert pcv.doses[4].reason == ("given after the fifth birthday, when a healthy child needs no more PCV; "
                                   "not needed")
    assert pcv.next_due is None and "PCV" not in status.missing
    assert pcv.note == "not required from 5 years of age"


def test_a_dose_too_soon_after_the_previous_one_is_explained_with_the_interval():
    # DTaP 2 was given 20 days after DTaP 1; at 7 months the third dose is counted against 3 needed.
    kid = child("Gia Vance", "2017-09-01", "2018-04-01",
                routine("2017-09-01", "2018-04-10", skip=("DTaP",))
                + [dose("DTaP", "2017-11-01"), dose("DTaP", "2017-11-21"), dose("DTaP", "2018-01-02")])
    status = nc(kid, "2018-04-10")
    assert (status.groups["DTaP"].valid, status.missing) == (2, ["DTaP"])
    assert status.groups["DTaP"].doses[1].reason == (
        "given only 20 days after the previous DTaP dose; at least 28 days are needed")


def test_without_the_4_day_grace_an_early_mmr_does_not_count(monkeypatch):
    # MMR 3 days before the first birthday: valid under ACIP's grace, which NC's file accepts ("verify").
    kid = child("Hal Ung", "2016-09-15", "2016-12-01",
                routine("2016-09-15", "2018-04-15", skip=("MMR", "Varicella"))
                + [dose("MMR", "2017-09-12"), dose("Varicella", "2017-09-12")])
    assert nc(kid, "2018-04-15").status == "up_to_date"
    strict = dataclasses.replace(load_state("NC"), four_day_grace=False)
    monkeypatch.setattr(assessment, "load_state", lambda code: strict)
    status = nc(kid, "2018-04-15")
    assert status.missing == ["MMR", "Varicella"]
    assert status.groups["MMR"].doses[0].reason == (
        "given a few days early; North Carolina does not accept the 4-day grace period, so it does not count")


def test_an_expired_medical_exemption_is_not_on_file():
    kid = child("Ian Voss", "2015-05-01", "2015-08-01", routine("2015-05-01", "2018-04-15", skip=("MMR",)))
    kid.exemptions.append(Exemption("medical", ("MMR",), d("2016-01-01"), d("2017-12-31")))
    status = nc(kid, "2018-04-15")
    assert status.status == "not_up_to_date"
    assert "The medical exemption on file is not in force on Apr 15, 2018." in status.reasons


def test_a_conscientious_exemption_does_not_count_in_north_carolina():
    kid = child("Jo West", "2015-05-01", "2015-08-01", conscientious=("all",))
    status = nc(kid, "2018-04-15")
    assert status.status == "not_up_to_date"
    assert any("North Carolina does not recognize it" in r for r in status.reasons)


def test_an_exemption_while_another_vaccine_is_missing_keeps_the_clock_for_that_vaccine():
    # Medical exemption from MMR; varicella missing too. Inside the 30 days: medical column, 12 days to go.
    kid = child("Kay Yates", "2015-05-01", "2018-04-03",
                routine("2015-05-01", "2018-04-15", skip=("MMR", "Varicella")), medical=("MMR",))
    status = nc(kid, "2018-04-15")
    assert (status.status, status.must_exclude, status.last_allowed_day) == (
        "medical_exemption", False, d("2018-05-03"))
    assert "The missing doses not covered by the exemption are due by May 3, 2018 (18 days left)." in status.reasons
    later = nc(kid, "2018-05-04")
    assert (later.status, later.must_exclude) == ("medical_exemption", True)


@pytest.mark.parametrize("as_of, status, days_left", [
    ("2018-04-14", "up_to_date", None),        # the day before 16 months
    ("2018-04-15", "in_process", 30),          # 16 months: MMR, Hib booster, PCV 4 needed; 30 days from today
    ("2018-05-15", "in_process", 0),           # the last allowed day
    ("2018-05-16", "not_up_to_date", None),    # may not attend
])
def test_a_child_aging_into_the_16_month_row_gets_30_days_from_that_day(as_of, status, days_left):
    kid = child("Leo Zhu", "2016-12-15", "2017-03-01", routine("2016-12-15", "2017-09-01"))
    got = nc(kid, as_of)
    assert (got.status, got.days_left) == (status, days_left)
    if status != "up_to_date":
        assert got.missing == ["Hib", "PCV", "MMR"]
        assert got.due_date == d("2018-04-15")
        assert got.must_exclude is (status == "not_up_to_date")
    else:
        assert got.due_date == d("2018-04-15")


def test_a_child_who_has_not_started_yet_is_left_out_until_the_first_day():
    kid = child("Mae Abel", "2016-05-01", "2018-05-01", routine("2016-05-01", "2018-04-15"))
    status = nc(kid, "2018-04-15")
    assert (status.report_group, status.excluded_reason, status.must_exclude) == (None, "not attending yet", False)


def test_2025_report_leaves_out_children_born_on_or_after_october_first():
    born_sept = child("Ned Baker", "2025-09-30", "2025-10-15", routine("2025-09-30", "2025-11-01"))
    born_oct = child("Ola Baker", "2025-10-01", "2025-10-15", routine("2025-10-01", "2025-11-01"))
    assert nc(born_sept, "2025-11-01").report_group == "under_24_months"
    assert nc(born_oct, "2025-11-01").excluded_reason == "born after the report cutoff"


def test_the_seed_worksheet_gap_child_born_january_31_2016_is_24_months_and_older():
    for birth, group in (("2016-01-30", "24_months_and_older"), ("2016-01-31", "24_months_and_older"),
                         ("2016-02-01", "24_months_and_older"), ("2016-02-02", "under_24_months")):
        kid = child("Pat Cole", birth, "2016-06-01", routine(birth, "2018-04-15"))
        assert nc(kid, "2018-04-15", 2018).report_group == group, birth


def test_doses_recorded_after_the_as_of_date_do_not_count_yet():
    kid = child("Quin Dale", "2017-09-01", "2017-10-01", routine("2017-09-01", "2018-04-20"))
    status = nc(kid, "2018-03-15")          # the 6-month doses (2018-03-01) count; nothing later exists yet
    assert status.status == "up_to_date"
    future = [v for v in status.groups["HepB"].doses if v.reason == "dated after the as-of date"]
    assert future == []
