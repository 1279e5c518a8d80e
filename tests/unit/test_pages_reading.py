"""Guard rails for the guidance pages (docs/*.md): abbreviations are expanded before they are
used, each page says "council (local authority)" once, every page is in the navigation, and
every provision a page cites is one our sources registry holds and we have read.

The page title may use a short name ("SEND Tribunal"); the rules apply from the first line after
it. The reading of a page's Markdown is scripts/reading_report.page_text, so these tests and the
reading report see the same words.
"""

from __future__ import annotations

import re

import pytest
import yaml
from scripts.reading_report import DOCS, ROOT, page_text, pages

from sendrules.sources import SOURCES

PAGES = pages()
IDS = [path.name for path in PAGES]

# Each abbreviation, and the words it stands for (matched case-insensitively). An expansion is
# the words followed by the abbreviation in brackets ("... Advice (IPSEA)"), a little apart at
# most ("information, advice and support service for ... (SENDIASS)"), or the abbreviation
# followed by the words in brackets ("IPSEA (Independent Provider ...").
ABBREVIATIONS = {
    "IPSEA": r"independent provider of special education advice",
    "SENDIASS": r"information,? advice and support service",
    "SEND": r"special educational needs and disabilit(?:y|ies)",
    "EHC": r"education,? health and care",
    "LA": r"local authority",
}
GAP = r"[^.()]{0,80}"


def _text(path) -> str:
    return "\n".join(page_text(path.read_text(encoding="utf-8")))


def first_use_before_expansion(text: str, abbreviation: str, words: str) -> str | None:
    """None if ``abbreviation`` is unused or expanded at its first use; else the text around
    the first use."""
    use = re.search(rf"\b{abbreviation}\b", text)
    if use is None:
        return None
    expansion = re.search(
        rf"{words}{GAP}\(\s*{abbreviation}\s*\)|\b{abbreviation}\s*\(\s*{words}", text, re.IGNORECASE
    )
    if expansion and expansion.start() <= use.start() < expansion.end():
        return None
    return text[max(0, use.start() - 60) : use.end() + 60]


@pytest.mark.parametrize("path", PAGES, ids=IDS)
@pytest.mark.parametrize("abbreviation", list(ABBREVIATIONS))
def test_an_abbreviation_is_expanded_where_the_page_first_uses_it(path, abbreviation):
    found = first_use_before_expansion(_text(path), abbreviation, ABBREVIATIONS[abbreviation])
    assert found is None, f"{path.name} uses {abbreviation} before expanding it: ...{found}..."


@pytest.mark.parametrize(
    ("text", "abbreviation", "expanded"),
    [
        ("Ask the Independent Provider of Special Education Advice (IPSEA). IPSEA helps.", "IPSEA", True),
        ("Ask IPSEA (Independent Provider of Special Education Advice).", "IPSEA", True),
        ("Ask IPSEA. The Independent Provider of Special Education Advice (IPSEA) helps.", "IPSEA", False),
        ("Your local SEND information, advice and support service (SENDIASS).", "SENDIASS", True),
        ("Your local SENDIASS can help.", "SENDIASS", False),
        ("The SEND Tribunal hears appeals.", "SEND", False),
        ("The Special Educational Needs and Disability (SEND) Tribunal. The SEND Tribunal.", "SEND", True),
        ("An EHC plan. An Education, Health and Care (EHC) plan.", "EHC", False),
        ("No abbreviation here at all.", "LA", None),
    ],
)
def test_the_expansion_check_tells_expanded_from_not(text, abbreviation, expanded):
    found = first_use_before_expansion(text, abbreviation, ABBREVIATIONS[abbreviation])
    if expanded is None:
        assert found is None
    else:
        assert (found is None) is expanded


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_a_page_says_council_local_authority_once(path):
    # Letters say "local authority" (or "LA"); each page links the two words once.
    assert _text(path).count("council (local authority)") == 1, path.name


def test_every_page_is_in_the_navigation():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(config[config.index("\nnav:") :])["nav"]

    def files(entries):
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            yield from files(value) if isinstance(value, list) else [value]

    assert sorted(files(nav)) == sorted(IDS)


# -- citations ----------------------------------------------------------------------------------

