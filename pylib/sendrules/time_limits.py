"""Tribunal time limits: the last day to appeal, and the last day for a discrimination claim.

* :func:`appeal_deadline`: an appeal against a local authority's SEN/EHC decision
  (HESC Rules, rule 20(1)(c), adjusted by rule 12(2) and 12(3)(a)).
* :func:`dd_claim_deadline`: a disability discrimination claim against a school
  (Equality Act 2010, Schedule 17, paragraph 4).

Both take ``today`` as an argument and return a result carrying its working.
Where the law has two defensible readings, the earlier date is the answer and
the later one is named in ``alternatives`` (law note: "when unsure, show the
earlier date").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .calendar import (
    HOLIDAYS,
    add_months,
    computed_holiday_note,
    is_working_day,
    last_working_day_on_or_before,
    long_date,
    next_working_day_after,
    non_working_reason,
    short_date,
    working_day_on_or_after,
)
from .errors import BeyondHolidayDataError, DateOrderError, FutureDateError, UnsupportedDateError
from .results import Alternative, Result, Step
from .sources import cite

__all__ = [
    "AppealDeadline",
    "CURRENT_RULES_FROM",
    "DDClaimDeadline",
    "appeal_deadline",
    "dd_claim_deadline",
]

#: The Tribunal Procedure (Amendment) Rules 2020 changed rule 12(3) from this day: deadlines in
#: August and over Christmas now move to the next working day (they used to be left out of the count),
#: and discrimination claims no longer get that extension at all.
CURRENT_RULES_FROM = date(2020, 7, 21)

_ONE_DAY = timedelta(days=1)
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")

RULE_NONE = "none"
RULE_WEEKEND = "weekend-or-bank-holiday"
RULE_CHRISTMAS = "christmas-new-year"
RULE_AUGUST = "august"


def _check_date(value: object, name: str) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")


def _in_christmas_window(d: date) -> bool:
    return (d.month == 12 and d.day >= 25) or (d.month == 1 and d.day == 1)


def _months_text(n: int) -> str:
    return {1: "One calendar month", 2: "Two calendar months"}[n]


def _month_step(start: date, n: int, end: date, source_ids: tuple[str, ...]) -> Step:
    """The step for "n months after start is end", explaining a month-end clamp."""
    if end.day != start.day:
        month = _MONTH_NAMES[end.month]
        text = (f"{_months_text(n)} after that would be {start.day} {month}, but {month} {end.year} "
                f"has no such date, so we use the last day of {month}: {long_date(end)}.")
    else:
        text = f"{_months_text(n)} after that is {long_date(end)}."
    return Step(text, end, source_ids[0])


# -- SEN appeals ---------------------------------------------------------------------------------

class _Adjusted:
    """The end of the period after r.12 moves it. A plain class: dataclasses cost import time."""

    __slots__ = ("last_day", "rule", "step", "alternatives", "skipped_to")

    def __init__(self, last_day: date, rule: str, step: Step, alternatives: tuple[Alternative, ...],
                 skipped_to: date) -> None:
        self.last_day = last_day
        self.rule = rule
        self.step = step
        self.alternatives = alternatives
        self.skipped_to = skipped_to  # the latest day the answer relied on


def _window_rule(d: date) -> tuple[str, date] | None:
    """If ``d`` is in the Christmas or August window, the rule and the day it moves to (r.12(3)(a))."""
    if _in_christmas_window(d):
        new_year = date(d.year + 1 if d.month == 12 else d.year, 1, 1)
        return RULE_CHRISTMAS, next_working_day_after(new_year)
    if d.month == 8:
        return RULE_AUGUST, next_working_day_after(date(d.year, 8, 31))
    return None


def _adjust(raw: date) -> _Adjusted:
    """Move the raw end of the appeal period as HESC r.12(3)(a) and r.12(2) require."""
    window = _window_rule(raw)
    if window is not None:
        rule, last = window
        if rule == RULE_CHRISTMAS:
            text = (f"{long_date(raw)} falls between 25 December and 1 January. For an appeal, the time "
                    f"limit then moves to the first working day after 1 January: {long_date(last)}.")
        else:
            text = (f"{long_date(raw)} falls in August. For an appeal, the time limit then moves to the "
                    f"first working day after 31 August: {long_date(last)}.")
        return _Adjusted(last, rule, Step(text, last, "hesc-r12-3"), (), last)

    if is_working_day(raw):
        return _Adjusted(raw, RULE_NONE, Step(f"{long_date(raw)} is a working day, so the time limit "
                                              "does not move.", raw, "hesc-r1-3"), (), raw)

    last = working_day_on_or_after(raw)
    text = (f"{long_date(raw)} is not a working day: it is {non_working_reason(raw)}. So the time limit "
            f"moves to the next working day: {long_date(last)}.")
    alternatives: tuple[Alternative, ...] = ()
    relied_on = last
    again = _window_rule(last)
    if again is not None:
        # Law note, open doubt 3: r.12(2) has moved the deadline into a holiday window.
        rule, later = again
        window_name = "between 25 December and 1 January" if rule == RULE_CHRISTMAS else "in August"
        after = "1 January" if rule == RULE_CHRISTMAS else "31 August"
        alternatives = (Alternative(
            later,
            f"Apply the {'Christmas and New Year' if rule == RULE_CHRISTMAS else 'August'} rule again "
            "after moving the deadline off the non-working day",
            f"Moving the deadline to the next working day puts it on {long_date(last)}, which is "
            f"{window_name}. The rules do not say whether the deadline should then move again, to the "
            f"first working day after {after} ({long_date(later)}). No court has decided this, so we "
            "give you the earlier date. Appeal by then and you are safe either way.",
        ),)
        relied_on = later
    return _Adjusted(last, RULE_WEEKEND, Step(text, last, "hesc-r12-2"), alternatives, relied_on)


class _AppealCore:
    """The appeal deadline before ``today`` is considered (shared with the mediation timeline)."""

    __slots__ = ("letter_sent", "certificate_issued", "letter_end", "certificate_end", "raw_end",
                 "governed_by", "last_day", "rule", "steps", "alternatives", "relied_on")

    def __init__(self, letter_sent: date, certificate_issued: date | None, letter_end: date,
                 certificate_end: date | None, raw_end: date, governed_by: str, last_day: date, rule: str,
                 steps: tuple[Step, ...], alternatives: tuple[Alternative, ...], relied_on: date) -> None:
        self.letter_sent = letter_sent
        self.certificate_issued = certificate_issued
        self.letter_end = letter_end
        self.certificate_end = certificate_end
        self.raw_end = raw_end
        self.governed_by = governed_by
        self.last_day = last_day
        self.rule = rule
        self.steps = steps
        self.alternatives = alternatives
        self.relied_on = relied_on


def _appeal_core(letter_sent: date, certificate_issued: date | None) -> _AppealCore:
    """The appeal deadline without reference to today (shared with the mediation timeline).

    HESC Rules r.20(1)(c): within 2 months after the decision letter was sent, or 1 month from the
    issue of the mediation certificate if that is later; then r.12(3)(a) and r.12(2).
    Raises BeyondHolidayDataError (field: the input that sets the time limit) past the data.
    """
    letter_end = add_months(letter_sent, 2)
    steps = [
        Step(f"The decision letter was sent on {long_date(letter_sent)}.", letter_sent, "hesc-r20"),
        _month_step(letter_sent, 2, letter_end, ("hesc-r20",)),
    ]
    certificate_end = None
    governed_by = "letter"
    raw_end = letter_end
    if certificate_issued is not None:
        certificate_end = add_months(certificate_issued, 1)
        steps.append(Step(f"The mediation certificate was issued on {long_date(certificate_issued)}.",
                          certificate_issued, "hesc-r20"))
        steps.append(_month_step(certificate_issued, 1, certificate_end, ("hesc-r20",)))
        if certificate_end > letter_end:
            governed_by = "certificate"
            raw_end = certificate_end
            steps.append(Step(f"That is later than {long_date(letter_end)}, so the certificate sets the "
                              f"time limit. It ends on {long_date(raw_end)}.", raw_end, "hesc-r20"))
        else:
            steps.append(Step(f"That is not later than {long_date(letter_end)}, so the letter sets the "
                              f"time limit. It ends on {long_date(raw_end)}.", raw_end, "hesc-r20"))
    else:
        steps.append(Step(f"With no mediation certificate date, the time limit ends on {long_date(raw_end)}.",
                          raw_end, "hesc-r20"))
    try:
        adjusted = _adjust(raw_end)
    except BeyondHolidayDataError as err:
        field_name = "certificate-issued" if governed_by == "certificate" else "letter-sent"
        raise BeyondHolidayDataError(
            f"We only have bank holiday dates up to {short_date(HOLIDAYS.known_until)}, so we cannot work "
            f"out a deadline that falls after that. Check the dates you entered. If they are right, ask "
            f"the Tribunal or an adviser such as IPSEA to confirm your deadline.",
            field=field_name,
        ) from err
    steps.append(adjusted.step)
    return _AppealCore(letter_sent, certificate_issued, letter_end, certificate_end, raw_end, governed_by,
                       adjusted.last_day, adjusted.rule, tuple(steps), adjusted.alternatives,
                       adjusted.skipped_to)


@dataclass(frozen=True)
class AppealDeadline(Result):
    """The last day for the Tribunal to receive an SEN appeal, with its working.

    ``last_day`` is the answer; ``raw_end`` the end of the period before any
    move; ``rule`` the move applied (``none``, ``weekend-or-bank-holiday``,
    ``christmas-new-year``, ``august``); ``governed_by`` ``letter`` or
    ``certificate`` (``letter`` when both give the same day).
    """

    letter_sent: date
    certificate_issued: date | None
    letter_end: date
    certificate_end: date | None
    raw_end: date
    governed_by: str
    last_day: date
    rule: str
    today: date
    passed: bool
    days_left: int
    days_late: int
    cut_off: str = "5pm"
    contact_adviser_by: date | None = None
    contact_adviser_working_day: date | None = None
    uses_computed_holidays: bool = False
    late_appeal: tuple[Step, ...] = field(default=())


_LATE_APPEAL = (
    Step("The last day has passed, but you can still send your appeal. You must ask the Tribunal to "
         "accept it late.", None, "hesc-r5-r20-4"),
    Step("Say on the form why your appeal is late. If you do not give reasons, the Tribunal will not "
         "accept it.", None, "hesc-r5-r20-4"),
    Step("A common reason the Tribunal accepts is a decision letter that left out something it must tell "
         "you: your right to appeal and the time limit; mediation and how to contact the mediation "
         "adviser; that mediation does not affect your right to appeal; disagreement resolution and the "
         "information, advice and support service (SENDIASS); and, for a decision about a plan, that the "
         "Tribunal can make health and social care recommendations. Check your letter for each of these.",
         None, "hesc-r5-r20-4"),
    Step("Get advice quickly, for example from IPSEA or your local SEND information, advice and support "
         "service (SENDIASS).", None, None),
    Step("Send your appeal as soon as you can. The longer you wait, the harder it is to explain.",
         None, None),
)


def appeal_deadline(
    letter_sent: date, certificate_issued: date | None = None, *, today: date
) -> AppealDeadline:
    """The last day to register an SEN appeal with the First-tier Tribunal.

    HESC Rules r.20(1)(c): the Tribunal must receive the appeal within 2 months
    after the decision letter was sent, or within 1 month from the date the
    mediation certificate was issued, if that is later (months: Interpretation
    Act 1978, Sch 1; Dodds v Walker). Then r.12(3)(a): an end date from
    25 December to 1 January moves to the first working day after 1 January,
    and one in August to the first working day after 31 August; otherwise
    r.12(2): a non-working day (r.1(3)) moves to the next working day.

    Raises FutureDateError, UnsupportedDateError (letter before 21 July 2020,
    when the current rule 12(3) took effect), DateOrderError (certificate before
    letter) or BeyondHolidayDataError.
    """
    _check_date(letter_sent, "letter_sent")
    _check_date(today, "today")
    if certificate_issued is not None:
        _check_date(certificate_issued, "certificate_issued")
    if letter_sent > today:
        raise FutureDateError(
            "The date the decision letter was sent must be today or in the past. "
            "Check the date on the letter.",
            field="letter-sent")
    if letter_sent < CURRENT_RULES_FROM:
        raise UnsupportedDateError(
            "The date the decision letter was sent must be on or after 21 July 2020. The rules for "
            "deadlines in August and over Christmas changed on that day, and we only work out deadlines "
            "under the current rules. For an older decision, get advice from IPSEA or your local SENDIASS.",
            field="letter-sent")
    if certificate_issued is not None:
        if certificate_issued > today:
            raise FutureDateError(
                "The date the mediation certificate was issued must be today or in the past. Check the date "
                "on the certificate.", field="certificate-issued")
        if certificate_issued < letter_sent:
            raise DateOrderError(
                "The date the mediation certificate was issued must be the same as or after the date the "
                "decision letter was sent. Check both dates.", field="certificate-issued")

    core = _appeal_core(letter_sent, certificate_issued)
    last = core.last_day
    passed = today > last
    contact_by = core.letter_end  # reg 33: 2 months after the letter was sent, and no roll-forward
    try:
        contact_working = last_working_day_on_or_before(contact_by)
    except BeyondHolidayDataError:  # cannot happen while the deadline itself is inside the data
        contact_working = None

    steps = list(core.steps)
    steps.append(Step(f"The Tribunal must receive your appeal by {long_date(last)}. Aim for it to arrive "
                      "by 5pm that day.", last, "hesc-r12-1"))

    notes = [
        "The rules say that anything due on a particular day must be done by 5pm. It is not settled "
        "whether this applies to the appeal time limit, so aim for the Tribunal to receive your appeal "
        "by 5pm.",
        "The time limit runs from the day the letter was sent, not the day you received it. We have used "
        "the date you gave. A letter is almost always sent on or after the date printed on it, so that "
        "date is the safe one to use. If the letter has no date, or an email and the letter show different "
        "dates, use the earliest.",
    ]
    contact_note = (f"If you need a mediation certificate, contact the mediation adviser by "
                    f"{long_date(contact_by)}. This date does not move for weekends or bank holidays")
    if contact_working is not None and contact_working != contact_by:
        contact_note += f", so call by {long_date(contact_working)} at the latest"
    contact_note += (". Call well before then: the adviser has up to 3 working days to send the certificate, "
                     "and longer if you choose mediation.")
    notes.append(contact_note)
    holiday_note = computed_holiday_note(core.raw_end, core.relied_on)
    if holiday_note:
        notes.append(holiday_note)

    source_ids = ["hesc-r20", "interpretation-act", "dodds-v-walker"]
    if core.rule in (RULE_CHRISTMAS, RULE_AUGUST) or core.alternatives:
        source_ids.append("hesc-r12-3")
    if core.rule == RULE_WEEKEND:
        source_ids.append("hesc-r12-2")
    source_ids += ["hesc-r1-3", "bfda-1971", "hesc-r12-1", "send-regs-r33"]
    if passed:
        source_ids.append("hesc-r5-r20-4")

    return AppealDeadline(
        letter_sent=letter_sent,
        certificate_issued=certificate_issued,
        letter_end=core.letter_end,
        certificate_end=core.certificate_end,
        raw_end=core.raw_end,
        governed_by=core.governed_by,
        last_day=last,
        rule=core.rule,
        today=today,
        passed=passed,
        days_left=0 if passed else (last - today).days,
        days_late=(today - last).days if passed else 0,
        contact_adviser_by=contact_by,
        contact_adviser_working_day=contact_working,
        uses_computed_holidays=holiday_note is not None,
        late_appeal=_LATE_APPEAL if passed else (),
        steps=tuple(steps),
        sources=cite(*source_ids),
        alternatives=core.alternatives,
        notes=tuple(notes),
    )


# -- disability discrimination claims ------------------------------------------------------------

@dataclass(frozen=True)
class DDClaimDeadline(Result):
    """The last day for a disability discrimination claim against a school, with its working.

    ``last_day`` is the end of the 6 months starting with the conduct;
    ``safe_day`` the last working day on or before it (file by then).
    ``conciliation_last_day`` is the end of the period if it is extended by
    3 months for conciliation (Equality Act 2010, Sch 17 para 4(2)).
    """

    conduct: date
    corresponding_date: date
    last_day: date
    safe_day: date
    conciliation_last_day: date
    today: date
    passed: bool
    days_left: int
    days_late: int
    cut_off: str = "5pm"
    uses_computed_holidays: bool = False
    late_claim: tuple[Step, ...] = field(default=())


_LATE_CLAIM = (
    Step("The last day has passed, but the Tribunal can still decide to hear a late claim.", None,
         "eqa-sch17-4"),
    Step("Explain on the form why the claim is late and why it would be fair to hear it.", None,
         "eqa-sch17-4"),
    Step("Get advice quickly, for example from IPSEA or your local SENDIASS, and send the claim as soon as "
         "you can.", None, None),
)


def _months_minus_a_day(conduct: date, n: int) -> tuple[date, date, Alternative | None]:
    """The end of ``n`` months starting with ``conduct``: the corresponding date, minus a day.

    Where the later month has no corresponding date (31 August + 6 months), the corresponding date
    clamps to the month end; the earlier reading is the day before that, and the other reading (the
    month end itself) is returned as an alternative (law note, open doubt 9).
    """
    corresponding = add_months(conduct, n)
    last = corresponding - _ONE_DAY
    alternative = None
    if corresponding.day != conduct.day:
        month = _MONTH_NAMES[corresponding.month]
        alternative = Alternative(
            corresponding,
            f"There is no {conduct.day} {month} {corresponding.year}, so the period ends on the last day "
            f"of {month}",
            f"Six months starting with {short_date(conduct)} would end the day before {conduct.day} {month}, "
            f"which does not exist. One reading ends the period on {long_date(last)}, the day before the "
            f"last day of {month}; another ends it on {long_date(corresponding)}. No court has decided "
            "this, so we give you the earlier date.",
        )
    return corresponding, last, alternative


def dd_claim_deadline(conduct: date, *, today: date) -> DDClaimDeadline:
    """The last day for a disability discrimination claim against a school's responsible body.

    Equality Act 2010, Sch 17 para 4(1): no claim after the end of 6 months
    starting with the date of the conduct, so the day of the conduct counts and
    the period ends the day before the corresponding date. No Christmas or August
    extension (removed from HESC r.12(3) from 21 July 2020) and no mediation
    certificate. HESC r.12(2) moves only a time "specified by these Rules, a
    practice direction or a direction"; this limit is set by the Equality Act
    (r.20(1)(a)), so the weekend roll-forward probably does not apply:
    ``safe_day`` is the last working day on or before ``last_day``, and the
    rolled-forward date is named only as the less likely reading (law note,
    "Verification of 30 November 2026", doubt 9).

    Raises FutureDateError (conduct after today), UnsupportedDateError (conduct
    before 21 July 2020, under the earlier rules) or BeyondHolidayDataError.
    """
    _check_date(conduct, "conduct")
    _check_date(today, "today")
    if conduct > today:
        raise FutureDateError(
            "The date of the discrimination must be today or in the past. Check the date.", field="conduct")
    if conduct < CURRENT_RULES_FROM:
        raise UnsupportedDateError(
            "The date of the discrimination must be on or after 21 July 2020. The time limit rules for "
            "discrimination claims changed on that day, and we only work out deadlines under the current "
            "rules. For older events, get advice from IPSEA or your local SENDIASS.", field="conduct")

    corresponding, last, month_end_alternative = _months_minus_a_day(conduct, 6)
    _, conciliation_last, _ = _months_minus_a_day(conduct, 9)
    try:
        safe = last_working_day_on_or_before(last)
        rolled = None if is_working_day(last) else working_day_on_or_after(last)
    except BeyondHolidayDataError as err:
        raise BeyondHolidayDataError(
            f"We only have bank holiday dates up to {short_date(HOLIDAYS.known_until)}, so we cannot work "
            "out a deadline that falls after that. Check the date you entered.", field="conduct") from err

    steps = [
        Step(f"The discrimination happened on {long_date(conduct)}.", conduct, "eqa-sch17-4"),
        Step("A claim must be made within 6 months starting with that day. The day itself counts, so the "
             "period ends the day before the same date 6 months later.", None, "eqa-sch17-4"),
    ]
    if month_end_alternative is not None:
        month = _MONTH_NAMES[corresponding.month]
        steps.append(Step(f"Six months later there is no {conduct.day} {month}, so we use the last day of "
                          f"{month}, {long_date(corresponding)}. The day before that is {long_date(last)}.",
                          last, "dodds-v-walker"))
    else:
        steps.append(Step(f"Six months after that is {long_date(corresponding)}, so the last day is "
                          f"{long_date(last)}.", last, "eqa-sch17-4"))
    steps.append(Step("The rules that move appeal deadlines out of August and the Christmas period do not "
                      "apply to discrimination claims.", None, "hesc-r12-3"))
    alternatives: list[Alternative] = []
    if month_end_alternative is not None:
        alternatives.append(month_end_alternative)
    if rolled is None:
        steps.append(Step(f"{long_date(last)} is a working day. The Tribunal must receive your claim by "
                          "then, ideally by 5pm.", last, "hesc-r1-3"))
    else:
        steps.append(Step(
            f"{long_date(last)} is not a working day: it is {non_working_reason(last)}. The Tribunal's rule "
            "that moves a time limit to the next working day covers time limits set by its own rules and "
            "directions. This one is set by the Equality Act, so that rule probably does not apply. Make "
            f"sure the Tribunal receives your claim by {long_date(safe)}, the last working day before.",
            safe, "hesc-r12-2"))
        alternatives.append(Alternative(
            rolled,
            "The time limit moves to the next working day, as it does for appeals",
            "Some read the Tribunal's rule as moving this time limit too, to the next working day "
            f"({long_date(rolled)}). It probably does not: the rule covers time set by the Tribunal's rules "
            f"or directions, and this time limit is set by the Equality Act. Send your claim by "
            f"{long_date(safe)} to be safe.",
        ))

    passed = today > last
    notes = [
        "The law adds 3 months if, before the time limit ends, the dispute is referred to conciliation "
        "arranged under section 27 of the Equality Act 2006 (the time limit would then end on "
        f"{long_date(conciliation_last)}). We know of no such conciliation running now, and ACAS early "
        "conciliation is not it, so do not count on the extra time.",
        "If the discrimination went on over a period, the 6 months start with the last day of that period. "
        "A failure to do something counts from when the decision not to do it was made.",
        "The Tribunal can hear a claim made after the time limit if it decides to. Do not rely on this: "
        "send your claim in time if you can.",
        "Aim for the Tribunal to receive your claim by 5pm.",
    ]
    holiday_note = computed_holiday_note(last, rolled)
    if holiday_note:
        notes.append(holiday_note)
    source_ids = ["eqa-sch17-4", "interpretation-act", "dodds-v-walker", "hesc-r12-3", "hesc-r1-3",
                  "bfda-1971"]
    if rolled is not None:
        source_ids.append("hesc-r12-2")

    return DDClaimDeadline(
        conduct=conduct,
        corresponding_date=corresponding,
        last_day=last,
        safe_day=safe,
        conciliation_last_day=conciliation_last,
        today=today,
        passed=passed,
        days_left=0 if passed else (last - today).days,
        days_late=(today - last).days if passed else 0,
        uses_computed_holidays=holiday_note is not None,
        late_claim=_LATE_CLAIM if passed else (),
        steps=tuple(steps),
        sources=cite(*source_ids),
        alternatives=tuple(alternatives),
        notes=tuple(notes),
    )
