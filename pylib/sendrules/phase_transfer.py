"""Phase transfer: when the council must have amended the EHC plan for a move to a new setting.

SEND Regulations 2014, regulation 18:

* 18(1): for a child or young person moving between phases of education, the local
  authority must review and, where necessary, amend the EHC plan (naming the new school
  or college) **before 15 February** in the calendar year of the move, or **before
  31 March** for a move from secondary school to a post-16 institution;
* 18(2): a young person moving from one post-16 institution to another at any other
  time: **at least 5 months before** the move.

"Transfer between phases of education" (regulation 2(1)) covers early years education to
school, infant to junior, primary to middle, primary to secondary, middle to secondary,
and secondary school to a post-16 institution. A post-16 institution is not a school
(CFA s.83(2)): a further education college, a sixth-form college or a specialist post-16
institution. So a move from secondary school into a *school sixth form* is not a phase
transfer, and regulation 18 sets no date for it. That is our reading (medium confidence,
review of 30 November 2026, item 4): the answer for ``secondary-to-school-sixth-form``
gives no date, says to ask for the review early, and names the other reading (31 March)
as an alternative.

How we present "before 15 February": the last day on which the council can lawfully
finish is 14 February. Every answer gives both: ``last_day`` (14 February) and
``must_be_before`` (15 February), and the wording says "before 15 February, so
14 February at the latest".

The year of the move is either given (``transfer_year``: the September the child moves)
or worked out from the date of birth for the usual English year group: the school year
runs 1 September to 31 August, and a child starts Reception in the September after
their 4th birthday (a child born on 1 September starts a year later than one born on
31 August). Year 3 follows 3 years later, Year 7 after 7, Year 12 (post-16) after 12.
Middle schools start and end at different ages in different areas, so moves into or out
of a middle school need the year. A child taught out of their year group gives the year
too, which then takes precedence.

A Tribunal hearing usually comes many months after an appeal is registered (our legal
note gives no reliable figure, so none is promised here); mediation must be arranged
within 30 days (SEND Regulations, Part 2 "Mediation"). :func:`time_before_move`
says whether a move is close enough that time spent on mediation may leave too little
for an appeal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import add_months, long_date, short_date
from .errors import DateOrderError, FutureDateError, InvalidDateError, UnknownDecisionError
from .results import Alternative, Result, Step
from .sources import cite

__all__ = [
    "MEDIATION_ARRANGE_DAYS",
    "NO_FIXED_DATE",
    "PhaseTransfer",
    "TIGHT_IF_MOVE_WITHIN_DAYS",
    "TRANSFERS",
    "TimeBeforeMove",
    "Transfer",
    "UnknownTransferError",
    "normal_transfer_year",
    "phase_transfer_deadline",
    "time_before_move",
]

#: Mediation must be arranged within 30 days of the council hearing that the family wants it
#: (SEND Regulations, Part 2 "Mediation"; law note §2.2).
MEDIATION_ARRANGE_DAYS = 30

#: A move that starts within this many days is treated as close: an appeal registered now
#: may not be heard before the move, so weeks spent on mediation first are costly. A
#: judgement, not a legal rule (the Tribunal gives no fixed hearing time).
TIGHT_IF_MOVE_WITHIN_DAYS = 365

#: The earliest and latest years of a move the calculator accepts.
_FIRST_YEAR = 2015  # regulation 18 has applied to every plan since the 2014 reforms settled in
_YEARS_AHEAD = 25


class UnknownTransferError(UnknownDecisionError):
    """A kind of move the rules do not know, or one given without the date it needs."""


@dataclass(frozen=True)
class Transfer:
    """One kind of move between phases of education."""

    value: str
    label: str
    #: Years after the September the child starts Reception; None when it depends on the area.
    years_after_reception: int | None
    #: (month, day) of the date the amended plan must be finished *before*; None for regulation 18(2).
    before_month_day: tuple[int, int] | None
    #: The phrase a parent would recognise, for the "why" steps.
    moving_to: str
    #: True for a move regulation 18 does not cover at all (into a school sixth form, our reading).
    no_fixed_date: bool = False


TRANSFERS: dict[str, Transfer] = {
    t.value: t
    for t in (
        Transfer("early-years-to-school", "Starting school (from nursery or early years into Reception)",
                 0, (2, 15), "start Reception"),
        Transfer("infant-to-junior", "Infant school to junior school (into Year 3)", 3, (2, 15),
                 "start Year 3 at junior school"),
        Transfer("primary-to-middle", "Primary school to middle school", None, (2, 15),
                 "start middle school"),
        Transfer("primary-to-secondary", "Primary school to secondary school (into Year 7)", 7, (2, 15),
                 "start Year 7 at secondary school"),
        Transfer("middle-to-secondary", "Middle school to secondary school", None, (2, 15),
                 "start secondary school"),
        Transfer("secondary-to-post-16",
                 "Secondary school to a college (into Year 12): a further education college, sixth-form "
                 "college or specialist post-16 institution", 12, (3, 31), "start at a post-16 institution"),
        Transfer("secondary-to-school-sixth-form",
                 "Secondary school to a school sixth form (into Year 12, at the same school or another "
                 "school)", 12, None, "start Year 12 in a school sixth form", no_fixed_date=True),
        Transfer("post-16-to-post-16", "One post-16 setting to another (at any time of year)", None, None,
                 "move to a new post-16 setting"),
    )
}

_STRICT = "before {when} in the calendar year of the move"


def _unknown_transfer(value: object) -> UnknownTransferError:
    valid = ", ".join(TRANSFERS)
    if value is None or str(value).strip() == "":
        return UnknownTransferError(f"Select which move your child is making. Choose one of: {valid}",
                                    field="phase-transfer")
    return UnknownTransferError(f"'{value}' is not a move we know. Choose one of: {valid}",
                                field="phase-transfer")


def get_transfer(value: object) -> Transfer:
    """The :class:`Transfer` named ``value``; raises :class:`UnknownTransferError` listing the valid ones."""
    transfer = TRANSFERS.get(str(value).strip().lower()) if value is not None else None
    if transfer is None:
        raise _unknown_transfer(value)
    return transfer


def reception_year(date_of_birth: date) -> int:
    """The September a child born on ``date_of_birth`` usually starts Reception.

    The English school year runs 1 September to 31 August and a child starts Reception in
    the September after their 4th birthday: born 31 August 2020 → September 2024; born
    1 September 2020 → September 2025 (a child turning 4 on 1 September starts a year later).
    """
    first_school_year = date_of_birth.year if date_of_birth.month >= 9 else date_of_birth.year - 1
    return first_school_year + 5


def normal_transfer_year(transfer: str | Transfer, date_of_birth: date) -> int:
    """The September of the move for a child in their usual year group.

    Reception after the 4th birthday (+0), Year 3 after the 7th (+3), Year 7 after the
    11th (+7), Year 12 after the 16th (+12). Moves whose age varies by area (into or out of
    a middle school, between post-16 settings) raise :class:`UnknownTransferError`:
    the year must be given.
    """
    t = transfer if isinstance(transfer, Transfer) else get_transfer(transfer)
    if t.years_after_reception is None:
        raise UnknownTransferError(
            f"The age for the move '{t.value}' differs from area to area, so we cannot work it out "
            "from the date of birth. Enter the year of the move instead",
            field="transfer-year",
        )
    return reception_year(date_of_birth) + t.years_after_reception


@dataclass(frozen=True)
class TimeBeforeMove(Result):
    """Whether the move is close enough that mediation first may cost the appeal time it needs."""

    tight: bool
    moved_already: bool
    move_starts: date
    days_to_move: int
    days_to_last_day: int | None
    mediation_arranged_by: date


@dataclass(frozen=True)
class PhaseTransfer(Result):
    """The date by which the council must have reviewed and amended the plan for a move.

    ``last_day`` is the last day the amended plan can lawfully be finished;
    ``must_be_before`` is the date the law names ("before 15 February"). For a move
    regulation 18 does not cover (``fixed_date`` False: into a school sixth form), both are
    None, ``days_left`` is None, ``passed`` is False, and ``alternatives`` names the other
    reading.
    """

    transfer: str
    transfer_label: str
    transfer_year: int
    year_from: str  # "date-of-birth", "transfer-year" or "move-date"
    move_starts: date
    last_day: date | None
    must_be_before: date | None
    statutory_wording: str
    days_left: int | None
    passed: bool
    time: TimeBeforeMove
    normal_year: int | None = None
    fixed_date: bool = True


def _check_year(year: object, *, today: date) -> int:
    text = str(year).strip() if year is not None else ""
    if not text.isdigit() or len(text) != 4:
        raise InvalidDateError("Enter the year of the move as 4 numbers, for example 2027",
                               field="transfer-year")
    value = int(text)
    latest = today.year + _YEARS_AHEAD
    if not _FIRST_YEAR <= value <= latest:
        raise InvalidDateError(
            f"The year of the move must be between {_FIRST_YEAR} and {latest}", field="transfer-year"
        )
    return value


def time_before_move(move_starts: date, last_day: date | None, *, today: date) -> TimeBeforeMove:
    """Is there time for mediation and then an appeal before the move? (reg 18; Part 2 "Mediation").

    Mediation must be arranged within :data:`MEDIATION_ARRANGE_DAYS` days of asking for it.
    A hearing usually comes many months after an appeal is registered. We call the time
    *tight* when the move has not started and starts within
    :data:`TIGHT_IF_MOVE_WITHIN_DAYS` days of ``today``: then an appeal started now may
    not be decided before the move, and every week spent on mediation first is a week less.
    """
    days_to_move = (move_starts - today).days
    days_to_last_day = None if last_day is None else (last_day - today).days
    moved_already = days_to_move <= 0
    tight = not moved_already and days_to_move <= TIGHT_IF_MOVE_WITHIN_DAYS
    arranged_by = today + timedelta(days=MEDIATION_ARRANGE_DAYS)
    steps = [
        Step(f"The move starts on {long_date(move_starts)}.", on=move_starts),
        Step(
            f"If you asked for mediation today, it should be arranged within {MEDIATION_ARRANGE_DAYS} "
            f"days, by {long_date(arranged_by)}.",
            on=arranged_by,
            source_id="send-regs-mediation",
        ),
    ]
    if moved_already:
        steps.append(Step("The move has already started, so it no longer sets a fixed date for you."))
    elif tight:
        steps.append(Step(
            f"The move is {days_to_move} days away. A Tribunal hearing usually takes many months to "
            "arrange after an appeal is registered, so an appeal started now may not be decided before "
            "the move. Time spent on mediation first makes that more likely."
        ))
    else:
        steps.append(Step(
            f"The move is {days_to_move} days away, more than a year. There is time to try mediation "
            "and still appeal, if you keep to your appeal deadline."
        ))
    return TimeBeforeMove(
        tight=tight,
        moved_already=moved_already,
        move_starts=move_starts,
        days_to_move=days_to_move,
        days_to_last_day=days_to_last_day,
        mediation_arranged_by=arranged_by,
        steps=tuple(steps),
        sources=cite("send-regs-mediation", "send-regs-r18"),
    )


def phase_transfer_deadline(
    transfer: str,
    *,
    transfer_year: int | str | None = None,
    date_of_birth: date | None = None,
    move_date: date | None = None,
    today: date,
) -> PhaseTransfer:
    """The last day the council can finish reviewing and amending the plan for a move.

    SEND Regulations 2014, regulation 18(1): before 15 February in the calendar year of
    the move (before 31 March for secondary school to a post-16 institution); regulation
    18(2): at least 5 months before a move between post-16 institutions at another time.
    A move into a school sixth form is not a phase transfer (regulation 2(1); CFA s.83(2)):
    no date, and the 31 March reading named as an alternative (our reading, medium
    confidence).

    Give ``transfer_year`` (the September the child moves) or ``date_of_birth`` (the year
    is then worked out for the usual year group). If both are given, ``transfer_year`` wins
    and a note says what the usual year would have been. For ``"post-16-to-post-16"``
    give ``move_date`` instead.
    """
    t = get_transfer(transfer)
    if date_of_birth is not None and date_of_birth > today:
        raise FutureDateError("The date of birth must be today or in the past", field="date-of-birth")

    steps: list[Step] = []
    notes: list[str] = []
    normal_year: int | None = None

    alternatives: list[Alternative] = []
    source_ids = ["send-regs-r18"]
    last_day: date | None
    must_be_before: date | None
    if t.before_month_day is None and not t.no_fixed_date:
        # Regulation 18(2): at least 5 months before a move between post-16 settings.
        if move_date is None:
            raise UnknownTransferError(
                "Enter the date of the move between post-16 settings", field="move-date"
            )
        year = move_date.year
        _check_year(year, today=today)
        move_starts = move_date
        last_day = add_months(move_date, -5)
        must_be_before = last_day + timedelta(days=1)
        wording = "at least 5 months before the move"
        year_from = "move-date"
        steps.append(Step(f"The move between post-16 settings is on {long_date(move_date)}.", on=move_date))
        steps.append(Step(
            "For a move between post-16 settings at a time other than the usual phase transfer, the "
            "council must review and amend the plan at least 5 months before the move.",
            source_id="send-regs-r18",
        ))
        steps.append(Step(
            f"5 calendar months before {long_date(move_date)} is {long_date(last_day)}, the last day.",
            on=last_day,
        ))
    else:
        if move_date is not None:
            raise DateOrderError(
                "Enter the year of the move or the date of birth, not a move date: a move date is only "
                "used for a move between post-16 settings",
                field="move-date",
            )
        if date_of_birth is not None and t.years_after_reception is not None:
            normal_year = normal_transfer_year(t, date_of_birth)
        if transfer_year is not None and str(transfer_year).strip() != "":
            year = _check_year(transfer_year, today=today)
            year_from = "transfer-year"
            steps.append(Step(f"You told us the move is in September {year}."))
            if normal_year is not None and normal_year != year:
                notes.append(
                    f"Children born on that date usually make this move in September {normal_year}. "
                    f"We have used September {year}, the year you gave, which is right for a child "
                    "taught out of their usual year group."
                )
        elif date_of_birth is not None:
            year = normal_transfer_year(t, date_of_birth)
            year_from = "date-of-birth"
            reception = reception_year(date_of_birth)
            steps.append(Step(
                f"A child born on {long_date(date_of_birth)} usually starts Reception in September "
                f"{reception}: the school year runs from 1 September to 31 August, and children start "
                "Reception in the September after they turn 4.",
            ))
            if t.years_after_reception:
                steps.append(Step(
                    f"To {t.moving_to} they move {t.years_after_reception} years later, in September {year}."
                ))
            notes.append(
                "If your child is taught out of their usual year group, enter the year of the move instead."
            )
        else:
            raise InvalidDateError(
                "Enter your child's date of birth or the year of the move", field="transfer-year"
            )
        move_starts = date(year, 9, 1)
        if t.no_fixed_date:
            last_day = must_be_before = None
            wording = NO_FIXED_DATE
            steps += _school_sixth_form_steps(year)
            alternatives.append(_school_sixth_form_alternative(year))
            notes.append("This is our reading of the law. If you are not sure, ask IPSEA or your local "
                         "SENDIASS.")
            source_ids = ["send-regs-r2", "send-regs-r18", "cfa-s83"]
        else:
            month, day = t.before_month_day
            must_be_before = date(year, month, day)
            last_day = must_be_before - timedelta(days=1)
            when = short_date(must_be_before).rsplit(" ", 1)[0]  # "15 February"
            wording = _STRICT.format(when=when)
            steps.append(Step(
                f"For this move the council must review the plan and finish any changes, including naming "
                f"the new school or college, {wording}.",
                source_id="send-regs-r18",
            ))
            steps.append(Step(
                f"The move is in September {year}, so the amended plan must be finished before "
                f"{long_date(must_be_before)}: {long_date(last_day)} at the latest.",
                on=last_day,
            ))

    days_left = None if last_day is None else (last_day - today).days
    passed = last_day is not None and today > last_day
    time = time_before_move(move_starts, last_day, today=today)
    if last_day is None:
        if time.moved_already:
            steps.append(Step("The move has already started. If your child has another move coming up, "
                              "choose that move instead."))
        else:
            steps.append(Step(f"The move is {time.days_to_move} days from today."))
    elif time.moved_already:
        steps.append(Step(
            "That day and the move itself have passed. If your child has another move coming up, "
            "choose that move instead."
        ))
    elif passed and days_left is not None:
        steps.append(Step(
            f"That day has passed ({-days_left} days ago). If you do not have the final amended plan "
            "naming the new setting, ask the council for it in writing and get advice from IPSEA or "
            "your local SENDIASS."
        ))
    else:
        steps.append(Step(f"That is {days_left} days from today."))
    if t.value == "early-years-to-school":
        notes.append(
            "Some children start Reception later, or in a different year. If so, enter the year of the move."
        )
    return PhaseTransfer(
        transfer=t.value,
        transfer_label=t.label,
        transfer_year=year,
        year_from=year_from,
        move_starts=move_starts,
        last_day=last_day,
        must_be_before=must_be_before,
        statutory_wording=wording,
        days_left=days_left,
        passed=passed,
        time=time,
        normal_year=normal_year,
        fixed_date=last_day is not None,
        steps=tuple(steps),
        sources=cite(*source_ids),
        alternatives=tuple(alternatives),
        notes=tuple(notes),
    )


#: What the law says about the date for a move into a school sixth form, on our reading.
NO_FIXED_DATE = "no fixed date for a move into a school sixth form"


def _school_sixth_form_steps(year: int) -> list[Step]:
    return [
        Step("A move from secondary school into a school sixth form is not a \"transfer between phases of "
             "education\" as regulation 2 defines it. The last kind it lists is secondary school to a "
             "post-16 institution, and a school sixth form is part of a school, not a post-16 institution.",
             source_id="send-regs-r2"),
        Step("So, on our reading, the law sets no date by which the council must amend the plan for this "
             "move. The 31 March date is for a move to a college: a further education college, sixth-form "
             "college or specialist post-16 institution.", source_id="send-regs-r18"),
        Step(f"Ask the council in writing to review the plan early, so that the sixth form is named well "
             f"before September {year}."),
    ]


def _school_sixth_form_alternative(year: int) -> Alternative:
    before = date(year, 3, 31)
    last = before - timedelta(days=1)
    return Alternative(
        last,
        "The 31 March date applies to a move into a school sixth form too",
        f"Some treat any move into Year 12 as a phase transfer. On that reading the plan must be amended "
        f"before {long_date(before)}: by {long_date(last)} at the latest. We do not think the law says so, "
        "but asking the council to meet that date does no harm.",
    )


# ---------------------------------------------------------------------------
# Command line: ``sendrules phase-transfer`` (registered in sendrules.cli.COMMANDS)
# ---------------------------------------------------------------------------


def add_cli_arguments(parser) -> None:
    """Options for ``sendrules phase-transfer``."""
    from .cli import add_today

    parser.add_argument("--transfer", required=True, metavar="{" + ",".join(TRANSFERS) + "}",
                        help="the move your child is making (secondary-to-post-16 is a move to a college; "
                             "secondary-to-school-sixth-form a move into a school sixth form)")
    parser.add_argument("--transfer-year", metavar="YYYY", help="the September your child moves")
    parser.add_argument("--date-of-birth", metavar="YYYY-MM-DD",
                        help="your child's date of birth (to work out the year of the move)")
    parser.add_argument("--move-date", metavar="YYYY-MM-DD",
                        help="for post-16-to-post-16 only: the date of the move")
    add_today(parser)


def run_cli(args):
    """Run ``sendrules phase-transfer``: the last day first, then the working."""
    from .cli import Answer, read_date, today_from

    today = today_from(args)
    result = phase_transfer_deadline(
        args.transfer,
        transfer_year=args.transfer_year,
        date_of_birth=read_date(args.date_of_birth, field="date-of-birth", label="of birth"),
        move_date=read_date(args.move_date, field="move-date", label="of the move"),
        today=today,
    )
    if result.last_day is None:
        headline = [
            "No fixed date: on our reading, the law sets no date for the council to amend the plan for a "
            "move into a school sixth form.",
            f"Ask the council in writing to review the plan early, well before September "
            f"{result.transfer_year}.",
        ]
        return Answer(result, tuple(headline))
    headline = [
        f"The council must finish amending the plan by: {long_date(result.last_day)}",
        f"The law says {result.statutory_wording}.",
    ]
    if result.time.moved_already:
        headline.append("The move has already started.")
    elif result.passed:
        headline.append(f"That day has passed (today is {long_date(today)}).")
    else:
        headline.append(f"That is {result.days_left} days from today.")
    return Answer(result, tuple(headline))
