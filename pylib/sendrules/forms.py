"""Reading dates as people type them, and checking them against each other.

The site asks for each date in three boxes (day, month, year), following the
GOV.UK date input pattern. The command line and web addresses give a date as
``YYYY-MM-DD``. Both come here, so a date is read, and explained when it is
wrong, in one place.

Every ``label`` finishes the phrase "the date ...", so messages read naturally:
``label="the decision letter was sent"`` gives "Enter the date the decision
letter was sent". Messages follow the GOV.UK error-message formulas and order:

1. nothing entered: "Enter the date ...";
2. something missing: "The date ... must include a month";
3. something that cannot be a date: "The date ... must be a real date";
4. a year that is not 4 digits: "Year must include 4 numbers".

Errors raised here are :class:`DateInputError`, a kind of
:class:`~sendrules.errors.InvalidDateError` that also says which of the day,
month and year boxes are at fault (``parts``), so a form can highlight only
those boxes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from .errors import DateOrderError, FutureDateError, InvalidDateError

__all__ = [
    "DateInputError",
    "MONTH_NAMES",
    "PARTS",
    "check_not_before",
    "check_not_future",
    "date_from_fields",
    "long_date",
    "parse_date_fields",
    "parse_iso_date",
]

#: The three boxes of a date input, in the order they appear on the page.
PARTS = ("day", "month", "year")

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Month names and abbreviations people type, lower case, without a full stop.
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_DIGITS = re.compile(r"[0-9]+")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


class DateInputError(InvalidDateError):
    """A date typed into a form that is missing, incomplete or impossible.

    ``parts`` names the boxes at fault, a tuple drawn from ``("day", "month",
    "year")``, so a form highlights only those. ``focus_id`` is the id of the
    first box at fault (``<field>-<part>``), for the error summary link.
    """

    def __init__(self, message: str, *, field: str | None, parts: Sequence[str]) -> None:
        super().__init__(message, field=field)
        self.parts = tuple(p for p in PARTS if p in parts)

    @property
    def focus_id(self) -> str | None:
        if self.field is None:
            return None
        return f"{self.field}-{self.parts[0]}" if self.parts else self.field


def _text(value: object) -> str:
    """What was typed in one box, without spaces around it; ``None`` counts as empty."""
    if value is None:
        return ""
    return str(value).strip()


def _whole_number(text: str, max_digits: int) -> int | None:
    """``text`` as a whole number if it is only digits 0 to 9 (leading zeros allowed)."""
    if not _DIGITS.fullmatch(text):
        return None
    digits = text.lstrip("0") or "0"
    if len(digits) > max_digits:
        return None
    return int(digits)


def _month_number(text: str) -> int | None:
    """A month typed as a number (``2``, ``02``) or a name (``feb``, ``February``, ``Sept.``)."""
    number = _whole_number(text, 2)
    if number is not None:
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(text.lower().rstrip("."))


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def parse_date_fields(day: object, month: object, year: object, *, field: str, label: str) -> date:
    """Read a date typed into the three GOV.UK date boxes.

    ``day``, ``month`` and ``year`` are the text exactly as typed. Spaces around
    each are ignored, leading zeros are optional, and the month may be a number
    or a month name or its abbreviation ("jan", "January", "sept"). The year
    must have 4 digits: "26" could mean 1926 or 2026, so it is not guessed.

    ``field`` is the form field's name (``letter-sent``), kept on the error;
    ``label`` finishes the phrase "the date ..." (``"the decision letter was sent"``).

    Raises :class:`DateInputError` with the GOV.UK message of highest priority
    and the boxes at fault.
    """
    texts = {"day": _text(day), "month": _text(month), "year": _text(year)}
    missing = [p for p in PARTS if not texts[p]]
    if len(missing) == 3:
        raise DateInputError(f"Enter the date {label}", field=field, parts=PARTS)
    if missing:
        wanted = " and a ".join(missing) if len(missing) == 2 else missing[0]
        raise DateInputError(f"The date {label} must include a {wanted}", field=field, parts=missing)

    d = _whole_number(texts["day"], 2)
    m = _month_number(texts["month"])
    year_is_digits = bool(_DIGITS.fullmatch(texts["year"]))
    wrong = []
    if d is None or not 1 <= d <= 31:
        wrong.append("day")
    if m is None:
        wrong.append("month")
    if not year_is_digits:
        wrong.append("year")
    if wrong:
        raise DateInputError(f"The date {label} must be a real date", field=field, parts=wrong)
    if len(texts["year"]) != 4:
        raise DateInputError("Year must include 4 numbers", field=field, parts=("year",))
    y = int(texts["year"])
    if y < 1:
        raise DateInputError(f"The date {label} must be a real date", field=field, parts=("year",))
    assert d is not None and m is not None
    if d > _days_in_month(y, m):
        # 31 April, or 29 February outside a leap year: the day is what cannot be.
        raise DateInputError(f"The date {label} must be a real date", field=field, parts=("day",))
    return date(y, m, d)


def parse_iso_date(text: object, *, field: str, label: str) -> date:
    """Read a date written ``YYYY-MM-DD`` (as in a web address or on the command line).

    Spaces around it are ignored and a one-digit month or day is accepted
    (``2025-1-9``). Raises :class:`DateInputError` saying what is wrong.
    """
    value = _text(text)
    if not value:
        raise DateInputError(f"Enter the date {label}", field=field, parts=PARTS)
    match = _ISO.fullmatch(value)
    if not match:
        raise DateInputError(
            f"The date {label} must be written as year-month-day, for example 2025-10-01",
            field=field,
            parts=PARTS,
        )
    year, month, day = match.groups()
    return parse_date_fields(day, month, year, field=field, label=label)


def date_from_fields(fields: Mapping[str, object], field: str, *, label: str) -> date:
    """Read date ``field`` from submitted form fields.

    ``fields`` maps names to values or to lists of values (as a browser form
    gives them). The three boxes ``<field>-day``, ``<field>-month`` and
    ``<field>-year`` are used if any has something in it; otherwise a
    ``<field>=YYYY-MM-DD`` value from a web address; otherwise the date is
    missing ("Enter the date ...").
    """

    def first(name: str) -> str:
        value = fields.get(name)
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        return _text(value)

    boxes = [first(f"{field}-{part}") for part in PARTS]
    if any(boxes) or not first(field):
        return parse_date_fields(*boxes, field=field, label=label)
    return parse_iso_date(first(field), field=field, label=label)


def check_not_future(value: date, *, today: date, field: str, label: str) -> date:
    """Return ``value`` if it is ``today`` or earlier; otherwise raise :class:`FutureDateError`."""
    if value > today:
        raise FutureDateError(f"The date {label} must be today or in the past", field=field)
    return value


def check_not_before(value: date, earlier: date, *, field: str, label: str, earlier_label: str) -> date:
    """Return ``value`` if it is on or after ``earlier``; otherwise raise :class:`DateOrderError`.

    ``earlier_label`` finishes "the date ..." for the other date, so the message
    reads "The date the certificate was issued must be the same as or after the
    date the decision letter was sent".
    """
    if value < earlier:
        raise DateOrderError(
            f"The date {label} must be the same as or after the date {earlier_label}", field=field
        )
    return value


def long_date(value: date) -> str:
    """A date written out in full, the way the site shows it: "Monday 1 December 2025".

    Does not depend on the computer's language settings.
    """
    return f"{_DAY_NAMES[value.weekday()]} {value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
