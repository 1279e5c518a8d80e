"""The calculators' HTML, rendered in CPython: stable hooks, answers, errors, escaping, safety."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules import web
from sendrules.appeals import DECISIONS
from sendrules.sources import RULES_LAST_CHECKED, SOURCES

TODAY = date(2026, 11, 28)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def in_fresh_python(code: str) -> str:
    """What ``code`` prints when run by a new interpreter, whose imports start from nothing: how
    the tests see which modules an import or a call loads, as the browser's worker would."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


# -- a small DOM, so tests look at elements rather than at text patterns ------------------------------------

@dataclasses.dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = dataclasses.field(default_factory=list)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str | None) -> list[Node]:
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [
            n for n in self.iter()
            if (tag is None or n.tag == tag)
            and all((k in n.attrs) if v is None else n.attrs.get(k) == v for k, v in wanted.items())
        ]

    def find(self, tag: str | None = None, **attrs: str | None) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'} {attrs}>"
        return found[0]

    def by_id(self, id_: str) -> Node:
        found = self.find_all(id=id_)
        assert len(found) == 1, f"{len(found)} elements with id {id_!r}"
        return found[0]

    @property
    def text(self) -> str:
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text)
        return " ".join(" ".join(parts).split())

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        assert node is not self.root, f"unexpected </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(markup: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root


def render(name: str, fields: dict, today: date = TODAY) -> dict:
    answer = json.loads(web.render(name, json.dumps(fields), today.isoformat()))
    assert set(answer) == {"html", "focus", "title_error", "query"}
    return answer


def date_fields(field: str, d: date | tuple[str, str, str]) -> dict[str, list[str]]:
    day, month, year = (str(d.day), str(d.month), str(d.year)) if isinstance(d, date) else d
    return {f"{field}-day": [day], f"{field}-month": [month], f"{field}-year": [year]}


def appeal_fields(letter, certificate=None) -> dict[str, list[str]]:
    fields = date_fields("letter-sent", letter)
    if certificate is not None:
        fields.update(date_fields("certificate-issued", certificate))
    return fields


# -- the static forms ---------------------------------------------------------------------------------------

DATE_FIELDS = {"appeal-deadline": ["letter-sent", "certificate-issued"], "dd-claim": ["conduct"]}


@pytest.mark.parametrize("name", ["appeal-deadline", "certificate", "dd-claim"])
def test_form_has_the_stable_hooks(name):
    tree = parse(web.form_html(name))
    (root,) = [n for n in tree.children if isinstance(n, Node)]
    assert root.tag == "div" and "calculator" in root.classes
    assert root.attrs["data-calculator"] == name
    assert root.attrs["data-state"] == "loading"
    assert root.find("h3").text

    loading = root.find(data_status="loading")
    assert "loading" in loading.text.lower()
    assert loading.find("progress", data_progress=None)
    assert loading.find("a", href=web.CALCULATORS[name].by_hand[0])
    failed = root.find(data_status="error")
    assert "could not start in your browser" in failed.text
    assert "have not been sent anywhere" in failed.text
    assert "JavaScript" in root.find("noscript").text

    form = root.find("form")
    assert "novalidate" in form.attrs
    assert form.find("input", type="hidden", name="calculator").attrs["value"] == name
    (button,) = form.find_all("button")
    assert button.attrs["type"] == "submit" and button.text
    result = root.by_id(f"{name}-result")
    assert result.children == []
    assert root.find_all(class_="govuk-error-summary") == []


@pytest.mark.parametrize("name", ["appeal-deadline", "dd-claim"])
def test_date_inputs_follow_the_gov_uk_pattern(name):
    root = parse(web.form_html(name))
    for field in DATE_FIELDS[name]:
        fieldset = root.by_id(f"{field}-day").parent
        while fieldset.tag != "fieldset":
            fieldset = fieldset.parent
        assert fieldset.find("legend").text.endswith("?") or "(optional)" in fieldset.find("legend").text
        hint = root.by_id(f"{field}-hint")
        assert "For example, " in hint.text
        assert fieldset.attrs["aria-describedby"] == f"{field}-hint"
        for part, width in (("day", "2"), ("month", "2"), ("year", "4")):
            box = root.by_id(f"{field}-{part}")
            assert box.tag == "input"
            assert box.attrs["name"] == f"{field}-{part}"
            assert box.attrs["type"] == "text"
            assert box.attrs["inputmode"] == "numeric"
            assert f"govuk-input--width-{width}" in box.classes
            assert box.attrs["value"] == ""
            assert "aria-invalid" not in box.attrs
            label = root.find("label", for_=f"{field}-{part}")
            assert label.text == part.capitalize()


