"""The questions a calculator asks, GOV.UK style, and the questions more than one calculator asks.

A question reads its value from the submitted fields (``read``, raising
:class:`~sendrules.errors.SendRulesError` for bad input) and gives its HTML, with the reader's
typing kept and its error shown inline (``html``). ``first_id`` and ``focus_id`` say where the
error summary's link goes; ``owns`` says whether an error from the rules (``error.field``)
belongs to it.

* :class:`DateQuestion`: three boxes for a date (day, month, year).
* :class:`ChoiceQuestion`: radios, or checkboxes with ``multiple``.
* :class:`TextQuestion`: one text box, or a text area with ``rows``.

A calculator whose question behaves a little differently (read only after some answer, shown
under another question) subclasses one of these and overrides ``read`` or ``html``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import SendRulesError, UnknownDecisionError
from ..forms import PARTS, DateInputError, date_from_fields
from .pieces import escape

Fields = Mapping[str, list[str]]


def first(fields: Fields, name: str) -> str:
    """The first value sent for ``name``, stripped; ``""`` if none."""
    values = fields.get(name) or []
    return values[0].strip() if values else ""


def date_fields(field: str, value: date) -> dict[str, list[str]]:
    """``value`` as a form sends it: the three GOV.UK date inputs ``{field}-day``, ``-month`` and
    ``-year``. For example submissions (``Calculator.rehearsal``) and tests."""
    return {f"{field}-{part}": [str(getattr(value, part))] for part in PARTS}


def hint(id_: str, text: str) -> str:
    return f'<div id="{escape(id_)}" class="govuk-hint">{escape(text)}</div>' if text else ""


def error_message(id_: str, message: str) -> str:
    return (f'<p id="{escape(id_)}" class="govuk-error-message">'
            f'<span class="visually-hidden">Error:</span> {escape(message)}</p>')


def described_by(*ids: str | None) -> str:
    present = [i for i in ids if i]
    return f' aria-describedby="{escape(" ".join(present))}"' if present else ""


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
        return [first(fields, f"{self.field}-{part}") for part in PARTS]

    def read(self, fields: Fields) -> date | None:
        if self.optional and not any(self._typed(fields)) and not first(fields, self.field):
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
                f'autocomplete="off" spellcheck="false" value="{escape(text)}"{invalid}>'
                "</div></div>"
            )
        group_cls = "govuk-form-group" + (" govuk-form-group--error" if error else "")
        return (
            f'<div class="{group_cls}" data-question="{escape(self.field)}">'
            f'<fieldset class="govuk-fieldset" role="group"{described_by(hint_id, error_id)}>'
            f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{escape(self.legend)}</legend>'
            f"{hint(hint_id, self.hint)}"
            f"{error_message(error_id, error.message) if error and error_id else ''}"
            f'<div class="govuk-date-input" id="{escape(self.field)}">{"".join(items)}</div>'
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
        value = first(fields, self.name)
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
                f'<input class="govuk-{kind}__input" id="{escape(id_)}" name="{escape(self.name)}" '
                f'type="{input_type}" value="{escape(option_value)}"{checked}>'
                f'<label class="govuk-label govuk-{kind}__label" for="{escape(id_)}">{escape(label)}</label>'
                "</div>"
            )
        group_cls = "govuk-form-group" + (" govuk-form-group--error" if error else "")
        reveal = ""
        if self.reveal_for:
            group_cls += " calculator__conditional"
            other, wanted = self.reveal_for
            reveal = f' data-reveal-name="{escape(other)}" data-reveal-value="{escape(wanted)}"'
        return (
            f'<div class="{group_cls}" data-question="{escape(self.name)}"{reveal}>'
            f'<fieldset class="govuk-fieldset"{described_by(hint_id, error_id)}>'
            f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{escape(self.legend)}</legend>'
            f"{hint(hint_id, self.hint)}"
            f"{error_message(error_id, error.message) if error and error_id else ''}"
            f'<div class="govuk-{kind}">{"".join(items)}</div>'
            "</fieldset></div>"
        )


@dataclass(frozen=True)
class TextQuestion:
    """One GOV.UK text input, or a textarea when ``rows`` is set; id and name ``<name>``.

    Reading never fails: it gives the text typed, stripped, or ``None`` when there is none, and
    the rules check it. ``width`` is the input's GOV.UK width class (characters), ``numeric``
    brings up a number keypad on phones, ``maxlength`` limits what can be typed.
    """

    name: str
    label: str
    hint: str
    width: int = 20
    numeric: bool = False
    autocomplete: str = "off"
    maxlength: int | None = None
    rows: int = 0

    @property
    def first_id(self) -> str:
        return self.name

    def owns(self, field: str | None) -> bool:
        return field == self.name

    def focus_id(self, error: SendRulesError) -> str:
        return self.name

    def read(self, fields: Fields) -> str | None:
        return first(fields, self.name) or None

    def typed(self, fields: Fields, value: Any) -> str:
        """What the box shows: what the reader typed."""
        return first(fields, self.name)

    def html(self, fields: Fields, value: Any, error: SendRulesError | None) -> str:
        name = escape(self.name)
        hint_id = f"{self.name}-hint"
        error_id = f"{self.name}-error" if error else None
        typed = escape(self.typed(fields, value))
        invalid = ' aria-invalid="true"' if error else ""
        if self.rows:
            cls = "govuk-textarea" + (" govuk-textarea--error" if error else "")
            box = (f'<textarea class="{cls}" id="{name}" name="{name}" rows="{self.rows}" spellcheck="true" '
                   f'autocomplete="{escape(self.autocomplete)}"{described_by(hint_id, error_id)}{invalid}>'
                   f"{typed}</textarea>")
        else:
            cls = f"govuk-input govuk-input--width-{self.width}" + (" govuk-input--error" if error else "")
            numeric = ' inputmode="numeric"' if self.numeric else ""
            maxlength = f' maxlength="{self.maxlength}"' if self.maxlength else ""
            box = (f'<input class="{cls}" id="{name}" name="{name}" type="text"{numeric} '
                   f'autocomplete="{escape(self.autocomplete)}" spellcheck="false"{maxlength} value="{typed}"'
                   f"{described_by(hint_id, error_id)}{invalid}>")
        group_cls = "govuk-form-group" + (" govuk-form-group--error" if error else "")
        message = error_message(error_id, error.message) if error and error_id else ""
        return (
            f'<div class="{group_cls}" data-question="{name}">'
            f'<label class="govuk-label govuk-label--s" for="{name}">{escape(self.label)}</label>'
            f"{hint(hint_id, self.hint)}{message}{box}"
            "</div>"
        )


Question = DateQuestion | ChoiceQuestion | TextQuestion


# -- questions more than one calculator asks --------------------------------------------------------------

#: Whether the family wants to try mediation (the mediation timeline and the adviser email).
WANTS_MEDIATION = "wants-mediation"
WANTS_MEDIATION_CHOICES = {"yes": True, "no": False}
WANTS_MEDIATION_OPTIONS = (("yes", "Yes, I want to try mediation"),
                           ("no", "No, I only want a mediation certificate"))
SELECT_WANTS_MEDIATION = "Select whether you want to try mediation"


def wants_mediation_question(legend: str, hint: str) -> ChoiceQuestion:
    """Radios ``wants-mediation``, yes or no; read its answer with :func:`wants_mediation`."""
    return ChoiceQuestion(name=WANTS_MEDIATION, legend=legend, hint=hint,
                          options=lambda: WANTS_MEDIATION_OPTIONS, missing=SELECT_WANTS_MEDIATION)


def wants_mediation(values: Mapping[str, Any]) -> bool:
    """The answer to :func:`wants_mediation_question` as ``True`` or ``False``."""
    wants = WANTS_MEDIATION_CHOICES.get(values[WANTS_MEDIATION])
    if wants is None:
        raise UnknownDecisionError(SELECT_WANTS_MEDIATION, field=WANTS_MEDIATION)
    return wants


SECTION_LABELS = {
    "B": "Section B: special educational needs",
    "F": "Section F: special educational provision",
    "I": "Section I: the school or college named, its type, or no school named",
}


def _section_options() -> tuple[tuple[str, str], ...]:
    from ..appeals import SECTIONS

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
