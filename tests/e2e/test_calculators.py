"""The calculators in a real browser: answers, errors, keyboard use, calendar file, web addresses,
printing, accessibility and privacy.

Python starts in a worker in about 3 s per full page load, so the tests share one browser page
per module: each test re-fills the form on the page that is already loaded and submits it again.
"Today" is pinned with Playwright's clock (the page works out the reader's date on the main
thread and passes it to Python), so answers about days left and dates in the future are stable.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
from playwright.sync_api import expect
from tests.support.axe import axe_violations
from tests.support.browser import PYTHON_READY_TIMEOUT_MS, wait_ready

pytestmark = pytest.mark.e2e

TODAY = datetime(2025, 12, 1, 12, 0, tzinfo=UTC)
PAGES = {
    "appeal-deadline": "appeal-deadline/",
    "certificate": "mediation-certificate/",
    "dd-claim": "disability-discrimination/",
}


@pytest.fixture
def page(shared_page):
    return shared_page


def open_calculator(page, name):
    """The calculator's root on its page, ready; the page is only loaded if it is not already there."""
    path = PAGES[name]
    if not urlsplit(page.url).path.endswith("/" + path):
        page.goto(path)
    root = page.locator(f'[data-calculator="{name}"]')
    wait_ready(root)
    return root


def fill_date(root, field, day, month, year):
    root.locator(f"#{field}-day").fill(day)
    root.locator(f"#{field}-month").fill(month)
    root.locator(f"#{field}-year").fill(year)


def submit(root, press=None):
    """Submit the form (by clicking, or with a key), then wait for Python's new HTML."""
    root.locator("form").evaluate("form => form.setAttribute('data-test-old', '')")
    if press:
        root.page.keyboard.press(press)
    else:
        root.locator("button[type=submit]").click()
    expect(root.locator("form[data-test-old]")).to_have_count(0)


def start_before(element):
    """Put keyboard focus just before ``element``'s next control, as a reader tabbing down the page."""
    element.evaluate("element => { element.tabIndex = -1; element.focus(); }")


def clear_choices(root):
    """Untick every radio and checkbox, as on a freshly loaded page (a reader cannot untick a radio)."""
    root.locator("form").evaluate(
        "form => form.querySelectorAll('input[type=radio], input[type=checkbox]')"
        ".forEach(input => { input.checked = false; })"
    )


def expect_no_error(page, root):
    expect(root.locator(".govuk-error-summary")).to_have_count(0)
    assert not page.title().startswith("Error: ")


def expect_error(page, root, name, field, target, message):
    summary = root.locator(f"#{name}-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    link = summary.locator(f'a[href="#{target}"]')
    expect(link).to_contain_text(message)
    by_field = root.locator(f"#{field}-error")
    expect(by_field).to_be_visible()
    expect(by_field).to_contain_text(message)
    assert page.title().startswith("Error: ")
    expect(root.locator("[data-result]")).to_have_count(0)
    assert urlsplit(page.url)[3:] == ("", ""), "an error puts no answers in the address"


# -- appeal deadline ----------------------------------------------------------------------------------------

def test_appeal_deadline_answer(page, base_url):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "1", "10", "2025")
    fill_date(root, "certificate-issued", "29", "11", "2025")
    submit(root)
    result = root.locator('[data-result="last-day"]')
    expect(result.locator('time[datetime="2026-01-02"]')).to_have_text("Friday 2 January 2026")
    expect(result).to_contain_text("by 5pm")
    expect(result).to_contain_text("32 days left")
    expect(root.locator("#appeal-deadline-result-heading")).to_be_focused()
    expect(root.locator('[data-section="steps"] ol li')).not_to_have_count(0)
    expect(root.locator('[data-section="sources"] a').first).to_have_attribute("href", re.compile("^https://"))
    expect(root.locator("#letter-sent-day")).to_have_value("1")  # the form stays, with the answers
    expect_no_error(page, root)
    assert page.url == (base_url + "appeal-deadline/#calculator=appeal-deadline"
                        "&letter-sent=2025-10-01&certificate-issued=2025-11-29")
    assert axe_violations(page) == []


def test_appeal_deadline_calendar_download(page, tmp_path):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "1", "10", "2025")
    fill_date(root, "certificate-issued", "29", "11", "2025")
    submit(root)
    link = root.locator('a[download="send-appeal-last-day.ics"]')
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "send-appeal-last-day.ics"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    cal = icalendar.Calendar.from_ical(Path(target).read_bytes())
    (event,) = [c for c in cal.walk() if c.name == "VEVENT"]
    assert event.decoded("DTSTART") == date(2026, 1, 2)
    (alarm,) = [c for c in event.walk() if c.name == "VALARM"]
    assert alarm.decoded("TRIGGER").days == -7


def test_print_button_prints(page):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "1", "10", "2025")
    fill_date(root, "certificate-issued", "", "", "")
    submit(root)
    expect(root.locator('[data-result="last-day"] time[datetime="2025-12-01"]')).to_be_visible()
    page.evaluate("() => { window.__printed = new Promise(done => { window.print = () => done(true); }); }")
    root.locator('button[data-action="print"]').click()
    assert page.evaluate("window.__printed") is True  # waits until window.print is called


