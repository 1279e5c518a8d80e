"""The email to the mediation adviser: asking for a mediation certificate, or for mediation.

The wording is content this library owns, built from the family's answers:

* CFA s.55: before appealing, contact a mediation adviser; only then can a certificate
  be issued (legal reference note section 2.1);
* SEND Regulations 2014, reg 33: contact the adviser within 2 months after the decision
  letter was sent, and say whether you wish to *pursue* mediation (the email uses those
  words, and says what the disagreement is about); reg 34: no mediation wanted, the
  certificate within 3 working days; the rest of Part 2, "Mediation" (regulations 32 to
  42): mediation arranged within 30 days, and the mediator's certificate within 3 working
  days after mediation ends. We have not read the regulation within Part 2 that holds
  those two rules, so the email quotes no regulation number for them (note section 2.2,
  "Verification of 30 November 2026");
* the parent of a child writes about "my child"; a young person over compulsory school
  age appeals in their own right and writes about themselves (CFA s.51(1), s.83(2));
* an appeal only about Section I needs no certificate, but the family may still choose
  mediation; a disability discrimination claim needs neither (note section 2.1).

Every date comes from :func:`sendrules.mediation.mediation_timeline`, run as if the email
were sent ``today``. The names typed by the family are only tidied (spaces, control
characters, length); the caller escapes them for wherever they are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .appeals import DD_TIME_LIMIT, YOUNG_PERSON_APPEALS, _and_list, certificate_needed, get_decision
from .errors import BeyondHolidayDataError, UnknownDecisionError
from .forms import check_not_future, long_date
from .mediation import WORKING_DAY_NOTE, mediation_timeline
from .results import Result, Step
from .sources import cite

__all__ = [
    "APPELLANTS",
    "AdviserEmail",
    "SELECT_APPELLANT",
    "DECISION_WORDS",
    "MAX_DISAGREEMENT_LENGTH",
    "MAX_NAME_LENGTH",
    "adviser_email",
    "tidy_disagreement",
    "tidy_name",
]

#: Who is appealing: the parent of a child, or a young person over compulsory school age (CFA s.51(1),
#: s.83(2)). Past the last Friday in June of the school year in which they turn 16, the appeal is theirs.
APPELLANTS: dict[str, str] = {
    "parent": "A parent, for a child of compulsory school age or younger",
    "young-person": "A young person over compulsory school age: the appeal is theirs, even if a parent helps",
}
SELECT_APPELLANT = "Select whether a parent or a young person is appealing"

#: What the decision is about, as the family would put it in the email ("It is about ...").
DECISION_WORDS: dict[str, str] = {
    "refusal-to-assess": "the council's refusal to carry out an EHC needs assessment",
    "refusal-to-issue": "the council's decision, after an EHC needs assessment, not to issue an EHC plan",
    "plan-contents": "what the final EHC plan says",
    "refusal-to-reassess": "the council's refusal to carry out a re-assessment of the EHC plan",
    "refusal-to-amend": "the council's decision not to amend the EHC plan after a review or re-assessment",
    "cease-to-maintain": "the council's decision to stop the EHC plan (cease to maintain it)",
}

_SECTION_WORDS = {
    "B": "Section B (special educational needs)",
    "F": "Section F (special educational provision)",
    "I": "Section I (the school or college named)",
}

#: Names longer than this are cut: a name is a few words, and the email must stay readable.
MAX_NAME_LENGTH = 80
#: What the disagreement is about, in the family's words: a sentence or two.
MAX_DISAGREEMENT_LENGTH = 600

_SPACES = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

FILL_IN = "Fill in the parts in [square brackets] before you send it."


def _one_line(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    text = _SPACES.sub(" ", _CONTROLS.sub(" ", str(value))).strip()
    return text[:limit].strip() or None


def tidy_name(value: str | None) -> str | None:
    """A typed name on one line: control characters dropped, spaces collapsed, at most 80 characters."""
    return _one_line(value, MAX_NAME_LENGTH)


def tidy_disagreement(value: str | None) -> str | None:
    """What the family disagrees with, tidied like a name, at most 600 characters."""
    return _one_line(value, MAX_DISAGREEMENT_LENGTH)


@dataclass(frozen=True)
class AdviserEmail(Result):
    """An email for the mediation adviser, or why none is needed.

    ``email_needed`` is False for a disability discrimination claim, and for an appeal
    only about Section I when the family does not want mediation: ``subject`` and
    ``body`` are then empty and ``summary`` says why. ``contact_adviser_by`` is the
    regulation 33 limit; ``contact_late`` says today is after it. ``certificate_due``
    is when a certificate should come if the email is sent today and the family does
    not want mediation; ``arrange_by`` when mediation should be arranged if they do.
    ``appellant`` is ``parent`` or ``young-person``; ``disagreement`` the family's own
    words about what they disagree with (None leaves a [square bracket] gap).
    """

    decision: str
    decision_label: str
    sections: tuple[str, ...]
    letter_sent: date
    wants_mediation: bool
    today: date
    certificate_needed: bool
    email_needed: bool
    summary: str
    subject: str
    body: str
    contact_adviser_by: date | None
    contact_late: bool
    certificate_due: date | None
    arrange_by: date | None
    appellant: str = "parent"
    disagreement: str | None = None


def _about(decision: str, sections: tuple[str, ...]) -> str:
    if decision == "plan-contents":
        return f"{DECISION_WORDS[decision]} in {_and_list([_SECTION_WORDS[s] for s in sections])}"
    return DECISION_WORDS[decision]


def _appellant(value: object) -> str:
    key = str(value if value is not None else "").strip().lower()
    if key not in APPELLANTS:
        raise UnknownDecisionError(SELECT_APPELLANT, field="appellant")
    return key


_DISAGREEMENT_GAP = ("[in a sentence or two, what you disagree with: for example, the hours of speech and "
                     "language therapy in Section F]")


def adviser_email(
    decision: str,
    letter_sent: date,
    wants_mediation: bool,
    *,
    sections: tuple[str, ...] | list[str] = (),
    appellant: str = "parent",
    disagreement: str | None = None,
    child_name: str | None = None,
    your_name: str | None = None,
    today: date,
) -> AdviserEmail:
    """The email to send the mediation adviser, built from the family's answers.

    ``decision`` is a key of :data:`sendrules.appeals.DECISIONS`; ``sections`` (B, F, I) only
    for ``plan-contents``. ``letter_sent`` is the date on the decision letter, today or
    earlier. ``appellant`` is ``"parent"`` (the parent of a child, writing about "my
    child") or ``"young-person"`` (over compulsory school age, appealing for themselves;
    ``child_name`` is then not used). ``disagreement`` says what the family disagrees with.
    The names (``child_name``, ``your_name``: the writer's) and the disagreement are
    optional; left out, the email has a [square bracket] gap.

    Raises :class:`~sendrules.errors.UnknownDecisionError` (fields ``decision``,
    ``sections``, ``appellant``), :class:`~sendrules.errors.FutureDateError` or
    :class:`~sendrules.errors.UnsupportedDateError` (field ``letter-sent``).
    """
    if not isinstance(letter_sent, date) or isinstance(letter_sent, datetime):
        raise TypeError(f"letter_sent must be a datetime.date, not {type(letter_sent).__name__}")
    if not isinstance(today, date) or isinstance(today, datetime):
        raise TypeError(f"today must be a datetime.date, not {type(today).__name__}")
    if not isinstance(wants_mediation, bool):
        raise TypeError("wants_mediation must be True or False")
    d = get_decision(decision)
    answer = certificate_needed(d.key, sections)
    who = _appellant(appellant)
    young_person = who == "young-person"
    check_not_future(letter_sent, today=today, field="letter-sent", label="the decision letter was sent")
    child = None if young_person else tidy_name(child_name)
    writer = tidy_name(your_name)
    issues = tidy_disagreement(disagreement)

    base = dict(decision=d.key, decision_label=d.label, sections=answer.sections, letter_sent=letter_sent,
                wants_mediation=wants_mediation, today=today, certificate_needed=answer.needed,
                appellant=who, disagreement=issues)

    if not d.mediation_available:
        summary = ("You do not need to email a mediation adviser. A disability discrimination claim does not "
                   "need a mediation certificate, and mediation is not available for it.")
        return AdviserEmail(
            **base, email_needed=False, summary=summary, subject="", body="", contact_adviser_by=None,
            contact_late=False, certificate_due=None, arrange_by=None,
            steps=answer.steps, sources=answer.sources,
            notes=(f"Send your claim straight to the SEND Tribunal. {DD_TIME_LIMIT}",),
        )

    try:
        timeline = mediation_timeline(today, wants_mediation, letter_sent=letter_sent)
    except BeyondHolidayDataError as err:
        raise BeyondHolidayDataError(err.message.replace("the date you told the mediation adviser",
                                                         "the date on the decision letter"),
                                     field="letter-sent") from err

    steps: list[Step] = list(answer.steps)
    notes: list[str] = []
    source_ids = ["cfa-s55", "send-regs-r33"]
    contact_by = timeline.contact_adviser_by
    late = timeline.told_adviser_late

    if not answer.needed and not wants_mediation:
        summary = ("You do not need to email a mediation adviser. An appeal only about Section I does not "
                   "need a mediation certificate. If you change your mind, you can still ask for mediation.")
        notes.append("If you later add Section B or F to your appeal, you will need a certificate. Then "
                     "contact the mediation adviser.")
        return AdviserEmail(
            **base, email_needed=False, summary=summary, subject="", body="", contact_adviser_by=contact_by,
            contact_late=late, certificate_due=None, arrange_by=None, steps=tuple(steps),
            sources=cite("cfa-s51", "cfa-s55", "govuk-appeal-ehc"), notes=tuple(notes),
        )

    about = _about(d.key, answer.sections)
    if young_person:
        whom = "me"
    else:
        whom = f"my child, {child}" if child else "my child, [your child's name]"
    lines = ["Dear mediation adviser,", ""]
    lines.append(f"I have received a decision from [name of the council] dated {long_date(letter_sent)} "
                 f"about {whom}. It is about {about}.")
    lines.append("")
    lines.append(f"What I disagree with: {issues or _DISAGREEMENT_GAP}")
    lines.append("")
    if young_person:
        lines.append("I am over compulsory school age, so I am making this appeal myself. I intend to appeal "
                     "against this decision to the SEND Tribunal (the First-tier Tribunal, Special "
                     "Educational Needs and Disability).")
    else:
        lines.append("I intend to appeal against this decision to the SEND Tribunal (the First-tier "
                     "Tribunal, Special Educational Needs and Disability).")
    lines.append("")
    certificate_due = arrange_by = None
    if not answer.needed:
        subject = "Request for mediation before a SEND Tribunal appeal about Section I"
        lines.append("My appeal is only about Section I of the plan, so I understand I do not need a "
                     "mediation certificate. I wish to pursue mediation all the same. Please tell the "
                     "council, so that it can arrange mediation. I understand it must do this within 30 "
                     "days.")
        arrange_by = timeline.arrange_by
        source_ids.append("send-regs-mediation")
        summary = ("You do not need a mediation certificate for an appeal only about Section I, but you can "
                   "still ask for mediation. This email asks for it.")
    elif wants_mediation:
        subject = "Mediation and a mediation certificate before a SEND Tribunal appeal"
        lines.append("I wish to pursue mediation. Please tell the council, so that it can arrange mediation. "
                     "I understand it must do this within 30 days. If mediation cannot be arranged in that "
                     "time, please send me a mediation certificate within 3 working days of hearing this.")
        lines.append("")
        lines.append("I understand that when mediation ends, the mediator must send me a mediation "
                     "certificate within 3 working days.")
        arrange_by = timeline.arrange_by
        source_ids.append("send-regs-mediation")
        summary = "You need a mediation certificate. This email says you wish to pursue mediation."
    else:
        subject = "Request for a mediation certificate before a SEND Tribunal appeal"
        lines.append("I do not wish to pursue mediation. Please send me a mediation certificate within 3 "
                     "working days, as regulation 34 of the Special Educational Needs and Disability "
                     "Regulations 2014 requires.")
        certificate_due = timeline.certificate_due
        source_ids.append("send-regs-r34")
        summary = "You need a mediation certificate. This email asks the adviser for it."
    named = writer if young_person else child
    if named:
        subject += f": {named}"
    lines.append("")
    lines.append("Please confirm in writing that you have received this email, and tell me the date you "
                 "expect to " + ("issue the certificate." if answer.needed and not wants_mediation
                                 else "hear back about mediation."))
    lines.append("")
    if late:
        lines.append("I know that regulation 33 asks me to contact you within 2 months after the decision "
                     f"letter was sent, which was by {long_date(contact_by)}. I am contacting you as soon as "
                     "I can, and ask you to deal with this quickly.")
    else:
        lines.append("I am contacting you within 2 months after the decision letter was sent, as "
                     f"regulation 33 requires. That period ends on {long_date(contact_by)}.")
    lines += ["", "Yours sincerely,", "", writer or "[your name]", "[your phone number]",
              "[your date of birth]" if young_person else "[your child's date of birth]"]
    body = "\n".join(lines)

    if certificate_due is not None:
        steps.append(Step("If you send this today and the adviser gets it today, the certificate should come "
                          f"within 3 working days: by {long_date(certificate_due)}.", certificate_due,
                          "send-regs-r34"))
        notes.append(f"If you send this today, the certificate should come by {long_date(certificate_due)}. "
                     "If it does not, chase the adviser in writing.")
    if arrange_by is not None:
        steps.append(Step("If the council hears today, it should arrange mediation within 30 days: by "
                          f"{long_date(arrange_by)}.", arrange_by, "send-regs-mediation"))
    steps.append(Step("You must contact the mediation adviser within 2 months after the decision letter was "
                      f"sent: by {long_date(contact_by)}.", contact_by, "send-regs-r33"))
    if late:
        notes.append(f"The last day to contact the mediation adviser was {long_date(contact_by)}. Send this "
                     "straight away, and get advice from IPSEA or your local SENDIASS: your appeal may also "
                     "be late.")
        source_ids.append("hesc-r5-r20-4")
    notes.append(FILL_IN)
    notes.append("Send it to the mediation adviser named in the council's decision letter. Keep a copy. If "
                 "the letter does not say how to contact a mediation adviser, ask the council in writing: "
                 "the letter must tell you.")
    source_ids.append("send-regs-r32")
    if not issues:
        notes.append("Say what you disagree with in a sentence or two. If health care is part of it, say so: "
                     "the council must then tell the NHS body that pays for it.")
    if young_person:
        notes.append("You are appealing in your own right. A parent or someone else you trust can help you, "
                     "or speak for you if you ask them to.")
    else:
        notes.append(YOUNG_PERSON_APPEALS)
    source_ids += ["cfa-s51", "cfa-s83"]
    notes.append(WORKING_DAY_NOTE)
    return AdviserEmail(
        **base, email_needed=True, summary=summary, subject=subject, body=body, contact_adviser_by=contact_by,
        contact_late=late, certificate_due=certificate_due, arrange_by=arrange_by,
        steps=tuple(steps), sources=cite(*source_ids), notes=tuple(notes),
    )
