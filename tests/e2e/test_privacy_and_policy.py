"""What the web host learns, and what the site's Content-Security-Policy lets run.

A calculator's answers live in the address's fragment (#...), which browsers never send, so the
web host's log never holds a child's dates; an address from before, with them in the query (?...),
still answers once and is rewritten. Every page carries the build's policy before any script, and
an injected inline script is blocked. That the policy blocks nothing the site itself does, in any
end-to-end test, is checked for every test by tests/e2e/conftest.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from tests.support.browser import wait_ready
from tests.support.html import Page

pytestmark = pytest.mark.e2e

ROOT = '[data-calculator="appeal-deadline"]'
LAST_DAY = '[data-result="last-day"] time'
ANSWERS = "calculator=appeal-deadline&letter-sent=2025-10-01"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class Scripts(Page):
    """The text of each inline script a browser would run (not JSON blocks, not src= scripts)."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []
        self._in_script = False

    def start(self, tag, a):
        runs = a.get("type") in (None, "module", "text/javascript") and "src" not in a
        self._in_script = tag == "script" and runs
        if self._in_script:
            self.inline.append("")

    def handle_data(self, data):
        if self._in_script:
            self.inline[-1] += data

    def handle_endtag(self, tag):
        self._in_script = False


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def telling(request_line: str) -> bool:
    """Whether a logged request line has a query or a date in it."""
    return "?" in request_line or bool(ISO_DATE.search(request_line))


def answer_appeal_deadline(page):
    root = page.locator(ROOT)
    wait_ready(root)
    for box, value in (("day", "1"), ("month", "10"), ("year", "2025")):
        root.locator(f"#letter-sent-{box}").fill(value)
    root.locator("button[type=submit]").click()
    expect(root.locator(LAST_DAY)).to_be_visible()
    return root.locator(LAST_DAY).get_attribute("datetime")


def answered_from_the_address(page) -> str:
    root = page.locator(ROOT)
    wait_ready(root)
    expect(root.locator(LAST_DAY)).to_be_visible(timeout=30_000)
    return root.locator(LAST_DAY).get_attribute("datetime")


# -- dates kept out of the web host's log -------------------------------------------------------------------

def test_an_answer_and_its_bookmark_send_no_dates_to_the_web_host(page, base_url, server_log):
    start = len(server_log)
    page.goto("appeal-deadline/")
    last_day = answer_appeal_deadline(page)
    address = urlsplit(page.url)
    assert (address.path, address.query, address.fragment) == ("/appeal-deadline/", "", ANSWERS)

    page.reload()  # and as a bookmark, in a page of its own
    assert answered_from_the_address(page) == last_day
    bookmark = page.context.new_page()
    try:
        bookmark.goto(base_url + "appeal-deadline/#" + ANSWERS)
        assert answered_from_the_address(bookmark) == last_day
    finally:
        bookmark.close()

    assert page.context.cookies() == []
    stored = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert not ISO_DATE.search(stored), f"the browser's storage holds a date: {stored}"

    log = server_log[start:]
    assert "GET /appeal-deadline/ HTTP/1.1" in log
    assert [line for line in log if telling(line)] == []


def test_an_old_address_with_the_answers_in_its_query_answers_once_and_moves_them(page, base_url, server_log):
    start = len(server_log)
    page.goto("appeal-deadline/?" + ANSWERS)
    expect(page).to_have_url(base_url + "appeal-deadline/#" + ANSWERS)
    last_day = answered_from_the_address(page)

    page.reload()
    assert answered_from_the_address(page) == last_day
    assert server_log[start:][:1] == [f"GET /appeal-deadline/?{ANSWERS} HTTP/1.1"]  # the old link itself
    assert [line for line in server_log[start + 1:] if telling(line)] == []


def test_answers_put_in_the_address_of_an_open_page_are_answered(page):
    """A bookmark opened in a tab already on the page changes only the fragment: no page load."""
    page.goto("appeal-deadline/")
    wait_ready(page.locator(ROOT))
    page.evaluate("window.__sameDocument = true")
    page.goto("appeal-deadline/#" + ANSWERS)
    first = answered_from_the_address(page)
    page.evaluate("location.hash = 'calculator=appeal-deadline&letter-sent=2025-11-03'")
    expect(page.locator(ROOT).locator(LAST_DAY)).not_to_have_attribute("datetime", first)
    expect(page.locator("#letter-sent-month")).to_have_value("11")
    assert page.evaluate("window.__sameDocument") is True


# -- the Content-Security-Policy ----------------------------------------------------------------------------

def test_every_page_has_one_strict_policy_before_any_script(site_dir):
    policies = set()
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        found = POLICY.findall(html)
        assert len(found) == 1, path
        assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script"), path
        policy = directives(found[0])
        scripts = policy["script-src"]
        for script in Scripts.of(html).inline:
            assert sha256_source(script) in scripts, f"{path}: an inline script is not allowed: {script[:80]}"
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
        assert policy["default-src"] == policy["object-src"] == policy["base-uri"] == ["'none'"]
        assert "frame-ancestors" not in policy  # a <meta> policy cannot set it
        sources = [source for listed in policy.values() for source in listed]
        assert [s for s in sources if "*" in s or s in ("https:", "http:", "'unsafe-inline'")] == []
        policies.add(found[0])
    assert len(policies) == 1, "instant navigation keeps the first page's policy: it must be the same"


def test_an_injected_inline_script_and_event_handler_are_blocked(page, csp_violations):
    """What a cross-site scripting flaw would inject: a <script>, or markup with an onclick.

    (That eval is blocked cannot be shown from here: the test driver's own code may always use it.
    The policy test above checks that script-src has no 'unsafe-eval'.)"""
    page.goto("")
    blocked = page.evaluate(
        """() => new Promise((resolve) => {
          document.addEventListener("securitypolicyviolation",
            (event) => resolve(event.effectiveDirective), {once: true});
          const script = document.createElement("script");
          script.textContent = "window.__injected = 'script'";
          document.body.append(script);
        })"""
    )
    assert blocked.startswith("script-src")  # script-src-elem where the browser has it
    page.evaluate("""document.body.insertAdjacentHTML("beforeend",
        '<button id="injected" onclick="window.__injected = \\'onclick\\'">Injected</button>')""")
    page.locator("#injected").click()
    assert page.evaluate("window.__injected") is None
    for _ in range(100):  # the fixture hears of both through the page, a moment later
        if len(csp_violations) >= 2:
            break
        page.wait_for_timeout(50)
    assert len(csp_violations) == 2, csp_violations
    assert all(v.startswith("script-src") and " blocked inline " in v for v in csp_violations), csp_violations
    csp_violations.clear()  # what was blocked is the point of this test
