"""Calendar months and working days in England and Wales.

Months (Interpretation Act 1978, Schedule 1; Dodds v Walker [1981] 1 WLR 1027; [1981] 2 All ER 609 (HL)):
a period of months ends on the *corresponding date* in the later month, or on
the last day of that month when it has no such date (31 December + 2 months is
28 or 29 February).

Working days (HESC Rules, rule 1(3)): every day except Saturday, Sunday,
Christmas Day, Good Friday and a bank holiday under section 1 of the Banking
and Financial Dealings Act 1971. Rule 1(3) does not limit those to England and
Wales, but we count only the England-and-Wales bank holidays: a holiday in
Scotland or Northern Ireland alone is not counted, to be safe, since counting
it could only give a later date (law note, open doubt 4). The SEND
Regulations do not define "working day"; we give it the same ordinary
meaning (open doubt 5).

The bank holidays come from ``data/bank_holidays_england_and_wales.json``,
written by ``scripts/bank_holidays.py``. It is read once, at import, from the
folder beside this file, so it works the same in CPython and in Pyodide's
virtual file system. A date outside the data raises
:class:`~sendrules.errors.BeyondHolidayDataError`: we never guess whether a day
is a working day.

The working days are listed once, at import; every lookup is then a list
index or a binary search, so the rules stay fast enough to check every date in
the data in a few seconds.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from .errors import BeyondHolidayDataError

__all__ = [
    "HOLIDAYS",
    "HolidayData",
    "add_months",
    "add_working_days",
    "computed_holiday_note",
    "is_working_day",
    "last_working_day_on_or_before",
    "long_date",
    "next_working_day_after",
    "non_working_reason",
    "working_day_on_or_after",
]

# os.path rather than pathlib: pathlib would add several milliseconds to every import.
DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                         "bank_holidays_england_and_wales.json")

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_ONE_DAY = timedelta(days=1)


def long_date(d: date) -> str:
    """A date as a parent reads it: ``Wednesday 1 October 2025`` (no locale needed)."""
    return f"{_DAY_NAMES[d.weekday()]} {d.day} {_MONTH_NAMES[d.month]} {d.year}"


def short_date(d: date) -> str:
    """A date without the weekday: ``1 October 2025``."""
    return f"{d.day} {_MONTH_NAMES[d.month]} {d.year}"


class HolidayData:
    """The bank-holiday snapshot, with precomputed working-day lookups.

    ``starts_on`` .. ``known_until`` is the range we can answer for.
    Days after ``announced_until`` are computed from the usual pattern, not
    yet announced by GOV.UK; :meth:`is_computed` says so.
    """

    def __init__(self, raw: dict) -> None:
        self.division: str = raw["division"]
        self.generated_by: str = raw["generated_by"]
        self.starts_on = date.fromisoformat(raw["starts_on"])
        self.announced_until = date.fromisoformat(raw["announced_until"])
        self.known_until = date.fromisoformat(raw["known_until"])
        self._titles: dict[date, str] = {}
        for day in raw["days"]:
            self._titles[date.fromisoformat(day["date"])] = day["title"]

        first = self.starts_on.toordinal()
        last = self.known_until.toordinal()
        self._first = first
        self._last = last
        holiday_ordinals = {d.toordinal() for d in self._titles}
        # Named by the rule, so added even if the data were ever to leave them out.
        for year in range(self.starts_on.year, self.known_until.year + 1):
            holiday_ordinals.add(date(year, 12, 25).toordinal())
        holiday_ordinals.update(d.toordinal() for d, t in self._titles.items() if t.startswith("Good Friday"))
        # date(1, 1, 1) is a Monday, so ordinal % 7 is 6 on Saturdays and 0 on Sundays.
        working = [o % 7 not in (6, 0) and o not in holiday_ordinals for o in range(first, last + 1)]
        self._working = working
        # Every working day in the data, in order: a bisect answers "next", "previous" and "n-th after".
        self._working_ordinals = [first + i for i, flag in enumerate(working) if flag]

    # -- public, read-only view -------------------------------------------------------------
    def covers(self, d: date) -> bool:
        return self.starts_on <= d <= self.known_until

    def is_holiday(self, d: date) -> bool:
        """True if ``d`` is a weekday bank holiday (including Christmas Day and Good Friday)."""
        return d in self._titles

    def title(self, d: date) -> str | None:
        """The holiday's name (``"Good Friday"``), or None if ``d`` is not a bank holiday."""
        return self._titles.get(d)

    def is_computed(self, d: date) -> bool:
        """True if whether ``d`` is a bank holiday is worked out by rule, not yet announced."""
        return d > self.announced_until

    def days(self) -> tuple[tuple[date, str], ...]:
        return tuple(sorted(self._titles.items()))

    def index(self, d: date, *, purpose: str = "") -> int:
        """Position of ``d`` in the data; raises BeyondHolidayDataError outside it."""
        i = d.toordinal() - self._first
        if i < 0 or d.toordinal() > self._last:
            raise BeyondHolidayDataError(self.beyond_message(d, purpose=purpose))
        return i

    def beyond_message(self, d: date, *, purpose: str = "") -> str:
        what = purpose or f"whether {long_date(d)} is a working day"
        if d > self.known_until:
            return (
                f"We only have bank holiday dates up to {short_date(self.known_until)}, "
                f"so we cannot work out {what}. Check the dates you entered. If they are right, "
                "ask the Tribunal or an adviser such as IPSEA to confirm the date."
            )
        return (
            f"We only have bank holiday dates from {short_date(self.starts_on)}, "
            f"so we cannot work out {what}. Check the dates you entered."
        )


