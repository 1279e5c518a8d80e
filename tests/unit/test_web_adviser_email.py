"""The adviser email calculator (sendrules.web.adviser_email): its form, the email it shows, the names
kept out of the address, errors."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qsl, unquote

import pytest
from tests.support.html import Page

from sendrules.adviser_email import adviser_email
from sendrules.appeals import DECISIONS
from sendrules.web.adviser_email import BODY_ID, SUBJECT_ID
from sendrules.web.adviser_email import CALCULATOR as view

TODAY = date(2026, 4, 2)
LETTER = date(2026, 3, 10)
PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>'

GOOD = {
    "decision": ["refusal-to-assess"],
    "letter-sent-day": ["10"], "letter-sent-month": ["3"], "letter-sent-year": ["2026"],
    "wants-mediation": ["no"],
}


class _Page(Page):
    def __init__(self):
        super().__init__()
        self.copy_targets: list[str] = []
        self.mailto: str | None = None
        self.in_body = False
        self.body = ""

    def start(self, tag, a):
        if a.get("data-action") == "copy":
            assert tag == "button" and a.get("type") == "button"
            self.copy_targets.append(a["data-copy-target"])
        if a.get("data-action") == "mailto":
            self.mailto = a["href"]
        if a.get("id") == BODY_ID:
            self.in_body = True

    def handle_endtag(self, tag):
        if tag == "div":
            self.in_body = False

    def handle_data(self, data):
        if self.in_body:
            self.body += data


parse = _Page.of


def submit(**changes):
    fields = {**GOOD, **{k.replace("_", "-"): v for k, v in changes.items()}}
    fields = {k: v for k, v in fields.items() if v is not None}
    return view.render(fields, TODAY)


def test_form_has_the_hooks_and_fields():
    html = view.form_html()
    assert html.startswith('<div class="calculator" data-calculator="adviser-email" data-state="loading"')
    page = parse(html)
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    for name in ("decision", "sections", "letter-sent-day", "letter-sent-month", "letter-sent-year",
                 "wants-mediation", "child-name", "parent-name"):
        assert name in page.names, name
    for key in DECISIONS:
        if key == "disability-discrimination":
            assert f'id="decision-{key}"' not in html
        else:
            assert f'id="decision-{key}" name="decision" type="radio" value="{key}"' in html
    for section in "BFI":
        assert f'id="sections-{section}" name="sections" type="checkbox" value="{section}"' in html
    assert "discriminated" in html  # the hint says discrimination claims need no certificate
    assert 'data-status="loading"' in html and "<noscript>" in html
    assert 'href="#email-the-mediation-adviser"' in html


def test_the_email_is_the_library_s_wording_with_copy_and_mailto():
    out = submit(child_name=["Sam"], parent_name=["Alex"])
    assert out["title_error"] is False and out["focus"] == "adviser-email-result-heading"
    expected = adviser_email("refusal-to-assess", LETTER, False, child_name="Sam", parent_name="Alex",
                             today=TODAY)
    page = parse(out["html"])
    assert page.body == expected.body
    assert f'data-result="subject">{expected.subject}</span>' in out["html"]
    assert page.copy_targets == [SUBJECT_ID, BODY_ID]
    assert all(target in page.ids for target in page.copy_targets)
    subject, body = page.mailto.removeprefix("mailto:?subject=").split("&body=")
    assert unquote(subject) == expected.subject
    assert unquote(body) == expected.body.replace("\n", "\r\n")
    assert 'data-result="certificate-due"><time datetime="2026-04-09">' in out["html"]
    assert 'data-result="contact-adviser-by"><time datetime="2026-05-10">' in out["html"]
    assert 'data-action="print"' in out["html"]
    assert "regulation 34" in page.body and "regulation 33" in page.body


def test_wanting_mediation():
    out = submit(wants_mediation=["yes"])
    page = parse(out["html"])
    assert "I wish to consider mediation" in page.body
    assert 'data-result="arrange-by"><time datetime="2026-05-02">' in out["html"]


def test_plan_contents_with_sections():
    out = submit(decision=["plan-contents"], sections=["B", "F"])
    assert "Section B (special educational needs) and Section F" in parse(out["html"]).body
    assert parse_qsl(out["query"]).count(("sections", "B")) == 1
    assert ("sections", "F") in parse_qsl(out["query"])


def test_section_i_only():
    out = submit(decision=["plan-contents"], sections=["I"], wants_mediation=["no"])
    assert 'data-needed="false"' in out["html"] and 'data-certificate-needed="false"' in out["html"]
    assert "You do not need to email a mediation adviser" in out["html"]
    assert BODY_ID not in out["html"]
    out = submit(decision=["plan-contents"], sections=["I"], wants_mediation=["yes"])
    assert 'data-needed="true"' in out["html"] and 'data-certificate-needed="false"' in out["html"]
    assert "would still like to try mediation" in parse(out["html"]).body


def test_discrimination_from_a_web_address_says_no_certificate():
    out = submit(decision=["disability-discrimination"])
    assert 'data-needed="false"' in out["html"]
    assert "does not need a mediation certificate" in out["html"]
    assert "../disability-discrimination/" in out["html"]


def test_names_are_escaped_everywhere_and_never_in_the_query():
    out = submit(child_name=[PAYLOAD], parent_name=[PAYLOAD])
    html = out["html"]
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    page = parse(html)
    assert PAYLOAD in page.body  # shown as text, exactly as typed
    assert unescape(re.search(r'id="child-name"[^>]*value="([^"]*)"', html).group(1)) == PAYLOAD
    query = dict(parse_qsl(out["query"]))
    assert query == {"calculator": "adviser-email", "decision": "refusal-to-assess",
                     "letter-sent": "2026-03-10", "wants-mediation": "no"}
    assert "onerror" not in out["query"] and "Sam" not in out["query"]
    # Nor in any link the answer offers, apart from the mailto link that opens the reader's own app.
    for href in re.findall(r'href="([^"]+)"', html):
        if not href.startswith("mailto:"):
            assert "onerror" not in unquote(unescape(href)), href


def test_a_name_alone_never_reaches_the_query():
    out = submit(child_name=["Sam Smith"], parent_name=["Alex Jones"])
    assert "Sam" not in out["query"] and "Alex" not in out["query"]
    assert "Sam" not in "".join(href for href in re.findall(r'href="([^"]+)"', out["html"])
                               if not href.startswith("mailto:"))


def test_a_web_address_brings_the_answer_back_without_names():
    first = submit(decision=["plan-contents"], sections=["B", "I"], wants_mediation=["yes"],
                   child_name=["Sam"])
    fields: dict[str, list[str]] = {}
    for key, value in parse_qsl(first["query"]):
        fields.setdefault(key, []).append(value)
    again = view.render(fields, TODAY)
    assert again["query"] == first["query"]
    assert "[your child&#x27;s name]" in again["html"]


def _summary_links(html):
    block = html.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', block)


@pytest.mark.parametrize(("changes", "target", "message", "error_id"), [
    ({"decision": None}, "decision-refusal-to-assess", "Select the decision you want to appeal",
     "decision-error"),
    ({"decision": ["plan-contents"]}, "sections-B", "Select which parts of the plan you disagree with",
     "sections-error"),
    ({"sections": ["B"]}, "sections-B", "Only select Section B, F or I if you are appealing",
     "sections-error"),
    ({"letter_sent_day": None, "letter_sent_month": None, "letter_sent_year": None}, "letter-sent-day",
     "Enter the date the decision letter was sent", "letter-sent-error"),
    ({"letter_sent_day": ["3"]}, "letter-sent-day",
     "The date the decision letter was sent must be today or in the past", "letter-sent-error"),
    ({"letter_sent_year": ["26"]}, "letter-sent-year", "Year must include 4 numbers", "letter-sent-error"),
    ({"wants_mediation": None}, "wants-mediation-yes", "Select whether you want to try mediation",
     "wants-mediation-error"),
    ({"wants_mediation": ["perhaps"]}, "wants-mediation-yes", "Select whether you want to try mediation",
     "wants-mediation-error"),
])
def test_errors_follow_the_govuk_pattern(changes, target, message, error_id):
    # Letter day 3 with month 3 and year 2026 is 3 March: the future-date case uses April.
    if changes.get("letter_sent_day") == ["3"]:
        changes = {**changes, "letter_sent_month": ["4"]}
    out = submit(**changes, child_name=["Sam"])
    assert out["title_error"] is True and out["focus"] == "adviser-email-error-summary"
    assert out["query"] == ""
    links = _summary_links(out["html"])
    assert len(links) == 1 and links[0][0] == target and links[0][1].startswith(message)
    assert f'id="{error_id}"' in out["html"]
    assert 'value="Sam"' in out["html"]  # what was typed is kept
    assert BODY_ID not in out["html"]


def test_junk_never_raises():
    assert view.render("nonsense", TODAY)["title_error"] is True
    out = view.render({**GOOD, "decision": ["<b>"]}, TODAY)
    assert out["title_error"] is True and "<b>" not in out["html"]
