"""Fixtures for the end-to-end tests: Debian's Chromium (or Playwright's browsers in CI), the site
built for and served from a random port on 127.0.0.1, a record of every request, and checks that
fail on page errors and on anything the site's Content-Security-Policy blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.site import CHROMIUM_ARGS, built_and_served, chromium_path, foreign_requests


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


def pytest_runtest_setup(item):
    """``@pytest.mark.chromium_only(reason)``: a check only Chromium can make is skipped, with its
    reason, in the other browsers (``--browser firefox`` or ``webkit``, run in CI)."""
    marker = item.get_closest_marker("chromium_only")
    browser = item.callspec.params.get("browser_name") if hasattr(item, "callspec") else None
    if marker and browser not in (None, "chromium"):
        pytest.skip(f"Chromium only: {marker.args[0]}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_name):
    if browser_name != "chromium":
        return browser_type_launch_args  # Playwright's own Firefox or WebKit
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


# The site's service worker (docs/assets/js/offline.js) is blocked in these tests, which check a
# first visit: what a page itself fetches (each file once), and what a broken download shows
# (page.route does not see what a service worker answers from its cache). Left running, it would
# also download the whole site again in the background in every test's context.
# tests/e2e/test_offline.py allows it, and tests what it does.
NO_SERVICE_WORKER = {"service_workers": "block"}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **NO_SERVICE_WORKER}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """(site directory, Served): the site built for the exact origin it is served from."""
    site_dir = tmp_path_factory.mktemp("site")
    with built_and_served(site_dir) as served:
        yield site_dir, served


@pytest.fixture(scope="session")
def site_dir(built_site):
    return built_site[0]


@pytest.fixture(scope="session")
def base_url(built_site):
    return built_site[1].url


@pytest.fixture(scope="session")
def server_log(built_site):
    """Every request line the test server has received, as a web host would log it."""
    return built_site[1].requests


@pytest.fixture
def requests_seen(context):
    """Every URL requested in the context: pages, dedicated workers and service workers."""
    seen = []
    context.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.fixture
def page_errors():
    """Uncaught errors in the page. A test that provokes one on purpose empties the list."""
    return []


# Reports every securitypolicyviolation event of every document in a context, from its start.
CSP_WATCH = """document.addEventListener("securitypolicyviolation", (event) => window.__cspViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
  + ` at ${event.sourceFile}:${event.lineNumber}`));"""


def watch_csp(context) -> list[str]:
    """A list that collects what the Content-Security-Policy blocks in ``context``."""
    violations: list[str] = []
    context.expose_function("__cspViolation", lambda text: violations.append(text))
    context.add_init_script(CSP_WATCH)
    return violations


@pytest.fixture
def csp_violations(context):
    """What the policy blocked during the test. A test that provokes a violation empties the list."""
    return watch_csp(context)


@pytest.fixture
def page(page, page_errors, csp_violations):
    page.on("pageerror", lambda error: page_errors.append(f"{error.name}: {error.message}"))
    yield page
    assert page_errors == [], "uncaught errors in the page:\n" + "\n".join(page_errors)
    assert csp_violations == [], "the Content-Security-Policy blocked:\n" + "\n".join(csp_violations)



@pytest.fixture(scope="module")
def session(browser, base_url, request):
    """One context and one page for a whole module, with "today" pinned to the module's ``TODAY``
    and every request, uncaught page error and policy violation recorded (for modules that reuse
    one page)."""
    context = browser.new_context(
        base_url=base_url, accept_downloads=True, timezone_id="Europe/London", **NO_SERVICE_WORKER
    )
    context.clock.set_fixed_time(request.module.TODAY)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda req: requests.append(req.url))
    violations = watch_csp(context)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{error.name}: {error.message}"))
    yield {"context": context, "page": page, "requests": requests, "errors": errors,
           "csp_violations": violations}
    context.close()


@pytest.fixture
def shared_page(session):
    """The module's shared page (``session``). The test fails on an uncaught error in the page or
    a request that would leave 127.0.0.1. A module that reuses one page makes it its ``page``."""
    yield session["page"]
    assert session["errors"] == [], "uncaught errors in the page:\n" + "\n".join(session["errors"])
    assert foreign_requests(session["requests"]) == []


@pytest.fixture(autouse=True)
def _nothing_blocked_in_a_shared_page(request):
    """A test on a module's shared page fails if the policy blocked anything during it."""
    yield
    if "session" in request.fixturenames:
        violations = request.getfixturevalue("session")["csp_violations"]
        assert violations == [], "the Content-Security-Policy blocked:\n" + "\n".join(violations)
