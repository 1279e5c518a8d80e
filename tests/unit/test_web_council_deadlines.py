"""The "Is the council late?" view: its form, the answer's dates and timeline, the letter, the
calendar file, the address without names, and every kind of error."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qsl, unquote

import icalendar
import pytest
from tests.support.html import Page

from sendrules.council_deadlines import SITUATIONS, council_deadlines
from sendrules.web.council_deadlines import BODY_ID, SUBJECT_ID
from sendrules.web.council_deadlines import CALCULATOR as view
from sendrules.web.questions import date_fields

TODAY = date(2026, 11, 30)
PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


class _Page(Page):
    """Ids, names, and for each ``data-result`` element the first ``<time datetime>`` inside it."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str | None]] = []  # (tag, data-result) of open elements
        self.results: dict[str, str] = {}
        self.events: list[str] = []
        self.calendar: str | None = None
        self.copy_targets: list[str] = []

    def start(self, tag, a):
        if tag == "time":
            for _, result in self.open:
                if result and result not in self.results:
                    self.results[result] = a["datetime"]
        if a.get("data-action") == "calendar":
            self.calendar = a["href"]
        if a.get("data-action") == "copy":
            self.copy_targets.append(a["data-copy-target"])
        if "data-event" in a or ("data-result" in a and "data-status" in a):
            self.events.append(a.get("data-event") or a["data-result"])
        if tag not in ("input", "br", "img", "meta", "link"):
            self.open.append((tag, a.get("data-result")))

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break


parse = _Page.of


def submit(situation="request", when=None, *, today=TODAY, **extra):
    fields: dict[str, list[str]] = {}
    if situation is not None:
        fields["situation"] = [situation]
    if when is not None:
        fields.update(date_fields(SITUATIONS[situation].field, when))
    for key, value in extra.items():
        key = key.replace("_", "-")
        fields.update(date_fields(key, value) if isinstance(value, date) else {key: [value]})
    return view.render(fields, today)


