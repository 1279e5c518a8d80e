"""How fast the calculators are in a browser, against our targets. A script, not a test.

    make bench                  (or: .venv/bin/python -m scripts.bench_site --runs 5)
    make bench PROFILE=phone    (or: ... --profile phone): a mid-range phone, below

It builds the site for the exact origin it then serves on 127.0.0.1 (so Material's instant
navigation is real), and drives Debian's headless Chromium with a fresh persistent profile for
every cold visit and the same profile, relaunched, for the warm (repeat) visit. Every figure is
the median, min and max over ``--runs`` runs. It prints a table and writes
``bench-results/site.json``:

1. navigation start -> ``data-state="ready"`` on the appeal-deadline calculator, cold and warm;
2. the same for the floor: a bare page, written into the served directory at run time (the
   public site does not ship it), whose module worker does nothing but ``loadPyodide`` from stock
   Pyodide's files, as the npm package ships them (copied beside it at run time), and run one
   line of Python. That is what a page gets from Pyodide without our work on its files (the
   site's trimmed standard library with bytecode, its lock file without packages, its service
   worker). Floor and site visits alternate within each run, and the result is the ratio
   site / floor (of the medians);
3. total blocking time on the main thread from navigation to ready: the sum of (duration - 50 ms)
   of the long tasks a PerformanceObserver (installed before the page's scripts) reports;
4. bytes served, cold and warm, as sent and as gzip -6 would send them, from the server's own log
   of each response (a 304 counts as 0 bytes of body). The server gzips text and .wasm for a
   browser that accepts it, as GitHub Pages does (COMPRESSED_TYPES; ``--no-compress`` sends
   every file as it is), for the site and the floor alike;
5. submit -> answer in the DOM, for the deadline and the certificate calculators: a capturing
   ``submit`` listener notes the time and a MutationObserver on the calculator's root notes when
   the answer's HTML replaces its children (its callback runs once the glue's task has put the
   answer in, set the title and moved the focus). The robot waits until the worker has answered
   the calculators' rehearsals (``calculators:prepared``) before it types, as a reader typing a
   date would; how long after ready that was is reported too. It then scrolls to the button and
   pauses (READER_PAUSE_MS) before pressing it, as a reader does, so that the page's handlers for
   that scroll are not counted in the answer's time. Beside it, submit -> the answer's frame: a
   message posted from the next animation-frame callback is handled once the browser has styled,
   laid out and painted that frame, when the reader sees the answer;
6. click on a link from /appeal-deadline/ to /mediation-certificate/ (an instant navigation that
   keeps the worker) -> ``data-state="ready"`` on the certificate calculator;
7. first contentful paint, for the site and the floor: when the reader first sees the page.

A probe page (the floor's worker in ``?probe`` mode) also times, inside Pyodide, unpacking the
site's sendrules.zip, importing ``sendrules.web`` (what the worker does before it reports ready),
``prepare`` for the deadline calculator (what it does just after) and a first deadline answer.

``--profile phone`` emulates a mid-range phone through the DevTools protocol, for the page and its
workers alike: 9 Mbit/s down, 60 ms latency, the CPU slowed 4 times, on a phone's screen
(412 x 823, as Lighthouse's; PROFILES). ``--cpu-slowdown N`` slows the CPU N times instead, and
``--cpu-score SCORE`` finds the slowdown at which this machine scores SCORE (CPU_SCORE_JS; a
Pixel 5 about 1000). The site has a
service worker (scripts/service_worker.mjs): a cold visit's transfer counts what it fetches in the
background once the calculator is ready, and the warm visit is answered by it.

Times are milliseconds measured by the page itself (``performance.now()``, from navigation
start). The bench waits by asking the page every 50 ms (``poll``), not with Playwright's
``wait_for_function``, whose injected script was itself a long task on the phone profile. The
machine is shared: the load average is printed before and after, and only ratios within one run
are compared with each other.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import platform
import shutil
import statistics
import tempfile
import threading
import time
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

from hooks.site import PYODIDE_DIST, PYODIDE_RUNTIME_FILES, rules_zip
from playwright.sync_api import sync_playwright
from tests.support.browser import PYTHON_READY_TIMEOUT_MS, click_link_to
from tests.support.site import CHROMIUM_ARGS, LOCAL_HOST, ROOT, QuietHandler, build_site, chromium_path

RESULTS = ROOT / "bench-results" / "site.json"
FLOOR_DIR = "bench-floor"  # written into the served copy of the site only, at run time

VARIANT_DIR = "variant"  # --variant-env builds a second copy of the site here, for an A/B
FIRST_PAGE = "appeal-deadline/"
SECOND_PAGE = "mediation-certificate/"

TARGETS = {
    "ready_ratio": 0.80,  # site / floor, cold and warm
    "tbt_ms": 200.0,
    "submit_ms": 50.0,
    "second_page_ms": 300.0,
    "cold_gzip_bytes": 6.2e6,
    "warm_bytes": 0,
}

# Emulated through the DevTools protocol (Network.emulateNetworkConditions and
# Emulation.setCPUThrottlingRate), which Chromium applies to the page's workers too. The phone's
# screen is Lighthouse's mid-range phone (a Moto G Power: 412 x 823 CSS pixels at 1.75 device
# pixels each, a mobile viewport with touch), set on the browser context: Material then lays the
# page out as on a phone, its navigation in a drawer, not the desktop's three columns.
PROFILES = {
    "default": None,
    "phone": {
        "download_mbps": 9.0, "upload_mbps": 9.0, "latency_ms": 60.0, "cpu_slowdown": 4.0,
        "screen": {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
                   "is_mobile": True, "has_touch": True},
    },
}

# How fast this machine's CPU is, so that figures from two machines can be read side by side:
# the method of Lighthouse's BenchmarkIndex, which Chrome DevTools also uses to calibrate its CPU
# throttling (a mid-tier phone such as a Pixel 5 scores about 1000, a low-tier one such as a Moto
# G Power 2022 about 264: front_end/panels/mobile_throttling/CalibrationController.ts). Half the
# time builds a 10,000-character string again and again (work for the garbage collector), half
# copies 100,000 numbers between two arrays; each part counts its rounds per second, divided by
# 10, and the score is the mean of the two. The bench runs it in a blank page, unthrottled and
# with the profile's CPU slowdown, and reports both: "CPU slowed 4 times" is a different phone on
# a different machine.
CPU_SCORE_JS = """ms => {
  const half = ms / 2;
  const perSecond = (rounds, started) => Math.round(rounds / 10 / ((Date.now() - started) / 1000));
  let started = Date.now(), rounds = 0;
  while (Date.now() - started < half) {
    let text = "";
    for (let i = 0; i < 10000; i++) text += "a";
    if (text.length !== 10000) throw new Error("unreachable");
    rounds++;
  }
  const strings = perSecond(rounds, started);
  const one = [], two = [];
  for (let i = 0; i < 100000; i++) one[i] = two[i] = i;
  started = Date.now(); rounds = 0;
  while (rounds % 10 !== 0 || Date.now() - started < half) {
    const [from, to] = rounds % 2 ? [two, one] : [one, two];
    for (let i = 0; i < from.length; i++) to[i] = from[i];
    rounds++;
  }
  return (strings + perSecond(rounds, started)) / 2;
}"""
CPU_SCORE_MS = 1000


FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pyodide floor</title></head>
<body>
<div id="floor" data-state="loading">Starting Python…</div>
<script type="module">
const root = document.getElementById("floor");
const worker = new Worker(new URL("./worker.mjs", import.meta.url) + location.search, {type: "module"});
worker.onmessage = ({data}) => {
  if (data.probe) window.__probe = data.probe;
  else if (data === "ready") root.dataset.state = "ready";
};
worker.onerror = () => { root.dataset.state = "error"; };
</script>
</body></html>
"""

