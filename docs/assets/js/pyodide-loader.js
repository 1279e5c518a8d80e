// Pyodide, as the calculators' Python worker loads it (calculators.js passes this module to
// PyWorker as the interpreter). Pyodide 314 logs and swallows a failure to fetch or compile its
// .wasm, and then never settles. While Pyodide starts in this worker, such a failure, or any
// uncaught error, rejects the start instead, so the page can say Python could not start.
//
// sendrules.zip (sendrules and the python-dateutil modules it imports) is fetched as PyScript asks
// for Pyodide, alongside Pyodide's own files, and unpacked into the working directory once Pyodide
// is up, before PyScript runs calculators_worker.py; then the finder for the rest of the standard
// library (stdlib_rest.py, in the same zip) is installed. With PyScript's `files` option, the fetch
// would only start once Pyodide had started (docs/decisions/002-performance.md).
import { loadPyodide as startPyodide, version } from "../pyodide/pyodide.mjs";

export { version };

// The build writes the zip's real name here, sendrules.HASH.zip, named by its content so that a
// new deploy's zip has a new address (hooks/site.py, RULES_ZIP).
const RULES = new URL("../py/sendrules.zip", import.meta.url).href;
// The standard library's modules that no calculator is known to import, downloaded only if an
// import needs them (stdlib_rest.py, from sendrules.zip); named by its content, as RULES is.
const STDLIB_REST = new URL("../pyodide/python_stdlib_rest.zip", import.meta.url).href;

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`[${response.status}] Unable to fetch ${url}`);
  return response.arrayBuffer();
}

export function loadPyodide(options) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const rules = download(RULES);
  return new Promise((resolve, reject) => {
    rules.catch(reject); // a missing zip fails the start at once, not after Pyodide's download
    const fail = (event) => reject(event.reason ?? event.error ?? new Error(event.message));
    const watched = (original) => (...args) =>
      original.apply(WebAssembly, args).catch((error) => {
        reject(error);
        throw error;
      });
    WebAssembly.instantiate = watched(instantiate);
    WebAssembly.instantiateStreaming = watched(instantiateStreaming);
    addEventListener("unhandledrejection", fail);
    addEventListener("error", fail);
    startPyodide({ ...options, indexURL: new URL("../pyodide/", import.meta.url).href })
      .then(async (pyodide) => {
        pyodide.unpackArchive(await rules, "zip");
        pyodide.pyimport("stdlib_rest").install(STDLIB_REST);
        return pyodide;
      })
      .then(resolve, reject)
      .finally(() => {
        Object.assign(WebAssembly, { instantiate, instantiateStreaming });
        removeEventListener("unhandledrejection", fail);
        removeEventListener("error", fail);
      });
  });
}
