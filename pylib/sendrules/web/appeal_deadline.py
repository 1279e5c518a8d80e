"""The appeal deadline calculator on the appeal-deadline page.

Presentation only: every date, step and source comes from
:func:`sendrules.time_limits.appeal_deadline`. Questions, GOV.UK style: the date the decision
letter was sent (``letter-sent-day/-month/-year``) and, optionally, the date the mediation
certificate was issued (``certificate-issued-day/-month/-year``). The answer gives the last
day, when to contact the mediation adviser if there is no certificate yet, and a calendar file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..forms import long_date
from ..results import Result
from ..time_limits import appeal_deadline
from .framework import Calculator, Ids
from .pieces import (
    PAGE_LINKS,
    alternatives,
    closing,
    deadline_panel,
    escape,
    section,
    step_list,
    summary_list,
    time_tag,
)
from .questions import DateQuestion, date_fields


def _answer(values: dict[str, Any], today: date) -> Result:
    return appeal_deadline(values["letter-sent"], values["certificate-issued"], today=today)


def _query(answer: Any) -> list[tuple[str, str]]:
    pairs = [("letter-sent", answer.letter_sent.isoformat())]
    if answer.certificate_issued is not None:
        pairs.append(("certificate-issued", answer.certificate_issued.isoformat()))
    return pairs


def _calendar(answer: Any) -> tuple[str, str, str] | None:
    if answer.passed:
        return None
    made_from = f"a decision letter sent on {long_date(answer.letter_sent)}"
    if answer.certificate_issued is not None:
        made_from += f" and a mediation certificate issued on {long_date(answer.certificate_issued)}"
    from ..ics import Event, calendar_file, data_url

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


def _present(answer: Any, ids: Ids) -> str:
    panel = deadline_panel(
        answer, ids.heading, result="last-day", on=answer.last_day, what="appeal",
        title="Your last day to register the appeal",
        body=f"Get it to the Tribunal by {answer.cut_off} on that day.",
    )
    if answer.governed_by == "certificate":
        governed = ("This date comes from your mediation certificate. One month after it is later than two "
                    "months after the decision letter.")
    else:
        governed = "This date comes from the date the decision letter was sent."
    parts = [panel, f'<p class="calculator__governed" data-governed-by="{escape(answer.governed_by)}">'
                    f"{escape(governed)}</p>"]

    if answer.passed:
        parts.append(section("If your last day has passed", step_list(answer.late_appeal), data="late"))

    certificate_value = (time_tag(answer.certificate_issued) if answer.certificate_issued is not None
                         else "You do not have one yet")
    parts.append(section("Your answers", summary_list([
        ("Decision letter sent", time_tag(answer.letter_sent), "#letter-sent-day",
         "the date the letter was sent"),
        ("Mediation certificate issued", escape(certificate_value) if answer.certificate_issued is None
         else certificate_value, "#certificate-issued-day", "the date the certificate was issued"),
    ]), data="answers"))

    key_dates = [("Last day to register the appeal", time_tag(answer.last_day), None, "")]
    if answer.certificate_issued is None and answer.contact_adviser_by is not None:
        value = f'<span data-result="contact-adviser">{time_tag(answer.contact_adviser_by)}</span>'
        working = answer.contact_adviser_working_day
        if working is not None and working != answer.contact_adviser_by:
            value += (f' <span class="calculator__aside">That is not a working day, so contact them by '
                      f'<span data-result="contact-adviser-working-day">{time_tag(working)}</span>.</span>')
        key_dates.append(("Contact the mediation adviser by, if you need a certificate", value, None, ""))
    parts.append(section("Key dates", summary_list(key_dates), data="key-dates"))

    parts.append(section("How we worked it out", step_list(answer.steps), data="steps"))
    parts.append(alternatives(answer.alternatives, answer.last_day, "appeal"))

    links = []
    if answer.certificate_issued is None:
        links.append((PAGE_LINKS["certificate"],
                      "Find out if you need a mediation certificate and how to get one"))
    links += [
        (PAGE_LINKS["what-can-be-appealed"], "Check which form to use and how to send your appeal"),
        (PAGE_LINKS["checklist"], "Follow the step-by-step checklist"),
    ]
    parts.append(closing(answer, links, download=_calendar(answer)))
    return "".join(parts)


CALCULATOR = Calculator(
    name="appeal-deadline",
    # Two months on is Saturday 27 December: the rehearsal runs the Christmas rule, the weekend and
    # the turn of the year, so that a reader's first answer finds that code run once already.
    rehearsal=(date_fields("letter-sent", date(2025, 10, 27)), date(2025, 11, 20)),
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
    answer=_answer,
    present=_present,
    query=_query,
)
