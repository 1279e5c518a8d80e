// Pyodide, as the calculators' Python worker loads it (calculators.js passes this module to
// PyWorker as the interpreter). A failure to start rejects, so the page can say Python could not
// start (watchedStart).
//
// sendrules.zip (sendrules and the python-dateutil modules it imports) is fetched as PyScript asks
// for Pyodide, alongside Pyodide's own files, and unpacked into the working directory once Pyodide
// is up, before PyScript runs calculators_worker.py; then the finder for the rest of the standard
// library (stdlib_rest.py, in the same zip) is installed. With PyScript's `files` option, the fetch
// would only start once Pyodide had started (docs/decisions/002-performance.md).
//
// The start is kept in this browser (docs/decisions/002-performance.md, round 12). The first
// time, Python starts, the finder is installed and sendrules.web imported; then the loader keeps a
// copy of Python's memory (Pyodide's memory snapshot) in the browser's Cache Storage, before
// PyScript or a reader has done anything in it. Later starts restore that copy instead of
// starting Python and importing sendrules again. The copy is made by this browser and never
// leaves it.
import { loadPyodide as startPyodide, version } from "../pyodide/pyodide.mjs";

export { version };

// The build writes the zip's real name here, sendrules.HASH.zip, named by its content so that a
// new deploy's zip has a new address (hooks/site.py, RULES_ZIP).
const RULES = new URL("../py/sendrules.zip", import.meta.url).href;
// The standard library's modules that no calculator is known to import, downloaded only if an
// import needs them (stdlib_rest.py, from sendrules.zip); named by its content, as RULES is.
const STDLIB_REST = new URL("../pyodide/python_stdlib_rest.zip", import.meta.url).href;
// The kept start, named by a hash of everything Python's memory depends on: Pyodide's files, the
// standard library's two zips, sendrules.zip and this file (hooks/site.py, START_BUILD_PLACEHOLDER),
// so a new build's start has a new name. With AB_NO_KEPT_START set, the build writes "" here: a
// site that keeps no start, for an A/B run of the bench.
const START_BUILD = "START_BUILD";
const START_CACHE = "calculators-python-start";
const START_KEY = new URL(`../pyodide/start-${START_BUILD}.bin`, import.meta.url).href;

// Python's memory is mostly empty: of the 31 MB of a start, about 12 MB are not zero. A kept
// start holds only the 64 KiB blocks that are not all zero: a header (PACKED, the memory's length,
// the number of blocks kept), the index of each block kept, then those blocks in order.
const PACKED = 0x31535253; // "SRS1"
const BLOCK = 65536;

// Packs in slices of SLICE blocks, yielding after each: keep() lets the worker answer the page
// between them, so packing never holds up the calculators for long.
const SLICE = 16;

function* packing(memory) {
  if (memory.byteOffset % 4) memory = memory.slice(); // a view of whole words needs an aligned start
  const words = new Uint32Array(memory.buffer, memory.byteOffset, memory.byteLength >> 2);
  const kept = [];
  for (let block = 0; block * BLOCK < memory.byteLength; block++) {
    if (block % SLICE === SLICE - 1) yield;
    const start = block * BLOCK;
    const end = Math.min(start + BLOCK, memory.byteLength);
    let used = false;
    for (let word = start >> 2; !used && word < end >> 2; word++) used = words[word] !== 0;
    for (let byte = end & ~3; !used && byte < end; byte++) used = memory[byte] !== 0;
    if (used) kept.push(block);
  }
  const head = 12 + 4 * kept.length;
  const size = kept.reduce((sum, block) => sum + Math.min(BLOCK, memory.byteLength - block * BLOCK), head);
  const packed = new Uint8Array(size);
  const view = new DataView(packed.buffer);
  view.setUint32(0, PACKED, true);
  view.setUint32(4, memory.byteLength, true);
  view.setUint32(8, kept.length, true);
  let at = head;
  for (const [i, block] of kept.entries()) {
    if (i % SLICE === SLICE - 1) yield;
    view.setUint32(12 + 4 * i, block, true);
    const bytes = memory.subarray(block * BLOCK, (block + 1) * BLOCK);
    packed.set(bytes, at);
    at += bytes.byteLength;
  }
  return packed;
}

