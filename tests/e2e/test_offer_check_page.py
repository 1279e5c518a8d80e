"""The "Check the wording" calculator on /check-the-offer/: pasted wording in, sentence-by-sentence
verdicts out (specific, needs more detail, vague), with what to ask the council for each, the
wording kept out of the address and never turned into markup."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from tests.support.axe import axe_violations
from tests.support.browser import wait_ready
from tests.support.site import foreign_requests

pytestmark = pytest.mark.e2e

PAGE = "check-the-offer/"
ROOT = '[data-calculator="offer-check"]'

SPECIFIC = ("Amir will receive 3 sessions of 30 minutes per week of 1:1 speech and language therapy "
            "delivered by a HCPC-registered speech and language therapist, reviewed each half term.")
VAGUE = "Sam will have access to a quiet space when needed."
MORE = "A TA will deliver 3 sessions per week of 1:1 handwriting practice."
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def _open(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGE)
    root = page.locator(ROOT)
    wait_ready(root)
    return root, dialogs


def _check(page, text):
    page.fill("#offer-text", text)
    page.locator(f"{ROOT} button[type=submit]").click()


def _expect_verdicts(page, root, title, verdicts):
    """The result heading has focus and says ``title``; the sentences carry ``verdicts``, in order."""
    heading = page.locator("#offer-check-result-heading")
    expect(heading).to_be_focused(timeout=30_000)
    expect(heading).to_have_text(title)
    items = root.locator("[data-verdict]")
    expect(items).to_have_count(len(verdicts))
    for n, verdict in enumerate(verdicts):
        expect(items.nth(n)).to_have_attribute("data-verdict", verdict)
    return items


def test_vague_and_specific_wording_get_sentence_by_sentence_verdicts(page, requests_seen):
    root, dialogs = _open(page)
    _check(page, f"Section F\n{SPECIFIC}\n{VAGUE}")

    items = _expect_verdicts(page, root, "1 of 2 sentences is vague", ["not-provision", "specific", "vague"])
    expect(items.nth(1).locator("[data-text]")).to_have_text(SPECIFIC)
    expect(items.nth(2).locator('[data-flag="access-to"]')).to_contain_text("Ask the council")
    expect(items.nth(2).locator("[data-missing]")).to_contain_text("who gives it")
    expect(items.nth(2).locator('[data-next="vague"]')).to_contain_text("Ask the council to rewrite it")
    expect(items.nth(1).locator('[data-next="specific"]')).to_contain_text("stay exactly as it is")
    expect(root).to_contain_text("not legal advice")

    assert "calculator=offer-check" in page.url
    for word in ("Amir", "quiet", "Section", "offer-text"):
        assert word not in page.url
    assert dialogs == []
    assert axe_violations(page) == []
    assert foreign_requests(requests_seen) == []


def test_markup_in_the_wording_is_shown_as_text_and_never_runs(page, requests_seen):
    root, dialogs = _open(page)
    scripts_before = page.locator("script").count()
    pasted = f"{SCRIPT}\n\n{IMG}\n\n{VAGUE}"  # three paragraphs: three items to check
    _check(page, pasted)

    expect(page.locator("#offer-check-result-heading")).to_be_focused(timeout=30_000)
    texts = root.locator("[data-text]")
    expect(texts).to_have_count(3)
    expect(texts.nth(0)).to_have_text(SCRIPT)
    expect(texts.nth(1)).to_have_text(IMG)
    result = root.locator("#offer-check-result")
    assert result.locator("script").count() == 0
    assert result.locator("img").count() == 0
    assert root.locator("img, svg, iframe, object").count() == 0
    assert page.locator("script").count() == scripts_before
    expect(page.locator("#offer-text")).to_have_value(pasted)
    # No <img> or <script> element exists, so no injected handler can ever fire.
    assert dialogs == []
    for fragment in ("script", "img", "alert", "onerror"):
        assert fragment not in page.url
    assert foreign_requests(requests_seen) == []


def test_empty_wording_gives_the_govuk_error_pattern(page):
    root, _ = _open(page)
    _check(page, "   ")
    summary = page.locator("#offer-check-error-summary")
    expect(summary).to_be_focused(timeout=30_000)
    expect(summary).to_contain_text("Paste the wording you want to check")
    assert page.title().startswith("Error: ")
    expect(page.locator("#offer-text")).to_have_attribute("aria-invalid", "true")
    assert axe_violations(page) == []


def test_a_paste_from_word_gets_all_three_verdicts_and_what_to_ask(page, requests_seen):
    root, _ = _open(page)
    pasted = ("Section F: Special educational provision\r\n"
              f"\u2022\t{SPECIFIC}\r\n"
              f"\u2022\t{MORE}\r\n"
              "1.\tElla\u2019s TA will provide \u201cappropriate\u201d support in lessons.\r\n")
    _check(page, pasted)

    items = _expect_verdicts(page, root, "1 of 3 sentences is vague, 1 needs more detail",
                             ["not-provision", "specific", "needs-more-detail", "vague"])
    expect(items.nth(2).locator(".offer-check__tag")).to_have_text("Needs more detail")
    expect(items.nth(2).locator('[data-detail="session-length"]')).to_contain_text(
        "Ask the council: How long will each session or visit last")
    expect(items.nth(3).locator("[data-text]")).to_have_text(
        "Ella\u2019s TA will provide \u201cappropriate\u201d support in lessons.")
    assert axe_violations(page) == []
    assert foreign_requests(requests_seen) == []


def test_too_long_wording_gives_the_govuk_error_with_the_limit(page):
    root, _ = _open(page)
    text = "Sam will have access to a quiet space. " * 1300  # over 50,000 characters
    page.locator("#offer-text").evaluate("(box, text) => { box.value = text; }", text)
    page.locator(f"{ROOT} button[type=submit]").click()
    summary = page.locator("#offer-check-error-summary")
    expect(summary).to_be_focused(timeout=30_000)
    expect(summary).to_contain_text("The wording must be 50,000 characters or fewer")
    expect(page.locator("#offer-text-error")).to_contain_text("Paste one section at a time")
    assert page.title().startswith("Error: ")
    expect(page.locator("#offer-text")).to_have_value(text)
    assert axe_violations(page) == []
