"""The Python start kept in the reader's browser (docs/assets/js/pyodide-loader.js).

The first visit starts Python afresh and keeps its memory, taken before PyScript or the reader has
done anything, in Cache Storage; every later start restores it. These tests check what a reader
would meet: the page says which start it had, later visits use the kept one and every calculator
answers from it exactly as from a fresh start, the kept start holds nothing the reader typed, and
a damaged, stale or failing kept start is never worse than none. Packing and restoring under
Node.js are in tests/unit/test_kept_start_packing.py.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect
from tests.support.browser import PYTHON_READY_TIMEOUT_MS, answer_each_calculator, wait_ready
from tests.support.site import calculator_pages

pytestmark = pytest.mark.e2e

CACHE = "calculators-python-start"
PACKED = 0x31535253  # "SRS1", the loader's header
LAST_DAY = "[data-result=\"last-day\"] time"
ANSWERED = "appeal-deadline/#calculator=appeal-deadline&letter-sent=2025-10-01"

# How the page's Python started: "kept" or "fresh" (the glue's mark, calculators.js).
HOW_STARTED = "performance.getEntriesByName('calculators:python-ready')[0].detail.start"

# What Cache Storage holds for the kept start: each entry's address, size and first word.
KEPT = """async (name) => {
  const cache = await caches.open(name);
  return Promise.all((await cache.keys()).map(async (request) => {
    const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
    return { url: request.url, size: bytes.length,
             magic: bytes.length >= 4 ? new DataView(bytes.buffer).getUint32(0, true) : null };
  }));
}"""


@pytest.fixture(scope="module")
def start_key(site_dir) -> str:
    """The address the built loader keeps this build's start under."""
    loader = (site_dir / "assets" / "js" / "pyodide-loader.js").read_text(encoding="utf-8")
    build = re.search(r'const START_BUILD = "([0-9a-f]{16})";', loader)
    assert build, "the build should write a hash of the runtime into the loader"
    return f"/assets/pyodide/start-{build[1]}.bin"


def visit(page, address: str | None = "appeal-deadline/") -> str:
    """Open ``address`` (None: load the page again), wait until its first calculator is ready;
    how Python started."""
    if address is None:
        page.reload()
    else:
        page.goto(address)
    wait_ready(page.locator("[data-calculator]").first)
    return page.evaluate(HOW_STARTED)


def until(page, script: str, arg) -> None:
    """Wait until the async function ``script`` resolves to something true. (Playwright's
    wait_for_function takes the promise an async function returns as true at once.)"""
    deadline = time.monotonic() + PYTHON_READY_TIMEOUT_MS / 1000
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        time.sleep(0.25)


def kept_once(page) -> list[dict]:
    """The kept start, once the first visit has finished keeping it (it keeps in the background)."""
    until(page, "async (name) => (await (await caches.open(name)).keys()).length > 0", CACHE)
    return page.evaluate(KEPT, CACHE)


def test_a_second_visit_starts_python_from_the_start_the_first_kept(page, start_key):
    assert visit(page, ANSWERED) == "fresh"
    root = page.locator('[data-calculator="appeal-deadline"]')
    expect(root.locator(LAST_DAY)).to_be_visible()
    fresh_answer = root.inner_html()
    [kept] = kept_once(page)
    assert kept["url"].endswith(start_key)
    assert kept["magic"] == PACKED
    # About 12 MB: Python's 31 MB of memory without its empty blocks.
    assert 4_000_000 < kept["size"] < 24_000_000, kept["size"]

    assert visit(page, None) == "kept"
    expect(root.locator(LAST_DAY)).to_be_visible()
    assert root.inner_html() == fresh_answer
    assert page.evaluate(KEPT, CACHE) == [kept], "a kept start is kept once, not again at every visit"


def test_every_calculator_answers_from_the_kept_start(page, site_dir):
    assert visit(page) == "fresh"
    kept_once(page)
    for path, names in calculator_pages(site_dir).items():
        answer_each_calculator(page, path, names)
        assert page.evaluate(HOW_STARTED) == "kept", path


