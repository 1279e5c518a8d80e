"""The "Is the council late?" calculator on the council-deadlines page.

Presentation only: every date, status, reason, source and word of the letter comes from
:mod:`sendrules.council_deadlines`. The questions are the framework's
(:mod:`sendrules.web.questions`); the answer is built from :mod:`sendrules.web.pieces`
(sections, summary list, steps, the copy box with its ``mailto:`` link, the closing block with
the calendar file and print); the calendar file comes from :mod:`sendrules.ics`.

Questions, GOV.UK style: what happened (radios ``situation``, the rules' situations), then,
revealed for the answer chosen (by CSS, so it works without JavaScript), its date:
``request-received-*``, ``review-meeting-*`` (and the optional ``amendments-sent-*``),
``tribunal-order-*``, ``council-conceded-*`` or ``mediation-agreement-*``; what an order, a
concession or an agreement was about (radios ``order``, ``conceded``, ``agreed``, as on the
command line); and, for the letter, the optional child's and parent's names, which never go
into the web address.

The answer shows every deadline as ``[data-result="<id>"] time[datetime]`` in a timeline with
today marked, whether each has passed and by how many days, the law behind it and how sure we
are; when the council is late, what to do next and a ready-to-copy letter.

:data:`CALCULATOR` is the calculator, loaded by name through :data:`sendrules.web.MODULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..adviser_email import MAX_NAME_LENGTH
from ..council_deadlines import (
    DUE_TODAY,
    MATTERS,
    PASSED,
    SITUATIONS,
    CouncilDeadline,
    CouncilDeadlines,
    council_deadlines,
    council_letter,
    get_situation,
    where_today,
)
from ..forms import long_date
from ..ics import Event, calendar_file, data_url
from .framework import Calculator, Ids
from .pieces import bullet_list, closing, copy_box, escape, plural, section, step_list, summary_list, time_tag
from .questions import ChoiceQuestion, DateQuestion, Fields, TextQuestion, date_fields, first

__all__ = ["BODY_ID", "CALCULATOR", "NAME", "PRIVATE_FIELDS", "QUESTIONS", "SUBJECT_ID"]

NAME = "council-deadlines"
SITUATION = "situation"
CALENDAR_FILE = "council-deadlines.ics"
PRIVATE_FIELDS = ("child-name", "parent-name")
SUBJECT_ID = f"{NAME}-letter-subject"
BODY_ID = f"{NAME}-letter-body"
#: Phase transfer has its own fixed dates (sendrules.phase_transfer); this page section explains them.
PHASE_TRANSFER_LINK = "../should-you-mediate/#if-your-child-is-moving-to-a-new-school-or-college"

_HINTS = {
    "request": "The day the council got your request: the day you emailed it, or the day a posted letter "
               "arrived. For example, 5 1 2026",
    "annual-review": "For example, 4 3 2026",
    "tribunal-order": "Use the date on the order, not the day you received it. For example, 2 10 2026",
    "council-conceded": "The day the council told the Tribunal. If you only know when you heard, use that "
                        "date, but the council's real deadline may be a little earlier. "
                        "For example, 1 8 2026",
    "mediation-agreement": "The date the agreement was written down. For example, 4 11 2026",
}
_LEGENDS = {
    "request": "When did the council receive your request for an assessment?",
    "annual-review": "When was the annual review meeting?",
    "tribunal-order": "What is the date of the Tribunal's order?",
    "council-conceded": "When did the council say it would not oppose your appeal?",
    "mediation-agreement": "When was the mediation agreement made?",
}
_MATTER_LEGENDS = {
    "order": "What did the Tribunal order the council to do?",
    "conceded": "What did the council agree to do?",
    "agreed": "What did the council agree to do?",
}
_MATTER_MISSING = {
    "order": "Select what the Tribunal ordered",
    "conceded": "Select what the council agreed to do",
    "agreed": "Select what was agreed",
}


def _reveal(html: str, situation: str) -> str:
    """Wrap a question so the page shows it only when ``situation`` is chosen (CSS, no JavaScript)."""
    return (f'<div class="calculator__conditional" data-reveal-name="{SITUATION}" '
            f'data-reveal-value="{escape(situation)}">{html}</div>')


@dataclass(frozen=True)
class _SituationDate(DateQuestion):
    """A date asked only for one situation: read (and required) only when that one is chosen."""

    situation: str = ""

    def read(self, fields: Fields) -> date | None:
        if first(fields, SITUATION) != self.situation:
            return None
        return super().read(fields)

    def html(self, fields: Fields, value: Any, error: Any) -> str:
        return _reveal(super().html(fields, value, error), self.situation)


@dataclass(frozen=True)
class _SituationChoice(ChoiceQuestion):
    """What an order, concession or agreement was about: read only for its own situation."""

    situation: str = ""

    def read(self, fields: Fields) -> Any:
        if first(fields, SITUATION) != self.situation:
            return None
        return super().read(fields)


def _situation_options() -> tuple[tuple[str, str], ...]:
    return tuple((s.value, s.label) for s in SITUATIONS.values())


def _matter_options(situation: str):
    return lambda: tuple((m, MATTERS[m].label) for m in SITUATIONS[situation].limits)


def _questions() -> tuple[Any, ...]:
    questions: list[Any] = [ChoiceQuestion(
        name=SITUATION,
        legend="What happened?",
        hint="Choose the last thing that happened. The council's time limits run from its date.",
        options=_situation_options,
        missing="Select what happened",
    )]
    for s in SITUATIONS.values():
        questions.append(_SituationDate(field=s.field, legend=_LEGENDS[s.value], hint=_HINTS[s.value],
                                        label=s.date_label, situation=s.value))
        if s.value == "annual-review":
            questions.append(_SituationDate(
                field="amendments-sent",
                legend="When did the council send the proposed changes to the plan? (optional)",
                hint="Only if it has sent them. Leave this blank if not. For example, 20 3 2026",
                label="the proposed amendments were sent", optional=True, situation=s.value))
        if s.matter_option:
            questions.append(_SituationChoice(
                name=s.matter_option, legend=_MATTER_LEGENDS[s.matter_option], hint="",
                options=_matter_options(s.value), missing=_MATTER_MISSING[s.matter_option],
                reveal_for=(SITUATION, s.value), situation=s.value))
    questions += [
        TextQuestion(name="child-name", label="Your child's name (optional)",
                     hint="For the letter to the council. It stays on your device and is not added to "
                          "the web address.", autocomplete="off", maxlength=MAX_NAME_LENGTH),
        TextQuestion(name="parent-name", label="Your name (optional)", hint="For the end of the letter.",
                     autocomplete="name", maxlength=MAX_NAME_LENGTH),
    ]
    return tuple(questions)


QUESTIONS = _questions()


@dataclass(frozen=True)
class _Presentable:
    """The answer, with the names for the letter (never put into the web address)."""

    result: CouncilDeadlines
    child_name: str | None
    parent_name: str | None


def _answer(values: dict[str, Any], today: date) -> _Presentable:
    situation = get_situation(values[SITUATION])  # a value not offered (from a web address) is an error
    result = council_deadlines(
        situation.value, values[situation.field], today=today,
        matter=values.get(situation.matter_option) if situation.matter_option else None,
        amendments_sent=values.get("amendments-sent"),
    )
    return _Presentable(result, values.get("child-name"), values.get("parent-name"))


def _query(answer: _Presentable) -> list[tuple[str, str]]:
    """What happened, its dates and what it was about: never the names."""
    result = answer.result
    s = SITUATIONS[result.situation]
    pairs = [(SITUATION, s.value), (s.field, result.happened_on.isoformat())]
    if result.amendments_sent is not None:
        pairs.append(("amendments-sent", result.amendments_sent.isoformat()))
    if s.matter_option and result.matter:
        pairs.append((s.matter_option, result.matter))
    return pairs


# -- the answer ---------------------------------------------------------------------------------------------

def _days(n: int) -> str:
    return plural(n, "day", "days")


def _status_text(d: CouncilDeadline) -> str:
    text = escape(where_today(d))
    return f"<strong>{text}</strong>" if d.status == PASSED else text


def _law(d: CouncilDeadline) -> str:
    links = "; ".join(f'<a class="govuk-link" href="{escape(s.url)}">{escape(s.citation)}</a>'
                      for s in d.sources)
    text = (f'<p class="calculator-timeline__source">The law: {escape(d.law)} ({links}).</p>')
    if d.how_sure != "checked":
        text += (f'<p class="calculator-timeline__more" data-result="{escape(d.id)}-how-sure">'
                 f"{escape(d.how_sure)}</p>")
    if d.may_not_bind_if:
        reasons = bullet_list(d.may_not_bind_if)
        text += ('<details class="calculator__details"><summary>When this may not bind the council</summary>'
                 f"<p>The law lets the council take longer if:</p>{reasons}"
                 "<p>It gives no later date: the council must still act as soon as it can.</p></details>")
    return text


def _timeline(result: CouncilDeadlines) -> str:
    s = SITUATIONS[result.situation]
    entries: list[tuple[date, int, str]] = [(result.happened_on, 0, (
        '<li class="calculator-timeline__item" data-event="happened">'
        f'<p class="calculator-timeline__date">{time_tag(result.happened_on)}</p>'
        f'<p class="calculator-timeline__label">{escape(s.happened)}</p></li>'))]
    if result.amendments_sent is not None:
        entries.append((result.amendments_sent, 0, (
            '<li class="calculator-timeline__item" data-event="amendments-sent">'
            f'<p class="calculator-timeline__date">{time_tag(result.amendments_sent)}</p>'
            '<p class="calculator-timeline__label">The proposed amendments were sent</p></li>')))
    for d in result.deadlines:
        entries.append((d.by, 2, (
            f'<li class="calculator-timeline__item" data-result="{escape(d.id)}" '
            f'data-status="{escape(d.status)}" '
            f'data-passed="{str(d.passed).lower()}" data-days-late="{d.days_late}">'
            f'<p class="calculator-timeline__date">{time_tag(d.by)}</p>'
            f'<p class="calculator-timeline__label">{escape(d.what)}</p>'
            f'<p class="calculator-timeline__more">{_status_text(d)}</p>{_law(d)}</li>')))
    # Today goes after the events of the same day: a deadline due today is not yet passed.
    entries.append((result.today, 3, (
        '<li class="calculator-timeline__item calculator-timeline__item--today" data-event="today" '
        'aria-current="date">'
        f'<p class="calculator-timeline__date">{time_tag(result.today)}</p>'
        '<p class="calculator-timeline__label"><strong>Today</strong></p></li>')))
    entries.sort(key=lambda e: (e[0], e[1]))
    return f'<ol class="calculator-timeline" data-result="timeline">{"".join(e[2] for e in entries)}</ol>'


def _panel(result: CouncilDeadlines, ids: Ids) -> str:
    if result.late:
        d = result.deadline(result.first_missed)
        title = f"The council is late. Its time limit ended on {time_tag(d.by, 'calculator-panel__date')}"
        body = f"{d.what}. That date passed {_days(d.days_late)} ago."
    elif result.next_due is not None:
        d = result.deadline(result.next_due)
        title = f"The council's next date is {time_tag(d.by, 'calculator-panel__date')}"
        when = "today" if d.status == DUE_TODAY else f"{_days(d.days_left)} from today"
        body = f"{d.what}. That is {when}."
    else:
        title = "The council was in time"
        body = "It did what was due within the time limits you told us about."
    return (f'<div class="calculator-panel" data-result="headline" data-passed="{str(result.late).lower()}">'
            f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{title}</h3>'
            f'<p class="calculator-panel__body">{escape(body)}</p></div>')


def _letter(answer: _Presentable) -> str:
    letter = council_letter(answer.result, child_name=answer.child_name, parent_name=answer.parent_name)
    if not letter.needed:
        return ""
    body = copy_box(result="letter", subject_id=SUBJECT_ID, body_id=BODY_ID, subject=letter.subject,
                    body=letter.body, what="letter",
                    send_to="Add the email address of the council's special educational needs (SEN) team.")
    body += bullet_list(letter.notes)
    return section("Your letter to the council", body, data="letter")


def _calendar(result: CouncilDeadlines) -> tuple[str, str, str] | None:
    events = [
        Event(on=d.by, summary=f"Council's time limit: {d.what}",
              description=(f"The law: {d.law}. If nothing has come by the end of this day, the council "
                           f"is late. Worked out on {long_date(result.today)} by the SEND Appeal Guide for "
                           "England."),
              remind_days_before=0, reminder=f"The council's time limit ends today: {d.what}")
        for d in result.deadlines if not d.passed and d.done_on is None
    ]
    if result.late and result.if_late and result.if_late[0].on is not None:
        events.append(Event(on=result.if_late[0].on, summary="The council's reply to your letter is due",
                            description="If it has not replied, make a formal complaint.",
                            remind_days_before=0, reminder="The council's reply to your letter is due today"))
    if not events:
        return None
    text = calendar_file(events, now=result.today)
    return CALENDAR_FILE, data_url(text), "Add these dates to your calendar"


def _present(answer: _Presentable, ids: Ids) -> str:
    result = answer.result
    parts = [_panel(result, ids)]
    parts.append(section("Your timeline", _timeline(result), data="timeline"))
    if result.late:
        parts.append(section("What to do now", step_list(result.if_late, "calculator__steps"),
                                  data="late"))
        parts.append(_letter(answer))
    s = SITUATIONS[result.situation]
    rows = [("What happened", escape(s.label), f"#{SITUATION}-{s.value}", "what happened"),
            (s.happened, time_tag(result.happened_on), f"#{s.field}-day", f"the date {s.date_label}")]
    if result.matter_label:
        rows.append((_MATTER_LEGENDS[s.matter_option], escape(result.matter_label),
                     f"#{s.matter_option}-{result.matter}", "what it was about"))
    if s.value == "annual-review":
        sent = time_tag(result.amendments_sent) if result.amendments_sent else escape("Not given")
        rows.append(("Proposed amendments sent", sent, "#amendments-sent-day",
                     "the date the proposed amendments were sent"))
    parts.append(section("Your answers", summary_list(rows), data="answers"))
    parts.append(section("How we worked it out", step_list(result.steps), data="steps"))
    parts.append(closing(result, [(PHASE_TRANSFER_LINK, "Moving school or college? Read about the "
                                                        "phase transfer date")], download=_calendar(result)))
    return "".join(parts)


CALCULATOR = Calculator(
    name=NAME,
    title="Is the council late?",
    button="Work out the council's dates",
    questions=QUESTIONS,
    answer=_answer,
    present=_present,
    query=_query,
    by_hand=("#work-it-out-yourself", "work the dates out by hand"),
    rehearsal=({SITUATION: ["request"], **date_fields("request-received", date(2025, 1, 6))},
               date(2025, 3, 1)),
)