def test_appeal_deadline_questions():
    root = parse(web.form_html("appeal-deadline"))
    assert root.by_id("letter-sent").parent.find("legend").text == "When was the decision letter sent?"
    assert "Use the date on the letter" in root.by_id("letter-sent-hint").text
    assert "Leave this blank if you do not have one yet" in root.by_id("certificate-issued-hint").text
    assert root.find("button").text == "Work out my last day"


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


def test_unknown_calculator_is_a_clear_build_error():
    with pytest.raises(web.UnknownCalculatorError, match="no calculator called 'nope'.*appeal-deadline"):
        web.form_html("nope")


def test_sources_html_lists_citations_links_and_the_date_checked():
    root = parse(web.sources_html(["hesc-r20", "eqa-sch17-4"]))
    links = root.find_all("a")
    assert [a.attrs["href"] for a in links] == [SOURCES["hesc-r20"].url, SOURCES["eqa-sch17-4"].url]
    assert links[0].text == SOURCES["hesc-r20"].citation
    assert SOURCES["hesc-r20"].summary in root.text
    assert "These rules were last checked on 28 November 2026" in root.text
    assert root.find("time").attrs["datetime"] == RULES_LAST_CHECKED.isoformat()


@pytest.mark.parametrize("ids", [["hesc-r20", "no-such-source"], []])
def test_sources_html_refuses_unknown_or_missing_ids(ids):
    with pytest.raises(web.UnknownCalculatorError):
        web.sources_html(ids)


# -- answers ------------------------------------------------------------------------------------------------

APPEAL_EXAMPLES = [  # the worked examples in the legal reference note
    (date(2025, 10, 1), None, date(2025, 12, 1)),
    (date(2025, 10, 1), date(2025, 11, 29), date(2026, 1, 2)),
    (date(2025, 12, 31), None, date(2026, 3, 2)),
    (date(2026, 1, 14), None, date(2026, 3, 16)),
    (date(2026, 2, 3), None, date(2026, 4, 7)),
    (date(2022, 7, 19), None, date(2022, 9, 20)),
    (date(2026, 6, 15), None, date(2026, 9, 1)),
    (date(2026, 10, 29), None, date(2027, 1, 4)),
    (date(2021, 10, 1), date(2021, 12, 1), date(2022, 1, 4)),
    (date(2026, 3, 10), date(2026, 6, 5), date(2026, 7, 6)),
    (date(2025, 10, 20), date(2025, 12, 23), date(2026, 1, 23)),
]


@pytest.mark.parametrize(("letter", "certificate", "last_day"), APPEAL_EXAMPLES)
def test_appeal_deadline_worked_examples(letter, certificate, last_day):
    answer = render("appeal-deadline", appeal_fields(letter, certificate))
    assert answer["title_error"] is False
    assert answer["focus"] == "appeal-deadline-result-heading"
    root = parse(answer["html"])
    panel = root.find(data_result="last-day")
    time = panel.find("time")
    assert time.attrs["datetime"] == last_day.isoformat()
    heading = root.by_id(answer["focus"])
    assert heading.attrs["tabindex"] == "-1"
    assert heading.text.startswith("Your last day to register the appeal")
    assert "by 5pm" in panel.text
    query = f"calculator=appeal-deadline&letter-sent={letter.isoformat()}"
    if certificate:
        query += f"&certificate-issued={certificate.isoformat()}"
    assert answer["query"] == query


