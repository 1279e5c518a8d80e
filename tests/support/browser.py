"""Page-level helpers for the end-to-end tests, written against the browser protocol in
docs/decisions/001-one-library-two-runtimes.md."""

from __future__ import annotations

import re

import icalendar
from playwright.sync_api import expect

# Pyodide starts in about 3 s here, but the machine is shared: wait generously.
PYTHON_READY_TIMEOUT_MS = 90_000

# Records the main thread's long tasks, and its long animation frames with the scripts that ran
# in them, from the very start of each document.
LONG_TASK_RECORDER = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) {
    window.__longTasks.push({start: task.startTime, duration: task.duration});
  }
}).observe({type: "longtask", buffered: true});
window.__longFrames = [];
if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")) {
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries()) {
      window.__longFrames.push({
        start: frame.startTime,
        duration: frame.duration,
        scripts: frame.scripts.map((script) => ({url: script.sourceURL, duration: script.duration})),
      });
    }
  }).observe({type: "long-animation-frame", buffered: true});
}
"""


# Resolves once the site's service worker is active, so its precache is complete, and in control
# of the page (a first visit's page is claimed; later deploys wait until no tab of the site is open).
SERVICE_WORKER_IN_CONTROL = """async (timeout) => {
  const deadline = performance.now() + timeout;
  while (!navigator.serviceWorker.controller || navigator.serviceWorker.controller.state !== "activated") {
    if (performance.now() > deadline) return false;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return true;
}"""


def wait_ready(root, timeout=PYTHON_READY_TIMEOUT_MS):
    """Wait until a calculator root says Python is ready (data-state="ready").

    Fails at once if the root says Python could not start (data-state="error").
    """
    expect(root).to_have_attribute("data-state", re.compile("^(ready|error)$"), timeout=timeout)
    expect(root, "Python could not start (see the console)").to_have_attribute("data-state", "ready")


def click_link_to(page, url: str) -> None:
    """Click, like a reader would, a visible link whose resolved address is ``url``: one in the
    article if there is one (on a phone's screen, the navigation is in a closed drawer)."""
    marked = page.evaluate(
        """url => {
          for (const old of document.querySelectorAll("[data-test-link]")) {
            old.removeAttribute("data-test-link");
          }
          const links = [...document.querySelectorAll("article a[href]"),
                         ...document.querySelectorAll("a[href]")];
          const link = links.find(a => a.href === url && a.checkVisibility());
          if (link) link.setAttribute("data-test-link", "");
          return Boolean(link);
        }""",
        url,
    )
    assert marked, f"no visible link to {url} on {page.url}"
    page.locator("[data-test-link]").click()


def print_and_download_calendar(root, tmp_path, filename: str):
    """Press the answer's print button (window.print is stubbed and must be called), then download
    its calendar file, check its name, and return it parsed with icalendar."""
    page = root.page
    page.evaluate("window.__printed = 0; window.print = () => { window.__printed += 1; }")
    root.locator('button[data-action="print"]').click()
    page.wait_for_function("window.__printed >= 1")
    with page.expect_download() as info:
        root.locator('a[data-action="calendar"]').click()
    download = info.value
    assert download.suggested_filename == filename
    target = tmp_path / filename
    download.save_as(target)
    return icalendar.Calendar.from_ical(target.read_bytes())


def fresh(page, path: str, selector: str):
    """Load ``path`` afresh (no answer, no query) and wait until its calculator is ready."""
    page.goto(path)
    root = page.locator(selector)
    wait_ready(root)
    return root


def type_date(page, day: str, month: str, year: str) -> None:
    """Type a date into the focused GOV.UK date input's 3 boxes, pressing Tab after each."""
    for part in (day, month, year):
        page.keyboard.type(part)
        page.keyboard.press("Tab")


def wait_until_kept(page) -> None:
    """Wait until the service worker is installed, active and in control of the page."""
    assert page.evaluate(SERVICE_WORKER_IN_CONTROL, PYTHON_READY_TIMEOUT_MS), "no service worker took over"


def first_visit(context):
    """A reader's first visit to the appeal-deadline page, until its calculator is ready and the
    service worker keeps the site. Returns the page."""
    page = context.new_page()
    page.goto("appeal-deadline/")
    wait_ready(page.locator('[data-calculator="appeal-deadline"]'))
    wait_until_kept(page)
    return page


def answer_each_calculator(page, path: str, names: list[str]) -> None:
    """Every calculator on the page gives an answer: the empty form gets Python's error answer."""
    page.goto(path)
    for name in names:
        root = page.locator(f'[data-calculator="{name}"]')
        wait_ready(root)
        title = page.title().removeprefix("Error: ")
        root.locator("form").first.evaluate("form => form.requestSubmit()")
        expect(page).to_have_title("Error: " + title)
        expect(root.locator(".govuk-error-summary")).to_be_visible()
