"""The council's own time limits: is the council (local authority) late?

Until the council decides, there is nothing to appeal. These are the time limits the
law sets the council itself (law note, section 5, and its verification of 30 November 2026):

* a request for an EHC needs assessment (SEND Regulations 2014): decide whether to assess
  within 6 weeks (reg 5(1)); if, after assessing, no plan will be made, say so within
  16 weeks (reg 10(1)); the final plan within 20 weeks (reg 13(2)); all from the day the
  council received the request;
* an annual review: the decision within 4 weeks of the meeting (reg 20; the paragraph is
  believed to be (10)); the amended plan within 8 weeks of sending the proposed amendments
  (reg 22), so 12 weeks after the meeting when the council keeps to time (Devon [2022]);
* a Tribunal order (reg 44): to assess, 2, 10 and 14 weeks (44(2)(b)); to make a plan, 5 and
  11 weeks (44(2)(c)); to change Sections B or F, 5 weeks, and only Section I, 2 weeks
  (44(2)(e) and (f): not read by us, believed as IPSEA and SENDIASS guidance read them);
* the council conceding an appeal before its response (reg 45 as substituted in 2015):
  2, 10 and 14 weeks after agreeing to assess; 5 weeks for an amended plan; for a plan to be
  made and for Section I only, the periods SENDIASS guidance gives (believed);
* a written mediation agreement (reg 42): as a Tribunal order for what could have been
  appealed, 2 weeks for anything else.

How they are counted: calendar weeks from the trigger date, so the last day is the same
weekday as the trigger. Nothing moves for a weekend, a bank holiday or August: the
Tribunal's rules (HESC rule 12) are about the Tribunal's time limits, not the council's.
Several limits have exceptions (reg 5(4), 10(4), 13(3)): a school or college closed for
4 weeks or more, exceptional personal circumstances, the family away from the area for
4 weeks or more. Where one may apply we say that the limit may not bind the council and
why; we never put a later date in its place.

Phase transfer (reg 18) is :mod:`sendrules.phase_transfer`; this module points to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .adviser_email import FILL_IN, tidy_name
from .calendar import long_date, short_date
from .errors import DateOrderError, FutureDateError, UnknownDecisionError, UnsupportedDateError
from .results import Result, Step
from .sources import Source, cite

__all__ = [
    "CHECKED",
    "BELIEVED",
    "CouncilDeadline",
    "CouncilDeadlines",
    "CouncilLetter",
    "Limit",
    "MATTERS",
    "REPLY_WITHIN_DAYS",
    "SITUATIONS",
    "Situation",
    "council_deadlines",
    "council_letter",
    "get_situation",
    "where_today",
]

#: The SEND Regulations 2014 came into force on 1 September 2014; we do not work out older limits.
RULES_FROM = date(2014, 9, 1)
#: COVID-19 changes let councils off some of these limits from 1 May to 25 September 2020 (law note §5).
COVID_FROM, COVID_TO = date(2020, 5, 1), date(2020, 9, 25)
#: How long the letter gives the council to reply. Our suggestion, not a rule of law.
REPLY_WITHIN_DAYS = 14

#: How sure we are of a limit: the provision was read (law note), or it is believed from guidance.
CHECKED = "checked"
BELIEVED = "believed"

_CLOSURE = ("the council asked a school, college or early years setting for advice around a closure of "
            "4 weeks or more (such as the summer holidays): from a week before it closed to a week before "
            "it reopened")
_PERSONAL = "exceptional personal circumstances affected the child, the parent or the young person"
_AWAY = "the child, the parent or the young person was away from the council's area for 4 weeks or more"
_BELIEVED = "(we believe, from SENDIASS guidance) "
_BELIEVED_44_45 = (
    _BELIEVED + _PERSONAL,
    _BELIEVED + _AWAY.replace("4 weeks", "2 weeks"),
    _BELIEVED + _CLOSURE,
)

#: Why a limit may not bind the council, by the provision that says so.
_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    # Regulation 5(4): read as far as a school or post-16 institution closing.
    "reg-5-4": (_CLOSURE.replace("school, college or early years setting", "school or college"), _PERSONAL,
                _AWAY),
    # Regulation 10(4), and 13(3), which applies 10(4)(a) to (d): read.
    "reg-10-4": (_CLOSURE, _PERSONAL, _AWAY),
    # Regulation 44(1) (read) lets the order set its own time; its paragraph (3) was not read.
    "reg-44": ("the Tribunal's order set a different time (then that time counts)", *_BELIEVED_44_45),
    "reg-45": _BELIEVED_44_45,
    # Regulation 42: read.
    "reg-42": ("everyone involved agreed a different timescale in writing",),
}


@dataclass(frozen=True)
class Limit:
    """One time limit the law sets the council: what, how many weeks from the trigger, and why."""

    id: str
    weeks: int
    what: str
    law: str
    source_ids: tuple[str, ...]
    how_sure: str = CHECKED
    exceptions: str | None = None


@dataclass(frozen=True)
class Matter:
    """What a Tribunal order, a concession or a mediation agreement was about."""

    value: str
    label: str


MATTERS: dict[str, Matter] = {m.value: m for m in (
    Matter("assess", "Carry out an EHC needs assessment"),
    Matter("reassess", "Carry out a re-assessment of the EHC plan"),
    Matter("make-plan", "Make an EHC plan"),
    Matter("amend-plan",
           "Change the needs or provision in the plan (Sections B or F, with or without Section I)"),
    Matter("name-school", "Change only the school or other setting named (Section I)"),
    Matter("other", "Something else that could not have been appealed to the Tribunal"),
)}

_SURE_B_F = ("Fairly sure: IPSEA and SENDIASS guidance give 5 weeks for this. We have not read this part "
             "of regulation 44 ourselves.")
_SURE_I = ("Fairly sure: IPSEA and SENDIASS guidance give 2 weeks for a change only to Section I. We have "
           "not read this part of regulation 44 ourselves.")
_SURE_45 = ("Less sure: SENDIASS guidance gives this period. Our legal reference does not list it, so check "
            "it with an adviser.")


def _assess_limits(prefix: str, after: str, sources: tuple[str, ...], how_sure: str, exceptions: str,
                   *, re: bool = False) -> tuple[Limit, ...]:
    kind = "re-assessment" if re else "EHC needs assessment"
    return (
        Limit(f"{prefix}-assess-notice", 2, f"Tell you it will carry out the {kind}",
              f"within 2 weeks of {after}", sources, how_sure, exceptions),
        Limit(f"{prefix}-no-plan-decision", 10,
              f"If, after the {kind}, it decides not to make an EHC plan: tell you, with its reasons",
              f"within 10 weeks of {after}", sources, how_sure, exceptions),
        Limit(f"{prefix}-final-plan", 14, "If it decides to make an EHC plan: send you the final plan",
              f"within 14 weeks of {after}", sources, how_sure, exceptions),
    )


def _plan_limits(prefix: str, after: str, sources: tuple[str, ...], how_sure: str,
                 exceptions: str) -> tuple[Limit, ...]:
    return (
        Limit(f"{prefix}-draft-plan", 5, "Send you the draft EHC plan", f"within 5 weeks of {after}",
              sources, how_sure, exceptions),
        Limit(f"{prefix}-final-plan", 11, "Send you the final EHC plan", f"within 11 weeks of {after}",
              sources, how_sure, exceptions),
    )


def _amend_limit(prefix: str, weeks: int, after: str, what: str, sources: tuple[str, ...], how_sure: str,
                 exceptions: str) -> tuple[Limit, ...]:
    return (Limit(f"{prefix}-amended-plan", weeks, what, f"within {weeks} weeks of {after}", sources,
                  how_sure, exceptions),)


_B_F = "Send you the amended EHC plan with the changes to Sections B or F"
_I = "Send you the amended EHC plan naming the school or setting"

_ORDER = "the Tribunal's order"
_R44B = ("send-regs-r44-1-2b",)
_R44C = ("send-regs-r44-2c",)
_R44_BELIEVED = ("send-regs-r44", "sendiass-surrey-orders")
_ORDER_LIMITS: dict[str, tuple[Limit, ...]] = {
    "assess": _assess_limits("order", _ORDER, _R44B, CHECKED, "reg-44"),
    "reassess": _assess_limits("order", _ORDER, _R44B, CHECKED, "reg-44", re=True),
    "make-plan": _plan_limits("order", _ORDER, _R44C, CHECKED, "reg-44"),
    "amend-plan": _amend_limit("order", 5, _ORDER, _B_F, _R44_BELIEVED, _SURE_B_F, "reg-44"),
    "name-school": _amend_limit("order", 2, _ORDER, _I, _R44_BELIEVED, _SURE_I, "reg-44"),
}

_NOTICE = "the council telling the Tribunal it would not oppose the appeal"
_R45 = ("send-regs-r45",)
_R45_BELIEVED = ("send-regs-r45", "sendiass-surrey-unopposed")
_CONCEDED_LIMITS: dict[str, tuple[Limit, ...]] = {
    "assess": _assess_limits("conceded", _NOTICE, _R45, CHECKED, "reg-45"),
    "reassess": _assess_limits("conceded", _NOTICE, _R45, CHECKED, "reg-45", re=True),
    "make-plan": _plan_limits("conceded", _NOTICE, _R45_BELIEVED, _SURE_45, "reg-45"),
    "amend-plan": _amend_limit("conceded", 5, _NOTICE, "Send you the amended EHC plan", _R45, CHECKED,
                               "reg-45"),
    "name-school": _amend_limit("conceded", 2, _NOTICE, _I, _R45_BELIEVED, _SURE_45, "reg-45"),
}

_AGREED = "the mediation agreement"


def _as_agreed(limits: tuple[Limit, ...]) -> tuple[Limit, ...]:
    """A Tribunal order's limits, for an agreement about something that could be appealed (reg 42)."""
    return tuple(
        Limit(limit.id.replace("order-", "agreed-", 1), limit.weeks, limit.what,
              limit.law.replace(_ORDER, _AGREED), ("send-regs-r42", *limit.source_ids), limit.how_sure,
              "reg-42")
        for limit in limits
    )


