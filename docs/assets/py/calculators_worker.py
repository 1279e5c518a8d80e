"""The calculators' Python worker: started by docs/assets/js/calculators.js with PyScript's
PyWorker, after docs/assets/js/pyodide-loader.js has unpacked sendrules.zip (sendrules, and the
python-dateutil modules it imports) into its working directory.

It exposes three functions to the page's JavaScript: sendrules.web.render, which shows each
answer; sendrules.web.prepare, called once the calculators are ready, which answers each one's
example submission unseen while the reader types, so the first real answer is quick; and
started(), called once, because PyScript only logs an error raised while this file runs, so a
failed import would otherwise go unnoticed until the first answer.
"""

from sendrules.web import prepare, render


def started() -> bool:
    """True: this file ran to the end, so render is there to call."""
    return True


__all__ = ["prepare", "render", "started"]
__export__ = __all__  # the names PyScript hands to the page's JavaScript
