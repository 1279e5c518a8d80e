"""The "Email the mediation adviser" tool on the checklist page.

Presentation only: whether a certificate is needed, every date and every word of the
email come from :func:`sendrules.adviser_email.adviser_email`. The form, error summary,
status messages, steps and sources list are the shared pieces of :mod:`sendrules.web`.

Questions, GOV.UK style: the decision (radios ``decision``, the command line's values,
without the disability discrimination claim, which needs no certificate), the parts of the
plan (checkboxes ``sections``, only for ``plan-contents``), the date on the decision letter
(``letter-sent-day/-month/-year``), whether the family wants mediation (radios
``wants-mediation``) and, optionally, the child's and the parent's names (text boxes
``child-name`` and ``parent-name``).

The names are private: they are never put into the web address (the query holds only the
decision, the sections, the letter date and the yes or no), and they are escaped wherever
they are shown. The email is plain text in a box the reader can select, with "Copy" buttons
(``data-action="copy"``, ``data-copy-target`` naming the element) and a ``mailto:`` link
that opens the reader's own email app.

:data:`CALCULATOR` is the calculator, loaded by name through :data:`sendrules.web.MODULES`.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from ..adviser_email import MAX_NAME_LENGTH, AdviserEmail, adviser_email
from ..appeals import DECISIONS
from .framework import Calculator, Ids
from .pieces import PAGE_LINKS, closing, escape, section, step_list, summary_list, time_tag
from .questions import (
    SECTIONS_QUESTION,
    WANTS_MEDIATION,
    ChoiceQuestion,
    DateQuestion,
    TextQuestion,
    date_fields,
    wants_mediation,
    wants_mediation_question,
)

__all__ = ["CALCULATOR", "NAME", "PRIVATE_FIELDS", "QUESTIONS", "mailto"]

NAME = "adviser-email"
NO_EMAIL_FOR = "disability-discrimination"
#: Fields that never go into the web address.
PRIVATE_FIELDS = ("child-name", "parent-name")

SUBJECT_ID = f"{NAME}-subject"
BODY_ID = f"{NAME}-body"


def _decision_options() -> tuple[tuple[str, str], ...]:
    return tuple((key, d.label) for key, d in DECISIONS.items() if key != NO_EMAIL_FOR)


QUESTIONS = (
    ChoiceQuestion(
        name="decision",
        legend="What decision do you want to appeal?",
        hint="Choose the one that matches the council's decision letter. If a school discriminated against "
             "your child because of their disability, you do not need this email: that claim needs no "
             "mediation certificate.",
        options=_decision_options,
        missing="Select the decision you want to appeal",
    ),
    SECTIONS_QUESTION,
    DateQuestion(
        field="letter-sent",
        legend="What is the date on the decision letter?",
        hint="For example, 10 3 2026",
        label="the decision letter was sent",
    ),
    wants_mediation_question(
        legend="Do you want to try mediation?",
        hint="Mediation is a meeting with the council and an independent mediator. It is your choice.",
    ),
    TextQuestion(
        name="child-name",
        label="Your child's name (optional)",
        hint="We put it in the email. It stays on your device and is not added to the web address.",
        autocomplete="off",
        maxlength=MAX_NAME_LENGTH,
    ),
    TextQuestion(
        name="parent-name",
        label="Your name (optional)",
        hint="For the end of the email. It stays on your device too.",
        autocomplete="name",
        maxlength=MAX_NAME_LENGTH,
    ),
)


def _answer(values: dict[str, Any], today: date) -> AdviserEmail:
    return adviser_email(values["decision"], values["letter-sent"], wants_mediation(values),
                         sections=values["sections"], child_name=values["child-name"],
                         parent_name=values["parent-name"], today=today)


def _query(result: AdviserEmail) -> list[tuple[str, str]]:
    """The decision, sections, letter date and yes or no: never the names."""
    return [
        ("decision", result.decision),
        *(("sections", s) for s in result.sections),
        ("letter-sent", result.letter_sent.isoformat()),
        (WANTS_MEDIATION, "yes" if result.wants_mediation else "no"),
    ]


def mailto(subject: str, body: str) -> str:
    """A ``mailto:`` link with no address (the reader adds the adviser's), lines ending CRLF (RFC 6068)."""
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def _copy_button(target: str, what: str) -> str:
    return (f'<button type="button" class="calculator__button calculator__button--secondary" '
            f'data-action="copy" data-copy-target="{escape(target)}">Copy the {escape(what)}</button>')


def _email(result: AdviserEmail) -> str:
    return (
        '<div class="adviser-email" data-result="email">'
        '<p class="adviser-email__subject-line"><strong>Subject:</strong> '
        f'<span id="{SUBJECT_ID}" data-result="subject">{escape(result.subject)}</span></p>'
        f"{_copy_button(SUBJECT_ID, 'subject')}"
        f'<div class="adviser-email__body" id="{BODY_ID}" data-result="body" role="region" '
        f'aria-label="The email" style="white-space: pre-wrap; border: 1px solid #b1b4b6; padding: 0.75em; '
        f'margin: 0 0 1em">{escape(result.body)}</div>'
        f"{_copy_button(BODY_ID, 'email')}"
        f'<p><a class="govuk-link" href="{escape(mailto(result.subject, result.body))}" data-action="mailto">'
        "Open the email in your email app</a>. Add the adviser's email address from the council's letter.</p>"
        "</div>"
    )


def _present(result: AdviserEmail, ids: Ids) -> str:
    title = "Your email to the mediation adviser" if result.email_needed else \
        "You do not need to email a mediation adviser"
    panel = (
        f'<div class="calculator-panel" data-result="email-needed" '
        f'data-needed="{str(result.email_needed).lower()}" '
        f'data-certificate-needed="{str(result.certificate_needed).lower()}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{escape(title)}</h3>'
        f'<p class="calculator-panel__body">{escape(result.summary)}</p>'
        "</div>"
    )
    parts = [panel]
    if result.email_needed:
        parts.append(section("The email", _email(result), data="email"))
    rows: list[tuple[str, str, str | None, str]] = []
    if result.contact_adviser_by is not None:
        late = (' <span class="calculator__aside" data-result="contact-late">That date has passed. Send the '
                "email straight away.</span>") if result.contact_late else ""
        rows.append(("Contact the mediation adviser by",
                     f'<span data-result="contact-adviser-by">{time_tag(result.contact_adviser_by)}</span>'
                     f"{late}", None, ""))
    if result.certificate_due is not None:
        rows.append(("If you send it today, the certificate should come by",
                     f'<span data-result="certificate-due">{time_tag(result.certificate_due)}</span>',
                     None, ""))
    if result.arrange_by is not None:
        rows.append(("If you send it today, mediation should be arranged by",
                     f'<span data-result="arrange-by">{time_tag(result.arrange_by)}</span>', None, ""))
    if rows:
        parts.append(section("Key dates", summary_list(rows), data="key-dates"))
    parts.append(section("Why", step_list(result.steps), data="steps"))
    if result.decision == NO_EMAIL_FOR:
        links = [(PAGE_LINKS["dd-claim"], "Work out the last day for a discrimination claim")]
    else:
        links = [
            (f"{PAGE_LINKS['mediation-timeline']}?calculator=mediation-timeline&"
             f"told-adviser={result.today.isoformat()}&"
             f"{WANTS_MEDIATION}={'yes' if result.wants_mediation else 'no'}&"
             f"letter-sent={result.letter_sent.isoformat()}",
             "See all your mediation dates if you send the email today"),
            (f"{PAGE_LINKS['appeal-deadline']}?calculator=appeal-deadline&"
             f"letter-sent={result.letter_sent.isoformat()}", "Work out your last day to appeal"),
        ]
    parts.append(closing(result, links))
    return "".join(parts)


CALCULATOR = Calculator(
    name=NAME,
    title="Write your email to the mediation adviser",
    button="Write my email",
    questions=QUESTIONS,
    answer=_answer,
    present=_present,
    query=_query,
    by_hand=("#email-the-mediation-adviser", "write it by hand"),
    rehearsal=({"decision": ["plan-contents"], "sections": ["F"], "wants-mediation": ["yes"],
                **date_fields("letter-sent", date(2025, 1, 20))}, date(2025, 2, 3)),
)

