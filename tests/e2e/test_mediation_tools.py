"""The mediation timeline (/mediation-timeline/) and the adviser email (/checklist/) in Chromium:
answers filled in by keyboard, errors, the calendar file, printing, accessibility and privacy.

Python starts in a worker in a few seconds per full page load, so each tool keeps one page for
the module: a test reloads only when it needs a fresh page. "Today" is pinned with Playwright's
clock, so the dates worked out from today are stable.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect
from tests.support.axe import WCAG_TAGS, load_axe
from tests.support.browser import fresh, print_and_download_calendar, type_date, wait_ready

from sendrules.mediation import mediation_timeline

pytestmark = pytest.mark.e2e

TODAY = datetime(2026, 4, 2, 12, 0, tzinfo=UTC)  # Thursday 2 April 2026, before Easter
TIMELINE_PAGE = "mediation-timeline/"
EMAIL_PAGE = "checklist/"
TIMELINE = '[data-calculator="mediation-timeline"]'
EMAIL = '[data-calculator="adviser-email"]'


@pytest.fixture
def page(shared_page):
    return shared_page


def axe_violations_in(root) -> list[str]:
    """WCAG 2.2 A/AA violations inside one calculator (the page's own prose is checked in test_site)."""
    load_axe(root.page)
    result = root.evaluate(
        "(element, tags) => axe.run(element, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        f"{', '.join(map(str, node['target']))}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def query(page) -> dict[str, list[str]]:
    """The answers in the page's address, which are in its fragment; it has no query."""
    address = urlsplit(page.url)
    assert address.query == ""
    found: dict[str, list[str]] = {}
    for key, value in parse_qsl(address.fragment):
        found.setdefault(key, []).append(value)
    return found


# -- mediation timeline -------------------------------------------------------------------------------------

def test_timeline_by_keyboard_with_calendar_and_print(page, tmp_path):
    root = fresh(page, TIMELINE_PAGE, TIMELINE)
    page.focus("#told-adviser-day")
    type_date(page, "5", "5", "2026")
    expect(page.locator("#wants-mediation-yes")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.locator("#letter-sent-day")).to_be_focused()
    type_date(page, "10", "3", "2026")
    expect(page.locator("#mediation-ended-day")).to_be_focused()
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.type("6")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    page.keyboard.press("Enter")

    heading = page.locator("#mediation-timeline-result-heading")
    expect(heading).to_be_focused(timeout=30_000)
    expect(heading.locator("time")).to_have_attribute("datetime", "2026-06-08")
    rules = mediation_timeline(date(2026, 5, 5), True, letter_sent=date(2026, 3, 10),
                               mediation_ended=date(2026, 6, 3))
    items = root.locator(".calculator-timeline__item")
    expect(items).to_have_count(len(rules.events))
    for i, event in enumerate(rules.events):
        expect(items.nth(i).locator(".calculator-timeline__date time")).to_have_attribute(
            "datetime", event.on.isoformat())
        expect(items.nth(i)).to_contain_text(event.label)
    expect(root.locator('[data-event="appeal-last-day"] .calculator-timeline__date time')).to_have_attribute(
        "datetime", "2026-07-08")
    assert query(page) == {"calculator": ["mediation-timeline"], "told-adviser": ["2026-05-05"],
                           "wants-mediation": ["yes"], "letter-sent": ["2026-03-10"],
                           "mediation-ended": ["2026-06-03"]}
    assert axe_violations_in(root) == []

    cal = print_and_download_calendar(root, tmp_path, "send-mediation-dates.ics")
    events = list(cal.walk("VEVENT"))
    assert sorted(e.decoded("DTSTART") for e in events) == [e.on for e in rules.events]
    assert any(list(e.walk("VALARM")) for e in events)


def test_timeline_bookmark_gives_the_easter_example(page):
    page.goto("")  # so that the bookmark is a fresh load, not a change of fragment
    page.goto(f"{TIMELINE_PAGE}#calculator=mediation-timeline&told-adviser=2026-04-02&wants-mediation=no")
    root = page.locator(TIMELINE)
    wait_ready(root)
    expect(root.locator('[data-event="certificate-due"] time')).to_have_attribute(
        "datetime", "2026-04-09", timeout=30_000)
    expect(page.locator("#told-adviser-day")).to_have_value("2")
    expect(page.locator("#wants-mediation-no")).to_be_checked()


def test_timeline_errors(page):
    root = fresh(page, TIMELINE_PAGE, TIMELINE)
    page.focus("#told-adviser-day")
    type_date(page, "1", "3", "2026")
    page.keyboard.press("ArrowDown")  # No, certificate only
    expect(page.locator("#wants-mediation-no")).to_be_checked()
    page.keyboard.press("Tab")
    type_date(page, "10", "3", "2026")
    page.keyboard.press("Enter")

    summary = page.locator("#mediation-timeline-error-summary")
    expect(summary).to_be_focused(timeout=30_000)
    expect(summary.locator('a[href="#told-adviser-day"]')).to_contain_text(
        "The date you told the mediation adviser must be the same as or after")
    expect(root.locator("#told-adviser-error")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert "?" not in page.url
    expect(root.locator('[data-result="timeline"]')).to_have_count(0)
    assert axe_violations_in(root) == []
    summary.locator('a[href="#told-adviser-day"]').click()
    expect(page.locator("#told-adviser-day")).to_be_focused()


# -- adviser email ------------------------------------------------------------------------------------------

def test_email_by_keyboard_keeps_names_out_of_the_address(page):
    root = fresh(page, EMAIL_PAGE, EMAIL)
    page.focus("#appellant-parent")
    page.keyboard.press("Space")
    expect(page.locator("#appellant-parent")).to_be_checked()
    page.focus("#decision-refusal-to-assess")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#decision-plan-contents")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#sections-B")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("#sections-F")).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("#letter-sent-day")).to_be_focused()
    type_date(page, "10", "3", "2026")
    expect(page.locator("#wants-mediation-yes")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#wants-mediation-no")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#disagreement")).to_be_focused()
    page.keyboard.type("The therapy hours in Section F.")
    page.keyboard.press("Tab")
    expect(page.locator("#child-name")).to_be_focused()
    page.keyboard.type("Sam <b>Smith</b>")
    page.keyboard.press("Tab")
    page.keyboard.type("Alex Jones")
    page.keyboard.press("Enter")

    heading = page.locator("#adviser-email-result-heading")
    expect(heading).to_be_focused(timeout=30_000)
    expect(heading).to_have_text("Your email to the mediation adviser")
    body = root.locator("#adviser-email-body")
    expect(body).to_contain_text("dated Tuesday 10 March 2026 about my child, Sam <b>Smith</b>.")
    expect(body).to_contain_text("Section B (special educational needs) and Section F")
    expect(body).to_contain_text("What I disagree with: The therapy hours in Section F.")
    expect(body).to_contain_text("I do not wish to pursue mediation")
    expect(body).to_contain_text("regulation 34")
    expect(body).to_contain_text("Alex Jones")
    expect(root.locator("#adviser-email-body b")).to_have_count(0)
    expect(root.locator("#adviser-email-subject")).to_have_text(
        "Request for a mediation certificate before a SEND Tribunal appeal: Sam <b>Smith</b>")
    expect(root.locator('[data-result="certificate-due"] time')).to_have_attribute("datetime", "2026-04-09")
    expect(root.locator('button[data-action="copy"]')).to_have_count(2)
    expect(page.locator("#child-name")).to_have_value("Sam <b>Smith</b>")
    assert query(page) == {"calculator": ["adviser-email"], "appellant": ["parent"],
                           "decision": ["plan-contents"], "sections": ["B", "F"],
                           "letter-sent": ["2026-03-10"], "wants-mediation": ["no"]}
    assert "Sam" not in page.url and "Alex" not in page.url and "therapy" not in page.url
    assert axe_violations_in(root) == []


def test_email_errors(page):
    root = fresh(page, EMAIL_PAGE, EMAIL)
    page.focus("#child-name")
    page.keyboard.type("Sam")
    page.keyboard.press("Enter")

    summary = page.locator("#adviser-email-error-summary")
    expect(summary).to_be_focused(timeout=30_000)
    expect(summary.locator("a")).to_have_count(4)
    expect(summary.locator('a[href="#appellant-parent"]')).to_have_text(
        "Select whether a parent or a young person is appealing")
    expect(summary.locator('a[href="#decision-refusal-to-assess"]')).to_have_text(
        "Select the decision you want to appeal")
    expect(summary.locator('a[href="#letter-sent-day"]')).to_have_text(
        "Enter the date the decision letter was sent")
    expect(summary.locator('a[href="#wants-mediation-yes"]')).to_have_text(
        "Select whether you want to try mediation")
    for field in ("appellant", "decision", "letter-sent", "wants-mediation"):
        expect(root.locator(f"#{field}-error")).to_be_visible()
    expect(page.locator("#child-name")).to_have_value("Sam")
    assert page.title().startswith("Error: ")
    assert "?" not in page.url
    assert axe_violations_in(root) == []
