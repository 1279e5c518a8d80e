// Pyodide, as the calculators' Python worker loads it (calculators.js passes this module to
// PyWorker as the interpreter). Pyodide 314 logs and swallows a failure to fetch or compile its
// .wasm, and then never settles. While Pyodide starts in this worker, such a failure, or any
// uncaught error, rejects the start instead, so the page can say Python could not start.
import { loadPyodide as startPyodide, version } from "../pyodide/pyodide.mjs";

export { version };

export function loadPyodide(options) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  return new Promise((resolve, reject) => {
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
      .then(resolve, reject)
      .finally(() => {
        Object.assign(WebAssembly, { instantiate, instantiateStreaming });
        removeEventListener("unhandledrejection", fail);
        removeEventListener("error", fail);
      });
  });
}
