"""The built site as a whole: accessible, self-contained, readable without JavaScript, and
calculators whose Python starts in a worker that survives Material's instant navigation."""

from __future__ import annotations

import fnmatch
import json
import re
import runpy
import zipfile

import pytest
from hooks import site as hook
from playwright.sync_api import expect
from tests.support.axe import axe_violations
from tests.support.browser import LONG_TASK_RECORDER, click_link_to, wait_ready
from tests.support.site import ROOT, calculator_pages, foreign_requests, page_paths

pytestmark = pytest.mark.e2e

# The main thread must never be blocked for this long while Python starts. Starting Pyodide on
# the main thread blocks it for about 2.5 s in one task here; in the worker it is not blocked.
LONGEST_ALLOWED_TASK_MS = 200

# Counts the workers the document starts from blob: URLs, as PyScript does (Material's search
# worker has a plain URL).
WORKER_COUNTER = """
window.__pythonWorkers = 0;
window.Worker = class extends window.Worker {
  constructor(url, options) {
    super(url, options);
    if (String(url).startsWith("blob:")) window.__pythonWorkers += 1;
  }
};
"""


@pytest.fixture(scope="session")
def pages(site_dir):
    return page_paths(site_dir)


@pytest.fixture(scope="session")
def calculators(site_dir):
    found = calculator_pages(site_dir)
    assert found, "no page of the built site holds a calculator"
    return found


def calculator_roots(page):
    return page.locator("[data-calculator]")


def wait_all_ready(page):
    """Every calculator on a calculator page is ready. The first root is waited for, so that a page
    instant navigation has not swapped in yet (no roots) cannot pass."""
    roots = calculator_roots(page)
    expect(roots.first).to_be_attached()
    for index in range(roots.count()):
        wait_ready(roots.nth(index))


def test_the_site_has_its_pages_and_the_runtime(site_dir, pages, calculators):
    assert "" in pages
    for path in (
        "assets/pyscript/core.js",
        "assets/pyodide/pyodide.mjs",
        "assets/pyodide/pyodide.asm.wasm",
        "assets/py/calculators_worker.py",
    ):
        assert (site_dir / path).is_file(), path
    assert not list((site_dir / "assets/pyscript").glob("*.map"))
    package = hook.rules_zip(site_dir)
    loader = (site_dir / hook.LOADER).read_text(encoding="utf-8")
    assert f'"../py/{package.name}"' in loader and hook.RULES_PLACEHOLDER not in loader
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
    licence = f"{hook.DATEUTIL_DIST_INFO}licenses/LICENSE"
    assert {"sendrules/web/__init__.py", "dateutil/relativedelta.py", licence} <= names


def test_calculator_pages_start_python_from_the_head_and_other_pages_do_not(site_dir, pages, calculators):
    for path in pages:
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        starts = re.findall(r'<script>import\("([^"]+)"\)', head)
        preloads = re.findall(r'<link rel="modulepreload" href="([^"]+)">', head)
        if path not in calculators:
            assert starts == preloads == [], path
            continue
        assert [s.rsplit("/", 1)[-1] for s in starts] == ["start-python.js"], path
        assert head.index("<script>import(") < head.index('rel="stylesheet"'), "start before the styles"
        names = {p.rsplit("/", 1)[-1] for p in preloads}
        assert {"core.js", "calculators.js"} <= names and any(n.startswith("core-") for n in names)
        runtime = json.loads(re.search(r"for\(const href of (\[[^\]]*\])\)", head)[1])
        assert [url.rsplit("/", 1)[-1] for url in runtime] == list(hook.PRELOADED_RUNTIME), path
        assert "if(!navigator.serviceWorker?.controller)for(const href of" in head, path
        assert 'fetch(href,{priority:"low"})' in head, path
        for url in [*starts, *preloads, *runtime]:
            assert (site_dir / path / url).resolve().is_file(), f"{path}: {url}"


def test_the_worker_exports_what_the_glue_calls():
    names = runpy.run_path(str(ROOT / "docs/assets/py/calculators_worker.py"))
    glue = (ROOT / "docs/assets/js/calculators.js").read_text()
    called = set(re.findall(r"python\.sync\.(\w+)\(", glue))
    assert called == set(names["__export__"]) == {"prepare", "render", "started"}
    assert all(callable(names[name]) for name in called)
    # How Python started, as the loader sets it in the worker's globals (pyodide-loader.js).
    assert names["started"]() == "fresh"
    worker = str(ROOT / "docs/assets/py/calculators_worker.py")
    assert runpy.run_path(worker, init_globals={"PYTHON_START": "kept"})["started"]() == "kept"
    loader = (ROOT / "docs/assets/js/pyodide-loader.js").read_text()
    assert 'pyodide.globals.set("PYTHON_START", how)' in loader
    cache = re.search(r'const KEPT_START_CACHE = "([^"]+)"', glue)[1]
    assert cache == re.search(r'const START_CACHE = "([^"]+)"', loader)[1]


