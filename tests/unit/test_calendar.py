"""Calendar months and England-and-Wales working days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.calendar import (
    HOLIDAYS,
    add_months,
    add_working_days,
    computed_holiday_note,
    is_working_day,
    last_working_day_on_or_before,
    long_date,
    next_working_day_after,
    non_working_reason,
    working_day_on_or_after,
)
from sendrules.errors import BeyondHolidayDataError, SendRulesError

# Far enough inside the data that a fortnight of working days either side is known.
IN_DATA = st.dates(min_value=date(2020, 1, 15), max_value=date(2030, 12, 1))


# -- calendar months ---------------------------------------------------------------------------

def test_add_months_gives_the_corresponding_date():
    assert add_months(date(2025, 10, 1), 2) == date(2025, 12, 1)


def test_add_months_clamps_to_the_end_of_a_short_month():
    assert add_months(date(2025, 12, 31), 2) == date(2026, 2, 28)


def test_add_months_clamps_to_29_february_in_a_leap_year():
    assert add_months(date(2027, 12, 31), 2) == date(2028, 2, 29)


def test_add_months_clamps_31st_to_30th_in_a_30_day_month():
    assert add_months(date(2026, 3, 31), 1) == date(2026, 4, 30)


def test_add_months_crosses_the_year_end():
    assert add_months(date(2025, 11, 29), 1) == date(2025, 12, 29)


# -- working days ------------------------------------------------------------------------------

@pytest.mark.parametrize("day, reason", [
    (date(2026, 3, 14), "a Saturday"),
    (date(2026, 3, 15), "a Sunday"),
    (date(2025, 12, 25), "Christmas Day"),
    (date(2026, 4, 3), "Good Friday"),
    (date(2026, 4, 6), "a bank holiday (Easter Monday)"),
    (date(2026, 12, 28), "a bank holiday (Boxing Day, substitute day)"),
])
def test_non_working_days_say_why(day, reason):
    assert is_working_day(day) is False
    assert non_working_reason(day) == reason


@pytest.mark.parametrize("day", [date(2025, 12, 24), date(2026, 1, 2), date(2025, 12, 29), date(2026, 4, 7)])
def test_ordinary_weekdays_are_working_days_even_in_school_holidays(day):
    assert is_working_day(day) is True
    assert non_working_reason(day) is None


def test_2_january_is_a_working_day_in_england_unlike_scotland():
    assert is_working_day(date(2026, 1, 2)) is True


def test_one_off_state_funeral_bank_holiday_is_not_a_working_day():
    assert is_working_day(date(2022, 9, 19)) is False


def test_next_working_day_after_skips_easter():
    assert next_working_day_after(date(2026, 4, 2)) == date(2026, 4, 7)


def test_next_working_day_after_a_working_day_is_strictly_later():
    assert next_working_day_after(date(2025, 12, 1)) == date(2025, 12, 2)


@pytest.mark.parametrize("year, first", [
    (2022, date(2022, 1, 4)), (2023, date(2023, 1, 3)), (2024, date(2024, 1, 2)), (2025, date(2025, 1, 2)),
    (2026, date(2026, 1, 2)), (2027, date(2027, 1, 4)), (2028, date(2028, 1, 4)),
])
def test_first_working_day_after_new_years_day_matches_the_law_note(year, first):
    assert next_working_day_after(date(year, 1, 1)) == first


@pytest.mark.parametrize("year, first", [
    (2024, date(2024, 9, 2)), (2025, date(2025, 9, 1)), (2026, date(2026, 9, 1)), (2027, date(2027, 9, 1)),
    (2028, date(2028, 9, 1)),
])
def test_first_working_day_after_31_august_matches_the_law_note(year, first):
    assert next_working_day_after(date(year, 8, 31)) == first


def test_working_day_on_or_after_keeps_a_working_day():
    assert working_day_on_or_after(date(2025, 12, 1)) == date(2025, 12, 1)


def test_working_day_on_or_after_moves_a_weekend_to_monday():
    assert working_day_on_or_after(date(2026, 3, 14)) == date(2026, 3, 16)


def test_last_working_day_on_or_before_moves_a_sunday_back_to_friday():
    assert last_working_day_on_or_before(date(2026, 9, 13)) == date(2026, 9, 11)


def test_last_working_day_on_or_before_skips_back_over_christmas():
    assert last_working_day_on_or_before(date(2025, 12, 28)) == date(2025, 12, 24)


def test_three_working_days_over_easter():
    assert add_working_days(date(2026, 4, 2), 3) == date(2026, 4, 9)


def test_three_working_days_over_christmas():
    assert add_working_days(date(2025, 12, 23), 3) == date(2025, 12, 30)


def test_working_days_counted_from_a_weekend_start_on_monday():
    assert add_working_days(date(2026, 3, 14), 1) == date(2026, 3, 16)


def test_adding_no_working_days_gives_the_same_day():
    assert add_working_days(date(2026, 3, 14), 0) == date(2026, 3, 14)


def test_adding_negative_working_days_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 14), -1)


# -- the edges of the data ---------------------------------------------------------------------

def test_a_date_after_the_data_raises_an_error_a_parent_can_read():
    with pytest.raises(BeyondHolidayDataError) as err:
        is_working_day(date(2031, 1, 2))
    assert "31 December 2030" in err.value.message
    assert "Check the dates you entered" in err.value.message
    assert isinstance(err.value, SendRulesError)


def test_a_date_before_the_data_raises_an_error():
    with pytest.raises(BeyondHolidayDataError, match="from 1 January 2020"):
        is_working_day(date(2019, 12, 31))


def test_rolling_forward_past_the_end_of_the_data_raises_an_error():
    with pytest.raises(BeyondHolidayDataError):
        next_working_day_after(date(2030, 12, 31))


def test_counting_working_days_past_the_end_of_the_data_raises_an_error():
    with pytest.raises(BeyondHolidayDataError):
        add_working_days(date(2030, 12, 27), 3)


def test_holiday_data_reports_its_range_and_titles():
    assert HOLIDAYS.known_until == date(2030, 12, 31)
    assert HOLIDAYS.announced_until == date(2028, 12, 31)
    assert HOLIDAYS.title(date(2023, 5, 8)) == "Bank holiday for the coronation of King Charles III"
    assert HOLIDAYS.title(date(2023, 5, 9)) is None


def test_days_after_the_announced_list_are_flagged_as_computed():
    assert HOLIDAYS.is_computed(date(2029, 1, 1)) is True
    assert HOLIDAYS.is_computed(date(2028, 12, 31)) is False


def test_a_note_is_given_only_when_an_answer_uses_computed_holidays():
    assert computed_holiday_note(date(2028, 12, 29), None) is None
    note = computed_holiday_note(date(2028, 12, 29), date(2029, 4, 3))
    assert note is not None and "31 December 2028" in note and "3 April 2029" in note


def test_long_date_spells_out_weekday_and_month():
    assert long_date(date(2025, 10, 1)) == "Wednesday 1 October 2025"


# -- properties --------------------------------------------------------------------------------

@given(IN_DATA)
def test_working_day_on_or_after_is_a_working_day_with_none_skipped(d):
    w = working_day_on_or_after(d)
    assert is_working_day(w)
    assert all(not is_working_day(d + timedelta(days=i)) for i in range((w - d).days))


@given(IN_DATA)
def test_last_working_day_on_or_before_is_a_working_day_with_none_skipped(d):
    w = last_working_day_on_or_before(d)
    assert is_working_day(w) and w <= d
    assert all(not is_working_day(w + timedelta(days=i)) for i in range(1, (d - w).days + 1))


@given(IN_DATA, st.integers(min_value=1, max_value=10))
def test_add_working_days_counts_exactly_n_working_days(d, n):
    end = add_working_days(d, n)
    assert is_working_day(end)
    between = [d + timedelta(days=i) for i in range(1, (end - d).days + 1)]
    assert sum(is_working_day(x) for x in between) == n


@given(IN_DATA)
def test_weekends_are_never_working_days(d):
    if d.weekday() >= 5:
        assert not is_working_day(d)