def test_appeal_result_shows_the_working_sources_and_next_steps():
    fields = appeal_fields(date(2025, 10, 1), date(2025, 11, 29))
    answer = render("appeal-deadline", fields, date(2025, 12, 1))
    root = parse(answer["html"])
    # the form is kept above the answer, with the reader's values
    assert root.by_id("letter-sent-day").attrs["value"] == "1"
    assert root.by_id("certificate-issued-month").attrs["value"] == "11"
    assert root.find("button", type="submit")
    assert root.find(data_governed_by="certificate")
    steps = root.find(data_section="steps").find("ol").find_all("li")
    assert len(steps) >= 5
    assert any("29 December 2025" in s.text for s in steps)
    assert "32 days left" in root.find(data_result="last-day").text
    sources = root.find(data_section="sources")
    assert sources.find("a", href=SOURCES["hesc-r20"].url)
    assert "last checked on 28 November 2026" in sources.text
    change = root.find(data_section="answers").find("a", href="#letter-sent-day")
    assert change.text.startswith("Change")
    next_links = [a.attrs["href"] for a in root.find(data_section="next").find_all("a")]
    assert "../help/" in next_links
    assert root.find("button", data_action="print").attrs["type"] == "button"
    # with a certificate already, the reader is not told to contact the adviser
    assert root.find_all(data_result="contact-adviser") == []


def test_appeal_without_a_certificate_shows_when_to_contact_the_adviser():
    root = parse(render("appeal-deadline", appeal_fields(date(2026, 9, 1)), date(2026, 9, 2))["html"])
    adviser = root.find(data_result="contact-adviser")
    assert adviser.find("time").attrs["datetime"] == "2026-11-01"
    working = root.find(data_result="contact-adviser-working-day")
    assert working.find("time").attrs["datetime"] == "2026-10-30"
    next_links = [a.attrs["href"] for a in root.find(data_section="next").find_all("a")]
    assert "../mediation-certificate/" in next_links


def test_appeal_calendar_file_has_the_last_day_and_a_reminder():
    root = parse(render("appeal-deadline", appeal_fields(date(2025, 10, 1), date(2025, 11, 29)),
                        date(2025, 12, 1))["html"])
    link = root.find("a", download="send-appeal-last-day.ics")
    prefix = "data:text/calendar;charset=utf-8,"
    assert link.attrs["href"].startswith(prefix)
    text = unquote(link.attrs["href"][len(prefix):])
    assert "\r\n" in text
    cal = icalendar.Calendar.from_ical(text)
    (event,) = [c for c in cal.walk() if c.name == "VEVENT"]
    assert event.decoded("DTSTART") == date(2026, 1, 2)
    (alarm,) = [c for c in event.walk() if c.name == "VALARM"]
    assert alarm.decoded("TRIGGER").days == -7
    assert event.decoded("DTSTAMP").date() == date(2025, 12, 1)


def test_appeal_on_the_last_day_says_today():
    answer = render("appeal-deadline", appeal_fields(date(2025, 10, 1)), date(2025, 12, 1))
    assert "That is today" in parse(answer["html"]).find(data_result="last-day").text


def test_a_passed_deadline_says_so_and_gives_the_late_appeal_steps():
    answer = render("appeal-deadline", appeal_fields(date(2025, 10, 1)), date(2026, 1, 10))
    root = parse(answer["html"])
    panel = root.find(data_result="last-day")
    assert panel.attrs["data-passed"] == "true"
    assert panel.find("time").attrs["datetime"] == "2025-12-01"
    assert "This date has passed" in panel.text
    assert "was" in root.by_id(answer["focus"]).text
    late = root.find(data_section="late").find("ol").find_all("li")
    assert any("accept it late" in li.text for li in late)
    assert root.find_all("a", download=None) == []  # no calendar file for a day gone by


def test_an_alternative_reading_is_shown_with_its_date_and_the_earlier_date_is_the_answer():
    root = parse(render("appeal-deadline", appeal_fields(date(2022, 10, 24)))["html"])
    assert root.find(data_result="last-day").find("time").attrs["datetime"] == "2022-12-28"
    alternatives = root.find(data_section="alternatives")
    alt = alternatives.find(data_alternative="2023-01-03")
    assert alt.find("time").attrs["datetime"] == "2023-01-03"
    assert "We show the earlier date" in alternatives.text


def test_computed_bank_holidays_are_noted():
    root = parse(render("appeal-deadline", appeal_fields(date(2029, 3, 1)), date(2029, 3, 2))["html"])
    assert "have not been announced yet" in root.find(data_section="notes").text


DD_EXAMPLES = [
    (date(2026, 3, 10), date(2026, 9, 9), date(2026, 9, 9)),
    (date(2026, 3, 14), date(2026, 9, 13), date(2026, 9, 11)),
    (date(2025, 8, 31), date(2026, 2, 27), date(2026, 2, 27)),
]


