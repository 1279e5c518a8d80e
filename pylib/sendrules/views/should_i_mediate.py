"""The "Should I mediate?" calculator on the should-you-mediate page.

Presentation only: the questions come from :data:`sendrules.should_mediate.QUESTIONS`, and
every recommendation, reason, caution, date and certificate answer from
:func:`sendrules.should_mediate.should_i_mediate`. The form, error summary, status messages
and sources list are the shared pieces of :mod:`sendrules.web`.

One form, GOV.UK style, one question per fieldset:

1. ``about`` (radios), 2. ``la-record`` (radios), 3. ``phase-transfer`` (radios) with its
follow-up, the child's date of birth (``date-of-birth-day/-month/-year``) or the year of
the move (``transfer-year``), 4. ``health-social-care`` (radios), and 5. the optional date
on the decision letter (``letter-sent-day/-month/-year``), carried into the link to the
appeal deadline calculator.

:data:`CALCULATOR` is the entry for the registry in :mod:`sendrules.web`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import web
from ..errors import SendRulesError
from ..should_mediate import (
    ABOUT,
    HEALTH_SOCIAL_CARE,
    LA_RECORD,
    PHASE_TRANSFER,
    PHASE_TRANSFER_NONE,
    MediationAnswers,
    Question,
    should_i_mediate,
)
from ..web import PAGE_LINKS, ChoiceQuestion, DateQuestion, Ids, _e, _first

__all__ = ["CALCULATOR", "NAME", "form_html", "render"]

NAME = "should-i-mediate"

_LINKS = {
    **PAGE_LINKS,
    "mediation-certificate": PAGE_LINKS["certificate"],
    "check-the-offer": "../check-the-offer/",
}


def _choice(question: Question) -> ChoiceQuestion:
    return ChoiceQuestion(
        name=question.name,
        legend=question.legend,
        hint=question.hint or "",
        options=lambda: tuple((o.value, o.label) for o in question.options),
        missing=question.select_message,
    )


def _moving(fields: web.Fields) -> bool:
    return _first(fields, PHASE_TRANSFER.name) not in ("", PHASE_TRANSFER_NONE)


_FOLLOW_UP = "Only if your child is moving."


def _follow_up(inner: str) -> str:
    """Shown indented under the move question, like a GOV.UK conditional reveal."""
    return (f'<div class="calculator__conditional" data-reveal-name="{PHASE_TRANSFER.name}" '
            f'data-reveal-value="any-move">{inner}</div>')


@dataclass(frozen=True)
class _BirthDate(DateQuestion):
    """The child's date of birth: read only when a move is chosen."""

    def read(self, fields: web.Fields) -> date | None:
        if not _moving(fields):
            return None
        return super().read(fields)

    def html(self, fields: web.Fields, value: Any, error: SendRulesError | None) -> str:
        return _follow_up(super().html(fields, value, error))


@dataclass(frozen=True)
class _Year:
    """A 4-digit year in one text box, GOV.UK text input: the September the child moves."""

    name: str
    label: str
    hint: str

    @property
    def first_id(self) -> str:
        return self.name

    def owns(self, field: str | None) -> bool:
        return field == self.name

    def focus_id(self, error: SendRulesError) -> str:
        return self.name

    def read(self, fields: web.Fields) -> str | None:
        if not _moving(fields):
            return None
        return _first(fields, self.name) or None

    def html(self, fields: web.Fields, value: Any, error: SendRulesError | None) -> str:
        hint_id = f"{self.name}-hint"
        error_id = f"{self.name}-error" if error else None
        typed = _first(fields, self.name)
        cls = "govuk-input govuk-input--width-4" + (" govuk-input--error" if error else "")
        invalid = ' aria-invalid="true"' if error else ""
        group_cls = "govuk-form-group" + (" govuk-form-group--error" if error else "")
        message = web._error_message(error_id, error.message) if error and error_id else ""
        return _follow_up(
            f'<div class="{group_cls}" data-question="{_e(self.name)}">'
            f'<label class="govuk-label govuk-label--s" for="{_e(self.name)}">{_e(self.label)}</label>'
            f"{web._hint(hint_id, self.hint)}{message}"
            f'<input class="{cls}" id="{_e(self.name)}" name="{_e(self.name)}" type="text" '
            f'inputmode="numeric" autocomplete="off" spellcheck="false" value="{_e(typed)}"'
            f"{web._described_by(hint_id, error_id)}{invalid}>"
            "</div>"
        )


QUESTIONS = (
    _choice(ABOUT),
    _choice(LA_RECORD),
    _choice(PHASE_TRANSFER),
    _BirthDate(
        field="date-of-birth",
        legend="What is your child's date of birth?",
        hint=f"{_FOLLOW_UP} We use it to work out the year of the move. For example, 27 3 2016",
        label="of birth",
        optional=True,
    ),
    _Year(
        name="transfer-year",
        label="Or, the year your child moves",
        hint=(f"{_FOLLOW_UP} The September they start at the new school or college, for example 2027. "
              "Use this if your child is not in their usual year group. It is used instead of the date "
              "of birth."),
    ),
    _choice(HEALTH_SOCIAL_CARE),
    DateQuestion(
        field="letter-sent",
        legend="What is the date on the council's decision letter? (optional)",
        hint="If you have one. We will carry it into the appeal deadline calculator. For example, 1 10 2026",
        label="on the decision letter",
        optional=True,
    ),
)