# Desktop, and a phone as most parents read the guide (390 px: an iPhone 12 to 15 in portrait).
VIEWPORTS = [
    pytest.param({"width": 1280, "height": 720}, id="desktop"),
    pytest.param({"width": 390, "height": 844}, id="phone-390px"),
]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_passes_axe_and_nothing_leaves_the_machine(
    page, requests_seen, pages, calculators, viewport
):
    page.set_viewport_size(viewport)
    failures = []
    for path in pages:
        page.goto(path)
        if path in calculators:
            wait_all_ready(page)  # check the calculators' forms too, and every request they make
        violations = axe_violations(page)
        if violations:
            failures.append(f"/{path}:\n  " + "\n  ".join(violations))
    assert failures == [], "axe found WCAG 2.2 A/AA violations:\n" + "\n".join(failures)
    assert foreign_requests(requests_seen) == []


def test_no_page_scrolls_sideways_on_a_390px_phone(page, pages, calculators):
    """Wide tables read as labelled cards (hooks/pages.py, site.css), so neither the page nor any
    table needs sideways scrolling, and every table cell keeps a visible label."""
    page.set_viewport_size({"width": 390, "height": 844})
    too_wide = []
    for path in pages:
        page.goto(path)
        if path in calculators:
            wait_all_ready(page)
        widths = page.evaluate(
            """() => ({page: document.documentElement.scrollWidth - window.innerWidth,
                      tables: [...document.querySelectorAll('.md-typeset__scrollwrap')]
                                .map(wrap => wrap.scrollWidth - wrap.clientWidth)})"""
        )
        if widths["page"] > 0 or any(extra > 0 for extra in widths["tables"]):
            too_wide.append(f"/{path}: {widths}")
        stacked = page.locator("table[data-stack] td")
        for index in range(stacked.count()):
            label = stacked.nth(index).evaluate("td => getComputedStyle(td, '::before').content")
            assert label not in ("", "none", "normal"), f"/{path}: a stacked table cell has no label"
    assert too_wide == [], "pages wider than a 390 px phone:\n" + "\n".join(too_wide)


def test_a_calculator_page_loaded_directly_becomes_ready(page, requests_seen, server_log, calculators):
    path = next(iter(calculators))
    start = len(server_log)
    page.goto(path)
    roots = calculator_roots(page)
    expect(roots).to_have_count(len(calculators[path]))
    wait_all_ready(page)
    assert page.evaluate("performance.getEntriesByName('calculators:python-ready').length") == 1
    # Each file crosses the network once, including the zip that pyodide-loader.js fetches
    # itself, and the two of Pyodide's files that the page asks for ahead of the worker
    # (hooks/site.py, PRELOADED_RUNTIME) and the worker then gets from the browser's cache.
    served = [line.split()[1] for line in server_log[start:]]
    for name in ("calculators_worker.py", "sendrules.*.zip", "pyodide.asm.wasm", *hook.PRELOADED_RUNTIME):
        assert sum(fnmatch.fnmatch(url, "*/" + name) for url in served) == 1, (name, served)
        assert any(fnmatch.fnmatch(url, "*/" + name) for url in requests_seen), name
    assert foreign_requests(requests_seen) == []
    started = page.evaluate("performance.getEntriesByName('calculators:python-starting')[0].startTime")
    asked = page.evaluate(
        "names => performance.getEntriesByType('resource')"
        ".filter(e => e.initiatorType === 'fetch' && names.some(n => e.name.endsWith('/pyodide/' + n)))"
        ".map(e => e.startTime)",
        list(hook.PRELOADED_RUNTIME),
    )
    assert len(asked) == len(hook.PRELOADED_RUNTIME) and max(asked) < started, (asked, started)
    assert pyscript_plugins(served) == ["error"], served


# PyScript's chunks other than its core, each named NAME-HASH.js: its plugins and what they load
# (calculators.js leaves every plugin out; "!error" still imports the error plugin, to tell it the
# page shows its own errors). No list of names, so a chunk PyScript adds is caught too.
PYSCRIPT_CHUNK = re.compile(r"/assets/pyscript/([a-z][\w-]*?)-[\w-]{8}\.js$")


