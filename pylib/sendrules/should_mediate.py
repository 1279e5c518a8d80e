"""Should you try mediation before appealing, or go straight to the Tribunal?

A recommendation with its reasons, never a bare verdict. It follows a widely used
decision framework for SEND disputes and the law in our legal reference note:

* mediation is most likely to help when the disagreement is narrow (needs and the kind
  of help agreed, only the amount or frequency in dispute), the council has negotiated
  in good faith before, and no fixed date is close;
* going straight to the Tribunal makes more sense when the council has a record of
  missing deadlines or ignoring agreements, when the disagreement is about the child's
  needs or the school itself, or when a phase transfer is close
  (SEND Regulations 2014, regulation 18; see :mod:`sendrules.phase_transfer`);
* in every case: a mediation certificate is needed for most appeals (Children and
  Families Act 2014, section 55), except an appeal only about Section I, where
  mediation is still possible but optional (:func:`sendrules.appeals.certificate_needed`);
  mediation is confidential; an agreement must be specific (SEND Code of Practice 9.69);
  and mediation does not stop the appeal clock, except that a certificate issued later
  gives 1 month from its date (HESC Rules, rule 20(1)(c));
* health and social care can be mediated when they concern what a plan provides (SEND
  Regulations, regulation 32 and Part 2 "Mediation"), but the Tribunal can only make
  non-binding recommendations on them, in an appeal with an education ground, and none
  on a refusal to assess (SEND (First-tier Tribunal Recommendations Power) Regulations
  2017). On a refusal to assess there is no plan yet, so neither route deals with them;
* a mediation agreement can change the school or college named: the council must then
  act as if the Tribunal had ordered it (SEND Regulations, regulations 42 and 44).

The framework is a way to weigh the answers, not a rule: IPSEA, for one, is neutral on
which route to take. The words say "your answers point to ...", never "you must".

Which question comes next on a page is the page's business; every decision is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .calendar import long_date, short_date
from .errors import UnknownDecisionError
from .forms import check_not_future
from .phase_transfer import TRANSFERS, PhaseTransfer, phase_transfer_deadline
from .results import Result, Step
from .sources import cite

__all__ = [
    "ABOUT",
    "CAUTION_IDS",
    "Caution",
    "LA_RECORD",
    "MediationAdvice",
    "MediationAnswers",
    "PHASE_TRANSFER_NONE",
    "QUESTIONS",
    "Question",
    "Reason",
    "RECOMMENDATIONS",
    "UnknownAnswerError",
    "YOUR_CHOICE",
    "should_i_mediate",
]

DEADLINE_PAGE = "appeal-deadline"
OFFER_CHECK_PAGE = "check-the-offer"
PHASE_TRANSFER_NONE = "none"


class UnknownAnswerError(UnknownDecisionError):
    """An answer that is missing, or not one of the choices the question offers."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str | None = None


@dataclass(frozen=True)
class Question:
    """One question of the flow: its form field name, the question, and its choices."""

    name: str
    legend: str
    hint: str | None
    options: tuple[Option, ...]
    select_message: str  # the GOV.UK "Select ..." message when nothing is chosen

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)


ABOUT = Question(
    "about",
    "What do you and the council disagree about?",
    "Choose the one that fits best.",
    (
        Option("amounts", "How much help, or how often",
               "You agree on your child's needs and the kind of help, but not the hours, sessions "
               "or frequency."),
        Option("needs", "What your child's needs are",
               "For example, needs missing from Section B, or described wrongly."),
        Option("placement", "Only the school or college",
               "The school, college or type of setting named in Section I, or that none is named."),
        Option("assessment", "Whether to assess your child or issue a plan at all",
               "The council refused an EHC needs assessment, or assessed and refused to issue a plan."),
    ),
    "Select what you and the council disagree about",
)

LA_RECORD = Question(
    "la-record",
    "How has the council dealt with you so far?",
    None,
    (
        Option("good-faith", "It has negotiated fairly and kept to what it agreed"),
        Option("poor", "It has missed deadlines, broken the rules or ignored what it agreed"),
        Option("unknown", "I do not know yet"),
    ),
    "Select how the council has dealt with you so far",
)

