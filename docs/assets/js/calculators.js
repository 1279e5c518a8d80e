// The generic glue between calculator pages and the sendrules library running in a Python
// worker (docs/decisions/001-one-library-two-runtimes.md, "The browser protocol").
// It holds no rules, no date arithmetic and no wording: Python renders every answer, and the
// page's static HTML holds the loading, error and no-JavaScript messages, shown by data-state.

const asset = (path) => new URL(path, import.meta.url).href;

// PyScript's optional plugins (its error banner, code editor, terminal, game canvas, donkey and
// deprecation notices) serve <script type="py-editor"> and the like, which the site has none of.
// Unless a <py-config> (or <mpy-config>) says "!name", PyScript's core imports every one of them
// when it starts, and the editor's plugin watches every change to the page. The core reads these
// elements once, when it is first evaluated: start-python.js imports this module before the core
// so that they are there in time, and startWorker writes them again before it imports the core
// itself, as Material's instant navigation drops them with the old page's <head>
// (docs/decisions/002-performance.md, round 7). "!error" still imports the error plugin, to tell
// it that the page shows its own errors.
export const PYSCRIPT_PLUGINS_LEFT_OUT = [
  "codemirror", "deprecations-manager", "donkey", "error", "py-editor", "py-game", "py-terminal",
];
function leavePyScriptPluginsOut() {
  for (const type of ["py", "mpy"]) {
    if (document.querySelector(`${type}-config`)) continue;
    const config = document.createElement(`${type}-config`);
    config.hidden = true;
    config.textContent = JSON.stringify({ plugins: PYSCRIPT_PLUGINS_LEFT_OUT.map((name) => `!${name}`) });
    document.head.append(config);
  }
}
leavePyScriptPluginsOut();

// Where pyodide-loader.js keeps Python's start between visits (START_CACHE there).
export const KEPT_START_CACHE = "calculators-python-start";

// Loading stages the page can observe; a <progress data-progress> in a root shows them.
const STAGES = { started: 1, pythonStarting: 2, ready: 3 };

let worker = null; // one Python worker per document, kept across instant navigations
let stage = 0;
const staticHtml = new WeakMap(); // each root's HTML as built, restored if Python fails

const roots = () => [...document.querySelectorAll("[data-calculator]")];

function showStage(value) {
  stage = Math.max(stage, value);
  for (const bar of document.querySelectorAll("[data-calculator] progress[data-progress]")) {
    bar.max = STAGES.ready;
    bar.value = stage;
  }
}

function setState(root, state) {
  root.dataset.state = state;
}

// performance marks "calculators:python-starting" and "calculators:python-ready" time the start.
// pyWorker is PyScript's PyWorker when the caller has it already (start-python.js); otherwise
// PyScript's core is imported here, on the first page view with a calculator.
export function startWorker(pyWorker) {
  if (worker) return worker;
  worker = (async () => {
    performance.mark("calculators:python-starting");
    showStage(STAGES.started);
    if (!pyWorker) leavePyScriptPluginsOut();
    const PyWorker = pyWorker ?? (await import(asset("../pyscript/core.js"))).PyWorker;
    showStage(STAGES.pythonStarting);
    // The loader also unpacks sendrules.zip, fetched while Pyodide starts.
    const python = await PyWorker(asset("../py/calculators_worker.py"), {
      version: asset("./pyodide-loader.js"),
    });
    // "kept" when Python was restored from the start kept in this browser (pyodide-loader.js).
    const start = await python.sync.started();
    if (start !== "kept" && start !== "fresh") throw new Error("the calculators' Python did not start");
    performance.mark("calculators:python-ready", { detail: { start } });
    return python;
  })();
  // A kept start that restores but does not work would fail every visit: forget it, so that the
  // next visit starts afresh (the cache pyodide-loader.js keeps it in).
  worker.catch(() => globalThis.caches?.delete(KEPT_START_CACHE));
  return worker;
}

function fail(root, error) {
  console.error(`Calculator "${root.dataset.calculator}" failed:`, error);
  if (staticHtml.has(root)) root.innerHTML = staticHtml.get(root);
  setState(root, "error");
}

