"""The mediation timeline (sendrules.web.mediation_timeline): its form, the worked examples,
the calendar file, every error, escaping."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl, unquote

import icalendar
import pytest
from tests.support.html import Page

from sendrules.mediation import mediation_timeline
from sendrules.web.mediation_timeline import CALCULATOR as view

TODAY = date(2026, 11, 30)


class _Page(Page):
    def __init__(self):
        super().__init__()
        self.times: list[str] = []
        self.events: list[str] = []
        self.calendar: str | None = None

    def start(self, tag, a):
        if tag == "time":
            self.times.append(a["datetime"])
        if "data-event" in a:
            self.events.append(a["data-event"])
        if a.get("data-action") == "calendar":
            self.calendar = a["href"]


parse = _Page.of


def dated(field, d):
    return {f"{field}-day": [str(d.day)], f"{field}-month": [str(d.month)], f"{field}-year": [str(d.year)]}


def submit(told=None, wants="no", letter=None, ended=None, **extra):
    fields = {}
    if told is not None:
        fields.update(dated("told-adviser", told))
    if wants is not None:
        fields["wants-mediation"] = [wants]
    if letter is not None:
        fields.update(dated("letter-sent", letter))
    if ended is not None:
        fields.update(dated("mediation-ended", ended))
    fields.update(extra)
    return view.render(fields, TODAY)


def timeline_items(html):
    """(kind, ISO date) of each timeline item, in order."""
    block = html.split('data-result="timeline"', 1)[1].split("</ol>", 1)[0]
    item = r'data-event="([a-z-]+)"><p class="calculator-timeline__date"><time datetime="([0-9-]+)"'
    return re.findall(item, block)


def calendar(html):
    href = parse(html).calendar
    assert href and href.startswith("data:text/calendar;charset=utf-8,")
    return icalendar.Calendar.from_ical(unquote(href.split(",", 1)[1]))


def test_form_has_the_hooks_and_fields():
    html = view.form_html()
    assert html.startswith('<div class="calculator" data-calculator="mediation-timeline" '
                           'data-state="loading"')
    page = parse(html)
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    for name in ("told-adviser-day", "told-adviser-month", "told-adviser-year", "wants-mediation",
                 "letter-sent-day", "letter-sent-month", "letter-sent-year",
                 "mediation-ended-day", "mediation-ended-month", "mediation-ended-year", "calculator"):
        assert name in page.names, name
    assert 'id="wants-mediation-yes"' in html and 'id="wants-mediation-no"' in html
    assert 'data-status="loading"' in html and 'data-status="error"' in html and "<noscript>" in html
    assert 'href="#work-it-out-yourself"' in html


@pytest.mark.parametrize(("told", "due"), [
    (date(2026, 4, 2), date(2026, 4, 9)),     # Good Friday and Easter Monday do not count
    (date(2025, 12, 23), date(2025, 12, 30)),  # Christmas Day and Boxing Day do not count
])
def test_no_mediation_certificate_due(told, due):
    out = submit(told=told, wants="no")
    assert out["title_error"] is False and out["focus"] == "mediation-timeline-result-heading"
    html = out["html"]
    heading = html.split('id="mediation-timeline-result-heading"', 1)[1].split("</h3>", 1)[0]
    assert f'datetime="{due.isoformat()}"' in heading
    assert ("certificate-due", due.isoformat()) in timeline_items(html)
    assert 'data-result="no-letter"' in html
    assert dict(parse_qsl(out["query"])) == {"calculator": "mediation-timeline",
                                              "told-adviser": told.isoformat(), "wants-mediation": "no"}


def test_with_mediation_the_law_notes_example():
    letter, told, ended = date(2026, 3, 10), date(2026, 5, 5), date(2026, 6, 3)
    out = submit(told=told, wants="yes", letter=letter, ended=ended)
    html = out["html"]
    rules = mediation_timeline(told, True, letter_sent=letter, mediation_ended=ended)
    assert rules.certificate_after_mediation_due == date(2026, 6, 8)
    (appeal,) = rules.appeal_deadlines
    assert appeal.last_day == date(2026, 7, 8)

    items = timeline_items(html)
    # Every event the rules give, in their order, and nothing else.
    assert [d for _, d in items] == [e.on.isoformat() for e in rules.events]
    assert [k for k, _ in items] == ["letter-sent", "told-adviser", "contact-adviser-by", "mediation-ended",
                                     "arrange-by", "certificate-after-mediation",
                                     "certificate-if-not-arranged", "appeal-last-day"]
    for event in rules.events:
        assert f">{event.label}</p>" in html
    heading = html.split('id="mediation-timeline-result-heading"', 1)[1].split("</h3>", 1)[0]
    assert 'datetime="2026-06-08"' in heading
    assert '<span data-result="panel-appeal-last-day"><time datetime="2026-07-08">' in html
    # The later-of rule for the certificate date, from appeal_deadlines.
    last = html.split('data-event="appeal-last-day"', 1)[1].split("</li>", 1)[0]
    assert 'datetime="2026-05-10"' in last and 'datetime="2026-07-08"' in last
    assert "the certificate sets your last day" in last
    # Sources on every item, and the sources list.
    assert html.count('class="calculator-timeline__source"') == len(rules.events)
    assert "regulation 39" in html and "rule 20(1)(c)" in html
    assert 'data-action="print"' in html
    assert dict(parse_qsl(out["query"])) == {
        "calculator": "mediation-timeline", "told-adviser": "2026-05-05", "wants-mediation": "yes",
        "letter-sent": "2026-03-10", "mediation-ended": "2026-06-03"}


def test_mediation_not_ended_shows_arrange_by_and_the_fallback_certificate():
    told = date(2026, 5, 5)
    out = submit(told=told, wants="yes", letter=date(2026, 3, 10))
    rules = mediation_timeline(told, True, letter_sent=date(2026, 3, 10))
    heading = out["html"].split('id="mediation-timeline-result-heading"', 1)[1].split("</h3>", 1)[0]
    assert "Mediation should be arranged by" in heading and f'datetime="{rules.arrange_by}"' in heading
    items = dict(timeline_items(out["html"]))
    assert items["certificate-if-not-arranged"] == rules.deemed_certificate_due.isoformat()
    assert items["appeal-last-day"] == rules.appeal_deadlines[0].last_day.isoformat()


def test_a_weekend_last_day_says_it_moves():
    # Law note example: letter 20 October 2025, told 18 December 2025, no mediation.
    out = submit(told=date(2025, 12, 18), wants="no", letter=date(2025, 10, 20))
    items = dict(timeline_items(out["html"]))
    assert items["certificate-due"] == "2025-12-23"
    assert items["appeal-last-day"] == "2026-01-23"
    assert items["contact-adviser-by"] == "2025-12-20"


def test_told_after_the_contact_limit_is_flagged():
    out = submit(told=date(2026, 5, 20), wants="no", letter=date(2026, 3, 10))
    assert 'data-result="told-late"' in out["html"]
    assert "You told the adviser after this date" in out["html"]


def test_mediation_ended_is_ignored_when_not_mediating():
    out = submit(told=date(2026, 5, 5), wants="no", ended=date(2026, 6, 3))
    assert "certificate-after-mediation" not in dict(timeline_items(out["html"]))
    assert "mediation-ended" not in out["query"]


def test_calendar_file_has_every_event_with_reminders():
    told, letter, ended = date(2026, 5, 5), date(2026, 3, 10), date(2026, 6, 3)
    out = submit(told=told, wants="yes", letter=letter, ended=ended)
    rules = mediation_timeline(told, True, letter_sent=letter, mediation_ended=ended)
    cal = calendar(out["html"])
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(rules.events)
    assert sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events) == sorted(
        (e.on, e.label) for e in rules.events)
    by_summary = {str(e["SUMMARY"]): e for e in events}
    contact = by_summary["Last day to contact the mediation adviser"]
    (alarm,) = list(contact.walk("VALARM"))
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER").days == -7
    certificate = by_summary["Mediation certificate due (after mediation)"]
    assert list(certificate.walk("VALARM"))
    assert "Wednesday 8 July 2026" in str(certificate["DESCRIPTION"])
    assert not list(by_summary["Mediation ended"].walk("VALARM"))
    assert 'download="send-mediation-dates.ics"' in out["html"]


def test_a_web_address_brings_the_answer_back():
    first = submit(told=date(2026, 5, 5), wants="yes", letter=date(2026, 3, 10), ended=date(2026, 6, 3))
    fields = {}
    for key, value in parse_qsl(first["query"]):
        fields.setdefault(key, []).append(value)
    again = view.render(fields, TODAY)
    assert again["query"] == first["query"]
    assert timeline_items(again["html"]) == timeline_items(first["html"])
    assert 'value="5"' in again["html"]  # the boxes are filled in from the address


def _summary_links(html):
    block = html.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', block)


@pytest.mark.parametrize(("kwargs", "target", "message", "error_id"), [
    ({"told": None}, "told-adviser-day", "Enter the date you told the mediation adviser",
     "told-adviser-error"),
    ({"told": None, "told-adviser-day": ["31"], "told-adviser-month": ["2"], "told-adviser-year": ["2026"]},
     "told-adviser-day", "The date you told the mediation adviser must be a real date",
     "told-adviser-error"),
    ({"wants": None}, "wants-mediation-yes", "Select whether you want to try mediation",
     "wants-mediation-error"),
    ({"wants": "maybe"}, "wants-mediation-yes", "Select whether you want to try mediation",
     "wants-mediation-error"),
    ({"letter": date(2026, 5, 6)}, "told-adviser-day",
     "The date you told the mediation adviser must be the same as or after the date the decision letter",
     "told-adviser-error"),
    ({"letter-sent-day": ["10"], "letter-sent-year": ["2026"]}, "letter-sent-month",
     "The date the decision letter was sent must include a month", "letter-sent-error"),
    ({"wants": "yes", "ended": date(2026, 5, 4)}, "mediation-ended-day",
     "The date mediation ended must be the same as or after the date you told the mediation adviser",
     "mediation-ended-error"),
    ({"wants": "yes", "mediation-ended-day": ["3"], "mediation-ended-month": ["13"],
      "mediation-ended-year": ["2026"]}, "mediation-ended-month",
     "The date mediation ended must be a real date", "mediation-ended-error"),
])
def test_errors_follow_the_govuk_pattern(kwargs, target, message, error_id):
    args = {"told": date(2026, 5, 5), **kwargs}
    out = submit(**args)
    assert out["title_error"] is True and out["focus"] == "mediation-timeline-error-summary"
    assert out["query"] == ""
    links = _summary_links(out["html"])
    assert len(links) == 1
    assert links[0][0] == target and links[0][1].startswith(message)
    assert f'id="{error_id}"' in out["html"]
    assert 'id="mediation-timeline-error-summary" tabindex="-1"' in out["html"]
    assert 'data-result="timeline"' not in out["html"]


def test_two_errors_are_listed_in_question_order():
    out = submit(told=None, wants=None)
    assert [t for t, _ in _summary_links(out["html"])] == ["told-adviser-day", "wants-mediation-yes"]


def test_typed_text_is_escaped():
    payload = '"><script>alert(1)</script>'
    out = submit(told=None, **{"told-adviser-day": [payload], "told-adviser-month": ["4"],
                               "told-adviser-year": ["2026"]})
    assert "<script>" not in out["html"]
    assert "&quot;&gt;&lt;script&gt;" in out["html"]


def test_junk_never_raises():
    out = view.render({"told-adviser": ["2026-05-05"], "wants-mediation": [["x"]]}, TODAY)
    assert set(out) == {"html", "focus", "title_error", "query"}
    assert view.render("not fields", TODAY)["title_error"] is True