PHASE_TRANSFER = Question(
    "phase-transfer",
    "Is your child due to move to a new school or college?",
    "For most moves the council must settle the plan by a fixed date. A school sixth form and a sixth-form "
    "college are different: a sixth-form college is a college.",
    (
        Option(PHASE_TRANSFER_NONE, "No move coming up"),
        *(Option(t.value, t.label) for t in TRANSFERS.values()
          if t.before_month_day is not None or t.no_fixed_date),
    ),
    "Select whether your child is due to move to a new school or college",
)

HEALTH_SOCIAL_CARE = Question(
    "health-social-care",
    "Is the disagreement also about health or social care?",
    "For example, therapy the NHS provides, or care and short breaks from social care.",
    (Option("yes", "Yes"), Option("no", "No")),
    "Select yes if the disagreement is also about health or social care",
)

#: The questions, in the order the page asks them.
QUESTIONS: tuple[Question, ...] = (ABOUT, LA_RECORD, PHASE_TRANSFER, HEALTH_SOCIAL_CARE)

#: Recommendation value -> the words a parent sees: what the answers point to, never an order.
RECOMMENDATIONS: dict[str, str] = {
    "mediation-worth-trying": "Your answers point to trying mediation first",
    "go-straight-to-tribunal": "Your answers point to going straight to the Tribunal",
    "either": "Your answers point both ways: it is your choice",
}

#: Said with every recommendation (review item 13: things to weigh, not a rule).
YOUR_CHOICE = ("This weighs your answers. It is not a rule, and the choice is yours. IPSEA or your local "
               "SENDIASS can talk it through with you.")

#: The cautions every answer carries, by id.
CAUTION_IDS = ("certificate", "vague-provision", "confidential", "appeal-clock")

# ``about`` -> the sections of a final plan a contents appeal would be about.
_SECTIONS_FOR = {"amounts": ("F",), "needs": ("B", "F"), "placement": ("I",)}
_ASSESSMENT_DECISIONS = ("refusal-to-assess", "refusal-to-issue", "refusal-to-reassess")


@dataclass(frozen=True)
class MediationAnswers:
    """The answers to the question flow.

    ``about``: one of :data:`ABOUT` values; ``la_record``: one of :data:`LA_RECORD` values;
    ``phase_transfer``: ``"none"`` or a move from :data:`sendrules.phase_transfer.TRANSFERS`,
    with ``transfer_year`` or ``date_of_birth``; ``health_social_care``: ``"yes"``/``"no"``
    or a bool; ``decision``: optional, a key of :data:`sendrules.appeals.DECISIONS`;
    ``letter_sent``: optional, the date on the decision letter.
    """

    about: str | None
    la_record: str | None
    phase_transfer: str | None = PHASE_TRANSFER_NONE
    transfer_year: int | str | None = None
    date_of_birth: date | None = None
    health_social_care: bool | str | None = False
    decision: str | None = None
    letter_sent: date | None = None


@dataclass(frozen=True)
class Reason:
    """One reason, tied to the question and answer it comes from, and which way it points."""

    question: str
    answer: str
    leans: str  # "mediation", "tribunal" or "neither"
    text: str
    source_id: str | None = None


@dataclass(frozen=True)
class Caution:
    """Something to keep in mind whichever route is taken. ``link`` is a page name, if any."""

    id: str
    text: str
    link: str | None = None
    link_text: str | None = None


@dataclass(frozen=True)
class MediationAdvice(Result):
    """A recommendation with its reasons, cautions, the certificate answer and the deadline link."""

    recommendation: str
    label: str
    summary: str
    reasons: tuple[Reason, ...]
    cautions: tuple[Caution, ...]
    certificate_needed: bool | None
    certificate: object | None  # sendrules.appeals.CertificateAnswer
    decision_assumed: bool
    phase_transfer: PhaseTransfer | None
    letter_sent: date | None
    deadline_page: str
    deadline_query: str


def _choice(question: Question, value: object) -> str:
    text = str(value).strip().lower() if value is not None else ""
    if not text:
        raise UnknownAnswerError(question.select_message, field=question.name)
    if text not in question.values:
        raise UnknownAnswerError(
            f"'{value}' is not an answer to \"{question.legend}\" "
            f"Choose one of: {', '.join(question.values)}",
            field=question.name,
        )
    return text


