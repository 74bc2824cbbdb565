"""The ACIP engine on cases a provider would recognise: a child, the doses on the record, a date, the answer."""
from __future__ import annotations

from datetime import date

import pytest

from immudesk.acip import AdministeredDose, EvaluationError, Forecast, evaluate


def doses(*pairs: tuple[str, str]) -> list[AdministeredDose]:
    return [AdministeredDose(date.fromisoformat(day), cvx) for day, cvx in pairs]


def statuses(result) -> list[tuple[str, str, str | None]]:
    return [(d.date.isoformat(), d.evaluation, d.reason) for d in result.doses]


def test_every_group_is_answered_even_without_doses():
    results = evaluate(date(2025, 1, 10), [], date(2025, 3, 10))
    assert list(results) == ["DTaP", "Polio", "Hib", "PCV", "HepB", "MMR", "Varicella", "HepA"]
    assert all(r.series_status == "not_complete" and r.doses == [] for r in results.values())
    # HepB is due at birth; the 2-month vaccines from 6 weeks; MMR from the first birthday.
    assert results["HepB"].forecast == Forecast(1, date(2025, 1, 10), date(2025, 1, 10), date(2025, 2, 6))
    assert results["DTaP"].forecast.earliest == date(2025, 2, 21)
    assert results["MMR"].forecast.earliest == date(2026, 1, 10)


def test_on_time_infant_series_is_valid_and_the_next_doses_are_forecast():
    # Ava, born 2025-01-10: HepB at birth; Pentacel, PCV20 and HepB at 2 and 4 months; seen at 5 months.
    record = doses(("2025-01-10", "08"),
                   ("2025-03-10", "120"), ("2025-03-10", "216"), ("2025-03-10", "08"),
                   ("2025-05-12", "120"), ("2025-05-12", "216"))
    results = evaluate(date(2025, 1, 10), record, date(2025, 6, 10))
    for group in ("DTaP", "Polio", "Hib", "PCV", "HepB"):
        assert all(d.evaluation == "valid" for d in results[group].doses), group
        assert results[group].series_status == "not_complete"
    assert [d.cvx for d in results["Polio"].doses] == ["120", "120"]      # Pentacel counts for three groups
    assert results["DTaP"].forecast == Forecast(3, date(2025, 6, 9), date(2025, 7, 10), date(2025, 9, 6))
    # HepB dose 3 waits for 24 weeks of age and 16 weeks after dose 1.
    assert results["HepB"].forecast.dose_number == 3
    assert results["HepB"].forecast.earliest == date(2025, 6, 27)


def test_a_dose_four_days_early_counts_by_the_grace_period_but_is_never_scheduled_early():
    # DTaP at 6 weeks - 2 days: valid (grace); dose 2 is due at 10 weeks of age, not 10 weeks - 4 days.
    results = evaluate(date(2025, 9, 6), doses(("2025-10-16", "107")), date(2025, 10, 16))
    assert statuses(results["DTaP"]) == [("2025-10-16", "valid", "Grace period")]
    assert results["DTaP"].forecast.earliest == date(2025, 11, 15)
    # Dose 2 given 26 days after dose 1 (grace on the 4-week interval): dose 3 is due 4 full weeks after it.
    record = doses(("2025-03-10", "20"), ("2025-04-05", "20"))
    results = evaluate(date(2025, 1, 10), record, date(2025, 4, 5))
    assert statuses(results["DTaP"])[1] == ("2025-04-05", "valid", "Grace period")
    assert results["DTaP"].forecast.earliest == date(2025, 5, 3)


def test_mmr_before_the_first_birthday_does_not_count():
    results = evaluate(date(2024, 6, 1), doses(("2025-05-01", "03")), date(2025, 6, 15))
    assert statuses(results["MMR"]) == [("2025-05-01", "not_valid", "Age: Too Young")]
    assert results["MMR"].forecast == Forecast(1, date(2025, 6, 1), date(2025, 6, 1), date(2025, 10, 28))


