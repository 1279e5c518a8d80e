"""The mediation certificate checker on the mediation-certificate page.

Presentation only: whether a certificate is needed, and why, comes from
:func:`sendrules.appeals.certificate_needed`. Questions, GOV.UK style: what the family wants to
take to the Tribunal (radios ``decision``, the command line's values) and, for the final plan's
contents, which sections (checkboxes ``sections``, :data:`~sendrules.web.questions.SECTIONS_QUESTION`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..appeals import DECISIONS, certificate_needed
from ..results import Result
from .framework import Calculator, Ids
from .pieces import PAGE_LINKS, closing, escape, section, step_list, summary_list
from .questions import SECTION_LABELS, SECTIONS_QUESTION, ChoiceQuestion


def _decision_options() -> tuple[tuple[str, str], ...]:
    return tuple((key, d.label) for key, d in DECISIONS.items())


def _answer(values: dict[str, Any], today: date) -> Result:
    return certificate_needed(values["decision"], values["sections"])


def _query(answer: Any) -> list[tuple[str, str]]:
    return [("decision", answer.decision), *(("sections", s) for s in answer.sections)]


def _present(answer: Any, ids: Ids) -> str:
    needed = bool(answer.needed)
    heading = "You need a mediation certificate" if needed else "You do not need a mediation certificate"
    reasons = "".join(f"<li>{escape(r)}</li>" for r in answer.reasons)
    panel = (
        f'<div class="calculator-panel" data-result="certificate-needed" data-needed="{str(needed).lower()}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{escape(heading)}</h3>'
        f'<ul class="govuk-list calculator-panel__reasons">{reasons}</ul>'
        "</div>"
    )
    rows: list[tuple[str, str, str | None, str]] = [
        ("What you want to appeal", escape(answer.decision_label), f"#decision-{_decision_options()[0][0]}",
         "what you want to appeal"),
    ]
    if answer.sections:
        labels = "".join(f"<li>{escape(SECTION_LABELS.get(s, s))}</li>" for s in answer.sections)
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
        ("Mediation certificate", escape("Needed before you appeal" if needed else "Not needed"), None, ""),
        ("Mediation", escape(mediation), None, ""),
        ("Health and social care recommendations", escape(recommendations), None, ""),
        ("Tribunal form", escape(answer.form), None, ""),
    ]
    parts = [panel, section("Your answers", summary_list(rows), data="answers")]
    parts.append(section("Why", step_list(answer.steps), data="steps"))
    if answer.decision == "disability-discrimination":
        links = [(PAGE_LINKS["dd-claim"], "Work out the last day for a discrimination claim")]
    else:
        links = []
        if needed:
            links.append((PAGE_LINKS["certificate-how"], "How to get your certificate"))
        links.append((PAGE_LINKS["appeal-deadline"], "Work out your last day to appeal"))
        if answer.mediation_available:
            links.append((PAGE_LINKS["should-you-mediate"], "Decide whether to try mediation"))
    parts.append(closing(answer, links))
    return "".join(parts)


CALCULATOR = Calculator(
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
    answer=_answer,
    present=_present,
    query=_query,
    by_hand=("#check-it-yourself", "check it by hand"),
)
