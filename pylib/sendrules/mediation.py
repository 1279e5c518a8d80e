"""Mediation timescales before an SEN appeal (SEND Regulations 2014, Part 2 "Mediation", regs 32 to 42).

* :func:`mediation_timeline`: from the day the parent (or young person) told the
  mediation adviser, the dates a certificate, or mediation, should come by, and
  what each certificate date means for the last day to appeal.
* :func:`mediation_agreement_duties`: what a written mediation agreement obliges
  the local authority (or health commissioner) to do, and by when (regulation 42,
  with the regulation 44 periods).

Doubts we have taken a side on (law note, open doubts 5 to 7):

* "Working day" is not defined in the SEND Regulations; we use the ordinary
  meaning, the same days as the Tribunal's rules (see :mod:`sendrules.calendar`).
* The 30-day rule, the certificate when mediation cannot be arranged in time and
  the certificate after mediation are in the Part 2 "Mediation" regulations, but
  we have not read the regulation that holds each of them, so we cite the Part
  (source ``send-regs-mediation``), never a regulation number. The content is well
  attested (IPSEA, several SENDIASS services). The certificate after mediation is
  the mediator's to send (IPSEA).
* The local authority must *arrange* mediation within 30 days; the meeting may
  be later. We do not promise any date beyond "30 days, then 3 working days".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from .calendar import HOLIDAYS, add_months, add_working_days, computed_holiday_note, long_date, short_date
from .errors import BeyondHolidayDataError, DateOrderError, UnsupportedDateError
from .results import Alternative, Result, Step
from .sources import cite
from .time_limits import CURRENT_RULES_FROM, _appeal_core

__all__ = [
    "AgreementDuty",
    "AppealIfCertificate",
    "MediationAgreementDuties",
    "MediationTimeline",
    "TimelineEvent",
    "WORKING_DAY_NOTE",
    "mediation_agreement_duties",
    "mediation_timeline",
]

#: Calendar days the local authority has to arrange mediation (Part 2, "Mediation").
ARRANGE_WITHIN_DAYS = 30
#: Working days the adviser or mediator has to issue a certificate (regulation 34; Part 2, "Mediation").
CERTIFICATE_WITHIN_WORKING_DAYS = 3
#: What "working day" means in the mediation time limits: the SEND Regulations do not define it.
WORKING_DAY_NOTE = ("The SEND Regulations do not define a working day. We use its ordinary meaning: Monday "
                    "to Friday, leaving out bank holidays in England and Wales, Christmas Day and Good "
                    "Friday.")


class TimelineEvent(NamedTuple):
    """One dated event, for a timeline or a calendar file: ``(on, label, source_id)``."""

    on: date
    label: str
    source_id: str | None


@dataclass(frozen=True)
class AppealIfCertificate:
    """The last day to appeal if the certificate is issued on ``certificate_issued``."""

    certificate_issued: date
    #: Which certificate this is, e.g. "no mediation; certificate on its last day".
    when: str
    letter_end: date
    certificate_end: date
    raw_end: date
    governed_by: str
    last_day: date
    rule: str
    alternatives: tuple[Alternative, ...] = ()


@dataclass(frozen=True)
class MediationTimeline(Result):
    """The mediation timescales, from the day the adviser was told.

    Mediation not wanted: ``certificate_due``. Mediation wanted: ``arrange_by``
    and ``deemed_certificate_due`` (the latest a certificate should come if
    mediation is not arranged in time); with ``mediation_ended``,
    ``certificate_after_mediation_due``. With ``letter_sent``:
    ``contact_adviser_by``, ``told_adviser_late`` and, in ``appeal_deadlines``,
    the last day to appeal for each certificate date.
    """

    told_adviser: date
    wants_mediation: bool
    letter_sent: date | None
    mediation_ended: date | None
    certificate_due: date | None
    arrange_by: date | None
    deemed_certificate_due: date | None
    certificate_after_mediation_due: date | None
    contact_adviser_by: date | None
    told_adviser_late: bool
    appeal_deadlines: tuple[AppealIfCertificate, ...]
    events: tuple[TimelineEvent, ...]
    uses_computed_holidays: bool = False

    def to_dict(self) -> dict[str, Any]:
        """As :meth:`Result.to_dict`, with each event as ``{"date", "label", "source_id"}``."""
        data = super().to_dict()
        data["events"] = [{"date": e.on.isoformat(), "label": e.label, "source_id": e.source_id}
                          for e in self.events]
        return data


def _check(value: Any, name: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")


def _beyond(told_adviser: date) -> BeyondHolidayDataError:
    if told_adviser < HOLIDAYS.starts_on:
        message = (f"We only have bank holiday dates from {short_date(HOLIDAYS.starts_on)}, so we cannot "
                   "work out mediation dates before that. Check the date you told the mediation adviser.")
    else:
        message = (f"We only have bank holiday dates up to {short_date(HOLIDAYS.known_until)}, so we cannot "
                   "work out mediation dates after that. Check the date you told the mediation adviser.")
    return BeyondHolidayDataError(message, field="told-adviser")


def mediation_timeline(
    told_adviser: date,
    wants_mediation: bool,
    *,
    letter_sent: date | None = None,
    mediation_ended: date | None = None,
) -> MediationTimeline:
    """The mediation timescales after telling the mediation adviser you want to appeal.

    SEND Regulations 2014:

    * reg 33: contact the adviser within 2 months after the decision letter was
      sent (a SEND Regulations limit, so the Tribunal's roll-forward rules do not
      move it);
    * reg 34: no mediation wanted: certificate within 3 working days;
    * Part 2, "Mediation" (the regulation within it not read): mediation wanted:
      the local authority arranges it within 30 days; if it cannot, the adviser
      sends a certificate within 3 working days of hearing so; after mediation,
      the mediator sends a certificate within 3 working days of its end.

    Each certificate date is then run through the appeal time limit (HESC
    r.20(1)(c), the later of the two periods) when ``letter_sent`` is given.

    Raises DateOrderError (told adviser before the letter; mediation ended
    before the adviser was told), UnsupportedDateError (letter before 21 July
    2020) or BeyondHolidayDataError.
    """
    _check(told_adviser, "told_adviser")
    _check(letter_sent, "letter_sent", optional=True)
    _check(mediation_ended, "mediation_ended", optional=True)
    if not isinstance(wants_mediation, bool):
        raise TypeError("wants_mediation must be True or False")
    if letter_sent is not None:
        if letter_sent < CURRENT_RULES_FROM:
            raise UnsupportedDateError(
                "The date the decision letter was sent must be on or after 21 July 2020. We only work out "
                "deadlines under the current rules. For an older decision, get advice from IPSEA or your "
                "local SENDIASS.", field="letter-sent")
        if told_adviser < letter_sent:
            raise DateOrderError(
                "The date you told the mediation adviser must be the same as or after the date the decision "
                "letter was sent. Check both dates.", field="told-adviser")
    if mediation_ended is not None and mediation_ended < told_adviser:
        raise DateOrderError(
            "The date mediation ended must be the same as or after the date you told the mediation adviser. "
            "Check both dates.", field="mediation-ended")

    steps: list[Step] = []
    events: list[TimelineEvent] = []
    notes: list[str] = []
    source_ids = ["cfa-s55", "send-regs-r33"]
    certificate_dates: list[tuple[date, str]] = []
    certificate_due = arrange_by = deemed_due = after_mediation_due = None
    contact_by = None
    told_late = False

    if letter_sent is not None:
        contact_by = add_months(letter_sent, 2)
        told_late = told_adviser > contact_by
        events.append(TimelineEvent(letter_sent, "Decision letter sent", "hesc-r20"))
        events.append(TimelineEvent(contact_by, "Last day to contact the mediation adviser", "send-regs-r33"))
        steps.append(Step(f"The decision letter was sent on {long_date(letter_sent)}.", letter_sent,
                          "send-regs-r33"))
        steps.append(Step(f"You must contact the mediation adviser within 2 months after that: by "
                          f"{long_date(contact_by)}. This date does not move for weekends or bank holidays.",
                          contact_by, "send-regs-r33"))

    events.append(TimelineEvent(told_adviser, "You told the mediation adviser", "send-regs-r33"))
    steps.append(Step(f"You told the mediation adviser on {long_date(told_adviser)}.", told_adviser,
                      "send-regs-r33"))
    if told_late:
        steps.append(Step("That is after the last day to contact the adviser. Your appeal may also be late. "
                          "Get advice from IPSEA or your local SENDIASS, and be ready to ask the Tribunal to "
                          "accept a late appeal.", told_adviser, "hesc-r5-r20-4"))
        notes.append(f"You contacted the mediation adviser after {long_date(contact_by)}, the last day to do "
                     "so. The rules do not say what happens then. Get advice quickly.")
        source_ids.append("hesc-r5-r20-4")

    try:
        if not wants_mediation:
            certificate_due = add_working_days(told_adviser, CERTIFICATE_WITHIN_WORKING_DAYS)
            steps.append(Step("You said you do not want mediation. The adviser must then send you a "
                              "mediation certificate within 3 working days: by "
                              f"{long_date(certificate_due)}.",
                              certificate_due, "send-regs-r34"))
            events.append(TimelineEvent(certificate_due, "Mediation certificate due (no mediation)",
                                        "send-regs-r34"))
            certificate_dates.append((certificate_due, "no mediation; certificate on its last day"))
            source_ids.append("send-regs-r34")
        else:
            arrange_by = told_adviser + timedelta(days=ARRANGE_WITHIN_DAYS)
            deemed_due = add_working_days(arrange_by, CERTIFICATE_WITHIN_WORKING_DAYS)
            steps.append(Step("You said you want mediation. The local authority must arrange it within 30 "
                              f"days. Counting from the day you told the adviser, that is by "
                              f"{long_date(arrange_by)}.", arrange_by, "send-regs-mediation"))
            steps.append(Step("If the local authority cannot arrange mediation in that time, the adviser "
                              "must send you a certificate within 3 working days of hearing this. So if "
                              "mediation is not arranged, a certificate should come by "
                              f"{long_date(deemed_due)} at the latest.", deemed_due, "send-regs-mediation"))
            events.append(TimelineEvent(arrange_by, "Mediation should be arranged by", "send-regs-mediation"))
            events.append(TimelineEvent(deemed_due, "Latest date for a certificate if mediation is not "
                                        "arranged in time", "send-regs-mediation"))
            if mediation_ended is None:
                certificate_dates.append((deemed_due, "mediation not arranged in time; certificate on its "
                                          "last day"))
            source_ids.append("send-regs-mediation")
            notes.append("The 30 days is for the local authority to arrange mediation. The meeting itself "
                         "may be later. Strictly, the 30 days start when the local authority hears from the "
                         "adviser, which may be a day or two after you called.")
            if mediation_ended is None:
                notes.append(f"If mediation has not happened by {long_date(arrange_by)}, ask the mediation "
                             "adviser in writing for your certificate. It is due within 3 working days of "
                             "the adviser hearing that mediation could not be arranged in time. You can "
                             "still go to mediation later.")
            notes.append("If health care is part of the disagreement, the local authority must tell the NHS "
                         "body that pays for it (the integrated care board) within 3 working days. If the "
                         "disagreement is only about health care, that board arranges mediation within 30 "
                         "days.")
        if mediation_ended is not None:
            after_mediation_due = add_working_days(mediation_ended, CERTIFICATE_WITHIN_WORKING_DAYS)
            steps.append(Step(f"Mediation ended on {long_date(mediation_ended)}. The mediator must send you "
                              f"a certificate within 3 working days after that: by "
                              f"{long_date(after_mediation_due)}.",
                              after_mediation_due, "send-regs-mediation"))
            events.append(TimelineEvent(mediation_ended, "Mediation ended", "send-regs-mediation"))
            events.append(TimelineEvent(after_mediation_due, "Mediation certificate due (after mediation)",
                                        "send-regs-mediation"))
            certificate_dates.append((after_mediation_due, "after mediation; certificate on its last day"))
            source_ids.append("send-regs-mediation")

        appeals: list[AppealIfCertificate] = []
        if letter_sent is not None:
            for cert, when in certificate_dates:
                core = _appeal_core(letter_sent, cert)
                appeals.append(AppealIfCertificate(cert, when, core.letter_end, core.certificate_end,
                                                   core.raw_end, core.governed_by, core.last_day, core.rule,
                                                   core.alternatives))
                setter = "the certificate" if core.governed_by == "certificate" else "the letter"
                steps.append(Step(f"If the certificate is issued on {long_date(cert)}, your last day to "
                                  f"appeal is {long_date(core.last_day)} ({setter} sets the time limit).",
                                  core.last_day, "hesc-r20"))
                events.append(TimelineEvent(
                    core.last_day, f"Last day to appeal if the certificate is issued on {short_date(cert)}",
                    "hesc-r20"))
            if appeals:
                source_ids += ["hesc-r20", "hesc-r12-2", "hesc-r12-3"]
    except BeyondHolidayDataError as err:
        raise _beyond(told_adviser) from err

    notes.append("These are the latest dates. A certificate often comes sooner. Once you have it, use the "
                 "date on it to work out your last day to appeal.")
    notes.append(WORKING_DAY_NOTE)
    holiday_note = computed_holiday_note(*(e.on for e in events))
    if holiday_note:
        notes.append(holiday_note)
    source_ids += ["hesc-r1-3", "bfda-1971"]

    return MediationTimeline(
        told_adviser=told_adviser,
        wants_mediation=wants_mediation,
        letter_sent=letter_sent,
        mediation_ended=mediation_ended,
        certificate_due=certificate_due,
        arrange_by=arrange_by,
        deemed_certificate_due=deemed_due,
        certificate_after_mediation_due=after_mediation_due,
        contact_adviser_by=contact_by,
        told_adviser_late=told_late,
        appeal_deadlines=tuple(appeals),
        events=tuple(sorted(events, key=lambda e: e.on)),
        uses_computed_holidays=holiday_note is not None,
        steps=tuple(steps),
        sources=cite(*dict.fromkeys(source_ids)),
        notes=tuple(notes),
    )


# -- mediation agreements (regulation 42) -------------------------------------------------------

@dataclass(frozen=True)
class AgreementDuty:
    """One thing a mediation agreement obliges someone to do, and the time allowed."""

    matter: str
    who: str
    within: str
    weeks: int | None
    source_id: str
    by: date | None = None


@dataclass(frozen=True)
class MediationAgreementDuties(Result):
    agreed_on: date | None
    duties: tuple[AgreementDuty, ...]


# (matter, who, within, weeks, source). Weeks are calendar weeks from the agreement, with no
# moving for weekends or bank holidays (law note section 5). The regulation 44 periods apply to
# agreements about appealable matters as if the agreement were a Tribunal order (regulation 42).
_DUTIES: tuple[tuple[str, str, str, int | None, str], ...] = (
    ("Agreed to carry out an EHC needs assessment or re-assessment: say that it will be done",
     "local authority", "2 weeks", 2, "send-regs-r44"),
    ("Agreed to assess, then decides not to issue a plan: say so", "local authority", "10 weeks", 10,
     "send-regs-r44"),
    ("Agreed to assess: send the final EHC plan", "local authority", "14 weeks", 14, "send-regs-r44"),
    ("Agreed to make an EHC plan: send the draft plan", "local authority", "5 weeks", 5, "send-regs-r44"),
    ("Agreed to make an EHC plan: send the final plan", "local authority", "11 weeks", 11, "send-regs-r44"),
    ("Agreed to change the needs (Section B) or provision (Section F): send the amended plan",
     "local authority", "5 weeks", 5, "send-regs-r44"),
    ("Agreed to change only the school or other setting named (Section I): send the amended plan",
     "local authority", "2 weeks", 2, "send-regs-r44"),
    ("Agreed anything that could not have been appealed to the Tribunal", "local authority or health "
     "commissioner", "2 weeks", 2, "send-regs-r42"),
    ("The local authority was not part of the agreement: tell it what was agreed", "health commissioner",
     "1 week", 1, "send-regs-r42"),
)


def mediation_agreement_duties(agreed_on: date | None = None) -> MediationAgreementDuties:
    """What a written mediation agreement obliges, and by when (SEND Regulations 2014, reg 42 and 44).

    Reg 42: for a matter that could have been appealed, the local authority must
    act within the reg 44 period, as if the agreement were a Tribunal order; for
    other matters, within 2 weeks; a commissioning body that agreed without the
    local authority must tell it within 1 week; the parties may agree a different
    timescale in writing. The reg 44 periods are those the law note rates
    medium-high; orders it rates low (referral back, continue to maintain) are
    left out. With ``agreed_on``, each duty gets its ``by`` date (calendar weeks,
    no roll-forward).
    """
    _check(agreed_on, "agreed_on", optional=True)
    duties = tuple(
        AgreementDuty(matter, who, within, weeks, source,
                      None if agreed_on is None or weeks is None else agreed_on + timedelta(weeks=weeks))
        for matter, who, within, weeks, source in _DUTIES
    )
    steps = (
        Step("A mediation agreement only binds if it is written down.", None, "send-regs-r42"),
        Step("If the agreement is about something you could have appealed, the local authority must do it in "
             "the time it would have had if the Tribunal had ordered it.", None, "send-regs-r42"),
        Step("Anything else agreed must be done within 2 weeks of the agreement.", None, "send-regs-r42"),
        Step("Everyone involved can agree in writing to a different timescale.", None, "send-regs-r42"),
    )
    notes = ("These periods are calendar weeks from the date of the agreement. They do not move for "
             "weekends, bank holidays or school holidays.",)
    if agreed_on is not None:
        steps = (Step(f"The agreement was made on {long_date(agreed_on)}.", agreed_on, "send-regs-r42"),
                 *steps)
    return MediationAgreementDuties(agreed_on=agreed_on, duties=duties, steps=steps,
                                    sources=cite("send-regs-r42", "send-regs-r44"), notes=notes)


# For callers who only need the list.
MEDIATION_AGREEMENT_DUTIES = mediation_agreement_duties().duties

