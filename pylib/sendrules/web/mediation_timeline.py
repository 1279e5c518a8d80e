"""The mediation timeline calculator on the mediation-timeline page.

Presentation only: every date, label and source comes from
:func:`sendrules.mediation.mediation_timeline` (its named dates, its ``events`` and its
``appeal_deadlines``). The form, error summary, status messages, steps and sources list
are the shared pieces of :mod:`sendrules.web`; the calendar file comes from
:mod:`sendrules.ics`.

Questions, GOV.UK style: the date the family told the mediation adviser
(``told-adviser-day/-month/-year``), whether they want mediation (radios
``wants-mediation``, ``yes`` or ``no``), and two optional dates: the decision letter
(``letter-sent-*``) and the day mediation ended (``mediation-ended-*``, read only when
``wants-mediation`` is ``yes``).

The answer is one timeline, in date order, of every event the rules give, with what each
certificate date means for the last day to appeal; a calendar file with every event; and
a print button. The web address holds only the dates and the yes or no.

:data:`CALCULATOR` is the calculator, loaded by name through :data:`sendrules.web.MODULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..forms import long_date
from ..ics import Event, calendar_file, data_url
from ..mediation import AppealIfCertificate, MediationTimeline, TimelineEvent, mediation_timeline
from ..sources import SOURCES
from ..time_limits import AppealDeadline
from .framework import Calculator, Ids
from .pieces import PAGE_LINKS, closing, escape, section, step_list, summary_list, time_tag
from .questions import (
    WANTS_MEDIATION,
    DateQuestion,
    Fields,
    date_fields,
    first,
    wants_mediation,
    wants_mediation_question,
)

__all__ = ["CALCULATOR", "NAME", "QUESTIONS"]

NAME = "mediation-timeline"
CALENDAR_FILE = "send-mediation-dates.ics"

#: The time of day the Tribunal must have the appeal by, as the appeal deadline rules give it.
CUT_OFF: str = AppealDeadline.cut_off


@dataclass(frozen=True)
class _EndedDate(DateQuestion):
    """The day mediation ended: only read when the family said they want mediation."""

    def read(self, fields: Fields) -> date | None:
        if first(fields, WANTS_MEDIATION) != "yes":
            return None
        return super().read(fields)


QUESTIONS = (
    DateQuestion(
        field="told-adviser",
        legend="When did you tell the mediation adviser that you want to appeal?",
        hint="Or the day you plan to tell them. For example, 2 4 2026",
        label="you told the mediation adviser",
    ),
    wants_mediation_question(legend="Did you tell them you want to try mediation?", hint=""),
    DateQuestion(
        field="letter-sent",
        legend="When was the decision letter sent? (optional)",
        hint="Use the date on the council's letter. With it, we can show your last day to appeal. "
             "For example, 10 3 2026",
        label="the decision letter was sent",
        optional=True,
    ),
    _EndedDate(
        field="mediation-ended",
        legend="When did mediation end? (optional)",
        hint="Only if you chose mediation and it has ended. For example, 3 6 2026",
        label="mediation ended",
        optional=True,
    ),
)


def _answer(values: dict[str, Any], today: date) -> MediationTimeline:
    return mediation_timeline(values["told-adviser"], wants_mediation(values),
                              letter_sent=values["letter-sent"],
                              mediation_ended=values["mediation-ended"])


def _query(result: MediationTimeline) -> list[tuple[str, str]]:
    pairs = [("told-adviser", result.told_adviser.isoformat()),
             (WANTS_MEDIATION, "yes" if result.wants_mediation else "no")]
    if result.letter_sent is not None:
        pairs.append(("letter-sent", result.letter_sent.isoformat()))
    if result.mediation_ended is not None:
        pairs.append(("mediation-ended", result.mediation_ended.isoformat()))
    return pairs


# -- which event is which -----------------------------------------------------------------------------------

#: What each kind of event is, in the order the rules list them (so ties keep their order).
_CERTIFICATES = ("certificate-due", "certificate-if-not-arranged", "certificate-after-mediation")


def _kinds(result: MediationTimeline) -> list[tuple[str, date, str]]:
    """(kind, date, source id) for each date the result names, to tell its events apart."""
    named: list[tuple[str, date | None, str]] = [
        ("letter-sent", result.letter_sent, "hesc-r20"),
        ("contact-adviser-by", result.contact_adviser_by, "send-regs-r33"),
        ("told-adviser", result.told_adviser, "send-regs-r33"),
        ("certificate-due", result.certificate_due, "send-regs-r34"),
        ("arrange-by", result.arrange_by, "send-regs-r35-37"),
        ("certificate-if-not-arranged", result.deemed_certificate_due, "send-regs-r35-37"),
        ("mediation-ended", result.mediation_ended, "send-regs-r39"),
        ("certificate-after-mediation", result.certificate_after_mediation_due, "send-regs-r39"),
    ]
    named += [("appeal-last-day", a.last_day, "hesc-r20") for a in result.appeal_deadlines]
    return [(kind, on, source) for kind, on, source in named if on is not None]


def _classified(result: MediationTimeline) -> list[tuple[str, TimelineEvent]]:
    """Every event of the result, in its order, with its kind ("other" if the rules add a new one)."""
    unused = _kinds(result)
    out = []
    for event in result.events:
        kind = "other"
        for i, (k, on, source) in enumerate(unused):
            if on == event.on and source == event.source_id:
                kind = k
                del unused[i]
                break
        out.append((kind, event))
    return out


def _appeal_for_certificate(result: MediationTimeline, on: date) -> AppealIfCertificate | None:
    return next((a for a in result.appeal_deadlines if a.certificate_issued == on), None)


def _appeal_by_last_day(result: MediationTimeline, on: date) -> AppealIfCertificate | None:
    return next((a for a in result.appeal_deadlines if a.last_day == on), None)


# -- the timeline -------------------------------------------------------------------------------------------

_MOVES = {
    "weekend-or-bank-holiday": "That day is a weekend or bank holiday, so the last day moves to the next "
                               "working day.",
    "christmas-new-year": "That day is between 25 December and 1 January, so the last day moves to the first "
                          "working day after 1 January.",
    "august": "That day is in August, so the last day moves to the first working day after 31 August.",
}


def _later_of(appeal: AppealIfCertificate) -> str:
    """The later-of rule for one certificate date, as worked out by the rules."""
    setter = ("1 month after the certificate is later, so the certificate sets your last day"
              if appeal.governed_by == "certificate"
              else "2 months after the letter is later, so the letter sets your last day")
    text = (f"2 months after the letter is {time_tag(appeal.letter_end)}. 1 month after the certificate is "
            f"{time_tag(appeal.certificate_end)}. {escape(setter)}.")
    move = _MOVES.get(appeal.rule)
    if move:
        text += f" {escape(move)}"
    for alt in appeal.alternatives:
        text += (f" Another reading of the rules gives {time_tag(alt.on)}. We show the earlier date, so you "
                 "are in time whichever reading is right.")
    return text


_CERTIFICATE_WORDS = {
    "certificate-due": "The adviser must send your certificate within 3 working days of hearing from you.",
    "certificate-if-not-arranged": ("If mediation is not arranged in time, the adviser must send your "
                                    "certificate within 3 working days of hearing this."),
    "certificate-after-mediation": "The certificate must be sent within 3 working days after mediation ends.",
}


def _more(kind: str, event: TimelineEvent, result: MediationTimeline) -> str:
    """What one event means, in a sentence or two (HTML)."""
    if kind == "contact-adviser-by":
        text = ("This date does not move for weekends or bank holidays. If it is not a working day, contact "
                "the adviser before it.")
        if result.told_adviser_late:
            text += " You told the adviser after this date. Get advice quickly."
        return escape(text)
    if kind in _CERTIFICATES:
        appeal = _appeal_for_certificate(result, event.on)
        lead = _CERTIFICATE_WORDS[kind]
        if appeal is None:
            if result.letter_sent is None:
                return escape(f"{lead} Add the date on the decision letter to see what it means for your "
                          "last day to appeal.")
            return escape(lead)
        return (f"{escape(lead)} If it comes on this day, your last day to appeal is "
                f'<span data-result="appeal-if-certificate">{time_tag(appeal.last_day)}</span>.')
    if kind == "arrange-by":
        return escape("The council has 30 days to arrange mediation. The meeting itself may be later.")
    if kind == "appeal-last-day":
        appeal = _appeal_by_last_day(result, event.on)
        if appeal is not None:
            return (f"For a certificate issued on {time_tag(appeal.certificate_issued)}: "
                    f"{_later_of(appeal)} The Tribunal must receive your appeal by {escape(CUT_OFF)} "
                    "that day.")
    return ""


def _source_link(source_id: str | None) -> str:
    source = SOURCES.get(source_id) if source_id else None
    if source is None:
        return ""
    return (f'<p class="calculator-timeline__source">Source: '
            f'<a class="govuk-link" href="{escape(source.url)}">'
            f"{escape(source.citation)}</a></p>")


def _timeline(result: MediationTimeline) -> str:
    items = []
    for kind, event in _classified(result):
        more = _more(kind, event, result)
        items.append(
            f'<li class="calculator-timeline__item" data-event="{escape(kind)}">'
            f'<p class="calculator-timeline__date">{time_tag(event.on)}</p>'
            f'<p class="calculator-timeline__label">{escape(event.label)}</p>'
            + (f'<p class="calculator-timeline__more">{more}</p>' if more else "")
            + _source_link(event.source_id)
            + "</li>"
        )
    return f'<ol class="calculator-timeline" data-result="timeline">{"".join(items)}</ol>'


# -- the panel, the calendar file, the page -----------------------------------------------------------------

def _panel(result: MediationTimeline, ids: Ids) -> str:
    if result.certificate_after_mediation_due is not None:
        key, what = result.certificate_after_mediation_due, "Your certificate should come by"
    elif result.certificate_due is not None:
        key, what = result.certificate_due, "Your certificate should come by"
    else:
        key, what = result.arrange_by, "Mediation should be arranged by"
    body = ""
    appeal = _appeal_for_certificate(result, key)
    if appeal is not None:
        body = (f'<p class="calculator-panel__body">If it comes on that day, your last day to appeal is '
                f'<span data-result="panel-appeal-last-day">{time_tag(appeal.last_day)}</span>.</p>')
    elif result.arrange_by is not None and result.mediation_ended is None:
        body = ('<p class="calculator-panel__body">If it is not, your certificate should come by '
                f"{time_tag(result.deemed_certificate_due)}.</p>") if result.deemed_certificate_due else ""
    return (
        f'<div class="calculator-panel" data-result="key-date" data-date="{key.isoformat()}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{escape(what)} '
        f'{time_tag(key, "calculator-panel__date")}</h3>{body}</div>'
    )


_REMINDERS = {
    "contact-adviser-by": (7, "Contact the mediation adviser within 7 days"),
    "certificate-due": (0, "Your mediation certificate should come today. If it has not, chase the "
                           "adviser in writing."),
    "certificate-if-not-arranged": (0, "If mediation has not been arranged, your certificate should come "
                                       "today."),
    "certificate-after-mediation": (0, "Your mediation certificate should come today. If it has not, chase "
                                       "the mediator in writing."),
    "arrange-by": (0, "Mediation should be arranged by today."),
    "appeal-last-day": (7, "Your SEND appeal may need to reach the Tribunal within 7 days"),
}


def _plain(kind: str, event: TimelineEvent, result: MediationTimeline) -> str:
    """The event's meaning as plain text for a calendar (no HTML)."""
    if kind == "contact-adviser-by":
        return "This date does not move for weekends or bank holidays. Contact the adviser before it."
    if kind in _CERTIFICATES:
        appeal = _appeal_for_certificate(result, event.on)
        text = "The latest date for your mediation certificate."
        if appeal is not None:
            text += f" If it comes on this day, your last day to appeal is {long_date(appeal.last_day)}."
        return text
    if kind == "appeal-last-day":
        return (f"The Tribunal must receive your appeal by {CUT_OFF}. Once you have your certificate, "
                "work out your last day again from the date on it.")
    if kind == "arrange-by":
        return "The council has 30 days to arrange mediation. The meeting itself may be later."
    return ""