_AGREED_LIMITS: dict[str, tuple[Limit, ...]] = {
    **{matter: _as_agreed(limits) for matter, limits in _ORDER_LIMITS.items()},
    "other": (Limit("agreed-other", 2, "Do what it agreed to do", f"within 2 weeks of {_AGREED}",
                    ("send-regs-r42",), CHECKED, "reg-42"),),
}


@dataclass(frozen=True)
class Situation:
    """What happened, the date the time limits run from, and the limits that follow."""

    value: str
    label: str
    field: str          # the form field and command-line option for the trigger date
    date_label: str     # finishes "the date ..."
    happened: str       # finishes "... on <date>."
    matter_option: str | None
    limits: dict[str, tuple[Limit, ...]]


_REQUEST_LIMITS = (
    Limit("decide-to-assess", 6, "Tell you whether it will carry out an EHC needs assessment",
          "as soon as practicable, and within 6 weeks of receiving the request", ("send-regs-r5",),
          CHECKED, "reg-5-4"),
    Limit("no-plan-decision", 16,
          "If, after the assessment, it decides not to make an EHC plan: tell you, with its reasons",
          "within 16 weeks of receiving the request", ("send-regs-r10",), CHECKED, "reg-10-4"),
    Limit("final-plan", 20, "If it decides to make an EHC plan: send you the final plan",
          "within 20 weeks of receiving the request", ("send-regs-r13",), CHECKED, "reg-10-4"),
)
_REVIEW_DECISION = Limit(
    "review-decision", 4,
    "Tell you whether it will keep the plan as it is, change it or end it (with the proposed changes, "
    "if any)",
    "within 4 weeks of the review meeting", ("send-regs-r20", "devon-2022"),
    "Sure of the 4 weeks (regulation 20 and the Devon case). We believe it is paragraph (10) of "
    "regulation 20; we have not checked the paragraph number.")
