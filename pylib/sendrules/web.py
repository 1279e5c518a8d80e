"""The calculators' HTML: the forms built into the pages, and the answers shown in the browser.

This module only presents. Every date, rule and legal reason comes from the
rules modules (:mod:`sendrules.time_limits`, :mod:`sendrules.appeals`) and
:mod:`sendrules.forms`; here we turn their results into HTML that follows the
GOV.UK Design System patterns (date input, radios, checkboxes, error summary,
summary list, panel), plus the page wording around them (headings, labels,
hints, "what to do next").

Two entry points, see docs/decisions/001-one-library-two-runtimes.md:

* :func:`form_html` runs at build time (hooks/site.py) and gives a calculator's
  root element with its static form, loading and error messages.
* :func:`render` runs in the reader's browser (a Pyodide worker, called by
  docs/assets/js/calculators.js). It returns JSON with the root's new inner
  HTML, the id to move focus to, whether the page title needs "Error: ", and
  the query string that brings the same answer back.

Every piece of text put into the HTML is escaped (:func:`_e`, the same
output as :func:`html.escape`), including what the reader typed. :func:`render` never raises: bad input gives
the GOV.UK error pattern, and anything unexpected gives a short "something
went wrong" message that points to the method for working it out by hand.

Adding a calculator is adding one :class:`Calculator` to :data:`CALCULATORS`:
its questions (:class:`DateQuestion`, :class:`ChoiceQuestion`), a function that
calls the rules, and a function that presents the result.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import SendRulesError, UnknownDecisionError
from .forms import PARTS, DateInputError, date_from_fields, long_date
from .results import Alternative, Result, Step
from .sources import RULES_LAST_CHECKED, SOURCES, Source

__all__ = [
    "CALCULATORS",
    "Calculator",
    "ChoiceQuestion",
    "DateQuestion",
    "UnknownCalculatorError",
    "form_html",
    "render",
    "sources_html",
]

Fields = Mapping[str, list[str]]

#: Pages are built with MkDocs' directory URLs, so a calculator on /appeal-deadline/ links to
#: another page as ../mediation-certificate/.
PAGE_LINKS = {
    "appeal-deadline": "../appeal-deadline/",
    "certificate": "../mediation-certificate/",
    "certificate-how": "../mediation-certificate/#how-to-get-your-certificate",
    "dd-claim": "../disability-discrimination/",
    "what-can-be-appealed": "../what-can-be-appealed/",
    "mediation-timeline": "../mediation-timeline/",
    "should-you-mediate": "../should-you-mediate/",
    "checklist": "../checklist/",
    "help": "../help/",
}

#: The last of every answer's next steps: where free advice is.
HELP_LINK = (PAGE_LINKS["help"], "Get free advice from IPSEA or your local SENDIASS")


def date_fields(field: str, value: date) -> dict[str, list[str]]:
    """``value`` as a form sends it: the three GOV.UK date inputs ``{field}-day``, ``-month`` and
    ``-year``. For example submissions (:attr:`Calculator.rehearsal`) and tests."""
    return {f"{field}-{part}": [str(getattr(value, part))] for part in PARTS}


class UnknownCalculatorError(LookupError):
    """A page asks for a calculator or a source that does not exist (a build-time mistake)."""


def _e(value: object) -> str:
    """Escape any text for HTML, quotes included, so it is safe in content and attributes.

    The same replacements as :func:`html.escape` (``quote=True``), which a unit test checks.
    Importing :mod:`html` would also load its table of 2,231 named entities
    (:mod:`html.entities`), which only unescaping needs: about 50 ms of the browser worker's
    start (README, "Performance"). Chained ``str.replace`` is what :func:`html.escape` does, and
    several times faster than ``str.translate`` for the short strings of an answer.
    """
    return (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def _time(d: date, css: str = "") -> str:
    cls = f' class="{_e(css)}"' if css else ""
    return f'<time{cls} datetime="{d.isoformat()}">{_e(long_date(d))}</time>'


def _first(fields: Fields, name: str) -> str:
    values = fields.get(name) or []
    return values[0].strip() if values else ""


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# -- questions ----------------------------------------------------------------------------------------------

def _hint(id_: str, text: str) -> str:
    return f'<div id="{_e(id_)}" class="govuk-hint">{_e(text)}</div>' if text else ""


def _error_message(id_: str, message: str) -> str:
    return (f'<p id="{_e(id_)}" class="govuk-error-message">'
            f'<span class="visually-hidden">Error:</span> {_e(message)}</p>')


def _described_by(*ids: str | None) -> str:
    present = [i for i in ids if i]
    return f' aria-describedby="{_e(" ".join(present))}"' if present else ""


@dataclass(frozen=True)
class DateQuestion:
    """Three text boxes for a date, GOV.UK style: ``<field>-day``, ``<field>-month``, ``<field>-year``.

    ``label`` finishes the phrase "the date ..." for the messages in :mod:`sendrules.forms`.
    An ``optional`` question left blank reads as ``None``.
    """

    field: str
    legend: str
    hint: str
    label: str
    optional: bool = False

    @property
    def first_id(self) -> str:
        return f"{self.field}-day"

    def owns(self, field: str | None) -> bool:
        return field == self.field

    def focus_id(self, error: SendRulesError) -> str:
        if isinstance(error, DateInputError) and error.parts:
            return f"{self.field}-{error.parts[0]}"
        return self.first_id

    def _typed(self, fields: Fields) -> list[str]:
        return [_first(fields, f"{self.field}-{part}") for part in PARTS]

    def read(self, fields: Fields) -> date | None:
        if self.optional and not any(self._typed(fields)) and not _first(fields, self.field):
            return None
        return date_from_fields(fields, self.field, label=self.label)

    def html(self, fields: Fields, value: Any, error: SendRulesError | None) -> str:
        typed = self._typed(fields)
        if not any(typed) and isinstance(value, date):
            typed = [str(value.day), str(value.month), str(value.year)]  # from a web address
        hint_id = f"{self.field}-hint"
        error_id = f"{self.field}-error" if error else None
        if error is None:
            at_fault: tuple[str, ...] = ()
        elif isinstance(error, DateInputError) and error.parts:
            at_fault = error.parts
        else:
            at_fault = PARTS  # the whole date is at fault, for example a date in the future
        widths = {"day": 2, "month": 2, "year": 4}
        items = []
        for part, text in zip(PARTS, typed, strict=True):
            id_ = f"{self.field}-{part}"
            wrong = part in at_fault
            invalid = ' aria-invalid="true"' if wrong else ""
            cls = f"govuk-input govuk-date-input__input govuk-input--width-{widths[part]}"
            if wrong:
                cls += " govuk-input--error"
            items.append(
                '<div class="govuk-date-input__item"><div class="govuk-form-group">'
                f'<label class="govuk-label govuk-date-input__label" for="{id_}">{part.capitalize()}</label>'
                f'<input class="{cls}" id="{id_}" name="{id_}" type="text" inputmode="numeric" '
                f'autocomplete="off" spellcheck="false" value="{_e(text)}"{invalid}>'
                "</div></div>"
            )
        group_cls = "govuk-form-group" + (" govuk-form-group--error" if error else "")
        return (
            f'<div class="{group_cls}" data-question="{_e(self.field)}">'
            f'<fieldset class="govuk-fieldset" role="group"{_described_by(hint_id, error_id)}>'
            f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{_e(self.legend)}</legend>'
            f"{_hint(hint_id, self.hint)}"
            f"{_error_message(error_id, error.message) if error and error_id else ''}"
            f'<div class="govuk-date-input" id="{_e(self.field)}">{"".join(items)}</div>'
            "</fieldset></div>"
        )


@dataclass(frozen=True)
class ChoiceQuestion:
    """Radios (one answer) or checkboxes (``multiple``), GOV.UK style, ids ``<name>-<value>``.

    ``options`` gives (value, label) pairs. ``missing`` is the message when a required
    question is left unanswered ("Select ..."); checkboxes are never required here, the
    rules say when a choice is missing. ``reveal_for`` = (other question, value) shows the
    question only when that answer is chosen (by CSS, so it works without JavaScript);
    it is always shown if it has an error or the browser cannot tell.
    """

    name: str
    legend: str
    hint: str
    options: Callable[[], Sequence[tuple[str, str]]]
    multiple: bool = False
    missing: str = ""
    reveal_for: tuple[str, str] | None = None

    def option_id(self, value: str) -> str:
        return f"{self.name}-{value}"

    @property
    def first_id(self) -> str:
        return self.option_id(self.options()[0][0])

    def owns(self, field: str | None) -> bool:
        return field == self.name

    def focus_id(self, error: SendRulesError) -> str:
        return self.first_id

    def read(self, fields: Fields) -> Any:
        if self.multiple:
            return [v for v in (fields.get(self.name) or []) if v.strip()]
        value = _first(fields, self.name)
        if not value and self.missing:
            raise UnknownDecisionError(self.missing, field=self.name)
        return value

    def html(self, fields: Fields, value: Any, error: SendRulesError | None) -> str:
        chosen = {v.strip() for v in (fields.get(self.name) or [])}
        kind = "checkboxes" if self.multiple else "radios"
        input_type = "checkbox" if self.multiple else "radio"
        hint_id = f"{self.name}-hint"
        error_id = f"{self.name}-error" if error else None
        items = []
        for option_value, label in self.options():
            id_ = self.option_id(option_value)
            checked = " checked" if option_value in chosen else ""
            items.append(
                f'<div class="govuk-{kind}__item">'
                f'<input class="govuk-{kind}__input" id="{_e(id_)}" name="{_e(self.name)}" '
                f'type="{input_type}" value="{_e(option_value)}"{checked}>'
                f'<label class="govuk-label govuk-{kind}__label" for="{_e(id_)}">{_e(label)}</label>'
                "</div>"
            )
        group_cls = "govuk-form-group" + (" govuk-form-group--error" if error else "")
        reveal = ""
        if self.reveal_for:
            group_cls += " calculator__conditional"
            other, wanted = self.reveal_for
            reveal = f' data-reveal-name="{_e(other)}" data-reveal-value="{_e(wanted)}"'
        return (
            f'<div class="{group_cls}" data-question="{_e(self.name)}"{reveal}>'
            f'<fieldset class="govuk-fieldset"{_described_by(hint_id, error_id)}>'
            f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{_e(self.legend)}</legend>'
            f"{_hint(hint_id, self.hint)}"
            f"{_error_message(error_id, error.message) if error and error_id else ''}"
            f'<div class="govuk-{kind}">{"".join(items)}</div>'
            "</fieldset></div>"
        )


Question = DateQuestion | ChoiceQuestion


# -- the registry -------------------------------------------------------------------------------------------

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
    #: An example submission, ``(fields, today)``, that :func:`prepare` answers once and throws
    #: away before the reader's first answer. It imports what ``answer`` and ``present`` import
    #: when first called (the rules, :mod:`sendrules.ics` for a calendar file), and it runs their
    #: code once: in the browser's worker, a first run of an answer's code took several times as
    #: long as a second (README, "Performance"). It must give an answer, not errors; a unit test
    #: checks every calculator's.
    rehearsal: tuple[dict[str, list[str]], date] | None = None

    def form_html(self) -> str:
        """The root element as built into the page (``data-state="loading"``)."""
        return (f'<div class="calculator" data-calculator="{_e(self.name)}" data-state="loading" '
                f'aria-labelledby="{Ids(self.name).title}" role="region">{_inner(self)}</div>')

    def render(self, fields: dict[str, list[str]], today: date) -> dict[str, Any]:
        """One submission: ``{"html", "focus", "title_error", "query"}``. Never raises."""
        try:
            return _answer(self, _normalise(fields), today)
        except Exception:  # noqa: BLE001 - never show a traceback to a reader
            return _problem(self, fields if isinstance(fields, dict) else {})


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


CALCULATORS: dict[str, Calculator] = {}


def register(calculator: Calculator) -> Calculator:
    CALCULATORS[calculator.name] = calculator
    return calculator


#: Calculators whose views live in :mod:`sendrules.views`, by module. Each is imported and
#: registered on first use, so the browser's worker compiles only the views a page needs.
VIEW_MODULES: dict[str, str] = {
    "should-i-mediate": "should_i_mediate",
    "mediation-timeline": "mediation_timeline",
    "offer-check": "offer_check",
    "adviser-email": "adviser_email",
    "council-deadlines": "council_deadlines",
}


def _calculator(name: str) -> Calculator:
    if name not in CALCULATORS and name in VIEW_MODULES:
        view = importlib.import_module(f"{__package__}.views.{VIEW_MODULES[name]}")
        register(view.CALCULATOR)
    try:
        return CALCULATORS[name]
    except KeyError:
        known = ", ".join(sorted({*CALCULATORS, *VIEW_MODULES}))
        raise UnknownCalculatorError(
            f"There is no calculator called {name!r}. Known calculators: {known}. "
            "Add it to CALCULATORS in pylib/sendrules/web.py, or fix the name in the page."
        ) from None


# -- shared pieces of a result ------------------------------------------------------------------------------

def _source_item(source: Source) -> str:
    checked = ""
    if source.last_verified != RULES_LAST_CHECKED:
        checked = f" (last checked {_e(_short(source.last_verified))})"
    return (f'<li><a class="govuk-link" href="{_e(source.url)}">{_e(source.citation)}</a>: '
            f"{_e(source.summary)}{checked}</li>")


def _short(d: date) -> str:
    return long_date(d).split(" ", 1)[1]  # "28 November 2026"


def _sources_block(sources: Iterable[Source]) -> str:
    items = "".join(_source_item(s) for s in sources)
    return (f'<ul class="calculator-sources">{items}</ul>'
            f'<p class="calculator-sources__checked">These rules were last checked on '
            f'{_time_short(RULES_LAST_CHECKED)}.</p>')


def _time_short(d: date) -> str:
    return f'<time datetime="{d.isoformat()}">{_e(_short(d))}</time>'


def _step_item(step: Step) -> str:
    source = SOURCES.get(step.source_id) if step.source_id else None
    cite = ""
    if source is not None:
        cite = (f' <span class="calculator__step-source">(<a class="govuk-link" href="{_e(source.url)}">'
                f"{_e(source.citation)}</a>)</span>")
    return f"<li>{_e(step.text)}{cite}</li>"


def _steps(steps: Iterable[Step], css: str = "calculator__steps") -> str:
    items = "".join(_step_item(s) for s in steps)
    return f'<ol class="govuk-list govuk-list--number {css}">{items}</ol>' if items else ""


def _section(heading: str, body: str, *, data: str = "") -> str:
    if not body:
        return ""
    attr = f' data-section="{_e(data)}"' if data else ""
    return (f'<div class="calculator__section"{attr}>'
            f'<h4 class="calculator__subheading">{_e(heading)}</h4>{body}</div>')


def _bullets(texts: Iterable[str]) -> str:
    items = "".join(f"<li>{_e(t)}</li>" for t in texts)
    return f'<ul class="govuk-list govuk-list--bullet">{items}</ul>' if items else ""


def _alternatives(alternatives: Sequence[Alternative], shown: date, what: str) -> str:
    if not alternatives:
        return ""
    parts = []
    for alt in alternatives:
        parts.append(
            f'<div class="calculator__alternative" data-alternative="{alt.on.isoformat()}">'
            f"<p>Another reading of the rules gives {_time(alt.on)}. {_e(alt.reading)}.</p>"
            f"<p>{_e(alt.why)}</p></div>"
        )
    parts.append(f"<p>We show the earlier date, {_time(shown)}. If the Tribunal receives your {_e(what)} by "
                 "then, it is in time whichever reading is right.</p>")
    return _section("The rules could be read another way", "".join(parts), data="alternatives")


def _summary_list(rows: Iterable[tuple[str, str, str | None, str]]) -> str:
    """A GOV.UK summary list; each row is (key, value HTML, change link or None, what the link changes)."""
    out = []
    for key, value_html, href, changes in rows:
        action = ""
        row_cls = "govuk-summary-list__row"
        if href:
            action = (f'<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{_e(href)}">'
                      f'Change<span class="visually-hidden"> {_e(changes)}</span></a></dd>')
        else:
            row_cls += " govuk-summary-list__row--no-actions"
        out.append(f'<div class="{row_cls}"><dt class="govuk-summary-list__key">{_e(key)}</dt>'
                   f'<dd class="govuk-summary-list__value">{value_html}</dd>{action}</div>')
    return f'<dl class="govuk-summary-list">{"".join(out)}</dl>'


def _next_steps(links: Iterable[tuple[str, str]]) -> str:
    items = "".join(f'<li><a class="govuk-link" href="{_e(href)}">{_e(text)}</a></li>'
                    for href, text in links)
    return _section("What to do next", f'<ul class="govuk-list govuk-list--bullet">{items}</ul>', data="next")


def _actions(download: tuple[str, str, str] | None) -> str:
    """The calendar download (file name, data URL, link text) and the print button."""
    parts = []
    if download is not None:
        filename, url, text = download
        parts.append(f'<a class="calculator__button calculator__button--secondary" download="{_e(filename)}" '
                     f'href="{_e(url)}" data-action="calendar">{_e(text)}</a>')
    parts.append('<button type="button" class="calculator__button calculator__button--secondary" '
                 'data-action="print">Print this result</button>')
    return f'<div class="calculator__actions">{"".join(parts)}</div>'


def _deadline_panel(answer: Any, ids: Ids, *, result: str, on: date, what: str, title: str,
                    body: str) -> str:
    """The answer's headline: the date (``<time>``) in the result's focusable heading, what to do
    on that day, and how many days are left (or how long ago it passed)."""
    verb = "was" if answer.passed else "is"
    return (
        f'<div class="calculator-panel" data-result="{_e(result)}" '
        f'data-passed="{str(answer.passed).lower()}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">'
        f'{_e(title)} {verb} {_time(on, "calculator-panel__date")}</h3>'
        f'<p class="calculator-panel__body">{_e(body)}</p>'
        f"{_countdown(answer.days_left, answer.days_late, answer.passed, answer.today, what)}"
        "</div>"
    )


def _countdown(days_left: int, days_late: int, passed: bool, today: date, what: str) -> str:
    if passed:
        ago = "yesterday" if days_late == 1 else f"{days_late} days ago"
        return (f'<p class="calculator-panel__status" data-passed="true">'
                f"This date has passed. It was {ago}.</p>")
    if days_left == 0:
        return (f'<p class="calculator-panel__status" data-passed="false">That is today. Get your {_e(what)} '
                "to the Tribunal by 5pm today.</p>")
    return (f'<p class="calculator-panel__status" data-passed="false">'
            f"{_e(_plural(days_left, 'day', 'days'))} left, counting from today ({_time(today)}).</p>")


# -- appeal deadline ----------------------------------------------------------------------------------------

def _appeal_answer(values: dict[str, Any], today: date) -> Result:
    from .time_limits import appeal_deadline

    return appeal_deadline(values["letter-sent"], values["certificate-issued"], today=today)


def _appeal_query(answer: Any) -> list[tuple[str, str]]:
    pairs = [("letter-sent", answer.letter_sent.isoformat())]
    if answer.certificate_issued is not None:
        pairs.append(("certificate-issued", answer.certificate_issued.isoformat()))
    return pairs


def _appeal_calendar(answer: Any) -> tuple[str, str, str] | None:
    if answer.passed:
        return None
    made_from = f"a decision letter sent on {long_date(answer.letter_sent)}"
    if answer.certificate_issued is not None:
        made_from += f" and a mediation certificate issued on {long_date(answer.certificate_issued)}"
    from .ics import Event, calendar_file, data_url

    event = Event(
        on=answer.last_day,
        summary="Last day for the SEND Tribunal to receive your appeal",
        description=(
            f"Get your appeal to the SEND Tribunal by {answer.cut_off} today at the latest. "
            f"Worked out on {long_date(answer.today)} from {made_from}. "
            "Send it earlier if you can, and keep proof of when you sent it."
        ),
        remind_days_before=7,
        reminder="Your SEND appeal must reach the Tribunal within 7 days",
    )
    text = calendar_file([event], now=answer.today)
    return "send-appeal-last-day.ics", data_url(text), "Add the last day to your calendar"


def _appeal_present(answer: Any, ids: Ids) -> str:
    panel = _deadline_panel(
        answer, ids, result="last-day", on=answer.last_day, what="appeal",
        title="Your last day to register the appeal",
        body=f"Get it to the Tribunal by {answer.cut_off} on that day.",
    )
    if answer.governed_by == "certificate":
        governed = ("This date comes from your mediation certificate. One month after it is later than two "
                    "months after the decision letter.")
    else:
        governed = "This date comes from the date the decision letter was sent."
    parts = [panel, f'<p class="calculator__governed" data-governed-by="{_e(answer.governed_by)}">'
                    f"{_e(governed)}</p>"]

    if answer.passed:
        parts.append(_section("If your last day has passed", _steps(answer.late_appeal), data="late"))

    certificate_value = (_time(answer.certificate_issued) if answer.certificate_issued is not None
                         else "You do not have one yet")
    parts.append(_section("Your answers", _summary_list([
        ("Decision letter sent", _time(answer.letter_sent), "#letter-sent-day",
         "the date the letter was sent"),
        ("Mediation certificate issued", _e(certificate_value) if answer.certificate_issued is None
         else certificate_value, "#certificate-issued-day", "the date the certificate was issued"),
    ]), data="answers"))

    key_dates = [("Last day to register the appeal", _time(answer.last_day), None, "")]
    if answer.certificate_issued is None and answer.contact_adviser_by is not None:
        value = f'<span data-result="contact-adviser">{_time(answer.contact_adviser_by)}</span>'
        working = answer.contact_adviser_working_day
        if working is not None and working != answer.contact_adviser_by:
            value += (f' <span class="calculator__aside">That is not a working day, so contact them by '
                      f'<span data-result="contact-adviser-working-day">{_time(working)}</span>.</span>')
        key_dates.append(("Contact the mediation adviser by, if you need a certificate", value, None, ""))
    parts.append(_section("Key dates", _summary_list(key_dates), data="key-dates"))

    parts.append(_section("How we worked it out", _steps(answer.steps), data="steps"))
    parts.append(_alternatives(answer.alternatives, answer.last_day, "appeal"))
    parts.append(_section("Things to know", _bullets(answer.notes), data="notes"))
    parts.append(_section("Sources", _sources_block(answer.sources), data="sources"))

    links = []
    if answer.certificate_issued is None:
        links.append((PAGE_LINKS["certificate"],
                      "Find out if you need a mediation certificate and how to get one"))
    links += [
        (PAGE_LINKS["what-can-be-appealed"], "Check which form to use and how to send your appeal"),
        (PAGE_LINKS["checklist"], "Follow the step-by-step checklist"),
        HELP_LINK,
    ]
    parts.append(_next_steps(links))
    parts.append(_actions(_appeal_calendar(answer)))
    return "".join(parts)


register(Calculator(
    name="appeal-deadline",
    rehearsal=(date_fields("letter-sent", date(2025, 2, 3)), date(2025, 3, 1)),
    title="Appeal deadline calculator",
    button="Work out my last day",
    questions=(
        DateQuestion(
            field="letter-sent",
            legend="When was the decision letter sent?",
            hint="Use the date on the letter. For example, 27 3 2026",
            label="the decision letter was sent",
        ),
        DateQuestion(
            field="certificate-issued",
            legend="When was your mediation certificate issued? (optional)",
            hint="Use the date on the certificate. Leave this blank if you do not have one yet. "
                 "For example, 15 4 2026",
            label="the mediation certificate was issued",
            optional=True,
        ),
    ),
    answer=_appeal_answer,
    present=_appeal_present,
    query=_appeal_query,
))


# -- questions more than one calculator asks --------------------------------------------------------------

#: Whether the family wants to try mediation (the mediation timeline and the adviser email).
WANTS_MEDIATION = "wants-mediation"
WANTS_MEDIATION_CHOICES = {"yes": True, "no": False}
WANTS_MEDIATION_OPTIONS = (("yes", "Yes, I want to try mediation"),
                           ("no", "No, I only want a mediation certificate"))
SELECT_WANTS_MEDIATION = "Select whether you want to try mediation"


# -- mediation certificate ----------------------------------------------------------------------------------

SECTION_LABELS = {
    "B": "Section B: special educational needs",
    "F": "Section F: special educational provision",
    "I": "Section I: the school or college named, its type, or no school named",
}


def _decision_options() -> tuple[tuple[str, str], ...]:
    from .appeals import DECISIONS

    return tuple((key, d.label) for key, d in DECISIONS.items())


def _section_options() -> tuple[tuple[str, str], ...]:
    from .appeals import SECTIONS

    return tuple((key, SECTION_LABELS.get(key, label)) for key, label in SECTIONS.items())


#: Which sections of a final plan the family disagrees with (the certificate calculator and the
#: adviser email), shown only for the "final plan contents" decision.
SECTIONS_QUESTION = ChoiceQuestion(
    name="sections",
    legend="Which parts of the final plan do you disagree with?",
    hint="Only if you chose 'You disagree with what the final EHC plan says'. Select all that apply.",
    options=_section_options,
    multiple=True,
    reveal_for=("decision", "plan-contents"),
)


def _certificate_answer(values: dict[str, Any], today: date) -> Result:
    from .appeals import certificate_needed

    return certificate_needed(values["decision"], values["sections"])


def _certificate_query(answer: Any) -> list[tuple[str, str]]:
    return [("decision", answer.decision), *(("sections", s) for s in answer.sections)]


def _certificate_present(answer: Any, ids: Ids) -> str:
    needed = bool(answer.needed)
    heading = "You need a mediation certificate" if needed else "You do not need a mediation certificate"
    reasons = "".join(f"<li>{_e(r)}</li>" for r in answer.reasons)
    panel = (
        f'<div class="calculator-panel" data-result="certificate-needed" data-needed="{str(needed).lower()}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{_e(heading)}</h3>'
        f'<ul class="govuk-list calculator-panel__reasons">{reasons}</ul>'
        "</div>"
    )
    rows: list[tuple[str, str, str | None, str]] = [
        ("What you want to appeal", _e(answer.decision_label), f"#decision-{_decision_options()[0][0]}",
         "what you want to appeal"),
    ]
    if answer.sections:
        labels = "".join(f"<li>{_e(SECTION_LABELS.get(s, s))}</li>" for s in answer.sections)
        rows.append(("Parts of the plan", f'<ul class="govuk-list">{labels}</ul>', "#sections-B",
                     "the parts of the plan"))
    if not needed and answer.may_still_mediate:
        mediation = "You can still choose to try mediation"
    elif answer.mediation_available:
        mediation = "You can choose whether to try mediation. Getting a certificate does not mean you have to"
    else:
        mediation = "Not available for this kind of claim"
    if answer.extended_appeal_available:
        recommendations = "You can ask the Tribunal for them as part of this appeal"
    else:
        recommendations = "Not available for this kind of appeal or claim"
    rows += [
        ("Mediation certificate", _e("Needed before you appeal" if needed else "Not needed"), None, ""),
        ("Mediation", _e(mediation), None, ""),
        ("Health and social care recommendations", _e(recommendations), None, ""),
        ("Tribunal form", _e(answer.form), None, ""),
    ]
    parts = [panel, _section("Your answers", _summary_list(rows), data="answers")]
    parts.append(_section("Why", _steps(answer.steps), data="steps"))
    parts.append(_section("Things to know", _bullets(answer.notes), data="notes"))
    parts.append(_section("Sources", _sources_block(answer.sources), data="sources"))
    if answer.decision == "disability-discrimination":
        links = [(PAGE_LINKS["dd-claim"], "Work out the last day for a discrimination claim")]
    else:
        links = []
        if needed:
            links.append((PAGE_LINKS["certificate-how"], "How to get your certificate"))
        links.append((PAGE_LINKS["appeal-deadline"], "Work out your last day to appeal"))
        if answer.mediation_available:
            links.append((PAGE_LINKS["should-you-mediate"], "Decide whether to try mediation"))
    links.append(HELP_LINK)
    parts.append(_next_steps(links))
    parts.append(_actions(None))
    return "".join(parts)


register(Calculator(
    name="certificate",
    rehearsal=({"decision": ["plan-contents"], "sections": ["I"]}, date(2025, 3, 1)),
    title="Mediation certificate checker",
    button="Check if I need a certificate",
    questions=(
        ChoiceQuestion(
            name="decision",
            legend="What do you want to take to the Tribunal?",
            hint="Choose the one that matches the council's decision letter, or the school's discrimination.",
            options=_decision_options,
            missing="Select what you want to take to the Tribunal",
        ),
        SECTIONS_QUESTION,
    ),
    answer=_certificate_answer,
    present=_certificate_present,
    query=_certificate_query,
    by_hand=("#check-it-yourself", "check it by hand"),
))


# -- disability discrimination claim ------------------------------------------------------------------------

def _dd_answer(values: dict[str, Any], today: date) -> Result:
    from .time_limits import dd_claim_deadline

    return dd_claim_deadline(values["conduct"], today=today)


def _dd_query(answer: Any) -> list[tuple[str, str]]:
    return [("conduct", answer.conduct.isoformat())]


def _dd_calendar(answer: Any) -> tuple[str, str, str] | None:
    if answer.passed:
        return None
    from .ics import Event, calendar_file, data_url

    event = Event(
        on=answer.safe_day,
        summary="Send your disability discrimination claim to the SEND Tribunal",
        description=(
            f"Make sure the SEND Tribunal receives your claim by {answer.cut_off} today. "
            f"The time limit ends on {long_date(answer.last_day)}. "
            f"Worked out on {long_date(answer.today)} for discrimination on {long_date(answer.conduct)}."
        ),
        remind_days_before=7,
        reminder="Your discrimination claim must reach the Tribunal within 7 days",
    )
    text = calendar_file([event], now=answer.today)
    return "send-claim-last-day.ics", data_url(text), "Add the date to your calendar"


def _dd_present(answer: Any, ids: Ids) -> str:
    panel = _deadline_panel(
        answer, ids, result="safe-day", on=answer.safe_day, what="claim",
        title="The last day to send your claim",
        body=f"Make sure the Tribunal receives it by {answer.cut_off} on that day.",
    )
    parts = [panel]
    if answer.passed:
        parts.append(_section("If your last day has passed", _steps(answer.late_claim), data="late"))
    parts.append(_section("Your answers", _summary_list([
        ("The discrimination happened on", _time(answer.conduct), "#conduct-day", "the date"),
    ]), data="answers"))
    key_dates = [
        ("Send your claim by", f'<span data-result="safe-day-date">{_time(answer.safe_day)}</span>',
         None, ""),
        ("The time limit ends on", f'<span data-result="last-day">{_time(answer.last_day)}</span>', None, ""),
    ]
    parts.append(_section("Key dates", _summary_list(key_dates), data="key-dates"))
    parts.append(_section("How we worked it out", _steps(answer.steps), data="steps"))
    parts.append(_alternatives(answer.alternatives, answer.safe_day, "claim"))
    parts.append(_section("Things to know", _bullets(answer.notes), data="notes"))
    parts.append(_section("Sources", _sources_block(answer.sources), data="sources"))
    parts.append(_next_steps([
        (PAGE_LINKS["dd-claim"] + "#how-to-make-a-claim", "How to make a claim"),
        HELP_LINK,
    ]))
    parts.append(_actions(_dd_calendar(answer)))
    return "".join(parts)


register(Calculator(
    name="dd-claim",
    rehearsal=(date_fields("conduct", date(2025, 2, 3)), date(2025, 3, 1)),
    title="Discrimination claim deadline calculator",
    button="Work out my last day",
    questions=(
        DateQuestion(
            field="conduct",
            legend="When did the discrimination happen?",
            hint="If it went on over a period, use the last day it happened. For example, 27 3 2026",
            label="the discrimination happened",
        ),
    ),
    answer=_dd_answer,
    present=_dd_present,
    query=_dd_query,
))


# -- page structure -----------------------------------------------------------------------------------------

def _status(calc: Calculator) -> str:
    href, text = calc.by_hand
    link = f'<a class="govuk-link" href="{_e(href)}">{_e(text)}</a>'
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
    items = "".join(f'<li><a href="#{_e(target)}">{_e(err.message)}</a></li>' for err, target in errors)
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
        f'<form class="calculator__form" novalidate data-calculator-form="{_e(calc.name)}">'
        f'<input type="hidden" name="calculator" value="{_e(calc.name)}">'
        f"{questions}"
        f'<button type="submit" class="calculator__button">{_e(calc.button)}</button>'
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
        f'<h3 class="calculator__title" id="{ids.title}">{_e(calc.title)}</h3>'
        f"{_status(calc)}"
        f"{summary}{before_form}"
        f"{_form(calc, fields, values or {}, by_question)}"
        f'<div class="calculator__result" id="{ids.result}">{result_html}</div>'
    )


def form_html(name: str) -> str:
    """The calculator's root element, as built into the page (``data-state="loading"``)."""
    return _calculator(name).form_html()


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
    return f'<div class="calculator-sources-block">{_sources_block(SOURCES[i] for i in ids)}</div>'