def _yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    return _choice(HEALTH_SOCIAL_CARE, value) == "yes"


def _certificate(about: str, decision: str | None):
    """The answer of :func:`sendrules.appeals.certificate_needed`, and whether the decision was assumed."""
    from .appeals import certificate_needed, get_decision

    if decision is not None and str(decision).strip():
        d = get_decision(decision)
        if d.route != "sen-appeal":
            raise UnknownAnswerError(
                "Mediation about EHC decisions is not available for a disability discrimination claim. "
                "Choose the council's EHC decision you want to challenge",
                field="decision",
            )
        if d.takes_sections:
            if about == "assessment":
                raise UnknownAnswerError(
                    "You said the disagreement is about whether to assess or issue a plan, but chose a "
                    "decision about what a final plan says. Choose the decision your letter is about, "
                    "such as refusal-to-assess or refusal-to-issue",
                    field="decision",
                )
            return certificate_needed(d.key, _SECTIONS_FOR[about]), False
        return certificate_needed(d.key), False
    if about in _SECTIONS_FOR:
        return certificate_needed("plan-contents", _SECTIONS_FOR[about]), True
    # Whether to assess or issue a plan: we cannot tell which decision without the letter.
    return None, True


def _assessment_certificate_needed() -> bool | None:
    """Needed for every decision "whether to assess or issue a plan" can mean, or None if they differ."""
    from .appeals import certificate_needed

    answers = {certificate_needed(key).needed for key in _ASSESSMENT_DECISIONS}
    return answers.pop() if len(answers) == 1 else None


def _about_reason(about: str, certificate) -> Reason:
    if about == "amounts":
        return Reason("about", about, "mediation",
                      "The disagreement is narrow: you agree with the council on your child's needs and the "
                      "kind of help, and differ on how much or how often. This is where mediation most "
                      "often leads to an agreement.")
    if about == "needs":
        return Reason("about", about, "tribunal",
                      "You disagree about your child's needs themselves. That is a basic disagreement. A "
                      "mediator cannot decide it; the Tribunal can, and can order the plan to be changed.",
                      "cfa-s51")
    if about == "placement":
        text = ("You disagree about the school or college. That is a basic disagreement. A mediator cannot "
                "decide it, but the council can agree in mediation to name a different school or college. "
                "It must then change the plan as if the Tribunal had ordered it: within 2 weeks for a change "
                "to the school or college alone. If the council will not agree, the Tribunal can order it.")
        if certificate is not None and not certificate.needed:
            text += (" For an appeal only about the school or college you do not need a mediation "
                     "certificate, but you can still ask for mediation if you want it.")
        return Reason("about", about, "tribunal", text, "send-regs-r42")
    return Reason("about", about, "neither",
                  "You disagree about whether the council should assess your child or issue a plan at all. "
                  "Mediation can help if you have evidence the council has not yet seen, but the mediator "
                  "cannot make the council change its mind. The Tribunal can order it to.",
                  "cfa-s51")


def _record_reason(record: str) -> Reason:
    if record == "good-faith":
        return Reason("la-record", record, "mediation",
                      "The council has negotiated fairly before and kept to what it agreed, so an "
                      "agreement reached in mediation is likely to be honoured.")
    if record == "poor":
        return Reason("la-record", record, "tribunal",
                      "The council has missed deadlines, broken the rules or ignored what it agreed. "
                      "Mediation depends on the council's goodwill; a Tribunal order does not.")
    return Reason("la-record", record, "neither",
                  "You do not yet know how the council behaves in a negotiation. If you try mediation, "
                  "decide in advance what you must have, and be ready to appeal if you do not get it.")


