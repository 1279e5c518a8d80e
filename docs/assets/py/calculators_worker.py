"""The calculators' Python worker: started by docs/assets/js/calculators.js with PyScript's
PyWorker, after docs/assets/js/pyodide-loader.js has unpacked sendrules.zip (sendrules, and the
python-dateutil modules it imports) into its working directory.

It exposes three functions to the page's JavaScript: sendrules.web.render, which shows each
answer; sendrules.web.prepare, called once the calculators are ready, which answers each one's
example submission unseen while the reader types, so the first real answer is quick; and
started(), called once, because PyScript only logs an error raised while this file runs, so a
failed import would otherwise go unnoticed until the first answer.

PyScript runs this file in the interpreter's global namespace, where the loader has set
PYTHON_START to how Python started: "kept" when it was restored from the start this browser kept
after an earlier visit, "fresh" otherwise (docs/decisions/002-performance.md, round 12).
"""

from sendrules.web import prepare, render


def started() -> str:
    """How Python started ("kept" or "fresh"), once this file has run to the end, so render is
    there to call."""
    return globals().get("PYTHON_START", "fresh")


__all__ = ["prepare", "render", "started"]
__export__ = __all__  # the names PyScript hands to the page's JavaScript