def _calendar(result: MediationTimeline, today: date) -> tuple[str, str, str]:
    events = []
    for kind, event in _classified(result):
        days, reminder = _REMINDERS.get(kind, (None, ""))
        description = " ".join(filter(None, (
            _plain(kind, event, result),
            f"Worked out on {long_date(today)} by the SEND Appeal Guide for England.",
        )))
        events.append(Event(on=event.on, summary=event.label, description=description,
                            remind_days_before=days, reminder=reminder))
    text = calendar_file(events, now=today)
    return CALENDAR_FILE, data_url(text), "Add all these dates to your calendar"


def _present(result: MediationTimeline, ids: Ids, today: date) -> str:
    parts = [_panel(result, ids)]
    if result.told_adviser_late and result.contact_adviser_by is not None:
        parts.append('<p class="calculator__warning" data-result="told-late"><strong>You told the adviser '
                     f"after the last day to contact them, {time_tag(result.contact_adviser_by)}.</strong> "
                     "Get advice from IPSEA or your local SENDIASS straight away.</p>")
    if result.letter_sent is None:
        parts.append('<p class="calculator__aside" data-result="no-letter">Add the date on the decision '
                     "letter to see your last day to contact the adviser and your last day to appeal.</p>")
    parts.append(section("Your timeline", _timeline(result), data="timeline"))
    answers = [
        ("You told the mediation adviser", time_tag(result.told_adviser), "#told-adviser-day",
         "the date you told the adviser"),
        ("Mediation", escape("Yes, you want to try it" if result.wants_mediation else "No, certificate only"),
         "#wants-mediation-yes", "whether you want mediation"),
        ("Decision letter sent", time_tag(result.letter_sent) if result.letter_sent else escape("Not given"),
         "#letter-sent-day", "the date the letter was sent"),
    ]
    if result.wants_mediation:
        answers.append(("Mediation ended",
                        time_tag(result.mediation_ended) if result.mediation_ended else escape("Not yet"),
                        "#mediation-ended-day", "the date mediation ended"))
    parts.append(section("Your answers", summary_list(answers), data="answers"))
    parts.append(section("How we worked it out", step_list(result.steps), data="steps"))
    links = []
    if result.letter_sent is not None:
        links.append((f"{PAGE_LINKS['appeal-deadline']}?calculator=appeal-deadline&"
                      f"letter-sent={result.letter_sent.isoformat()}",
                      "When your certificate comes, work out your last day to appeal from its date"))
    else:
        links.append((PAGE_LINKS["appeal-deadline"], "Work out your last day to appeal"))
    links += [
        (PAGE_LINKS["checklist"] + "#email-the-mediation-adviser", "Write an email to the mediation adviser"),
    ]
    parts.append(closing(result, links, download=_calendar(result, today)))
    return "".join(parts)


@dataclass(frozen=True)
class _Presentable:
    """The result with the reader's today, so the calendar file can be stamped with it."""

    result: MediationTimeline
    today: date


def _answer_with_today(values: dict[str, Any], today: date) -> Any:
    return _Presentable(_answer(values, today), today)


CALCULATOR = Calculator(
    name=NAME,
    title="Mediation timeline",
    button="Show my mediation dates",
    questions=QUESTIONS,
    answer=_answer_with_today,
    present=lambda answer, ids: _present(answer.result, ids, answer.today),
    query=lambda answer: _query(answer.result),
    by_hand=("#work-it-out-yourself", "work the dates out by hand"),
    rehearsal=({**date_fields("told-adviser", date(2025, 2, 3)), "wants-mediation": ["yes"],
                **date_fields("letter-sent", date(2025, 1, 20))}, date(2025, 3, 1)),
)