function todayISO() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function render(root, fields) {
  try {
    const python = await startWorker();
    const answer = JSON.parse(
      await python.sync.render(root.dataset.calculator, JSON.stringify(fields), todayISO()),
    );
    root.innerHTML = answer.html;
    const title = document.title.replace(/^Error: /, "");
    document.title = answer.title_error ? `Error: ${title}` : title;
    // The answers go in the fragment, which the browser never sends to the web host.
    history.replaceState(history.state, "", location.pathname + (answer.query ? `#${answer.query}` : ""));
    document.getElementById(answer.focus)?.focus();
  } catch (error) {
    fail(root, error);
  }
}

function fieldsOf(entries) {
  const fields = {};
  for (const [name, value] of entries) (fields[name] ??= []).push(String(value));
  return fields;
}

// An address holds a calculator's answers in its fragment (#calculator=NAME&...), which the
// browser never sends to the web host. An address from before they moved there has them in the
// query (?calculator=NAME&...), which the web host has already received: it is rewritten to the
// fragment at once and answered once, so a reload or a bookmark made from it sends them no more.
function moveAnswersToFragment() {
  const query = new URLSearchParams(location.search);
  if (query.has("calculator")) history.replaceState(history.state, "", `${location.pathname}#${query}`);
}

// Answers the calculator the address names, if it is one of ``found``.
function answerFromAddress(found) {
  const params = new URLSearchParams(location.hash.slice(1));
  const root = found.find((r) => r.isConnected && r.dataset.calculator === params.get("calculator"));
  if (root) render(root, fieldsOf(params));
}

// One page view: a direct load, or a page swapped in by Material's instant navigation.
function onPageView() {
  const found = roots();
  if (!found.length) return;
  for (const root of found) {
    staticHtml.set(root, root.innerHTML);
    setState(root, "loading");
  }
  showStage(stage);
  moveAnswersToFragment();
  startWorker().then(
    (python) => {
      showStage(STAGES.ready);
      for (const root of found) if (root.isConnected) setState(root, "ready");
      answerFromAddress(found);
      // The rehearsals go to the worker after any answer already asked for: an address with
      // answers (just above) or a form sent while Python was starting (its render() call
      // continues in this same round of promise callbacks). The worker takes calls in order, so
      // those answers do not wait for the rehearsals.
      const names = found.map((root) => root.dataset.calculator);
      setTimeout(() => python.sync.prepare(JSON.stringify(names)).then(
        () => performance.mark("calculators:prepared"), // timed by scripts/bench_site.py
        () => {}, // a failure shows on submit
      ));
    },
    (error) => found.forEach((root) => fail(root, error)),
  );
}

// An address with other answers for this page, typed or opened in the same tab, changes only
// the fragment: there is no new page view, so answer it here.
addEventListener("hashchange", () => {
  const ready = roots().filter((root) => root.dataset.state !== "loading" && root.dataset.state !== "error");
  answerFromAddress(ready);
});

document.addEventListener("submit", (event) => {
  const root = event.target.closest("[data-calculator]");
  if (!root) return;
  event.preventDefault();
  render(root, fieldsOf(new FormData(event.target, event.submitter)));
});

// GOV.UK error summary: a link to a field puts the focus in that field, not just near it. Caught
// before Material's instant navigation sees the click: its handling of a same-page link would
// otherwise move the focus back to the page after it had been put in the field.
document.addEventListener("click", (event) => {
  const errorLink = event.target.closest('.govuk-error-summary a[href^="#"]');
  const field = errorLink && document.getElementById(decodeURIComponent(errorLink.hash.slice(1)));
  if (field) {
    event.preventDefault();
    event.stopPropagation();
    field.focus();
  }
}, true);

document.addEventListener("click", (event) => {
  if (event.target.closest('[data-action="print"]')) window.print();
  const copy = event.target.closest('[data-action="copy"]');
  const source = copy && document.getElementById(copy.dataset.copyTarget);
  if (source) navigator.clipboard?.writeText(source.value ?? source.textContent);
});

// Page views begin once the HTML is parsed: Material announces each one (document$ replays the
// current page to a late subscriber); without Material, the parsed page is the only one.
function onParsed() {
  if (window.document$) window.document$.subscribe(onPageView);
  else onPageView();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onParsed, { once: true });
else onParsed();
