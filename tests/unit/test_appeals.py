"""Which decisions can be appealed, and when a mediation certificate is needed (CFA s.51, s.55)."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.appeals import (
    DECISIONS,
    NOT_APPEALABLE,
    SECTIONS,
    appeal_right,
    certificate_needed,
    get_decision,
    parse_sections,
)
from sendrules.errors import SendRulesError, UnknownDecisionError
from sendrules.results import Result
from sendrules.sources import SOURCES

SEN_DECISIONS_WITHOUT_SECTIONS = [
    "refusal-to-assess", "refusal-to-issue", "refusal-to-reassess", "refusal-to-amend", "cease-to-maintain",
]
ALL_SECTION_CHOICES = [combo for n in (1, 2, 3) for combo in combinations("BFI", n)]


# -- the decisions ----------------------------------------------------------------------------------

def test_decisions_are_keyed_by_the_command_line_values():
    assert list(DECISIONS) == [
        "refusal-to-assess", "refusal-to-issue", "plan-contents", "refusal-to-reassess",
        "refusal-to-amend", "cease-to-maintain", "disability-discrimination",
    ]
    for key, decision in DECISIONS.items():
        assert decision.key == key


@pytest.mark.parametrize(
    ("key", "paragraph"),
    [("refusal-to-assess", "(a)"), ("refusal-to-issue", "(b)"), ("plan-contents", "(c)"),
     ("refusal-to-reassess", "(d)"), ("refusal-to-amend", "(e)"), ("cease-to-maintain", "(f)")],
)
def test_each_sen_decision_names_its_paragraph_of_section_51_2(key, paragraph):
    decision = DECISIONS[key]
    assert decision.s51_paragraph == paragraph
    assert decision.provision.endswith(f"section 51(2){paragraph}")
    assert decision.route == "sen-appeal"
    assert "cfa-s51" in decision.source_ids


def test_a_discrimination_claim_is_not_a_section_51_appeal():
    dd = DECISIONS["disability-discrimination"]
    assert dd.s51_paragraph is None
    assert dd.route == "dd-claim"
    assert "Equality Act 2010" in dd.provision
    assert not dd.mediation_available


def test_refusal_to_assess_uses_send35a_and_other_sen_appeals_use_send35():
    assert DECISIONS["refusal-to-assess"].form == "SEND35a"
    for key in ["refusal-to-issue", "plan-contents", "refusal-to-reassess", "refusal-to-amend",
                "cease-to-maintain"]:
        assert DECISIONS[key].form == "SEND35"
    assert "SEND4A" in DECISIONS["disability-discrimination"].form


def test_health_and_social_care_recommendations_are_not_available_on_refusal_to_assess_or_dd_claims():
    available = {key for key, d in DECISIONS.items() if d.extended_appeal_available}
    assert available == {"refusal-to-issue", "plan-contents", "refusal-to-reassess", "refusal-to-amend",
                         "cease-to-maintain"}


def test_every_decision_has_a_parent_facing_label_and_says_what_starts_the_clock():
    for decision in DECISIONS.values():
        assert decision.label[0].isupper() and not decision.label.endswith(".")
        assert decision.clock_starts
        assert all(s.id in SOURCES for s in decision.sources)


def test_only_a_contents_appeal_takes_sections():
    assert [k for k, d in DECISIONS.items() if d.takes_sections] == ["plan-contents"]


@pytest.mark.parametrize("typed", ["Refusal-To-Assess", " refusal to assess ", "refusal_to_assess"])
def test_decision_keys_forgive_case_spaces_and_underscores(typed):
    assert get_decision(typed).key == "refusal-to-assess"


# -- can it be appealed at all ----------------------------------------------------------------------

@pytest.mark.parametrize("key", list(DECISIONS))
def test_every_listed_decision_can_be_taken_to_the_tribunal(key):
    right = appeal_right(key)
    assert right.appealable is True
    assert right.form == DECISIONS[key].form
    assert right.steps and right.sources
    assert {step.source_id for step in right.steps} <= {s.id for s in right.sources}


@pytest.mark.parametrize("key", list(NOT_APPEALABLE))
def test_draft_plans_health_only_and_other_sections_cannot_be_appealed(key):
    right = appeal_right(key)
    assert right.appealable is False
    assert right.route is None and right.form is None
    assert len(right.steps) == 2  # why not, and what to do instead
    assert any(s.id == "cfa-s51" for s in right.sources)


def test_certificate_rule_summary_matches_each_route():
    assert appeal_right("plan-contents").certificate == "unless-section-i-only"
    assert appeal_right("cease-to-maintain").certificate == "always"
    assert appeal_right("disability-discrimination").certificate == "never"
    assert appeal_right("draft-plan").certificate == "not-applicable"


def test_appeal_right_for_something_unknown_lists_all_valid_values():
    with pytest.raises(UnknownDecisionError) as info:
        appeal_right("the-whole-plan")
    for key in [*DECISIONS, *NOT_APPEALABLE]:
        assert key in str(info.value)
    assert info.value.field == "decision"


# -- the certificate rule ------------------------------------------------------------------------------

@pytest.mark.parametrize("key", SEN_DECISIONS_WITHOUT_SECTIONS)
def test_every_sen_appeal_other_than_contents_needs_a_certificate(key):
    answer = certificate_needed(key)
    assert answer.needed is True
    assert answer.may_still_mediate is True
    assert any(s.id == "cfa-s55" for s in answer.sources)
    assert any("one phone call" in note for note in answer.notes)


def test_an_appeal_only_about_section_i_needs_no_certificate_but_mediation_is_still_allowed():
    answer = certificate_needed("plan-contents", ["I"])
    assert answer.needed is False
    assert answer.may_still_mediate is True
    assert any("still choose" in reason for reason in answer.reasons)
    assert any("add Section B or F" in note for note in answer.notes)
    assert any(step.source_id == "hesc-r20" for step in answer.steps)


@pytest.mark.parametrize("sections", [c for c in ALL_SECTION_CHOICES if c != ("I",)])
def test_an_appeal_about_section_b_or_f_needs_a_certificate_with_or_without_i(sections):
    answer = certificate_needed("plan-contents", sections)
    assert answer.needed is True
    assert answer.sections == sections
    for section in sections:
        assert SECTIONS[section] in answer.reasons[0]


def test_a_discrimination_claim_never_needs_a_certificate_and_has_no_sen_mediation():
    answer = certificate_needed("disability-discrimination")
    assert answer.needed is False
    assert answer.may_still_mediate is False
    assert answer.mediation_available is False
    assert answer.extended_appeal_available is False
    assert any("not available" in reason for reason in answer.reasons)


def test_refusal_to_assess_says_health_and_care_recommendations_are_not_available():
    answer = certificate_needed("refusal-to-assess")
    assert answer.extended_appeal_available is False
    assert any("cannot make health or social care recommendations" in n for n in answer.notes)


def test_contents_appeals_say_a_draft_plan_cannot_be_appealed_and_health_only_cannot_be_brought():
    answer = certificate_needed("plan-contents", "B")
    assert any("not a draft" in note for note in answer.notes)
    assert any("only about health or social care cannot be brought" in note for note in answer.notes)


@given(st.lists(st.sampled_from(["B", "F", "I", "b", "f", "i", "Section B", "section f"]), min_size=1))
def test_a_certificate_is_needed_exactly_when_b_or_f_is_among_the_sections(chosen):
    letters = {c[-1].upper() for c in chosen}
    answer = certificate_needed("plan-contents", chosen)
    assert answer.needed is bool(letters & {"B", "F"})
    assert answer.sections == tuple(s for s in "BFI" if s in letters)


# -- bad input ----------------------------------------------------------------------------------------------

def test_a_contents_appeal_without_sections_asks_which_parts():
    with pytest.raises(UnknownDecisionError) as info:
        certificate_needed("plan-contents")
    assert str(info.value) == "Select which parts of the plan you disagree with: Section B, F or I"
    assert info.value.field == "sections"


@pytest.mark.parametrize("key", [*SEN_DECISIONS_WITHOUT_SECTIONS, "disability-discrimination"])
def test_sections_with_any_other_decision_are_refused_not_ignored(key):
    with pytest.raises(UnknownDecisionError) as info:
        certificate_needed(key, ["B"])
    assert info.value.field == "sections"
    assert "Only select Section B, F or I" in str(info.value)


@pytest.mark.parametrize("typed", ["nope", "refusal", "appeal"])
def test_an_unknown_decision_lists_the_valid_values(typed):
    with pytest.raises(UnknownDecisionError) as info:
        certificate_needed(typed)
    assert info.value.field == "decision"
    for key in DECISIONS:
        assert key in str(info.value)


def test_no_decision_at_all_asks_for_one():
    with pytest.raises(UnknownDecisionError, match="^Select the decision you want to challenge"):
        certificate_needed("")


@pytest.mark.parametrize("section", ["C", "D", "G", "H1", "H2"])
def test_health_and_care_sections_explain_they_cannot_be_appealed_alone(section):
    with pytest.raises(UnknownDecisionError) as info:
        certificate_needed("plan-contents", [section])
    assert f"Section {section} is about health or social care" in str(info.value)
    assert info.value.field == "sections"


@pytest.mark.parametrize("section", ["A", "E", "J", "K"])
def test_other_sections_explain_they_cannot_be_appealed(section):
    with pytest.raises(UnknownDecisionError, match=f"^Section {section} cannot be appealed"):
        certificate_needed("plan-contents", [section])


def test_an_unknown_section_is_named_in_the_message():
    with pytest.raises(UnknownDecisionError, match="Z is not a part of the plan"):
        certificate_needed("plan-contents", "B,Z")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("B,F", ("B", "F")), ("i, b", ("B", "I")), ("Section F; section I", ("F", "I")), ("B B b", ("B",)),
     (["I", "F"], ("F", "I")), ("", ()), (None, ()), ((), ())],
)
def test_sections_are_read_from_text_or_lists_in_plan_order(typed, expected):
    assert parse_sections(typed) == expected


@given(st.text(max_size=15))
def test_junk_sections_raise_only_a_send_rules_error(text):
    try:
        parse_sections(text)
    except SendRulesError as err:
        assert err.field == "sections"


# -- the shape others rely on ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("key", "sections"),
    [*[(k, ()) for k in SEN_DECISIONS_WITHOUT_SECTIONS], ("plan-contents", ("I",)),
     ("plan-contents", ("B", "I")), ("disability-discrimination", ())],
)
def test_answers_are_results_whose_json_has_needed_reasons_and_sources(key, sections):
    answer = certificate_needed(key, sections)
    assert isinstance(answer, Result)
    data = json.loads(json.dumps(answer.to_dict()))
    assert data["needed"] is answer.needed
    assert data["reasons"] and all(isinstance(r, str) and r.endswith(".") for r in data["reasons"])
    assert {s["id"] for s in data["sources"]} >= {"cfa-s55"}
    assert all(s["url"].startswith("https://") for s in data["sources"])
    assert data["decision"] == key and data["sections"] == list(sections)
    assert data["steps"] and all(step["text"] for step in data["steps"])
    for step in answer.steps:
        assert step.source_id is None or step.source_id in {s.id for s in answer.sources}


# -- wording corrected after the review of 30 November 2026 ---------------------------------------


@pytest.mark.parametrize("key", [k for k, d in DECISIONS.items() if d.route == "sen-appeal"])
def test_every_sen_answer_says_the_young_person_appeals_after_compulsory_school_age(key):
    # Review item 2: the rights are the young person's, not the parent's; a parent can help.
    sections = ("F",) if DECISIONS[key].takes_sections else ()
    for answer in (appeal_right(key), certificate_needed(key, sections)):
        text = " ".join(answer.notes)
        assert "the right to appeal is theirs, not their parent's" in text
        assert "last Friday in June" in text and "A parent can help them" in text
        assert {"cfa-s83", "ea-1996-s8"} <= {s.id for s in answer.sources}


@pytest.mark.parametrize("key", ["refusal-to-assess", "cease-to-maintain"])
def test_a_missing_certificate_is_explained_to_the_tribunal_not_fatal(key):
    # Review item 7: GOV.UK: without a certificate you must tell the Tribunal why; it will not
    # normally register the appeal without one.
    text = " ".join(certificate_needed(key).notes)
    assert "still send your appeal in time, tell the Tribunal why" in text
    assert "will not normally register" in text


def test_the_online_appeal_service_is_named_beside_the_form():
    # Review item 27.
    steps = " ".join(s.text for s in appeal_right("plan-contents").steps)
    assert "Use Tribunal form SEND35, or the Tribunal's online appeal service" in steps


def test_a_discrimination_claim_counts_six_months_starting_with_the_day():
    # Review item 23.
    steps = " ".join(s.text for s in appeal_right("disability-discrimination").steps)
    assert "6 months starting with the date of the discrimination" in steps
    assert "That day counts as the first day" in steps
    assert any("starting with the day the discrimination happened" in n
               for n in certificate_needed("disability-discrimination").notes)