# The same bare page, but Python started the way the glue starts it: PyScript's PyWorker with the
# site's Pyodide loader and no files, and one call back into Python.
PYWORKER_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PyWorker floor</title></head>
<body>
<div id="floor" data-state="loading">Starting Python…</div>
<script type="module">
const asset = (path) => new URL(path, import.meta.url).href;
const root = document.getElementById("floor");
const { PyWorker } = await import(asset("../assets/pyscript/core.js"));
const python = await PyWorker(asset("./started.py"), { version: asset("../assets/js/pyodide-loader.js") });
if ((await python.sync.started()) === true) root.dataset.state = "ready";
</script>
</body></html>
"""
PYWORKER_PY = """def started():
    return True


__export__ = ["started"]
"""

# Bare Pyodide in a module worker. With ?probe it then times, in Python, what the calculators'
# worker does after Pyodide is ready: unpack the package, import the modules.
FLOOR_WORKER = """
const probing = new URL(import.meta.url).searchParams.has("probe");
const runtime = new URL(probing ? "../assets/pyodide/" : "./pyodide/", import.meta.url).href;
const { loadPyodide } = await import(runtime + "pyodide.mjs");
const started = performance.now();
const pyodide = await loadPyodide({ indexURL: runtime });
pyodide.runPython("print('floor: Python is ready')");
postMessage("ready");
if (probing) {
  const probe = { loadPyodide: performance.now() - started };
  let t = performance.now();
  const bytes = await (await fetch(new URL("../assets/py/RULES_ZIP_NAME", import.meta.url))).arrayBuffer();
  pyodide.unpackArchive(bytes, "zip");
  probe.unpack = performance.now() - t;
  const timings = pyodide.runPython(`
import json, sys, time
def timed(call, *args):
    start = time.perf_counter()
    call(*args)
    return (time.perf_counter() - start) * 1000
web = {}
json.dumps({
    # what the worker imports before it reports ready (calculators_worker.py)
    "import_sendrules_web": timed(lambda: web.setdefault("module", __import__("sendrules.web").web)),
    # what the page asks for just after ready, while the reader types
    "prepare_deadline": timed(lambda: web["module"].prepare('["appeal-deadline"]')),
    "first_deadline_answer": timed(lambda: web["module"].render(
        "appeal-deadline", '{"letter-sent": ["2026-10-01"]}', "2026-11-28")),
    "modules_loaded": sorted(m for m in sys.modules if m.startswith(("sendrules", "dateutil"))),
    "dont_write_bytecode": sys.dont_write_bytecode,
})`);
  Object.assign(probe, JSON.parse(timings));
  postMessage({ probe });
}
"""

# Milliseconds from navigation until the site's service worker controls the page, or None if none
# does within the time given (the floor pages have none).
SERVICE_WORKER_IN_CONTROL = """async (timeout) => {
  if (!document.querySelector("script[src$='offline.js']")) return null;
  const deadline = performance.now() + timeout;
  while (!navigator.serviceWorker.controller) {
    if (performance.now() > deadline) return null;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return performance.now();
}"""
SERVICE_WORKER_WAIT_MS = 60_000
READER_PAUSE_MS = 500  # between scrolling to a calculator's button and pressing it (Bench.submit)

# Installed before any of the page's scripts: long tasks, when each calculator root (or the
# floor) becomes ready, and submit -> answer.
RECORDER = """
window.__bench = {ready: {}, longTasks: [], submitAt: null, answerAt: null, clickAt: null, workerAt: null};
// When the Python worker is created (PyScript's comes from a blob: URL, the floor's is worker.mjs;
// Material's search worker is neither).
window.Worker = class extends window.Worker {
  constructor(url, options) {
    if (/^blob:|worker[.]mjs/.test(String(url))) window.__bench.workerAt ??= performance.now();
    super(url, options);
  }
};
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) window.__bench.longTasks.push([task.startTime, task.duration]);
}).observe({type: "longtask", buffered: true});
new MutationObserver((records) => {
  const now = performance.now();
  for (const record of records) {
    const element = record.target;
    if (element.dataset.state !== "ready") continue;
    const name = element.dataset.calculator ?? element.id;
    window.__bench.ready[name] ??= now;
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
addEventListener("submit", (event) => {
  const root = event.target.closest("[data-calculator]");
  if (!root) return;
  window.__bench.submitAt = performance.now();
  window.__bench.answerAt = null;
  window.__bench.answerPaintAt = null;
  const observer = new MutationObserver(() => {
    window.__bench.answerAt ??= performance.now();
    observer.disconnect();
    // The frame that shows the answer: a message posted from its animation-frame callback is
    // handled once that frame's style, layout and paint are done.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__bench.answerPaintAt ??= performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(root, {childList: true});
}, true);
addEventListener("click", (event) => {
  if (event.target.closest("a[href]")) window.__bench.clickAt = performance.now();
}, true);
"""


def poll(page, predicate: str, arg, timeout_ms: float) -> None:
    """Wait until the JavaScript function ``predicate(arg)`` is true, asking every 50 ms.

    Not Playwright's wait_for_function: that first evaluates Playwright's own injected script in
    the page, a long task of about 110 ms on the phone profile, which would count in the page's
    blocking time (or, in an answer's wait, in submit -> answer).
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true within {timeout_ms / 1000:.0f} s: {predicate}")
        time.sleep(0.05)


class Link:
    """An optional shared link of ``mbps`` megabits per second for every response body: each chunk
    waits for its turn, so parallel downloads share the bandwidth as on a real connection."""

    CHUNK = 64 * 1024

    def __init__(self, mbps: float | None):
        self.bytes_per_s = mbps * 1e6 / 8 if mbps else None
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, data: bytes, outputfile) -> None:
        if self.bytes_per_s:
            with self.lock:
                self.free_at = max(time.monotonic(), self.free_at) + len(data) / self.bytes_per_s
                done_at = self.free_at
            time.sleep(max(0.0, done_at - time.monotonic()))
        outputfile.write(data)


# What the test server sends gzip-compressed (Content-Encoding: gzip) to a browser that accepts it,
# as GitHub Pages does on the fly for text and for WebAssembly (its .wasm responses carry
# Content-Encoding: gzip: maxence-charriere/go-app#866); an already compressed .zip or .png goes
# as it is. ``--no-compress`` sends every file as it is, as the bench did before 1 December 2026.
COMPRESSED_TYPES = frozenset({
    "text/html", "text/css", "text/javascript", "application/javascript", "application/json",
    "application/xml", "text/xml", "image/svg+xml", "application/wasm", "text/plain", "text/x-python",
})


class LoggingHandler(QuietHandler):
    """The static file server, noting every response it sends: path, status, body bytes (as sent,
    so compressed when it compresses)."""

    def send_head(self):
        self.gzipped_body = None
        if self.server.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            url_path = urllib.parse.urlsplit(self.path).path
            file = Path(self.translate_path(self.path))
            if file.is_dir() and url_path.endswith("/"):
                file = file / "index.html"
            if file.is_file() and self.guess_type(str(file)) in COMPRESSED_TYPES:
                self.gzipped_body = self.server.sizes.gzip_body(file)
        return super().send_head()

    def send_header(self, keyword, value):
        if self.gzipped_body is not None and keyword.lower() == "content-length":
            super().send_header("Content-Encoding", "gzip")
            super().send_header("Vary", "Accept-Encoding")
            value = str(len(self.gzipped_body))
        super().send_header(keyword, value)

    def log_request(self, code="-", size="-"):
        self.entry = {"path": self.path, "status": int(code), "bytes": 0}
        self.server.entries.append(self.entry)

    def copyfile(self, source, outputfile):
        if self.gzipped_body is not None:
            source = io.BytesIO(self.gzipped_body)
        while chunk := source.read(Link.CHUNK):
            self.server.link.send(chunk, outputfile)
            self.entry["bytes"] += len(chunk)


@contextlib.contextmanager
def serve_logged(site_dir: Path, mbps: float | None = None, compress: bool = True):
    handler = functools.partial(LoggingHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.entries = []
    server.link = Link(mbps)
    server.compress = compress
    server.sizes = Sizes(site_dir)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def wait_quiet(server, quiet_s: float = 1.0, limit_s: float = 15.0) -> None:
    """Wait until the server has answered nothing new for ``quiet_s`` (lazy fetches included)."""
    deadline = time.monotonic() + limit_s
    seen = len(server.entries)
    last_change = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if len(server.entries) != seen:
            seen, last_change = len(server.entries), time.monotonic()
        elif time.monotonic() - last_change >= quiet_s:
            return


class Sizes:
    """Body sizes of served files: raw, and as gzip -6 would send them."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.gzip_cache: dict[Path, bytes] = {}

    def file_for(self, url_path: str) -> Path:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path).lstrip("/")
        file = self.site_dir / path
        return file / "index.html" if file.is_dir() else file

    def gzip_body(self, file: Path) -> bytes:
        """``file`` as gzip -6 sends it (made once per file: the site does not change in a run)."""
        if file not in self.gzip_cache:
            self.gzip_cache[file] = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
        return self.gzip_cache[file]

    def gzipped(self, entry) -> int:
        if entry["status"] != 200 or not entry["bytes"]:
            return entry["bytes"]
        return len(self.gzip_body(self.file_for(entry["path"])))

    def summary(self, entries) -> dict:
        return {
            "requests": len(entries),
            "responses_200": sum(e["status"] == 200 for e in entries),
            "responses_304": sum(e["status"] == 304 for e in entries),
            "bytes": sum(e["bytes"] for e in entries),
            "gzip_bytes": sum(self.gzipped(e) for e in entries),
            "fetched": [f"{e['status']} {e['path']} {e['bytes']}" for e in entries],
        }


def total_blocking_time(long_tasks, until_ms: float) -> float:
    return sum(max(0.0, duration - 50.0) for start, duration in long_tasks if start < until_ms)


class Bench:
    def __init__(self, playwright, server, base_url: str, sizes: Sizes, profile: dict | None = None):
        self.playwright = playwright
        self.server = server
        self.base_url = base_url
        self.sizes = sizes
        self.profile = profile

    def emulate(self, page) -> None:
        """Apply the device profile to the page (and so its workers) before it navigates."""
        if not self.profile:
            return
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False,
            "latency": self.profile["latency_ms"],
            "downloadThroughput": self.profile["download_mbps"] * 1e6 / 8,
            "uploadThroughput": self.profile["upload_mbps"] * 1e6 / 8,
        })
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.profile["cpu_slowdown"]})

    @contextlib.contextmanager
    def browser(self, profile: Path):
        context = self.playwright.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True,
            # Playwright evaluates a function given as text with eval, which the site's
            # Content-Security-Policy refuses. The e2e tests keep the policy and fail on any
            # violation (tests/e2e/conftest.py); here it is not what is measured.
            bypass_csp=True,
            **(self.profile or {}).get("screen", {}),
        )
        context.add_init_script(RECORDER)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            self.emulate(page)
            yield page
        finally:
            context.close()

    def visit(self, profile: Path, path: str, root_name: str, interact: bool = False,
              prefix: str = "") -> dict:
        with self.browser(profile) as page:
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            first = len(self.server.entries)
            page.goto(self.base_url + path, wait_until="commit")
            poll(page, "name => !!(window.__bench && name in window.__bench.ready)", root_name,
                 PYTHON_READY_TIMEOUT_MS)
            bench = page.evaluate("window.__bench")
            ready = bench["ready"][root_name]
            result = {
                "ready_ms": ready,
                "tbt_ms": total_blocking_time(bench["longTasks"], ready),
                "worker_created_ms": bench["workerAt"],
                "worker_to_ready_ms": ready - bench["workerAt"] if bench["workerAt"] is not None else None,
                "longest_task_ms": max((d for s, d in bench["longTasks"] if s < ready), default=0.0),
                "long_tasks_to_ready": [[round(s), round(d)] for s, d in bench["longTasks"] if s < ready],
                # When the reader first sees the page's words (null if the browser did not paint).
                "first_paint_ms": page.evaluate(
                    "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"
                ),
                # "kept" when the worker restored the start kept in this browser, else "fresh".
                "python_start": page.evaluate(
                    "performance.getEntriesByName('calculators:python-ready')[0]?.detail?.start ?? null"
                ),
                "marks": page.evaluate(
                    "Object.fromEntries(performance.getEntriesByType('mark')"
                    ".map(mark => [mark.name, mark.startTime]))"
                ),
            }
            result["transfer_to_ready"] = self.sizes.summary(self.server.entries[first:])
            # The service worker, registered once the calculator is ready, keeps the site in the
            # background; the visit's transfer includes it.
            result["service_worker_ms"] = page.evaluate(SERVICE_WORKER_IN_CONTROL, SERVICE_WORKER_WAIT_MS)
            wait_quiet(self.server, limit_s=SERVICE_WORKER_WAIT_MS / 1000)
            result["transfer"] = self.sizes.summary(self.server.entries[first:])
            if interact:
                result.update(self.interact(page, prefix))
            result["page_errors"] = errors
            result["user_agent"] = page.evaluate("navigator.userAgent")
            return result

    def submit(self, page, fill) -> tuple[float, str]:
        fill(page)
        # A reader scrolls to the button before pressing it. Left to itself, Playwright's click
        # scrolls the button into view and presses it in the same moment, and the page's
        # handlers for that scroll (Material's) ran inside the measured time, before the answer.
        button = page.locator("[data-calculator] button[type=submit]").first
        button.scroll_into_view_if_needed()
        page.wait_for_timeout(READER_PAUSE_MS)
        button.click()
        poll(page, "() => window.__bench.answerPaintAt !== null", None, 30_000)
        bench = page.evaluate("window.__bench")
        return (bench["answerAt"] - bench["submitAt"], bench["answerPaintAt"] - bench["submitAt"],
                page.title())

    def interact(self, page, prefix: str = "") -> dict:
        """Two answers and the link between them; ``prefix`` is the variant's folder, if any."""
        letter = date.today() - timedelta(days=20)
        # A reader types a date in three fields before sending it; the robot is quicker than the
        # worker's rehearsal (calculators.js, prepare), so it waits for that first, and the time
        # the rehearsal took after ready is reported beside the answers.
        poll(page, "() => performance.getEntriesByName('calculators:prepared').length > 0", None, 60_000)
        prepared_after_ready = page.evaluate(
            "performance.getEntriesByName('calculators:prepared')[0].startTime"
            " - performance.getEntriesByName('calculators:python-ready')[0].startTime"
        )

        def fill_deadline(page):
            page.fill("#letter-sent-day", str(letter.day))
            page.fill("#letter-sent-month", str(letter.month))
            page.fill("#letter-sent-year", str(letter.year))

        def fill_certificate(page):
            page.check("#decision-plan-contents")
            page.check("#sections-I")

        deadline_ms, deadline_painted_ms, deadline_title = self.submit(page, fill_deadline)
        click_link_to(page, self.base_url + prefix + SECOND_PAGE)
        poll(page, "() => !!(window.__bench && 'certificate' in window.__bench.ready)", None,
             PYTHON_READY_TIMEOUT_MS)
        bench = page.evaluate("window.__bench")
        same_document = bench["clickAt"] is not None
        second_ms = bench["ready"]["certificate"] - bench["clickAt"] if same_document else None
        certificate_ms, certificate_painted_ms, certificate_title = self.submit(page, fill_certificate)
        return {
            "prepared_after_ready_ms": prepared_after_ready,
            "submit_deadline_ms": deadline_ms,
            "submit_certificate_ms": certificate_ms,
            "submit_deadline_painted_ms": deadline_painted_ms,
            "submit_certificate_painted_ms": certificate_painted_ms,
            "answers_were_errors": [t.startswith("Error:") for t in (deadline_title, certificate_title)],
            "second_page_ms": second_ms,
            "instant_navigation": same_document,
        }

    def probe(self, profile: Path) -> dict:
        with self.browser(profile) as page:
            page.goto(self.base_url + FLOOR_DIR + "/?probe")
            page.wait_for_function("window.__probe !== undefined", timeout=PYTHON_READY_TIMEOUT_MS)
            return page.evaluate("window.__probe")

    def cpu_score(self, profile: Path) -> dict:
        """The machine's CPU score (CPU_SCORE_JS), unthrottled and with the profile's slowdown:
        one round first for the JIT, then the median of three."""
        slowdown = (self.profile or {}).get("cpu_slowdown", 1.0)
        with self.browser(profile) as page:
            cdp = page.context.new_cdp_session(page)
            scores = {}
            for key, rate in (("unthrottled", 1.0), ("profile", slowdown)):
                scores[key] = score_cpu(page, cdp, rate)
            return {**scores, "slowdown": slowdown}


def score_cpu(page, cdp, slowdown: float) -> float:
    """CPU_SCORE_JS in ``page`` with the CPU slowed ``slowdown`` times: one round first for the
    JIT, then the median of three."""
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    page.evaluate(CPU_SCORE_JS, CPU_SCORE_MS // 4)
    return statistics.median(page.evaluate(CPU_SCORE_JS, CPU_SCORE_MS) for _ in range(3))


def slowdown_for_score(score_at, target: float, tolerance: float = 0.05, tries: int = 4) -> dict:
    """The CPU slowdown at which ``score_at(slowdown)`` comes within ``tolerance`` of ``target``.

    As Chrome DevTools calibrates its throttling to a phone's score, but by proportion rather than
    by bisection: the score falls roughly as the slowdown rises, so each try multiplies the
    slowdown by (score / target). Never below 1: a machine slower than the target runs unthrottled.
    """
    unthrottled = score_at(1.0)
    rate, measured = 1.0, unthrottled
    for _ in range(tries):
        if abs(measured - target) <= tolerance * target or (rate == 1.0 and measured < target):
            break
        rate = round(max(1.0, rate * measured / target), 2)  # the slowdown the bench will use
        measured = score_at(rate)
    return {"target": target, "unthrottled": unthrottled, "slowdown": rate, "score": measured}


def calibrate_cpu_slowdown(target: float) -> dict:
    """slowdown_for_score on this machine, in a blank page (score_cpu)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            cdp = page.context.new_cdp_session(page)
            return slowdown_for_score(lambda rate: score_cpu(page, cdp, rate), target)
        finally:
            browser.close()


def stats(values) -> dict:
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def build_variant(site_dir: Path, base_url: str, variant_env: dict[str, str]) -> None:
    """The site built again, with ``variant_env`` set, into /variant/ of the same server."""
    saved = {name: os.environ.get(name) for name in variant_env}
    os.environ.update(variant_env)
    try:
        build_site(site_dir / VARIANT_DIR, base_url + VARIANT_DIR + "/")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name)
            else:
                os.environ[name] = value


def run(runs: int, mbps: float | None = None, variant_env: dict[str, str] | None = None,
        device: str = "default", compress: bool = True) -> dict:
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        tmp = Path(tmp)
        site_dir = tmp / "site"
        with serve_logged(site_dir, mbps, compress) as (server, base_url):
            started = time.monotonic()
            build_site(site_dir, base_url)
            build_s = time.monotonic() - started
            if variant_env:
                build_variant(site_dir, base_url, variant_env)
            (site_dir / FLOOR_DIR).mkdir()
            (site_dir / FLOOR_DIR / "index.html").write_text(FLOOR_HTML, encoding="utf-8")
            (site_dir / FLOOR_DIR / "worker.mjs").write_text(
                FLOOR_WORKER.replace("RULES_ZIP_NAME", rules_zip(site_dir).name), encoding="utf-8"
            )
            shutil.copytree(PYODIDE_DIST, site_dir / FLOOR_DIR / "pyodide",
                            ignore=lambda folder, names: [n for n in names if n not in PYODIDE_RUNTIME_FILES])
            (site_dir / FLOOR_DIR / "pyworker.html").write_text(PYWORKER_HTML, encoding="utf-8")
            (site_dir / FLOOR_DIR / "started.py").write_text(PYWORKER_PY, encoding="utf-8")
            sizes = server.sizes
            site_runs, floor_runs, pyworker_runs, variant_runs, probes, cpu_scores = [], [], [], [], [], []
            with sync_playwright() as playwright:
                bench = Bench(playwright, server, base_url, sizes, PROFILES[device])
                for index in range(runs):
                    kinds = ("site", "floor", "pyworker") + (("variant",) if variant_env else ())
                    order = kinds[index % len(kinds) :] + kinds[: index % len(kinds)]
                    for kind in order:
                        profile = tmp / f"profile-{kind}-{index}"
                        if kind in ("site", "variant"):
                            prefix = VARIANT_DIR + "/" if kind == "variant" else ""
                            cold = bench.visit(profile, prefix + FIRST_PAGE, "appeal-deadline",
                                               interact=True, prefix=prefix)
                            warm = bench.visit(profile, prefix + FIRST_PAGE, "appeal-deadline")
                            runs_of_kind = site_runs if kind == "site" else variant_runs
                            runs_of_kind.append({"cold": cold, "warm": warm})
                        else:
                            page = FLOOR_DIR + ("/" if kind == "floor" else "/pyworker.html")
                            cold = bench.visit(profile, page, "floor")
                            warm = bench.visit(profile, page, "floor")
                            (floor_runs if kind == "floor" else pyworker_runs).append(
                                {"cold": cold, "warm": warm}
                            )
                    print(
                        f"run {index + 1}/{runs}: site {site_runs[-1]['cold']['ready_ms']:.0f} / "
                        f"{site_runs[-1]['warm']['ready_ms']:.0f} ms, floor "
                        f"{floor_runs[-1]['cold']['ready_ms']:.0f} / "
                        f"{floor_runs[-1]['warm']['ready_ms']:.0f} ms (cold / warm)",
                        flush=True,
                    )
                for index in range(runs):
                    probes.append(bench.probe(tmp / f"profile-probe-{index}"))
                    cpu_scores.append(bench.cpu_score(tmp / f"profile-cpu-{index}"))
    return {
        "site": site_runs,
        "floor": floor_runs,
        "pyworker": pyworker_runs,
        "variant": variant_runs,
        "variant_env": variant_env,
        "mbps": mbps,
        "compress": compress,
        "profile": {"name": device, "settings": PROFILES[device]},
        "probe": probes,
        "cpu_score": cpu_scores,
        "build_s": build_s,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
    }


def summarise(data: dict) -> list[dict]:
    site, floor = data["site"], data["floor"]

    def col(runs, visit, key):
        return [r[visit][key] for r in runs]

    def optional(runs, visit, key):  # results saved before a measure existed have none
        return [r[visit].get(key) for r in runs]

    def transfer(runs, visit, key):
        return [r[visit]["transfer"][key] for r in runs]

    rows = []

    def row(name, values, unit, target=None, measured=None, passed=None):
        s = stats(values)
        rows.append({"metric": name, "unit": unit, **s, "target": target, "passed": passed})
        return s

    for visit in ("cold", "warm"):
        ours = row(f"ready, site, {visit} (ms)", col(site, visit, "ready_ms"), "ms")
        bare = row(f"ready, floor, {visit} (ms)", col(floor, visit, "ready_ms"), "ms")
        row(f"ready, PyScript PyWorker floor, {visit} (ms)", col(data["pyworker"], visit, "ready_ms"), "ms")
        ratios = [s[visit]["ready_ms"] / f[visit]["ready_ms"] for s, f in zip(site, floor, strict=True)]
        ratio = ours["median"] / bare["median"]
        rows.append({
            "metric": f"ready, site / floor, {visit}", "unit": "ratio", "median": ratio,
            "min": min(ratios), "max": max(ratios), "n": len(ratios),
            "target": f"<= {TARGETS['ready_ratio']:.2f}", "passed": ratio <= TARGETS["ready_ratio"],
        })
        # The same comparison run by run (site and floor share that run's load), for reading
        # alongside the ratio of medians, which is what the target is checked against.
        row(f"ready, site / floor, paired within each run, {visit}", ratios, "ratio")
        # How many of the site's visits restored the Python start kept by an earlier one.
        starts = optional(site, visit, "python_start")
        if any(starts):
            row(f"site's visits whose Python started from the kept start, {visit} (of {len(starts)})",
                [sum(start == "kept" for start in starts)], "count")
    variant = data["variant"]
    if variant:
        for visit in ("cold", "warm"):
            row(f"ready, variant {data['variant_env']}, {visit} (ms)", col(variant, visit, "ready_ms"), "ms")
            row(f"worker created, variant, {visit} (ms)", col(variant, visit, "worker_created_ms"), "ms")
            ratios = [v[visit]["ready_ms"] / s[visit]["ready_ms"] for v, s in zip(variant, site, strict=True)]
            row(f"ready, variant / site (paired), {visit}", ratios, "ratio")
            row(f"total blocking time to ready, variant, {visit} (ms)", col(variant, visit, "tbt_ms"), "ms")
            row(f"first contentful paint, variant, {visit} (ms)", optional(variant, visit, "first_paint_ms"),
                "ms")
        for key, label in (("submit_deadline_ms", "deadline"), ("submit_certificate_ms", "certificate")):
            row(f"submit -> answer, variant, {label} (ms)", col(variant, "cold", key), "ms")
            row(f"submit -> answer's frame, variant, {label} (ms)",
                optional(variant, "cold", key.replace("_ms", "_painted_ms")), "ms")
        row("click -> second calculator ready, variant (ms)", col(variant, "cold", "second_page_ms"), "ms")
    for visit in ("cold", "warm"):
        for label, runs in (("site", site), ("floor", floor), ("PyWorker floor", data["pyworker"])):
            row(f"python worker created, {label}, {visit} (ms)", col(runs, visit, "worker_created_ms"), "ms")
            row(f"worker created -> ready, {label}, {visit} (ms)", col(runs, visit, "worker_to_ready_ms"),
                "ms")
    for visit in ("cold", "warm"):
        for label, runs in (("site", site), ("floor", floor)):
            row(f"first contentful paint, {label}, {visit} (ms)", optional(runs, visit, "first_paint_ms"),
                "ms")
    for visit in ("cold", "warm"):
        s = stats(col(site, visit, "tbt_ms"))
        row(f"total blocking time to ready, site, {visit} (ms)", col(site, visit, "tbt_ms"), "ms",
            f"<= {TARGETS['tbt_ms']:.0f}", passed=s["median"] <= TARGETS["tbt_ms"])
    row("total blocking time to ready, floor, cold (ms)", col(floor, "cold", "tbt_ms"), "ms")
    for key, label in (("submit_deadline_ms", "deadline"), ("submit_certificate_ms", "certificate")):
        values = col(site, "cold", key)
        s = stats(values)
        row(f"submit -> answer, {label} (ms)", values, "ms", f"<= {TARGETS['submit_ms']:.0f}",
            passed=s["median"] <= TARGETS["submit_ms"])
    for key, label in (("submit_deadline_ms", "deadline"), ("submit_certificate_ms", "certificate")):
        row(f"submit -> answer's frame, {label} (ms)",
            optional(site, "cold", key.replace("_ms", "_painted_ms")), "ms")
    row("rehearsal done after ready, deadline page (ms)", col(site, "cold", "prepared_after_ready_ms"), "ms")
    values = col(site, "cold", "second_page_ms")
    s = stats(values)
    row("click -> second calculator ready (ms)", values, "ms", f"<= {TARGETS['second_page_ms']:.0f}",
        passed=s["n"] == len(site) and s["median"] <= TARGETS["second_page_ms"])
    s = stats(transfer(site, "cold", "gzip_bytes"))
    row("cold transfer, site, as sent (bytes)", transfer(site, "cold", "bytes"), "bytes")
    row("cold transfer, site, gzip -6 (bytes)", transfer(site, "cold", "gzip_bytes"), "bytes",
        f"<= {TARGETS['cold_gzip_bytes']:,.0f}", passed=s["median"] <= TARGETS["cold_gzip_bytes"])
    row("cold transfer until ready, site, gzip -6 (bytes)",
        [r["cold"]["transfer_to_ready"]["gzip_bytes"] for r in site], "bytes")
    row("cold requests, site", transfer(site, "cold", "requests"), "count")
    row("service worker in control of the cold visit (ms)", col(site, "cold", "service_worker_ms"), "ms")
    s = stats(transfer(site, "warm", "bytes"))
    row("warm transfer, site, as sent (bytes)", transfer(site, "warm", "bytes"), "bytes",
        f"<= {TARGETS['warm_bytes']:,.0f}", passed=s["median"] <= TARGETS["warm_bytes"])
    row("warm visits under the service worker (of all runs)",
        [sum(r["warm"]["service_worker_ms"] is not None for r in site)], "count")
    row("warm transfer, site, gzip -6 (bytes)", transfer(site, "warm", "gzip_bytes"), "bytes")
    row("warm requests, site (200 + 304)", transfer(site, "warm", "requests"), "count")
    row("cold transfer, floor, gzip -6 (bytes)", transfer(floor, "cold", "gzip_bytes"), "bytes")
    probes = data["probe"]
    for key in ("loadPyodide", "unpack", "import_sendrules_web", "prepare_deadline", "first_deadline_answer"):
        row(f"in the worker: {key} (ms)", [p[key] for p in probes], "ms")
    scores = data.get("cpu_score") or []
    if scores:
        row("CPU score, unthrottled (Lighthouse's method)", [c["unthrottled"] for c in scores], "count")
        if scores[0]["slowdown"] != 1.0:
            row(f"CPU score, slowed {scores[0]['slowdown']:g} times (Pixel 5 1000, Moto G Power 264)",
                [c["profile"] for c in scores], "count")
    return rows


def fmt(value, unit) -> str:
    if value is None:
        return "-"
    if unit == "ratio":
        return f"{value:.2f}"
    if unit == "bytes":
        return f"{value:,.0f}"
    if unit == "count":
        return f"{value:.0f}"
    return f"{value:.1f}"


def print_table(rows, data) -> None:
    width = max(len(r["metric"]) for r in rows)
    header = f"{'metric':<{width}}  {'median':>11}  {'min':>11}  {'max':>11}  {'target':>12}  result"
    print(header)
    print("-" * len(header))
    for r in rows:
        result = "" if r["passed"] is None else ("PASS" if r["passed"] else "MISS")
        print(
            f"{r['metric']:<{width}}  {fmt(r['median'], r['unit']):>11}  {fmt(r['min'], r['unit']):>11}  "
            f"{fmt(r['max'], r['unit']):>11}  {r['target'] or '':>12}  {result}"
        )
    print(f"\nprofile: {data['profile']['name']} {data['profile']['settings'] or ''}; "
          f"{'gzip for text and .wasm, as GitHub Pages' if data['compress'] else 'no compression'}")
    before, after = data["load_average_before"], data["load_average_after"]
    print(f"\nload average before: {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}; "
          f"after: {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}; {data['machine']['cpus']} CPUs")
    warm = data["site"][-1]["warm"]["transfer"]["fetched"]
    print("fetched on the last warm visit (status path bytes):")
    for line in warm or ["(nothing: every file came from the browser's cache without asking)"]:
        print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, help=f"default: {RESULTS.name}, or site-PROFILE.json")
    parser.add_argument("--mbps", type=float, help="serve through one shared link of this many Mbit/s")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="default",
                        help="emulate a device through the DevTools protocol (phone: see PROFILES)")
    parser.add_argument("--no-compress", action="store_true",
                        help="send every file as it is (default: gzip for text and .wasm, as GitHub Pages)")
    parser.add_argument("--variant-env", metavar="NAME=VALUE", action="append", default=[],
                        help="also build the site with this environment variable set, for an A/B")
    parser.add_argument("--cpu-slowdown", type=float, metavar="N",
                        help="with --profile phone: slow the CPU N times instead of 4 (the table's CPU "
                             "score shows what phone that makes of this machine)")
    parser.add_argument("--cpu-score", type=float, metavar="SCORE",
                        help="with --profile phone: slow the CPU until this machine scores SCORE "
                             "(a Pixel 5 about 1000, a Moto G Power 2022 about 264) instead of 4 times")
    args = parser.parse_args()
    calibration = None
    if args.cpu_score is not None:
        if PROFILES[args.profile] is None or args.cpu_slowdown is not None or args.cpu_score <= 0:
            parser.error("--cpu-score needs --profile phone and a positive score, and no --cpu-slowdown")
        calibration = calibrate_cpu_slowdown(args.cpu_score)
        print(f"CPU score {calibration['unthrottled']:.0f} unthrottled; slowed {calibration['slowdown']:g} "
              f"times it scored {calibration['score']:.0f} (target {args.cpu_score:g})")
        args.cpu_slowdown = calibration["slowdown"]
    if args.cpu_slowdown is not None:
        if PROFILES[args.profile] is None or args.cpu_slowdown < 1:
            parser.error("--cpu-slowdown needs --profile phone and a number of at least 1")
        PROFILES[args.profile] = {**PROFILES[args.profile], "cpu_slowdown": args.cpu_slowdown}
    variant_env = dict(item.split("=", 1) for item in args.variant_env)
    if args.out is None:
        args.out = RESULTS if args.profile == "default" else RESULTS.with_name(f"site-{args.profile}.json")
    data = run(args.runs, args.mbps, variant_env, args.profile, not args.no_compress)
    data["cpu_calibration"] = calibration
    data["summary"] = summarise(data)
    print()
    print_table(data["summary"], data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=2), encoding="utf-8")
    print(f"\nwritten to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
