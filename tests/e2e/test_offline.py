"""The service worker (docs/assets/js/offline.js registers the sw.js that scripts/
service_worker.mjs writes with Workbox): after one visit, every page and every calculator works
with the network off; a new build replaces the old cache; with Save-Data on, nothing large is
fetched until the reader opens a calculator; and no request leaves 127.0.0.1.

The other e2e modules block service workers (conftest.py); these contexts allow them.
"""

from __future__ import annotations

import os
import shutil
import time
import zipfile

import pytest
from hooks import site as hook
from playwright.sync_api import expect
from tests.support.browser import (
    PYTHON_READY_TIMEOUT_MS,
    answer_each_calculator,
    click_link_to,
    first_visit,
    wait_ready,
    wait_until_kept,
)
from tests.support.site import calculator_pages, foreign_requests, page_paths, serve

pytestmark = pytest.mark.e2e

# Resolves once a new service worker has been installed and waits to take over.
NEW_WORKER_WAITING = """async (timeout) => {
  const deadline = performance.now() + timeout;
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update();
  while (!registration.waiting) {
    if (performance.now() > deadline) return false;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return true;
}"""
# True once no worker waits: the one that waited is the active one.
NEW_WORKER_IN_CHARGE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return !!registration && !!registration.active && !registration.waiting && !registration.installing;
}"""
CACHE_CONTENTS = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    found[name] = (await (await caches.open(name)).keys()).map(request => request.url);
  }
  return found;
}"""
SAVE_DATA = "Object.defineProperty(NetworkInformation.prototype, 'saveData', {get: () => true});"


@pytest.fixture
def online_context(browser, base_url):
    context = browser.new_context(base_url=base_url, service_workers="allow")
    yield context
    context.close()


def open_after_takeover(context, timeout_ms: float):
    """The site opened again once the worker that waited has taken over. The browser lets it take
    over in its own time after the last tab of the site closes, and not while a tab of the site is
    open: a tab opened too soon is closed again and the site reopened a moment later, as a reader
    might. Returns the page, or None if the old worker was still in control at the deadline."""
    blank = context.new_page()  # not a client of the site: a place to wait
    deadline = time.monotonic() + timeout_ms / 1000
    try:
        while time.monotonic() < deadline:
            page = context.new_page()
            page.goto("")
            if page.evaluate(NEW_WORKER_IN_CHARGE):
                return page
            page.close()
            blank.wait_for_timeout(200)
        return None
    finally:
        blank.close()


def test_after_one_visit_every_page_and_calculator_works_offline(online_context, site_dir):
    requests: list[str] = []
    online_context.on("request", lambda request: requests.append(request.url))
    page = first_visit(online_context)

    online_context.set_offline(True)
    # Under the service worker, the page does not ask for the runtime ahead of the Python worker
    # (hooks/site.py, RUNTIME_PRELOAD): the worker's own requests are answered from the cache.
    page.goto("appeal-deadline/")
    wait_ready(page.locator('[data-calculator="appeal-deadline"]'))
    assert page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.initiatorType === 'fetch'"
        " && e.name.endsWith('/pyodide/python_stdlib.zip')).length"
    ) == 0
    for path in page_paths(site_dir):
        page.goto(path)
        expect(page.locator("h1").first).to_be_visible()
    page.goto("appeal-deadline/?calculator=appeal-deadline&letter-sent=2025-10-01")
    expect(page.locator('[data-result="last-day"] time')).to_be_visible(timeout=PYTHON_READY_TIMEOUT_MS)
    for path, names in calculator_pages(site_dir).items():
        answer_each_calculator(page, path, names)
    assert foreign_requests(requests) == []


def test_a_new_build_replaces_the_old_cache(browser, site_dir, tmp_path):
    """A new deploy: a page and the standard library change. The old worker keeps serving the old
    files while a tab of the site is open; once none is, the new worker takes over, the old cache
    is gone and the calculators still answer offline, from the new one."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    deployed = time.time()
    for path in copy.rglob("*"):  # deployed now: the browser's HTTP cache revalidates them soon
        os.utime(path)
    with serve(copy) as served:
        base_url = served.url
        context = browser.new_context(base_url=base_url, service_workers="allow")
        try:
            page = context.new_page()
            page.goto("")  # a guidance page: the worker is registered once it has loaded
            wait_until_kept(page)
            old = page.evaluate(CACHE_CONTENTS)
            assert len(old) == 1, old
            [old_name] = old
            # The test server sends no Cache-Control, so the browser keeps each file fresh for a
            # tenth of its age when fetched (RFC 9111, 4.2.2; Last-Modified is whole seconds).
            # Until then the new worker would be given the old standard library, refuse it by its
            # integrity hash and wait for a later visit, as the README says; this deploy comes later.
            page.wait_for_timeout((0.1 * (time.time() - deployed + 1)) * 1000 + 100)

            index = copy / "index.html"
            index.write_text(index.read_text(encoding="utf-8").replace("</h1>", " (new build)</h1>", 1))
            with zipfile.ZipFile(copy / hook.PYODIDE_TARGET / hook.STDLIB_ZIP, "a") as stdlib:
                stdlib.writestr("new_build_marker.py", "NEW = True\n")
            hook._service_worker(copy)

            installed = page.evaluate(NEW_WORKER_WAITING, PYTHON_READY_TIMEOUT_MS)
            assert installed, "the new build was not installed"
            page.reload()  # the tab is still open: the old worker still answers, with the old page
            expect(page.locator("h1").first).not_to_contain_text("(new build)")

            page.close()  # no tab of the site is left: the new worker takes over
            page = open_after_takeover(context, PYTHON_READY_TIMEOUT_MS)
            assert page is not None, "the new worker never took over"
            wait_until_kept(page)
            page.reload()
            expect(page.locator("h1").first).to_contain_text("(new build)")
            new = page.evaluate(CACHE_CONTENTS)
            assert old_name not in new and len(new) == 1, new

            context.set_offline(True)
            page.goto("appeal-deadline/")
            expect(page.locator("h1").first).to_be_visible()
            answer_each_calculator(page, "appeal-deadline/", ["appeal-deadline"])
        finally:
            context.close()


def test_with_save_data_nothing_large_is_fetched_until_a_calculator_is_opened(browser, base_url, site_dir):
    context = browser.new_context(base_url=base_url, service_workers="allow")
    try:
        context.add_init_script(SAVE_DATA)
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.goto("", wait_until="load")
        page.wait_for_timeout(2_000)  # time enough for a registration on load to start
        assert page.evaluate("navigator.connection.saveData") is True
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")
        assert not [url for url in requests if "/assets/pyodide/" in url or url.endswith(".zip")]

        first = next(iter(calculator_pages(site_dir)))
        click_link_to(page, base_url + first)
        wait_ready(page.locator("[data-calculator]").first)
        wait_until_kept(page)
        assert foreign_requests(requests) == []
    finally:
        context.close()