# The kept start is unpacked and searched as text, with the loader's own unpack.
SEARCH_KEPT = """async ([name, needles, loader]) => {
  const { unpack } = await import(loader);
  const cache = await caches.open(name);
  const [request] = await cache.keys();
  const memory = unpack(new Uint8Array(await (await cache.match(request)).arrayBuffer()));
  const text = new TextDecoder("latin1").decode(memory);
  return Object.fromEntries(needles.map((needle) => [needle, text.includes(needle)]));
}"""


def test_the_kept_start_holds_nothing_the_reader_asked(page, base_url):
    """The first visit is opened with answers in its address, so the answer is asked for while
    Python starts; the start is kept before any answer is worked out, and holds none of it."""
    page.goto("appeal-deadline/#calculator=appeal-deadline&letter-sent=2025-10-07")
    root = page.locator('[data-calculator="appeal-deadline"]')
    wait_ready(root)
    expect(root.locator(LAST_DAY)).to_be_visible()
    assert "7 October 2025" in root.inner_text()
    kept_once(page)
    needles = ["sendrules.web", "2025-10-07", "7 October 2025"]
    found = page.evaluate(SEARCH_KEPT, [CACHE, needles, base_url + "assets/js/pyodide-loader.js"])
    # The first is there, so the search can find what Python holds; the reader's date is not.
    assert found == {"sendrules.web": True, "2025-10-07": False, "7 October 2025": False}


def test_a_damaged_or_stale_kept_start_gives_way_to_a_fresh_one(page, start_key, base_url):
    page.goto("help/")
    page.evaluate(
        """async ([name, current, stale]) => {
          const cache = await caches.open(name);
          await cache.put(current, new Response(new TextEncoder().encode("not a start")));
          await cache.put(stale, new Response(new Uint8Array([0x53, 0x52, 0x53, 0x31])));
        }""",
        [CACHE, base_url.rstrip("/") + start_key, base_url + "assets/pyodide/start-0000000000000000.bin"],
    )
    assert visit(page, ANSWERED) == "fresh"
    expect(page.locator(LAST_DAY)).to_be_visible()
    until(page, """async ([name, current]) => {
          const entries = await (await caches.open(name)).keys();
          return entries.length === 1 && entries[0].url.endsWith(current)
            && (await (await (await caches.open(name)).match(entries[0])).arrayBuffer()).byteLength > 1e6;
        }""", [CACHE, start_key])
    [kept] = page.evaluate(KEPT, CACHE)
    assert kept["magic"] == PACKED
    assert visit(page) == "kept"


def test_a_kept_start_pyodide_refuses_is_left_for_a_fresh_one(page, start_key, base_url):
    """A start the loader can unpack but Pyodide cannot restore (here, an empty memory of 1 MB)."""
    page.goto("help/")
    page.evaluate(
        """async ([name, current, loader]) => {
          const { pack } = await import(loader);
          const cache = await caches.open(name);
          await cache.put(current, new Response(pack(new Uint8Array(1 << 20))));
        }""",
        [CACHE, base_url.rstrip("/") + start_key, base_url + "assets/js/pyodide-loader.js"],
    )
    assert visit(page, ANSWERED) == "fresh"
    expect(page.locator(LAST_DAY)).to_be_visible()
    until(page, """async ([name, current]) => {
          const cache = await caches.open(name);
          const response = await cache.match(current);
          return !!response && (await response.arrayBuffer()).byteLength > 1e6;
        }""", [CACHE, base_url.rstrip("/") + start_key])
    assert visit(page) == "kept"


def test_if_python_fails_after_a_kept_start_the_kept_start_is_forgotten(page, page_errors):
    assert visit(page) == "fresh"
    kept_once(page)
    broken = b"import no_such_module\n"
    page.route("**/calculators_worker.py", lambda route: route.fulfill(status=200, body=broken))
    page.goto("appeal-deadline/")
    expect(page.locator('[data-calculator="appeal-deadline"]')).to_have_attribute(
        "data-state", "error", timeout=PYTHON_READY_TIMEOUT_MS)
    until(page, "async (name) => !(await caches.has(name))", CACHE)
    page_errors.clear()  # the broken worker script is the point of this test
    page.unroute("**/calculators_worker.py")
    assert visit(page) == "fresh"
