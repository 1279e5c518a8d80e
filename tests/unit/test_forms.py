"""Reading dates typed into GOV.UK date boxes and written as YYYY-MM-DD."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.errors import DateOrderError, FutureDateError, InvalidDateError
from sendrules.forms import (
    MONTH_NAMES,
    DateInputError,
    check_not_before,
    check_not_future,
    date_from_fields,
    long_date,
    parse_date_fields,
    parse_iso_date,
)

LABEL = "the decision letter was sent"
FIELD = "letter-sent"


def parse(day, month, year):
    return parse_date_fields(day, month, year, field=FIELD, label=LABEL)


def error_for(day, month, year) -> DateInputError:
    with pytest.raises(DateInputError) as info:
        parse(day, month, year)
    return info.value


# -- accepted input ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        ("1", "10", "2025", date(2025, 10, 1)),
        ("01", "010", "2025", date(2025, 10, 1)),
        ("  1 ", " 10", "2025  ", date(2025, 10, 1)),
        ("29", "2", "2024", date(2024, 2, 29)),
        ("31", "12", "2025", date(2025, 12, 31)),
        ("3", "jan", "2026", date(2026, 1, 3)),
        ("3", "January", "2026", date(2026, 1, 3)),
        ("3", "JANUARY", "2026", date(2026, 1, 3)),
        ("3", "sept", "2026", date(2026, 9, 3)),
        ("3", "Sept.", "2026", date(2026, 9, 3)),
        ("3", "sep", "2026", date(2026, 9, 3)),
        ("3", "may", "2026", date(2026, 5, 3)),
        (3, 9, 2026, date(2026, 9, 3)),
    ],
)
def test_dates_are_read_as_typed(day, month, year, expected):
    assert parse(day, month, year) == expected


# -- the GOV.UK messages, in priority order -------------------------------------------------------

def test_all_boxes_empty_asks_for_the_date():
    err = error_for("", " ", None)
    assert str(err) == "Enter the date the decision letter was sent"
    assert err.parts == ("day", "month", "year")
    assert err.field == FIELD


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "parts"),
    [
        ("", "10", "2025", "The date the decision letter was sent must include a day", ("day",)),
        ("1", "", "2025", "The date the decision letter was sent must include a month", ("month",)),
        ("1", "10", "", "The date the decision letter was sent must include a year", ("year",)),
        ("", "", "2025", "The date the decision letter was sent must include a day and a month",
         ("day", "month")),
        ("", "10", "", "The date the decision letter was sent must include a day and a year",
         ("day", "year")),
        ("1", "", "", "The date the decision letter was sent must include a month and a year",
         ("month", "year")),
    ],
)
def test_missing_parts_are_named_and_only_they_are_highlighted(day, month, year, message, parts):
    err = error_for(day, month, year)
    assert str(err) == message
    assert err.parts == parts


def test_missing_part_is_reported_before_an_impossible_one():
    err = error_for("45", "", "2025")
    assert str(err).endswith("must include a month")


@pytest.mark.parametrize(
    ("day", "month", "year", "parts"),
    [
        ("31", "2", "2026", ("day",)),
        ("29", "2", "2025", ("day",)),
        ("31", "4", "2026", ("day",)),
        ("0", "4", "2026", ("day",)),
        ("32", "1", "2026", ("day",)),
        ("1", "13", "2026", ("month",)),
        ("1", "0", "2026", ("month",)),
        ("1", "smarch", "2026", ("month",)),
        ("first", "1", "2026", ("day",)),
        ("1st", "1", "2026", ("day",)),
        ("1", "1", "20x6", ("year",)),
        ("-1", "1", "2026", ("day",)),
        ("1.5", "1", "2026", ("day",)),
        ("32", "13", "2026", ("day", "month")),
        ("1", "1", "0000", ("year",)),
    ],
)
def test_impossible_dates_must_be_real_and_the_wrong_box_is_named(day, month, year, parts):
    err = error_for(day, month, year)
    assert str(err) == "The date the decision letter was sent must be a real date"
    assert err.parts == parts


@pytest.mark.parametrize("year", ["26", "025", "20265", "1"])
def test_years_without_4_digits_are_refused_not_guessed(year):
    err = error_for("1", "10", year)
    assert str(err) == "Year must include 4 numbers"
    assert err.parts == ("year",)


def test_impossible_day_is_reported_before_a_short_year():
    assert str(error_for("32", "10", "26")).endswith("must be a real date")


def test_digits_from_other_scripts_are_not_taken_as_numbers():
    # Arabic-Indic and superscript digits: not what the boxes ask for.
    assert str(error_for("\u0663", "1", "2026")).endswith("must be a real date")
    assert str(error_for("\u00b2", "1", "2026")).endswith("must be a real date")


def test_errors_are_invalid_date_errors_with_a_focus_id_for_the_first_wrong_box():
    err = error_for("1", "", "")
    assert isinstance(err, InvalidDateError)
    assert err.focus_id == "letter-sent-month"


def test_the_label_makes_the_message_read_naturally():
    with pytest.raises(DateInputError, match="^Enter the date of the discrimination$"):
        parse_date_fields("", "", "", field="conduct", label="of the discrimination")


# -- properties -------------------------------------------------------------------------------------

real_dates = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(real_dates, st.sampled_from(["number", "padded", "name", "abbreviation", "upper"]))
def test_any_real_date_written_day_month_year_reads_back_as_itself(d, style):
    month = {
        "number": str(d.month),
        "padded": f"{d.month:02d}",
        "name": MONTH_NAMES[d.month - 1],
        "abbreviation": MONTH_NAMES[d.month - 1][:3].lower(),
        "upper": MONTH_NAMES[d.month - 1].upper(),
    }[style]
    assert parse(f" {d.day} ", month, str(d.year)) == d


@given(real_dates)
def test_any_real_date_in_iso_form_reads_back_as_itself(d):
    assert parse_iso_date(d.isoformat(), field=FIELD, label=LABEL) == d


junk = st.one_of(st.none(), st.text(max_size=12), st.integers(-10**6, 10**6).map(str))


@given(junk, junk, junk)
def test_junk_in_the_boxes_raises_only_invalid_date_error(day, month, year):
    try:
        result = parse(day, month, year)
    except InvalidDateError as err:
        assert str(err)
        assert "\n" not in str(err)
        assert err.field == FIELD
        assert err.parts and set(err.parts) <= {"day", "month", "year"}
    else:
        assert isinstance(result, date)


@given(st.text(max_size=20))
def test_junk_as_iso_text_raises_only_invalid_date_error(text):
    try:
        result = parse_iso_date(text, field=FIELD, label=LABEL)
    except InvalidDateError as err:
        assert err.field == FIELD
    else:
        year, month, day = text.strip().split("-")
        assert (int(year), int(month), int(day)) == (result.year, result.month, result.day)


# -- YYYY-MM-DD ------------------------------------------------------------------------------------

def test_iso_dates_accept_spaces_and_one_digit_month_and_day():
    assert parse_iso_date(" 2025-1-9 ", field=FIELD, label=LABEL) == date(2025, 1, 9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the date the decision letter was sent"),
        ("01/10/2025", "The date the decision letter was sent must be written as year-month-day, "
                       "for example 2025-10-01"),
        ("2025-10", "The date the decision letter was sent must be written as year-month-day, "
                    "for example 2025-10-01"),
        ("25-10-01", "The date the decision letter was sent must be written as year-month-day, "
                     "for example 2025-10-01"),
        ("2026-02-29", "The date the decision letter was sent must be a real date"),
        ("2026-13-01", "The date the decision letter was sent must be a real date"),
    ],
)
def test_iso_dates_that_cannot_be_read_say_how_to_write_them(text, message):
    with pytest.raises(InvalidDateError) as info:
        parse_iso_date(text, field=FIELD, label=LABEL)
    assert str(info.value) == message
    assert info.value.field == FIELD


# -- form fields --------------------------------------------------------------------------------------

def test_date_from_fields_reads_the_three_boxes_as_lists_from_a_browser_form():
    fields = {"letter-sent-day": ["1"], "letter-sent-month": ["oct"], "letter-sent-year": ["2025"]}
    assert date_from_fields(fields, FIELD, label=LABEL) == date(2025, 10, 1)


def test_date_from_fields_reads_an_iso_date_from_a_web_address():
    assert date_from_fields({"letter-sent": "2025-10-01"}, FIELD, label=LABEL) == date(2025, 10, 1)


def test_date_from_fields_prefers_typed_boxes_over_the_address():
    fields = {"letter-sent": ["2025-10-01"], "letter-sent-day": ["2"], "letter-sent-month": ["10"],
              "letter-sent-year": ["2025"]}
    assert date_from_fields(fields, FIELD, label=LABEL) == date(2025, 10, 2)


def test_date_from_fields_with_nothing_asks_for_the_date():
    with pytest.raises(DateInputError, match="^Enter the date the decision letter was sent$"):
        date_from_fields({"letter-sent-day": [""]}, FIELD, label=LABEL)


# -- relative checks ------------------------------------------------------------------------------------

def test_a_date_after_today_must_be_today_or_in_the_past():
    today = date(2026, 1, 5)
    assert check_not_future(today, today=today, field=FIELD, label=LABEL) == today
    with pytest.raises(FutureDateError) as info:
        check_not_future(today + timedelta(days=1), today=today, field=FIELD, label=LABEL)
    assert str(info.value) == "The date the decision letter was sent must be today or in the past"
    assert info.value.field == FIELD


def test_a_date_before_the_one_it_follows_must_be_the_same_or_after():
    letter = date(2025, 10, 1)
    kwargs = {"field": "certificate-issued", "label": "the certificate was issued", "earlier_label": LABEL}
    assert check_not_before(letter, letter, **kwargs) == letter
    with pytest.raises(DateOrderError) as info:
        check_not_before(letter - timedelta(days=1), letter, **kwargs)
    assert str(info.value) == ("The date the certificate was issued must be the same as or after "
                               "the date the decision letter was sent")
    assert info.value.field == "certificate-issued"


# -- display ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("d", "text"),
    [(date(2025, 12, 1), "Monday 1 December 2025"), (date(2026, 1, 2), "Friday 2 January 2026"),
     (date(2028, 2, 29), "Tuesday 29 February 2028")],
)
def test_long_date_spells_out_weekday_day_month_and_year(d, text):
    assert long_date(d) == text
