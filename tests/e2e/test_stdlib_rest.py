"""The rest of the standard library (docs/assets/py/stdlib_rest.py): the modules that no calculator
is known to import ship in a second zip, which a first visit does not download. No calculator
needs it; an import that does gets it there and then, once, in the real worker; and after one
visit it comes from the service worker's cache with the network off.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from tests.support.browser import PYTHON_READY_TIMEOUT_MS, answer_each_calculator, first_visit, wait_ready
from tests.support.site import calculator_pages

pytestmark = pytest.mark.e2e

REST = re.compile(r"/assets/pyodide/python_stdlib_rest\.[0-9a-f]{10}\.zip$")

# Python run in a worker started as the calculators' is (PyScript's PyWorker, the site's loader),
# from a script given as a blob: it imports three modules that only the second zip holds.
PROBE = """
import json
import sys


def probe():
    from datetime import datetime  # datetime.strptime imports _strptime
    import difflib
    import statistics

    finder = next(f for f in sys.meta_path if type(f).__name__ == "RestOfTheStandardLibrary")
    return json.dumps({
        "parsed": datetime.strptime("2026-12-01", "%Y-%m-%d").date().isoformat(),
        "ratio": difflib.SequenceMatcher(None, "mediation", "meditation").ratio(),
        "mean": statistics.mean([2, 4, 9]),
        "difflib": difflib.__file__,
        "downloads": finder.downloads,
    })


__export__ = ["probe"]
"""
RUN_PROBE = """async ([code, root]) => {
  const { PyWorker } = await import(new URL("assets/pyscript/core.js", root).href);
  const script = URL.createObjectURL(new Blob([code], { type: "text/x-python" }));
  const python = await PyWorker(script, { version: new URL("assets/js/pyodide-loader.js", root).href });
  return await python.sync.probe();
}"""


def run_probe(page, base_url: str) -> dict:
    return json.loads(page.evaluate(RUN_PROBE, [PROBE, base_url]))


@pytest.fixture
def probe_context(browser, base_url):
    """A context that may run the probe's worker from a blob (the site's policy allows only its
    own scripts), with the service worker allowed, as a reader's browser has it."""
    context = browser.new_context(base_url=base_url, service_workers="allow", bypass_csp=True)
    yield context
    context.close()


def test_no_calculator_needs_the_rest_of_the_standard_library(page, site_dir):
    """Every calculator starts, rehearses and answers with the second zip unreachable, and none
    asks for it (service workers are blocked here, so the worker's own requests show)."""
    asked: list[str] = []

    def refuse(route):
        asked.append(route.request.url)
        route.abort()

    shipped = [path.name for path in (site_dir / "assets" / "pyodide").iterdir()
               if REST.search(f"/assets/pyodide/{path.name}")]
    assert len(shipped) == 1, shipped  # the route below refuses the zip the site really ships
    page.route(REST, refuse)
    for path, names in calculator_pages(site_dir).items():
        answer_each_calculator(page, path, names)
        page.wait_for_function(
            "() => performance.getEntriesByName('calculators:prepared').length > 0",
            timeout=PYTHON_READY_TIMEOUT_MS,
        )
    page.goto("appeal-deadline/#calculator=appeal-deadline&letter-sent=2025-10-01")
    expect(page.locator('[data-result="last-day"] time')).to_have_attribute("datetime", "2025-12-01")
    assert asked == []


def test_an_import_that_needs_it_downloads_it_once_and_it_works_offline_after_one_visit(
    probe_context, base_url
):
    requests: list[str] = []
    probe_context.on("request", lambda request: requests.append(request.url))
    page = first_visit(probe_context)

    found = run_probe(page, base_url)
    assert found["parsed"] == "2026-12-01"
    assert found["ratio"] == pytest.approx(18 / 19)
    assert found["mean"] == 5
    assert found["difflib"] == "/lib/python_stdlib_rest.zip/difflib.py"
    assert found["downloads"] == 1  # three modules, one download

    probe_context.set_offline(True)
    page.reload()
    wait_ready(page.locator('[data-calculator="appeal-deadline"]'))
    found = run_probe(page, base_url)
    assert found["parsed"] == "2026-12-01" and found["downloads"] == 1
    assert [url for url in requests if REST.search(url)], "the second zip was never requested"