def _phase_reason(transfer: str, pt: PhaseTransfer | None) -> Reason:
    if pt is None or pt.time.moved_already:
        text = "No move to a new school or college is coming up, so no fixed date is pushing you."
        if pt is not None:
            text = "The move you chose has already happened, so it does not set a fixed date for you now."
        return Reason("phase-transfer", transfer, "mediation", text)
    when = f"September {pt.transfer_year}"
    if pt.last_day is None:
        # Into a school sixth form: no regulation 18 date (our reading; sendrules.phase_transfer).
        text = (f"Your child is due to move in {when}, {pt.time.days_to_move} days from now. For a move "
                "into a school sixth form the law sets no date for the council to amend the plan (our "
                "reading), so ask it in writing to review the plan early.")
        if pt.time.tight:
            text += (" A Tribunal hearing usually takes many months to arrange, so weeks spent on mediation "
                     "first could mean the appeal is not decided before the move.")
            return Reason("phase-transfer", transfer, "tribunal", text, "send-regs-r2")
        text += (" The move is more than a year away: there is time to try mediation and still appeal, as "
                 "long as you keep to your appeal deadline.")
        return Reason("phase-transfer", transfer, "mediation", text, "send-regs-r2")
    if pt.time.tight:
        text = (f"Your child is due to move in {when}, {pt.time.days_to_move} days from now. The council "
                f"must settle the plan, naming the new school or college, before "
                f"{short_date(pt.must_be_before)}: by {long_date(pt.last_day)} at the latest. A Tribunal "
                "hearing usually takes many months to arrange, so weeks spent on mediation first could "
                "mean the appeal is not decided before the move.")
        if pt.passed:
            text += (" The date for the amended plan has passed. If you do not have the final amended plan, "
                     "ask the council for it in writing and get advice now.")
        return Reason("phase-transfer", transfer, "tribunal", text, "send-regs-r18")
    return Reason("phase-transfer", transfer, "mediation",
                  f"Your child is due to move in {when}, more than a year away. There is time to try "
                  "mediation and still appeal, as long as you keep to your appeal deadline.",
                  "send-regs-r18")


def _health_reason(about: str, certificate, decision: str | None) -> Reason:
    refusal_to_assess = (certificate is not None and certificate.decision == "refusal-to-assess") or (
        about == "assessment" and not decision
    )
    if certificate is not None and certificate.decision == "refusal-to-assess":
        return Reason("health-social-care", "yes", "neither",
                      "On an appeal against a refusal to assess, the Tribunal cannot make any "
                      "recommendations about health or social care. Mediation with the NHS or social care "
                      "is about what an EHC plan provides, and there is no plan yet. So neither route "
                      "settles health or social care now. Raise those needs with the NHS body or the "
                      "council's social care team.",
                      "recommendations-regs")
    text = ("Health and social care can be talked through in mediation, with the NHS body or social care "
            "there too. The Tribunal can only make recommendations about them, which are not binding, and "
            "only as part of an appeal that is also about education.")
    if refusal_to_assess:
        text += (" If the council refused to assess, the Tribunal cannot make those recommendations at all, "
                 "and with no plan yet there is no health or social care provision to mediate about.")
    return Reason("health-social-care", "yes", "neither", text, "recommendations-regs")


def _cautions(certificate, letter_sent: date | None) -> tuple[Caution, ...]:
    if certificate is not None and not certificate.needed:
        cert = ("You do not need a mediation certificate for an appeal only about the school or college. If "
                "you might also challenge Section B or F, you will need one for that: contact the mediation "
                "adviser in time. It is one phone call or email.")
    else:
        cert = ("Your appeal needs a mediation certificate, whichever route you choose. It is one phone call "
                "or email to the mediation adviser named in the council's letter. If you say you do not "
                "wish to pursue mediation, it should arrive within 3 working days. If you are still "
                "deciding, do not say no to mediation just to get the certificate: tell the adviser you are "
                "thinking about it, or get advice first. You can change your mind.")
    clock = ("Mediation does not stop the clock on your appeal. Your last day is 2 months after the decision "
             "letter was sent, or 1 month after the certificate is issued if that is later. Keep that date "
             "in view the whole time.")
    if letter_sent is not None:
        clock += f" Your letter is dated {long_date(letter_sent)}."
    return (
        Caution("certificate", cert, "mediation-certificate", "How to get a mediation certificate"),
        Caution("vague-provision",
                "Never accept vague help in an agreement, such as \"access to\" support or \"regular\" "
                "sessions. It should say what the help is, who gives it, and how much and how often.",
                OFFER_CHECK_PAGE, "Check the council's wording"),
        Caution("confidential",
                "Mediation is confidential. Nothing said there can be used as evidence at the Tribunal, "
                "including anything the council admits."),
        Caution("appeal-clock", clock, DEADLINE_PAGE, "Work out your last day to appeal"),
    )


