"""The appeal deadline calculator (sendrules.web.appeal_deadline): its questions, the worked examples, the
answer, the calendar file, every error, escaping and dates from a web address."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

import icalendar
import pytest
from tests.support.dom import (
    PAYLOADS,
    appeal_fields,
    assert_error,
    assert_no_injection,
    parse,
    render,
)

from sendrules import web
from sendrules.sources import SOURCES

# -- the form and the answers --------------------------------------------------------------------------------

def test_appeal_deadline_questions():
    root = parse(web.form_html("appeal-deadline"))
    assert root.by_id("letter-sent").parent.find("legend").text == "When was the decision letter sent?"
    assert "Use the date on the letter" in root.by_id("letter-sent-hint").text
    assert "Leave this blank if you do not have one yet" in root.by_id("certificate-issued-hint").text
    assert root.find("button").text == "Work out my last day"


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


# -- errors --------------------------------------------------------------------------------------------------

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


# -- escaping ------------------------------------------------------------------------------------------------

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
def test_iso_date_from_a_web_address_is_escaped(payload):
    answer = render("appeal-deadline", {"calculator": ["appeal-deadline"], "letter-sent": [payload]})
    assert answer["title_error"] is True
    assert_no_injection(answer["html"])


# -- web addresses -------------------------------------------------------------------------------------------

def test_a_date_from_a_web_address_fills_the_boxes():
    answer = render("appeal-deadline", {"calculator": ["appeal-deadline"], "letter-sent": ["2025-10-01"]})
    root = parse(answer["html"])
    boxes = [root.by_id(f"letter-sent-{p}").attrs["value"] for p in ("day", "month", "year")]
    assert boxes == ["1", "10", "2025"]


def test_a_badly_written_date_in_a_web_address_is_an_error():
    answer = render("appeal-deadline", {"letter-sent": ["1/10/2025"]})
    assert_error(answer, field="letter-sent", focus_target="letter-sent-day", message="year-month-day")