@pytest.mark.parametrize(("conduct", "last_day", "safe_day"), DD_EXAMPLES)
def test_dd_claim_worked_examples(conduct, last_day, safe_day):
    answer = render("dd-claim", date_fields("conduct", conduct))
    assert answer["focus"] == "dd-claim-result-heading" and not answer["title_error"]
    root = parse(answer["html"])
    assert root.find(data_result="safe-day").find("time").attrs["datetime"] == safe_day.isoformat()
    assert root.find(data_result="last-day").find("time").attrs["datetime"] == last_day.isoformat()
    assert root.by_id(answer["focus"]).attrs["tabindex"] == "-1"
    assert answer["query"] == f"calculator=dd-claim&conduct={conduct.isoformat()}"
    assert root.find(data_section="steps").find_all("li")
    assert root.find(data_section="sources").find("a", href=SOURCES["eqa-sch17-4"].url)


def test_dd_claim_alternatives_are_shown():
    root = parse(render("dd-claim", date_fields("conduct", date(2026, 3, 14)))["html"])
    alternatives = root.find(data_section="alternatives")
    assert alternatives.find(data_alternative="2026-09-14")
    assert "We show the earlier date" in alternatives.text


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


# -- errors -------------------------------------------------------------------------------------------------

def assert_error(answer: dict, *, field: str, focus_target: str, message: str,
                 at_fault=("day", "month", "year"), name="appeal-deadline") -> Node:
    assert answer["title_error"] is True
    assert answer["focus"] == f"{name}-error-summary"
    assert answer["query"] == ""
    root = parse(answer["html"])
    summary = root.by_id(answer["focus"])
    assert summary.attrs["tabindex"] == "-1"
    assert summary.find("h3").text == "There is a problem"
    links = summary.find_all("a")
    assert any(a.attrs["href"] == f"#{focus_target}" and message in a.text for a in links), \
        [(a.attrs["href"], a.text) for a in links]
    root.by_id(focus_target)  # the link goes somewhere
    by_field = root.by_id(f"{field}-error")
    assert "govuk-error-message" in by_field.classes
    assert by_field.find("span", class_="visually-hidden").text == "Error:"
    assert message in by_field.text
    group = root.find(data_question=field)
    assert "govuk-form-group--error" in group.classes
    described = group.find("fieldset").attrs["aria-describedby"].split()
    assert f"{field}-hint" in described and f"{field}-error" in described
    if field in ("letter-sent", "certificate-issued", "conduct"):
        for part in ("day", "month", "year"):
            box = root.by_id(f"{field}-{part}")
            wrong = part in at_fault
            assert ("aria-invalid" in box.attrs) is wrong, part
            assert ("govuk-input--error" in box.classes) is wrong, part
    assert root.find_all(data_result=None) == [], "no answer is shown with an error"
    return root


def test_empty_letter_date():
    answer = render("appeal-deadline", {})
    assert_error(answer, field="letter-sent", focus_target="letter-sent-day",
                 message="Enter the date the decision letter was sent")


def test_partial_date_highlights_only_the_missing_box_and_keeps_the_rest():
    answer = render("appeal-deadline", appeal_fields(("1", "", "2025")))
    root = assert_error(answer, field="letter-sent", focus_target="letter-sent-month",
                        message="must include a month", at_fault=("month",))
    assert root.by_id("letter-sent-day").attrs["value"] == "1"
    assert root.by_id("letter-sent-year").attrs["value"] == "2025"


def test_impossible_date():
    answer = render("appeal-deadline", appeal_fields(("31", "2", "2026")))
    assert_error(answer, field="letter-sent", focus_target="letter-sent-day", message="must be a real date",
                 at_fault=("day",))


def test_two_digit_year():
    answer = render("appeal-deadline", appeal_fields(("1", "10", "25")))
    assert_error(answer, field="letter-sent", focus_target="letter-sent-year",
                 message="Year must include 4 numbers", at_fault=("year",))


def test_future_letter():
    answer = render("appeal-deadline", appeal_fields(date(2026, 12, 1)))
    root = assert_error(answer, field="letter-sent", focus_target="letter-sent-day",
                        message="must be today or in the past")
    assert root.by_id("letter-sent-month").attrs["value"] == "12"