// Python's memory, packed at once.
export function pack(memory) {
  const steps = packing(memory);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

// The same, a slice at a time, letting the worker's other tasks run in between.
async function packInSlices(memory) {
  const steps = packing(memory);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export function unpack(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.byteLength < 12 || view.getUint32(0, true) !== PACKED) throw new Error("not a kept Python start");
  const memory = new Uint8Array(view.getUint32(4, true));
  const count = view.getUint32(8, true);
  let at = 12 + 4 * count;
  for (let i = 0; i < count; i++) {
    const start = view.getUint32(12 + 4 * i, true) * BLOCK;
    const length = Math.min(BLOCK, memory.byteLength - start);
    if (length <= 0 || at + length > packed.byteLength) throw new Error("a kept Python start is cut short");
    memory.set(packed.subarray(at, at + length), start);
    at += length;
  }
  if (at !== packed.byteLength) throw new Error("a kept Python start has bytes left over");
  return memory;
}

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`[${response.status}] Unable to fetch ${url}`);
  return response.arrayBuffer();
}

// Cache Storage, or null where this browser has none or refuses it (a private window may), or
// where the build keeps no start.
async function startCache() {
  if (!START_BUILD) return null;
  try {
    return await caches.open(START_CACHE);
  } catch {
    return null;
  }
}

// The response holding the kept start, if there is one.
async function keptStart(cache) {
  try {
    return (await cache?.match(START_KEY)) ?? null;
  } catch {
    return null;
  }
}

// Keeps this start for the next one, in place of any other build's; a failure (storage full) only
// means the next start is not quicker.
async function keep(cache, snapshot) {
  try {
    for (const request of await cache.keys()) if (request.url !== START_KEY) await cache.delete(request);
    const packed = await packInSlices(snapshot);
    await cache.put(START_KEY, new Response(packed, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch (error) {
    console.warn("The calculators' Python start was not kept:", error);
  }
}

// Pyodide started with these options. Pyodide 314 logs and swallows a failure to fetch or compile
// its .wasm, and then never settles: while it starts, such a failure, or any uncaught error,
// rejects this instead.
function watchedStart(options) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  let fail;
  return new Promise((resolve, reject) => {
    fail = (event) => reject(event.reason ?? event.error ?? new Error(event.message));
    const watched = (original) => (...args) =>
      original.apply(WebAssembly, args).catch((error) => {
        reject(error);
        throw error;
      });
    WebAssembly.instantiate = watched(instantiate);
    WebAssembly.instantiateStreaming = watched(instantiateStreaming);
    addEventListener("unhandledrejection", fail);
    addEventListener("error", fail);
    startPyodide(options).then(resolve, reject);
  }).finally(() => {
    Object.assign(WebAssembly, { instantiate, instantiateStreaming });
    removeEventListener("unhandledrejection", fail);
    removeEventListener("error", fail);
  });
}

// Pyodide started, with sendrules.zip unpacked and the finder for the rest of the standard library
// installed, and how: "kept" (from this browser's kept start) or "fresh". calculators_worker.py's
// started() tells the page which (PYTHON_START).
async function start(options, rules) {
  const indexURL = new URL("../pyodide/", import.meta.url).href;
  const cache = await startCache();
  const kept = await keptStart(cache);
  if (kept) {
    // Read and unpacked while Pyodide fetches and compiles its own files.
    const memory = kept.arrayBuffer().then((bytes) => unpack(new Uint8Array(bytes)));
    memory.catch(() => {}); // Pyodide awaits it later, and its start fails then, as handled below
    const pyodide = await watchedStart({ ...options, indexURL, _loadSnapshot: memory }).catch((error) => {
      console.warn("The kept Python start failed; starting afresh:", error);
      return cache.delete(START_KEY).then(() => null, () => null);
    });
    if (pyodide) {
      // sendrules is imported and the finder installed already; the files are for tracebacks and
      // for what sendrules imports later.
      pyodide.unpackArchive(await rules, "zip");
      return [pyodide, "kept"];
    }
  }
  const pyodide = await watchedStart({ ...options, indexURL, _makeSnapshot: Boolean(cache) });
  pyodide.unpackArchive(await rules, "zip");
  const finder = pyodide.pyimport("stdlib_rest");
  finder.install(STDLIB_REST);
  finder.destroy();
  if (cache) {
    // Before PyScript runs anything in it, and before a reader has typed anything.
    pyodide.runPython("import sendrules.web");
    keep(cache, pyodide.makeMemorySnapshot());
  }
  return [pyodide, "fresh"];
}

export async function loadPyodide(options) {
  const rules = download(RULES);
  // A missing zip fails the start at once, not after Pyodide's download.
  const missing = new Promise((resolve, reject) => rules.catch(reject));
  const [pyodide, how] = await Promise.race([start(options, rules), missing]);
  pyodide.globals.set("PYTHON_START", how);
  return pyodide;
}
