"""The benchmark's test server (scripts/bench_site.py) sends files as GitHub Pages does: text and
WebAssembly gzipped to a browser that accepts gzip, an already compressed zip as it is. Its log
counts the bytes it sent."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest
from scripts.bench_site import serve_logged

WASM = bytes(range(256)) * 400  # compressible, like Pyodide's .wasm
ZIP = b"PK\x03\x04" + bytes(5000)


@pytest.fixture
def site(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<!doctype html><p>" + "words " * 500, encoding="utf-8")
    (tmp_path / "runtime.wasm").write_bytes(WASM)
    (tmp_path / "rules.zip").write_bytes(ZIP)
    return tmp_path


def fetch(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.status, dict(response.headers), response.read()


@pytest.mark.parametrize("path", ["runtime.wasm", "page/"])
def test_text_and_wasm_go_gzipped_to_a_browser_that_accepts_gzip(site, path):
    with serve_logged(site) as (server, base):
        status, headers, body = fetch(base + path, **{"Accept-Encoding": "gzip, deflate, br"})
        plain_status, plain_headers, plain = fetch(base + path)
    original = (site / path / "index.html" if path.endswith("/") else site / path).read_bytes()
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert int(headers["Content-Length"]) == len(body) < len(original)
    assert gzip.decompress(body) == original
    assert "Content-Encoding" not in plain_headers and plain == original
    assert [e["bytes"] for e in server.entries] == [len(body), len(original)]


def test_a_zip_goes_as_it_is(site):
    with serve_logged(site) as (server, base):
        status, headers, body = fetch(base + "rules.zip", **{"Accept-Encoding": "gzip"})
    assert status == 200 and "Content-Encoding" not in headers and body == ZIP
    assert server.entries[0]["bytes"] == len(ZIP)


def test_without_compression_every_file_goes_as_it_is(site):
    with serve_logged(site, compress=False) as (server, base):
        _, headers, body = fetch(base + "runtime.wasm", **{"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in headers and body == WASM


def test_an_unchanged_file_is_answered_304_with_no_body(site):
    with serve_logged(site) as (server, base):
        _, headers, _ = fetch(base + "runtime.wasm", **{"Accept-Encoding": "gzip"})
        with pytest.raises(urllib.error.HTTPError) as answer:
            since = headers["Last-Modified"]
            fetch(base + "runtime.wasm", **{"Accept-Encoding": "gzip", "If-Modified-Since": since})
    assert answer.value.code == 304
    assert [(e["status"], e["bytes"] > 0) for e in server.entries] == [(200, True), (304, False)]