def _answer(values: dict[str, Any], today: date):
    answers = MediationAnswers(
        about=values["about"],
        la_record=values["la-record"],
        phase_transfer=values["phase-transfer"],
        transfer_year=values["transfer-year"],
        date_of_birth=values["date-of-birth"],
        health_social_care=values["health-social-care"],
        letter_sent=values["letter-sent"],
    )
    return should_i_mediate(answers, today=today)


def _query(advice: Any) -> list[tuple[str, str]]:
    reasons = {r.question: r.answer for r in advice.reasons}
    pairs = [("about", reasons["about"]), ("la-record", reasons["la-record"]),
             ("phase-transfer", reasons["phase-transfer"])]
    pt = advice.phase_transfer
    if pt is not None:
        pairs.append(("transfer-year", str(pt.transfer_year)))
    pairs.append(("health-social-care", reasons.get("health-social-care", "no")))
    if advice.letter_sent is not None:
        pairs.append(("letter-sent", advice.letter_sent.isoformat()))
    return pairs


def _labels() -> dict[tuple[str, str], str]:
    return {(q.name, o.value): o.label for q in (ABOUT, LA_RECORD, PHASE_TRANSFER, HEALTH_SOCIAL_CARE)
            for o in q.options}


_LEANS = {
    "mediation": "Points to mediation",
    "tribunal": "Points to the Tribunal",
    "neither": "Points neither way",
}


def _present(advice: Any, ids: Ids) -> str:
    labels = _labels()
    panel = (
        f'<div class="calculator-panel" data-result="recommendation" '
        f'data-recommendation="{_e(advice.recommendation)}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{_e(advice.label)}</h3>'
        f'<p class="calculator-panel__body">{_e(advice.summary)}</p>'
        "</div>"
    )
    reason_items = "".join(
        f'<li data-reason="{_e(r.question)}" data-leans="{_e(r.leans)}">'
        f"<strong>{_e(labels.get((r.question, r.answer), r.answer))}</strong> "
        f"({_e(_LEANS[r.leans].lower())}). "
        f"{_e(r.text)}</li>"
        for r in advice.reasons
    )
    parts = [panel, web._section("Why", f'<ul class="govuk-list govuk-list--bullet">{reason_items}</ul>',
                                 data="reasons")]

    pt = advice.phase_transfer
    if pt is not None:
        status = ("This date has passed." if pt.passed
                  else f"{web._plural(pt.days_left, 'day', 'days')} from today.")
        rows = [
            ("The move", _e(pt.transfer_label), "#phase-transfer-none", "the move"),
            ("Starts", web._time(pt.move_starts), None, ""),
            ("Plan must be amended by",
             f'<span data-result="phase-transfer-last-day">{web._time(pt.last_day)}</span>. '
             f"The law says {_e(pt.statutory_wording)}. {_e(status)}", None, ""),
        ]
        parts.append(web._section("Your child's move", web._summary_list(rows), data="phase-transfer"))

    if advice.certificate_needed is None:
        cert = "Ask the mediation adviser"
    else:
        cert = "Needed before you appeal" if advice.certificate_needed else "Not needed for this appeal"
    parts.append(web._section("Mediation certificate", web._summary_list([
        ("Certificate", f'<span data-result="certificate-needed">{_e(cert)}</span>', None, ""),
    ]), data="certificate"))

    caution_items = []
    for c in advice.cautions:
        link = ""
        if c.link:
            href = _LINKS.get(c.link, f"../{c.link}/")
            if c.id == "appeal-clock":
                href = f"{PAGE_LINKS['appeal-deadline']}#{advice.deadline_query}"
            link = f' <a class="govuk-link" href="{_e(href)}" data-link="{_e(c.id)}">{_e(c.link_text)}</a>'
        caution_items.append(f'<li data-caution="{_e(c.id)}">{_e(c.text)}{link}</li>')
    parts.append(web._section("Whatever you decide",
                              f'<ul class="govuk-list govuk-list--bullet">{"".join(caution_items)}</ul>',
                              data="cautions"))
    parts.append(web._section("How we worked it out", web._steps(advice.steps), data="steps"))
    parts.append(web._section("Things to know", web._bullets(advice.notes), data="notes"))
    parts.append(web._section("Sources", web._sources_block(advice.sources), data="sources"))
    deadline_href = f"{PAGE_LINKS['appeal-deadline']}#{advice.deadline_query}"
    deadline_text = ("Work out your last day to appeal, from your letter date" if advice.letter_sent
                     else "Work out your last day to appeal")
    links = [(deadline_href, deadline_text)]
    if advice.certificate_needed is not False:
        links.append((PAGE_LINKS["certificate-how"], "How to get your mediation certificate"))
    links.append(web.HELP_LINK)
    parts.append(web._next_steps(links))
    parts.append(web._actions(None))
    return "".join(parts)


#: The registry entry for :data:`sendrules.web.CALCULATORS`.
CALCULATOR = web.Calculator(
    name=NAME,
    title="Should you try mediation first?",
    button="Show my recommendation",
    questions=QUESTIONS,
    answer=_answer,
    present=_present,
    query=_query,
    by_hand=("#mediation-may-be-worth-trying-if-all-of-these-apply", "decide by hand"),
    rehearsal=({"about": ["amounts"], "la-record": ["good-faith"], "phase-transfer": ["none"],
                "health-social-care": ["no"]}, date(2025, 3, 1)),
)


#: The view's entry points, as "Adding a calculator" in the decision record describes.
form_html = CALCULATOR.form_html
render = CALCULATOR.render
