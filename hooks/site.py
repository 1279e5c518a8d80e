"""MkDocs hook: fill the calculator and sources placeholders, and ship the browser runtime.

Pages hold three kinds of placeholder (the first two: docs/decisions/001-one-library-two-runtimes.md):

* ``<!-- calculator: NAME -->`` becomes ``sendrules.web.form_html(NAME)``;
* ``<!-- sources: ID ID ... -->`` becomes ``sendrules.web.sources_html([ID, ...])``;
* ``{{ repository }}`` becomes ``extra.repository`` ("owner/name"), which also gives the site's
  default address.

Every built page also gets the site's Content-Security-Policy
(docs/decisions/003-content-security-policy.md).

After the build, the runtime the calculators need is copied into the built site (never into
docs/): PyScript's core, the Pyodide runtime files, and one zip of the Python the worker runs:
the ``sendrules`` package from the working tree, data files included, with the modules of the
pinned python-dateutil wheel that sendrules imports and the wheel's licence and metadata, and
bytecode for what the worker imports before it is ready. Pyodide's standard library ships
trimmed, with bytecode for what the worker imports, and its lock file without packages. Last,
Workbox writes the service worker, sw.js (docs/decisions/002-performance.md).
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
PYLIB = ROOT / "pylib"
PACKAGE = PYLIB / "sendrules"
NODE_MODULES = ROOT / "node_modules"
WHEELS = ROOT / "build" / "wheels"

PYSCRIPT_DIST = NODE_MODULES / "@pyscript" / "core" / "dist"
PYODIDE_DIST = NODE_MODULES / "pyodide"
PYODIDE_RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
DATEUTIL_WHEEL = "python_dateutil-4.0.0-py3-none-any.whl"
# What the worker needs from the wheel: relativedelta (sendrules.calendar) and what it imports,
# plus the licence and metadata; about 10 kB of the wheel's 93 kB. tests/unit/test_web.py checks
# that answering every calculator imports nothing else from dateutil.
DATEUTIL_MODULES = ("dateutil/__init__.py", "dateutil/_common.py", "dateutil/_version.py",
                    "dateutil/relativedelta.py")
DATEUTIL_DIST_INFO = "-".join(DATEUTIL_WHEEL.split("-")[:2]) + ".dist-info/"  # python_dateutil-4.0.0
# What the worker imports before it reports ready (docs/assets/py/calculators_worker.py): the
# modules this loads get bytecode compiled by Pyodide in the zip (scripts/pyodide_bytecode.mjs).
WORKER_IMPORTS = "sendrules.web"
BYTECODE_SCRIPT = ROOT / "scripts" / "pyodide_bytecode.mjs"
SERVICE_WORKER_SCRIPT = ROOT / "scripts" / "service_worker.mjs"

# Parts of Pyodide's standard library bundle that nothing in the calculators' worker imports
# (Pyodide, PyScript's worker package or sendrules): debuggers, test runners, profilers, the REPL,
# processes, mail/FTP/XML-RPC clients, and the email, HTTP and XML packages. Leaving them out of
# the shipped python_stdlib.zip saves about 0.75 MB of the 2.5 MB, which is already compressed
# (docs/decisions/002-performance.md).
STDLIB_LEFT_OUT = frozenset({
    "_pyrepl", "bdb.py", "cProfile.py", "doctest.py", "ftplib.py", "imaplib.py", "mailbox.py",
    "modulefinder.py", "multiprocessing", "pdb.py", "pickletools.py", "poplib.py", "profile.py",
    "pstats.py", "pyclbr.py", "pydoc.py", "smtplib.py", "tabnanny.py", "timeit.py", "trace.py",
    "unittest", "webbrowser.py", "wsgiref", "xmlrpc", "zipapp.py", "email", "http", "xml",
})
# Also left out (about 0.2 MB zipped), after a search of every import statement that the worker's
# code can reach (Python's modulefinder, run in Pyodide from sendrules, its web modules and
# Pyodide's own packages, over the whole standard library; docs/decisions/002-performance.md):
# modules no import statement reaches, and the pure-Python fallbacks for io and datetime, which
# Pyodide has built in. tests/unit/test_worker_bytecode.py checks that sendrules imports none of them.
STDLIB_LEFT_OUT |= frozenset({
    "_markupbase.py", "_pydatetime.py", "_pyio.py", "antigravity.py", "colorsys.py", "compileall.py",
    "configparser.py", "filecmp.py", "fileinput.py", "getpass.py", "graphlib.py", "optparse.py",
    "pty.py", "sched.py", "shelve.py", "sqlite3", "symtable.py", "this.py", "tomllib", "uuid.py",
    "wave.py", "zoneinfo",
})
STDLIB_SUBMODULES_LEFT_OUT = frozenset({
    "asyncio/__main__.py", "asyncio/tools.py", "html/parser.py", "importlib/metadata/diagnose.py",
    "json/__main__.py", "json/tool.py", "logging/config.py", "logging/handlers.py",
    "sysconfig/__main__.py", "urllib/robotparser.py",
})
# And the codecs for legacy 8-bit code pages and East Asian encodings (0.28 MB zipped): text in the
# worker is UTF-8. cp437 stays: zipfile decodes file names with it.
LEGACY_ENCODINGS = re.compile(
    r"encodings/(cp(?!437\b)\d+|mac_\w+|iso8859_\d+|koi8_\w+|kz1048|ptcp154|tis_620|hp_roman8|palmos"
    r"|euc_\w+|shift_jis\w*|gb\w+|big5\w*|hz|iso2022_\w+|johab|cp65001|mbcs|oem)\.py$"
)
STDLIB_ZIP = "python_stdlib.zip"
# The standard library's modules that nothing the worker is known to do imports, as source, named by
# a hash of its content: the worker downloads it only if an import needs it
# (docs/assets/py/stdlib_rest.py), and the service worker keeps it for offline use. The loader
# names it STDLIB_REST_PLACEHOLDER in docs/, and the build writes the real name in.
STDLIB_REST_ZIP = "python_stdlib_rest.{hash}.zip"
STDLIB_REST_PLACEHOLDER = "../pyodide/python_stdlib_rest.zip"
# The finder for it, which the worker's loader installs first: zipped with sendrules at the top level.
STDLIB_REST_FINDER = ROOT / "docs" / "assets" / "py" / "stdlib_rest.py"
# sendrules and the dateutil modules it needs, named by a hash of the zip's content so that the
# service worker may take the page's copy from the browser's HTTP cache (scripts/service_worker.mjs).
# The loader (LOADER) names it RULES_PLACEHOLDER in docs/, and the build writes the real name in.
RULES_ZIP = "sendrules.{hash}.zip"
RULES_PLACEHOLDER = "../py/sendrules.zip"
LOADER = "assets/js/pyodide-loader.js"
LOCK_FILE = "pyodide-lock.json"
# The loader keeps Python's started memory in the browser (Pyodide's memory snapshot), under a name
# made from a hash of every file that memory depends on: these, the two zips and the loader itself.
# The build writes the hash in; with AB_NO_KEPT_START set in the environment it writes "", and the
# site keeps no start (for `make bench BENCH_ARGS="--variant-env AB_NO_KEPT_START=1"`).
START_BUILD_PLACEHOLDER = '"START_BUILD"'
START_DEPENDS_ON = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs", LOCK_FILE, STDLIB_ZIP)

# Where the glue (docs/assets/js/calculators.js) expects each piece, relative to the site root.
PYSCRIPT_TARGET = Path("assets/pyscript")
PYODIDE_TARGET = Path("assets/pyodide")
PYTHON_TARGET = Path("assets/py")

CALCULATOR = re.compile(r"<!--\s*calculator:\s*([a-z0-9-]+)\s*-->")
GLUE = "assets/js/calculators.js"
START_PYTHON = "assets/js/start-python.js"
VIEWPORT = re.compile(r"<meta name=\"viewport\"[^>]*>")
SOURCES = re.compile(r"<!--\s*sources:\s*([^>]*?)\s*-->")

# The Content-Security-Policy every page carries in a <meta> tag, the same on every page: Material's
# instant navigation keeps the first page's policy for the pages swapped in after it, and runs the
# inline scripts of their content under it. Why each source is there:
# docs/decisions/003-content-security-policy.md. {hashes} is filled with the sha256 of every inline
# script of the built site (Material's own and ours).
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL)
SCRIPT_TYPES = ("", "module", "text/javascript")  # types a browser runs; JSON blocks are data
CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.IGNORECASE)

REPOSITORY = "{{ repository }}"

SETUP_HINT = "Run `make build` (or `make serve`), which installs it first."


def _web():
    """Import sendrules.web from the working tree, failing the build with a clear message."""
    if str(PYLIB) not in sys.path:
        sys.path.insert(0, str(PYLIB))
    if not (PACKAGE / "web" / "__init__.py").exists():
        raise PluginError(
            "A page has a calculator or sources placeholder but pylib/sendrules/web/__init__.py does "
            "not exist, so the placeholder cannot be filled in."
        )
    return importlib.import_module("sendrules.web")


def on_config(config):
    """The site's address: SITE_URL when set (the tests, the publishing workflow), otherwise the
    GitHub Pages address of ``extra.repository``, the one setting for where the project lives."""
    owner, name = _repository(config)
    config["site_url"] = os.environ.get("SITE_URL") or f"https://{owner}.github.io/{name}/"
    return config


def on_page_markdown(markdown, page, config, files):
    """Fill REPOSITORY (``{{ repository }}``, "owner/name") in a page, such as the link to our issues."""
    return markdown.replace(REPOSITORY, "/".join(_repository(config)))


def _repository(config) -> tuple[str, str]:
    repository = str(config["extra"].get("repository", ""))
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repository):
        raise PluginError(f'extra.repository in mkdocs.yml must be "owner/name", not "{repository}".')
    owner, name = repository.split("/")
    return owner, name


def on_page_content(html, page, config, files):
    """Replace the placeholders after Markdown has run, so their HTML is inserted untouched.

    Markdown passes HTML comments through as they are, while a placeholder quoted in a code
    block arrives escaped (``&lt;!--``) and is left alone.
    """
    if not (CALCULATOR.search(html) or SOURCES.search(html)):
        return html
    web = _web()
    try:
        html = CALCULATOR.sub(lambda match: web.form_html(match.group(1)), html)
        return SOURCES.sub(lambda match: web.sources_html(match.group(1).split()), html)
    except (LookupError, ValueError) as error:
        raise PluginError(f"{page.file.src_path}: {error}") from error


def on_post_page(output, page, config):
    """On a page with a calculator, start Python from the <head>.

    Just after the viewport tag, before the stylesheets, go a one-line script that imports
    START_PYTHON and asks for PRELOADED_RUNTIME, and preloads for what START_PYTHON imports:
    PyScript's core and its main chunk, and the glue. The browser fetches them with the page's
    styles and runs them as soon as the main thread is free, which creates the worker about 0.2 s
    sooner than starting it from the glue (README, "Performance"). An async module script there
    ran only once the page had been parsed. The glue at the end of the body is the same module and
    does not run twice.
    """
    if 'data-calculator="' not in output:
        return output
    start = get_relative_url(START_PYTHON, page.url)
    script = f'import("{start}").catch(() => {{}});'  # the glue reports failures
    runtime = [get_relative_url((PYODIDE_TARGET / name).as_posix(), page.url) for name in PRELOADED_RUNTIME]
    script += RUNTIME_PRELOAD.replace("RUNTIME", json.dumps(runtime))
    tags = [f"<script>{script}</script>"]
    for path in [*_pyscript_core_modules(), GLUE]:
        tags.append(f'<link rel="modulepreload" href="{get_relative_url(path, page.url)}">')
    output, found = VIEWPORT.subn(lambda match: match.group(0) + "".join(tags), output, count=1)
    if not found:
        raise PluginError(f"{page.file.src_path}: no <meta name=\"viewport\"> to start Python after.")
    return output


# Two of Pyodide's large files, which the worker only asks for once PyScript has created it
# (0.6-0.9 s after the page starts on the phone profile). Unless a service worker answers the
# page (a repeat visit, where they come from its cache), the <head> asks for them at once, at low
# priority, so that the connection is busy from the start and they are in the browser's HTTP
# cache, or arriving, when the worker asks: the browser sends one request for each. Each body is
# taken as a Blob, which the browser assembles off the page's main thread and the page then
# drops; a <link rel="preload"> kept the bodies in the page, a task of about 180 ms on the phone
# profile when they arrived. Not the .wasm: a private window's in-memory cache did not keep the
# 9.6 MB file when it was sent uncompressed, so the worker downloaded it again, and asking for
# the two others alone was as quick (docs/decisions/002-performance.md, round 6).
PRELOADED_RUNTIME = ("python_stdlib.zip", "pyodide.asm.mjs")
RUNTIME_PRELOAD = (
    "if(!navigator.serviceWorker?.controller)for(const href of RUNTIME)"
    'fetch(href,{priority:"low"}).then((r)=>r.blob()).catch(()=>{})'
)


def _pyscript_core_modules() -> list[str]:
    """PyScript's core.js and the chunk it re-exports (its name carries a content hash)."""
    core = _require(PYSCRIPT_DIST / "core.js", "node_modules/@pyscript/core (npm ci)")
    core = core.read_text(encoding="utf-8")
    chunks = re.findall(r'from\s*"\./(core-[\w-]+\.js)"', core)
    if not chunks:
        raise PluginError("PyScript's core.js no longer re-exports a core-*.js chunk: update hooks/site.py.")
    return [(PYSCRIPT_TARGET / name).as_posix() for name in ["core.js", *chunks]]


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise PluginError(f"{what} is missing ({path.relative_to(ROOT)}). {SETUP_HINT}")
    return path