_AMENDED_AFTER_SENT = Limit(
    "amended-plan", 8, "If it is changing the plan: send you the final amended plan",
    "within 8 weeks of sending the proposed amendments", ("send-regs-r22", "devon-2022"), CHECKED)
_AMENDED_AFTER_MEETING = Limit(
    "amended-plan", 12, "If it is changing the plan: send you the final amended plan",
    "at the latest 12 weeks after the review meeting: 4 weeks to send the proposed amendments, then 8 weeks",
    ("send-regs-r20", "send-regs-r22", "devon-2022"), CHECKED)

SITUATIONS: dict[str, Situation] = {s.value: s for s in (
    Situation("request", "You asked the council for an EHC needs assessment", "request-received",
              "the council received the request", "The council received the request for an EHC needs "
              "assessment", None, {"": _REQUEST_LIMITS}),
    Situation("annual-review", "There was an annual review meeting", "review-meeting",
              "of the annual review meeting", "The annual review meeting was held", None,
              {"": (_REVIEW_DECISION, _AMENDED_AFTER_MEETING)}),
    Situation("tribunal-order", "The Tribunal ordered the council to do something", "tribunal-order",
              "of the Tribunal's order", "The Tribunal made its order", "order", _ORDER_LIMITS),
    Situation("council-conceded", "The council said it would not oppose your appeal", "council-conceded",
              "the council told the Tribunal it would not oppose the appeal",
              "The council told the Tribunal it would not oppose your appeal", "conceded", _CONCEDED_LIMITS),
    Situation("mediation-agreement", "You reached a written agreement at mediation", "mediation-agreement",
              "of the mediation agreement", "The mediation agreement was made", "agreed", _AGREED_LIMITS),
)}

