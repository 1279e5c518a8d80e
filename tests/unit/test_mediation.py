"""Mediation timescales (SEND Regulations 2014, regs 33 to 42)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.calendar import is_working_day
from sendrules.errors import BeyondHolidayDataError, DateOrderError, UnsupportedDateError
from sendrules.mediation import (
    MEDIATION_AGREEMENT_DUTIES,
    mediation_agreement_duties,
    mediation_timeline,
)
from sendrules.sources import SOURCES
from sendrules.time_limits import appeal_deadline


def test_certificate_over_easter_skips_good_friday_and_easter_monday():
    m = mediation_timeline(date(2026, 4, 2), False)
    assert m.certificate_due == date(2026, 4, 9)


def test_certificate_over_christmas_skips_bank_holidays_and_the_weekend():
    m = mediation_timeline(date(2025, 12, 23), False)
    assert m.certificate_due == date(2025, 12, 30)


def test_worked_example_18_declining_mediation_gives_a_certificate_date_and_a_january_deadline():
    m = mediation_timeline(date(2025, 12, 18), False, letter_sent=date(2025, 10, 20))
    assert m.certificate_due == date(2025, 12, 23)
    assert m.told_adviser_late is False
    [appeal] = m.appeal_deadlines
    assert appeal.certificate_issued == date(2025, 12, 23)
    assert appeal.governed_by == "certificate"
    assert appeal.last_day == date(2026, 1, 23)


def test_worked_example_16_mediation_route_dates_and_the_appeal_they_lead_to():
    m = mediation_timeline(date(2026, 5, 5), True, letter_sent=date(2026, 3, 10),
                           mediation_ended=date(2026, 6, 3))
    assert m.contact_adviser_by == date(2026, 5, 10) and m.told_adviser_late is False
    assert m.arrange_by == date(2026, 6, 4)
    assert m.deemed_certificate_due == date(2026, 6, 9)
    assert m.certificate_after_mediation_due == date(2026, 6, 8)
    # The example's certificate came on 5 June, inside the 3 working days; its deadline is 6 July.
    assert date(2026, 6, 5) <= m.certificate_after_mediation_due
    example = appeal_deadline(date(2026, 3, 10), date(2026, 6, 5), today=date(2026, 6, 10))
    assert example.last_day == date(2026, 7, 6)
    [appeal] = m.appeal_deadlines
    assert appeal.certificate_issued == date(2026, 6, 8) and appeal.last_day == date(2026, 7, 8)


def test_not_wanting_mediation_gives_only_the_certificate_date():
    m = mediation_timeline(date(2026, 3, 2), False)
    assert m.certificate_due == date(2026, 3, 5)
    assert m.arrange_by is None and m.deemed_certificate_due is None


def test_wanting_mediation_gives_30_calendar_days_then_3_working_days():
    m = mediation_timeline(date(2026, 3, 2), True)
    assert m.certificate_due is None
    assert m.arrange_by == date(2026, 4, 1)
    assert m.deemed_certificate_due == date(2026, 4, 8)  # Thu 2, Tue 7, Wed 8: Easter skipped


def test_without_a_letter_date_there_are_no_appeal_dates_and_no_contact_limit():
    m = mediation_timeline(date(2026, 3, 2), True)
    assert m.appeal_deadlines == () and m.contact_adviser_by is None


def test_wanting_mediation_with_a_letter_gives_the_deadline_for_a_late_certificate():
    m = mediation_timeline(date(2026, 3, 2), True, letter_sent=date(2026, 2, 20))
    [appeal] = m.appeal_deadlines
    assert appeal.certificate_issued == m.deemed_certificate_due
    assert appeal.last_day == appeal_deadline(date(2026, 2, 20), m.deemed_certificate_due,
                                              today=date(2026, 12, 1)).last_day


def test_contact_adviser_by_does_not_roll_forward_and_late_contact_is_flagged():
    m = mediation_timeline(date(2026, 11, 2), False, letter_sent=date(2026, 9, 1))
    assert m.contact_adviser_by == date(2026, 11, 1)
    assert m.told_adviser_late is True
    assert any("after" in n and "1 November 2026" in n for n in m.notes)


def test_events_are_in_date_order_with_sources():
    m = mediation_timeline(date(2026, 5, 5), True, letter_sent=date(2026, 3, 10),
                           mediation_ended=date(2026, 6, 3))
    days = [e.on for e in m.events]
    assert days == sorted(days)
    assert all(e.source_id for e in m.events)
    on, label, source_id = m.events[0]
    assert (on, source_id) == (date(2026, 3, 10), "hesc-r20")


def test_to_dict_has_the_json_contract_fields():
    not_wanted = mediation_timeline(date(2026, 3, 2), False).to_dict()
    assert not_wanted["certificate_due"] == "2026-03-05"
    wanted = mediation_timeline(date(2026, 3, 2), True).to_dict()
    assert wanted["arrange_by"] == "2026-04-01" and wanted["deemed_certificate_due"] == "2026-04-08"
    assert wanted["events"][0] == {"date": "2026-03-02", "label": "You told the mediation adviser",
                                   "source_id": "send-regs-r33"}
    json.dumps(wanted)


def test_notes_state_the_working_day_and_30_day_assumptions():
    text = " ".join(mediation_timeline(date(2026, 3, 2), True).notes)
    # Review item 15: "working day" is not defined in the SEND Regulations; we say it is our reading.
    assert "do not define a working day" in text and "ordinary meaning" in text
    assert "arrange" in text and "may be later" in text


def test_no_mediation_by_the_30th_day_says_what_to_do():
    # Review item 16: something to act on, not "do not count on a date".
    text = " ".join(mediation_timeline(date(2026, 3, 2), True).notes)
    assert "If mediation has not happened by Wednesday 1 April 2026, ask the mediation adviser" in text
    assert "within 3 working days" in text
    ended = mediation_timeline(date(2026, 3, 2), True, mediation_ended=date(2026, 3, 20))
    assert not any("has not happened" in n for n in ended.notes)


def test_steps_cite_the_regulations():
    ids = {s.source_id for s in mediation_timeline(date(2026, 3, 2), False).steps}
    assert "send-regs-r34" in ids
    wanted = mediation_timeline(date(2026, 3, 2), True, mediation_ended=date(2026, 4, 1))
    ids = {s.source_id for s in wanted.steps}
    # The 30-day and 3-working-day rules cite the Part 2 "Mediation" crossheading, not an unread number.
    assert "send-regs-mediation" in ids
    assert {s.id for s in wanted.sources} >= {"send-regs-r33", "send-regs-mediation"}
    assert SOURCES["send-regs-mediation"].provision == 'Part 2, "Mediation" (regulations 32 to 42)'


def test_the_mediator_sends_the_certificate_after_mediation():
    # Review item 5: the duty after mediation is the mediator's.
    wanted = mediation_timeline(date(2026, 3, 2), True, mediation_ended=date(2026, 4, 1))
    assert any(s.text.startswith("Mediation ended on Wednesday 1 April 2026. The mediator must send you a "
                                 "certificate within 3 working days") for s in wanted.steps)


def test_telling_the_adviser_before_the_letter_is_refused():
    with pytest.raises(DateOrderError) as err:
        mediation_timeline(date(2026, 3, 1), False, letter_sent=date(2026, 3, 2))
    assert err.value.field == "told-adviser"


def test_mediation_ending_before_the_adviser_was_told_is_refused():
    with pytest.raises(DateOrderError) as err:
        mediation_timeline(date(2026, 3, 2), True, mediation_ended=date(2026, 3, 1))
    assert err.value.field == "mediation-ended"


def test_letter_before_21_july_2020_is_refused():
    with pytest.raises(UnsupportedDateError):
        mediation_timeline(date(2020, 8, 1), False, letter_sent=date(2020, 7, 1))


def test_dates_beyond_the_holiday_data_are_refused():
    with pytest.raises(BeyondHolidayDataError) as err:
        mediation_timeline(date(2030, 12, 20), True)
    assert err.value.field == "told-adviser"


def test_dates_before_the_holiday_data_are_refused_saying_where_the_data_starts():
    with pytest.raises(BeyondHolidayDataError) as err:
        mediation_timeline(date(2019, 12, 30), False)
    assert "from 1 January 2020" in err.value.message


def test_a_computed_year_carries_a_note():
    m = mediation_timeline(date(2029, 3, 1), False)
    assert m.uses_computed_holidays is True


@given(st.dates(min_value=date(2020, 7, 21), max_value=date(2030, 9, 1)), st.booleans())
def test_certificate_dates_are_working_days_after_the_trigger(told, wants):
    m = mediation_timeline(told, wants)
    due = m.deemed_certificate_due if wants else m.certificate_due
    assert is_working_day(due)
    assert due > (m.arrange_by if wants else told)
    assert due - told <= timedelta(days=(30 if wants else 0) + 9)


# -- mediation agreements -------------------------------------------------------------------------

def test_agreement_duties_cover_reg_42_and_the_reg_44_periods():
    duties = {d.matter: d for d in MEDIATION_AGREEMENT_DUTIES}
    assert any(d.weeks == 2 and d.source_id == "send-regs-r42" for d in duties.values())
    assert any(d.weeks == 1 and d.who == "health commissioner" for d in duties.values())
    weeks = sorted(d.weeks for d in duties.values() if d.source_id == "send-regs-r44")
    assert weeks == [2, 2, 5, 5, 10, 11, 14]


def test_agreement_duties_with_a_date_give_calendar_week_deadlines():
    answer = mediation_agreement_duties(date(2026, 6, 10))
    final_plan = next(d for d in answer.duties if d.matter.endswith("send the final plan"))
    assert final_plan.by == date(2026, 8, 26)
    assert any("different timescale" in s.text for s in answer.steps)