def _copy_pyscript(site: Path) -> None:
    """PyScript's built chunks; the source maps and the empty service worker are not needed."""
    _require(PYSCRIPT_DIST, "node_modules/@pyscript/core (npm ci)")
    target = site / PYSCRIPT_TARGET
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(PYSCRIPT_DIST.iterdir()):
        if path.suffix == ".map" or path.name == "service-worker.js":
            continue
        shutil.copy2(path, target / path.name)


def _copy_pyodide(site: Path) -> None:
    """Pyodide's runtime files; the standard library comes with the worker's zip (_zip_package),
    and the lock file without its list of packages (_lock_without_packages)."""
    target = site / PYODIDE_TARGET
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_RUNTIME_FILES:
        source = _require(PYODIDE_DIST / name, "node_modules/pyodide (npm ci)")
        if name == LOCK_FILE:
            _lock_without_packages(source, target / name)
        elif name != STDLIB_ZIP:
            shutil.copy2(source, target / name)


def _lock_without_packages(source: Path, target: Path) -> None:
    """Pyodide reads its lock file at every start, but the worker loads no Pyodide package: only
    the file's "info" (which Pyodide checks against its ABI) is shipped, 119 kB -> 0.1 kB."""
    lock = json.loads(source.read_text(encoding="utf-8"))
    target.write_text(json.dumps({"info": lock["info"], "packages": {}}), encoding="utf-8")