#: Statuses of one deadline, against today.
TO_COME, DUE_TODAY, PASSED = "to-come", "due-today", "passed"
DONE_ON_TIME, DONE_LATE = "done-on-time", "done-late"


@dataclass(frozen=True)
class CouncilDeadline:
    """One time limit, worked out: the last day the council is within it, and where today stands.

    ``by`` is the last day the council is within the limit (the trigger plus ``weeks`` whole
    weeks). ``passed`` is True once today is after ``by``. ``days_late`` is how many days after
    ``by`` the council did it (``done_on``), or, if it has not, how many days after ``by`` today
    is; 0 when it is not late. ``days_left`` is the days from today to ``by`` (0 once passed).
    ``how_sure`` is "checked" when we read the provision, otherwise a sentence saying how sure
    we are. ``may_not_bind_if`` lists the reasons the law gives for the council not keeping to
    the limit: if one applies, the limit may not bind it, and we give no later date.
    """

    id: str
    by: date
    what: str
    law: str
    weeks: int
    counted_from: date
    passed: bool
    days_late: int
    days_left: int
    status: str
    done_on: date | None
    how_sure: str
    may_not_bind_if: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class CouncilDeadlines(Result):
    """The council's time limits after one event, with where today stands and what to do if late.

    ``deadlines`` are in date order. ``late`` is True when a deadline has passed and we do not
    know the council has done that thing; ``first_missed`` is that deadline's id. ``if_late``
    says what to do next, in order, when the council is late.
    """

    situation: str
    situation_label: str
    matter: str | None
    matter_label: str | None
    happened_on: date
    amendments_sent: date | None
    today: date
    deadlines: tuple[CouncilDeadline, ...]
    late: bool
    first_missed: str | None
    next_due: str | None
    if_late: tuple[Step, ...]

    def deadline(self, id_: str) -> CouncilDeadline:
        """The deadline with this id; KeyError if the answer has none."""
        for item in self.deadlines:
            if item.id == id_:
                return item
        raise KeyError(id_)


def _check_date(value: object, name: str) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")


def get_situation(value: object) -> Situation:
    """The :class:`Situation` named ``value``; :class:`UnknownDecisionError` lists the valid ones."""
    situation = SITUATIONS.get(str(value).strip().lower()) if value is not None else None
    if situation is None:
        valid = ", ".join(SITUATIONS)
        if value is None or str(value).strip() == "":
            raise UnknownDecisionError(f"Select what happened. Choose one of: {valid}", field="situation")
        raise UnknownDecisionError(f"'{value}' is not something we know. Choose one of: {valid}",
                                   field="situation")
    return situation


def _matter(situation: Situation, value: object) -> str:
    option = situation.matter_option
    valid = ", ".join(situation.limits)
    text = str(value).strip().lower() if value is not None else ""
    what = {"order": "what the Tribunal ordered", "conceded": "what the council agreed to do",
            "agreed": "what was agreed"}[option or "order"]
    if not text:
        raise UnknownDecisionError(f"Select {what}. Choose one of: {valid}", field=option)
    if text not in situation.limits:
        raise UnknownDecisionError(f"'{value}' is not one of the choices for {what}. Choose one of: {valid}",
                                   field=option)
    return text


def _weeks_after(start: date, weeks: int, *, field: str, label: str) -> date:
    try:
        return start + timedelta(weeks=weeks)
    except OverflowError:
        raise UnsupportedDateError(f"The date {label} is too far in the future. Check the year",
                                   field=field) from None


