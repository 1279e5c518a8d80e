// Times sendrules.offer_check.check_offer in the Pyodide the site ships, under Node (V8 runs the
// same WebAssembly as Chromium). Called by scripts/bench_offer_check.py, which writes the texts.
//
//     node scripts/bench_offer_check.mjs PYLIB_DIR TEXTS.json REPEATS
//
// Prints one JSON object: for each text, the best and the median of REPEATS runs, in milliseconds.
import fs, { readFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [pylib, textsFile, repeats] = process.argv.slice(2);
const pyodide = await loadPyodide();
const walk = (dir, into) => {
  pyodide.FS.mkdirTree(into);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "__pycache__") continue;
    const from = path.join(dir, entry.name);
    const to = `${into}/${entry.name}`;
    if (entry.isDirectory()) walk(from, to);
    else pyodide.FS.writeFile(to, fs.readFileSync(from));
  }
};
walk(path.join(pylib, "sendrules"), "/lib/bench/sendrules");
pyodide.FS.writeFile("/tmp/texts.json", readFileSync(textsFile));
pyodide.globals.set("repeats", Number(repeats));
const out = pyodide.runPython(`
import json, statistics, sys, time
sys.path.insert(0, "/lib/bench")
from sendrules.offer_check import check_offer
texts = json.load(open("/tmp/texts.json", encoding="utf-8"))
result = {}
for name, text in texts.items():
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        check_offer(text)
        times.append((time.perf_counter() - start) * 1000)
    result[name] = {"best_ms": min(times), "median_ms": statistics.median(times)}
json.dumps(result)
`);
console.log(out);
