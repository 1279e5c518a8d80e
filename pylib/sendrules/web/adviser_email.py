"""The "Email the mediation adviser" tool on the checklist page.

Presentation only: whether a certificate is needed, every date and every word of the
email come from :func:`sendrules.adviser_email.adviser_email`. The form, error summary,
status messages, steps and sources list are the shared pieces of :mod:`sendrules.web`.

Questions, GOV.UK style: who is appealing (radios ``appellant``: a parent, or a young
person over compulsory school age, whose appeal it is), the decision (radios ``decision``,
the command line's values, without the disability discrimination claim, which needs no
certificate), the parts of the plan (checkboxes ``sections``, only for ``plan-contents``),
the date on the decision letter (``letter-sent-day/-month/-year``), whether the family
wants mediation (radios ``wants-mediation``) and, optionally, what they disagree with
(textarea ``disagreement``), the child's name and the writer's name (text boxes
``child-name`` and ``your-name``).

The typed words are private: they are never put into the web address (the query holds
only who is appealing, the decision, the sections, the letter date and the yes or no), and
they are escaped wherever they are shown. The email is plain text in a box the reader can
select, with "Copy" buttons (``data-action="copy"``, ``data-copy-target`` naming the
element) and a ``mailto:`` link that opens the reader's own email app.

:data:`CALCULATOR` is the calculator, loaded by name through :data:`sendrules.web.MODULES`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..adviser_email import (
    APPELLANTS,
    MAX_DISAGREEMENT_LENGTH,
    MAX_NAME_LENGTH,
    SELECT_APPELLANT,
    AdviserEmail,
    adviser_email,
)
from ..appeals import DECISIONS
from .framework import Calculator, Ids
from .pieces import PAGE_LINKS, closing, copy_box, escape, mailto, section, step_list, summary_list, time_tag
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
PRIVATE_FIELDS = ("disagreement", "child-name", "your-name")

SUBJECT_ID = f"{NAME}-subject"
BODY_ID = f"{NAME}-body"


def _decision_options() -> tuple[tuple[str, str], ...]:
    return tuple((key, d.label) for key, d in DECISIONS.items() if key != NO_EMAIL_FOR)


QUESTIONS = (
    ChoiceQuestion(
        name="appellant",
        legend="Who is appealing?",
        hint="Compulsory school age ends on the last Friday in June of the school year in which a child "
             "turns 16. After that, the appeal is the young person's own, and a parent can help them.",
        options=lambda: tuple(APPELLANTS.items()),
        missing=SELECT_APPELLANT,
    ),
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
        hint="Mediation is a meeting with the council and an independent mediator. It is your choice. If "
             "you are not sure yet, get advice before you send the email: saying no is how you get a "
             "certificate without mediation.",
    ),
    TextQuestion(
        name="disagreement",
        label="What do you disagree with? (optional)",
        hint="A sentence or two, for example: the plan gives 1 hour of speech and language therapy a term, "
             "but the therapist's report says weekly. Say if health care is part of it. We put it in the "
             "email. It stays on your device and is not added to the web address.",
        rows=3,
        maxlength=MAX_DISAGREEMENT_LENGTH,
    ),
    TextQuestion(
        name="child-name",
        label="Your child's name (optional, if you are a parent)",
        hint="We put it in the email. It stays on your device and is not added to the web address.",
        autocomplete="off",
        maxlength=MAX_NAME_LENGTH,
    ),
    TextQuestion(
        name="your-name",
        label="Your name (optional)",
        hint="For the end of the email. It stays on your device too.",
        autocomplete="name",
        maxlength=MAX_NAME_LENGTH,
    ),
)


def _answer(values: dict[str, Any], today: date) -> AdviserEmail:
    return adviser_email(values["decision"], values["letter-sent"], wants_mediation(values),
                         sections=values["sections"], appellant=values["appellant"],
                         disagreement=values["disagreement"], child_name=values["child-name"],
                         your_name=values["your-name"], today=today)


def _query(result: AdviserEmail) -> list[tuple[str, str]]:
    """Who is appealing, the decision, sections, letter date and yes or no: never the typed words."""
    return [
        ("appellant", result.appellant),
        ("decision", result.decision),
        *(("sections", s) for s in result.sections),
        ("letter-sent", result.letter_sent.isoformat()),
        (WANTS_MEDIATION, "yes" if result.wants_mediation else "no"),
    ]


def _email(result: AdviserEmail) -> str:
    return copy_box(result="email", subject_id=SUBJECT_ID, body_id=BODY_ID, subject=result.subject,
                    body=result.body, what="email",
                    send_to="Add the adviser's email address from the council's letter.")


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
            (f"{PAGE_LINKS['mediation-timeline']}#calculator=mediation-timeline&"
             f"told-adviser={result.today.isoformat()}&"
             f"{WANTS_MEDIATION}={'yes' if result.wants_mediation else 'no'}&"
             f"letter-sent={result.letter_sent.isoformat()}",
             "See all your mediation dates if you send the email today"),
            (f"{PAGE_LINKS['appeal-deadline']}#calculator=appeal-deadline&"
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
    rehearsal=({"appellant": ["parent"], "decision": ["plan-contents"], "sections": ["F"],
                "wants-mediation": ["yes"],
                **date_fields("letter-sent", date(2025, 1, 20))}, date(2025, 2, 3)),
)

