"""The email to the mediation adviser: what it says for each answer, its dates, and its names."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sendrules.adviser_email import (
    DECISION_WORDS,
    MAX_DISAGREEMENT_LENGTH,
    MAX_NAME_LENGTH,
    adviser_email,
    tidy_name,
)
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
    # Review item 26: regulation 33's choice is whether to *pursue* mediation.
    assert "I wish to pursue mediation." in email.body
    assert "consider" not in email.body and "I do not wish" not in email.body
    assert "30 days" in email.body
    # Review item 5: the certificate after mediation is the mediator's to send.
    assert "the mediator must send me a mediation certificate within 3 working days" in email.body
    assert email.certificate_due is None and email.arrange_by == date(2026, 5, 2)
    assert "send-regs-mediation" in {s.id for s in email.sources}


@pytest.mark.parametrize("wants", [True, False])
@pytest.mark.parametrize(("decision", "sections"), [
    ("refusal-to-assess", ()), ("plan-contents", ("F",)), ("plan-contents", ("I",)),
    ("cease-to-maintain", ()),
])
def test_the_email_quotes_only_regulations_we_have_read(decision, sections, wants):
    # Review item 17: the 30-day and 3-working-day rules sit in Part 2 "Mediation"; we have read
    # regulations 32 to 34 and 42 of it, not the ones that hold those rules.
    email = adviser_email(decision, LETTER, wants, sections=sections, today=TODAY)
    quoted = set(re.findall(r"regulations? (\d+)", email.body + email.subject))
    assert quoted <= {"33", "34"}
    assert not re.search(r"regulations? 3[5-79]\b", email.body)


def test_the_email_says_what_the_disagreement_is_about():
    # Review item 26: the decision, the parts of the plan and, in the family's words, the issues.
    email = adviser_email("plan-contents", LETTER, True, sections=["F"], today=TODAY,
                          disagreement="  The plan gives 1 hour of\nspeech therapy a term; the report says "
                                       "weekly. ")
    assert ("It is about what the final EHC plan says in Section F (special educational provision)."
            in email.body)
    assert ("What I disagree with: The plan gives 1 hour of speech therapy a term; the report says weekly."
            in email.body)
    assert email.disagreement.startswith("The plan gives")
    blank = adviser_email("refusal-to-assess", LETTER, False, today=TODAY)
    assert "What I disagree with: [in a sentence or two, what you disagree with" in blank.body
    assert any("Say what you disagree with" in n for n in blank.notes)
    long = adviser_email("refusal-to-assess", LETTER, False, disagreement="x" * 5000, today=TODAY)
    assert len(long.disagreement) == MAX_DISAGREEMENT_LENGTH


def test_a_young_person_writes_for_themselves():
    # Review item 2: over compulsory school age the appeal is the young person's own.
    email = adviser_email("refusal-to-assess", LETTER, False, appellant="young-person", child_name="Sam",
                          your_name="Sam Smith", today=TODAY)
    assert email.appellant == "young-person"
    assert "about me. It is about" in email.body and "I am making this appeal myself" in email.body
    assert "my child" not in email.body and "child's" not in email.body
    assert email.body.rstrip().splitlines()[-1] == "[your date of birth]"
    assert email.subject.endswith(": Sam Smith")
    text = " ".join((email.body, email.summary, *email.notes, *(s.text for s in email.steps)))
    assert "parent appeals" not in text and "your parent" not in text
    assert any("in your own right" in n for n in email.notes)


def test_a_parent_is_told_when_the_appeal_becomes_the_young_persons():
    email = adviser_email("refusal-to-assess", LETTER, False, today=TODAY)
    assert "about my child, [your child's name]." in email.body
    assert any("the right to appeal is theirs, not their parent's" in n for n in email.notes)
    assert {"cfa-s51", "cfa-s83"} <= {s.id for s in email.sources}


def test_an_unknown_appellant_names_the_field():
    with pytest.raises(UnknownDecisionError) as caught:
        adviser_email("refusal-to-assess", LETTER, False, appellant="grandparent", today=TODAY)
    assert caught.value.field == "appellant"


def test_working_day_is_said_to_be_our_reading():
    email = adviser_email("refusal-to-assess", LETTER, False, today=TODAY)
    assert any("do not define a working day" in n for n in email.notes)


def test_plan_contents_names_the_sections():
    email = adviser_email("plan-contents", LETTER, False, sections=["F", "B"], today=TODAY)
    assert "Section B (special educational needs) and Section F (special educational provision)" in email.body
    assert email.sections == ("B", "F")


def test_section_i_only_needs_no_certificate_but_may_still_mediate():
    wants = adviser_email("plan-contents", LETTER, True, sections=["I"], today=TODAY)
    assert wants.email_needed and not wants.certificate_needed
    assert "do not need a mediation certificate" in wants.body
    assert "I wish to pursue mediation all the same" in wants.body
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
                          your_name="Alex\tJones", today=TODAY)
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


def test_a_letter_without_the_advisers_details_is_the_councils_to_put_right():
    # Review item 3: the letter *must* say how to contact the adviser (regulation 32).
    email = adviser_email("refusal-to-assess", LETTER, False, today=TODAY)
    assert any("ask the council in writing: the letter must tell you" in n for n in email.notes)
    assert "send-regs-r32" in {s.id for s in email.sources}
