"""Fixtures for the end-to-end tests: Debian's Chromium, the site built for and served from a
random port on 127.0.0.1, a record of every request, and checks that fail on page errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.site import CHROMIUM_ARGS, built_and_served, chromium_path


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
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
    """(site directory, base URL): the site built for the exact origin it is served from."""
    site_dir = tmp_path_factory.mktemp("site")
    with built_and_served(site_dir) as base_url:
        yield site_dir, base_url


@pytest.fixture(scope="session")
def site_dir(built_site):
    return built_site[0]


@pytest.fixture(scope="session")
def base_url(built_site):
    return built_site[1]


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


@pytest.fixture
def page(page, page_errors):
    page.on("pageerror", lambda error: page_errors.append(f"{error.name}: {error.message}"))
    yield page
    assert page_errors == [], "uncaught errors in the page:\n" + "\n".join(page_errors)



@pytest.fixture(scope="module")
def session(browser, base_url, request):
    """One context and one page for a whole module, with "today" pinned to the module's ``TODAY``
    and every request and uncaught page error recorded (for modules that reuse one page)."""
    context = browser.new_context(
        base_url=base_url, accept_downloads=True, timezone_id="Europe/London", **NO_SERVICE_WORKER
    )
    context.clock.set_fixed_time(request.module.TODAY)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda req: requests.append(req.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{error.name}: {error.message}"))
    yield {"context": context, "page": page, "requests": requests, "errors": errors}
    context.close()
