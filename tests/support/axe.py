"""Run axe-core (from node_modules, never shipped in the site) against a Playwright page."""

from __future__ import annotations

from .site import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def load_axe(page) -> None:
    """Put axe in the page, run by the test driver: as a <script>, the site's policy would block it."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make test`, which runs npm ci.")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))


def axe_violations(page) -> list[str]:
    """The page's WCAG 2.2 A/AA violations, one readable line per failing element."""
    load_axe(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        f"{', '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
