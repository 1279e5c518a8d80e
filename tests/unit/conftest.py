"""Fixtures shared by the unit tests that run the browser worker's runtime under Node.js."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hooks import site as hook


@pytest.fixture(scope="session")
def runtime_site(tmp_path_factory) -> tuple[Path, Path]:
    """(site, sendrules zip): a site holding only the worker's runtime, as the build lays it out:
    Pyodide's files, the standard library's two zips, sendrules.zip and the worker's loader."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to build the site (npm ci) and for this test")
    site = tmp_path_factory.mktemp("site")
    (site / hook.PYTHON_TARGET).mkdir(parents=True)
    hook._copy_pyodide(site)
    rules, _rest = hook._zip_package(site)
    (site / hook.LOADER).parent.mkdir(parents=True)
    shutil.copyfile(hook.ROOT / "docs" / hook.LOADER, site / hook.LOADER)
    return site, rules