def test_certificate_before_letter():
    answer = render("appeal-deadline", appeal_fields(date(2025, 10, 1), date(2025, 9, 1)))
    assert_error(answer, field="certificate-issued", focus_target="certificate-issued-day",
                 message="must be the same as or after the date the decision letter was sent")


def test_letter_before_the_current_rules():
    answer = render("appeal-deadline", appeal_fields(date(2020, 7, 20)))
    assert_error(answer, field="letter-sent", focus_target="letter-sent-day",
                 message="on or after 21 July 2020")


def test_deadline_beyond_the_holiday_data():
    answer = render("appeal-deadline", appeal_fields(date(2030, 12, 1)), date(2030, 12, 15))
    assert_error(answer, field="letter-sent", focus_target="letter-sent-day",
                 message="We only have bank holiday dates up to")


def test_errors_in_two_dates_are_both_listed():
    answer = render("appeal-deadline", appeal_fields(("", "", ""), ("40", "1", "2026")))
    root = parse(answer["html"])
    hrefs = [a.attrs["href"] for a in root.by_id("appeal-deadline-error-summary").find_all("a")]
    assert hrefs == ["#letter-sent-day", "#certificate-issued-day"]
    root.by_id("letter-sent-error")
    root.by_id("certificate-issued-error")


def test_blank_optional_certificate_is_not_an_error():
    fields = appeal_fields(date(2025, 10, 1), ("", "", ""))
    assert render("appeal-deadline", fields)["title_error"] is False


def test_dd_claim_future_date():
    answer = render("dd-claim", date_fields("conduct", date(2027, 1, 1)))
    assert_error(answer, field="conduct", focus_target="conduct-day", message="must be today or in the past",
                 name="dd-claim")


def test_dd_claim_empty():
    assert_error(render("dd-claim", {}), field="conduct", focus_target="conduct-day",
                 message="Enter the date the discrimination happened", name="dd-claim")


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


# -- escaping -----------------------------------------------------------------------------------------------

PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"]