def test_a_passed_deadline(page):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "1", "7", "2025")
    fill_date(root, "certificate-issued", "", "", "")
    submit(root)
    result = root.locator('[data-result="last-day"]')
    expect(result.locator('time[datetime="2025-09-01"]')).to_be_visible()
    expect(result).to_contain_text("This date has passed")
    expect(root.locator('[data-section="late"] li')).not_to_have_count(0)
    expect(root.locator("a[download]")).to_have_count(0)


APPEAL_ERRORS = [
    # (letter day, month, year), (certificate day, month, year), field, link target, message
    (("", "", ""), ("", "", ""), "letter-sent", "letter-sent-day",
     "Enter the date the decision letter was sent"),
    (("1", "", "2025"), ("", "", ""), "letter-sent", "letter-sent-month", "must include a month"),
    (("31", "2", "2025"), ("", "", ""), "letter-sent", "letter-sent-day", "must be a real date"),
    (("1", "10", "25"), ("", "", ""), "letter-sent", "letter-sent-year", "Year must include 4 numbers"),
    (("2", "12", "2025"), ("", "", ""), "letter-sent", "letter-sent-day", "must be today or in the past"),
    (("1", "10", "2025"), ("1", "9", "2025"), "certificate-issued", "certificate-issued-day",
     "must be the same as or after the date the decision letter was sent"),
    (("20", "7", "2020"), ("", "", ""), "letter-sent", "letter-sent-day", "on or after 21 July 2020"),
]


@pytest.mark.parametrize(("letter", "certificate", "field", "target", "message"), APPEAL_ERRORS)
def test_appeal_deadline_errors(page, letter, certificate, field, target, message):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", *letter)
    fill_date(root, "certificate-issued", *certificate)
    submit(root)
    expect_error(page, root, "appeal-deadline", field, target, message)
    # what was typed is still there
    for part, value in zip(("day", "month", "year"), letter, strict=True):
        expect(root.locator(f"#letter-sent-{part}")).to_have_value(value)
    expect(root.locator(f"#{target}")).to_have_attribute("aria-invalid", "true")


def test_the_error_state_passes_axe_and_its_link_goes_to_the_field(page):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "1", "", "2025")
    fill_date(root, "certificate-issued", "", "", "")
    submit(root)
    expect_error(page, root, "appeal-deadline", "letter-sent", "letter-sent-month", "must include a month")
    assert axe_violations(page) == []
    root.locator('#appeal-deadline-error-summary a[href="#letter-sent-month"]').click()
    expect(root.locator("#letter-sent-month")).to_be_focused()


def test_a_result_after_an_error_clears_the_error_title(page):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "", "", "")
    fill_date(root, "certificate-issued", "", "", "")
    submit(root)
    assert page.title().startswith("Error: ")
    fill_date(root, "letter-sent", "31", "oct", "2025")
    submit(root)
    expect(root.locator('[data-result="last-day"] time[datetime="2026-01-02"]')).to_be_visible()
    expect_no_error(page, root)


def test_keyboard_only(page):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "", "", "")
    fill_date(root, "certificate-issued", "", "", "")
    start_before(root.locator("#letter-sent-hint"))
    keyboard = page.keyboard
    for value in ("1", "10", "2025", "29", "11", "2025"):
        keyboard.press("Tab")
        keyboard.type(value)
    expect(root.locator("#certificate-issued-year")).to_be_focused()
    keyboard.press("Tab")
    expect(root.locator("button[type=submit]")).to_be_focused()
    submit(root, press="Enter")
    expect(root.locator('[data-result="last-day"] time[datetime="2026-01-02"]')).to_be_visible()
    expect(root.locator("#appeal-deadline-result-heading")).to_be_focused()


def test_a_web_address_brings_back_the_same_answer(page, session):
    root = open_calculator(page, "appeal-deadline")
    fill_date(root, "letter-sent", "31", "12", "2024")
    fill_date(root, "certificate-issued", "", "", "")
    submit(root)
    expect(root.locator('[data-result="last-day"] time[datetime="2025-02-28"]')).to_be_visible()
    address = page.url
    assert address.endswith("/appeal-deadline/#calculator=appeal-deadline&letter-sent=2024-12-31")
    first_answer = root.locator(".calculator__result").inner_text()

    other = session["context"].new_page()
    other.on("pageerror", lambda error: session["errors"].append(f"{error.name}: {error.message}"))
    try:
        other.goto(address)
        other_root = other.locator('[data-calculator="appeal-deadline"]')
        wait_ready(other_root)
        answer = other_root.locator('[data-result="last-day"] time[datetime="2025-02-28"]')
        expect(answer).to_be_visible(timeout=PYTHON_READY_TIMEOUT_MS)
        assert other_root.locator(".calculator__result").inner_text() == first_answer
        expect(other_root.locator("#letter-sent-day")).to_have_value("31")
        assert other.url == address
    finally:
        other.close()


