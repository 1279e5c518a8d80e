"""The calculators' HTML: the forms built into the pages, and the answers shown in the browser.

This package only presents. Every date, rule and legal reason comes from the rules modules
(:mod:`sendrules.time_limits`, :mod:`sendrules.appeals`, :mod:`sendrules.mediation` and the
rest); here we turn their results into HTML that follows the GOV.UK Design System patterns
(date input, radios, checkboxes, error summary, summary list, panel), plus the page wording
around them (headings, labels, hints, "what to do next").

* :mod:`.framework`: :class:`Calculator`, its element :class:`Ids`, and the page around every
  calculator (status messages, form, error summary, "something went wrong").
* :mod:`.questions`: the question types (:class:`DateQuestion`, :class:`ChoiceQuestion`,
  :class:`TextQuestion`) and the questions several calculators ask.
* :mod:`.pieces`: :func:`escape` and the pieces answers are made of (sections, summary lists,
  sources, the deadline panel, the closing block).
* One module per calculator, each defining ``CALCULATOR``, named in :data:`MODULES`.

Three entry points, see docs/decisions/001-one-library-two-runtimes.md:

* :func:`form_html` runs at build time (hooks/site.py) and gives a calculator's root element
  with its static form, loading and error messages.
* :func:`prepare` runs in the reader's browser once the calculators are ready, and answers each
  one's example submission unseen, so the first real answer is quick.
* :func:`render` runs in the reader's browser (a Pyodide worker, called by
  docs/assets/js/calculators.js). It returns JSON with the root's new inner HTML, the id to
  move focus to, whether the page title needs "Error: ", and the query string that brings the
  same answer back. It never raises.

Every piece of text put into the HTML is escaped (:func:`~sendrules.web.pieces.escape`),
including what the reader typed.

Importing this package stays light: the browser's worker imports it before it reports ready,
and imports a calculator's module only when :func:`prepare` or :func:`render` first asks for
it, so each page compiles only its own calculators.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from datetime import date

from ..sources import SOURCES
from .framework import Calculator, UnknownCalculatorError, normalise, problem
from .pieces import sources_block

__all__ = [
    "CALCULATORS",
    "MODULES",
    "Calculator",
    "UnknownCalculatorError",
    "form_html",
    "load",
    "prepare",
    "render",
    "sources_html",
]

#: Every calculator, by the name the pages use: the module of this package that defines it as
#: ``CALCULATOR``. Adding a calculator is adding its module and one line here.
MODULES: dict[str, str] = {
    "appeal-deadline": "appeal_deadline",
    "certificate": "certificate",
    "dd-claim": "dd_claim",
    "should-i-mediate": "should_i_mediate",
    "mediation-timeline": "mediation_timeline",
    "offer-check": "offer_check",
    "adviser-email": "adviser_email",
}

#: The calculators loaded so far, by name (see :func:`load`).
CALCULATORS: dict[str, Calculator] = {}


def load(name: str) -> Calculator:
    """The calculator called ``name``, its module imported on first use."""
    if name not in CALCULATORS and name in MODULES:
        module = importlib.import_module(f"{__name__}.{MODULES[name]}")
        CALCULATORS[name] = module.CALCULATOR
    try:
        return CALCULATORS[name]
    except KeyError:
        known = ", ".join(sorted({*CALCULATORS, *MODULES}))
        raise UnknownCalculatorError(
            f"There is no calculator called {name!r}. Known calculators: {known}. "
            "Add it to MODULES in pylib/sendrules/web/__init__.py, or fix the name in the page."
        ) from None


def form_html(name: str) -> str:
    """The calculator's root element, as built into the page (``data-state="loading"``)."""
    return load(name).form_html()


def sources_html(ids: Iterable[str]) -> str:
    """The legal sources for a page, with the date the rules were last checked."""
    ids = list(ids)
    if not ids:
        raise UnknownCalculatorError("A sources placeholder must list at least one source id.")
    unknown = [i for i in ids if i not in SOURCES]
    if unknown:
        raise UnknownCalculatorError(
            f"Unknown source id(s): {', '.join(unknown)}. Known ids: {', '.join(SOURCES)}."
        )
    return f'<div class="calculator-sources-block">{sources_block(SOURCES[i] for i in ids)}</div>'


def prepare(names_json: str) -> bool:
    """Get the page's calculators ready for their first answer (``names_json`` is a JSON list of
    names): answer each one's :attr:`Calculator.rehearsal` once, unseen, which imports what its
    answers need and runs their code once. The browser calls this once the calculators are
    ready, while the reader is still typing, so the first answer waits neither for imports nor
    for code run for the first time. Unknown names are ignored."""
    try:
        names = json.loads(names_json)
    except ValueError:
        return False
    for name in names if isinstance(names, list) else ():
        try:
            calc = load(str(name))
        except UnknownCalculatorError:
            continue
        if calc.rehearsal is not None:
            fields, today = calc.rehearsal
            render(calc.name, json.dumps(fields), today.isoformat())  # the answer is not used
    return True


def render(calculator: str, fields_json: str, today_iso: str) -> str:
    """Answer one submission: JSON ``{"html", "focus", "title_error", "query"}``. Never raises.

    ``fields_json`` is a JSON object of lists of strings (a form's fields, or a web address's
    parameters); ``today_iso`` is the reader's local date, ``YYYY-MM-DD``.
    """
    calc: Calculator | None = None
    fields: dict[str, list[str]] = {}
    try:
        calc = load(calculator if isinstance(calculator, str) else "")
        fields = normalise(json.loads(fields_json))
        today = date.fromisoformat(str(today_iso))
    except Exception:  # noqa: BLE001 - never show a traceback to a reader
        return json.dumps(problem(calc, fields))
    return json.dumps(calc.render(fields, today))