def assert_no_injection(markup: str) -> Node:
    root = parse(markup)
    assert root.find_all("script") == [] and root.find_all("img") == [] and root.find_all("svg") == []
    assert not [n for n in root.iter() if any(k.startswith("on") for k in n.attrs)]
    for payload in PAYLOADS:
        assert payload not in markup
    return root


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["letter-sent", "certificate-issued"])
@pytest.mark.parametrize("part", ["day", "month", "year"])
def test_appeal_input_is_escaped_and_kept(payload, field, part):
    fields = appeal_fields(date(2025, 10, 1))
    fields[f"{field}-{part}"] = [payload]
    answer = render("appeal-deadline", fields)
    assert answer["title_error"] is True
    root = assert_no_injection(answer["html"])
    assert root.by_id(f"{field}-{part}").attrs["value"] == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dd_input_is_escaped(payload):
    answer = render("dd-claim", date_fields("conduct", (payload, payload, payload)))
    root = assert_no_injection(answer["html"])
    assert root.by_id("conduct-year").attrs["value"] == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_iso_date_from_a_web_address_is_escaped(payload):
    answer = render("appeal-deadline", {"calculator": ["appeal-deadline"], "letter-sent": [payload]})
    assert answer["title_error"] is True
    assert_no_injection(answer["html"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_certificate_choices_are_escaped(payload):
    assert_no_injection(render("certificate", {"decision": [payload]})["html"])
    assert_no_injection(render("certificate", {"decision": ["plan-contents"], "sections": [payload]})["html"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_calculator_name_and_today_are_never_echoed(payload):
    answer = json.loads(web.render(payload, "{}", "2026-01-01"))
    assert_no_injection(answer["html"])
    answer = json.loads(web.render("appeal-deadline", "{}", payload))
    assert_no_injection(answer["html"])


# -- web addresses ------------------------------------------------------------------------------------------

def result_region(markup: str, name: str) -> str:
    root = parse(markup)
    region = root.by_id(f"{name}-result")
    assert region.children, "no answer"
    return region.text


@pytest.mark.parametrize(("name", "fields"), [
    ("appeal-deadline", appeal_fields(("01", "oct", "2025"), ("29", "11", "2025"))),
    ("appeal-deadline", appeal_fields(date(2026, 2, 3))),
    ("dd-claim", date_fields("conduct", date(2026, 3, 14))),
    ("certificate", {"decision": ["plan-contents"], "sections": ["I", "B"]}),
    ("certificate", {"decision": ["cease-to-maintain"]}),
])
def test_query_round_trip(name, fields):
    first = render(name, fields)
    assert first["query"].startswith(f"calculator={name}&")
    again = render(name, parse_qs(first["query"]))
    assert again["query"] == first["query"]
    assert again["focus"] == first["focus"]
    assert result_region(again["html"], name) == result_region(first["html"], name)


def test_a_date_from_a_web_address_fills_the_boxes():
    answer = render("appeal-deadline", {"calculator": ["appeal-deadline"], "letter-sent": ["2025-10-01"]})
    root = parse(answer["html"])
    boxes = [root.by_id(f"letter-sent-{p}").attrs["value"] for p in ("day", "month", "year")]
    assert boxes == ["1", "10", "2025"]


def test_a_badly_written_date_in_a_web_address_is_an_error():
    answer = render("appeal-deadline", {"letter-sent": ["1/10/2025"]})
    assert_error(answer, field="letter-sent", focus_target="letter-sent-day", message="year-month-day")


# -- nothing unexpected ever reaches the reader -------------------------------------------------------------

def assert_safe_problem(answer: dict, name: str | None = "appeal-deadline") -> Node:
    assert answer["title_error"] is True
    assert answer["query"] == ""
    assert "Traceback" not in answer["html"] and "Error(" not in answer["html"]
    root = parse(answer["html"])
    box = root.by_id(answer["focus"])
    assert box.attrs["tabindex"] == "-1"
    assert "Something went wrong" in box.text
    assert "Your dates were not used" in box.text
    assert box.find("a").attrs["href"].startswith("#")
    return root


def test_an_unexpected_failure_in_the_rules_gives_a_safe_message(monkeypatch):
    def boom(values, today):
        raise RuntimeError("secret internals")

    calc = web.CALCULATORS["appeal-deadline"]
    monkeypatch.setitem(web.CALCULATORS, "appeal-deadline", dataclasses.replace(calc, answer=boom))
    answer = render("appeal-deadline", appeal_fields(date(2025, 10, 1)))
    root = assert_safe_problem(answer)
    assert "secret internals" not in answer["html"]
    assert root.by_id("letter-sent-day").attrs["value"] == "1"  # the form is still there, values kept
    assert root.find_all(data_result=None) == []


def test_an_unexpected_failure_while_presenting_gives_a_safe_message(monkeypatch):
    def boom(result, ids):
        raise KeyError("oops")

    calc = web.CALCULATORS["certificate"]
    monkeypatch.setitem(web.CALCULATORS, "certificate", dataclasses.replace(calc, present=boom))
    assert_safe_problem(render("certificate", {"decision": ["refusal-to-assess"]}), "certificate")


@pytest.mark.parametrize(("fields_json", "today"), [
    ("not json", "2026-01-01"),
    ("[1, 2]", "2026-01-01"),
    ('{"letter-sent-day": {"x": 1}}', "2026-01-01"),
    ("{}", "yesterday"),
    ("{}", None),
])
def test_bad_calls_give_a_safe_message(fields_json, today):
    answer = json.loads(web.render("appeal-deadline", fields_json, today))
    assert answer["title_error"] is True
    parse(answer["html"])
    if answer["focus"] != "appeal-deadline-error-summary":
        assert_safe_problem(answer)


def test_an_unknown_calculator_at_render_time_gives_a_safe_message():
    assert_safe_problem(json.loads(web.render("nope", "{}", "2026-01-01")), None)


def test_views_are_imported_only_when_their_calculator_is_first_used():
    """The browser's worker compiles every module it imports: a page pays only for its own views."""
    code = (
        "import sys, sendrules.web as web\n"
        "before = sorted(m for m in sys.modules if m.startswith('sendrules.views.'))\n"
        "web.form_html('offer-check')\n"
        "after = sorted(m for m in sys.modules if m.startswith('sendrules.views.'))\n"
        "print(before, after)\n"
    )
    out = in_fresh_python(code)
    assert out.strip() == "[] ['sendrules.views.offer_check']"


def test_every_view_module_is_reachable_by_its_calculator_name():
    for name in web.VIEW_MODULES:
        assert web.CALCULATORS.get(name) is None or web.CALCULATORS[name].name == name
        assert f'data-calculator="{name}"' in web.form_html(name)
        assert web.CALCULATORS[name].name == name


def test_prepare_imports_the_rules_a_page_needs_before_the_first_answer():
    code = (
        "import sys, sendrules.web as web\n"
        "assert 'sendrules.time_limits' not in sys.modules\n"
        "print(web.prepare('[\"appeal-deadline\", \"no-such-calculator\"]'), web.prepare('not json'),\n"
        "      'sendrules.time_limits' in sys.modules, 'sendrules.appeals' in sys.modules)\n"
    )
    out = in_fresh_python(code)
    assert out.split() == ["True", "False", "True", "False"]


ALL_CALCULATORS = sorted({*web.CALCULATORS, *web.VIEW_MODULES})


@pytest.mark.parametrize("name", ALL_CALCULATORS)
def test_every_calculator_rehearses_with_an_answer_not_errors(name):
    """prepare() answers each calculator's rehearsal; one that gave errors would leave the answer's
    code (and its imports) for the reader's first answer."""
    calc = web._calculator(name)
    assert calc.rehearsal is not None
    fields, today = calc.rehearsal
    answer = json.loads(web.render(name, json.dumps(fields), today.isoformat()))
    assert answer["title_error"] is False
    assert answer["focus"] == f"{name}-result-heading"


# A first answer after prepare(): the reader's own, on another day than the rehearsal's.
FIRST_ANSWERS = {
    "appeal-deadline": {**web.date_fields("letter-sent", date(2026, 11, 8)),
                        **web.date_fields("certificate-issued", date(2026, 12, 24))},
}


@pytest.mark.parametrize("name", ALL_CALCULATORS)
def test_after_prepare_a_first_answer_imports_nothing(name):
    """Each calculator alone on a page, in a fresh interpreter, as the browser's worker has it."""
    fields = FIRST_ANSWERS.get(name, web._calculator(name).rehearsal[0])
    code = (
        "import json, sys, sendrules.web as web\n"
        f"print(web.prepare(json.dumps([{name!r}])))\n"
        "before = set(sys.modules)\n"
        f"answer = json.loads(web.render({name!r}, {json.dumps(fields)!r}, '2026-12-28'))\n"
        "print(answer['title_error'], sorted(set(sys.modules) - before))\n"
    )
    assert in_fresh_python(code).splitlines() == ["True", "False []"]


# Modules the worker need not load before it reports ready, each measured at 40 ms or more in the
# browser (README, "Performance"): html.entities (via html), urllib.parse (with ipaddress), and
# sendrules.ics (with hashlib). prepare() loads those an answer needs, while the reader types.
DEFERRED = ("html.entities", "urllib.parse", "ipaddress", "sendrules.ics", "hashlib")


def test_importing_web_leaves_the_slow_modules_for_prepare():
    code = (
        "import sys, sendrules.web as web\n"
        f"deferred = {DEFERRED!r}\n"
        "print([m for m in deferred if m in sys.modules])\n"
        "web.prepare('[\"appeal-deadline\"]')\n"
        "print([m for m in deferred if m in sys.modules])\n"
    )
    out = in_fresh_python(code)
    before, after = out.splitlines()
    assert before == "[]"
    assert after == repr(["urllib.parse", "ipaddress", "sendrules.ics", "hashlib"])


@given(st.text())
def test_escaping_is_exactly_html_escape(text):
    import html

    assert web._e(text) == html.escape(text, quote=True)


def test_the_worker_ships_every_dateutil_module_sendrules_imports():
    """hooks/site.py ships only DATEUTIL_MODULES of the python-dateutil wheel to the browser."""
    from hooks.site import DATEUTIL_MODULES

    code = (
        "import json, pkgutil, importlib, sys, sendrules, sendrules.web as web\n"
        "for module in pkgutil.walk_packages(sendrules.__path__, 'sendrules.'):\n"
        "    if module.name not in ('sendrules.cli', 'sendrules.__main__'):\n"
        "        importlib.import_module(module.name)\n"
        "web.prepare(json.dumps([*web.CALCULATORS, *web.VIEW_MODULES]))\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'dateutil')))\n"
    )
    out = in_fresh_python(code)
    shipped = {p.removesuffix(".py").removesuffix("/__init__").replace("/", ".") for p in DATEUTIL_MODULES}
    assert set(out.split()) <= shipped
    assert "dateutil.relativedelta" in out.split()