def errors_of(out) -> list[tuple[str, str]]:
    return [(target, unescape(text)) for target, text in
            re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', out["html"])]


# -- the form --------------------------------------------------------------------------------------------


def test_form_has_every_question_with_the_ids_the_issue_names():
    html = view.form_html()
    assert html.startswith('<div class="calculator" data-calculator="council-deadlines" data-state="loading"')
    page = parse(html)
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    for field in ("request-received", "review-meeting", "amendments-sent", "tribunal-order",
                  "council-conceded", "mediation-agreement"):
        for part in ("day", "month", "year"):
            assert f"{field}-{part}" in page.ids and f"{field}-{part}" in page.names
    for s in SITUATIONS.values():
        assert f'id="situation-{s.value}" name="situation" type="radio" value="{s.value}"' in html
        assert f'data-reveal-name="situation" data-reveal-value="{s.value}"' in html
    for option in ("order", "conceded", "agreed"):
        assert option in page.names
    assert 'id="agreed-other"' in html and 'id="order-other"' not in html
    assert {"child-name", "parent-name"} <= page.names
    assert 'data-status="loading"' in html and "<noscript>" in html


# -- the answer -------------------------------------------------------------------------------------------


def test_request_answer_shows_every_deadline_as_a_time_in_its_data_result():
    out = submit("request", date(2026, 1, 5), today=date(2026, 3, 1))
    assert out["focus"] == "council-deadlines-result-heading" and not out["title_error"]
    page = parse(out["html"])
    rules = council_deadlines("request", date(2026, 1, 5), today=date(2026, 3, 1))
    for d in rules.deadlines:
        assert page.results[d.id] == d.by.isoformat()
    assert page.results["decide-to-assess"] == "2026-02-16"


def test_timeline_puts_today_among_the_dates_and_marks_what_has_passed():
    out = submit("request", date(2026, 1, 5), today=date(2026, 3, 1))
    page = parse(out["html"])
    assert page.events == ["happened", "decide-to-assess", "today", "no-plan-decision", "final-plan"]
    html = out["html"]
    assert re.search(r'data-result="decide-to-assess" data-status="passed" data-passed="true" '
                     r'data-days-late="13"', html)
    assert "That day has passed: 13 days ago." in html
    assert 'data-result="no-plan-decision" data-status="to-come" data-passed="false"' in html
    assert 'aria-current="date"' in html


def test_a_deadline_due_today_comes_before_today_and_is_not_passed():
    out = submit("request", date(2026, 1, 5), today=date(2026, 2, 16))
    page = parse(out["html"])
    assert page.events[:3] == ["happened", "decide-to-assess", "today"]
    assert "That is today: the last day the council is in time." in out["html"]
    assert 'data-result="headline" data-passed="false"' in out["html"]


def test_each_deadline_shows_its_law_and_how_sure_we_are():
    out = submit("tribunal-order", date(2026, 10, 2), order="name-school")
    html = unescape(out["html"])
    assert "The law: within 2 weeks of the Tribunal's order" in html
    assert 'data-result="order-amended-plan-how-sure"' in html and "Fairly sure" in html
    assert "When this may not bind the council" in html
    assert "https://www.legislation.gov.uk/uksi/2014/1530/regulation/44" in html


def test_late_answer_has_the_next_steps_and_a_letter_with_the_names_escaped():
    out = submit("request", date(2026, 1, 5), today=date(2026, 6, 1), child_name=PAYLOAD,
                 parent_name="Alex Jones")
    html = out["html"]
    assert "<script>alert" not in html and "<img src=x" not in html
    page = parse(html)
    assert set(page.copy_targets) == {SUBJECT_ID, BODY_ID}
    assert BODY_ID in page.ids and SUBJECT_ID in page.ids
    text = unescape(html)
    for words in ("Write to the council", "formal complaint", "Local Government and Social Care Ombudsman",
                  "pre-action letter", "IPSEA"):
        assert words in text
    assert "Please send me what is due by Monday 15 June 2026" in text
    assert 'data-action="mailto"' in html
    assert 'data-result="headline" data-passed="true"' in html


def test_not_late_has_no_letter_and_a_calendar_with_the_dates_to_come():
    out = submit("request", date(2026, 11, 2), child_name="Sam")
    html = out["html"]
    assert 'data-result="letter"' not in html and 'data-section="late"' not in html
    cal = icalendar.Calendar.from_ical(unquote(parse(html).calendar.split(",", 1)[1]))
    days = sorted(e.decoded("DTSTART") for e in cal.walk("VEVENT"))
    assert days == [date(2026, 12, 14), date(2027, 2, 22), date(2027, 3, 22)]


def test_late_calendar_holds_the_dates_to_come_and_the_reply_to_the_letter():
    out = submit("request", date(2026, 9, 7))  # 6 weeks ended 19 October 2026; 16 and 20 weeks to come
    cal = icalendar.Calendar.from_ical(unquote(parse(out["html"]).calendar.split(",", 1)[1]))
    days = sorted(e.decoded("DTSTART") for e in cal.walk("VEVENT"))
    assert days == [date(2026, 12, 14), date(2026, 12, 28), date(2027, 1, 25)]


def test_all_passed_the_calendar_holds_only_the_reply_to_the_letter():
    out = submit("tribunal-order", date(2026, 1, 5), order="assess")
    cal = icalendar.Calendar.from_ical(unquote(parse(out["html"]).calendar.split(",", 1)[1]))
    assert [(e.decoded("DTSTART"), str(e["SUMMARY"])) for e in cal.walk("VEVENT")] == [
        (date(2026, 12, 14), "The council's reply to your letter is due")]
    assert 'data-action="print"' in out["html"]


def test_the_address_has_the_answers_but_never_the_names():
    out = submit("annual-review", date(2026, 3, 4), amendments_sent=date(2026, 3, 20), child_name="Sam",
                 parent_name="Alex")
    assert dict(parse_qsl(out["query"])) == {"calculator": "council-deadlines", "situation": "annual-review",
                                             "review-meeting": "2026-03-04", "amendments-sent": "2026-03-20"}
    order = submit("tribunal-order", date(2026, 10, 2), order="make-plan")
    assert dict(parse_qsl(order["query"]))["order"] == "make-plan"


def test_a_bookmarked_address_gives_the_same_answer():
    fields = {"situation": ["council-conceded"], "council-conceded": ["2026-08-01"], "conceded": ["assess"]}
    page = parse(view.render(fields, TODAY)["html"])
    assert page.results["conceded-final-plan"] == "2026-11-07"


def test_answers_for_another_situation_are_ignored():
    out = submit("request", date(2026, 1, 5), order="nonsense", amendments_sent=date(2020, 1, 1))
    assert not out["title_error"]
    assert "amendments-sent" not in out["query"] and "order" not in dict(parse_qsl(out["query"]))


# -- errors -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, [("situation-request", "Select what happened")]),
        ({"situation": ["request"]},
         [("request-received-day", "Enter the date the council received the request")]),
        ({"situation": ["request"], "request-received-day": ["30"], "request-received-month": ["2"],
          "request-received-year": ["2026"]},
         [("request-received-day", "The date the council received the request must be a real date")]),
        ({"situation": ["request"], **date_fields("request-received", date(2026, 12, 1))},
         [("request-received-day",
           "The date the council received the request must be today or in the past")]),
        ({"situation": ["annual-review"], **date_fields("review-meeting", date(2026, 3, 4)),
          **date_fields("amendments-sent", date(2026, 3, 1))},
         [("amendments-sent-day", "The date the proposed amendments were sent must be the same as or "
                                  "after the date of the annual review meeting")]),
        ({"situation": ["tribunal-order"], **date_fields("tribunal-order", date(2026, 10, 2))},
         [("order-assess", "Select what the Tribunal ordered")]),
        ({"situation": ["mediation-agreement"]},
         [("mediation-agreement-day", "Enter the date of the mediation agreement"),
          ("agreed-assess", "Select what was agreed")]),
        ({"situation": ["tribunal-order"], "tribunal-order": ["2026-10-02"], "order": ["other"]},
         [("order-assess", "'other' is not one of the choices for what the Tribunal ordered. Choose one of: "
                           "assess, reassess, make-plan, amend-plan, name-school")]),
        ({"situation": ["court-case"]},
         [("situation-request", "'court-case' is not something we know. Choose one of: request, "
                                "annual-review, tribunal-order, council-conceded, mediation-agreement")]),
    ],
)
def test_errors_follow_the_govuk_pattern_and_link_to_the_question(fields, expected):
    out = view.render(fields, TODAY)
    assert out["title_error"] and out["focus"] == "council-deadlines-error-summary" and out["query"] == ""
    assert errors_of(out) == expected
    for target, message in expected:
        assert target in parse(out["html"]).ids
        assert message.split(". ")[0] in unescape(out["html"].split("</ul>", 1)[1])  # the inline message too


def test_a_question_with_an_error_is_marked_for_the_reveal_css():
    out = view.render({"situation": ["annual-review"], **date_fields("review-meeting", date(2026, 3, 4)),
                       **date_fields("amendments-sent", date(2026, 3, 1))}, TODAY)
    wrapper = out["html"].split('data-reveal-value="annual-review">', 2)[2]
    assert wrapper.startswith('<div class="govuk-form-group govuk-form-group--error" '
                              'data-question="amendments-sent">')


def test_the_rehearsal_gives_an_answer():
    fields, today = view.rehearsal
    out = view.render(fields, today)
    assert not out["title_error"] and 'data-result="decide-to-assess"' in out["html"]
