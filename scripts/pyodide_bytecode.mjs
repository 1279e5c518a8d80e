// Adds bytecode, compiled by the Pyodide the site ships, to the two zips the worker's Python
// comes from (docs/decisions/002-performance.md).
//
//     node scripts/pyodide_bytecode.mjs IN.zip OUT.zip MODULE STDLIB_IN.zip STDLIB_OUT.zip REST_OUT.zip
//
// hooks/site.py runs this at build time with MODULE = sendrules.web and STDLIB_IN.zip = the
// trimmed copy of Pyodide's python_stdlib.zip. It starts Pyodide, unpacks IN.zip, imports
// stdlib_rest (docs/assets/py/stdlib_rest.py, which the worker imports first) and MODULE, then
// answers every calculator's rehearsal (MODULE.prepare with every name in MODULE.MODULES).
//
// OUT.zip is everything in IN.zip plus, for each module from IN.zip that the import of MODULE
// loaded, its __pycache__/NAME.cpython-3XX.pyc. Modules imported later (by prepare) keep only
// their source: bytecode is about twice the size of source once zipped, and the worker imports
// those while the reader types.
//
// STDLIB_OUT.zip holds every standard-library module that Pyodide's start-up, MODULE and the
// rehearsals loaded, or found and failed to load (an optional import), as bytecode (NAME.pyc
// where NAME.py was, which is where zipimport looks). Pyodide's Python otherwise compiles each
// of them from source at every start, and zipimport compiles a module without bytecode twice.
// That bytecode is compiled as with `python -OO` (no docstrings, no asserts): 0.24 MB smaller
// zipped, as quick to load. REST_OUT.zip holds every other module of STDLIB_IN.zip, as source,
// and OUT.zip lists them in stdlib_rest.json: the worker downloads REST_OUT.zip only if an import
// needs it (docs/assets/py/stdlib_rest.py), so a rare import still works.
//
// Pyodide's own CPython writes the bytecode, so it always matches the browser's Python. The
// files are "unchecked-hash": Python uses them without comparing them with a source's date
// (unpacking gives every file a new date; each build makes new zips, so they cannot go stale).
// Entries are sorted and dated 1980-01-01, so the same input gives the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [input, output, module, stdlibInput, stdlibOutput, restOutput] = process.argv.slice(2);
if (!input || !output || !module || !stdlibInput || !stdlibOutput || !restOutput) {
  console.error("usage: node scripts/pyodide_bytecode.mjs IN.zip OUT.zip MODULE STDLIB_IN.zip STDLIB_OUT.zip REST_OUT.zip");
  process.exit(2);
}

const pyodide = await loadPyodide();
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(input));
pyodide.FS.writeFile("/tmp/stdlib-in.zip", readFileSync(stdlibInput));
pyodide.globals.set("module_name", module);
pyodide.runPython(`
import importlib
import json
import os
import sys
import zipfile
import zipimport

TREE = "/tmp/tree"
STDLIB_TREE = "/tmp/stdlib"
# Where Pyodide mounts its standard library zip (sys.path), as the browser's worker does.
STDLIB = next(path for path in sys.path if path.endswith(".zip"))


def loaded_from(folder):
    return sorted(
        m.__file__ for m in list(sys.modules.values())
        if (getattr(m, "__file__", None) or "").startswith(folder + "/")
        and getattr(getattr(m, "__spec__", None), "origin", None) != "frozen"  # built into Python
    )


def write_zip(tree, path, keep=lambda name: True):
    names = sorted(
        os.path.relpath(os.path.join(folder, name), tree)
        for folder, _, files in os.walk(tree)
        for name in files
    )
    with zipfile.ZipFile(path, "w") as out:
        for name in names:
            if not keep(name):
                continue
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(os.path.join(tree, name), "rb") as file:
                out.writestr(info, file.read(), compresslevel=9)


# Every standard-library module found, whether or not it then loads: an optional import that
# fails (a module that needs what Pyodide lacks) must not send the worker for the second zip.
found_in_stdlib = set()
find_spec = zipimport.zipimporter.find_spec


def finding(self, fullname, target=None):
    spec = find_spec(self, fullname, target)
    if spec is not None and self.archive == STDLIB and spec.origin:
        found_in_stdlib.add(spec.origin[len(STDLIB) + 1:])
    return spec


zipimport.zipimporter.find_spec = finding
with zipfile.ZipFile("/tmp/in.zip") as source:
    source.extractall(TREE)
sys.path.insert(0, TREE)
importlib.import_module("stdlib_rest")
web = importlib.import_module(module_name)
ready_path = loaded_from(TREE)

# Every calculator's rehearsal (MODULE.MODULES names every calculator).
names = sorted(web.MODULES)
if not names or web.prepare(json.dumps(names)) is not True or sorted(web.CALCULATORS) != names:
    raise SystemExit(f"{module_name}.prepare did not answer every calculator's rehearsal")
stdlib_loaded = sorted(
    {path[len(STDLIB) + 1:] for path in loaded_from(STDLIB)} | {p for p in found_in_stdlib if p.endswith(".py")}
)
in_first = frozenset(stdlib_loaded)
zipimport.zipimporter.find_spec = find_spec

import py_compile  # noqa: E402 - once the modules are listed: the worker never imports it

UNCHECKED = py_compile.PycInvalidationMode.UNCHECKED_HASH
for path in ready_path:
    py_compile.compile(path, doraise=True, invalidation_mode=UNCHECKED)
with zipfile.ZipFile("/tmp/stdlib-in.zip") as source:
    source.extractall(STDLIB_TREE)
    rest = sorted(
        name for name in source.namelist() if name.endswith(".py") and name not in in_first
    )
with open(os.path.join(TREE, "stdlib_rest.json"), "w") as index:
    json.dump(sorted(name[:-3].removesuffix("/__init__").replace("/", ".") for name in rest), index)
write_zip(TREE, "/tmp/out.zip")
missing = [name for name in stdlib_loaded if not os.path.exists(os.path.join(STDLIB_TREE, name))]
if missing:
    raise SystemExit(f"the trimmed standard library lacks modules the worker imports: {missing}")
for name in stdlib_loaded:
    py_compile.compile(
        os.path.join(STDLIB_TREE, name), cfile=os.path.join(STDLIB_TREE, name[:-3] + ".pyc"),
        dfile=f"{STDLIB}/{name}", doraise=True, invalidation_mode=UNCHECKED,
        optimize=2,
    )
write_zip(STDLIB_TREE, "/tmp/stdlib-out.zip", keep=lambda name: not name.endswith(".py"))
write_zip(STDLIB_TREE, "/tmp/stdlib-rest.zip", keep=lambda name: name.endswith(".py") and name not in in_first)
print(
    f"bytecode for {len(ready_path)} modules imported by {module_name} and for "
    f"{len(stdlib_loaded)} standard-library modules; {len(rest)} more as source in the second zip",
    file=sys.stderr,
)
`);
writeFileSync(output, pyodide.FS.readFile("/tmp/out.zip"));
writeFileSync(stdlibOutput, pyodide.FS.readFile("/tmp/stdlib-out.zip"));
writeFileSync(restOutput, pyodide.FS.readFile("/tmp/stdlib-rest.zip"));
