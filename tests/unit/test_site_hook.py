"""hooks/site.py: the site's address from one setting, and the policy's script hashes.

(The built pages and their policy in a browser: tests/e2e/test_privacy_and_policy.py.)
"""

from __future__ import annotations

import pytest
from hooks import site as hook
from mkdocs.exceptions import PluginError


def config(repository: str) -> dict:
    return {"extra": {"repository": repository}, "site_url": None}


def test_the_site_address_comes_from_the_repository(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert hook.on_config(config("acme/send-guide"))["site_url"] == "https://acme.github.io/send-guide/"


def test_site_url_overrides_the_address(monkeypatch):
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    assert hook.on_config(config("acme/send-guide"))["site_url"] == "http://127.0.0.1:8000/"


def test_pages_name_the_repository_through_the_placeholder():
    markdown = "Report it on [our issues](https://github.com/{{ repository }}/issues)."
    filled = hook.on_page_markdown(markdown, page=None, config=config("acme/send-guide"), files=None)
    assert filled == "Report it on [our issues](https://github.com/acme/send-guide/issues)."


@pytest.mark.parametrize("repository", ["", "acme", "acme/send/guide", "acme/send guide", "https://github.com/a/b"])
def test_a_malformed_repository_fails_the_build_clearly(monkeypatch, repository):
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(PluginError, match='must be "owner/name"'):
        hook.on_config(config(repository))


def test_inline_scripts_are_hashed_as_the_csp_specification_does():
    # The example of the Content Security Policy Level 3 specification, "Hash usage for script".
    html = "<script>alert('Hello, world.');</script>"
    assert hook._script_hashes(html) == {"'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"}


def test_only_scripts_a_browser_runs_inline_are_hashed():
    html = ('<script src="a.js"></script><script id="__config" type="application/json">{"a": 1}</script>'
            '<script type="module">import("./b.js")</script>')
    assert hook._script_hashes(html) == hook._script_hashes('<script type="module">import("./b.js")</script>')
    assert len(hook._script_hashes(html)) == 1
