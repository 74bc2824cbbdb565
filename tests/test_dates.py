"""CDSi date arithmetic (logic spec v4.6, Table 3-6) and the two date forms a provider types."""
from datetime import date

import pytest

from immudesk import dates
from immudesk.dates import Duration, add, add_duration, parse_date, parse_duration


@pytest.mark.parametrize("start, amount, expected", [
    # CALCDT-1: years keep month and day.
    (date(2000, 1, 1), {"years": 3}, date(2003, 1, 1)),
    # CALCDT-2: months keep the day, and roll the year when needed.
    (date(2000, 1, 1), {"months": 6}, date(2000, 7, 1)),
    (date(2000, 11, 1), {"months": 6}, date(2001, 5, 1)),
    # CALCDT-3: weeks and days are counted days (leap and common years).
    (date(2000, 1, 1), {"days": 3}, date(2000, 1, 4)),
    (date(2000, 1, 1), {"weeks": 3}, date(2000, 1, 22)),
    (date(2000, 2, 1), {"weeks": 5}, date(2000, 3, 7)),
    (date(2001, 2, 1), {"weeks": 5}, date(2001, 3, 8)),
    # CALCDT-4: days are subtracted as a count.
    (date(2000, 1, 15), {"days": -4}, date(2000, 1, 11)),
    # CALCDT-5: a date that does not exist moves forward to the 1st of the next month.
    (date(2000, 3, 31), {"months": 6}, date(2000, 10, 1)),
    (date(2000, 8, 31), {"months": 6}, date(2001, 3, 1)),
    # CALCDT-6: years, then months, then weeks and days.
    (date(2000, 1, 31), {"months": 6, "days": -4}, date(2000, 7, 27)),
])
def test_table_3_6_examples(start, amount, expected):
    assert add(start, **amount) == expected


def test_cdc_case_2013_0230_month_end_rolls_forward_not_back():
    # DOB 2025-05-31 + 6 months: November has no 31st, so CDSi says 12/01 (dateutil would say 11/30).
    assert add(date(2025, 5, 31), months=6) == date(2025, 12, 1)


def test_leap_day_birthday_plus_one_year_is_march_first():
    assert add(date(2024, 2, 29), years=1) == date(2025, 3, 1)
    assert add(date(2024, 2, 29), years=4) == date(2028, 2, 29)


@pytest.mark.parametrize("text, expected", [
    ("6 months - 4 days", Duration(months=6, days=-4)),
    ("4 weeks", Duration(weeks=4)),
    ("3 months + 4 weeks", Duration(months=3, weeks=4)),
    ("12 months - 4 days", Duration(months=12, days=-4)),
    ("1 year", Duration(years=1)),
    ("0 days", Duration()),
    ("", Duration()),
])
def test_parse_duration_reads_cdsi_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["six months", "4 weeks 4 days", "4 fortnights", "- -4 days"])
def test_parse_duration_refuses_what_it_cannot_read(text):
    with pytest.raises(dates.DateError):
        parse_duration(text)


def test_add_duration_matches_the_spec_example():
    assert add_duration(date(2000, 1, 31), parse_duration("6 months - 4 days")) == date(2000, 7, 27)


@pytest.mark.parametrize("text, expected", [
    ("2017-06-10", date(2017, 6, 10)), ("6/10/2017", date(2017, 6, 10)), (" 06/10/2017 ", date(2017, 6, 10)),
])
def test_parse_date_accepts_both_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2017-02-30", "13/01/2017", "yesterday", "", "2017/06/10"])
def test_parse_date_refuses_with_a_helpful_message(text):
    with pytest.raises(dates.DateError, match="date"):
        parse_date(text)


def test_ages_count_completed_months_the_cdsi_way():
    birth = date(2025, 5, 31)
    assert dates.age_in_months(birth, date(2025, 11, 30)) == 5
    assert dates.age_in_months(birth, date(2025, 12, 1)) == 6
    assert dates.age_in_years(date(2020, 11, 10), date(2025, 11, 10)) == 5
    assert dates.age_in_years(date(2020, 11, 10), date(2025, 11, 9)) == 4
