// Adds bytecode to the worker's zip for the modules it imports before it reports ready,
// compiled by the Pyodide the site ships (README, "Performance").
//
//     node scripts/pyodide_bytecode.mjs IN.zip OUT.zip MODULE
//
// hooks/site.py runs this at build time with MODULE = sendrules.web. It unpacks IN.zip, imports
// MODULE in Pyodide, and writes OUT.zip: everything in IN.zip plus, for each module from the zip
// that the import loaded, its __pycache__/NAME.cpython-3XX.pyc. Pyodide's own CPython writes
// them, so the bytecode always matches the browser's Python. They are "unchecked-hash" files:
// Python uses them without comparing them with the source's date (unpacking gives every file a
// new date; each build makes a new zip, so they cannot go stale). Modules imported later keep
// only their source: bytecode is about twice the size of source once zipped, and the worker
// imports those while the reader types. Entries are sorted and dated 1980-01-01, so the same
// input gives the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [input, output, module] = process.argv.slice(2);
if (!input || !output || !module) {
  console.error("usage: node scripts/pyodide_bytecode.mjs IN.zip OUT.zip MODULE");
  process.exit(2);
}

const pyodide = await loadPyodide();
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(input));
pyodide.globals.set("module_name", module);
pyodide.runPython(`
import importlib
import os
import py_compile
import sys
import zipfile

TREE = "/tmp/tree"
with zipfile.ZipFile("/tmp/in.zip") as source:
    source.extractall(TREE)
sys.path.insert(0, TREE)
importlib.import_module(module_name)
loaded = sorted(
    m.__file__ for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(TREE + "/")
)
for path in loaded:
    py_compile.compile(
        path, doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
    )
paths = sorted(
    os.path.relpath(os.path.join(folder, name), TREE)
    for folder, _, names in os.walk(TREE)
    for name in names
)
with zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for path in paths:
        info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(os.path.join(TREE, path), "rb") as file:
            out.writestr(info, file.read(), compresslevel=9)
print(f"bytecode for {len(loaded)} modules imported by {module_name}", file=sys.stderr)
`);
writeFileSync(output, pyodide.FS.readFile("/tmp/out.zip"));
