"""The legal sources the rules rely on: one registry, referred to by id.

Each rule cites the ids it relies on; a result carries the :class:`Source`
objects, so the page and the command line can show instrument, provision, link
and the date the rule was last checked against the law.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: When these rules were last checked against the law (our legal reference note).
RULES_LAST_CHECKED = date(2026, 11, 28)

LEGISLATION = "https://www.legislation.gov.uk"


@dataclass(frozen=True)
class Source:
    id: str
    instrument: str
    provision: str
    url: str
    summary: str
    last_verified: date = RULES_LAST_CHECKED

    @property
    def citation(self) -> str:
        return f"{self.instrument}, {self.provision}"

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "instrument": self.instrument,
            "provision": self.provision,
            "citation": self.citation,
            "url": self.url,
            "summary": self.summary,
            "last_verified": self.last_verified.isoformat(),
        }


CFA = "Children and Families Act 2014"
SEND_REGS = "Special Educational Needs and Disability Regulations 2014"
HESC = "Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008"
EQA = "Equality Act 2010"

_ALL = (
    Source("cfa-s51", CFA, "section 51", f"{LEGISLATION}/ukpga/2014/6/section/51",
           "The decisions a parent or young person can appeal to the Tribunal."),
    Source("cfa-s55", CFA, "section 55", f"{LEGISLATION}/ukpga/2014/6/section/55",
           "Before appealing, contact a mediation adviser and get a certificate."),
    Source("cfa-s83", CFA, "section 83(2)", f"{LEGISLATION}/ukpga/2014/6/section/83",
           "A young person is over compulsory school age and under 25; a post-16 institution is not a "
           "school."),
    Source("ea-1996-s8", "Education Act 1996",
           "section 8, with the Education (School Leaving Date) Order 1997",
           f"{LEGISLATION}/ukpga/1996/56/section/8",
           "Compulsory school age ends on the last Friday in June of the school year in which the child "
           "turns 16."),
    Source("send-regs-r2", SEND_REGS, "regulation 2(1)", f"{LEGISLATION}/uksi/2014/1530/regulation/2",
           "A transfer between phases of education, (a) to (f): the last is secondary school to a post-16 "
           "institution."),
    Source("cfa-s56", CFA, "section 56", f"{LEGISLATION}/ukpga/2014/6/section/56",
           "Who can be a mediation adviser; exceptions set by regulations."),
    Source("send-regs-r32", SEND_REGS, "regulation 32", f"{LEGISLATION}/uksi/2014/1530/regulation/32",
           "What a decision letter must say about mediation; the mediation certificate."),
    Source("send-regs-r33", SEND_REGS, "regulation 33", f"{LEGISLATION}/uksi/2014/1530/regulation/33",
           "Contact the mediation adviser within 2 months after the decision letter was sent."),
    Source("send-regs-r34", SEND_REGS, "regulation 34", f"{LEGISLATION}/uksi/2014/1530/regulation/34",
           "No mediation wanted: certificate within 3 working days."),
    Source("send-regs-mediation", SEND_REGS, 'Part 2, "Mediation" (regulations 32 to 42)',
           f"{LEGISLATION}/uksi/2014/1530/part/2/crossheading/mediation",
           "Mediation arranged within 30 days, or a certificate within 3 working days if it cannot be; "
           "after mediation, a certificate within 3 working days."),
    Source("send-regs-r42", SEND_REGS, "regulation 42", f"{LEGISLATION}/uksi/2014/1530/regulation/42",
           "What a written mediation agreement obliges the local authority to do, and by when."),
    Source("send-regs-r44", SEND_REGS, "regulation 44", f"{LEGISLATION}/uksi/2014/1530/regulation/44",
           "Time limits for carrying out Tribunal orders (also used for mediation agreements)."),
    Source("send-regs-r18", SEND_REGS, "regulation 18", f"{LEGISLATION}/uksi/2014/1530/regulation/18",
           "Phase transfer: plan amended before 15 February, or before 31 March from secondary school "
           "to a post-16 institution; at least 5 months before a move between post-16 institutions."),
    Source("hesc-r20", HESC, "rule 20(1)(c)", f"{LEGISLATION}/uksi/2008/2699/article/20",
           "Appeal within 2 months after the decision letter was sent, "
           "or 1 month after the certificate if later."),
    Source("hesc-r12-2", HESC, "rule 12(2)", f"{LEGISLATION}/uksi/2008/2699/article/12",
           "A time limit set by these Rules, a practice direction or a direction that ends on a "
           "non-working day moves to the next working day."),
    Source("hesc-r12-3", HESC, "rule 12(3)(a)", f"{LEGISLATION}/uksi/2008/2699/article/12",
           "An SEN appeal deadline from 25 December to 1 January, or in August, "
           "moves to the first working day after that period."),
    Source("hesc-r12-1", HESC, "rule 12(1)", f"{LEGISLATION}/uksi/2008/2699/article/12",
           "Acts due on or by a day must be done by 5pm."),
    Source("hesc-r1-3", HESC, "rule 1(3)", f"{LEGISLATION}/uksi/2008/2699/article/1",
           "Working day: not a weekend, Christmas Day, Good Friday or a bank holiday."),
    Source("hesc-r5-r20-4", HESC, "rules 5(3)(a) and 20(4)", f"{LEGISLATION}/uksi/2008/2699/article/20",
           "The Tribunal can extend time; a late appeal must ask for this and give reasons."),
    Source("interpretation-act", "Interpretation Act 1978", "Schedule 1",
           f"{LEGISLATION}/ukpga/1978/30/schedule/1",
           "'Month' means calendar month."),
    Source("dodds-v-walker", "Dodds v Walker [1981] 1 WLR 1027; [1981] 2 All ER 609 (HL)",
           "corresponding date rule", "",
           "A month ends on the same date number; if there is none, on the last day of the month."),
    Source("bfda-1971", "Banking and Financial Dealings Act 1971", "section 1 and Schedule 1",
           f"{LEGISLATION}/ukpga/1971/80",
           "Bank holidays, including proclaimed days. We count only those in England and Wales, to be safe."),
    Source("eqa-sch17-4", EQA, "Schedule 17, paragraph 4", f"{LEGISLATION}/ukpga/2010/15/schedule/17",
           "A disability discrimination claim: 6 months starting with the date of the conduct."),
    Source("eqa-s116", EQA, "section 116 and Schedule 17, Part 2", f"{LEGISLATION}/ukpga/2010/15/section/116",
           "Disability discrimination claims against schools are heard by the First-tier Tribunal (SEND)."),
    Source("govuk-appeal-ehc", "GOV.UK", "Appeal an education, health and care (EHC) plan decision",
           "https://www.gov.uk/appeal-sen-statement-decision",
           "Which appeals need a mediation certificate, and the Tribunal forms to use."),
    Source("recommendations-regs", "SEND (First-tier Tribunal Recommendations Power) Regulations 2017",
           "regulations 3 to 6", f"{LEGISLATION}/uksi/2017/1306",
           "Extended appeals: non-binding health and social care recommendations."),
    Source("cop-9-69", "SEND Code of Practice: 0 to 25 years (2015)", "paragraph 9.69",
           "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
           "Provision must be detailed and specific and should normally be quantified."),
    Source("cfa-s42", CFA, "section 42(2)", f"{LEGISLATION}/ukpga/2014/6/section/42",
           "The local authority must secure the special educational provision set out in the plan."),
    Source("ex-p-e-1992", "R v Secretary of State for Education and Science, ex p E [1992] 1 FLR 377 (CA)",
           "provision for every need",
           "https://www.ipsea.org.uk/faqs/ehc-plans-need-to-be-specific-and-clear",
           "Each need in the plan must be met by provision that is not vaguely worded."),
    Source("l-v-clarke-1998", "L v Clarke and Somerset County Council [1998] ELR 129", "specificity test",
           "https://www.ipsea.org.uk/faqs/what-should-be-in-section-f-of-an-ehc-plan",
           "Provision must leave no doubt about what was decided; hours are normally stated."),
    Source("c-v-sent-greenwich-1999", "C v Special Educational Needs Tribunal and LB Greenwich [1999] ELR 5",
           "no delegation to the school",
           "https://www.ipsea.org.uk/faqs/what-should-be-in-section-f-of-an-ehc-plan",
           "The local authority decides the provision; it cannot leave that decision to the school."),
    Source("r-v-cumbria-1994", "R v Cumbria County Council, ex p P [1994] ELR 337", "money is not provision",
           "https://www.ipsea.org.uk/faqs/what-should-be-in-section-f-of-an-ehc-plan",
           "A funding band or a sum of money does not say what provision the child will get."),
    Source("worcestershire-v-se-2020", "Worcestershire County Council v SE [2020] UKUT 217 (AAC)",
           "paragraph 74",
           "https://www.bailii.org/uk/cases/UKUT/AAC/2020/217.html",
           "How much detail a plan needs; words like 'support' or 'opportunities' on their own rarely do."),
)

# -- The council's own time limits (sendrules.council_deadlines) ---------------------------------
# Provisions cited here were read in the legislation (law note, section 5 and its verification of
# 30 November 2026), except where the summary says "believed": then the whole regulation is cited
# and a guidance page that states the rule is cited beside it.
_ALL += (
    Source("send-regs-r5", SEND_REGS, "regulation 5(1) and (4)", f"{LEGISLATION}/uksi/2014/1530/regulation/5",
           "Decide whether to carry out an EHC needs assessment within 6 weeks of receiving the request; "
           "when the council need not keep to this."),
    Source("send-regs-r10", SEND_REGS, "regulation 10(1) and (4)",
           f"{LEGISLATION}/uksi/2014/1530/regulation/10",
           "After an assessment, say within 16 weeks of the request if no EHC plan will be made; "
           "when the council need not keep to this."),
    Source("send-regs-r13", SEND_REGS, "regulation 13(1) to (3)",
           f"{LEGISLATION}/uksi/2014/1530/regulation/13",
           "At least 15 days to comment on the draft plan; the final EHC plan within 20 weeks of the "
           "request, with the regulation 10(4) exceptions."),
    Source("send-regs-r20", SEND_REGS, "regulation 20", f"{LEGISLATION}/uksi/2014/1530/regulation/20",
           "After an annual review meeting, decide within 4 weeks whether to keep, amend or end the plan "
           "(believed to be paragraph (10))."),
    Source("send-regs-r22", SEND_REGS, "regulation 22", f"{LEGISLATION}/uksi/2014/1530/regulation/22",
           "Amending a plan: at least 15 days to comment, then the amended plan within 8 weeks of sending "
           "the proposed amendments."),
    Source("devon-2022", "R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin)",
           "annual review timetable", "https://www.bailii.org/ew/cases/EWHC/Admin/2022/493.html",
           "Proposed amendments within 4 weeks of the review meeting, the amended plan within 8 weeks after "
           "that: 12 weeks in all."),
    Source("send-regs-r44-1-2b", SEND_REGS, "regulation 44(1) and (2)(b)",
           f"{LEGISLATION}/uksi/2014/1530/regulation/44",
           "A Tribunal order to assess: say so within 2 weeks; a decision not to make a plan within "
           "10 weeks; the final plan within 14 weeks."),
    Source("send-regs-r44-2c", SEND_REGS, "regulation 44(2)(c)",
           f"{LEGISLATION}/uksi/2014/1530/regulation/44",
           "A Tribunal order to make a plan: the draft within 5 weeks, the final plan within 11 weeks."),
    Source("sendiass-surrey-orders", "SEND Advice Surrey (a SENDIASS)", "If you win your appeal",
           "https://sendadvicesurrey.org.uk/information-advice-and-resources/appeals/if-you-win-your-appeal",
           "Guidance: 5 weeks to change Sections B or F, 2 weeks to change Section I after a Tribunal "
           "order."),
    Source("send-regs-r45", SEND_REGS, "regulation 45 (as substituted in 2015)",
           f"{LEGISLATION}/uksi/2014/1530/regulation/45",
           "The council tells the Tribunal it will not oppose an appeal: time limits run from that notice."),
    Source("sendiass-surrey-unopposed", "SEND Advice Surrey (a SENDIASS)",
           "Withdrawing or stopping an appeal",
           "https://www.sendadvicesurrey.org.uk/information-advice-and-resources/appeals/withdrawingstopping-an-appeal",
           "Guidance on unopposed appeals: the time limits, and when the council need not keep to them."),
    Source("lgsco", "Local Government and Social Care Ombudsman", "Make a complaint",
           "https://www.lgo.org.uk/make-a-complaint",
           "Free, independent: looks at complaints about councils, including delay, after the council's own "
           "complaints process."),
)

#: Ids a source used to have, and the id it has now. The mediation timescales were cited to
#: regulation numbers we had not read in the text; they now cite the Part 2 "Mediation"
#: crossheading. A page or caller still using an old id gets the same source.
RENAMED: dict[str, str] = {
    "send-regs-r35-37": "send-regs-mediation",
    "send-regs-r39": "send-regs-mediation",
}


class _Registry(dict):
    """The sources by id. Iterating gives each source once; a :data:`RENAMED` id still finds it."""

    def __missing__(self, key: str) -> Source:
        if key in RENAMED:
            return dict.__getitem__(self, RENAMED[key])
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in RENAMED

    def get(self, key: str, default: Source | None = None) -> Source | None:  # type: ignore[override]
        return self[key] if key in self else default


SOURCES: dict[str, Source] = _Registry((s.id, s) for s in _ALL)


def cite(*ids: str) -> tuple[Source, ...]:
    """The sources for ``ids``, in order, each once; an unknown id is a programming error."""
    return tuple(dict.fromkeys(SOURCES[i] for i in ids))