def should_i_mediate(answers: MediationAnswers, *, today: date) -> MediationAdvice:
    """Recommend mediation first, going straight to the Tribunal, or either, with reasons.

    The framework (see the module docstring): narrow dispute + council acting in good faith
    + no close fixed date → mediation is worth trying; a council with a poor record, a
    dispute about needs or the school, or a close phase transfer (SEND Regulations 2014,
    regulation 18) → go straight to the Tribunal; anything else → either. The certificate
    answer comes from :func:`sendrules.appeals.certificate_needed` (CFA 2014, section 55).

    Raises :class:`UnknownAnswerError` (field named after the question) for a missing or
    unknown answer, and the errors of :func:`sendrules.phase_transfer.phase_transfer_deadline`.
    """
    about = _choice(ABOUT, answers.about)
    record = _choice(LA_RECORD, answers.la_record)
    transfer_value = answers.phase_transfer if answers.phase_transfer is not None else PHASE_TRANSFER_NONE
    transfer = _choice(PHASE_TRANSFER, transfer_value)
    health = _yes_no(answers.health_social_care)
    letter_sent = answers.letter_sent
    if letter_sent is not None:
        check_not_future(letter_sent, today=today, field="letter-sent", label="on the decision letter")

    certificate, assumed = _certificate(about, answers.decision)
    pt = None
    if transfer != PHASE_TRANSFER_NONE:
        pt = phase_transfer_deadline(transfer, transfer_year=answers.transfer_year,
                                     date_of_birth=answers.date_of_birth, today=today)

    reasons = [_about_reason(about, certificate), _record_reason(record), _phase_reason(transfer, pt)]
    if health:
        reasons.append(_health_reason(about, certificate, answers.decision))

    to_tribunal = [r for r in reasons if r.leans == "tribunal"]
    narrow = about == "amounts"
    fair = record == "good-faith"
    if to_tribunal:
        recommendation = "go-straight-to-tribunal"
        summary = ("If you go straight to the Tribunal, ask the mediation adviser for your certificate and "
                   "appeal without waiting for mediation. You can still talk to the council after you "
                   "appeal.")
        if certificate is not None and not certificate.needed:
            summary = ("If you go straight to the Tribunal, you can appeal without waiting for mediation. "
                       "You can still talk to the council after you appeal.")
    elif narrow and fair:
        recommendation = "mediation-worth-trying"
        summary = ("If you try mediation, ask for it when you contact the mediation adviser. If the "
                   "council's offer is not specific enough, take your certificate and appeal.")
    else:
        recommendation = "either"
        summary = ("Nothing here points strongly one way. If you try mediation, keep your appeal deadline in "
                   "view and be ready to appeal if the council's offer is not good enough.")

    labels = {(q.name, o.value): o.label for q in QUESTIONS for o in q.options}
    steps = [Step(f"You said: {labels[(r.question, r.answer)]}. {r.text}", source_id=r.source_id)
             for r in reasons]
    if to_tribunal:
        steps.append(Step("At least one answer points to going straight to the Tribunal, so on balance your "
                          "answers point that way."))
    elif narrow and fair:
        steps.append(Step("The disagreement is narrow, the council has acted in good faith and no close date "
                          "is pushing you: all three favour mediation."))
    else:
        steps.append(Step("Nothing points to going straight to the Tribunal, but not everything favours "
                          "mediation either, so both routes are reasonable."))

    notes: list[str] = [YOUR_CHOICE]
    if certificate is not None:
        notes.extend(certificate.reasons[:1])
        if assumed:
            notes.append(
                "We assumed your appeal would be about what the final EHC plan says. If the council refused "
                "to change the plan after a review, or decided to stop it, you need a certificate."
            )
    elif _assessment_certificate_needed():
        notes.append("Whether the council refused to assess or refused to issue a plan, you need a mediation "
                     "certificate before you can appeal.")
    if pt is not None:
        notes.extend(pt.notes)
    from .appeals import YOUNG_PERSON_APPEALS

    notes.append(YOUNG_PERSON_APPEALS)

    query = "calculator=appeal-deadline"
    if letter_sent is not None:
        query += f"&letter-sent={letter_sent.isoformat()}"

    source_ids = ["cfa-s55", "send-regs-r32", "hesc-r20", "cop-9-69", "send-regs-mediation"]
    source_ids += [r.source_id for r in reasons if r.source_id]
    source_ids += ["cfa-s83", "ea-1996-s8"]
    return MediationAdvice(
        recommendation=recommendation,
        label=RECOMMENDATIONS[recommendation],
        summary=summary,
        reasons=tuple(reasons),
        cautions=_cautions(certificate, letter_sent),
        certificate_needed=_assessment_certificate_needed() if certificate is None else certificate.needed,
        certificate=certificate,
        decision_assumed=assumed,
        phase_transfer=pt,
        letter_sent=letter_sent,
        deadline_page=DEADLINE_PAGE,
        deadline_query=query,
        steps=tuple(steps),
        sources=cite(*source_ids),
        alternatives=pt.alternatives if pt is not None else (),
        notes=tuple(notes),
    )


