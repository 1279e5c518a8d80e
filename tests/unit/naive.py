"""A deliberately plain, day-by-day version of the appeal deadline, for checking the library.

It shares nothing with ``sendrules`` except the bank-holiday JSON file: months are counted by
walking the calendar one day at a time, and a working day is worked out from the weekday and the
list of holidays. Slow per call, so its results are memoised; it is only used by the tests.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parents[2] / "pylib" / "sendrules" / "data" / (
    "bank_holidays_england_and_wales.json")

_RAW = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
HOLIDAY_DATES = frozenset(date.fromisoformat(d["date"]) for d in _RAW["days"])
FIRST_KNOWN = date.fromisoformat(_RAW["starts_on"])
LAST_KNOWN = date.fromisoformat(_RAW["known_until"])
ONE_DAY = timedelta(days=1)


class OutsideData(Exception):
    """The answer needs a day the holiday list does not cover."""


def working(d: date) -> bool:
    if d < FIRST_KNOWN or d > LAST_KNOWN:
        raise OutsideData(d)
    if d.weekday() in (5, 6):
        return False
    if d.month == 12 and d.day == 25:
        return False
    return d not in HOLIDAY_DATES


@cache
def months_later(start: date, n: int) -> date:
    """Walk forward to the n-th month after ``start``; stop on the same day number or the month's end."""
    target = start.year * 12 + start.month - 1 + n
    d = start
    while d.year * 12 + d.month - 1 < target:
        d += ONE_DAY
    # d is now the 1st of the target month; walk on to the same day number, or stop at the month end.
    while d.day < start.day and (d + ONE_DAY).month == d.month:
        d += ONE_DAY
    return d


def first_working_day_after(d: date) -> date:
    d += ONE_DAY
    while not working(d):
        d += ONE_DAY
    return d


def in_christmas(d: date) -> bool:
    return (d.month == 12 and d.day >= 25) or (d.month == 1 and d.day == 1)


def window_move(d: date) -> date | None:
    if in_christmas(d):
        return first_working_day_after(date(d.year + (d.month == 12), 1, 1))
    if d.month == 8:
        return first_working_day_after(date(d.year, 8, 31))
    return None


@cache
def deadline(letter: date, certificate: date | None) -> tuple[date, date, str, str, tuple[date, ...]] | None:
    """(raw_end, last_day, governed_by, rule, alternative dates), or None when outside the data."""
    a = months_later(letter, 2)
    raw, governed_by = a, "letter"
    if certificate is not None:
        b = months_later(certificate, 1)
        if b > a:
            raw, governed_by = b, "certificate"
    try:
        moved = window_move(raw)
        if moved is not None:
            return raw, moved, governed_by, "christmas-new-year" if in_christmas(raw) else "august", ()
        if working(raw):
            return raw, raw, governed_by, "none", ()
        last = raw
        while not working(last):
            last += ONE_DAY
        again = window_move(last)
        return raw, last, governed_by, "weekend-or-bank-holiday", (again,) if again else ()
    except OutsideData:
        return None
