"""The "Should I mediate?" calculator on /should-you-mediate/, driven by keyboard in Chromium."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from tests.support.axe import axe_violations
from tests.support.browser import wait_ready
from tests.support.site import foreign_requests

pytestmark = pytest.mark.e2e

PAGE = "should-you-mediate/"
ROOT = '[data-calculator="should-i-mediate"]'


def _move_within_a_year(today: date) -> tuple[int, date]:
    """A September move less than a year away, and a birthday that puts a child into Year 7 then."""
    year = today.year if today < date(today.year, 9, 1) else today.year + 1
    return year, date(year - 11, 3, 1)  # born in March: turns 11 in the school year before the move


def _open(page):
    page.goto(PAGE)
    root = page.locator(ROOT)
    wait_ready(root)
    return root


def _type(page, text):
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def test_answering_by_keyboard_gives_a_recommendation_with_reasons(page, requests_seen):
    today = date.today()
    year, born = _move_within_a_year(today)
    letter = today - timedelta(days=10)
    root = _open(page)

    page.focus("#about-amounts")
    page.keyboard.press("Space")  # what the disagreement is about: amounts
    page.keyboard.press("Tab")
    expect(page.locator("#la-record-good-faith")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.locator("#phase-transfer-none")).to_be_focused()
    for _ in range(4):  # none -> early years -> infant -> primary-to-middle -> primary-to-secondary
        page.keyboard.press("ArrowDown")
    expect(page.locator("#phase-transfer-primary-to-secondary")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#date-of-birth-day")).to_be_focused()
    _type(page, str(born.day))
    _type(page, str(born.month))
    _type(page, str(born.year))
    expect(page.locator("#transfer-year")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#health-social-care-yes")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#health-social-care-no")).to_be_checked()
    page.keyboard.press("Tab")
    _type(page, str(letter.day))
    _type(page, str(letter.month))
    page.keyboard.type(str(letter.year))
    page.keyboard.press("Enter")

    heading = page.locator("#should-i-mediate-result-heading")
    expect(heading).to_be_focused(timeout=30_000)
    expect(heading).to_have_text("Your answers point to going straight to the Tribunal")
    reasons = root.locator("[data-reason]")
    expect(reasons).to_have_count(3)
    expect(root.locator('[data-reason="phase-transfer"]')).to_have_attribute("data-leans", "tribunal")
    expect(root.locator('[data-result="phase-transfer-last-day"] time')).to_have_attribute(
        "datetime", date(year, 2, 14).isoformat()
    )
    expect(root.locator('[data-caution="certificate"]')).to_contain_text("one phone call")
    assert f"letter-sent={letter.isoformat()}" in page.url
    assert axe_violations(page) == []

    # The link into the deadline calculator carries the letter date, and that page answers.
    link = root.locator('[data-caution="appeal-clock"] a')
    expect(link).to_have_attribute(
        "href", f"../appeal-deadline/#calculator=appeal-deadline&letter-sent={letter.isoformat()}"
    )
    link.click()
    expect(page).to_have_url(
        re.compile(rf"/appeal-deadline/#calculator=appeal-deadline&letter-sent={letter.isoformat()}$")
    )
    deadline = page.locator('[data-calculator="appeal-deadline"]')
    wait_ready(deadline)
    expect(deadline.locator('[data-result="last-day"]')).to_be_visible(timeout=30_000)
    assert foreign_requests(requests_seen) == []


def test_missing_answers_show_the_error_summary(page, requests_seen):
    root = _open(page)
    page.focus("#about-needs")
    page.keyboard.press("Space")
    root.locator("button[type=submit]").press("Enter")

    summary = page.locator("#should-i-mediate-error-summary")
    expect(summary).to_be_focused(timeout=30_000)
    expect(summary).to_contain_text("Select how the council has dealt with you so far")
    assert page.title().startswith("Error: ")
    expect(root.locator("#la-record-error")).to_be_visible()
    expect(page.locator("#about-needs")).to_be_checked()  # answers are kept
    summary.locator('a[href="#la-record-good-faith"]').click()
    expect(page.locator("#la-record-good-faith")).to_be_focused()
    assert axe_violations(page) == []
    assert foreign_requests(requests_seen) == []