def _smaller_stdlib(source: Path) -> Path:
    """Pyodide's python_stdlib.zip without STDLIB_LEFT_OUT, STDLIB_SUBMODULES_LEFT_OUT and
    LEGACY_ENCODINGS, made once into build/ and reused.

    The copy keeps the source's timestamp, so browsers cache it as they cache the other files.
    """
    stat = source.stat()
    left_out = "-".join(sorted(STDLIB_LEFT_OUT | STDLIB_SUBMODULES_LEFT_OUT))
    key = f"{stat.st_size}-{stat.st_mtime_ns}-{left_out}-{LEGACY_ENCODINGS.pattern}"
    out = ROOT / "build" / "pyodide" / f"python_stdlib-{zlib.crc32(key.encode()):08x}.zip"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(partial, "w") as smaller:
        for info in original.infolist():
            name = info.filename
            left_out = name.split("/", 1)[0] in STDLIB_LEFT_OUT or name in STDLIB_SUBMODULES_LEFT_OUT
            if not (left_out or LEGACY_ENCODINGS.match(name)):
                smaller.writestr(info, original.read(info), compress_type=info.compress_type, compresslevel=9)
    os.utime(partial, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    partial.replace(out)
    return out


def _zip_package(site: Path) -> tuple[Path, Path]:
    """Zip sendrules as it is in the working tree, with its data files, the finder for the rest
    of the standard library (STDLIB_REST_FINDER), and from the python-dateutil wheel
    DATEUTIL_MODULES and the wheel's licence and metadata; and put the two standard library zips
    in the site (_with_bytecode).

    The timestamps are fixed so that the same sources give the same zip, and so the same name
    (RULES_ZIP). Returns where the zip and the rest of the standard library (STDLIB_REST_ZIP) are.
    """
    wheel = _require(WHEELS / DATEUTIL_WHEEL, f"The {DATEUTIL_WHEEL} wheel")
    members = {
        path.relative_to(PYLIB).as_posix(): path.read_bytes()
        for path in [*PACKAGE.rglob("*.py"), *PACKAGE.glob("data/*.json")]
        if "__pycache__" not in path.parts
    }
    members[STDLIB_REST_FINDER.name] = STDLIB_REST_FINDER.read_bytes()
    with zipfile.ZipFile(wheel) as dateutil:
        for name in dateutil.namelist():
            # RECORD lists every file of the wheel, most of which are not shipped.
            metadata = name.startswith(DATEUTIL_DIST_INFO) and not name.endswith("/RECORD")
            if name in DATEUTIL_MODULES or metadata:
                members[name] = dateutil.read(name)
    missing = set(DATEUTIL_MODULES) - members.keys()
    if missing:
        raise PluginError(f"{DATEUTIL_WHEEL} has no {', '.join(sorted(missing))}: update DATEUTIL_MODULES.")
    sources = io.BytesIO()
    with zipfile.ZipFile(sources, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[name])
    package, stdlib, rest = _with_bytecode(sources.getvalue())
    out = site / PYTHON_TARGET / RULES_ZIP.format(hash=hashlib.sha256(package.read_bytes()).hexdigest()[:10])
    shutil.copyfile(package, out)
    (site / PYODIDE_TARGET).mkdir(parents=True, exist_ok=True)
    shutil.copy2(stdlib, site / PYODIDE_TARGET / STDLIB_ZIP)  # dated when first made, as it is reused
    rest_name = STDLIB_REST_ZIP.format(hash=hashlib.sha256(rest.read_bytes()).hexdigest()[:10])
    rest_out = site / PYODIDE_TARGET / rest_name
    shutil.copyfile(rest, rest_out)
    return out, rest_out


def rules_zip(site: Path) -> Path:
    """The built site's sendrules zip (its name carries a hash of its content: RULES_ZIP)."""
    found = sorted((site / PYTHON_TARGET).glob(RULES_ZIP.format(hash="*")))
    if len(found) != 1:
        raise PluginError(f"{site / PYTHON_TARGET} should hold one sendrules zip, not {len(found)}.")
    return found[0]


def _point_loader_at(site: Path, zips: tuple[Path, Path]) -> None:
    """Write the two zips' hashed names into the built copy of pyodide-loader.js, where the docs
    source names them RULES_PLACEHOLDER and STDLIB_REST_PLACEHOLDER."""
    package, rest = zips
    loader = site / LOADER
    text = loader.read_text(encoding="utf-8")
    for placeholder, name in ((RULES_PLACEHOLDER, f"../py/{package.name}"),
                              (STDLIB_REST_PLACEHOLDER, f"../pyodide/{rest.name}")):
        if text.count(placeholder) != 1:
            raise PluginError(f"{LOADER} should name {placeholder} once, for the build to replace.")
        text = text.replace(placeholder, name)
    if text.count(START_BUILD_PLACEHOLDER) != 1:
        raise PluginError(f"{LOADER} should name {START_BUILD_PLACEHOLDER} once, for the build to replace.")
    start = hashlib.sha256(text.encode())
    for path in [*(site / PYODIDE_TARGET / name for name in START_DEPENDS_ON), package, rest]:
        start.update(path.read_bytes())
    build = "" if os.environ.get("AB_NO_KEPT_START") else start.hexdigest()[:16]
    text = text.replace(START_BUILD_PLACEHOLDER, f'"{build}"')
    loader.write_text(text, encoding="utf-8")


def _with_bytecode(sources: bytes) -> tuple[Path, Path, Path]:
    """The zip with bytecode, compiled by Pyodide under Node.js, for the modules the worker
    imports before it reports ready; the trimmed standard library's modules that Pyodide's start,
    that import and every calculator's rehearsal load, as bytecode; and the rest of the trimmed
    standard library, as source (scripts/pyodide_bytecode.mjs). Made once per set of sources and
    Pyodide version into build/python/, and reused.
    """
    node = shutil.which("node")
    if node is None:
        raise PluginError(f"Node.js is needed to compile the calculators' Python for Pyodide. {SETUP_HINT}")
    pyodide = _require(PYODIDE_DIST / "package.json", "node_modules/pyodide (npm ci)")
    stdlib = _smaller_stdlib(_require(PYODIDE_DIST / STDLIB_ZIP, "node_modules/pyodide (npm ci)"))
    key = hashlib.sha256(
        sources + pyodide.read_bytes() + BYTECODE_SCRIPT.read_bytes() + stdlib.name.encode()
    ).hexdigest()[:16]
    out = ROOT / "build" / "python" / f"sendrules-{key}.zip"
    stdlib_out = out.with_name(f"python_stdlib-{key}.zip")
    rest_out = out.with_name(f"python_stdlib_rest-{key}.zip")
    if out.exists() and stdlib_out.exists() and rest_out.exists():
        return out, stdlib_out, rest_out
    out.parent.mkdir(parents=True, exist_ok=True)
    plain = out.with_suffix(".sources")
    plain.write_bytes(sources)
    partials = [path.with_suffix(".partial") for path in (out, stdlib_out, rest_out)]
    done = subprocess.run(
        [node, str(BYTECODE_SCRIPT), str(plain), str(partials[0]), WORKER_IMPORTS,
         str(stdlib), str(partials[1]), str(partials[2])],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    plain.unlink()
    if done.returncode != 0:
        raise PluginError(f"Compiling the calculators' Python in Pyodide failed:\n{done.stderr.strip()}")
    for partial, final in zip(partials, (out, stdlib_out, rest_out), strict=True):
        partial.replace(final)
    return out, stdlib_out, rest_out


def _script_hashes(html: str) -> set[str]:
    """The CSP sources ('sha256-...') of the inline scripts a browser would run in ``html``."""
    hashes = set()
    for script in INLINE_SCRIPT.finditer(html):
        attrs = script["attrs"]
        kind = re.search(r"\stype=\"([^\"]*)\"", attrs)
        if re.search(r"\ssrc=", attrs) or (kind and kind[1].lower() not in SCRIPT_TYPES):
            continue
        digest = hashlib.sha256(script["body"].encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def _content_security_policy(site: Path) -> None:
    """Put CONTENT_SECURITY_POLICY, with the hashes of every inline script of the built site, in
    every page, as the first tag after <meta charset> so that it covers every script after it.

    Done once the site is built, on the final HTML of every page, 404.html included.
    """
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    hashes = sorted(set().union(*map(_script_hashes, pages.values())))
    policy = CONTENT_SECURITY_POLICY.format(hashes=" ".join(hashes))
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for path, html in pages.items():
        html, found = CHARSET.subn(lambda match: match[0] + tag, html, count=1)
        if not found:
            where = path.relative_to(site)
            raise PluginError(f"{where}: no <meta charset=\"utf-8\"> to put the policy after.")
        path.write_text(html, encoding="utf-8")


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    _content_security_policy(site)
    _require(NODE_MODULES, "node_modules")
    (site / PYTHON_TARGET).mkdir(parents=True, exist_ok=True)
    _copy_pyscript(site)
    _copy_pyodide(site)
    _point_loader_at(site, _zip_package(site))
    _service_worker(site)


def _service_worker(site: Path) -> None:
    """sw.js, generated by Workbox from the finished site (scripts/service_worker.mjs), last,
    once every file it precaches is in place. docs/assets/js/offline.js registers it."""
    node = shutil.which("node")
    if node is None:
        raise PluginError(f"Node.js is needed to write the site's service worker. {SETUP_HINT}")
    _require(NODE_MODULES / "workbox-build", "node_modules/workbox-build (npm ci)")
    done = subprocess.run(
        [node, str(SERVICE_WORKER_SCRIPT), str(site)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise PluginError(f"Writing the service worker failed:\n{done.stderr.strip()}")