def pyscript_plugins(urls) -> list[str]:
    return sorted({
        match.group(1) for url in urls
        if (match := PYSCRIPT_CHUNK.search(url.split("?")[0])) and match.group(1) != "core"
    })


def test_pyscript_plugins_are_matched_by_their_chunk_names():
    urls = [
        "/assets/pyscript/py-editor-C4XsZtn7.js",
        "/x/assets/pyscript/error-D2315lOB.js?v",
        "/assets/pyscript/core-C9KDLldu.js",
        "/assets/pyscript/core.js",
        "/assets/pyscript/codemirror_state-DxSVIxgn.js",
    ]
    assert pyscript_plugins(urls) == ["codemirror_state", "error", "py-editor"]


# Notes when the deadline answer first appears in the page, before any of the page's scripts run.
ANSWER_SEEN = """new MutationObserver((records, observer) => {
  if (document.querySelector('[data-result="last-day"]')) {
    window.__answerSeenAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true});"""


def test_an_answer_in_the_address_does_not_wait_for_the_rehearsals(page):
    """calculators.js sends the calculators' rehearsals (prepare) to the worker after any answer
    already asked for; the worker takes calls in order, so the answer comes first."""
    page.add_init_script(ANSWER_SEEN)
    page.goto("appeal-deadline/#calculator=appeal-deadline&letter-sent=2025-10-01")
    expect(page.locator('[data-result="last-day"] time')).to_be_visible(timeout=90_000)
    page.wait_for_function("performance.getEntriesByName('calculators:prepared').length > 0")
    answered = page.evaluate("window.__answerSeenAt")
    prepared = page.evaluate("performance.getEntriesByName('calculators:prepared')[0].startTime")
    assert answered < prepared


def test_instant_navigation_keeps_the_document_and_reuses_one_python_worker(
    page, base_url, requests_seen, calculators
):
    first, second = list(calculators)[:2]
    page.add_init_script(WORKER_COUNTER)

    page.goto("")
    page.evaluate("window.__sameDocument = true")
    click_link_to(page, base_url + first)
    expect(page).to_have_url(base_url + first)
    wait_all_ready(page)
    assert page.evaluate("window.__sameDocument") is True, "the link was not an instant navigation"
    assert page.evaluate("window.__pythonWorkers") == 1

    click_link_to(page, base_url + second)
    expect(page).to_have_url(base_url + second)
    wait_all_ready(page)
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("window.__pythonWorkers") == 1, "a second Python worker was started"
    assert sum(url.endswith("/calculators_worker.py") for url in requests_seen) == 1
    assert sum(url.endswith("/pyodide.asm.wasm") for url in requests_seen) == 1
    assert page.evaluate("performance.getEntriesByName('calculators:python-starting').length") == 1
    # PyScript's core imported by the glue (no calculator on the first page) reads the same config.
    assert pyscript_plugins(requests_seen) == ["error"], requests_seen
    assert foreign_requests(requests_seen) == []


def test_an_answer_replaces_the_form_moves_focus_and_comes_back_from_the_address(page, calculators):
    """The glue's side of the protocol, with an empty form: Python answers with its error pattern."""
    path = next(iter(calculators))
    page.goto(path)
    root = calculator_roots(page).first
    wait_ready(root)
    name = root.get_attribute("data-calculator")
    title = page.title()
    built_html = root.inner_html()

    root.locator("form").first.evaluate("form => form.requestSubmit()")
    expect(page).to_have_title("Error: " + title)
    assert root.inner_html() != built_html
    assert root.evaluate("root => root.contains(document.activeElement)"), "focus was not moved to the answer"
    assert page.evaluate("location.hash") == ""

    page.goto("")  # then a fresh load of an address with the calculator's answers in it
    page.goto(f"{path}#calculator={name}")
    wait_ready(root)
    expect(page).to_have_title("Error: " + title)
    assert root.evaluate("root => root.contains(document.activeElement)")


def test_without_javascript_calculator_pages_still_read_fully(browser, base_url, calculators):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        for path in calculators:
            page.goto(path)
            expect(page.locator("h1")).to_be_visible()
            for index in range(calculator_roots(page).count()):
                root = calculator_roots(page).nth(index)
                expect(root).to_be_visible()
                text = root.inner_text()  # visible text only
                assert re.search(r"JavaScript", text), f"/{path}: no notice that JavaScript is needed"
                assert re.search(r"by hand", text, re.IGNORECASE), f"/{path}: no by-hand method"
    finally:
        context.close()


