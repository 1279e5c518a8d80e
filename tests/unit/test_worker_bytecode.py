"""The zips the browser's worker loads carry bytecode that Pyodide's Python really uses.

hooks/site.py adds, with scripts/pyodide_bytecode.mjs, bytecode compiled by the site's own
Pyodide for the modules the worker imports before it reports ready. If Pyodide's Python version
changed, or the files landed in the wrong place, the worker would quietly compile the source
again and only be slower: this test runs the zip in that Pyodide, under Node.js, and watches
which modules are compiled from source. The same goes for the standard library the site ships:
bytecode for what Pyodide's start, sendrules.web and every calculator's rehearsal import, in the
first zip; source for the rest, in a second zip that the worker downloads only if an import needs
it (docs/assets/py/stdlib_rest.py, whose finder is run here with the zip read from disk).
"""

from __future__ import annotations

import ast
import json
import subprocess
import zipfile

import pytest
from hooks import site as hook

CHECK = """
import { readFileSync } from "node:fs";
import { loadPyodide } from "PYODIDE";
const pyodide = await loadPyodide();
pyodide.FS.writeFile("/tmp/worker.zip", readFileSync(process.argv[2]));
console.log(pyodide.runPython(`
import importlib._bootstrap_external as external, json, sys, zipfile
compiled = []
from_source = external.SourceLoader.source_to_code
def spy(self, data, path, *args, **kwargs):
    compiled.append(path.removeprefix("/tmp/tree/"))
    return from_source(self, data, path, *args, **kwargs)
external.SourceLoader.source_to_code = spy
zipfile.ZipFile("/tmp/worker.zip").extractall("/tmp/tree")
sys.path.insert(0, "/tmp/tree")
import sendrules.web
before_ready = list(compiled)
sendrules.web.prepare('["appeal-deadline"]')
json.dumps({"before_ready": before_ready, "prepare": compiled[len(before_ready):]})
`));
"""


@pytest.fixture(scope="module")
def worker_zip(runtime_site):
    return runtime_site[1]


def test_the_zip_has_bytecode_only_for_what_the_worker_imports_before_ready(worker_zip):
    with zipfile.ZipFile(worker_zip) as archive:
        cached = sorted(name for name in archive.namelist() if name.endswith(".pyc"))
    modules = sorted(name.replace("__pycache__/", "").split(".")[0] for name in cached)
    assert modules == [
        "sendrules/__init__", "sendrules/errors", "sendrules/forms", "sendrules/results",
        "sendrules/sources", "sendrules/web/__init__", "sendrules/web/framework", "sendrules/web/pieces",
        "sendrules/web/questions", "stdlib_rest",
    ]
    assert all(f"/{name}".count("/__pycache__/") == 1 and ".cpython-3" in name for name in cached)


def test_pyodide_imports_the_ready_path_from_bytecode_and_the_rest_from_source(worker_zip, tmp_path):
    script = tmp_path / "check.mjs"
    pyodide = (hook.PYODIDE_DIST / "pyodide.mjs").as_uri()
    script.write_text(CHECK.replace("PYODIDE", pyodide), encoding="utf-8")
    done = subprocess.run(["node", str(script), str(worker_zip)], capture_output=True, text=True, check=True)
    compiled = json.loads(done.stdout.strip().splitlines()[-1])
    assert compiled["before_ready"] == []
    # the spy works: what prepare() imports has no bytecode, so it is compiled from source
    assert "sendrules/time_limits.py" in compiled["prepare"]
    assert "dateutil/relativedelta.py" in compiled["prepare"]


STDLIB_CHECK = """
import { readFileSync } from "node:fs";
import { loadPyodide } from "PYODIDE";
const pyodide = await loadPyodide({ stdLibURL: process.argv[3] });
pyodide.FS.writeFile("/tmp/worker.zip", readFileSync(process.argv[2]));
pyodide.FS.writeFile("/tmp/rest.zip", readFileSync(process.argv[4]));
console.log(pyodide.runPython(`
import json, sys, zipfile
zipfile.ZipFile("/tmp/worker.zip").extractall("/tmp/tree")
sys.path.insert(0, "/tmp/tree")
import stdlib_rest
asked = []
def fetch(url):
    asked.append(url)
    with open("/tmp/rest.zip", "rb") as file:
        return file.read()
finder = stdlib_rest.install("https://example.test/rest.zip", fetch, "/tmp/mounted-rest.zip")
import sendrules.web as web
assert web.prepare(json.dumps(sorted(web.MODULES)))
stdlib = next(path for path in sys.path if path.endswith(".zip")) + "/"
loaded = {
    name: module.__file__[len(stdlib):] for name, module in list(sys.modules.items())
    if (getattr(module, "__file__", None) or "").startswith(stdlib)
    and getattr(module.__spec__, "origin", None) != "frozen"
}
asked_before_rare = list(asked)
try:
    import no_such_module_anywhere
except ModuleNotFoundError:
    pass
asked_for_missing = list(asked)
import difflib  # nothing of ours imports it: it comes from the second zip
import statistics, html.entities  # a module and a package's submodule: no second download
json.dumps({
    "loaded": loaded, "asked_before_rare": asked_before_rare, "asked_for_missing": asked_for_missing,
    "asked": asked, "rare": [difflib.__file__, statistics.__file__, html.entities.__file__],
    "ratio": difflib.SequenceMatcher(None, "abcd", "abce").ratio(),
})
`));
"""


