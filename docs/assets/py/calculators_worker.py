"""The calculators' Python worker: started by docs/assets/js/calculators.js with PyScript's
PyWorker, after the python-dateutil wheel and sendrules.zip are unpacked into its file system.

It exposes sendrules.web.render, which the page's JavaScript calls to show each answer, and
started(), which the JavaScript calls once: PyScript only logs an error raised while this file
runs, so a failed import would otherwise go unnoticed until the first answer.
"""

from sendrules.web import render


def started() -> bool:
    """True: this file ran to the end, so render is there to call."""
    return True


__all__ = ["render", "started"]
__export__ = __all__  # the names PyScript hands to the page's JavaScript
