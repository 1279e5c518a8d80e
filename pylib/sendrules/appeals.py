"""Which council decisions can go to the SEND Tribunal, and when a mediation certificate is needed.

The law:

* Children and Families Act 2014 (CFA), section 51(2): the decisions a parent or
  young person can appeal, paragraphs (a) to (f). A contents appeal (paragraph
  (c)) is about Section B, F or I of a *final* plan (s.51(3)); there is no
  appeal against a draft plan or proposed amendments.
* CFA sections 55 and 56: before appealing, contact a mediation adviser and get
  a certificate, except for an appeal only about Section I (the school or
  college named, the type named, or that none is named).
* SEND (First-tier Tribunal Recommendations Power) Regulations 2017: on an appeal
  under s.51(2)(b) to (f) the Tribunal may also make health and social care
  recommendations ("extended appeals"); not on a refusal to assess, and never
  on their own.
* Equality Act 2010, section 116 and Schedule 17: disability discrimination
  claims against schools go to the same Tribunal, with no mediation step.

Our legal reference note is the source for each rule: sections 1, 2.1 and 4.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

from .errors import UnknownDecisionError
from .results import Result, Step
from .sources import cite

__all__ = [
    "AppealRight",
    "DD_TIME_LIMIT",
    "YOUNG_PERSON_APPEALS",
    "CertificateAnswer",
    "DECISIONS",
    "Decision",
    "NOT_APPEALABLE",
    "NotAppealable",
    "SECTIONS",
    "appeal_right",
    "certificate_needed",
    "get_decision",
    "parse_sections",
]

SEN_APPEAL = "sen-appeal"
DD_CLAIM = "dd-claim"

#: The parts of a final plan a contents appeal can be about, with what each holds.
SECTIONS: dict[str, str] = {
    "B": "Section B (special educational needs)",
    "F": "Section F (special educational provision)",
    "I": "Section I (the school or college named, the type named, or that none is named)",
}

# Sections a parent might tick that cannot be appealed on their own.
_HEALTH_AND_CARE_SECTIONS = ("C", "D", "G", "H1", "H2")
_OTHER_SECTIONS = ("A", "E", "H", "J", "K")


@dataclass(frozen=True)
class Decision:
    """A decision that can be taken to the SEND Tribunal.

    ``key`` is the value used on the command line (``--decision``) and in forms.
    ``label`` is how a parent would describe what happened.
    """

    key: str
    label: str
    route: str  # SEN_APPEAL or DD_CLAIM
    provision: str  # the provision that gives the right to go to the Tribunal
    s51_paragraph: str | None  # "(a)" to "(f)" for SEN appeals; None for a DD claim
    clock_starts: str  # which letter or event starts the time limit
    extended_appeal_available: bool  # health and social care recommendations possible
    mediation_available: bool  # SEN mediation can be used
    form: str  # the Tribunal form to use
    takes_sections: bool  # only a contents appeal is about Sections B, F and I
    source_ids: tuple[str, ...]

    @property
    def sources(self):
        return cite(*self.source_ids)


def _sen(key: str, label: str, paragraph: str, clock_starts: str, *, extended: bool, form: str,
         takes_sections: bool = False) -> Decision:
    ids = ("cfa-s51", "cfa-s55", "govuk-appeal-ehc")
    if extended:
        ids += ("recommendations-regs",)
    return Decision(
        key=key,
        label=label,
        route=SEN_APPEAL,
        provision=f"Children and Families Act 2014, section 51(2){paragraph}",
        s51_paragraph=paragraph,
        clock_starts=clock_starts,
        extended_appeal_available=extended,
        mediation_available=True,
        form=form,
        takes_sections=takes_sections,
        source_ids=ids,
    )


_DECISION_LIST = (
    _sen("refusal-to-assess",
         "The council refused to carry out an EHC needs assessment",
         "(a)",
         "the letter telling you the council will not carry out an EHC needs assessment",
         extended=False, form="SEND35a"),
    _sen("refusal-to-issue",
         "The council carried out an assessment but decided not to issue an EHC plan",
         "(b)",
         "the letter telling you the council will not issue an EHC plan",
         extended=True, form="SEND35"),
    _sen("plan-contents",
         "You disagree with what the final EHC plan says in Section B, F or I",
         "(c)",
         "the letter sent with the final EHC plan, or with the final amended plan",
         extended=True, form="SEND35", takes_sections=True),
    _sen("refusal-to-reassess",
         "The council refused to carry out a new assessment (a re-assessment) when asked",
         "(d)",
         "the letter telling you the council will not carry out a re-assessment",
         extended=True, form="SEND35"),
    _sen("refusal-to-amend",
         "The council decided not to change the EHC plan after an annual review or re-assessment",
         "(e)",
         "the letter telling you the council will not amend or replace the plan",
         extended=True, form="SEND35"),
    _sen("cease-to-maintain",
         "The council decided to stop the EHC plan (cease to maintain it)",
         "(f)",
         "the letter telling you the council will stop the plan",
         extended=True, form="SEND35"),
    Decision(
        key="disability-discrimination",
        label="A school discriminated against your child because of their disability",
        route=DD_CLAIM,
        provision="Equality Act 2010, section 116 and Schedule 17",
        s51_paragraph=None,
        clock_starts="the date of the discrimination (or the end of it, if it went on over a period)",
        extended_appeal_available=False,
        mediation_available=False,
        form=("SEND4A for a claim by a parent, or SEND4B for a claim by a young person; "
              "SEND26A or SEND26B if you are asking for your child to go back to school "
              "after a permanent exclusion"),
        takes_sections=False,
        source_ids=("eqa-s116", "eqa-sch17-4", "govuk-appeal-ehc"),
    ),
)

#: Decisions that can go to the Tribunal, keyed by the command-line value.
DECISIONS: MappingProxyType[str, Decision] = MappingProxyType({d.key: d for d in _DECISION_LIST})


@dataclass(frozen=True)
class NotAppealable:
    """Something parents often want to appeal but cannot, and what they can do instead."""

    key: str
    label: str
    why: str
    instead: str
    source_ids: tuple[str, ...]


_NOT_APPEALABLE_LIST = (
    NotAppealable(
        "draft-plan",
        "A draft EHC plan",
        "You can only appeal once the plan is final. A draft plan cannot be appealed.",
        "Send your comments on the draft to the council (you have at least 15 days) and ask for the school "
        "you want. If the final plan still has the problem, you can appeal then.",
        ("cfa-s51",),
    ),
    NotAppealable(
        "proposed-amendments",
        "Proposed changes to an EHC plan after an annual review",
        "Proposed changes cannot be appealed. The right of appeal starts when the final amended plan "
        "is sent.",
        "Comment on the proposed changes. If the final amended plan still has the problem, appeal about "
        "Section B, F or I of it.",
        ("cfa-s51",),
    ),
    NotAppealable(
        "health-or-social-care-only",
        "Only the health or social care parts of the plan (Sections C, D, G, H1 or H2)",
        "The Tribunal can only look at health and social care as part of an appeal that is also about "
        "education. It can then make recommendations, which are not binding.",
        "If you also disagree with Section B, F or I, or with another education decision, appeal about that "
        "and ask for recommendations. You can also use mediation or complain to the health or social care "
        "body.",
        ("cfa-s51", "recommendations-regs"),
    ),
    NotAppealable(
        "other-sections",
        "Only Sections A, E, J or K of the plan",
        "The law gives a right of appeal about Sections B, F and I only. The Tribunal can order linked "
        "changes to other sections when it decides an appeal about B or F.",
        "If what is wrong affects Section B or F, appeal about that section.",
        ("cfa-s51",),
    ),
    NotAppealable(
        "personal-budget",
        "A refusal of a personal budget",
        "A refusal of a personal budget cannot be appealed on its own.",
        "If the provision the budget would have paid for is missing from Section F, appeal about Section F.",
        ("cfa-s51",),
    ),
)

#: Things that cannot be appealed, keyed like :data:`DECISIONS`.
NOT_APPEALABLE: MappingProxyType[str, NotAppealable] = MappingProxyType(
    {n.key: n for n in _NOT_APPEALABLE_LIST}
)


#: The discrimination claim's time limit in a sentence (Equality Act 2010, Sch 17 para 4(1)): "starting
#: with" counts the day itself, so "from" (which can be read as starting the next day) is not used.
DD_TIME_LIMIT = ("The time limit is 6 months starting with the day the discrimination happened, with no "
                 "extension for mediation.")

#: Who appeals once a child is over compulsory school age (CFA s.51(1) and s.83(2); Education Act
#: 1996, s.8): the young person, in their own right. Said wherever an answer could otherwise read as
#: if the parent always appeals.
YOUNG_PERSON_APPEALS = (
    "Once a child is over compulsory school age (after the last Friday in June of the school year in "
    "which they turn 16), the right to appeal is theirs, not their parent's. The young person contacts "
    "the mediation adviser, decides about mediation and appeals. A parent can help them. If the young "
    "person cannot make these decisions, get advice: the law lets someone else act for them."
)


def _choices() -> str:
    return ", ".join(DECISIONS)


def get_decision(decision: str | Decision) -> Decision:
    """The :class:`Decision` for a key such as ``"refusal-to-assess"`` (case and spaces ignored).

    Raises :class:`UnknownDecisionError` (field ``decision``) listing the valid keys.
    """
    if isinstance(decision, Decision):
        return decision
    key = str(decision if decision is not None else "").strip().lower().replace("_", "-").replace(" ", "-")
    if not key:
        raise UnknownDecisionError(
            f"Select the decision you want to challenge: one of {_choices()}", field="decision"
        )
    try:
        return DECISIONS[key]
    except KeyError:
        raise UnknownDecisionError(
            f"Select a decision from the list: {key} is not one of {_choices()}", field="decision"
        ) from None


def parse_sections(sections: str | Iterable[str] | None) -> tuple[str, ...]:
    """Sections of the plan a contents appeal is about, as a tuple in plan order (``("B", "I")``).

    Accepts a list (``["B", "i"]``), or text separated by commas or spaces
    (``"B,F"``, ``"section b, section i"``). Repeats are dropped.
    Raises :class:`UnknownDecisionError` (field ``sections``) for anything but B, F and I.
    """
    if sections is None:
        return ()
    items = re.split(r"[,\s;/]+", sections) if isinstance(sections, str) else list(sections)
    found: set[str] = set()
    for item in items:
        # "Section B", "section b" and "B" all mean Section B.
        text = re.sub(r"^SECTION\s*", "", str(item).strip().upper())
        if not text:
            continue
        if text in SECTIONS:
            found.add(text)
        elif text in _HEALTH_AND_CARE_SECTIONS:
            raise UnknownDecisionError(
                f"Section {text} is about health or social care and cannot be appealed on its own. "
                "Select Section B, F or I",
                field="sections",
            )
        elif text in _OTHER_SECTIONS:
            raise UnknownDecisionError(
                f"Section {text} cannot be appealed. Select Section B, F or I", field="sections"
            )
        else:
            raise UnknownDecisionError(
                f"Select Section B, F or I: {text} is not a part of the plan you can appeal about",
                field="sections",
            )
    return tuple(s for s in SECTIONS if s in found)


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class AppealRight(Result):
    """Whether something can be taken to the Tribunal, how, and on what form."""

    decision: str
    label: str
    appealable: bool
    route: str | None  # "sen-appeal", "dd-claim", or None when it cannot be appealed
    provision: str | None
    form: str | None
    clock_starts: str | None
    extended_appeal_available: bool
    certificate: str  # "always", "unless-section-i-only", "never" or "not-applicable"


def appeal_right(decision: str | Decision) -> AppealRight:
    """Can this be taken to the SEND Tribunal at all, and how?

    ``decision`` is a key of :data:`DECISIONS` (can be appealed: CFA s.51(2),
    or a disability discrimination claim under Equality Act 2010 s.116 and
    Sch 17) or of :data:`NOT_APPEALABLE` (cannot: CFA s.51(2)-(3) gives no
    right, see the legal reference note section 1).
    """
    key = str(decision if decision is not None else "").strip().lower()
    if not isinstance(decision, Decision) and key in NOT_APPEALABLE:
        item = NOT_APPEALABLE[key]
        return AppealRight(
            decision=item.key,
            label=item.label,
            appealable=False,
            route=None,
            provision=None,
            form=None,
            clock_starts=None,
            extended_appeal_available=False,
            certificate="not-applicable",
            steps=(Step(item.why, source_id=item.source_ids[0]), Step(item.instead)),
            sources=cite(*item.source_ids),
        )
    try:
        d = get_decision(decision)
    except UnknownDecisionError:
        raise UnknownDecisionError(
            f"Select what you want to challenge: one of {_choices()}, {', '.join(NOT_APPEALABLE)}",
            field="decision",
        ) from None
    steps: list[Step] = []
    notes: list[str] = []
    if d.route == SEN_APPEAL:
        steps.append(Step(
            f"The law lets a parent or young person appeal this decision to the SEND Tribunal "
            f"(section 51(2){d.s51_paragraph} of the Children and Families Act 2014).",
            source_id="cfa-s51",
        ))
        steps.append(Step(f"The time limit counts from the date {d.clock_starts} was sent.",
                          source_id="hesc-r20"))
        steps.append(Step(f"Use Tribunal form {d.form}, or the Tribunal's online appeal service (GOV.UK "
                          "links to it).", source_id="govuk-appeal-ehc"))
        if d.extended_appeal_available:
            steps.append(Step(
                "You can also ask the Tribunal for recommendations about health and social care needs "
                "and provision. These are not binding.",
                source_id="recommendations-regs",
            ))
        else:
            steps.append(Step(
                "The Tribunal cannot make health or social care recommendations on this kind of appeal.",
                source_id="recommendations-regs",
            ))
        certificate = "unless-section-i-only" if d.takes_sections else "always"
        if d.takes_sections:
            notes.append("You can only appeal about the final plan, not a draft.")
        notes.append(YOUNG_PERSON_APPEALS)
        sources = cite(*d.source_ids, "hesc-r20", "recommendations-regs", "cfa-s83", "ea-1996-s8")
    else:
        steps.append(Step(
            "This is a disability discrimination claim against a school. The SEND Tribunal hears these "
            "claims under the Equality Act 2010.",
            source_id="eqa-s116",
        ))
        steps.append(Step(f"The time limit is 6 months starting with {d.clock_starts}. That day counts as "
                          "the first day.", source_id="eqa-sch17-4"))
        steps.append(Step(f"Use Tribunal form {d.form}.", source_id="govuk-appeal-ehc"))
        certificate = "never"
        sources = d.sources
    return AppealRight(
        decision=d.key,
        label=d.label,
        appealable=True,
        route=d.route,
        provision=d.provision,
        form=d.form,
        clock_starts=d.clock_starts,
        extended_appeal_available=d.extended_appeal_available,
        certificate=certificate,
        steps=tuple(steps),
        sources=sources,
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class CertificateAnswer(Result):
    """Whether a mediation certificate is needed before the appeal can be registered.

    ``reasons`` is the short answer's "because" in plain English; ``steps`` is the
    same working with the provision for each line.
    """

    needed: bool
    decision: str
    decision_label: str
    sections: tuple[str, ...]
    reasons: tuple[str, ...]
    may_still_mediate: bool
    mediation_available: bool
    extended_appeal_available: bool
    form: str


_ONE_CALL = (
    "Getting a certificate usually takes one phone call: tell the mediation adviser named in the "
    "council's letter that you want to appeal, and whether you want mediation. You do not have to "
    "go to mediation to get a certificate."
)
_NO_CERTIFICATE_IN_TIME = (
    "If you cannot get a certificate by your last day to appeal, still send your appeal in time, tell the "
    "Tribunal why you do not have a certificate, and get advice. The Tribunal will not normally register "
    "an appeal without one."
)
_CONTACT_IN_TIME = (
    "Contact the mediation adviser within 2 months of the date the decision letter was sent, and well "
    "before your appeal deadline."
)


def certificate_needed(
    decision: str | Decision, sections: str | Iterable[str] | None = ()
) -> CertificateAnswer:
    """Is a mediation certificate needed before appealing?

    The rule (CFA s.55; s.51(2) for what can be appealed; legal reference note
    section 2.1):

    * every SEN appeal needs a certificate, except an appeal *only* about
      Section I (the school or college named, the type named, or that none is
      named); an appeal about Section B or F needs one, with or without I;
    * a disability discrimination claim never needs one, and SEN mediation is
      not available for it (Equality Act 2010, Sch 17).

    ``sections`` (Section B, F and/or I; see :func:`parse_sections`) is needed
    for ``plan-contents`` and only for it. Sections given with any other
    decision are refused rather than ignored: they mean the parent has picked
    the wrong decision or the wrong boxes, and guessing which could give the
    wrong answer about the certificate.

    Raises :class:`UnknownDecisionError` (field ``decision`` or ``sections``).
    """
    d = get_decision(decision)
    chosen = parse_sections(sections)
    if chosen and not d.takes_sections:
        raise UnknownDecisionError(
            "Only select Section B, F or I if you are appealing about what the final EHC plan says. "
            "Remove the sections, or change the decision",
            field="sections",
        )
    if d.takes_sections and not chosen:
        raise UnknownDecisionError(
            "Select which parts of the plan you disagree with: Section B, F or I", field="sections"
        )

    notes: list[str] = []
    steps: list[Step] = []
    if d.route == DD_CLAIM:
        needed = False
        reasons = (
            "This is a disability discrimination claim, not an appeal about an EHC decision.",
            "Disability discrimination claims never need a mediation certificate.",
            "SEN mediation is not available for disability discrimination claims.",
        )
        steps = [
            Step(reasons[0], source_id="eqa-s116"),
            Step("The rule about contacting a mediation adviser first covers appeals about EHC decisions "
                 "only, so it does not apply to this claim.", source_id="cfa-s55"),
        ]
        notes.append(DD_TIME_LIMIT)
        source_ids: tuple[str, ...] = ("cfa-s51", "cfa-s55", "eqa-s116", "govuk-appeal-ehc")
    elif d.takes_sections and chosen == ("I",):
        needed = False
        reasons = (
            "Your appeal is only about Section I: the school or college named, the type named, "
            "or that no school or college is named.",
            "An appeal only about Section I does not need a mediation certificate.",
            "You can still choose to contact a mediation adviser and try mediation if you want to.",
        )
        steps = [
            Step("You disagree with " + SECTIONS["I"] + " of the final plan.", source_id="cfa-s51"),
            Step(reasons[1], source_id="cfa-s55"),
            Step(reasons[2], source_id="govuk-appeal-ehc"),
        ]
        notes.append("If you later add Section B or F to your appeal, you will need a certificate for it. "
                     + _ONE_CALL)
        notes.append("You can only appeal about the final plan, not a draft.")
        source_ids = ("cfa-s51", "cfa-s55", "govuk-appeal-ehc")
    elif d.takes_sections:
        needed = True
        named = _and_list([SECTIONS[s] for s in chosen])
        reasons = (
            f"Your appeal is about {named}.",
            "An appeal about Section B or F needs a mediation certificate, even if it is also about "
            "Section I.",
        )
        steps = [
            Step(f"You disagree with {named} of the final plan.", source_id="cfa-s51"),
            Step(reasons[1], source_id="cfa-s55"),
        ]
        notes.extend([_ONE_CALL, _CONTACT_IN_TIME, _NO_CERTIFICATE_IN_TIME,
                      "You can only appeal about the final plan, not a draft."])
        source_ids = ("cfa-s51", "cfa-s55", "cfa-s56", "send-regs-r33", "govuk-appeal-ehc")
    else:
        needed = True
        reasons = (
            f"You want to appeal this decision: {d.label[0].lower() + d.label[1:]}.",
            "Every appeal about this kind of decision needs a mediation certificate. Only an appeal "
            "about Section I of a final plan, and nothing else, is exempt.",
        )
        steps = [
            Step(f"The decision can be appealed under section 51(2){d.s51_paragraph} of the Children and "
                 "Families Act 2014.", source_id="cfa-s51"),
            Step(reasons[1], source_id="cfa-s55"),
        ]
        notes.extend([_ONE_CALL, _CONTACT_IN_TIME, _NO_CERTIFICATE_IN_TIME])
        source_ids = ("cfa-s51", "cfa-s55", "cfa-s56", "send-regs-r33", "govuk-appeal-ehc")

    if d.route == SEN_APPEAL:
        if d.extended_appeal_available:
            notes.append(
                "You can ask the Tribunal for recommendations about health and social care as part of this "
                "appeal. That does not change whether you need a certificate. An appeal only about health "
                "or social care cannot be brought."
            )
            source_ids += ("recommendations-regs",)
        else:
            notes.append("The Tribunal cannot make health or social care recommendations on an appeal "
                         "about a refusal to assess.")
    if d.route == SEN_APPEAL:
        notes.append(YOUNG_PERSON_APPEALS)
        source_ids += ("cfa-s83", "ea-1996-s8")
    if not needed and d.route == SEN_APPEAL:
        steps.append(Step(
            "Without a certificate, your deadline is 2 months from the date the decision letter was sent.",
            source_id="hesc-r20",
        ))
        source_ids += ("hesc-r20",)

    return CertificateAnswer(
        needed=needed,
        decision=d.key,
        decision_label=d.label,
        sections=chosen,
        reasons=reasons,
        may_still_mediate=d.mediation_available,
        mediation_available=d.mediation_available,
        extended_appeal_available=d.extended_appeal_available,
        form=d.form,
        steps=tuple(steps),
        sources=cite(*dict.fromkeys(source_ids)),
        notes=tuple(notes),
    )
