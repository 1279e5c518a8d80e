"""A calculator, and the page around its questions and answer.

:class:`Calculator` is what each calculator module defines: its questions (from
:mod:`sendrules.web.questions`), a function that calls the rules, and one that presents the
result (with the pieces of :mod:`sendrules.web.pieces`). Everything else a calculator shows is
the same for all of them and lives here: the title, the loading and error messages, the form,
the GOV.UK error summary with inline errors, and the "something went wrong" message.

:meth:`Calculator.render` never raises: bad input gives the GOV.UK error pattern, and anything
unexpected gives a short "something went wrong" message that points to the method for working
it out by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import SendRulesError
from ..results import Result
from .pieces import escape
from .questions import DateQuestion, Fields, Question


class UnknownCalculatorError(LookupError):
    """A page asks for a calculator or a source that does not exist (a build-time mistake)."""


@dataclass(frozen=True)
class Calculator:
    """One calculator: its questions, the rules it calls, and how its answer is shown.

    ``answer(values, today)`` calls the rules with the questions' values (keyed by field or
    name) and returns a :class:`~sendrules.results.Result`; it raises
    :class:`~sendrules.errors.SendRulesError` for bad input. ``present(result, ids)`` gives the
    result's HTML; its heading must have ``id=ids.heading`` and ``tabindex="-1"``.
    ``query(result)`` gives the (name, value) pairs that bring the same answer back.
    ``by_hand`` is the link (on the same page) to the method for working it out by hand.
    """

    name: str
    title: str
    button: str
    questions: tuple[Question, ...]
    answer: Callable[[dict[str, Any], date], Result]
    present: Callable[[Any, Ids], str]
    query: Callable[[Any], list[tuple[str, str]]]
    by_hand: tuple[str, str] = ("#work-it-out-yourself", "work the date out by hand")
    #: An example submission, ``(fields, today)``, that :func:`sendrules.web.prepare` answers once
    #: and throws away before the reader's first answer. It imports what ``answer`` and
    #: ``present`` import when first called (the rules, :mod:`sendrules.ics` for a calendar
    #: file), and it runs their code once: in the browser's worker, a first run of an answer's
    #: code took several times as long as a second (README, "Performance"). It must give an
    #: answer, not errors; a unit test checks every calculator's.
    rehearsal: tuple[dict[str, list[str]], date] | None = None

    def form_html(self) -> str:
        """The root element as built into the page (``data-state="loading"``)."""
        return (f'<div class="calculator" data-calculator="{escape(self.name)}" data-state="loading" '
                f'aria-labelledby="{Ids(self.name).title}" role="region">{_inner(self)}</div>')

    def render(self, fields: dict[str, list[str]], today: date) -> dict[str, Any]:
        """One submission: ``{"html", "focus", "title_error", "query"}``. Never raises."""
        try:
            return _answer(self, normalise(fields), today)
        except Exception:  # noqa: BLE001 - never show a traceback to a reader
            return problem(self, fields if isinstance(fields, dict) else {})


@dataclass(frozen=True)
class Ids:
    """The element ids inside one calculator, all prefixed with its name."""

    name: str

    @property
    def title(self) -> str:
        return f"{self.name}-title"

    @property
    def summary(self) -> str:
        return f"{self.name}-error-summary"

    @property
    def heading(self) -> str:
        return f"{self.name}-result-heading"

    @property
    def result(self) -> str:
        return f"{self.name}-result"

    @property
    def problem(self) -> str:
        return f"{self.name}-problem"


# -- page structure -----------------------------------------------------------------------------------------

def _status(calc: Calculator) -> str:
    href, text = calc.by_hand
    link = f'<a class="govuk-link" href="{escape(href)}">{escape(text)}</a>'
    return (
        '<div class="calculator__status">'
        '<div class="calculator__status-block calculator__status--loading" data-status="loading">'
        "<p>The calculator is loading. You can fill in your answers while you wait.</p>"
        '<progress data-progress max="3" aria-label="Loading the calculator"></progress>'
        f"<p>It runs in your browser, so nothing you type is sent anywhere. If it does not load, you can "
        f"{link} using the steps on this page.</p>"
        "</div>"
        '<div class="calculator__status-block calculator__status--error" data-status="error">'
        "<p>The calculator could not start in your browser. Your answers have not been sent anywhere. "
        f"You can {link}: follow the steps on this page.</p>"
        "</div>"
        '<noscript><p class="calculator__noscript">This calculator needs JavaScript, which is turned off or '
        f"blocked in your browser. You can {link} using the steps on this page.</p></noscript>"
        "</div>"
    )


def _error_summary(calc: Calculator, ids: Ids, errors: Sequence[tuple[SendRulesError, str]]) -> str:
    items = "".join(f'<li><a href="#{escape(target)}">{escape(err.message)}</a></li>'
                    for err, target in errors)
    return (
        f'<div class="govuk-error-summary" id="{ids.summary}" tabindex="-1" '
        f'aria-labelledby="{ids.summary}-title">'
        '<div role="alert">'
        f'<h3 class="govuk-error-summary__title" id="{ids.summary}-title">There is a problem</h3>'
        '<div class="govuk-error-summary__body">'
        f'<ul class="govuk-list govuk-error-summary__list">{items}</ul>'
        "</div></div></div>"
    )


def _form(calc: Calculator, fields: Fields, values: Mapping[str, Any],
          errors: Mapping[int, SendRulesError]) -> str:
    questions = "".join(q.html(fields, values.get(_key(q)), errors.get(i))
                        for i, q in enumerate(calc.questions))
    return (
        f'<form class="calculator__form" novalidate data-calculator-form="{escape(calc.name)}">'
        f'<input type="hidden" name="calculator" value="{escape(calc.name)}">'
        f"{questions}"
        f'<button type="submit" class="calculator__button">{escape(calc.button)}</button>'
        "</form>"
    )


def _key(question: Question) -> str:
    return question.field if isinstance(question, DateQuestion) else question.name


def _inner(calc: Calculator, *, fields: Fields | None = None, values: Mapping[str, Any] | None = None,
           errors: Sequence[tuple[int | None, SendRulesError]] = (), result_html: str = "",
           before_form: str = "") -> str:
    ids = Ids(calc.name)
    fields = fields or {}
    by_question = {i: err for i, err in errors if i is not None}
    summary = ""
    if errors:
        targets = []
        for i, err in errors:
            q = calc.questions[i] if i is not None else calc.questions[0]
            targets.append((err, q.focus_id(err) if i is not None else q.first_id))
        summary = _error_summary(calc, ids, targets)
    return (
        f'<h3 class="calculator__title" id="{ids.title}">{escape(calc.title)}</h3>'
        f"{_status(calc)}"
        f"{summary}{before_form}"
        f"{_form(calc, fields, values or {}, by_question)}"
        f'<div class="calculator__result" id="{ids.result}">{result_html}</div>'
    )


# -- answering ----------------------------------------------------------------------------------------------

def normalise(raw: Any) -> dict[str, list[str]]:
    """Submitted fields as a dict of lists of strings (a single value becomes a list of one)."""
    if not isinstance(raw, dict):
        raise TypeError("fields must be a JSON object")
    fields: dict[str, list[str]] = {}
    for key, value in raw.items():
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        fields[str(key)] = [str(v) for v in values if v is not None]
    return fields


def _question_index(calc: Calculator, field: str | None) -> int | None:
    for i, q in enumerate(calc.questions):
        if q.owns(field):
            return i
    return None


def _answer(calc: Calculator, fields: Fields, today: date) -> dict[str, Any]:
    values: dict[str, Any] = {}
    errors: list[tuple[int | None, SendRulesError]] = []
    for i, q in enumerate(calc.questions):
        try:
            values[_key(q)] = q.read(fields)
        except SendRulesError as err:
            errors.append((i, err))
    if errors:
        return _errors(calc, fields, values, errors)
    try:
        result = calc.answer(values, today)
    except SendRulesError as err:
        return _errors(calc, fields, values, [(_question_index(calc, err.field), err)])
    from urllib.parse import urlencode  # with its own imports, about 80 ms in the browser: see prepare

    ids = Ids(calc.name)
    query = urlencode([("calculator", calc.name), *calc.query(result)])
    return {
        "html": _inner(calc, fields=fields, values=values, result_html=calc.present(result, ids)),
        "focus": ids.heading,
        "title_error": False,
        "query": query,
    }


def _errors(calc: Calculator, fields: Fields, values: Mapping[str, Any],
            errors: Sequence[tuple[int | None, SendRulesError]]) -> dict[str, Any]:
    return {
        "html": _inner(calc, fields=fields, values=values, errors=errors),
        "focus": Ids(calc.name).summary,
        "title_error": True,
        "query": "",
    }


def _problem_box(calc: Calculator | None) -> str:
    href, text = calc.by_hand if calc else ("#work-it-out-yourself", "work it out by hand")
    id_ = Ids(calc.name).problem if calc else "calculator-problem"
    return (
        f'<div class="govuk-error-summary calculator__problem" id="{escape(id_)}" tabindex="-1" '
        f'aria-labelledby="{escape(id_)}-title" data-problem="true">'
        '<div role="alert">'
        f'<h3 class="govuk-error-summary__title" id="{escape(id_)}-title">Something went wrong</h3>'
        '<div class="govuk-error-summary__body">'
        "<p>The calculator could not work out an answer. Your dates were not used, and nothing has been "
        "sent anywhere.</p>"
        f'<p>You can try again, or <a class="govuk-link" href="{escape(href)}">{escape(text)}</a> '
        "using the steps on this page.</p>"
        "</div></div></div>"
    )


def problem(calc: Calculator | None, fields: Fields) -> dict[str, Any]:
    """The "something went wrong" answer: the message above the form (kept with ``fields`` if it
    can be), or the message alone when there is no calculator or its form fails."""
    box = _problem_box(calc)
    page = box
    if calc is not None:
        try:
            page = _inner(calc, fields=fields, before_form=box)
        except Exception:  # noqa: BLE001 - the form itself failed: show the message alone
            try:
                page = _inner(calc, before_form=box)
            except Exception:  # noqa: BLE001
                page = box
    return {
        "html": page,
        "focus": Ids(calc.name).problem if calc else "calculator-problem",
        "title_error": True,
        "query": "",
    }