def test_the_standard_library_has_bytecode_for_what_the_worker_imports_and_the_rest_comes_on_demand(
    worker_zip, tmp_path
):
    pyodide_dir = worker_zip.parents[2] / hook.PYODIDE_TARGET
    stdlib = pyodide_dir / hook.STDLIB_ZIP
    (rest,) = pyodide_dir.glob("python_stdlib_rest.*.zip")
    with zipfile.ZipFile(stdlib) as archive:
        names = archive.namelist()
    with zipfile.ZipFile(rest) as archive:
        rest_names = archive.namelist()
    with zipfile.ZipFile(worker_zip) as archive:
        index = json.loads(archive.read("stdlib_rest.json"))
    script = tmp_path / "check.mjs"
    pyodide = (hook.PYODIDE_DIST / "pyodide.mjs").as_uri()
    script.write_text(STDLIB_CHECK.replace("PYODIDE", pyodide), encoding="utf-8")
    done = subprocess.run(
        ["node", str(script), str(worker_zip), str(stdlib), str(rest)], capture_output=True, text=True,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    from_source = sorted(path for path in found["loaded"].values() if not path.endswith(".pyc"))
    assert from_source == [], found["loaded"]
    assert {"json", "datetime", "dataclasses", "encodings.utf_8"} <= found["loaded"].keys()
    bytecode = {name for name in names if name.endswith(".pyc")}
    assert bytecode >= set(found["loaded"].values())  # what is imported has bytecode
    assert not [name for name in names if name.endswith(".py")]  # and the first zip no source
    # The second zip: every other module of the trimmed standard library, as source, and the
    # index the finder goes by lists exactly those.
    assert rest_names and all(name.endswith(".py") for name in rest_names)
    assert not {name[:-1] for name in bytecode} & set(rest_names)
    assert sorted(index) == sorted(
        name[:-3].removesuffix("/__init__").replace("/", ".") for name in rest_names
    )
    with zipfile.ZipFile(hook._smaller_stdlib(hook.PYODIDE_DIST / hook.STDLIB_ZIP)) as archive:
        trimmed = {name for name in archive.namelist() if name.endswith(".py")}
    assert trimmed == {name[:-1] for name in bytecode} | set(rest_names)
    # Starting, importing sendrules.web and every rehearsal never ask for it; a module that
    # exists nowhere does not either; three imports from it download it once.
    assert found["asked_before_rare"] == [] and found["asked_for_missing"] == []
    assert found["asked"] == ["https://example.test/rest.zip"]
    assert found["rare"] == ["/tmp/mounted-rest.zip/difflib.py", "/tmp/mounted-rest.zip/statistics.py",
                             "/tmp/mounted-rest.zip/html/entities.py"]
    assert found["ratio"] == 0.75


def _imported_names(path):
    """Every module name an import statement in ``path`` names (absolute imports only)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _left_out(module: str) -> bool:
    """Whether the trimmed standard library lacks ``module`` (hooks/site.py)."""
    parts = module.split(".")
    top = {parts[0], parts[0] + ".py"}
    paths = {"/".join(parts) + ".py", "/".join(parts) + "/__init__.py"}
    return bool(top & hook.STDLIB_LEFT_OUT or paths & hook.STDLIB_SUBMODULES_LEFT_OUT)


def test_no_module_the_browser_runs_imports_what_the_standard_library_leaves_out():
    files = [
        *(path for path in hook.PACKAGE.rglob("*.py") if path.name not in ("cli.py", "__main__.py")),
        hook.ROOT / "docs" / "assets" / "py" / "calculators_worker.py",
    ]
    found = {(path.name, name) for path in files for name in _imported_names(path) if _left_out(name)}
    assert found == set()
    # the check can fail: these are left out
    assert _left_out("configparser") and _left_out("logging.handlers") and _left_out("tomllib._parser")
    assert not _left_out("logging") and not _left_out("json")
