"""The disability discrimination claim deadline calculator on the disability-discrimination page.

Presentation only: every date, step and source comes from
:func:`sendrules.time_limits.dd_claim_deadline`. One question, GOV.UK style: the date the
discrimination happened (``conduct-day/-month/-year``). The answer gives the safe day to send
the claim by, the day the time limit ends, and a calendar file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..forms import long_date
from ..results import Result
from ..time_limits import dd_claim_deadline
from .framework import Calculator, Ids
from .pieces import (
    PAGE_LINKS,
    alternatives,
    closing,
    deadline_panel,
    section,
    step_list,
    summary_list,
    time_tag,
)
from .questions import DateQuestion, date_fields


def _answer(values: dict[str, Any], today: date) -> Result:
    return dd_claim_deadline(values["conduct"], today=today)


def _query(answer: Any) -> list[tuple[str, str]]:
    return [("conduct", answer.conduct.isoformat())]


def _calendar(answer: Any) -> tuple[str, str, str] | None:
    if answer.passed:
        return None
    from ..ics import Event, calendar_file, data_url

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


def _present(answer: Any, ids: Ids) -> str:
    panel = deadline_panel(
        answer, ids.heading, result="safe-day", on=answer.safe_day, what="claim",
        title="The last day to send your claim",
        body=f"Make sure the Tribunal receives it by {answer.cut_off} on that day.",
    )
    parts = [panel]
    if answer.passed:
        parts.append(section("If your last day has passed", step_list(answer.late_claim), data="late"))
    parts.append(section("Your answers", summary_list([
        ("The discrimination happened on", time_tag(answer.conduct), "#conduct-day", "the date"),
    ]), data="answers"))
    key_dates = [
        ("Send your claim by", f'<span data-result="safe-day-date">{time_tag(answer.safe_day)}</span>',
         None, ""),
        ("The time limit ends on", f'<span data-result="last-day">{time_tag(answer.last_day)}</span>',
         None, ""),
    ]
    parts.append(section("Key dates", summary_list(key_dates), data="key-dates"))
    parts.append(section("How we worked it out", step_list(answer.steps), data="steps"))
    parts.append(alternatives(answer.alternatives, answer.safe_day, "claim"))
    parts.append(closing(answer, [(PAGE_LINKS["dd-claim"] + "#how-to-make-a-claim", "How to make a claim")],
                         download=_calendar(answer)))
    return "".join(parts)


CALCULATOR = Calculator(
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
    answer=_answer,
    present=_present,
    query=_query,
)
