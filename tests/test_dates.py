"""CDSi date arithmetic (logic spec v4.6, Table 3-6) and the two date forms a provider types."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# -- dates as a person types them in the window (issue 12) ---------------------------------------------------------
TODAY = date(2026, 11, 2)


@pytest.mark.parametrize("text", ["3/14/2025", "03/14/2025", "3/14/25", "031425", "03142025", "2025-03-14",
                                  "Mar 14 2025", "March 14, 2025", "14 Mar 2025", "Fri, Mar 14, 2025", "3-14-2025",
                                  " 3/14/2025 ", "mar 14 2025"])
def test_typed_dates_are_read_month_first_in_every_common_form(text):
    assert dates.parse_typed_date(text, today_is=TODAY) == date(2025, 3, 14)


@pytest.mark.parametrize("text, says", [
    ("14/3/2025", "no month 14"), ("2/30/2025", "Feb 2025 has no day 30"), ("2/29/2025", "no day 29"),
    ("3/14", "add the year"), ("31425", "two digits each"), ("3/14/202", "year 202 is not complete"),
    ("Mon, Mar 14, 2025", "is a Fri, not a Mon"), ("Mrc 14 2025", "not a month name"), ("Ma 14 2025", "not a month name"), ("yesterday", "not a date"),
    ("3/14/0025", "year 25 cannot be right"), ("", "No date"), ("3//14/2025", "not a date"),
])
def test_unclear_or_impossible_typed_dates_are_refused_with_what_to_type(text, says):
    with pytest.raises(dates.DateError, match=says):
        dates.parse_typed_date(text, today_is=TODAY)


def test_two_digit_years_are_2000s_unless_a_date_that_cannot_be_ahead_would_be():
    assert dates.parse_typed_date("3/14/27", today_is=TODAY) == date(2027, 3, 14)   # a first day may be ahead
    assert dates.parse_typed_date("3/14/27", not_future=True, today_is=TODAY) == date(1927, 3, 14)
    assert dates.parse_typed_date("11/2/26", not_future=True, today_is=TODAY) == date(2026, 11, 2)   # today
    assert dates.parse_typed_date("11/3/26", not_future=True, today_is=TODAY) == date(1926, 11, 3)
    assert dates.parse_typed_date("021524", not_future=True, today_is=TODAY) == date(2024, 2, 15)


def test_typed_dates_ignore_the_computers_locale(monkeypatch):
    import locale

    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    try:
        locale.setlocale(locale.LC_ALL, "")
    except locale.Error:
        pass   # the locale is not installed here; the parser never asks it either way
    assert dates.parse_typed_date("3/4/2025", today_is=TODAY) == date(2025, 3, 4)   # March 4, not April 3


@given(st.text(alphabet=st.sampled_from(list("0123456789/-., MarJunSeptFriday٣²éß\t")), max_size=20),
       st.booleans())
def test_whatever_is_typed_gives_a_date_or_a_message_never_a_crash(text, not_future):
    try:
        found = dates.parse_typed_date(text, not_future=not_future, today_is=TODAY)
    except dates.DateError as error:
        assert str(error)
    else:
        assert 1900 <= found.year <= 2099
