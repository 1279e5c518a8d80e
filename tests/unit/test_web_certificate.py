"""The mediation certificate checker (sendrules.web.certificate): its radios and checkboxes, every
decision's answer, its errors and escaping."""

from __future__ import annotations

import pytest
from tests.support.dom import (
    PAYLOADS,
    assert_error,
    assert_no_injection,
    parse,
    render,
)

from sendrules import web
from sendrules.appeals import DECISIONS
from sendrules.sources import SOURCES

# -- the form and the answers --------------------------------------------------------------------------------

def test_certificate_form_has_decision_radios_and_section_checkboxes():
    root = parse(web.form_html("certificate"))
    radios = root.find_all("input", type="radio")
    assert [r.attrs["value"] for r in radios] == list(DECISIONS)
    for radio in radios:
        assert radio.attrs["name"] == "decision"
        label = root.find("label", for_=radio.attrs["id"])
        assert label.text == DECISIONS[radio.attrs["value"]].label
    boxes = root.find_all("input", type="checkbox")
    assert [b.attrs["value"] for b in boxes] == ["B", "F", "I"]
    assert all(b.attrs["name"] == "sections" for b in boxes)
    labels = [root.find("label", for_=b.attrs["id"]).text for b in boxes]
    assert labels == [
        "Section B: special educational needs",
        "Section F: special educational provision",
        "Section I: the school or college named, its type, or no school named",
    ]
    conditional = root.find(data_question="sections")
    assert conditional.attrs["data-reveal-value"] == "plan-contents"
    assert "Only if you chose" in root.by_id("sections-hint").text


CERTIFICATE_EXAMPLES = [
    ("refusal-to-assess", [], True),
    ("refusal-to-issue", [], True),
    ("refusal-to-reassess", [], True),
    ("refusal-to-amend", [], True),
    ("cease-to-maintain", [], True),
    ("plan-contents", ["I"], False),
    ("plan-contents", ["B"], True),
    ("plan-contents", ["F", "I"], True),
    ("disability-discrimination", [], False),
]


@pytest.mark.parametrize(("decision", "sections", "needed"), CERTIFICATE_EXAMPLES)
def test_certificate_answers(decision, sections, needed):
    fields = {"decision": [decision]}
    if sections:
        fields["sections"] = sections
    answer = render("certificate", fields)
    assert answer["focus"] == "certificate-result-heading" and not answer["title_error"]
    root = parse(answer["html"])
    panel = root.find(data_result="certificate-needed")
    assert panel.attrs["data-needed"] == str(needed).lower()
    heading = root.by_id(answer["focus"])
    assert heading.text == ("You need a mediation certificate" if needed
                            else "You do not need a mediation certificate")
    assert panel.find_all("li"), "the reasons are listed"
    assert "checked" in root.find("input", type="radio", value=decision).attrs
    for section in sections:
        assert "checked" in root.find("input", type="checkbox", value=section).attrs
    assert root.find(data_section="sources").find("a", href=SOURCES["cfa-s51"].url)
    assert answer["query"] == "&".join(
        ["calculator=certificate", f"decision={decision}", *(f"sections={s}" for s in sections)])


def test_certificate_section_i_only_says_you_may_still_mediate():
    root = parse(render("certificate", {"decision": ["plan-contents"], "sections": ["I"]})["html"])
    assert "You can still choose to try mediation" in root.find(data_section="answers").text
    assert "You can ask the Tribunal for them" in root.find(data_section="answers").text


# -- errors --------------------------------------------------------------------------------------------------

def test_certificate_no_decision_chosen():
    first = next(iter(DECISIONS))
    assert_error(render("certificate", {}), field="decision", focus_target=f"decision-{first}",
                 message="Select what you want to take to the Tribunal", name="certificate")


def test_certificate_plan_contents_with_no_section():
    answer = render("certificate", {"decision": ["plan-contents"]})
    root = assert_error(answer, field="sections", focus_target="sections-B",
                        message="Select which parts of the plan you disagree with", name="certificate")
    assert "checked" in root.find("input", type="radio", value="plan-contents").attrs


def test_certificate_sections_with_another_decision():
    answer = render("certificate", {"decision": ["refusal-to-assess"], "sections": ["B"]})
    root = assert_error(answer, field="sections", focus_target="sections-B",
                        message="Only select Section B, F or I", name="certificate")
    assert "checked" in root.find("input", type="checkbox", value="B").attrs


# -- escaping ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_certificate_choices_are_escaped(payload):
    assert_no_injection(render("certificate", {"decision": [payload]})["html"])
    assert_no_injection(render("certificate", {"decision": ["plan-contents"], "sections": [payload]})["html"])
