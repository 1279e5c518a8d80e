"""Calendar files (RFC 5545) for the "add this date to my calendar" links.

Written by hand rather than with a calendar library, so the browser does not
have to download one. Only what the site needs is supported: all-day events,
each with an optional display reminder a number of days before.

The rules that matter for calendar apps to accept the file:

* lines end with CRLF (RFC 5545 section 3.1);
* no line is longer than 75 octets; longer lines are folded by a CRLF followed
  by one space, never inside a UTF-8 character (section 3.1);
* TEXT values escape backslash, semicolon, comma and newline (section 3.3.11);
* an all-day event has ``DTSTART;VALUE=DATE`` and ``DTEND;VALUE=DATE`` on the
  next day, because DTEND is not included (section 3.6.1);
* every event has a UID and a DTSTAMP (section 3.6.1). The UID is worked out
  from the event's content, so the same answer always gives the same file.
  DTSTAMP is passed in: nothing in this package reads the clock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

__all__ = ["PRODID", "UID_DOMAIN", "Event", "calendar_file", "data_url", "escape_text", "fold_line"]

PRODID = "-//SEND Appeal Guide for England//sendrules//EN"
UID_DOMAIN = "send-appeal-guide"
MAX_OCTETS = 75
CRLF = "\r\n"


@dataclass(frozen=True)
class Event:
    """An all-day event, with an optional reminder ``remind_days_before`` days earlier."""

    on: date
    summary: str
    description: str = ""
    remind_days_before: int | None = 7
    reminder: str = ""

    def __post_init__(self) -> None:
        if self.remind_days_before is not None and self.remind_days_before < 0:
            raise ValueError("remind_days_before must be 0 or more")


_CONTROLS = {c: None for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]}


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11); control characters other than tab are dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold one content line so that no physical line is longer than 75 octets."""
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current = ""
            size = 0
            limit = MAX_OCTETS - 1  # continuation lines start with one space
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def _stamp(now: date | datetime) -> str:
    if isinstance(now, datetime):
        if now.tzinfo is not None:
            now = now.astimezone(UTC)
        return now.strftime("%Y%m%dT%H%M%SZ")
    return now.strftime("%Y%m%dT000000Z")


def _uid(event: Event) -> str:
    content = "\x1f".join((
        event.on.isoformat(), event.summary, event.description,
        "" if event.remind_days_before is None else str(event.remind_days_before), event.reminder,
    ))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:32] + "@" + UID_DOMAIN


def _event_lines(event: Event, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(event)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.on.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(event.on + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    lines.append("TRANSP:TRANSPARENT")
    if event.remind_days_before is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER:-P{event.remind_days_before}D",
            f"DESCRIPTION:{escape_text(event.reminder or event.summary)}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def calendar_file(events: Iterable[Event], *, now: date | datetime, prodid: str = PRODID) -> str:
    """An iCalendar file holding ``events``, stamped with ``now`` (a date is read as midnight UTC)."""
    stamp = _stamp(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in events:
        lines += _event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)


def data_url(text: str) -> str:
    """A ``data:`` URL for a calendar file, for a download link."""
    return "data:text/calendar;charset=utf-8," + quote(text, safe="")
