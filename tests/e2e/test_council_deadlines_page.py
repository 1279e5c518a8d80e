"""Is the council late? (/council-deadlines/) in Chromium: answered by keyboard only, the questions
revealed for what happened, errors, a bookmarked answer, the calendar file, printing, accessibility
and privacy (nothing leaves 127.0.0.1).

One page for the module ("today" pinned with Playwright's clock): a test reloads only when it
needs a fresh form.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect
from tests.support.axe import axe_violations
from tests.support.browser import fresh, print_and_download_calendar, type_date, wait_ready

from sendrules.council_deadlines import council_deadlines

pytestmark = pytest.mark.e2e

TODAY = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # Monday 30 November 2026
PAGE = "council-deadlines/"
ROOT = '[data-calculator="council-deadlines"]'


@pytest.fixture
def page(shared_page):
    return shared_page


def press_the_button(page):
    """Tab forward to the calculator's button and press Enter, as a keyboard user would."""
    for _ in range(10):
        if page.evaluate("document.activeElement.matches('.calculator__form button[type=submit]')"):
            page.keyboard.press("Enter")
            return
        page.keyboard.press("Tab")
    raise AssertionError("the button was not reached by Tab")


def query(page) -> dict[str, str]:
    """The answers in the page's address, which are in its fragment; it has no query."""
    address = urlsplit(page.url)
    assert address.query == ""
    return dict(parse_qsl(address.fragment))


def test_request_by_keyboard_only_with_calendar_print_and_no_names_in_the_address(page, tmp_path):
    root = fresh(page, PAGE, ROOT)
    expect(page.locator("#request-received-day")).to_be_hidden()
    page.focus("#situation-request")
    page.keyboard.press("Space")
    expect(page.locator("#situation-request")).to_be_checked()
    expect(page.locator("#request-received-day")).to_be_visible()
    expect(page.locator("#tribunal-order-day")).to_be_hidden()
    page.keyboard.press("Tab")
    expect(page.locator("#request-received-day")).to_be_focused()
    type_date(page, "2", "11", "2026")
    expect(page.locator("#child-name")).to_be_focused()  # the other situations' questions are skipped
    page.keyboard.type("Sam")
    page.keyboard.press("Tab")
    page.keyboard.type("Alex Jones")
    page.keyboard.press("Enter")

    heading = page.locator("#council-deadlines-result-heading")
    expect(heading).to_be_focused(timeout=30_000)
    expect(heading.locator("time")).to_have_attribute("datetime", "2026-12-14")
    rules = council_deadlines("request", date(2026, 11, 2), today=TODAY.date())
    for d in rules.deadlines:
        shown = root.locator(f'[data-result="{d.id}"] time').first
        expect(shown).to_have_attribute("datetime", d.by.isoformat())
    expect(root.locator('[data-event="today"] time')).to_have_attribute("datetime", "2026-11-30")
    assert query(page) == {"calculator": "council-deadlines", "situation": "request",
                           "request-received": "2026-11-02"}
    assert "Sam" not in page.url and "Alex" not in page.url
    assert axe_violations(page) == []

    cal = print_and_download_calendar(root, tmp_path, "council-deadlines.ics")
    events = list(cal.walk("VEVENT"))
    assert sorted(e.decoded("DTSTART") for e in events) == [d.by for d in rules.deadlines]
    assert all("Council's time limit" in str(e["SUMMARY"]) for e in events)


def test_late_annual_review_by_keyboard_gives_the_steps_and_the_letter(page):
    root = fresh(page, PAGE, ROOT)
    page.focus("#situation-request")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#situation-annual-review")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#review-meeting-day")).to_be_focused()
    type_date(page, "4", "3", "2026")
    expect(page.locator("#amendments-sent-day")).to_be_focused()
    type_date(page, "20", "4", "2026")
    page.keyboard.type("Sam <b>Smith</b>")
    page.keyboard.press("Enter")

    expect(page.locator("#council-deadlines-result-heading")).to_be_focused(timeout=30_000)
    passed = root.locator('[data-result="amended-plan"]')
    expect(passed.locator("time").first).to_have_attribute("datetime", "2026-06-15")
    expect(passed).to_have_attribute("data-passed", "true")
    expect(passed).to_have_attribute("data-days-late", "168")
    expect(root.locator('[data-result="review-decision"]')).to_have_attribute("data-status", "done-late")
    late = root.locator('[data-section="late"]')
    for words in ("Write to the council", "formal complaint", "Ombudsman", "pre-action letter", "IPSEA"):
        expect(late).to_contain_text(words)
    body = root.locator("#council-deadlines-letter-body")
    expect(body).to_contain_text("my child, Sam <b>Smith</b>,")
    expect(body).to_contain_text("by Monday 15 June 2026")
    expect(body).to_contain_text("by Monday 14 December 2026")
    assert axe_violations(page) == []


def test_errors_by_keyboard_link_to_the_question_and_keep_it_visible(page):
    root = fresh(page, PAGE, ROOT)
    page.focus("#situation-request")
    press_the_button(page)
    summary = page.locator("#council-deadlines-error-summary")
    expect(summary).to_be_focused(timeout=30_000)
    expect(summary.locator('a[href="#situation-request"]')).to_have_text("Select what happened")
    assert page.title().startswith("Error: ")

    page.focus("#situation-request")
    for _ in range(2):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#situation-tribunal-order")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#tribunal-order-day")).to_be_focused()
    type_date(page, "30", "2", "2026")
    expect(page.locator("#order-assess")).to_be_focused()
    press_the_button(page)
    expect(summary).to_be_focused(timeout=30_000)
    expect(summary.locator('a[href="#tribunal-order-day"]')).to_have_text(
        "The date of the Tribunal's order must be a real date")
    expect(summary.locator('a[href="#order-assess"]')).to_have_text("Select what the Tribunal ordered")
    expect(root.locator("#tribunal-order-error")).to_be_visible()
    expect(root.locator("#order-error")).to_be_visible()
    assert "?" not in page.url
    expect(root.locator('[data-result="timeline"]')).to_have_count(0)
    assert axe_violations(page) == []
    summary.locator('a[href="#order-assess"]').click()
    expect(page.locator("#order-assess")).to_be_focused()


def test_a_bookmarked_order_fills_in_the_form_and_says_how_sure_we_are(page):
    page.goto(f"{PAGE}#calculator=council-deadlines&situation=tribunal-order&tribunal-order=2026-10-02"
              "&order=name-school")
    root = page.locator(ROOT)
    wait_ready(root)
    item = root.locator('[data-result="order-amended-plan"]')
    expect(item.locator("time").first).to_have_attribute("datetime", "2026-10-16", timeout=30_000)
    expect(item).to_contain_text("Fairly sure")
    expect(page.locator("#tribunal-order-day")).to_have_value("2")
    expect(page.locator("#order-name-school")).to_be_checked()
    expect(page.locator("#order-name-school")).to_be_visible()
    expect(page.locator("#request-received-day")).to_be_hidden()
