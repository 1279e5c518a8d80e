"""The council's own time limits (sendrules.council_deadlines): worked examples and properties.

Every worked example below was counted on a calendar by hand: calendar weeks from the trigger,
no moving for weekends, bank holidays, Christmas or August (law note, section 5).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.calendar import is_working_day
from sendrules.cli import main
from sendrules.council_deadlines import (
    CHECKED,
    MATTERS,
    REPLY_WITHIN_DAYS,
    SITUATIONS,
    council_deadlines,
    council_letter,
)
from sendrules.errors import DateOrderError, FutureDateError, UnknownDecisionError, UnsupportedDateError

TODAY = date(2026, 11, 30)
D = date.fromisoformat


def dates(answer) -> dict[str, str]:
    return {d.id: d.by.isoformat() for d in answer.deadlines}


# -- a request for an EHC needs assessment (regs 5, 10, 13) ------------------------------------------


def test_request_received_monday_5_january_2026_decision_due_monday_16_february():
    # The issue's own example: "within 6 weeks" ends on the same weekday 6 weeks later.
    answer = council_deadlines("request", D("2026-01-05"), today=TODAY)
    assert dates(answer)["decide-to-assess"] == "2026-02-16"


def test_law_note_assessment_timeline_from_monday_12_january_2026():
    # Law note, "LA assessment timeline": 4 May 2026 is a bank holiday, and the date does not move.
    answer = council_deadlines("request", D("2026-01-12"), today=D("2026-01-20"))
    assert dates(answer) == {"decide-to-assess": "2026-02-23", "no-plan-decision": "2026-05-04",
                             "final-plan": "2026-06-01"}
    assert not is_working_day(D("2026-05-04"))


def test_request_received_on_a_saturday_gives_saturdays():
    answer = council_deadlines("request", D("2026-03-07"), today=TODAY)
    assert dates(answer) == {"decide-to-assess": "2026-04-18", "no-plan-decision": "2026-06-27",
                             "final-plan": "2026-07-25"}
    assert all(d.by.weekday() == 5 for d in answer.deadlines)


def test_request_received_on_29_february_2028():
    answer = council_deadlines("request", D("2028-02-29"), today=D("2028-03-01"))
    assert dates(answer) == {"decide-to-assess": "2028-04-11", "no-plan-decision": "2028-06-20",
                             "final-plan": "2028-07-18"}


def test_request_across_christmas_ends_on_christmas_day_and_stays_there():
    answer = council_deadlines("request", D("2026-11-13"), today=TODAY)
    assert dates(answer) == {"decide-to-assess": "2026-12-25", "no-plan-decision": "2027-03-05",
                             "final-plan": "2027-04-02"}


def test_a_limit_ending_in_august_is_not_moved_to_september():
    answer = council_deadlines("request", D("2026-07-03"), today=TODAY)
    assert dates(answer)["decide-to-assess"] == "2026-08-14"


def test_request_limits_cite_regulations_5_10_and_13_and_the_exceptions():
    answer = council_deadlines("request", D("2026-01-12"), today=TODAY)
    cited = {d.id: [s.id for s in d.sources] for d in answer.deadlines}
    assert cited == {"decide-to-assess": ["send-regs-r5"], "no-plan-decision": ["send-regs-r10"],
                     "final-plan": ["send-regs-r13"]}
    assert "early years" not in " ".join(answer.deadline("decide-to-assess").may_not_bind_if)
    assert "early years" in " ".join(answer.deadline("final-plan").may_not_bind_if)
    for d in answer.deadlines:
        assert d.how_sure == CHECKED
        assert len(d.may_not_bind_if) == 3
        assert any("4 weeks or more" in reason and "closure" in reason for reason in d.may_not_bind_if)
        assert any("exceptional personal circumstances" in reason for reason in d.may_not_bind_if)
        assert any("away from the council's area" in reason for reason in d.may_not_bind_if)
    assert any("may not bind" in note and "no later date" in note for note in answer.notes)


# -- an annual review (regs 20, 22; Devon) -----------------------------------------------------------


def test_law_note_annual_review_from_wednesday_4_march_2026():
    answer = council_deadlines("annual-review", D("2026-03-04"), today=D("2026-03-05"))
    assert dates(answer) == {"review-decision": "2026-04-01", "amended-plan": "2026-05-27"}
    assert "12 weeks after the review meeting" in answer.deadline("amended-plan").law
    assert {s.id for s in answer.deadline("amended-plan").sources} >= {"send-regs-r22", "devon-2022"}


def test_review_decision_is_believed_to_be_paragraph_10_and_says_so():
    d = council_deadlines("annual-review", D("2026-03-04"), today=TODAY).deadline("review-decision")
    assert d.how_sure != CHECKED and "paragraph (10)" in d.how_sure
    assert all("(10)" not in s.provision for s in d.sources)


def test_amendments_sent_in_time_give_8_weeks_from_sending():
    answer = council_deadlines("annual-review", D("2026-03-04"), amendments_sent=D("2026-03-20"),
                               today=TODAY)
    assert dates(answer) == {"review-decision": "2026-04-01", "amended-plan": "2026-05-15"}
    review = answer.deadline("review-decision")
    assert (review.status, review.days_late, review.done_on) == ("done-on-time", 0, D("2026-03-20"))
    assert answer.deadline("amended-plan").status == "passed"


def test_amendments_sent_late_count_8_weeks_from_sending_and_name_the_12_week_date():
    answer = council_deadlines("annual-review", D("2026-03-04"), amendments_sent=D("2026-04-20"),
                               today=TODAY)
    assert dates(answer)["amended-plan"] == "2026-06-15"
    review = answer.deadline("review-decision")
    assert (review.status, review.days_late) == ("done-late", 19)
    assert any("Wednesday 27 May 2026" in note for note in answer.notes)


def test_annual_review_across_christmas():
    answer = council_deadlines("annual-review", D("2026-12-03"), today=D("2026-12-30"))
    assert dates(answer) == {"review-decision": "2026-12-31", "amended-plan": "2027-02-25"}


# -- a Tribunal order (reg 44) ---------------------------------------------------------------------


def test_order_to_assess_2_10_and_14_weeks():
    answer = council_deadlines("tribunal-order", D("2026-10-02"), matter="assess", today=TODAY)
    assert dates(answer) == {"order-assess-notice": "2026-10-16", "order-no-plan-decision": "2026-12-11",
                             "order-final-plan": "2027-01-08"}
    assert all([s.id for s in d.sources] == ["send-regs-r44-1-2b"] for d in answer.deadlines)


def test_order_to_reassess_has_the_same_periods_and_says_re_assessment():
    answer = council_deadlines("tribunal-order", D("2026-10-02"), matter="reassess", today=TODAY)
    assert dates(answer)["order-final-plan"] == "2027-01-08"
    assert "re-assessment" in answer.deadline("order-assess-notice").what


def test_order_to_make_a_plan_draft_5_weeks_final_11_weeks():
    answer = council_deadlines("tribunal-order", D("2026-11-16"), matter="make-plan", today=TODAY)
    assert dates(answer) == {"order-draft-plan": "2026-12-21", "order-final-plan": "2027-02-01"}


def test_order_to_amend_b_or_f_on_29_february_5_weeks_believed():
    answer = council_deadlines("tribunal-order", D("2028-02-29"), matter="amend-plan", today=D("2028-03-01"))
    assert dates(answer) == {"order-amended-plan": "2028-04-04"}
    d = answer.deadline("order-amended-plan")
    assert d.how_sure != CHECKED and "have not read" in d.how_sure
    assert [s.id for s in d.sources] == ["send-regs-r44", "sendiass-surrey-orders"]


def test_order_to_name_a_school_2_weeks_lands_on_christmas_day_and_says_how_sure():
    answer = council_deadlines("tribunal-order", D("2026-12-11"), matter="name-school", today=D("2026-12-14"))
    assert dates(answer) == {"order-amended-plan": "2026-12-25"}
    d = answer.deadline("order-amended-plan")
    assert d.how_sure.startswith("Fairly sure") and "IPSEA" in d.how_sure
    assert any("Tribunal's order set a different time" in r for r in d.may_not_bind_if)
    assert all(r.startswith("(we believe") for r in d.may_not_bind_if[1:])


# -- the council conceding (reg 45) and mediation agreements (reg 42) -----------------------------------


def test_council_conceded_on_a_saturday_in_august():
    answer = council_deadlines("council-conceded", D("2026-08-01"), matter="assess", today=TODAY)
    assert dates(answer) == {"conceded-assess-notice": "2026-08-15",
                             "conceded-no-plan-decision": "2026-10-10",
                             "conceded-final-plan": "2026-11-07"}
    assert all(d.how_sure == CHECKED and d.sources[0].id == "send-regs-r45" for d in answer.deadlines)


def test_council_conceded_amendment_5_weeks():
    answer = council_deadlines("council-conceded", D("2026-08-01"), matter="amend-plan", today=TODAY)
    assert dates(answer) == {"conceded-amended-plan": "2026-09-05"}


@pytest.mark.parametrize("matter", ["make-plan", "name-school"])
def test_council_conceded_periods_our_reference_does_not_list_are_marked_less_sure(matter):
    answer = council_deadlines("council-conceded", D("2026-08-01"), matter=matter, today=TODAY)
    for d in answer.deadlines:
        assert d.how_sure.startswith("Less sure")
        assert "sendiass-surrey-unopposed" in [s.id for s in d.sources]


def test_mediation_agreement_about_something_else_2_weeks_across_new_year():
    answer = council_deadlines("mediation-agreement", D("2026-12-23"), matter="other", today=D("2026-12-31"))
    assert dates(answer) == {"agreed-other": "2027-01-06"}
    assert [s.id for s in answer.deadline("agreed-other").sources] == ["send-regs-r42"]


def test_mediation_agreement_about_an_appealable_matter_takes_the_tribunal_order_periods():
    agreed = council_deadlines("mediation-agreement", D("2026-12-23"), matter="amend-plan",
                               today=D("2026-12-23"))
    assert dates(agreed) == {"agreed-amended-plan": "2027-01-27"}
    d = agreed.deadline("agreed-amended-plan")
    assert d.sources[0].id == "send-regs-r42" and "the mediation agreement" in d.law
    assert d.may_not_bind_if == ("everyone involved agreed a different timescale in writing",)


# -- today: passed, days late, days left -----------------------------------------------------------------


def test_the_last_day_itself_is_not_late_the_next_day_is():
    on_the_day = council_deadlines("request", D("2026-01-05"), today=D("2026-02-16"))
    d = on_the_day.deadline("decide-to-assess")
    assert (d.passed, d.days_late, d.days_left, d.status) == (False, 0, 0, "due-today")
    assert not on_the_day.late and on_the_day.next_due == "decide-to-assess"
    next_day = council_deadlines("request", D("2026-01-05"), today=D("2026-02-17"))
    d = next_day.deadline("decide-to-assess")
    assert (d.passed, d.days_late, d.status) == (True, 1, "passed")
    assert next_day.late and next_day.first_missed == "decide-to-assess"
    assert next_day.next_due == "no-plan-decision"


def test_when_late_the_answer_lists_the_next_steps_in_order():
    answer = council_deadlines("request", D("2026-01-05"), today=D("2026-03-01"))
    texts = [step.text for step in answer.if_late]
    keywords = ["Write to the council", "formal complaint", "Ombudsman", "pre-action letter", "IPSEA"]
    positions = [next(i for i, t in enumerate(texts) if k in t) for k in keywords]
    assert positions == sorted(positions)
    assert answer.if_late[0].on == D("2026-03-01") + timedelta(days=REPLY_WITHIN_DAYS)
    assert "lgsco" in [s.id for s in answer.sources]


def test_not_late_means_no_next_steps_and_no_letter():
    answer = council_deadlines("request", D("2026-11-02"), today=TODAY)
    assert not answer.late and answer.if_late == ()
    letter = council_letter(answer)
    assert not letter.needed and letter.body == ""


def test_the_letter_names_every_missed_limit_with_its_law_and_asks_for_a_date():
    answer = council_deadlines("request", D("2026-01-05"), today=D("2026-06-01"))
    letter = council_letter(answer, child_name="  Sam\nJones ", parent_name="Alex Jones")
    assert letter.needed and letter.reply_by == D("2026-06-15")
    assert "my child, Sam Jones," in letter.body and "Alex Jones" in letter.body
    for day, law in [("Monday 16 February 2026", "regulation 5(1)"),
                     ("Monday 27 April 2026", "regulation 10(1)"),
                     ("Monday 25 May 2026", "regulation 13")]:
        assert day in letter.body and law in letter.body
    assert "by Monday 15 June 2026" in letter.body
    assert "Sam Jones" in letter.subject and "16 February 2026" in letter.subject
    assert "[your name]" not in letter.body


def test_the_letter_does_not_cite_guidance_as_law():
    answer = council_deadlines("tribunal-order", D("2026-10-02"), matter="name-school", today=TODAY)
    body = council_letter(answer).body
    assert "regulation 44" in body and "Surrey" not in body
    assert "[your child's name]" in body and "[your name]" in body


def test_a_2020_trigger_mentions_the_coronavirus_changes():
    answer = council_deadlines("request", D("2020-03-02"), today=TODAY)
    assert any("COVID-19" in note for note in answer.notes)
    assert not any("COVID-19" in note for note in council_deadlines("request", D("2021-03-01"),
                                                                     today=TODAY).notes)


def test_every_answer_points_to_phase_transfer_rather_than_repeating_it():
    answer = council_deadlines("annual-review", D("2026-03-04"), today=TODAY)
    assert any("phase transfer" in note for note in answer.notes)
    assert not any("15 February" in note for note in answer.notes)


# -- bad input --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "field", "words"),
    [
        ({"situation": "request", "happened_on": D("2026-12-01")}, FutureDateError, "request-received",
         "must be today or in the past"),
        ({"situation": "request", "happened_on": D("2014-08-31")}, UnsupportedDateError, "request-received",
         "1 September 2014"),
        ({"situation": "annual-review", "happened_on": D("2026-03-04"), "amendments_sent": D("2026-03-03")},
         DateOrderError, "amendments-sent", "same as or after the date of the annual review meeting"),
        ({"situation": "annual-review", "happened_on": D("2026-03-04"), "amendments_sent": D("2026-12-01")},
         FutureDateError, "amendments-sent", "must be today or in the past"),
        ({"situation": "request", "happened_on": D("2026-03-04"), "amendments_sent": D("2026-03-05")},
         DateOrderError, "amendments-sent", "only goes with an annual review"),
        ({"situation": "tribunal-order", "happened_on": D("2026-03-04")}, UnknownDecisionError, "order",
         "Select what the Tribunal ordered"),
        ({"situation": "tribunal-order", "happened_on": D("2026-03-04"), "matter": "other"},
         UnknownDecisionError, "order", "'other' is not one of the choices"),
        ({"situation": "council-conceded", "happened_on": D("2026-03-04"), "matter": "continue"},
         UnknownDecisionError, "conceded", "Choose one of: assess, reassess"),
        ({"situation": "request", "happened_on": D("2026-03-04"), "matter": "assess"},
         UnknownDecisionError, "order", "only goes with"),
        ({"situation": "appeal", "happened_on": D("2026-03-04")}, UnknownDecisionError, "situation",
         "'appeal' is not something we know"),
        ({"situation": "", "happened_on": D("2026-03-04")}, UnknownDecisionError, "situation",
         "Select what happened"),
    ],
)
def test_bad_input_says_what_to_fix_and_names_the_field(kwargs, error, field, words):
    with pytest.raises(error) as caught:
        council_deadlines(**kwargs, today=TODAY)
    assert caught.value.field == field
    assert words in caught.value.message


def test_a_trigger_too_near_the_end_of_the_calendar_is_a_clear_error_not_an_overflow():
    with pytest.raises(UnsupportedDateError, match="too far in the future"):
        council_deadlines("request", date(9999, 12, 1), today=date(9999, 12, 31))


# -- properties ---------------------------------------------------------------------------------------------

CASES = [(s.value, m) for s in SITUATIONS.values() for m in s.limits]
triggers = st.dates(min_value=date(2014, 9, 1), max_value=date(2035, 12, 31))


@st.composite
def answers(draw):
    situation, matter = draw(st.sampled_from(CASES))
    happened = draw(triggers)
    today = happened + timedelta(days=draw(st.integers(0, 800)))
    sent = None
    if situation == "annual-review" and draw(st.booleans()):
        sent = happened + timedelta(days=draw(st.integers(0, (today - happened).days)))
    return council_deadlines(situation, happened, matter=matter or None, amendments_sent=sent, today=today)


@given(answers())
def test_every_date_is_its_start_plus_whole_weeks_on_the_same_weekday(answer):
    for d in answer.deadlines:
        gap = (d.by - d.counted_from).days
        assert gap > 0 and gap % 7 == 0 and gap == 7 * d.weeks
        assert d.by.weekday() == d.counted_from.weekday()
        assert d.counted_from in (answer.happened_on, answer.amendments_sent)


@given(st.sampled_from(CASES), triggers, st.integers(1, 6))
def test_nothing_moves_for_a_weekend_or_holiday_shifting_the_trigger_shifts_every_date(case, day, shift):
    situation, matter = case
    later = day + timedelta(days=shift)
    today = later + timedelta(days=1)
    a = council_deadlines(situation, day, matter=matter or None, today=today)
    b = council_deadlines(situation, later, matter=matter or None, today=today)
    assert [d.id for d in a.deadlines] == [d.id for d in b.deadlines]
    assert all(y.by - x.by == timedelta(days=shift) for x, y in zip(a.deadlines, b.deadlines, strict=True))


@given(answers())
def test_deadlines_and_steps_come_in_date_order_starting_from_what_happened(answer):
    bys = [d.by for d in answer.deadlines]
    assert bys == sorted(bys) and len(set(d.id for d in answer.deadlines)) == len(bys)
    ons = [step.on for step in answer.steps]
    assert None not in ons and ons == sorted(ons)
    assert ons[0] == answer.happened_on
    assert set(bys) <= set(ons)  # every deadline has its step


@given(answers())
def test_the_order_within_each_chain_of_limits(answer):
    ids = [d.id for d in answer.deadlines]
    chains = [("decide-to-assess", "no-plan-decision", "final-plan"), ("review-decision", "amended-plan")]
    for prefix in ("order", "conceded", "agreed"):
        chains += [(f"{prefix}-assess-notice", f"{prefix}-no-plan-decision", f"{prefix}-final-plan"),
                   (f"{prefix}-draft-plan", f"{prefix}-final-plan")]
    for chain in chains:
        present = [i for i in chain if i in ids]
        if len(present) == len(chain):
            assert [ids.index(i) for i in chain] == sorted(ids.index(i) for i in chain)
            pairs = zip(chain, chain[1:], strict=False)
            assert all(answer.deadline(a).by < answer.deadline(b).by for a, b in pairs)


@given(answers())
def test_passed_and_days_late_agree_with_today(answer):
    for d in answer.deadlines:
        assert d.passed is (answer.today > d.by)
        assert d.days_left == max(0, (d.by - answer.today).days)
        if d.done_on is None:
            assert d.days_late == max(0, (answer.today - d.by).days)
            assert (d.status == "passed") is d.passed
        else:
            assert d.days_late == max(0, (d.done_on - d.by).days)
    missed = [d.id for d in answer.deadlines if d.status == "passed"]
    assert answer.late is bool(missed)
    assert answer.first_missed == (missed[0] if missed else None)
    assert bool(answer.if_late) is answer.late


def test_every_matter_offered_is_a_known_matter_and_each_situation_has_its_own_option():
    for s in SITUATIONS.values():
        assert all(m == "" or m in MATTERS for m in s.limits)
        assert (s.matter_option is None) is (list(s.limits) == [""])


# -- the command line: sendrules council-deadlines ------------------------------------------------------


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["council-deadlines", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--request-received", "2026-01-05"],
         {"decide-to-assess": "2026-02-16", "no-plan-decision": "2026-04-27", "final-plan": "2026-05-25"}),
        (["--review-meeting", "2026-03-04"], {"review-decision": "2026-04-01", "amended-plan": "2026-05-27"}),
        (["--review-meeting", "2026-03-04", "--amendments-sent", "2026-03-20"],
         {"review-decision": "2026-04-01", "amended-plan": "2026-05-15"}),
        (["--tribunal-order", "2026-10-02", "--order", "assess"],
         {"order-assess-notice": "2026-10-16", "order-no-plan-decision": "2026-12-11",
          "order-final-plan": "2027-01-08"}),
        (["--tribunal-order", "2026-11-16", "--order", "make-plan"],
         {"order-draft-plan": "2026-12-21", "order-final-plan": "2027-02-01"}),
        (["--tribunal-order", "2026-10-02", "--order", "amend-plan"], {"order-amended-plan": "2026-11-06"}),
        (["--tribunal-order", "2026-10-02", "--order", "name-school"], {"order-amended-plan": "2026-10-16"}),
        (["--council-conceded", "2026-08-01", "--conceded", "amend-plan"],
         {"conceded-amended-plan": "2026-09-05"}),
        (["--mediation-agreement", "2026-11-04", "--agreed", "other"], {"agreed-other": "2026-11-18"}),
    ],
)
def test_json_contract_every_deadline_has_id_by_what_passed_days_late_and_sources(capsys, argv, expected):
    code, out, err = cli(capsys, *argv, "--today", "2026-11-30", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert {d["id"]: d["by"] for d in data["deadlines"]} == expected
    for d in data["deadlines"]:
        assert {"id", "by", "what", "passed", "days_late", "sources"} <= set(d)
        by = date.fromisoformat(d["by"])
        assert d["passed"] is (by < TODAY)
        assert d["days_late"] == (max(0, (TODAY - by).days) if d["done_on"] is None else d["days_late"])
        assert isinstance(d["what"], str) and d["what"]
        assert d["sources"] and all(s["url"].startswith("https://") and s["citation"] for s in d["sources"])
    assert data["steps"] and all(step["text"] for step in data["steps"])
    assert data["notes"] and all(isinstance(n, str) for n in data["notes"])
    assert data["today"] == "2026-11-30"


def test_in_words_gives_each_date_how_sure_we_are_the_next_steps_and_the_letter(capsys):
    code, out, err = cli(capsys, "--tribunal-order", "2026-10-02", "--order", "name-school",
                         "--today", "2026-11-30")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "The council's time limits (today is Monday 30 November 2026):"
    assert lines[1] == ("  - Send you the amended EHC plan naming the school or setting: "
                        "by Friday 16 October 2026. "
                        "That day has passed: 45 days ago.")
    assert lines[2].startswith("    How sure we are: Fairly sure")
    assert "The council is late. What to do next:" in out
    assert "Local Government and Social Care Ombudsman" in out and "pre-action letter" in out
    assert "Dear [name of the SEN team manager]," in out
    assert "regulation 44: https://www.legislation.gov.uk/uksi/2014/1530/regulation/44" in out
    assert "sendrules phase-transfer" in out
    assert out.rstrip().endswith("This is general information, not legal advice.")


def test_a_council_that_is_not_late_gets_no_letter(capsys):
    code, out, _ = cli(capsys, "--request-received", "2026-11-02", "--today", "2026-11-30")
    assert code == 0
    assert "by Monday 14 December 2026. That is 14 days from today." in out
    assert "The council is late" not in out and "Dear" not in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--request-received", "2026-02-30"],
         "The date the council received the request must be a real date"),
        (["--request-received", "5/1/2026"], "must be written as year-month-day"),
        (["--review-meeting", "2026-03-04", "--amendments-sent", "2026-03-01"],
         "The date the proposed amendments were sent must be the same as or after the date of the annual"),
        (["--tribunal-order", "2026-10-02", "--order", "continue"],
         "'continue' is not one of the choices for what the Tribunal ordered. Choose one of: assess"),
        (["--tribunal-order", "2026-10-02"], "Give --order with --tribunal-order"),
        (["--request-received", "2026-01-05", "--order", "assess"],
         "--order only goes with --tribunal-order"),
        (["--request-received", "2026-01-05", "--amendments-sent", "2026-01-06"],
         "--amendments-sent only goes with --review-meeting"),
        (["--request-received", "2026-12-25"], "must be today or in the past"),
        ([], "one of the arguments --request-received --review-meeting"),
        (["--request-received", "2026-01-05", "--tribunal-order", "2026-01-05"], "not allowed with"),
        (["--request-received", "2026-01-05", "--today", "tomorrow"], "given with --today"),
    ],
)
def test_bad_input_exits_2_with_one_line_saying_what_to_fix(capsys, argv, message):
    if "--today" not in argv:
        argv = [*argv, "--today", "2026-11-30"]
    code, out, err = cli(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("sendrules") and err.count("\n") == 1 and err.endswith("\n")
    assert message in err
    assert "Traceback" not in err and "usage:" not in err


def test_help_lists_the_command(capsys):
    assert main(["--help"]) == 0
    assert "council-deadlines" in capsys.readouterr().out


def test_mediation_agreement_periods_agree_with_the_mediation_module():
    """The mediation module lists the same regulation 42 and 44 periods for its own answer; the two
    lists must not drift apart."""
    from sendrules.mediation import MEDIATION_AGREEMENT_DUTIES

    theirs = sorted(d.weeks for d in MEDIATION_AGREEMENT_DUTIES if d.who.startswith("local authority"))
    agreed = SITUATIONS["mediation-agreement"].limits
    ours = sorted(limit.weeks for matter in ("assess", "make-plan", "amend-plan", "name-school", "other")
                  for limit in agreed[matter])
    assert ours == theirs == [2, 2, 2, 5, 5, 10, 11, 14]
