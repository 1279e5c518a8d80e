"""Should I mediate? The decision framework, its cautions, and the should-i-mediate command."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendrules.appeals import DECISIONS, certificate_needed
from sendrules.cli import main
from sendrules.errors import FutureDateError, InvalidDateError, UnknownDecisionError
from sendrules.phase_transfer import TRANSFERS
from sendrules.should_mediate import (
    ABOUT,
    CAUTION_IDS,
    LA_RECORD,
    PHASE_TRANSFER,
    RECOMMENDATIONS,
    MediationAnswers,
    UnknownAnswerError,
    should_i_mediate,
)

TODAY = date(2026, 11, 30)


def advise(**kwargs):
    return should_i_mediate(MediationAnswers(**kwargs), today=TODAY)


def leaning(advice, question):
    return next(r.leans for r in advice.reasons if r.question == question)


# --- the framework's cases -----------------------------------------------------------------------


def test_narrow_dispute_good_faith_council_no_fixed_date_mediation_worth_trying():
    advice = advise(about="amounts", la_record="good-faith")
    assert advice.recommendation == "mediation-worth-trying"
    assert advice.label == RECOMMENDATIONS["mediation-worth-trying"]
    assert {r.leans for r in advice.reasons} == {"mediation"}
    assert advice.certificate_needed is True


@pytest.mark.parametrize("about", ABOUT.values)
def test_council_with_a_poor_record_straight_to_tribunal(about):
    advice = advise(about=about, la_record="poor")
    assert advice.recommendation == "go-straight-to-tribunal"
    assert leaning(advice, "la-record") == "tribunal"


@pytest.mark.parametrize("record", LA_RECORD.values)
def test_dispute_about_needs_themselves_straight_to_tribunal(record):
    advice = advise(about="needs", la_record=record)
    assert advice.recommendation == "go-straight-to-tribunal"
    assert leaning(advice, "about") == "tribunal"


def test_phase_transfer_in_a_few_months_straight_to_tribunal_with_the_date():
    # Born 31 August 2016: Year 7 in September 2027, about 9 months after TODAY.
    advice = advise(about="amounts", la_record="good-faith", phase_transfer="primary-to-secondary",
                    date_of_birth=date(2016, 8, 31))
    assert advice.recommendation == "go-straight-to-tribunal"
    assert advice.phase_transfer.last_day == date(2027, 2, 14)
    reason = next(r for r in advice.reasons if r.question == "phase-transfer")
    assert reason.leans == "tribunal"
    assert reason.source_id == "send-regs-r18"
    assert "15 February" in reason.text and "Sunday 14 February 2027" in reason.text


def test_phase_transfer_more_than_a_year_away_does_not_rule_out_mediation():
    advice = advise(about="amounts", la_record="good-faith", phase_transfer="secondary-to-post-16",
                    transfer_year=2028)
    assert advice.recommendation == "mediation-worth-trying"
    assert leaning(advice, "phase-transfer") == "mediation"


def test_phase_transfer_whose_date_has_passed_but_move_not_started_is_urgent():
    advice = advise(about="amounts", la_record="good-faith", phase_transfer="primary-to-secondary",
                    transfer_year=2027)
    later = should_i_mediate(
        MediationAnswers(about="amounts", la_record="good-faith", phase_transfer="primary-to-secondary",
                         transfer_year=2027),
        today=date(2027, 3, 1),
    )
    assert not advice.phase_transfer.passed
    assert later.phase_transfer.passed
    assert later.recommendation == "go-straight-to-tribunal"
    assert "has passed" in next(r.text for r in later.reasons if r.question == "phase-transfer")


def test_placement_only_certificate_not_needed_may_still_mediate():
    advice = advise(about="placement", la_record="good-faith")
    assert advice.certificate_needed is False
    assert advice.certificate.decision == "plan-contents" and advice.certificate.sections == ("I",)
    assert advice.certificate.may_still_mediate
    assert advice.decision_assumed
    assert advice.recommendation == "go-straight-to-tribunal"
    assert "still ask for mediation" in advice.reasons[0].text
    certificate_caution = next(c for c in advice.cautions if c.id == "certificate")
    # Review item 14: no "get one anyway": only if Section B or F may be added.
    assert "do not need" in certificate_caution.text and "get one anyway" not in certificate_caution.text
    assert "If you might also challenge Section B or F, you will need one" in certificate_caution.text


def test_placement_can_be_agreed_in_mediation():
    # Review item 25: a mediation agreement can change Section I (regulations 42 and 44).
    text = advise(about="placement", la_record="good-faith").reasons[0].text
    assert "only the Tribunal" not in text
    assert "the council can agree in mediation to name a different school or college" in text
    assert "within 2 weeks" in text
    assert advise(about="placement", la_record="good-faith").reasons[0].source_id == "send-regs-r42"


def test_placement_after_a_refused_review_needs_a_certificate():
    advice = advise(about="placement", la_record="good-faith", decision="refusal-to-amend")
    assert advice.certificate_needed is True
    assert not advice.decision_assumed


def test_certificate_answer_comes_from_the_appeals_rules():
    for decision, d in DECISIONS.items():
        if not d.mediation_available or d.takes_sections:
            continue
        advice = advise(about="assessment", la_record="unknown", decision=decision)
        assert advice.certificate_needed is certificate_needed(decision).needed
        assert advice.certificate.decision == decision


def test_assessment_without_a_decision_still_knows_a_certificate_is_needed():
    advice = advise(about="assessment", la_record="good-faith")
    assert advice.certificate is None
    assert advice.certificate_needed is True
    assert advice.recommendation == "either"


def test_narrow_dispute_with_an_unknown_council_is_either():
    advice = advise(about="amounts", la_record="unknown")
    assert advice.recommendation == "either"


def test_health_and_social_care_on_a_refusal_to_assess_points_neither_way():
    # Review item 24: health and care mediation is about what a plan provides; there is no plan yet.
    advice = advise(about="assessment", la_record="good-faith", health_social_care="yes",
                    decision="refusal-to-assess")
    reason = next(r for r in advice.reasons if r.question == "health-social-care")
    assert reason.leans == "neither"
    assert reason.source_id == "recommendations-regs"
    assert "cannot make any recommendations" in reason.text
    assert "there is no plan yet" in reason.text and "neither route" in reason.text
    assert "Mediation can include the NHS" not in reason.text
    unknown = advise(about="assessment", la_record="good-faith", health_social_care="yes")
    text = next(r for r in unknown.reasons if r.question == "health-social-care").text
    assert "no health or social care provision to mediate about" in text


def test_health_and_social_care_elsewhere_explains_recommendations_are_not_binding():
    advice = advise(about="amounts", la_record="good-faith", health_social_care=True)
    reason = next(r for r in advice.reasons if r.question == "health-social-care")
    assert reason.leans == "neither"
    assert "not binding" in reason.text
    assert advice.recommendation == "mediation-worth-trying"
    no_health = advise(about="amounts", la_record="good-faith", health_social_care="no")
    assert all(r.question != "health-social-care" for r in no_health.reasons)


# --- cautions and the deadline link --------------------------------------------------------------


def test_every_caution_is_there():
    advice = advise(about="needs", la_record="unknown")
    assert tuple(c.id for c in advice.cautions) == CAUTION_IDS
    links = {c.id: c.link for c in advice.cautions}
    assert links["vague-provision"] == "check-the-offer"
    assert links["appeal-clock"] == "appeal-deadline"


def test_letter_date_is_carried_into_the_deadline_link():
    advice = advise(about="needs", la_record="unknown", letter_sent=date(2026, 11, 2))
    assert advice.deadline_page == "appeal-deadline"
    assert advice.deadline_query == "calculator=appeal-deadline&letter-sent=2026-11-02"
    assert "Monday 2 November 2026" in next(c.text for c in advice.cautions if c.id == "appeal-clock")
    assert advise(about="needs", la_record="unknown").deadline_query == "calculator=appeal-deadline"


def test_letter_date_in_the_future_is_refused():
    with pytest.raises(FutureDateError) as err:
        advise(about="needs", la_record="unknown", letter_sent=TODAY + timedelta(days=1))
    assert err.value.field == "letter-sent"


def test_to_dict_is_json_ready():
    advice = advise(about="placement", la_record="poor", phase_transfer="infant-to-junior",
                    transfer_year=2027, health_social_care="yes", letter_sent=date(2026, 10, 1))
    data = json.loads(json.dumps(advice.to_dict()))
    assert data["recommendation"] == "go-straight-to-tribunal"
    assert data["phase_transfer"]["last_day"] == "2027-02-14"
    assert data["certificate"]["needed"] is False
    assert data["reasons"][0]["question"] == "about"


# --- bad answers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"about": None, "la_record": "poor"}, "about"),
        ({"about": "money", "la_record": "poor"}, "about"),
        ({"about": "needs", "la_record": ""}, "la-record"),
        ({"about": "needs", "la_record": "awful"}, "la-record"),
        ({"about": "needs", "la_record": "poor", "phase_transfer": "to-university"}, "phase-transfer"),
        ({"about": "needs", "la_record": "poor", "health_social_care": "maybe"}, "health-social-care"),
        ({"about": "needs", "la_record": "poor", "decision": "nonsense"}, "decision"),
        ({"about": "needs", "la_record": "poor", "decision": "disability-discrimination"}, "decision"),
        ({"about": "assessment", "la_record": "poor", "decision": "plan-contents"}, "decision"),
    ],
)
def test_unknown_or_missing_answers_name_the_field(kwargs, field):
    with pytest.raises(UnknownDecisionError) as err:
        advise(**kwargs)
    assert err.value.field == field
    assert err.value.message


def test_unknown_answer_lists_the_valid_values():
    with pytest.raises(UnknownAnswerError) as err:
        advise(about="money", la_record="poor")
    for value in ABOUT.values:
        assert value in err.value.message


def test_phase_transfer_without_a_year_or_birthday_is_explained():
    with pytest.raises(InvalidDateError) as err:
        advise(about="amounts", la_record="good-faith", phase_transfer="primary-to-secondary")
    assert err.value.field == "transfer-year"


def test_phase_transfer_choices_are_the_school_moves():
    assert set(PHASE_TRANSFER.values) - {"none"} == {
        t for t, v in TRANSFERS.items() if v.before_month_day or v.no_fixed_date}


def test_the_move_question_tells_a_college_from_a_school_sixth_form():
    # Review item 4: the calculator asks which, because only the move to a college has a date.
    labels = {o.value: o.label for o in PHASE_TRANSFER.options}
    college = labels["secondary-to-post-16"]
    assert "college" in college and "school sixth form" not in college
    assert "school sixth form" in labels["secondary-to-school-sixth-form"]


def test_a_move_into_a_school_sixth_form_has_no_fixed_date():
    advice = advise(about="amounts", la_record="good-faith", phase_transfer="secondary-to-school-sixth-form",
                    transfer_year=2027)
    pt = advice.phase_transfer
    assert pt.last_day is None and not pt.fixed_date
    reason = next(r for r in advice.reasons if r.question == "phase-transfer")
    assert "sets no date" in reason.text and "review the plan early" in reason.text
    assert "31 March" not in reason.text
    assert reason.leans == "tribunal"  # the move is 9 months away
    assert [a.on for a in advice.alternatives] == [date(2027, 3, 30)]


def test_recommendations_are_things_to_weigh_not_rules():
    # Review item 13: IPSEA is neutral; the answer says what the answers point to, and whose choice it is.
    for about, record in (("needs", "poor"), ("amounts", "good-faith"), ("amounts", "unknown")):
        advice = advise(about=about, la_record=record)
        assert advice.label.startswith("Your answers point")
        assert not advice.summary.startswith(("Ask", "Appeal", "Go"))
        assert any("It is not a rule, and the choice is yours" in n for n in advice.notes)
        assert not any("we recommend" in s.text for s in advice.steps)


def test_no_answer_says_the_parent_always_appeals():
    # Review item 2: past compulsory school age the young person appeals in their own right.
    advice = advise(about="amounts", la_record="good-faith", phase_transfer="secondary-to-post-16",
                    transfer_year=2027)
    assert any("the right to appeal is theirs, not their parent's" in n for n in advice.notes)
    assert {"cfa-s83", "ea-1996-s8"} <= {s.id for s in advice.sources}


def test_the_certificate_caution_does_not_push_an_undecided_family_to_refuse_mediation():
    # Review item 8: saying no to mediation is what a no-mediation certificate means.
    text = next(c.text for c in advise(about="needs", la_record="unknown").cautions if c.id == "certificate")
    assert "do not say no to mediation just to get the certificate" in text
    assert "You can change your mind" in text
    assert "anyway" not in text


# --- every combination ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    about=st.sampled_from(ABOUT.values),
    record=st.sampled_from(LA_RECORD.values),
    transfer=st.sampled_from(PHASE_TRANSFER.values),
    year=st.integers(min_value=2026, max_value=2031),
    health=st.sampled_from(["yes", "no"]),
    letter=st.none() | st.dates(min_value=date(2025, 1, 1), max_value=TODAY),
    today_offset=st.integers(min_value=0, max_value=400),
)
def test_every_combination_gives_a_reasoned_recommendation_with_the_certificate_caution(
    about, record, transfer, year, health, letter, today_offset
):
    today = TODAY + timedelta(days=today_offset)
    advice = should_i_mediate(
        MediationAnswers(about=about, la_record=record, phase_transfer=transfer, transfer_year=year,
                         health_social_care=health, letter_sent=letter),
        today=today,
    )
    assert advice.recommendation in RECOMMENDATIONS
    assert advice.reasons
    assert {r.question for r in advice.reasons} >= {"about", "la-record", "phase-transfer"}
    assert any(c.id == "certificate" for c in advice.cautions)
    assert advice.steps and advice.sources
    # The framework itself: any reason pointing to the Tribunal decides it; mediation needs all three.
    if any(r.leans == "tribunal" for r in advice.reasons):
        assert advice.recommendation == "go-straight-to-tribunal"
    elif about == "amounts" and record == "good-faith":
        assert advice.recommendation == "mediation-worth-trying"
    else:
        assert advice.recommendation == "either"
    if record == "poor" or about in {"needs", "placement"}:
        assert advice.recommendation == "go-straight-to-tribunal"
    if about == "placement":
        assert advice.certificate_needed is False
    else:
        assert advice.certificate_needed is True


# --- command line --------------------------------------------------------------------------------


def test_cli_recommendation(capsys):
    code = main(["should-i-mediate", "--about", "amounts", "--la-record", "good-faith",
                 "--today", "2026-11-30"])
    out = capsys.readouterr()
    assert code == 0
    assert out.out.startswith("Your answers point to trying mediation first.")
    assert "one phone call" in out.out


def test_cli_json_with_phase_transfer_and_letter(capsys):
    code = main(["should-i-mediate", "--about", "amounts", "--la-record", "good-faith",
                 "--phase-transfer", "primary-to-secondary", "--date-of-birth", "2016-08-31",
                 "--letter-sent", "2026-11-02", "--today", "2026-11-30", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["recommendation"] == "go-straight-to-tribunal"
    assert data["phase_transfer"]["last_day"] == "2027-02-14"
    assert data["deadline_query"] == "calculator=appeal-deadline&letter-sent=2026-11-02"


@pytest.mark.parametrize(
    "argv",
    [
        ["should-i-mediate", "--about", "money", "--la-record", "poor"],
        ["should-i-mediate", "--about", "needs"],
        ["should-i-mediate", "--about", "needs", "--la-record", "poor", "--letter-sent", "2026-13-01"],
        ["should-i-mediate", "--about", "needs", "--la-record", "poor", "--phase-transfer",
         "primary-to-secondary"],
        ["should-i-mediate", "--about", "needs", "--la-record", "poor", "--health-social-care", "perhaps"],
    ],
)
def test_cli_bad_input_exits_2_with_one_line(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    assert code == 2
    assert out.out == ""
    assert len(out.err.strip().splitlines()) == 1
