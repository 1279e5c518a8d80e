"""Phase transfer dates (SEND Regulations 2014, regulation 18) and the phase-transfer command."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.cli import main
from sendrules.errors import (
    DateOrderError,
    FutureDateError,
    InvalidDateError,
    SendRulesError,
    UnknownDecisionError,
)
from sendrules.phase_transfer import (
    MEDIATION_ARRANGE_DAYS,
    TIGHT_IF_MOVE_WITHIN_DAYS,
    TRANSFERS,
    UnknownTransferError,
    normal_transfer_year,
    phase_transfer_deadline,
    reception_year,
    time_before_move,
)

TODAY = date(2026, 11, 30)


# --- the year of the move from the date of birth ---------------------------------------------


def test_born_31_august_starts_reception_a_year_before_born_1_september():
    assert reception_year(date(2020, 8, 31)) == 2024
    assert reception_year(date(2020, 9, 1)) == 2025


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(2019, 9, 1), 2024),  # first day of the school year
        (date(2020, 1, 1), 2024),
        (date(2020, 8, 31), 2024),  # last day of the same school year
        (date(2020, 2, 29), 2024),  # leap day: same year group as 1 Jan 2020
        (date(2019, 12, 31), 2024),
    ],
)
def test_reception_year_follows_the_school_year_from_1_september(born, expected):
    assert reception_year(born) == expected


@pytest.mark.parametrize(
    ("transfer", "born", "year"),
    [
        ("early-years-to-school", date(2022, 8, 31), 2026),
        ("early-years-to-school", date(2022, 9, 1), 2027),
        ("infant-to-junior", date(2019, 8, 31), 2026),  # turns 7 on 31 Aug 2026: Year 3 that September
        ("infant-to-junior", date(2019, 9, 1), 2027),
        ("primary-to-secondary", date(2015, 8, 31), 2026),  # turns 11 on 31 Aug 2026
        ("primary-to-secondary", date(2015, 9, 1), 2027),  # turns 11 on 1 Sep 2026: a year later
        ("secondary-to-post-16", date(2011, 8, 31), 2027),  # turns 16 on 31 Aug 2027
        ("secondary-to-post-16", date(2011, 9, 1), 2028),
    ],
)
def test_normal_transfer_year_boundary_birthdays(transfer, born, year):
    assert normal_transfer_year(transfer, born) == year


def test_leap_day_birthday_is_counted_in_the_year_group_of_its_school_year():
    result = phase_transfer_deadline("primary-to-secondary", date_of_birth=date(2016, 2, 29), today=TODAY)
    # Reception September 2020, Year 7 September 2027.
    assert result.transfer_year == 2027
    assert result.last_day == date(2027, 2, 14)
    assert result.year_from == "date-of-birth"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_the_child_has_had_the_birthday_before_the_september_they_move(born):
    for transfer, age in (("early-years-to-school", 4), ("infant-to-junior", 7),
                          ("primary-to-secondary", 11), ("secondary-to-post-16", 16)):
        year = normal_transfer_year(transfer, born)
        september = date(year, 9, 1)
        birthday_year = born.year + age
        # The birthday at that age falls in the school year that ends just before the move.
        assert date(year - 1, 9, 1) <= date(birthday_year, born.month, min(born.day, 28)) < september


def test_middle_school_moves_need_the_year():
    with pytest.raises(UnknownTransferError) as err:
        phase_transfer_deadline("primary-to-middle", date_of_birth=date(2017, 5, 1), today=TODAY)
    assert err.value.field == "transfer-year"
    result = phase_transfer_deadline("primary-to-middle", transfer_year=2027, today=TODAY)
    assert result.last_day == date(2027, 2, 14)


# --- the dates regulation 18 gives ---------------------------------------------------------------


@pytest.mark.parametrize("transfer", [t for t in TRANSFERS if t not in {"secondary-to-post-16",
                                                                          "secondary-to-school-sixth-form",
                                                                          "post-16-to-post-16"}])
def test_moves_between_schools_must_be_settled_before_15_february(transfer):
    result = phase_transfer_deadline(transfer, transfer_year=2027, today=TODAY)
    assert result.must_be_before == date(2027, 2, 15)
    assert result.last_day == date(2027, 2, 14)
    assert "before 15 February" in result.statutory_wording
    assert result.move_starts == date(2027, 9, 1)
    assert [s.id for s in result.sources] == ["send-regs-r18"]


def test_secondary_to_post_16_must_be_settled_before_31_march():
    result = phase_transfer_deadline("secondary-to-post-16", transfer_year="2027", today=TODAY)
    assert result.must_be_before == date(2027, 3, 31)
    assert result.last_day == date(2027, 3, 30)
    assert "before 31 March" in result.statutory_wording


def test_the_31_march_date_is_for_a_move_to_a_post_16_institution():
    # Review item 4: regulation 2(1)(f) is "secondary school to a post-16 institution", which is not a school.
    label = TRANSFERS["secondary-to-post-16"].label
    assert "college" in label and "specialist post-16 institution" in label
    assert "school sixth form" not in label and "sixth form or college" not in label


def test_a_move_into_a_school_sixth_form_has_no_regulation_18_date():
    result = phase_transfer_deadline("secondary-to-school-sixth-form", transfer_year="2027", today=TODAY)
    assert result.last_day is None and result.must_be_before is None and result.days_left is None
    assert not result.fixed_date and not result.passed
    assert result.move_starts == date(2027, 9, 1) and result.time.tight
    working = " ".join(s.text for s in result.steps)
    assert "not a \"transfer between phases of education\"" in working
    assert "on our reading, the law sets no date" in working
    assert "review the plan early" in working
    assert [s.id for s in result.sources] == ["send-regs-r2", "send-regs-r18", "cfa-s83"]
    # The other reading, with its date, is named (the earlier-date rule: show it, do not hide it).
    (other,) = result.alternatives
    assert other.on == date(2027, 3, 30) and "31 March" in other.reading


def test_a_move_into_a_school_sixth_form_works_out_the_year_from_the_date_of_birth():
    result = phase_transfer_deadline("secondary-to-school-sixth-form", date_of_birth=date(2011, 8, 31),
                                     today=TODAY)
    assert result.transfer_year == 2027 and result.year_from == "date-of-birth"


def test_cli_a_school_sixth_form_says_there_is_no_fixed_date(capsys):
    code = main(["phase-transfer", "--transfer", "secondary-to-school-sixth-form", "--transfer-year", "2027",
                 "--today", "2026-11-30"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("No fixed date") and "31 March" in out  # named as the other reading


def test_post_16_to_post_16_at_another_time_is_five_months_before_the_move():
    result = phase_transfer_deadline("post-16-to-post-16", move_date=date(2027, 1, 10), today=TODAY)
    assert result.last_day == date(2026, 8, 10)
    assert result.passed
    # No corresponding date: 31 July less 5 months is the end of February (the earlier date).
    result = phase_transfer_deadline("post-16-to-post-16", move_date=date(2028, 7, 31), today=TODAY)
    assert result.last_day == date(2028, 2, 29)


def test_post_16_to_post_16_needs_the_move_date():
    with pytest.raises(UnknownTransferError) as err:
        phase_transfer_deadline("post-16-to-post-16", transfer_year=2027, today=TODAY)
    assert err.value.field == "move-date"


def test_move_date_for_a_school_move_is_refused():
    with pytest.raises(DateOrderError) as err:
        phase_transfer_deadline("primary-to-secondary", move_date=date(2027, 9, 1), today=TODAY)
    assert err.value.field == "move-date"


def test_days_left_and_passed_against_today():
    last_day = date(2027, 2, 14)
    on_the_day = phase_transfer_deadline("primary-to-secondary", transfer_year=2027, today=last_day)
    assert on_the_day.days_left == 0 and not on_the_day.passed
    day_after = phase_transfer_deadline("primary-to-secondary", transfer_year=2027,
                                        today=last_day + timedelta(days=1))
    assert day_after.days_left == -1 and day_after.passed
    before = phase_transfer_deadline("primary-to-secondary", transfer_year=2027, today=TODAY)
    assert before.days_left == (last_day - TODAY).days and not before.passed


def test_out_of_year_group_the_given_year_wins_with_a_note():
    result = phase_transfer_deadline("primary-to-secondary", transfer_year=2028,
                                     date_of_birth=date(2016, 2, 29), today=TODAY)
    assert result.transfer_year == 2028
    assert result.normal_year == 2027
    assert result.year_from == "transfer-year"
    assert any("2027" in note and "2028" in note for note in result.notes)


def test_every_answer_shows_its_working_with_the_regulation():
    # Born March 2020: Reception September 2024, Year 3 September 2027.
    result = phase_transfer_deadline("infant-to-junior", date_of_birth=date(2020, 3, 3), today=TODAY)
    assert len(result.steps) >= 3
    assert any(step.source_id == "send-regs-r18" for step in result.steps)
    assert any(step.on == result.last_day for step in result.steps)
    data = result.to_dict()
    assert data["last_day"] == "2027-02-14"
    assert data["must_be_before"] == "2027-02-15"
    assert data["time"]["moved_already"] is False


# --- bad input -----------------------------------------------------------------------------------


def test_unknown_move_lists_the_valid_ones():
    with pytest.raises(UnknownTransferError) as err:
        phase_transfer_deadline("nursery-to-uni", transfer_year=2027, today=TODAY)
    assert isinstance(err.value, UnknownDecisionError)
    assert err.value.field == "phase-transfer"
    for value in TRANSFERS:
        assert value in err.value.message


@pytest.mark.parametrize("year", ["27", "twenty", "2014", "2099", ""])
def test_bad_years_are_explained(year):
    if year == "":
        with pytest.raises(InvalidDateError, match="date of birth or the year"):
            phase_transfer_deadline("primary-to-secondary", transfer_year=year, today=TODAY)
        return
    with pytest.raises(InvalidDateError) as err:
        phase_transfer_deadline("primary-to-secondary", transfer_year=year, today=TODAY)
    assert err.value.field == "transfer-year"


def test_date_of_birth_in_the_future_is_refused():
    with pytest.raises(FutureDateError) as err:
        phase_transfer_deadline("early-years-to-school", date_of_birth=TODAY + timedelta(days=1), today=TODAY)
    assert err.value.field == "date-of-birth"


# --- is there time for mediation before the move? ------------------------------------------------


def test_a_move_within_a_year_is_tight():
    move = date(2027, 9, 1)
    tight = time_before_move(move, date(2027, 2, 14), today=move - timedelta(days=TIGHT_IF_MOVE_WITHIN_DAYS))
    assert tight.tight and not tight.moved_already
    roomy = time_before_move(move, date(2027, 2, 14),
                             today=move - timedelta(days=TIGHT_IF_MOVE_WITHIN_DAYS + 1))
    assert not roomy.tight
    days_back = TIGHT_IF_MOVE_WITHIN_DAYS + 1 - MEDIATION_ARRANGE_DAYS
    assert roomy.mediation_arranged_by == move - timedelta(days=days_back)


def test_a_move_that_has_started_is_no_longer_a_fixed_date():
    result = phase_transfer_deadline("primary-to-secondary", transfer_year=2026, today=TODAY)
    assert result.passed and result.time.moved_already and not result.time.tight


# --- command line --------------------------------------------------------------------------------


def test_cli_prints_the_last_day(capsys):
    code = main(["phase-transfer", "--transfer", "primary-to-secondary", "--date-of-birth", "2015-08-31",
                 "--today", "2025-11-30"])
    out = capsys.readouterr()
    assert code == 0
    assert "Saturday 14 February 2026" in out.out
    assert "before 15 February" in out.out
    assert out.err == ""


def test_cli_json(capsys):
    import json

    code = main(["phase-transfer", "--transfer", "secondary-to-post-16", "--transfer-year", "2027",
                 "--today", "2026-11-30", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["last_day"] == "2027-03-30"
    assert data["days_left"] == (date(2027, 3, 30) - date(2026, 11, 30)).days


@pytest.mark.parametrize(
    "argv",
    [
        ["phase-transfer", "--transfer", "bogus", "--transfer-year", "2027"],
        ["phase-transfer", "--transfer", "primary-to-secondary", "--date-of-birth", "2015-02-30"],
        ["phase-transfer", "--transfer", "primary-to-secondary"],
        ["phase-transfer", "--transfer-year", "2027"],
    ],
)
def test_cli_bad_input_exits_2_with_one_line(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    assert code == 2
    assert out.out == ""
    assert len(out.err.strip().splitlines()) == 1


def test_errors_are_sendrules_errors():
    assert issubclass(UnknownTransferError, SendRulesError)