# ---------------------------------------------------------------------------
# Command line: ``sendrules should-i-mediate`` (registered in sendrules.cli.COMMANDS)
# ---------------------------------------------------------------------------


def add_cli_arguments(parser) -> None:
    """Options for ``sendrules should-i-mediate``."""
    from .appeals import DECISIONS
    from .cli import add_today

    parser.add_argument("--about", required=True, metavar="{" + ",".join(ABOUT.values) + "}",
                        help="what you and the council disagree about")
    parser.add_argument("--la-record", required=True, metavar="{" + ",".join(LA_RECORD.values) + "}",
                        help="how the council has dealt with you so far")
    parser.add_argument("--phase-transfer", metavar="{" + ",".join(PHASE_TRANSFER.values) + "}",
                        default=PHASE_TRANSFER_NONE,
                        help="a move to a new school or college, if one is coming")
    parser.add_argument("--transfer-year", metavar="YYYY", help="the September your child moves")
    parser.add_argument("--date-of-birth", metavar="YYYY-MM-DD",
                        help="your child's date of birth (to work out the year of the move)")
    parser.add_argument("--health-social-care", metavar="{yes,no}", default="no",
                        help="whether the disagreement is also about health or social care")
    parser.add_argument("--decision", metavar="{" + ",".join(k for k in DECISIONS
                                                             if DECISIONS[k].mediation_available) + "}",
                        help="the council's decision, if you know it")
    parser.add_argument("--letter-sent", metavar="YYYY-MM-DD", help="the date on the decision letter")
    add_today(parser)


def run_cli(args):
    """Run ``sendrules should-i-mediate``: the recommendation first, then reasons and cautions."""
    from .cli import Answer, read_date, today_from

    today = today_from(args)
    answers = MediationAnswers(
        about=args.about,
        la_record=args.la_record,
        phase_transfer=args.phase_transfer,
        transfer_year=args.transfer_year,
        date_of_birth=read_date(args.date_of_birth, field="date-of-birth", label="of birth"),
        health_social_care=args.health_social_care,
        decision=args.decision,
        letter_sent=read_date(args.letter_sent, field="letter-sent", label="on the decision letter"),
    )
    advice = should_i_mediate(answers, today=today)
    lines = [f"{advice.label}.", advice.summary, "", "Why:"]
    lines += [f"  - {r.text}" for r in advice.reasons]
    if advice.phase_transfer is not None:
        pt = advice.phase_transfer
        if pt.last_day is None:
            lines += ["", "Plan to be amended for the move by: no fixed date (our reading of the law). Ask "
                          "the council to review the plan early."]
        else:
            lines += ["", f"Plan to be amended for the move by: {long_date(pt.last_day)} "
                          f"(the law says {pt.statutory_wording})."]
    if advice.certificate_needed is not None:
        lines += ["", "Mediation certificate needed before you appeal: "
                      + ("yes" if advice.certificate_needed else "no")]
    lines += ["", "Whatever you decide:"]
    lines += [f"  - {c.text}" for c in advice.cautions]
    lines += ["", f"Work out your last day to appeal: sendrules deadline --letter-sent "
                  f"{advice.letter_sent.isoformat() if advice.letter_sent else 'YYYY-MM-DD'}"]
    return Answer(advice, tuple(lines))