def test_varicella_27_days_after_mmr_is_a_live_virus_conflict_and_28_days_is_fine():
    birth = date(2024, 1, 5)
    too_soon = evaluate(birth, doses(("2025-01-10", "03"), ("2025-02-06", "21")), date(2025, 2, 6))
    assert statuses(too_soon["Varicella"]) == [("2025-02-06", "not_valid", "Live Virus Conflict")]
    # The invalid varicella dose is itself a live vaccine: the repeat waits 28 days after it (CALCDTCONFLICT-3).
    assert too_soon["Varicella"].forecast.earliest == date(2025, 3, 6)
    in_time = evaluate(birth, doses(("2025-01-10", "03"), ("2025-02-07", "21")), date(2025, 2, 7))
    assert statuses(in_time["Varicella"]) == [("2025-02-07", "valid", None)]
    # The other order: MMR 27 days after varicella.
    reverse = evaluate(birth, doses(("2025-01-10", "21"), ("2025-02-06", "03")), date(2025, 2, 6))
    assert statuses(reverse["MMR"]) == [("2025-02-06", "not_valid", "Live Virus Conflict")]
    # Same day is fine.
    same_day = evaluate(birth, doses(("2025-01-10", "21"), ("2025-01-10", "03")), date(2025, 1, 10))
    assert same_day["MMR"].doses[0].evaluation == same_day["Varicella"].doses[0].evaluation == "valid"


def test_hib_started_at_16_months_needs_one_dose():
    results = evaluate(date(2024, 1, 10), doses(("2025-05-12", "48")), date(2025, 6, 1))
    assert results["Hib"].series_status == "complete"
    assert results["Hib"].forecast is None


def test_pedvaxhib_needs_a_booster_at_12_months_after_two_doses():
    # PRP-OMP (CVX 49) at 2 and 4 months: 3 doses in all, so the booster is dose 3 at 12 months.
    results = evaluate(date(2025, 1, 10), doses(("2025-03-10", "49"), ("2025-05-12", "49")), date(2025, 8, 1))
    assert results["Hib"].forecast == Forecast(3, date(2026, 1, 10), date(2026, 1, 10), date(2026, 6, 6))


def test_hib_after_the_fifth_birthday_is_extraneous_and_the_child_has_aged_out():
    results = evaluate(date(2020, 3, 1), doses(("2020-05-01", "48"), ("2025-03-05", "48")), date(2025, 3, 5))
    assert statuses(results["Hib"]) == [("2020-05-01", "valid", None), ("2025-03-05", "extraneous", "Age: Too Old")]
    assert results["Hib"].series_status == "aged_out"
    assert results["Hib"].forecast is None


def test_dtap_fourth_dose_at_four_years_makes_a_fifth_unnecessary():
    birth = date(2020, 2, 1)
    record = doses(("2020-04-01", "20"), ("2020-06-01", "20"), ("2020-08-01", "20"), ("2024-02-05", "20"))
    results = evaluate(birth, record, date(2024, 6, 1))
    # The 4-year dose stands for dose 5, so the next one is the adolescent Tdap at 11 years.
    assert all(d.evaluation == "valid" for d in results["DTaP"].doses)
    assert results["DTaP"].forecast.earliest == date(2031, 2, 1)
    # The same four doses with the fourth at 15 months leave dose 5 due at 4 years.
    early = doses(("2020-04-01", "20"), ("2020-06-01", "20"), ("2020-08-01", "20"), ("2021-05-01", "20"))
    results = evaluate(birth, early, date(2024, 1, 1))
    assert results["DTaP"].forecast.dose_number == 5
    assert results["DTaP"].forecast.earliest == date(2024, 2, 1)


def test_hepb_third_dose_before_24_weeks_means_a_fourth_dose_at_24_weeks():
    # Too young to finish the 3-dose series, the dose still counts in CDC's 4-dose series (as with Comvax in
    # CDC case 2013-0222), whose last dose is due at 24 weeks of age.
    record = doses(("2025-01-10", "08"), ("2025-02-10", "08"), ("2025-06-01", "08"))
    results = evaluate(date(2025, 1, 10), record, date(2025, 6, 1))
    assert [d.evaluation for d in results["HepB"].doses] == ["valid", "valid", "valid"]
    assert results["HepB"].forecast.dose_number == 4
    assert results["HepB"].forecast.earliest == date(2025, 6, 27)


def test_a_dose_too_soon_after_the_previous_one_is_not_valid_and_the_repeat_is_timed_from_it():
    record = doses(("2025-03-10", "10"), ("2025-03-24", "10"))     # IPV 2 weeks apart
    results = evaluate(date(2025, 1, 10), record, date(2025, 3, 24))
    assert statuses(results["Polio"])[1] == ("2025-03-24", "not_valid", "Interval: too Soon")
    assert results["Polio"].forecast.dose_number == 2
    assert results["Polio"].forecast.earliest == date(2025, 4, 21)  # 4 weeks after the invalid dose


def test_documented_chickenpox_means_immune_to_varicella():
    results = evaluate(date(2023, 1, 1), [], date(2025, 1, 1), immunity=frozenset({"Varicella"}))
    assert results["Varicella"].series_status == "immune"
    assert results["Varicella"].forecast is None
    assert results["MMR"].series_status == "not_complete"


