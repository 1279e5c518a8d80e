"""The email to the mediation adviser: what it says for each answer, its dates, and its names."""

from __future__ import annotations

from datetime import date

import pytest

from sendrules.adviser_email import DECISION_WORDS, MAX_NAME_LENGTH, adviser_email, tidy_name
from sendrules.appeals import DECISIONS
from sendrules.errors import FutureDateError, UnknownDecisionError, UnsupportedDateError
from sendrules.mediation import mediation_timeline

LETTER = date(2026, 3, 10)
TODAY = date(2026, 4, 2)  # Thursday before Easter: 3 working days is Thursday 9 April 2026


def test_every_decision_but_discrimination_has_words():
    assert set(DECISION_WORDS) == set(DECISIONS) - {"disability-discrimination"}


def test_no_mediation_asks_for_the_certificate_within_3_working_days():
    email = adviser_email("refusal-to-assess", LETTER, False, today=TODAY)
    assert email.email_needed and email.certificate_needed
    assert email.subject == "Request for a mediation certificate before a SEND Tribunal appeal"
    body = email.body
    assert "dated Tuesday 10 March 2026" in body
    assert DECISION_WORDS["refusal-to-assess"] in body
    assert "I intend to appeal" in body and "SEND Tribunal" in body
    assert "I do not wish to pursue mediation" in body
    assert "within 3 working days" in body and "regulation 34" in body
    assert "confirm in writing" in body
    assert "within 2 months" in body and "regulation 33" in body and "Sunday 10 May 2026" in body
    assert email.certificate_due == date(2026, 4, 9)
    assert email.contact_adviser_by == date(2026, 5, 10) and not email.contact_late
    assert any("Thursday 9 April 2026" in n for n in email.notes)
    assert {"cfa-s55", "send-regs-r33", "send-regs-r34"} <= {s.id for s in email.sources}


def test_dates_come_from_the_mediation_rules():
    for wants in (False, True):
        email = adviser_email("cease-to-maintain", LETTER, wants, today=TODAY)
        timeline = mediation_timeline(TODAY, wants, letter_sent=LETTER)
        assert email.certificate_due == timeline.certificate_due
        assert email.arrange_by == timeline.arrange_by
        assert email.contact_adviser_by == timeline.contact_adviser_by


def test_wanting_mediation_says_so_and_cites_the_mediation_rules():
    email = adviser_email("refusal-to-issue", LETTER, True, today=TODAY)
    assert "I wish to consider mediation" in email.body
    assert "I do not wish" not in email.body
    assert "regulation 39" in email.body and "30 days" in email.body
    assert email.certificate_due is None and email.arrange_by == date(2026, 5, 2)
    assert {"send-regs-r35-37", "send-regs-r39"} <= {s.id for s in email.sources}


def test_plan_contents_names_the_sections():
    email = adviser_email("plan-contents", LETTER, False, sections=["F", "B"], today=TODAY)
    assert "Section B (special educational needs) and Section F (special educational provision)" in email.body
    assert email.sections == ("B", "F")


def test_section_i_only_needs_no_certificate_but_may_still_mediate():
    wants = adviser_email("plan-contents", LETTER, True, sections=["I"], today=TODAY)
    assert wants.email_needed and not wants.certificate_needed
    assert "do not need a mediation certificate" in wants.body
    assert "would still like to try mediation" in wants.body
    assert "Please send me a mediation certificate" not in wants.body
    no = adviser_email("plan-contents", LETTER, False, sections=["I"], today=TODAY)
    assert not no.email_needed and no.subject == "" and no.body == ""
    assert "does not need a mediation certificate" in no.summary and "still ask for mediation" in no.summary


def test_discrimination_needs_no_email():
    email = adviser_email("disability-discrimination", LETTER, False, today=TODAY)
    assert not email.email_needed and not email.certificate_needed
    assert email.body == "" and "does not need a mediation certificate" in email.summary


def test_late_contact_is_said_plainly():
    email = adviser_email("refusal-to-assess", date(2026, 1, 10), False, today=TODAY)
    assert email.contact_late and email.contact_adviser_by == date(2026, 3, 10)
    assert "I am contacting you within 2 months" not in email.body
    assert "which was by Tuesday 10 March 2026" in email.body
    assert any("IPSEA" in n for n in email.notes)


def test_names_go_in_tidied_and_gaps_are_marked():
    email = adviser_email("refusal-to-assess", LETTER, False, child_name="  Sam\r\nSmith ",
                          parent_name="Alex\tJones", today=TODAY)
    assert "my child, Sam Smith." in email.body and email.subject.endswith(": Sam Smith")
    assert email.body.rstrip().splitlines()[-3] == "Alex Jones"
    blank = adviser_email("refusal-to-assess", LETTER, False, today=TODAY)
    assert "[your child's name]" in blank.body and "[your name]" in blank.body
    assert any("square brackets" in n for n in blank.notes)


def test_tidy_name():
    assert tidy_name(None) is None and tidy_name("   ") is None
    assert tidy_name("a\x00b\x1bc") == "a b c"
    assert len(tidy_name("x" * 500)) == MAX_NAME_LENGTH


@pytest.mark.parametrize(("kwargs", "error", "field"), [
    ({"decision": "nonsense"}, UnknownDecisionError, "decision"),
    ({"decision": "plan-contents"}, UnknownDecisionError, "sections"),
    ({"sections": ["B"]}, UnknownDecisionError, "sections"),
    ({"letter_sent": date(2026, 4, 3)}, FutureDateError, "letter-sent"),
    ({"letter_sent": date(2020, 7, 20), "today": date(2020, 8, 1)}, UnsupportedDateError, "letter-sent"),
])
def test_bad_answers_name_the_field(kwargs, error, field):
    args = {"decision": "refusal-to-assess", "letter_sent": LETTER, "wants_mediation": False, "today": TODAY,
            **kwargs}
    with pytest.raises(error) as caught:
        adviser_email(args.pop("decision"), args.pop("letter_sent"), args.pop("wants_mediation"), **args)
    assert caught.value.field == field


def test_wrong_types_are_programming_errors():
    with pytest.raises(TypeError):
        adviser_email("refusal-to-assess", "2026-03-10", False, today=TODAY)
    with pytest.raises(TypeError):
        adviser_email("refusal-to-assess", LETTER, "no", today=TODAY)
