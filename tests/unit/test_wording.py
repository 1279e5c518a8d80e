"""Wording the rules library must not produce again (review of 30 November 2026, section A).

Each test reads either the library's own text (every module under pylib/sendrules) or the
answers it gives for every combination of a few inputs, so that a sentence put back in any
module, or built from pieces, fails here.
"""

from __future__ import annotations

import json
import re
from datetime import date
from itertools import product
from pathlib import Path

import pytest

import sendrules
from sendrules.adviser_email import DECISION_WORDS, adviser_email
from sendrules.appeals import DECISIONS, appeal_right, certificate_needed
from sendrules.mediation import mediation_timeline
from sendrules.should_mediate import ABOUT, LA_RECORD, MediationAnswers, should_i_mediate
from sendrules.sources import RENAMED, SOURCES
from sendrules.time_limits import dd_claim_deadline

PACKAGE = Path(sendrules.__file__).parent
LETTER = date(2026, 3, 10)
TODAY = date(2026, 4, 2)

#: A mediation timescale cited to a regulation we have not read in the text (35 to 37, 39).
UNREAD_MEDIATION_REGULATION = re.compile(r"\bregulations? 3[5-79]\b|\bregs? 3[5-79]\b|\b35 to 37\b", re.I)


def _library_text() -> dict[str, str]:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


def _text(result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def _emails(**kwargs):
    for key, d in DECISIONS.items():
        sections_options = (("F",), ("I",), ("B", "I")) if d.takes_sections else ((),)
        for sections, wants in product(sections_options, (True, False)):
            yield adviser_email(key, LETTER, wants, sections=sections, today=TODAY, **kwargs)


def test_the_library_scan_sees_the_rules_modules():
    files = _library_text()
    assert {"sources.py", "mediation.py", "adviser_email.py", "should_mediate.py"} <= set(files)


@pytest.mark.parametrize("name", sorted(_library_text()))
def test_no_module_cites_an_unread_mediation_regulation(name):
    # Item 17: cite Part 2 "Mediation" (regulations 32 to 42) until regulations 35 to 37 and 39 are read.
    assert not UNREAD_MEDIATION_REGULATION.search(_library_text()[name])


def test_no_source_names_an_unread_mediation_regulation():
    for source in SOURCES.values():
        assert not UNREAD_MEDIATION_REGULATION.search(source.citation + " " + source.summary), source.id
    assert set(RENAMED.values()) <= set(SOURCES)
    assert SOURCES["send-regs-mediation"].url.endswith("/part/2/crossheading/mediation")


def test_answers_with_mediation_dates_cite_the_part_not_a_number():
    answers = [mediation_timeline(TODAY, True, letter_sent=LETTER, mediation_ended=date(2026, 4, 20)),
               mediation_timeline(TODAY, False, letter_sent=LETTER), *_emails()]
    for about, record in product(ABOUT.values, LA_RECORD.values):
        answers.append(should_i_mediate(MediationAnswers(about, record, health_social_care="yes"),
                                        today=TODAY))
    for answer in answers:
        assert not UNREAD_MEDIATION_REGULATION.search(_text(answer))


def test_dodds_v_walker_is_cited_by_its_reports_without_the_wrong_link():
    # Item 18: decided by the House of Lords on 18 June 1981; a BAILII path under /UKHL/1980/ is wrong.
    source = SOURCES["dodds-v-walker"]
    assert "[1981] 1 WLR 1027" in source.citation and "[1981] 2 All ER 609" in source.citation
    assert "(HL)" in source.citation
    assert "1980" not in source.url
    assert all("UKHL/1980" not in text for text in _library_text().values())


def test_discrimination_time_limit_says_starting_with():
    # Item 23: "from the discrimination" can be read as starting the day after.
    answers = [certificate_needed("disability-discrimination"), appeal_right("disability-discrimination"),
               adviser_email("disability-discrimination", LETTER, False, today=TODAY),
               dd_claim_deadline(date(2026, 3, 14), today=TODAY)]
    for answer in answers:
        text = _text(answer)
        assert "from the discrimination" not in text
        assert "starting with" in text


@pytest.mark.parametrize("email", list(_emails(appellant="young-person", child_name="Sam")),
                         ids=lambda e: f"{e.decision}-{'+'.join(e.sections) or 'none'}-{e.wants_mediation}")
def test_no_answer_tells_a_young_person_their_parent_appeals(email):
    # Item 2: over compulsory school age the appeal and the mediation choice are the young person's.
    text = " ".join((email.subject, email.body, email.summary, *email.notes, *(s.text for s in email.steps)))
    assert not re.search(r"\b(my|your) child\b|\byour parent\b|\bparent (appeals|must|decides)\b", text)
    assert email.body == "" or "about me." in email.body


def test_every_email_says_pursue_and_names_the_disagreement():
    # Item 26: regulation 33's words, and what the disagreement is about.
    for email in _emails(disagreement="the speech and language therapy hours"):
        if not email.email_needed:
            continue
        assert "wish to pursue mediation" in email.body
        assert "consider mediation" not in email.body
        assert "What I disagree with: the speech and language therapy hours" in email.body
        assert f"It is about {DECISION_WORDS[email.decision]}" in email.body
