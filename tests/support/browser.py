"""Page-level helpers for the end-to-end tests, written against the browser protocol in
docs/decisions/001-one-library-two-runtimes.md."""

from __future__ import annotations

import re

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


def wait_ready(root, timeout=PYTHON_READY_TIMEOUT_MS):
    """Wait until a calculator root says Python is ready (data-state="ready").

    Fails at once if the root says Python could not start (data-state="error").
    """
    expect(root).to_have_attribute("data-state", re.compile("^(ready|error)$"), timeout=timeout)
    expect(root, "Python could not start (see the console)").to_have_attribute("data-state", "ready")


def click_link_to(page, url: str) -> None:
    """Click, like a reader would, a visible link whose resolved address is ``url``."""
    marked = page.evaluate(
        """url => {
          for (const old of document.querySelectorAll("[data-test-link]")) {
            old.removeAttribute("data-test-link");
          }
          const link = [...document.querySelectorAll("a[href]")]
            .find(a => a.href === url && a.checkVisibility());
          if (link) link.setAttribute("data-test-link", "");
          return Boolean(link);
        }""",
        url,
    )
    assert marked, f"no visible link to {url} on {page.url}"
    page.locator("[data-test-link]").click()
