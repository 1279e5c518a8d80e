"""The hand-written calendar files, checked by a real iCalendar parser."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import unquote

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendrules.ics import Event, calendar_file, data_url, escape_text, fold_line

TODAY = date(2026, 11, 28)


def _parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def _events(cal: icalendar.Calendar) -> list:
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_all_day_event_with_a_reminder_seven_days_before():
    text = calendar_file(
        [Event(date(2026, 1, 2), "Last day to register your SEND appeal", "Get it to the Tribunal by 5pm.")],
        now=TODAY,
    )
    cal = _parse(text)
    assert str(cal["VERSION"]) == "2.0"
    assert "SEND Appeal Guide" in str(cal["PRODID"])
    (event,) = _events(cal)
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND")
    assert start == date(2026, 1, 2) and not isinstance(start, datetime)
    assert end == date(2026, 1, 3) and not isinstance(end, datetime)
    assert str(event["SUMMARY"]) == "Last day to register your SEND appeal"
    assert str(event["DESCRIPTION"]) == "Get it to the Tribunal by 5pm."
    assert event.decoded("DTSTAMP") == datetime(2026, 11, 28, tzinfo=UTC)
    assert str(event["UID"]).endswith("@send-appeal-guide")
    (alarm,) = [c for c in event.walk() if c.name == "VALARM"]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(days=-7)
    assert str(alarm["DESCRIPTION"])


def test_reminder_can_be_left_out_or_changed():
    cal = _parse(calendar_file([
        Event(date(2026, 3, 2), "A", remind_days_before=None),
        Event(date(2026, 3, 3), "B", remind_days_before=2, reminder="Two days to go"),
    ], now=TODAY))
    first, second = _events(cal)
    assert not [c for c in first.walk() if c.name == "VALARM"]
    (alarm,) = [c for c in second.walk() if c.name == "VALARM"]
    assert alarm.decoded("TRIGGER") == timedelta(days=-2)
    assert str(alarm["DESCRIPTION"]) == "Two days to go"


def test_negative_reminder_is_refused():
    with pytest.raises(ValueError):
        Event(date(2026, 3, 2), "A", remind_days_before=-1)


def test_every_line_ends_with_crlf_and_none_is_longer_than_75_octets():
    long_text = "Ask the Tribunal, by email; or post \\ it. Café " * 20 + "\nSecond line"
    text = calendar_file([Event(date(2026, 1, 2), long_text, long_text)], now=TODAY)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical), "long lines should have been folded"
    (event,) = _events(_parse(text))
    assert str(event["SUMMARY"]) == long_text
    assert str(event["DESCRIPTION"]) == long_text


def test_escaping_of_backslash_semicolon_comma_and_newline():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    text = calendar_file([Event(date(2026, 1, 2), "x", "a\\b;c,d\ne")], now=TODAY)
    assert "DESCRIPTION:a\\\\b\\;c\\,d\\ne" in text
    (event,) = _events(_parse(text))
    assert str(event["DESCRIPTION"]) == "a\\b;c,d\ne"


def test_folding_never_splits_a_multibyte_character():
    line = "DESCRIPTION:" + "é" * 100
    folded = fold_line(line)
    for physical in folded.split("\r\n"):
        physical.encode("utf-8")  # would fail on a split surrogate; also check the size
        assert len(physical.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_short_lines_are_not_folded():
    assert fold_line("SUMMARY:short") == "SUMMARY:short"


def test_uid_depends_on_content_only():
    a = calendar_file([Event(date(2026, 1, 2), "A")], now=TODAY)
    b = calendar_file([Event(date(2026, 1, 2), "A")], now=date(2027, 1, 1))
    c = calendar_file([Event(date(2026, 1, 5), "A")], now=TODAY)

    def uid(text: str) -> str:
        return str(_events(_parse(text))[0]["UID"])

    assert uid(a) == uid(b)
    assert uid(a) != uid(c)


def test_aware_datetime_stamp_is_converted_to_utc():
    now = datetime(2026, 6, 1, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    text = calendar_file([Event(date(2026, 7, 6), "A")], now=now)
    assert "DTSTAMP:20260601T093000Z" in text


def test_data_url_round_trips():
    text = calendar_file([Event(date(2026, 1, 2), "A, B; C", "#1 & 100%")], now=TODAY)
    url = data_url(text)
    assert url.startswith("data:text/calendar;charset=utf-8,")
    payload = url.split(",", 1)[1]
    assert "#" not in payload and "\r" not in payload and " " not in payload
    assert unquote(payload) == text


def test_control_characters_are_dropped():
    assert escape_text("a\x00b\x07c\td\x7f") == "ab" + "c\td"


@given(
    summary=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=300),
    description=st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\r"),
                        max_size=300),
    on=st.dates(min_value=date(2020, 7, 21), max_value=date(2030, 12, 31)),
)
def test_any_text_survives_a_round_trip(summary, description, on):
    text = calendar_file([Event(on, summary, description)], now=TODAY)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    (event,) = _events(_parse(text))
    assert event.decoded("DTSTART") == on
    assert str(event["SUMMARY"]) == summary
    expected = description.replace("\r\n", "\n").replace("\r", "\n")
    if description:
        assert str(event["DESCRIPTION"]) == expected