# -- the browser entry point --------------------------------------------------------------------------------

def _normalise(raw: Any) -> dict[str, list[str]]:
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
        f'<div class="govuk-error-summary calculator__problem" id="{_e(id_)}" tabindex="-1" '
        f'aria-labelledby="{_e(id_)}-title" data-problem="true">'
        '<div role="alert">'
        f'<h3 class="govuk-error-summary__title" id="{_e(id_)}-title">Something went wrong</h3>'
        '<div class="govuk-error-summary__body">'
        "<p>The calculator could not work out an answer. Your dates were not used, and nothing has been "
        "sent anywhere.</p>"
        f'<p>You can try again, or <a class="govuk-link" href="{_e(href)}">{_e(text)}</a> '
        "using the steps on this page.</p>"
        "</div></div></div>"
    )


def _problem(calc: Calculator | None, fields: Fields) -> dict[str, Any]:
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
            calc = _calculator(str(name))
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
        calc = _calculator(calculator if isinstance(calculator, str) else "")
        fields = _normalise(json.loads(fields_json))
        today = date.fromisoformat(str(today_iso))
        answer = _answer(calc, fields, today)
    except Exception:  # noqa: BLE001 - never show a traceback to a reader
        answer = _problem(calc, fields)
    return json.dumps(answer)