# -- mediation certificate ----------------------------------------------------------------------------------

def test_certificate_sections_are_asked_only_for_the_plan_contents(page):
    root = open_calculator(page, "certificate")
    sections = root.locator('[data-question="sections"]')
    root.locator("#decision-refusal-to-assess").check()
    expect(sections).to_be_hidden()
    root.locator("#decision-plan-contents").check()
    expect(sections).to_be_visible()


@pytest.mark.parametrize(("decision", "sections", "needed"), [
    ("plan-contents", ["I"], "false"),
    ("plan-contents", ["B", "I"], "true"),
    ("refusal-to-assess", [], "true"),
    ("disability-discrimination", [], "false"),
])
def test_certificate_answers(page, decision, sections, needed):
    root = open_calculator(page, "certificate")
    clear_choices(root)
    root.locator(f"#decision-{decision}").check()
    for section in sections:
        root.locator(f"#sections-{section}").check()
    submit(root)
    result = root.locator('[data-result="certificate-needed"]')
    expect(result).to_have_attribute("data-needed", needed)
    heading = root.locator("#certificate-result-heading")
    expect(heading).to_be_focused()
    expect(heading).to_have_text("You need a mediation certificate" if needed == "true"
                                 else "You do not need a mediation certificate")
    expect_no_error(page, root)
    query = f"calculator=certificate&decision={decision}" + "".join(f"&sections={s}" for s in sections)
    assert page.url.endswith("/#" + query)


def test_certificate_result_passes_axe(page):
    root = open_calculator(page, "certificate")
    root.locator("#decision-cease-to-maintain").check()
    submit(root)
    expect(root.locator('[data-result="certificate-needed"][data-needed="true"]')).to_be_visible()
    assert axe_violations(page) == []


def test_certificate_errors(page):
    root = open_calculator(page, "certificate")
    clear_choices(root)
    submit(root)
    expect_error(page, root, "certificate", "decision", "decision-refusal-to-assess",
                 "Select what you want to take to the Tribunal")
    root.locator("#decision-plan-contents").check()
    submit(root)
    expect_error(page, root, "certificate", "sections", "sections-B",
                 "Select which parts of the plan you disagree with")
    assert axe_violations(page) == []


def test_certificate_keyboard_only(page):
    root = open_calculator(page, "certificate")
    clear_choices(root)
    start_before(root.locator("#decision-hint"))
    keyboard = page.keyboard
    keyboard.press("Tab")
    expect(root.locator("#decision-refusal-to-assess")).to_be_focused()
    keyboard.press("ArrowDown")
    keyboard.press("ArrowDown")
    expect(root.locator("#decision-plan-contents")).to_be_focused()
    expect(root.locator("#decision-plan-contents")).to_be_checked()
    keyboard.press("Tab")
    expect(root.locator("#sections-B")).to_be_focused()
    keyboard.press("Space")
    expect(root.locator("#sections-B")).to_be_checked()
    for _ in range(3):
        keyboard.press("Tab")
    expect(root.locator("button[type=submit]")).to_be_focused()
    submit(root, press="Space")
    expect(root.locator('[data-result="certificate-needed"][data-needed="true"]')).to_be_visible()
    expect(root.locator("#certificate-result-heading")).to_be_focused()


# -- disability discrimination claim ------------------------------------------------------------------------

def test_dd_claim_answer(page):
    root = open_calculator(page, "dd-claim")
    fill_date(root, "conduct", "31", "8", "2025")
    submit(root)
    expect(root.locator('[data-result="safe-day"] time[datetime="2026-02-27"]')).to_be_visible()
    expect(root.locator('[data-result="last-day"] time[datetime="2026-02-27"]')).to_be_visible()
    expect(root.locator('[data-section="alternatives"] [data-alternative="2026-02-28"]')).to_be_visible()
    expect(root.locator("#dd-claim-result-heading")).to_be_focused()
    expect_no_error(page, root)
    assert page.url.endswith("/#calculator=dd-claim&conduct=2025-08-31")
    assert axe_violations(page) == []


def test_dd_claim_errors(page):
    root = open_calculator(page, "dd-claim")
    fill_date(root, "conduct", "1", "1", "2026")
    submit(root)
    expect_error(page, root, "dd-claim", "conduct", "conduct-day", "must be today or in the past")
    fill_date(root, "conduct", "", "", "")
    submit(root)
    expect_error(page, root, "dd-claim", "conduct", "conduct-day",
                 "Enter the date the discrimination happened")


def test_dd_claim_keyboard_only(page):
    root = open_calculator(page, "dd-claim")
    fill_date(root, "conduct", "", "", "")
    root.locator("#conduct-day").focus()
    keyboard = page.keyboard
    keyboard.type("14")
    keyboard.press("Tab")
    keyboard.type("mar")
    keyboard.press("Tab")
    keyboard.type("2025")
    submit(root, press="Enter")
    expect(root.locator('[data-result="safe-day"] time[datetime="2025-09-12"]')).to_be_visible()
    expect(root.locator('[data-result="last-day"] time[datetime="2025-09-13"]')).to_be_visible()
