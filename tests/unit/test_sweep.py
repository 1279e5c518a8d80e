"""Every letter date the data allows, with no certificate and with certificates 0 to 90 days later,
checked against the plain day-by-day version in ``naive.py``."""

from __future__ import annotations

from datetime import date, timedelta

import naive  # tests/unit/naive.py: pytest puts this folder on sys.path
import pytest

from sendrules.errors import BeyondHolidayDataError
from sendrules.time_limits import CURRENT_RULES_FROM, appeal_deadline

TODAY = naive.LAST_KNOWN
CERTIFICATE_DAYS = range(0, 91)


def _last_letter_in_data() -> date:
    d = CURRENT_RULES_FROM
    while naive.deadline(d + timedelta(days=1), None) is not None:
        d += timedelta(days=1)
    return d


LAST_LETTER = _last_letter_in_data()
YEARS = range(CURRENT_RULES_FROM.year, LAST_LETTER.year + 1)


def _letters(year: int):
    d = max(CURRENT_RULES_FROM, date(year, 1, 1))
    end = min(LAST_LETTER, date(year, 12, 31))
    while d <= end:
        yield d
        d += timedelta(days=1)


def _compare(letter: date, certificate: date | None) -> str | None:
    expected = naive.deadline(letter, certificate)
    try:
        r = appeal_deadline(letter, certificate, today=TODAY)
    except BeyondHolidayDataError:
        return None if expected is None else f"{letter} {certificate}: library refused, naive gave {expected}"
    if expected is None:
        return f"{letter} {certificate}: library gave {r.last_day}, naive says outside the data"
    got = (r.raw_end, r.last_day, r.governed_by, r.rule, tuple(a.on for a in r.alternatives))
    return None if got == expected else f"{letter} {certificate}: library {got}, naive {expected}"


def test_the_sweep_reaches_late_2030_and_stops_where_the_data_runs_out():
    assert LAST_LETTER.year == 2030 and LAST_LETTER.month >= 10
    assert naive.deadline(LAST_LETTER + timedelta(days=1), None) is None
    with pytest.raises(BeyondHolidayDataError):
        appeal_deadline(LAST_LETTER + timedelta(days=1), today=TODAY)


@pytest.mark.parametrize("year", YEARS)
def test_every_letter_and_certificate_date_matches_the_day_by_day_version(year):
    mismatches = []
    checked = 0
    for letter in _letters(year):
        for certificate in (None, *(letter + timedelta(days=k) for k in CERTIFICATE_DAYS)):
            if certificate is not None and certificate > TODAY:
                continue
            problem = _compare(letter, certificate)
            checked += 1
            if problem:
                mismatches.append(problem)
    assert checked > 0
    assert mismatches == [], f"{len(mismatches)} of {checked} differ, first: {mismatches[:5]}"
