"""Build the site for an exact origin and serve it from 127.0.0.1.

Material only turns a link into an instant navigation when its URL is in the built
sitemap.xml, which comes from ``site_url``. A site built for one port and served on another
silently does full page loads, so the build always gets the origin it will be served from.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCAL_HOST = "127.0.0.1"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static file server without a log line per request. A server with a ``requests``
    list keeps there each request line it receives, as a web host's access log would."""

    def log_message(self, format, *args):
        pass

    def log_request(self, code="-", size="-"):
        getattr(self.server, "requests", []).append(self.requestline)


@dataclasses.dataclass
class Served:
    """A site being served: its base URL (ending in ``/``) and the server's request log."""

    url: str
    requests: list[str]


def chromium_path() -> str:
    """The Chromium that CHROMIUM names (CI: Playwright's), else the one on PATH (``make test``
    installs it when there is none)."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("No chromium or chromium-browser on PATH: run `make test`, which installs it.")


def build_site(site_dir: Path, site_url: str) -> Path:
    """Run ``mkdocs build --strict`` for ``site_url`` into ``site_dir``, outside the repository."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"},
    )
    return site_dir


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[Served]:
    """Serve ``site_dir`` on 127.0.0.1 at a free port, keeping a log of the requests."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://{LOCAL_HOST}:{server.server_address[1]}/", server.requests)
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def built_and_served(site_dir: Path) -> Iterator[Served]:
    """Reserve a port, build the site for exactly that origin, then serve it."""
    with serve(site_dir) as served:
        build_site(site_dir, served.url)
        yield served


def page_paths(site_dir: Path) -> list[str]:
    """Every page of the built site, as paths relative to the site root ("" is the home page)."""
    tree = ET.parse(site_dir / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in tree.findall("s:url/s:loc", namespace)]
    root = urls_root(urls)
    return [url[len(root) :] for url in urls]


def urls_root(urls: list[str]) -> str:
    return min(urls, key=len)


CALCULATOR_ROOT = re.compile(r'data-calculator="([^"]+)"')


def calculator_pages(site_dir: Path) -> dict[str, list[str]]:
    """Pages that hold calculators: {page path: [calculator names]}."""
    found = {}
    for path in page_paths(site_dir):
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        names = CALCULATOR_ROOT.findall(html)
        if names:
            found[path] = names
    return found


def foreign_requests(urls: list[str]) -> list[str]:
    """The URLs that would leave the reader's machine: anything not on 127.0.0.1.

    ``blob:`` (PyScript's worker bootstrap) and ``data:`` URLs never leave the page.
    """
    return sorted(
        url
        for url in urls
        if not url.startswith(("blob:", "data:"))
        and urllib.parse.urlsplit(url).hostname != LOCAL_HOST
    )