def test_doses_after_the_assessment_date_are_not_yet_part_of_the_record():
    record = doses(("2025-03-10", "10"), ("2025-05-10", "10"))
    results = evaluate(date(2025, 1, 10), record, date(2025, 4, 1))
    assert [d.date for d in results["Polio"].doses] == [date(2025, 3, 10)]
    assert results["Polio"].forecast.dose_number == 2


def test_doses_are_listed_in_date_order_whatever_order_they_come_in():
    record = doses(("2025-05-12", "10"), ("2025-03-10", "10"))
    results = evaluate(date(2025, 1, 10), record, date(2025, 6, 1))
    assert [d.date for d in results["Polio"].doses] == [date(2025, 3, 10), date(2025, 5, 12)]


@pytest.mark.parametrize("record, assessment, message", [
    (doses(("2025-03-10", "999")), date(2025, 6, 1), "CVX '999' is not a vaccine immudesk knows"),
    (doses(("2024-12-31", "08")), date(2025, 6, 1), "before the birth date 2025-01-10"),
    ([], date(2024, 6, 1), "assessment date 2024-06-01 is before the birth date"),
])
def test_input_that_cannot_be_evaluated_is_refused_clearly(record, assessment, message):
    with pytest.raises(EvaluationError, match=message):
        evaluate(date(2025, 1, 10), record, assessment)


def test_evidence_of_immunity_must_name_an_antigen():
    with pytest.raises(EvaluationError, match="unknown antigens: Chickenpox"):
        evaluate(date(2025, 1, 10), [], date(2025, 6, 1), immunity=frozenset({"Chickenpox"}))


def test_evaluation_error_is_a_value_error():
    assert issubclass(EvaluationError, ValueError)


@pytest.mark.parametrize("assessed, expected", [
    # Before 7 months - 4 days (2026-07-13) the two series agree and the default 4-dose series gives dose 2:
    # recommended at 4 months, past due from 5 months + 4 weeks - 1 day.
    ("2026-07-12", Forecast(2, date(2026, 4, 7), date(2026, 4, 17), date(2026, 6, 13))),
    # From then on the "dose 2 at 7 months" series skips its dose 2 and forecasts its dose 3 (at 6 months, past
    # due from 7 months + 4 weeks - 1 day), and that series is the best one.
    ("2026-07-13", Forecast(2, date(2026, 4, 7), date(2026, 6, 17), date(2026, 8, 13))),
    ("2026-08-05", Forecast(2, date(2026, 4, 7), date(2026, 6, 17), date(2026, 8, 13))),
])
def test_a_pcv_catch_up_forecast_moves_to_the_7_month_series_as_the_spec_says(assessed, expected):
    """Born 2025-12-17, PCV13 on 2026-02-16 (valid) and 2026-03-10 (22 days later: too soon). Another CDSi engine
    forecasts 2026-04-17 / 2026-06-13 on 2026-08-05; CDC's logic specification v4.6 gives our answer:

    - CONDSKIP-2 (Table 6-5, used for the forecast by section 7.1): a skip condition is checked against the
      assessment date when forecasting. "Pneumococcal dose 2 at 7 months series" skips dose 2 from age
      7 months - 4 days (2026-07-13), so on 2026-08-05 its next target dose is dose 3. Section 7.6 re-checks only
      the skips of the forecast target dose (dose 3 has none) at the earliest date, so the forecast stands.
    - Table 8-9 (in-process series): both series have one valid dose and are completable; the 7-month series has
      fewer target doses not satisfied (SELECTB-5: +2, the 4-dose series -2) and finishes no later (SELECTB-11),
      so it scores higher and is the prioritized series (SELECTBEST-1/-2); the series preference only breaks ties.
    - FORECASTDT-2/-3 (section 7.5): recommended = the target dose's earliest recommended age (6 months:
      2026-06-17), past due = its latest recommended age - 1 day (7 months + 4 weeks - 1 day: 2026-08-13);
      earliest = 4 weeks after the too-soon dose (intervals count from the previous valid or not-valid dose).
    Before 2026-07-13 the skip does not apply, the two series tie and the default 4-dose series gives dose 2.
    The forecast moving with the assessment date is the spec's rule, not an accident of our engine.
    """
    history = doses(("2026-02-16", "133"), ("2026-03-10", "133"))
    result = evaluate(date(2025, 12, 17), history, date.fromisoformat(assessed))["PCV"]
    assert statuses(result) == [("2026-02-16", "valid", None), ("2026-03-10", "not_valid", "Interval: too Soon")]
    assert result.forecast == expected