def _load() -> HolidayData:
    with open(DATA_FILE, encoding="utf-8") as f:
        return HolidayData(json.load(f))


#: The England-and-Wales bank holidays, loaded once.
HOLIDAYS = _load()


@lru_cache(maxsize=16384)
def add_months(d: date, n: int) -> date:
    """The date ``n`` calendar months after ``d`` (corresponding date, clamped to month end).

    Interpretation Act 1978, Schedule 1 ("month" means calendar month) and
    Dodds v Walker [1981] 1 WLR 1027; [1981] 2 All ER 609 (HL): 31 December + 2 months is the last
    day of February. Cached: relativedelta takes several microseconds a call,
    and the same dates come up again and again (the exhaustive test, a page of
    answers).
    """
    return d + relativedelta(months=n)


def is_working_day(d: date) -> bool:
    """True if ``d`` is a working day in England and Wales (HESC Rules, rule 1(3)).

    Not a working day: Saturday, Sunday, Christmas Day (25 December), Good
    Friday, or an England-and-Wales bank holiday (BFDA 1971, section 1,
    including proclaimed and substitute days). Christmas Day and Good Friday
    are also in the data; they are named here because the rule names them.
    """
    return HOLIDAYS._working[HOLIDAYS.index(d)]


def non_working_reason(d: date) -> str | None:
    """Why ``d`` is not a working day ("a Saturday", "a bank holiday (Good Friday)"), or None."""
    if is_working_day(d):
        return None
    wd = d.weekday()
    if wd == 5:
        return "a Saturday"
    if wd == 6:
        return "a Sunday"
    if (d.month, d.day) == (12, 25):
        return "Christmas Day"
    title = HOLIDAYS.title(d) or "a bank holiday"
    if title.startswith("Good Friday"):
        return "Good Friday"
    return f"a bank holiday ({title.replace(' (substitute day)', ', substitute day')})"


def working_day_on_or_after(d: date) -> date:
    """``d`` if it is a working day, otherwise the next working day (HESC r.1(3), r.12(2))."""
    HOLIDAYS.index(d)
    ordinals = HOLIDAYS._working_ordinals
    k = bisect_left(ordinals, d.toordinal())
    if k == len(ordinals):
        purpose = f"the first working day after {long_date(d)}"
        raise BeyondHolidayDataError(HOLIDAYS.beyond_message(d + _ONE_DAY, purpose=purpose))
    return date.fromordinal(ordinals[k])


def next_working_day_after(d: date) -> date:
    """The first working day strictly after ``d`` (HESC r.12(3)(a): "first working day after")."""
    HOLIDAYS.index(d)
    return working_day_on_or_after(d + _ONE_DAY)


def last_working_day_on_or_before(d: date) -> date:
    """``d`` if it is a working day, otherwise the last working day before it."""
    HOLIDAYS.index(d)
    ordinals = HOLIDAYS._working_ordinals
    k = bisect_right(ordinals, d.toordinal())
    if k == 0:
        purpose = f"the last working day before {long_date(d)}"
        raise BeyondHolidayDataError(HOLIDAYS.beyond_message(d - _ONE_DAY, purpose=purpose))
    return date.fromordinal(ordinals[k - 1])


def add_working_days(d: date, n: int) -> date:
    """The ``n``-th working day after ``d``, not counting ``d`` itself ("within 3 working days").

    ``d`` may itself be a non-working day. ``n`` = 0 gives ``d``.
    Working day as in :func:`is_working_day` (SEND Regulations: ordinary meaning).
    """
    if n < 0:
        raise ValueError("add_working_days counts forwards only; n must be 0 or more")
    if n == 0:
        return d
    HOLIDAYS.index(d)
    ordinals = HOLIDAYS._working_ordinals
    k = bisect_right(ordinals, d.toordinal()) + n - 1  # index of the n-th working day after d
    if k >= len(ordinals):
        raise BeyondHolidayDataError(HOLIDAYS.beyond_message(
            HOLIDAYS.known_until + _ONE_DAY, purpose=f"the date {n} working days after {long_date(d)}"))
    return date.fromordinal(ordinals[k])


def computed_holiday_note(*days: date | None) -> str | None:
    """A note for an answer that relies on days whose bank holidays are not yet announced."""
    later = [d for d in days if d is not None and HOLIDAYS.is_computed(d)]
    if not later:
        return None
    return (
        f"Bank holidays after {short_date(HOLIDAYS.announced_until)} have not been announced yet. "
        f"We have used the usual pattern for {short_date(max(later))}. A one-off bank holiday could "
        "still be added, so check this date again nearer the time."
    )
