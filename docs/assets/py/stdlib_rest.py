"""The rest of the standard library, downloaded the first time an import needs it.

The site ships Pyodide's standard library as two zips (hooks/site.py, scripts/pyodide_bytecode.mjs).
``python_stdlib.zip`` holds, as bytecode, every module that Pyodide's start, ``sendrules.web`` and
every calculator's rehearsal import. ``python_stdlib_rest.HASH.zip`` holds every other module, as
source. No calculator is known to need the second, so a first visit does not wait for it; the
service worker keeps it for offline use (scripts/service_worker.mjs).

If an import does need it, on a path no rehearsal takes, :class:`RestOfTheStandardLibrary` (a
finder consulted after Python's own) downloads the zip there and then, puts it on ``sys.path`` and
imports the module from it. It only does so for a module the zip holds (``stdlib_rest.json``,
written beside this file by the build), so an optional import of a module that does not exist
(``try: import _winapi``) downloads nothing. The download is synchronous: the worker is not the
page, and an import cannot wait for a promise.

docs/assets/js/pyodide-loader.js calls :func:`install` once Pyodide has started.
"""

from __future__ import annotations

import json
import os
import sys
import zipimport
from collections.abc import Callable, Iterable
from importlib.machinery import ModuleSpec, PathFinder

INDEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stdlib_rest.json")
MOUNTED_AT = "/lib/python_stdlib_rest.zip"


def download(url: str) -> bytes:
    """The body at ``url``, fetched synchronously (allowed in a worker, not in a page)."""
    from js import XMLHttpRequest  # Pyodide's bridge to the worker's JavaScript

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise OSError(f"{url} answered {request.status}")
    return request.response.to_bytes()


class RestOfTheStandardLibrary:
    """A meta path finder for the modules of the second zip: downloads it on first use."""

    def __init__(self, url: str, modules: Iterable[str], fetch: Callable[[str], bytes] = download,
                 mounted_at: str = MOUNTED_AT):
        self.url = url
        self.modules = frozenset(modules)
        self.fetch = fetch
        self.mounted_at = mounted_at
        self.mounted = False
        self.downloads = 0

    def find_spec(self, fullname: str, path=None, target=None) -> ModuleSpec | None:
        if fullname not in self.modules:
            return None
        if not self.mounted:
            self._mount(fullname)
        parent = fullname.rpartition(".")[0]
        where = os.path.join(self.mounted_at, *parent.split(".")) if parent else self.mounted_at
        return zipimport.zipimporter(where).find_spec(fullname)

    def invalidate_caches(self) -> None:
        pass

    def _mount(self, fullname: str) -> None:
        self.downloads += 1
        try:
            data = self.fetch(self.url)
        except Exception as error:  # noqa: BLE001 - any failure is an import that cannot be done
            raise ModuleNotFoundError(
                f"No module named {fullname!r} here: the rest of the standard library could not be"
                f" downloaded from {self.url} ({error})", name=fullname,
            ) from error
        with open(self.mounted_at, "wb") as file:
            file.write(data)
        sys.path.append(self.mounted_at)  # later imports of its modules go through Python's own finder
        self.mounted = True


def install(url: str, fetch: Callable[[str], bytes] = download,
            mounted_at: str = MOUNTED_AT) -> RestOfTheStandardLibrary:
    """Put the finder for the zip at ``url`` just after Python's own path finder."""
    with open(INDEX, encoding="utf-8") as file:
        modules = json.load(file)
    finder = RestOfTheStandardLibrary(url, modules, fetch, mounted_at)
    sys.meta_path.insert(sys.meta_path.index(PathFinder) + 1, finder)
    return finder
