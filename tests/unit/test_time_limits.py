"""SEN appeal deadlines (HESC r.20(1)(c), r.12) and disability discrimination claim deadlines."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.calendar import add_months, is_working_day
from sendrules.errors import (
    BeyondHolidayDataError,
    DateOrderError,
    FutureDateError,
    UnsupportedDateError,
)
from sendrules.time_limits import appeal_deadline, dd_claim_deadline

LATE_TODAY = date(2030, 12, 31)


def deadline(letter, certificate=None, today=LATE_TODAY):
    return appeal_deadline(letter, certificate, today=today)


# -- worked examples from the law note ---------------------------------------------------------

def test_worked_example_1_corresponding_date_on_a_working_day_is_the_last_day():
    r = deadline(date(2025, 10, 1))
    assert (r.letter_end, r.raw_end, r.last_day) == (date(2025, 12, 1), date(2025, 12, 1), date(2025, 12, 1))
    assert r.rule == "none" and r.governed_by == "letter"


def test_worked_example_2_certificate_in_christmas_window_moves_to_first_working_day_after_new_year():
    r = deadline(date(2025, 10, 1), date(2025, 11, 29))
    assert r.certificate_end == date(2025, 12, 29)
    assert r.raw_end == date(2025, 12, 29)
    assert r.governed_by == "certificate"
    assert r.rule == "christmas-new-year"
    assert r.last_day == date(2026, 1, 2)


def test_worked_example_3_month_end_clamp_then_weekend_roll_forward():
    r = deadline(date(2025, 12, 31))
    assert r.letter_end == date(2026, 2, 28)
    assert r.rule == "weekend-or-bank-holiday"
    assert r.last_day == date(2026, 3, 2)


def test_worked_example_4_clamps_to_29_february_in_a_leap_year():
    r = deadline(date(2027, 12, 31))
    assert r.last_day == date(2028, 2, 29) and r.rule == "none"


def test_worked_example_6_saturday_rolls_forward_to_monday():
    assert deadline(date(2026, 1, 14)).last_day == date(2026, 3, 16)


def test_worked_example_7_good_friday_and_easter_monday_are_skipped():
    r = deadline(date(2026, 2, 3))
    assert r.raw_end == date(2026, 4, 3)
    assert r.last_day == date(2026, 4, 7)
    assert any("Good Friday" in s.text for s in r.steps)


def test_worked_example_8_state_funeral_bank_holiday_is_skipped():
    assert deadline(date(2022, 7, 19)).last_day == date(2022, 9, 20)


def test_worked_example_10_deadline_in_august_moves_to_first_working_day_after_31_august():
    r = deadline(date(2026, 6, 15))
    assert r.raw_end == date(2026, 8, 15)
    assert r.rule == "august"
    assert r.last_day == date(2026, 9, 1)


def test_worked_example_13_christmas_window_with_new_year_weekend_moves_to_4_january():
    r = deadline(date(2026, 10, 29))
    assert r.raw_end == date(2026, 12, 29)
    assert r.last_day == date(2027, 1, 4)


def test_worked_example_14_new_year_substitute_day_is_skipped_after_the_christmas_window():
    r = deadline(date(2021, 10, 1), date(2021, 12, 1))
    assert r.raw_end == date(2022, 1, 1)
    assert r.governed_by == "certificate"
    assert r.last_day == date(2022, 1, 4)


def test_worked_example_16_certificate_after_mediation_sets_the_deadline():
    r = deadline(date(2026, 3, 10), date(2026, 6, 5))
    assert r.letter_end == date(2026, 5, 10)
    assert r.certificate_end == date(2026, 7, 5)
    assert r.governed_by == "certificate"
    assert r.last_day == date(2026, 7, 6)


def test_worked_example_18_certificate_before_christmas_gives_a_january_deadline():
    r = deadline(date(2025, 10, 20), date(2025, 12, 23))
    assert r.letter_end == date(2025, 12, 20)
    assert r.certificate_end == date(2026, 1, 23)
    assert r.last_day == date(2026, 1, 23)
    assert r.rule == "none"


def test_contact_adviser_by_is_two_months_after_the_letter_and_does_not_roll_forward():
    r = deadline(date(2026, 9, 1))
    assert r.contact_adviser_by == date(2026, 11, 1)
    assert r.contact_adviser_working_day == date(2026, 10, 30)
    assert r.last_day == date(2026, 11, 2)
    assert any("30 October 2026" in n for n in r.notes)


# -- law note open doubt 3: a roll-forward into a holiday window ---------------------------------

def test_saturday_24_december_rolls_to_the_strict_date_and_names_the_later_reading():
    r = deadline(date(2022, 10, 24))
    assert r.raw_end == date(2022, 12, 24)
    assert r.last_day == date(2022, 12, 28)
    assert r.rule == "weekend-or-bank-holiday"
    assert [a.on for a in r.alternatives] == [date(2023, 1, 3)]


def test_sunday_31_july_rolls_to_1_august_and_names_the_september_reading():
    r = deadline(date(2022, 5, 31))
    assert r.raw_end == date(2022, 7, 31)
    assert r.last_day == date(2022, 8, 1)
    assert [a.on for a in r.alternatives] == [date(2022, 9, 1)]
    assert "August" in r.alternatives[0].reading


def test_an_ordinary_weekend_roll_forward_has_no_alternative():
    assert deadline(date(2026, 1, 14)).alternatives == ()


def test_when_both_periods_end_on_the_same_day_the_letter_governs():
    r = deadline(date(2026, 1, 15), date(2026, 2, 15))
    assert r.letter_end == r.certificate_end == date(2026, 3, 15)
    assert r.governed_by == "letter"


def test_a_certificate_ending_earlier_than_the_letter_period_does_not_shorten_time():
    r = deadline(date(2026, 3, 10), date(2026, 3, 20))
    assert r.governed_by == "letter" and r.raw_end == date(2026, 5, 10)


# -- the rest of the answer -------------------------------------------------------------------

def test_steps_explain_the_working_in_plain_dates():
    texts = [s.text for s in deadline(date(2025, 10, 1)).steps]
    assert texts[0] == "The decision letter was sent on Wednesday 1 October 2025."
    assert texts[1] == "Two calendar months after that is Monday 1 December 2025."


def test_month_end_clamp_is_explained_in_the_steps():
    assert any("has no such date" in s.text for s in deadline(date(2025, 12, 31)).steps)


def test_answer_cites_its_provisions():
    ids = {s.id for s in deadline(date(2026, 6, 15)).sources}
    assert {"hesc-r20", "hesc-r12-3", "hesc-r1-3", "dodds-v-walker"} <= ids


def test_answer_advises_5pm_and_explains_sent_versus_dated():
    r = deadline(date(2025, 10, 1))
    assert r.cut_off == "5pm"
    assert any("5pm" in n for n in r.notes)
    assert any("sent" in n and "date printed on it" in n for n in r.notes)
    # Review item 11: "almost always", and the earliest date when there is no date or two dates.
    assert any("almost always" in n and "use the earliest" in n for n in r.notes)
    assert not any("never later" in n for n in r.notes)


def test_days_left_counts_to_the_last_day_and_passed_is_false_on_the_day():
    r = deadline(date(2025, 10, 1), today=date(2025, 12, 1))
    assert r.passed is False and r.days_left == 0 and r.late_appeal == ()
    assert deadline(date(2025, 10, 1), today=date(2025, 11, 21)).days_left == 10


def test_after_the_last_day_the_answer_explains_how_to_ask_for_a_late_appeal():
    r = deadline(date(2025, 10, 1), today=date(2025, 12, 3))
    assert r.passed is True and r.days_late == 2
    assert r.late_appeal and any("reasons" in s.text for s in r.late_appeal)
    assert "hesc-r5-r20-4" in {s.id for s in r.sources}
    # Review item 6: every thing the letter must tell you, since each missing one helps a late appeal.
    letter = next(s.text for s in r.late_appeal if "decision letter" in s.text)
    for item in ("right to appeal and the time limit", "how to contact the mediation adviser",
                 "mediation does not affect your right to appeal", "disagreement resolution",
                 "(SENDIASS)", "health and social care recommendations"):
        assert item in letter


def test_a_deadline_in_a_computed_year_carries_a_note():
    r = deadline(date(2028, 11, 15), today=date(2028, 11, 20))
    assert r.last_day == date(2029, 1, 15)
    assert r.uses_computed_holidays is True
    assert any("not been announced" in n for n in r.notes)


def test_a_deadline_in_an_announced_year_has_no_computed_holiday_note():
    assert deadline(date(2025, 10, 1)).uses_computed_holidays is False


def test_to_dict_gives_the_command_line_contract_as_json():
    d = deadline(date(2025, 10, 1), date(2025, 11, 29), today=date(2025, 12, 10)).to_dict()
    for key in ("last_day", "raw_end", "governed_by", "steps", "sources", "alternatives", "passed"):
        assert key in d
    assert d["last_day"] == "2026-01-02" and d["raw_end"] == "2025-12-29"
    assert d["governed_by"] == "certificate" and d["passed"] is False
    assert d["sources"][0]["id"] == "hesc-r20"
    json.dumps(d)


# -- bad input ----------------------------------------------------------------------------------

def test_letter_after_today_is_refused_naming_the_letter_field():
    with pytest.raises(FutureDateError) as err:
        appeal_deadline(date(2026, 1, 2), today=date(2026, 1, 1))
    assert err.value.field == "letter-sent"
    assert "today or in the past" in err.value.message


def test_certificate_after_today_is_refused_naming_the_certificate_field():
    with pytest.raises(FutureDateError) as err:
        appeal_deadline(date(2025, 10, 1), date(2026, 1, 2), today=date(2026, 1, 1))
    assert err.value.field == "certificate-issued"


def test_certificate_before_letter_is_refused():
    with pytest.raises(DateOrderError) as err:
        deadline(date(2025, 10, 1), date(2025, 9, 30))
    assert err.value.field == "certificate-issued"
    assert "Check both dates" in err.value.message


def test_letter_before_21_july_2020_is_refused_explaining_the_rule_change():
    with pytest.raises(UnsupportedDateError) as err:
        deadline(date(2020, 7, 20))
    assert err.value.field == "letter-sent"
    assert "21 July 2020" in err.value.message


def test_letter_on_21_july_2020_is_accepted():
    assert deadline(date(2020, 7, 21)).last_day == date(2020, 9, 21)


def test_deadline_beyond_the_holiday_data_is_refused_with_a_readable_message():
    with pytest.raises(BeyondHolidayDataError) as err:
        deadline(date(2030, 10, 30))
    assert err.value.field == "letter-sent"
    assert "31 December 2030" in err.value.message


def test_a_certificate_that_pushes_the_deadline_beyond_the_data_names_the_certificate_field():
    with pytest.raises(BeyondHolidayDataError) as err:
        deadline(date(2030, 10, 1), date(2030, 12, 28))
    assert err.value.field == "certificate-issued"


def test_a_datetime_instead_of_a_date_is_a_programming_error():
    from datetime import datetime
    with pytest.raises(TypeError):
        appeal_deadline(datetime(2025, 10, 1, 9, 0), today=LATE_TODAY)


# -- properties ---------------------------------------------------------------------------------

# Letters whose every deadline below falls within the bank-holiday data (to 31 December 2030),
# beyond which the rules refuse to answer (BeyondHolidayDataError). The latest certificate a
# property builds is 120 days after the letter (OFFSETS plus a shift of up to 30 days); its last
# day is a month after that, moved past any Christmas closure. A letter on 1 August 2030 could
# reach January 2031, which Hypothesis found.
LETTERS = st.dates(min_value=date(2020, 7, 21), max_value=date(2030, 7, 1))
OFFSETS = st.integers(min_value=0, max_value=90)


@given(LETTERS, st.one_of(st.none(), OFFSETS))
def test_last_day_is_always_a_working_day(letter, offset):
    cert = None if offset is None else letter + timedelta(days=offset)
    assert is_working_day(deadline(letter, cert).last_day)


@given(LETTERS, st.one_of(st.none(), OFFSETS))
def test_last_day_is_never_before_two_months_after_the_letter_or_the_raw_end(letter, offset):
    cert = None if offset is None else letter + timedelta(days=offset)
    r = deadline(letter, cert)
    assert r.last_day >= add_months(letter, 2)
    assert r.last_day >= r.raw_end


@given(LETTERS, OFFSETS)
def test_a_certificate_never_shortens_the_time_to_appeal(letter, offset):
    assert deadline(letter, letter + timedelta(days=offset)).last_day >= deadline(letter).last_day


@given(LETTERS, st.integers(min_value=1, max_value=40))
def test_a_later_letter_never_gives_an_earlier_deadline(letter, shift):
    assert deadline(letter + timedelta(days=shift)).last_day >= deadline(letter).last_day


@given(LETTERS, OFFSETS, st.integers(min_value=1, max_value=30))
def test_a_later_certificate_never_gives_an_earlier_deadline(letter, offset, shift):
    cert = letter + timedelta(days=offset)
    assert deadline(letter, cert + timedelta(days=shift)).last_day >= deadline(letter, cert).last_day


@given(LETTERS, OFFSETS, st.integers(min_value=1, max_value=30))
def test_a_later_letter_with_the_same_certificate_never_gives_an_earlier_deadline(letter, offset, shift):
    cert = letter + timedelta(days=offset + shift)
    later = letter + timedelta(days=shift)
    assert deadline(later, cert).last_day >= deadline(letter, cert).last_day


@given(LETTERS, st.one_of(st.none(), OFFSETS))
def test_any_alternative_is_later_than_the_answer(letter, offset):
    cert = None if offset is None else letter + timedelta(days=offset)
    r = deadline(letter, cert)
    assert all(a.on > r.last_day for a in r.alternatives)


# -- disability discrimination claims -----------------------------------------------------------

def test_dd_claim_six_months_starting_with_the_conduct_ends_the_day_before_the_corresponding_date():
    r = dd_claim_deadline(date(2026, 3, 10), today=date(2026, 3, 20))
    assert r.last_day == date(2026, 9, 9)
    assert r.safe_day == date(2026, 9, 9)
    assert r.alternatives == ()


def test_dd_claim_has_no_august_extension():
    r = dd_claim_deadline(date(2026, 2, 15), today=date(2026, 3, 1))
    assert r.last_day == date(2026, 8, 14)
    assert r.safe_day == date(2026, 8, 14)


def test_dd_claim_ending_on_a_sunday_advises_the_friday_and_names_the_monday():
    r = dd_claim_deadline(date(2026, 3, 14), today=date(2026, 3, 20))
    assert r.last_day == date(2026, 9, 13)
    assert r.safe_day == date(2026, 9, 11)
    assert [a.on for a in r.alternatives] == [date(2026, 9, 14)]
    # Review item 19: r.12(2) covers time set by the Tribunal's rules; this limit is the Equality Act's.
    working = " ".join(s.text for s in r.steps)
    assert "probably does not apply" in working and "Friday 11 September 2026" in working
    assert "not clear" not in working
    assert "It probably does not" in r.alternatives[0].why


def test_dd_claim_month_end_gives_the_earlier_reading_and_names_the_later():
    r = dd_claim_deadline(date(2025, 8, 31), today=date(2025, 9, 1))
    assert r.corresponding_date == date(2026, 2, 28)
    assert r.last_day == date(2026, 2, 27)
    assert date(2026, 2, 28) in [a.on for a in r.alternatives]


def test_dd_claim_notes_conciliation_late_claims_and_continuing_conduct():
    r = dd_claim_deadline(date(2026, 3, 10), today=date(2026, 3, 20))
    assert r.conciliation_last_day == date(2026, 12, 9)
    text = " ".join(r.notes)
    assert "conciliation" in text and "adds 3 months" in text and "Wednesday 9 December 2026" in text
    # Review item 20: that conciliation is not ACAS early conciliation, and none is known to run now.
    assert "ACAS early conciliation is not it" in text and "do not count on the extra time" in text
    assert "over a period" in text
    assert "after the time limit" in text


def test_dd_claim_after_the_last_day_explains_late_claims():
    r = dd_claim_deadline(date(2025, 3, 10), today=date(2026, 1, 1))
    assert r.passed is True and r.late_claim


def test_dd_claim_to_dict_has_last_day_and_safe_day():
    d = dd_claim_deadline(date(2026, 3, 14), today=date(2026, 3, 20)).to_dict()
    assert d["last_day"] == "2026-09-13" and d["safe_day"] == "2026-09-11"
    json.dumps(d)


def test_dd_claim_conduct_in_the_future_is_refused():
    with pytest.raises(FutureDateError) as err:
        dd_claim_deadline(date(2026, 3, 21), today=date(2026, 3, 20))
    assert err.value.field == "conduct"


def test_dd_claim_conduct_before_21_july_2020_is_refused():
    with pytest.raises(UnsupportedDateError) as err:
        dd_claim_deadline(date(2020, 7, 1), today=date(2026, 3, 20))
    assert err.value.field == "conduct"


@given(st.dates(min_value=date(2020, 7, 21), max_value=date(2030, 6, 1)))
def test_dd_safe_day_is_a_working_day_on_or_before_the_last_day(conduct):
    r = dd_claim_deadline(conduct, today=LATE_TODAY)
    assert is_working_day(r.safe_day)
    assert r.safe_day <= r.last_day < add_months(conduct, 6)