@pytest.mark.parametrize(
    ("broken_file", "break_it"),
    [
        pytest.param("**/pyodide.asm.wasm", lambda route: route.abort(), id="wasm-download-fails"),
        pytest.param(
            "**/pyodide.asm.wasm",
            lambda route: route.fulfill(status=200, body=b"not wasm"),
            id="wasm-is-corrupt",
        ),
        pytest.param(
            "**/sendrules.*.zip",
            lambda route: route.fulfill(status=200, body=b"not a zip", content_type="application/zip"),
            id="rules-package-is-corrupt",
        ),
        pytest.param(
            "**/sendrules.*.zip", lambda route: route.fulfill(status=404), id="rules-package-missing"
        ),
        pytest.param(
            "**/calculators_worker.py",
            lambda route: route.fulfill(status=200, body=b"import no_such_module\n"),
            id="worker-script-fails",
        ),
    ],
)
def test_if_python_cannot_start_the_calculator_says_so(page, page_errors, calculators, broken_file, break_it):
    path = next(iter(calculators))
    page.route(broken_file, break_it)
    page.goto(path)
    root = calculator_roots(page).first
    expect(root).to_have_attribute("data-state", "error", timeout=90_000)
    expect(root).to_be_visible()
    assert root.inner_text().strip(), "the calculator is blank when Python cannot start"
    page_errors.clear()  # the broken download is the point of this test


def test_a_missing_rules_package_is_reported_without_waiting_for_pyodide(page, page_errors, calculators):
    """pyodide-loader.js fails the start as soon as sendrules.zip cannot be downloaded. Pyodide's
    .wasm is held back and never arrives, so the error can only show if nothing waits for it."""
    page.route("**/pyodide.asm.wasm", lambda route: None)  # left pending: the download never ends
    page.route("**/sendrules.*.zip", lambda route: route.fulfill(status=404))
    page.goto(next(iter(calculators)))
    expect(calculator_roots(page).first).to_have_attribute("data-state", "error", timeout=90_000)
    page_errors.clear()  # the missing download is the point of this test


@pytest.mark.chromium_only("long tasks and long animation frames are timed only by Chromium")
def test_the_page_stays_responsive_while_python_starts(page, calculators):
    """Python starts while the page is still loading (README, "Performance"), so the page's own
    loading (its HTML, Material's bundle) can fall in the same time. Two checks: from the start of
    Python to ready, no long animation frame spends over LONGEST_ALLOWED_TASK_MS in our scripts
    (the glue, PyScript, Pyodide); and once the page is parsed, no long task of any kind does."""
    page.add_init_script(LONG_TASK_RECORDER)
    page.goto(next(iter(calculators)))
    wait_all_ready(page)
    assert page.evaluate("PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')")
    window = page.evaluate(
        """() => ({start: performance.getEntriesByName('calculators:python-starting')[0].startTime,
                   ready: performance.getEntriesByName('calculators:python-ready')[0].startTime,
                   parsed: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd})"""
    )

    def during(entry, start):
        return entry["start"] + entry["duration"] > start and entry["start"] < window["ready"]

    ours = re.compile(r"/assets/(js|pyscript|pyodide|py)/")
    in_our_scripts = [
        {"start": frame["start"],
         "ours_ms": sum(script["duration"] for script in frame["scripts"] if ours.search(script["url"]))}
        for frame in page.evaluate("window.__longFrames")
        if during(frame, window["start"])
    ]
    assert [f for f in in_our_scripts if f["ours_ms"] > LONGEST_ALLOWED_TASK_MS] == [], (
        f"Python's start blocked the main thread: {in_our_scripts}"
    )
    blocking = [
        task
        for task in page.evaluate("window.__longTasks")
        if during(task, max(window["start"], window["parsed"])) and task["duration"] > LONGEST_ALLOWED_TASK_MS
    ]
    assert blocking == [], f"the main thread was blocked while Python started: {blocking}"


def test_an_answer_prints_without_the_site_around_it_and_with_its_date_large(page):
    """The print stylesheet: no header, navigation or form on paper; the answer's date stands out."""
    page.goto("appeal-deadline/#calculator=appeal-deadline&letter-sent=2025-10-01")
    root = page.locator('[data-calculator="appeal-deadline"]')
    wait_ready(root)
    date = root.locator('[data-result="last-day"] time')
    expect(date).to_be_visible(timeout=30_000)

    page.emulate_media(media="print")
    site_around = (".md-header", ".md-sidebar--primary", ".md-footer")
    for hidden in (*site_around, '[data-calculator="appeal-deadline"] form'):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(date).to_be_visible()
    body_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)"
    )
    date_size = float(date.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert date_size >= 1.5 * body_size

    page.emulate_media(media="screen")
    expect(page.locator(".md-header")).to_be_visible()
