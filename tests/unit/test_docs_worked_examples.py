"""The worked examples printed in the guidance pages agree with the rules library.

The pages show examples in tables so the method can be followed by hand; these tests read those
tables and work every row out with sendrules, so a page can never drift from the rules.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from sendrules import appeal_deadline, dd_claim_deadline

DOCS = Path(__file__).resolve().parents[2] / "docs"
TODAY = date(2030, 12, 31)  # after every example, so "passed" plays no part
DATE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}")


def _dates(cell: str) -> list[date]:
    return [datetime.strptime(found, "%a %d %b %Y").date() for found in DATE.findall(cell)]


def _table_rows(page: str, first_header: str) -> list[list[str]]:
    """The body rows of the table in ``page`` whose first header cell is ``first_header``."""
    lines = (DOCS / page).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    assert rows, f"no rows under '{first_header}' in {page}"
    return rows


def _weekday_is_right(cell: str) -> None:
    for found in DATE.findall(cell):
        weekday = found.split()[0]
        assert datetime.strptime(found, "%a %d %b %Y").strftime("%a") == weekday, found


APPEAL_ROWS = _table_rows("appeal-deadline.md", "Letter date")


@pytest.mark.parametrize("row", APPEAL_ROWS, ids=[row[0] for row in APPEAL_ROWS])
def test_appeal_deadline_examples_on_the_page_match_the_rules(row):
    letter_cell, certificate_cell, letter_end_cell, certificate_end_cell, last_day_cell = row[:5]
    for cell in row[:5]:
        _weekday_is_right(cell)
    (letter,) = _dates(letter_cell)
    certificates = _dates(certificate_cell)
    answer = appeal_deadline(letter, certificates[0] if certificates else None, today=TODAY)
    assert _dates(letter_end_cell) == [answer.letter_end]
    assert _dates(certificate_end_cell) == ([answer.certificate_end] if certificates else [])
    assert _dates(last_day_cell) == [answer.last_day]


DD_ROWS = _table_rows("disability-discrimination.md", "The discrimination happened on")


@pytest.mark.parametrize("row", DD_ROWS, ids=[row[0] for row in DD_ROWS])
def test_discrimination_claim_examples_on_the_page_match_the_rules(row):
    conduct_cell, _corresponding_cell, last_day_cell, send_by_cell = row[:4]
    for cell in row[:4]:
        _weekday_is_right(cell)
    (conduct,) = _dates(conduct_cell)
    answer = dd_claim_deadline(conduct, today=TODAY)
    assert _dates(last_day_cell) == [answer.last_day]
    assert _dates(send_by_cell) == [answer.safe_day]
