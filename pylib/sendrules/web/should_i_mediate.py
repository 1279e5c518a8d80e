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

:data:`CALCULATOR` is the calculator, loaded by name through :data:`sendrules.web.MODULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

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
from .framework import Calculator, Ids
from .pieces import (
    PAGE_LINKS,
    closing,
    escape,
    plural,
    section,
    step_list,
    summary_list,
    time_tag,
)
from .questions import ChoiceQuestion, DateQuestion, Fields, TextQuestion, first

__all__ = ["CALCULATOR", "NAME"]

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


def _moving(fields: Fields) -> bool:
    return first(fields, PHASE_TRANSFER.name) not in ("", PHASE_TRANSFER_NONE)


_FOLLOW_UP = "Only if your child is moving."


def _follow_up(inner: str) -> str:
    """Shown indented under the move question, like a GOV.UK conditional reveal."""
    return (f'<div class="calculator__conditional" data-reveal-name="{PHASE_TRANSFER.name}" '
            f'data-reveal-value="any-move">{inner}</div>')


@dataclass(frozen=True)
class _BirthDate(DateQuestion):
    """The child's date of birth: read only when a move is chosen."""

    def read(self, fields: Fields) -> date | None:
        if not _moving(fields):
            return None
        return super().read(fields)

    def html(self, fields: Fields, value: Any, error: SendRulesError | None) -> str:
        return _follow_up(super().html(fields, value, error))


@dataclass(frozen=True)
class _Year(TextQuestion):
    """A 4-digit year in one text box: the September the child moves. Read only when a move is chosen."""

    def read(self, fields: Fields) -> str | None:
        if not _moving(fields):
            return None
        return super().read(fields)

    def html(self, fields: Fields, value: Any, error: SendRulesError | None) -> str:
        return _follow_up(super().html(fields, value, error))


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
        width=4,
        numeric=True,
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
        f'data-recommendation="{escape(advice.recommendation)}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{escape(advice.label)}</h3>'
        f'<p class="calculator-panel__body">{escape(advice.summary)}</p>'
        "</div>"
    )
    reason_items = "".join(
        f'<li data-reason="{escape(r.question)}" data-leans="{escape(r.leans)}">'
        f"<strong>{escape(labels.get((r.question, r.answer), r.answer))}</strong> "
        f"({escape(_LEANS[r.leans].lower())}). "
        f"{escape(r.text)}</li>"
        for r in advice.reasons
    )
    parts = [panel, section("Why", f'<ul class="govuk-list govuk-list--bullet">{reason_items}</ul>',
                                 data="reasons")]

    pt = advice.phase_transfer
    if pt is not None:
        status = ("This date has passed." if pt.passed
                  else f"{plural(pt.days_left, 'day', 'days')} from today.")
        rows = [
            ("The move", escape(pt.transfer_label), "#phase-transfer-none", "the move"),
            ("Starts", time_tag(pt.move_starts), None, ""),
            ("Plan must be amended by",
             f'<span data-result="phase-transfer-last-day">{time_tag(pt.last_day)}</span>. '
             f"The law says {escape(pt.statutory_wording)}. {escape(status)}", None, ""),
        ]
        parts.append(section("Your child's move", summary_list(rows), data="phase-transfer"))

    if advice.certificate_needed is None:
        cert = "Ask the mediation adviser"
    else:
        cert = "Needed before you appeal" if advice.certificate_needed else "Not needed for this appeal"
    parts.append(section("Mediation certificate", summary_list([
        ("Certificate", f'<span data-result="certificate-needed">{escape(cert)}</span>', None, ""),
    ]), data="certificate"))

    caution_items = []
    for c in advice.cautions:
        link = ""
        if c.link:
            href = _LINKS.get(c.link, f"../{c.link}/")
            if c.id == "appeal-clock":
                href = f"{PAGE_LINKS['appeal-deadline']}?{advice.deadline_query}"
            link = (f' <a class="govuk-link" href="{escape(href)}" data-link="{escape(c.id)}">'
                    f"{escape(c.link_text)}</a>")
        caution_items.append(f'<li data-caution="{escape(c.id)}">{escape(c.text)}{link}</li>')
    parts.append(section("Whatever you decide",
                              f'<ul class="govuk-list govuk-list--bullet">{"".join(caution_items)}</ul>',
                              data="cautions"))
    parts.append(section("How we worked it out", step_list(advice.steps), data="steps"))
    deadline_href = f"{PAGE_LINKS['appeal-deadline']}?{advice.deadline_query}"
    deadline_text = ("Work out your last day to appeal, from your letter date" if advice.letter_sent
                     else "Work out your last day to appeal")
    links = [(deadline_href, deadline_text)]
    if advice.certificate_needed is not False:
        links.append((PAGE_LINKS["certificate-how"], "How to get your mediation certificate"))
    parts.append(closing(advice, links))
    return "".join(parts)


CALCULATOR = Calculator(
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