# Regulations of the SEND Regulations 2014 that have not been read in the legislation text
# (/work/shared/reference/law.md, "Verification of 30 November 2026"): the mediation timescales
# are cited to the Part 2 "Mediation" crossheading, never to these numbers.
UNREAD_REGULATIONS = {"35", "36", "37", "39", "40", "41"}

KINDS = {
    "regulation": "regulation", "regulations": "regulation", "reg": "regulation", "regs": "regulation",
    "rule": "rule", "rules": "rule", "r": "rule",
    "section": "section", "sections": "section", "s": "section", "ss": "section",
    "paragraph": "paragraph", "paragraphs": "paragraph", "para": "paragraph",
    "schedule": "schedule",
}
NUMBER = r"\d+(?:\.\d+)?[A-Z]?(?![\w.]\w)"
BRACKETS = r"(?:\([^)]*\))*"
WORD_KINDS = "|".join(kind for kind in sorted(KINDS, key=len, reverse=True) if len(kind) > 3)
SHORT_KINDS = "|".join(kind for kind in sorted(KINDS, key=len, reverse=True) if len(kind) <= 3)
CITATION = re.compile(
    rf"\b(?:(?P<kind>{WORD_KINDS})\s+|(?P<short>{SHORT_KINDS})\.\s*)(?P<first>{NUMBER}){BRACKETS}"
    rf"(?P<more>(?:\s*(?:,|and|to|-|–)\s*{NUMBER}{BRACKETS})*)",
    re.IGNORECASE,
)


def citations(text: str) -> set[tuple[str, str]]:
    """(kind, number) for each provision cited: "regulations 32 to 34" gives 32, 33 and 34;
    "rules 5(3)(a) and 20(4)" gives rules 5 and 20; "s.51" gives section 51."""
    found = set()
    for match in CITATION.finditer(text):
        kind = KINDS[(match.group("kind") or match.group("short")).lower()]
        more = re.sub(BRACKETS.replace("*", "+"), "", match.group("more"))
        numbers = [match.group("first"), *re.findall(NUMBER, more)]
        found.update((kind, number) for number in numbers)
        if re.search(r"\bto\b|[-–]", more) and all(n.isdigit() for n in numbers[:2]):
            start, end = int(numbers[0]), int(numbers[1])
            found.update((kind, str(n)) for n in range(start, end + 1))
    return found


REGISTERED = {cited for source in SOURCES.values() for cited in citations(source.provision)}
SOURCE_IDS = re.compile(r"<!--\s*sources:\s*([^>]*?)\s*-->")


def test_citations_are_read_as_kind_and_number():
    assert citations("regulations 32 to 34") == {("regulation", n) for n in ("32", "33", "34")}
    assert citations("rules 5(3)(a) and 20(4)") == {("rule", "5"), ("rule", "20")}
    assert citations("Schedule 17, paragraph 4") == {("schedule", "17"), ("paragraph", "4")}
    assert citations("paragraph 9.69 of the Code") == {("paragraph", "9.69")}
    assert citations("Section B of the plan, in Year 11") == set()
    assert citations("CFA s.51 and reg. 33; r.12(3)(a)") == {
        ("section", "51"), ("regulation", "33"), ("rule", "12")}
    assert citations("the Tribunal's 5pm cut-off; it's 5 weeks") == set()


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_every_provision_a_page_cites_is_in_the_sources_registry(path):
    cited = citations(_text(path))
    assert cited - REGISTERED == set(), (
        f"{path.name} cites {sorted(cited - REGISTERED)}, which pylib/sendrules/sources.py does not hold"
    )


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_no_page_cites_a_regulation_we_have_not_read(path):
    markdown = path.read_text(encoding="utf-8")
    in_text = {number for kind, number in citations(_text(path)) if kind == "regulation"}
    assert in_text & UNREAD_REGULATIONS == set(), path.name
    for ids in SOURCE_IDS.findall(markdown):
        for source_id in ids.split():
            provision = SOURCES[source_id].provision
            named = {n for kind, n in citations(provision) if kind == "regulation"}
            crossheading = "Part 2" in provision  # the crossheading: regulations 32 to 42
            assert crossheading or not named & UNREAD_REGULATIONS, (
                f"{path.name} lists source {source_id} ({provision}), a regulation we have not read"
            )


def test_pages_are_read_from_docs_not_the_decision_records():
    assert PAGES and all(path.parent == DOCS for path in PAGES)