def _status(by: date, today: date, done_on: date | None) -> tuple[str, int]:
    """The deadline's status and days late, against today (or against the day it was done)."""
    if done_on is not None:
        late = (done_on - by).days
        return (DONE_LATE, late) if late > 0 else (DONE_ON_TIME, 0)
    if today > by:
        return PASSED, (today - by).days
    return (DUE_TODAY if today == by else TO_COME), 0


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _or(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else "; ".join(items[:-1]) + "; or " + items[-1]


def where_today(item: CouncilDeadline) -> str:
    """Where today stands against one deadline, in a sentence (done, passed, today, to come)."""
    if item.status == DONE_ON_TIME:
        return f"The council did this on {long_date(item.done_on)}, in time."
    if item.status == DONE_LATE:
        return f"The council did this on {long_date(item.done_on)}, {_days(item.days_late)} late."
    if item.status == PASSED:
        return f"That day has passed: {_days(item.days_late)} ago."
    if item.status == DUE_TODAY:
        return "That is today: the last day the council is in time."
    return f"That is {_days(item.days_left)} from today."


def council_deadlines(
    situation: str,
    happened_on: date,
    *,
    today: date,
    matter: str | None = None,
    amendments_sent: date | None = None,
) -> CouncilDeadlines:
    """The council's time limits after ``situation`` happened on ``happened_on``.

    ``situation`` is a key of :data:`SITUATIONS`: ``request`` (the day the council received a
    request for an EHC needs assessment), ``annual-review`` (the day of the review meeting; give
    ``amendments_sent`` if the proposed amendments have come), ``tribunal-order``,
    ``council-conceded`` or ``mediation-agreement`` (each with ``matter``, a key of
    :data:`MATTERS` that the situation allows). Every ``by`` is ``happened_on`` (or
    ``amendments_sent``) plus whole calendar weeks; nothing moves for weekends, bank holidays
    or August.

    Raises :class:`~sendrules.errors.UnknownDecisionError` (situation, matter),
    :class:`~sendrules.errors.FutureDateError` (a date after ``today``),
    :class:`~sendrules.errors.DateOrderError` (amendments sent before the meeting) or
    :class:`~sendrules.errors.UnsupportedDateError` (before 1 September 2014).
    """
    s = get_situation(situation)
    _check_date(happened_on, "happened_on")
    _check_date(today, "today")
    if amendments_sent is not None:
        _check_date(amendments_sent, "amendments_sent")

    if happened_on > today:
        raise FutureDateError(f"The date {s.date_label} must be today or in the past", field=s.field)
    if happened_on < RULES_FROM:
        raise UnsupportedDateError(
            f"The date {s.date_label} must be on or after 1 September 2014, when the current rules began. "
            "For an older date, get advice from IPSEA or your local SENDIASS", field=s.field)
    if s.matter_option is None:
        if matter is not None and str(matter).strip():
            raise UnknownDecisionError(
                "What was ordered or agreed only goes with a Tribunal order, a council that gave in, or a "
                "mediation agreement", field="order")
        key = ""
    else:
        key = _matter(s, matter)
    if amendments_sent is not None:
        if s.value != "annual-review":
            raise DateOrderError("The date the proposed amendments were sent only goes with an annual review "
                                 "meeting", field="amendments-sent")
        if amendments_sent < happened_on:
            raise DateOrderError("The date the proposed amendments were sent must be the same as or after "
                                 "the date of the annual review meeting", field="amendments-sent")
        if amendments_sent > today:
            raise FutureDateError("The date the proposed amendments were sent must be today or in the past",
                                  field="amendments-sent")

    limits = s.limits[key]
    if amendments_sent is not None:
        limits = (_REVIEW_DECISION, _AMENDED_AFTER_SENT)

    first_source = limits[0].source_ids[0]
    steps: list[Step] = [Step(f"{s.happened} on {long_date(happened_on)}.", happened_on, first_source)]
    notes: list[str] = []
    deadlines: list[CouncilDeadline] = []
    for limit in limits:
        start = amendments_sent if limit is _AMENDED_AFTER_SENT else happened_on
        field, label = ("amendments-sent", "the proposed amendments were sent") if start is amendments_sent \
            else (s.field, s.date_label)
        by = _weeks_after(start, limit.weeks, field=field, label=label)
        done_on = amendments_sent if limit is _REVIEW_DECISION else None
        status, days_late = _status(by, today, done_on)
        item = CouncilDeadline(
            id=limit.id, by=by, what=limit.what, law=limit.law, weeks=limit.weeks, counted_from=start,
            passed=today > by, days_late=days_late, days_left=max(0, (by - today).days), status=status,
            done_on=done_on, how_sure=limit.how_sure,
            may_not_bind_if=_EXCEPTIONS[limit.exceptions] if limit.exceptions else (),
            sources=cite(*limit.source_ids),
        )
        deadlines.append(item)
        if start is amendments_sent:
            steps.append(Step(f"The proposed amendments were sent on {long_date(start)}.", start,
                              limit.source_ids[0]))
        steps.append(Step(f"{item.what}. The law says {limit.law}: by {long_date(by)}. {where_today(item)}",
                          by, limit.source_ids[0]))

    deadlines.sort(key=lambda d: d.by)
    steps.sort(key=lambda step: step.on)  # stable: a date's own step stays before what follows from it
    missed = [d for d in deadlines if d.status == PASSED]
    to_come = [d for d in deadlines if d.status in (TO_COME, DUE_TODAY)]
    first_missed = missed[0].id if missed else None

    notes.append("These are calendar weeks counted from the date, so each last day falls on the same day of "
                 "the week. They do not move for weekends, bank holidays or school holidays, including "
                 "August: the Tribunal's rules for moving a date do not apply to the council.")
    notes.append("The law gives the latest day. The council should act as soon as it can, and it is not late "
                 "until that day has passed.")
    if any(d.may_not_bind_if for d in deadlines):
        notes.append("In some cases the law lets the council take longer, and then a time limit may not bind "
                     "it. The reasons are listed with each date. The law gives no later date instead: the "
                     "council must still act as soon as it can. If the council says a reason applies, ask it "
                     "in writing which one and why.")
    notes += _situation_notes(s, key, amendments_sent, deadlines, happened_on)
    if happened_on <= COVID_TO and max(d.by for d in deadlines) >= COVID_FROM:
        notes.append("From 1 May to 25 September 2020, temporary changes for coronavirus (COVID-19) let "
                     "councils take longer where the virus was the reason. These dates may not have bound "
                     "the council then.")
    notes.append("If your child or young person is moving to a new school or college, the council must also "
                 "finish amending the plan by a fixed date before the move (phase transfer). That date is "
                 "worked out separately.")

    source_ids = [src.id for d in deadlines for src in d.sources]
    if_late: tuple[Step, ...] = ()
    if missed:
        if_late = _if_late(missed[0], today)
        source_ids.append("lgsco")
    return CouncilDeadlines(
        situation=s.value, situation_label=s.label, matter=key or None,
        matter_label=MATTERS[key].label if key else None, happened_on=happened_on,
        amendments_sent=amendments_sent, today=today, deadlines=tuple(deadlines), late=bool(missed),
        first_missed=first_missed, next_due=to_come[0].id if to_come else None, if_late=if_late,
        steps=tuple(steps), sources=cite(*dict.fromkeys(source_ids)), notes=tuple(notes),
    )


def _situation_notes(s: Situation, key: str, amendments_sent: date | None,
                     deadlines: list[CouncilDeadline], happened_on: date) -> list[str]:
    notes: list[str] = []
    if s.value == "request":
        notes.append("Count from the day the council received your request: the day you emailed it, or the "
                     "day a posted letter arrived. The same limits apply from the day the council became "
                     "responsible for your child, for example after a move into its area.")
        notes.append("There is no separate time limit for the draft plan, but you must have at least 15 days "
                     "to comment on it before the final plan, so it should come well before the 20 weeks "
                     "end.")
        notes.append("If the council decides not to assess, or not to make a plan, you can appeal that "
                     "decision to the SEND Tribunal.")
    elif s.value == "annual-review":
        if amendments_sent is None:
            notes.append("If the council has sent the proposed amendments, enter that date too: the amended "
                         "plan is due 8 weeks after it.")
        else:
            review = next(d for d in deadlines if d.id == "review-decision")
            if review.status == DONE_LATE:
                on_time = happened_on + timedelta(weeks=12)
                notes.append("The proposed amendments came after the 4 weeks. The law counts the 8 weeks "
                             "from when they were sent. Had the council kept to time, the amended plan would "
                             f"have been due by {long_date(on_time)}, 12 weeks after the meeting.")
        notes.append("You have at least 15 days to comment on proposed amendments and to ask for a school "
                     "or college to be named.")
        notes.append("If the council decides not to change the plan, or to end it, its letter should tell "
                     "you about your right to appeal.")
    elif s.value == "tribunal-order":
        notes.append("Count from the date of the Tribunal's order, not the day you received it.")
    elif s.value == "council-conceded":
        notes.append("These limits apply when the council gives in before it sends its response to the "
                     "appeal. Count from the day the council told the Tribunal; if you only know when you "
                     "heard, the real date may be earlier, and so may the council's deadlines. If the "
                     "council gave in later and the Tribunal made an order, use the date of the order "
                     "instead.")
        notes.append("Do not withdraw your appeal until you have what the council agreed, in writing.")
    elif s.value == "mediation-agreement":
        notes.append("A mediation agreement only binds if it is written down.")
        if key != "other":
            notes.append("If you also have an appeal deadline, it may end before the council's date. Think "
                         "about registering the appeal anyway, and get advice.")
    return notes


def _if_late(missed: CouncilDeadline, today: date) -> tuple[Step, ...]:
    reply_by = today + timedelta(days=REPLY_WITHIN_DAYS)
    return (
        Step(f"Write to the council. Say which time limit it has missed ({long_date(missed.by)}) and ask it "
             f"to act by {long_date(reply_by)}. Use the letter below and keep a copy.", reply_by),
        Step("If it does not answer, or misses that date, make a formal complaint through the council's "
             "complaints procedure (on its website). Say what is late and what you want it to do."),
        Step("If the complaint does not put it right, complain to the Local Government and Social Care "
             "Ombudsman. It is free and looks at delay by councils. It usually expects you to use the "
             "council's complaints procedure first.", None, "lgsco"),
        Step("For a long or harmful delay, a solicitor can send a pre-action letter: a formal warning that "
             "the family may ask the High Court for a judicial review. Judicial review must be started "
             "promptly, and within 3 months at the latest, so get advice quickly. Legal aid may be "
             "available."),
        Step("Free advice: IPSEA (Independent Provider of Special Education Advice) or your local SENDIASS "
             "(SEND Information, Advice and Support Service) can help with each of these steps."),
    )


# -- the letter to the council -------------------------------------------------------------------------


@dataclass(frozen=True)
class CouncilLetter:
    """A letter asking the council to do what is late, by ``reply_by``; empty if nothing is late."""

    needed: bool
    subject: str
    body: str
    reply_by: date | None
    notes: tuple[str, ...]


def council_letter(answer: CouncilDeadlines, *, child_name: str | None = None,
                   parent_name: str | None = None) -> CouncilLetter:
    """The letter to send the council when it has missed a time limit in ``answer``.

    It names every missed limit, with its date and the law, and asks for the first of them
    within :data:`REPLY_WITHIN_DAYS` days of ``answer.today``. Names are tidied as in the
    adviser email; left out, the letter has a [square bracket] gap.
    """
    missed = [d for d in answer.deadlines if d.status == PASSED]
    if not missed:
        return CouncilLetter(False, "", "", None, (
            "The council is not late yet, so there is nothing to chase. Come back after the next date if "
            "nothing has arrived.",))
    child = tidy_name(child_name)
    parent = tidy_name(parent_name)
    reply_by = answer.today + timedelta(days=REPLY_WITHIN_DAYS)
    first = missed[0]
    subject = f"Time limit passed on {short_date(first.by)}: please reply by {short_date(reply_by)}"
    if child:
        subject += f" ({child})"
    child_words = child or "[your child's name]"
    lines = ["Dear [name of the SEN team manager],", "",
             f"I am writing about my child, {child_words}, [date of birth]."]
    lines += ["", f"{_happened_sentence(answer)} The law gives the council these time limits, and they have "
              "passed:"]
    for d in missed:
        citations = "; ".join(src.citation for src in d.sources if src.instrument != _GUIDANCE)
        lines.append(f"- {d.what}: {d.law}, so by {long_date(d.by)} ({citations}).")
    lines += ["", f"I have not received this. Please send me what is due by {long_date(reply_by)}. If the "
              "council says that a reason in the law lets it take longer, please tell me which reason and "
              "why it applies."]
    lines += ["", "If I do not hear by then, I will make a formal complaint and consider other steps, "
              "including a complaint to the Local Government and Social Care Ombudsman and asking for legal "
              "advice.", "",
              "Please confirm in writing that you have received this letter.", "", "Yours sincerely,", "",
              parent or "[your name]", "[your address, email and phone number]"]
    notes = (FILL_IN, "Send it to the council's special educational needs (SEN) team, by email if you can, "
             "and keep a copy. "
             f"{REPLY_WITHIN_DAYS} days is our suggestion for a reply, not a time limit set by law.")
    return CouncilLetter(True, subject, "\n".join(lines), reply_by, notes)


_GUIDANCE = "SEND Advice Surrey (a SENDIASS)"


def _happened_sentence(answer: CouncilDeadlines) -> str:
    s = SITUATIONS[answer.situation]
    text = f"{s.happened} on {long_date(answer.happened_on)}."
    if answer.matter_label:
        text = f"{text[:-1]}, about this: {answer.matter_label.lower()}."
    return text


# ---------------------------------------------------------------------------
# Command line: ``sendrules council-deadlines`` (registered in sendrules.cli.COMMANDS)
# ---------------------------------------------------------------------------

#: The command-line option giving each situation's date, in the order ``--help`` lists them.
_TRIGGER_OPTIONS = {s.field: s for s in SITUATIONS.values()}


def add_cli_arguments(parser) -> None:
    """Options for ``sendrules council-deadlines``: exactly one date saying what happened."""
    from .cli import add_today

    group = parser.add_mutually_exclusive_group(required=True)
    for option, s in _TRIGGER_OPTIONS.items():
        group.add_argument(f"--{option}", metavar="YYYY-MM-DD", help=f"the date {s.date_label}")
    parser.add_argument("--amendments-sent", metavar="YYYY-MM-DD",
                        help="with --review-meeting: the date the proposed amendments were sent, if any")
    for option, s in ((s.matter_option, s) for s in SITUATIONS.values() if s.matter_option):
        parser.add_argument(f"--{option}", metavar="{" + ",".join(s.limits) + "}",
                            help=f"with --{s.field}: what it was about")
    add_today(parser)


def run_cli(args):
    """Run ``sendrules council-deadlines``: each date first, then the working and what to do if late."""
    from .cli import Answer, read_date, today_from

    today = today_from(args)
    s = next(s for option, s in _TRIGGER_OPTIONS.items()
             if getattr(args, option.replace("-", "_")) is not None)
    for other in SITUATIONS.values():
        given = getattr(args, other.matter_option, None) if other.matter_option else None
        if given is not None and other is not s:
            raise UnknownDecisionError(f"--{other.matter_option} only goes with --{other.field}",
                                       field=other.matter_option)
    if args.amendments_sent is not None and s.value != "annual-review":
        raise DateOrderError("--amendments-sent only goes with --review-meeting", field="amendments-sent")
    happened_on = read_date(getattr(args, s.field.replace("-", "_")), field=s.field, label=s.date_label)
    amendments = read_date(args.amendments_sent, field="amendments-sent",
                           label="the proposed amendments were sent")
    if s.matter_option and getattr(args, s.matter_option) is None:
        raise UnknownDecisionError(f"Give --{s.matter_option} with --{s.field}. Choose one of: "
                                   + ", ".join(s.limits), field=s.matter_option)
    result = council_deadlines(s.value, happened_on, today=today, amendments_sent=amendments,
                               matter=getattr(args, s.matter_option) if s.matter_option else None)
    headline = [f"The council's time limits (today is {long_date(today)}):"]
    for d in result.deadlines:
        headline.append(f"  - {d.what}: by {long_date(d.by)}. {where_today(d)}")
        if d.how_sure != CHECKED:
            headline.append(f"    How sure we are: {d.how_sure}")
        if d.may_not_bind_if:
            headline.append(f"    This may not bind the council if {_or(d.may_not_bind_if)}.")
    if result.late:
        headline += ["", "The council is late. What to do next:"]
        headline += [f"  {n}. {step.text}" for n, step in enumerate(result.if_late, start=1)]
        letter = council_letter(result)
        headline += ["", f"A letter to send the council (subject: {letter.subject}):", "", letter.body]
    headline += ["", "Moving school or college? For the phase transfer date: sendrules phase-transfer --help"]
    return Answer(result, tuple(headline))
