"""The offer checker: corpus accuracy, each red flag, sentence splitting, bad input and the command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import offer_corpus  # tests/unit/offer_corpus.py: pytest puts this folder on sys.path
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from offer_corpus import CORPUS, HELD_OUT, LABELS, SPECIFIC, TUNING, VAGUE

from sendrules import cli
from sendrules.errors import SendRulesError
from sendrules.offer_check import (
    ELEMENTS,
    MAX_CHARS,
    OfferCheck,
    OfferTextError,
    check_offer,
    split_sentences,
)

ROOT = Path(__file__).resolve().parents[2]

GOOD = ("Amir will receive 3 sessions of 30 minutes per week of 1:1 speech and language therapy delivered by "
        "a HCPC-registered speech and language therapist, reviewed each half term.")


def one(sentence: str):
    result = check_offer(sentence)
    assert len(result.sentences) == 1, [s.text for s in result.sentences]
    return result.sentences[0]


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------


def test_corpus_is_big_enough_and_balanced():
    assert len(SPECIFIC) >= 30 and len(VAGUE) >= 30
    assert not set(SPECIFIC) & set(VAGUE)


def test_labelled_corpus_is_big_labelled_sourced_and_unique():
    assert len(CORPUS) >= 200
    assert {e.label for e in CORPUS} == set(LABELS)
    assert len({e.id for e in CORPUS}) == len({e.sentence for e in CORPUS}) == len(CORPUS)
    sources = (offer_corpus.DATA / "SOURCES.md").read_text(encoding="utf-8")
    for entry in CORPUS:
        assert entry.reason.strip() and entry.sentence == entry.sentence.strip()
        assert f"| {entry.source} |" in sources, entry.source


def test_split_is_the_seeded_one_and_keeps_each_label_in_both_parts():
    expected = offer_corpus.assign_parts([(e.id, e.label) for e in CORPUS])
    assert {e.id: e.part for e in CORPUS} == expected
    for label in LABELS:
        held = sum(e.label == label for e in HELD_OUT)
        tuned = sum(e.label == label for e in TUNING)
        assert held and tuned
        assert abs(held / (held + tuned) - offer_corpus.HELD_OUT_SHARE) < 0.02


@pytest.mark.parametrize("sentence", SPECIFIC)
def test_specific_sentence_is_not_vague(sentence):
    check = one(sentence)
    assert check.kind == "provision"
    assert check.verdict == "specific"
    assert not check.vague
    assert check.flags == ()
    assert not {"what", "who", "how much", "how often"} & set(check.missing)


def test_precision_and_recall_on_the_corpus():
    tp = sum(one(s).vague for s in VAGUE)
    fn = len(VAGUE) - tp
    fp = sum(one(s).vague for s in SPECIFIC)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    print(f"offer corpus: precision={precision:.3f} recall={recall:.3f} tp={tp} fn={fn} fp={fp}")
    assert recall >= 0.9
    assert precision >= 0.9


@pytest.mark.parametrize("part", ["tuning", "held-out"])
def test_issue_13_targets_hold_on_each_part_of_the_corpus(part):
    # The held-out part was checked once, after the rules were tuned (README); this keeps later
    # changes from undoing it. At least 85% of vague called vague; at most 10% of specific.
    entries = TUNING if part == "tuning" else HELD_OUT
    called = {e.id: one(e.sentence).verdict for e in entries}
    vague = [e for e in entries if e.label == "vague"]
    specific = [e for e in entries if e.label == "specific"]
    assert sum(called[e.id] == "vague" for e in vague) >= 0.85 * len(vague)
    assert sum(called[e.id] == "vague" for e in specific) <= 0.10 * len(specific)


def test_report_script_prints_precision_recall_and_confusion():
    script = str(ROOT / "scripts" / "offer_corpus_report.py")
    out = subprocess.run([sys.executable, script, "--part", "tuning"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert f"== tuning: {len(TUNING)} sentences" in out and "held-out" not in out
    for label in ("Precision (vague):", "Recall (vague):", "Specific called vague:", "needs more detail",
                  "not provision"):
        assert label in out


# ---------------------------------------------------------------------------
# Each red flag: the phrase found, why and what to ask
# ---------------------------------------------------------------------------

FLAG_CASES = [
    ("up-to", "Kai will receive up to 10 hours of TA support per week.", "up to", "ceiling", "least"),
    ("access-to", "Amir will have access to a quiet room.", "access to", "available", "receive"),
    ("opportunities", "Ruby will have opportunities for social play.", "opportunities", "promise",
     "provided"),
    ("regular", "Regular speech and language therapy.", "Regular", "how often", "How often"),
    ("regular", "Noah will be seen regularly by the speech and language therapist.", "regularly",
     "how often", "How often"),
    ("as-needed", "Maya will have sensory breaks as required.", "as required", "decide", "minimum"),
    ("as-needed", "Equipment will be provided as appropriate.", "as appropriate", "decide", "minimum"),
    ("as-needed", "Leo will see the OT as needed.", "as needed", "decide", "minimum"),
    ("recommendation", "Ella would benefit from a literacy intervention.", "would benefit from",
     "advice", "will receive"),
    ("recommendation", "It is recommended that Jo has speech and language therapy.", "It is recommended",
     "advice", "will receive"),
    ("delegated", "Support to be determined by the school.", "to be determined by the school",
     "local authority has to decide", "rather than leaving it to the school"),
    ("delegated", "The level of support will be at the discretion of the head teacher.",
     "at the discretion of", "local authority has to decide", "exactly"),
    ("funding", "Band 3 funding.", "Band 3", "not provision", "money"),
    ("funding", "The school will receive £6,000 to meet Sam's needs.", "£6,000", "not provision", "money"),
    ("consultation", "A programme will be written in consultation with the EP.", "in consultation with",
     "talk", "consulted"),
    ("monitoring", "Progress will be monitored.", "monitored", "Watching progress", "how often"),
    ("everyone-gets-this", "Quality first teaching.", "Quality first teaching", "every pupil",
     "on top of"),
    ("unclear-who", "Tom will be helped by a member of staff.", "member of staff",
     "who will do this", "training or qualification"),
    ("support-word", "Isla will receive support with her literacy.", "support", "on their own",
     "minutes or hours"),
    ("support-word", "Specialist teacher input.", "input", "on their own", "minutes or hours"),
    ("support-word", "Oscar will receive interventions for his fine motor skills.", "interventions",
     "on their own", "minutes or hours"),
    ("hedge", "Ben should receive daily reading practice.", "should", "optional", "will happen"),
    ("vague-amount", "Liam will have additional time in class.", "additional", "no amount", "How much"),
]


@pytest.mark.parametrize(("rule", "sentence", "phrase", "why", "ask"), FLAG_CASES)
def test_each_flag_names_the_phrase_why_and_what_to_ask(rule, sentence, phrase, why, ask):
    check = one(sentence)
    assert check.vague
    flags = {f.rule: f for f in check.flags}
    assert rule in flags, [f.rule for f in check.flags]
    flag = flags[rule]
    assert flag.phrase == phrase
    assert flag.phrase in sentence  # quoted as written
    assert why.lower() in flag.why.lower()
    assert ask.lower() in flag.ask.lower()
    assert flag.ask.endswith("?")


def test_up_to_is_a_flag_even_with_everything_else_stated():
    check = one("Kai will receive up to 10 hours per week of 1:1 support from a named teaching assistant, "
                "reviewed termly.")
    assert check.vague
    assert [f.rule for f in check.flags] == ["up-to"]
    assert check.missing == ()  # everything is there; only the ceiling is the problem


def test_up_to_date_is_not_up_to():
    check = one("Kai will have 30 minutes per week with a speech and language therapist, who will keep "
                "his programme up to date.")
    assert "up-to" not in {f.rule for f in check.flags}


def test_support_is_fine_with_who_how_much_and_how_often():
    check = one("Jo will have 25 hours per week of support from a named teaching assistant.")
    assert not check.vague
    assert check.found.who == "named teaching assistant"
    assert check.found.how_much == "25 hours"
    assert check.found.how_often == "per week"


def test_support_without_how_often_is_flagged():
    check = one("Aisha will receive 10 hours of support from a teaching assistant.")
    assert check.vague
    assert "how often" in check.missing
    assert "support-word" in {f.rule for f in check.flags}


def test_small_group_with_a_size_is_not_flagged():
    check = one("Sophie will have 2 hours per week of small group support in a group of 4 pupils, led by "
                "the SENCO.")
    assert not check.vague
    assert check.found.group_size == "group of 4 pupils"


def test_found_elements_of_a_full_sentence():
    check = one(GOOD)
    assert check.verdict == "specific"
    assert check.found.who == "HCPC-registered speech and language therapist"
    assert check.found.what == "speech and language therapy"
    assert check.found.how_much == "3 sessions"
    assert check.found.how_often == "per week"
    assert check.found.group_size == "1:1"
    assert check.found.duration == "reviewed each half term"
    assert check.missing == ()


def test_review_wording_is_not_taken_as_how_often():
    check = one("Amir will receive speech and language therapy from a speech and language therapist, "
                "reviewed each half term.")
    assert check.vague
    assert "how often" in check.missing and "how much" in check.missing
    assert check.found.duration == "reviewed each half term"


def test_group_size_is_missing_only_for_group_or_session_work():
    group = one("Noah will attend a social skills group led by an ELSA for 30 minutes each week.")
    assert "group size" in group.missing
    in_class = one("Kai will have 1:1 support from a learning support assistant for 32.5 hours per week.")
    assert "group size" not in in_class.missing
    visit = one("A specialist teacher will visit school for 2 hours each half term to advise staff.")
    assert "group size" not in visit.missing


def test_missing_uses_only_known_element_names():
    for sentence in (*SPECIFIC, *VAGUE):
        assert set(one(sentence).missing) <= set(ELEMENTS)


# ---------------------------------------------------------------------------
# Three verdicts: specific, needs more detail, vague
# ---------------------------------------------------------------------------

ISSUE_EXAMPLE = ("Your child will have one 30-minute one-to-one speech and language therapy session each "
                 "week, given by a qualified therapist.")


def test_the_issues_well_specified_example_is_specific():
    check = one(ISSUE_EXAMPLE)
    assert check.verdict == "specific" and not check.vague
    assert check.flags == () and check.details == ()


@pytest.mark.parametrize(("sentence", "rule", "ask"), [
    ("Ben will attend a social skills group led by an ELSA for 30 minutes each week.", "small-group",
     "How many children"),
    ("Ben will be taught maths in a small group by a qualified teacher for 5 hours a week.", "small-group",
     "How many children"),
    ("A TA will deliver 3 sessions per week of 1:1 handwriting practice.", "session-length", "How long"),
    ("The EP will visit termly to review Amir's progress and advise staff.", "session-length", "How long"),
    ("Approximately 30 minutes of 1:1 reading with a TA each day.", "about", "exact amount"),
    ("A speech and language therapist will see Kai 1:1 for 30-45 minutes each fortnight.", "range",
     "one amount"),
    ("A teaching assistant will deliver a reading programme such as Toe by Toe to Ben 1:1 for 15 minutes "
     "a day.", "for-example", "name it"),
    ("A trained member of staff will deliver a 20-minute social skills session to Marcus each week, 1:1.",
     "loose-who", "training or qualification"),
    ("Access to 1:1 teaching assistant support for 15 hours per week.", "access-to", "receive"),
])
def test_needs_more_detail_names_what_to_ask(sentence, rule, ask):
    check = one(sentence)
    assert check.verdict == "needs more detail"
    assert not check.vague and check.flags == ()
    assert not {"what", "who", "how much", "how often"} & set(check.missing)
    details = {d.rule: d for d in check.details}
    assert rule in details, [d.rule for d in check.details]
    assert ask.lower() in details[rule].ask.lower() and details[rule].ask.endswith("?")
    assert details[rule].phrase in sentence


@pytest.mark.parametrize(("sentence", "rule"), [
    ("Targets and strategies will be set out in Zainab's IEP.", "delegated"),
    ("The amount of speech and language therapy will be determined following the SALT assessment.",
     "delegated"),
    ("Speech and language therapy as advised by the SALT.", "delegated"),
    ("Weekly sessions with a speech and language therapist or equivalent.", "delegated"),
    ("15 minutes of daily reading with a TA, subject to review.", "delegated"),
    ("Up to 15 hours per week of 1:1 TA support.", "up-to"),
    ("An occupational therapist may see Rory for 30 minutes each week.", "hedge"),
    ("Rory should receive 30 minutes of OT each week from an occupational therapist.", "hedge"),
    ("A sensory room is available for Amelia to use.", "hedge"),
    ("Staffing arrangements will be kept flexible to meet Callum's changing needs.", "hedge"),
])
def test_hedges_and_delegation_are_vague_even_with_numbers(sentence, rule):
    check = one(sentence)
    assert check.verdict == "vague" and check.vague
    assert rule in {f.rule for f in check.flags}, [f.rule for f in check.flags]


def test_at_least_is_a_floor_not_a_hedge():
    check = one("At least 20 minutes of 1:1 phonics each school day with a teaching assistant.")
    assert check.verdict == "specific"


def test_vague_is_the_flag_for_the_last_verdict_only():
    lines = [ISSUE_EXAMPLE, "• ELSA sessions weekly", "Regular speech and language support."]
    result = check_offer("\n".join(lines))
    assert [c.verdict for c in result.sentences] == ["specific", "needs more detail", "vague"]
    assert [c.vague for c in result.sentences] == [False, False, True]
    assert (result.specific, result.needs_more_detail, result.vague, result.provision) == (1, 1, 1, 3)
    assert "1 of 3 sentences of provision is vague and 1 needs more detail" in result.summary


@pytest.mark.parametrize("sentence", [
    "Mason will have a SALT programme delivered by a TA 3x30mins weekly.",
    "Fine motor programme x3 weekly, 20 mins, with a TA.",
    "A speech and language therapist will see Mia 1:1 for 40 minutes fortnightly.",
    "An OT will see Mia for 45 minutes half-termly.",
    "A QToD will teach Mia 1:1 for 2 hrs per term.",
    "1:1 LSA \u2013 25 hrs/wk.",
    "An HLTA will run a Numicon group of 4 for 25 minutes, x3 weekly.",
    "The SENCo will meet Mia for 20 minutes every Monday.",
    "An EP will work with Mia and her teachers for 3 hrs per term.",
    "The school\u2019s ELSA will see Mia 1:1 for 30 minutes each week.",
    "A \u201cqualified\u201d speech and language therapist will see Mia for 30 minutes each week, 1:1.",
])
def test_real_formats_and_abbreviations_are_read(sentence):
    check = one(sentence)
    assert check.verdict == "specific", (check.missing, [f.rule for f in (*check.flags, *check.details)])
    assert check.found.how_often and check.found.how_much and check.found.who


# ---------------------------------------------------------------------------
# Not provision
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Section F",
    "Section F: Special educational provision",
    "Communication and interaction",
    "Outcome: by the end of Year 6, Sam will be able to read a short paragraph aloud.",
    "Sam has a diagnosis of autism and finds it hard to wait his turn.",
    "Sam will receive the following:",
    "12345",
])
def test_headings_outcomes_and_needs_are_not_provision(text):
    check = one(text)
    assert check.kind == "not provision"
    assert check.verdict == "not provision"
    assert not check.vague
    assert check.flags == () and check.missing == ()
    assert check.reason


@pytest.mark.parametrize("text", [
    "Section F: access to speech and language therapy as appropriate.",
    "Section F - Sam will have regular support from a teaching assistant.",
    "Part 2: up to 10 hours of support a week.",
])
def test_provision_after_a_section_label_is_still_checked(text):
    check = one(text)
    assert check.kind == "provision"
    assert check.vague


def test_summary_counts():
    result = check_offer("Section F\n\n" + GOOD + "\n\nSam will have access to a quiet space.")
    assert isinstance(result, OfferCheck)
    assert (result.provision, result.vague, result.specific, result.not_provision) == (2, 1, 1, 1)
    assert "1 of 2" in result.summary


def test_summary_when_there_is_no_provision():
    result = check_offer("Section F")
    assert result.provision == 0
    assert "did not find any provision" in result.summary


def test_sources_cite_the_code_and_the_case_law():
    ids = {s.id for s in check_offer("Band 3 funding. Support to be determined by the school.").sources}
    assert {"cop-9-69", "l-v-clarke-1998", "ex-p-e-1992", "r-v-cumbria-1994", "c-v-sent-greenwich-1999",
            "worcestershire-v-se-2020", "cfa-s42"} <= ids


# ---------------------------------------------------------------------------
# Splitting
# ---------------------------------------------------------------------------


def test_split_keeps_abbreviations_together():
    text = ("Sam will have Lego-based therapy, e.g. Build to Express, for approx. 30 mins. weekly. "
            "Dr. Patel will assess him, i.e. once a year. He will get 1:1 help.")
    assert split_sentences(text) == [
        "Sam will have Lego-based therapy, e.g. Build to Express, for approx. 30 mins. weekly.",
        "Dr. Patel will assess him, i.e. once a year.",
        "He will get 1:1 help.",
    ]


def test_split_programme_names_with_full_stops():
    assert len(split_sentences("Leo will do Read Write Inc. Fresh Start daily with a TA.")) == 1


def test_split_bullets_numbers_and_headings():
    text = ("Section F\n"
            "Speech and language\n"
            "The school will provide:\n"
            "- regular speech and language input\n"
            "\u2022 Band 3 funding\n"
            "1. A TA for 10 hours per week\n"
            "(b) Access to a quiet room\n"
            "ii) Sensory breaks as required\n")
    assert split_sentences(text) == [
        "Section F",
        "Speech and language",
        "The school will provide:",
        "regular speech and language input",
        "Band 3 funding",
        "A TA for 10 hours per week",
        "Access to a quiet room",
        "Sensory breaks as required",
    ]


def test_split_joins_lines_broken_mid_sentence():
    text = ("Amir will receive 3 sessions of 30 minutes per week of 1:1 speech and\n"
            "language therapy delivered by a HCPC-registered speech and language\n"
            "therapist, reviewed each half term.\r\nSam will have access to a quiet space.")
    sentences = split_sentences(text)
    assert sentences == [GOOD, "Sam will have access to a quiet space."]


def test_split_semicolon_lists_but_not_a_single_joined_sentence():
    listed = split_sentences("Sam will receive: weekly OT; access to a laptop; and regular breaks.")
    assert listed == ["Sam will receive:", "weekly OT", "access to a laptop", "regular breaks."]
    joined = split_sentences("Sam will have 30 minutes of SALT per week; this will be reviewed termly.")
    assert len(joined) == 1


def test_split_ratio_and_times_are_not_list_colons():
    text = "Ava will have 1:1 support at 10:30 each day; then 2:1 at lunch."
    assert split_sentences(text) == [text]


def test_paste_from_word_with_bullets_numbers_a_table_and_curly_quotes():
    text = ("Section F: Special educational provision\r\n"
            "Communication and interaction\r\n"
            "\u2022\tSALT: 1 x 45 min session per fortnight (HCPC-registered SLT)\r\n"
            "\u2022\tAccess to ELSA\r\n"
            "1.\tDaily 15-minute 1:1 reading session with a teaching assistant.\r\n"
            "Provision\tWho\tHow often\r\n"
            "Occupational therapy\tOccupational therapist\tas required\r\n"
            "Ella\u2019s TA will provide \u201cappropriate\u201d support in lessons.")
    result = check_offer(text)
    verdicts = {c.text: c.verdict for c in result.sentences}
    assert verdicts["SALT: 1 x 45 min session per fortnight (HCPC-registered SLT)"] == "specific"
    assert verdicts["Access to ELSA"] == "vague"
    assert verdicts["Daily 15-minute 1:1 reading session with a teaching assistant."] == "specific"
    assert verdicts["Occupational therapy Occupational therapist as required"] == "vague"
    assert verdicts["Ella\u2019s TA will provide \u201cappropriate\u201d support in lessons."] == "vague"
    assert verdicts["Section F: Special educational provision"] == "not provision"


def test_each_row_of_a_table_pasted_from_word_is_checked_on_its_own():
    text = ("Provision\tWho\tHow often\n"
            "Speech and language therapy\tSpeech and language therapist\t1 x 60 minutes weekly, 1:1\n"
            "OT\tOT\tas required\n"
            "Reading\tTA\t15 minutes daily")
    result = check_offer(text)
    assert [c.text for c in result.sentences] == [
        "Provision Who How often",
        "Speech and language therapy Speech and language therapist 1 x 60 minutes weekly, 1:1",
        "OT OT as required",
        "Reading TA 15 minutes daily",
    ]
    assert [c.verdict for c in result.sentences] == ["not provision", "specific", "vague", "specific"]


def test_paste_from_pdf_with_hard_line_breaks_and_hyphenated_words():
    text = ("A HCPC-registered speech and language therapist will provide one 45-minute 1:1\n"
            "session each week, and a teaching assistant will carry out a 15-minute follow-up\n"
            "of the same targets every school day.\n"
            "\n"
            "Sam will have regular access to a quiet space when\n"
            "needed.")
    result = check_offer(text)
    assert [c.verdict for c in result.sentences] == ["specific", "vague"]


def test_a_whole_section_f_of_5000_words_is_checked_sentence_by_sentence():
    sentences = [e.sentence for e in TUNING]
    text, n = [], 0
    while sum(len(t.split()) for t in text) < 5000:
        text.append(("\u2022 " if n % 3 == 0 else "") + sentences[n % len(sentences)])
        n += 1
    pasted = "\n".join(text)
    assert len(pasted) <= MAX_CHARS
    result = check_offer(pasted)
    assert len(result.sentences) == n
    assert result.provision == result.specific + result.needs_more_detail + result.vague


# ---------------------------------------------------------------------------
# Bad input and hostile input
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_is_an_error(text):
    with pytest.raises(OfferTextError) as err:
        check_offer(text)
    assert err.value.message == "Paste the wording you want to check"
    assert err.value.field == "offer-text"
    assert isinstance(err.value, SendRulesError)


def test_very_long_text_is_an_error_asking_for_one_section():
    text = "Support as required. " * (MAX_CHARS // 20 + 1)
    with pytest.raises(OfferTextError) as err:
        check_offer(text)
    assert "one section at a time" in err.value.message
    assert f"{MAX_CHARS:,} characters or fewer" in err.value.message  # says the limit
    assert f"{len(text):,}" in err.value.message  # and how much was pasted
    assert err.value.field == "offer-text"


def test_text_at_the_limit_is_checked():
    text = ("Sam will have access to a quiet space. " * 1000)[:MAX_CHARS]
    assert len(check_offer(text).sentences) > 100


PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
            "Sam will have access to <b>1:1</b> support & 'breaks' as required."]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_is_kept_as_plain_text(payload):
    result = check_offer(payload)
    joined = " ".join(s.text for s in result.sentences)
    assert joined == " ".join(payload.split())
    assert "&lt;" not in joined and "&amp;" not in joined


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_arbitrary_text_only_ever_raises_send_rules_error_and_is_deterministic(text):
    try:
        first = check_offer(text)
    except SendRulesError:
        with pytest.raises(SendRulesError):
            check_offer(text)
        return
    second = check_offer(text)
    assert first == second
    assert first.to_dict() == second.to_dict()
    for check in first.sentences:
        assert check.text and check.text == check.text.strip()
        essential = {"what", "who", "how much", "how often"} & set(check.missing)
        assert check.vague == bool(check.flags or essential) == (check.verdict == "vague")
        if check.verdict == "needs more detail":
            assert check.details and not check.flags and not essential
        if check.verdict == "specific":
            assert not check.details


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=400))
def test_any_unicode_at_all_never_raises_anything_but_a_send_rules_error(text):
    # Every code point, including surrogates, controls, combining marks and other line separators.
    try:
        result = check_offer(text)
    except SendRulesError as err:
        assert err.message and "Traceback" not in err.message
        return
    assert result.provision + result.not_provision == len(result.sentences)
    verdicts = {"specific", "needs more detail", "vague", "not provision"}
    assert {c.verdict for c in result.sentences} <= verdicts


def test_no_pattern_repeats_a_group_of_words_without_a_bound():
    # "(?:(?:trained|qualified)\\s+)*" scanned every start of "trained trained trained ..." to its end:
    # quadratic on a long paste. Every repeated group of words must have an upper bound.
    import re

    import sendrules.offer_check as oc

    patterns = [v for v in vars(oc).values() if isinstance(v, re.Pattern)]
    patterns += [rule.pattern for rule in (*oc._RULES, *oc._LOOSE)]
    unbounded = re.compile(r"\\s[+*]\)[*+]|\\s[+*]\)\{\d*,\}")
    assert len(patterns) > 30
    for pattern in patterns:
        assert not unbounded.search(pattern.pattern), pattern.pattern[:120]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*SPECIFIC, *VAGUE, "Section F", "- ", "e.g.", "\n", "; "]), max_size=12))
def test_pasted_mixtures_never_crash(parts):
    text = " ".join(parts)
    try:
        result = check_offer(text)
    except SendRulesError:
        assert not text.strip()
        return
    assert result.provision + result.not_provision == len(result.sentences)


def test_long_unpunctuated_text_is_quick():
    import time

    text = ("support " * 2400)[:MAX_CHARS]
    start = time.perf_counter()
    check_offer(text)
    assert time.perf_counter() - start < 2.0


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def run_cli(monkeypatch, capsys, argv, stdin):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_has_one_entry_per_sentence(monkeypatch, capsys):
    text = "Section F\n" + GOOD + "\nSam will have access to a quiet space when needed."
    code, out, err = run_cli(monkeypatch, capsys, ["offer-check", "--json"], text)
    assert code == 0 and err == ""
    data = json.loads(out)
    sentences = data["sentences"]
    assert [s["text"] for s in sentences] == split_sentences(text)
    assert [s["vague"] for s in sentences] == [False, False, True]
    assert sentences[1]["missing"] == []
    vague = sentences[2]
    assert {"what", "who", "how much", "how often"} <= set(vague["missing"])
    assert {f["phrase"] for f in vague["flags"]} == {"access to", "when needed"}
    for flag in vague["flags"]:
        assert set(flag) >= {"phrase", "why", "ask"}


def test_cli_json_gives_each_verdict_and_keeps_vague_for_the_last_one(monkeypatch, capsys):
    text = "\n".join([GOOD, "A TA will deliver 3 sessions per week of 1:1 handwriting practice.",
                      "Regular speech and language support."])
    code, out, err = run_cli(monkeypatch, capsys, ["offer-check", "--json"], text)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [s["verdict"] for s in data["sentences"]] == ["specific", "needs more detail", "vague"]
    assert [s["vague"] for s in data["sentences"]] == [False, False, True]
    assert (data["specific"], data["needs_more_detail"], data["vague"]) == (1, 1, 1)
    detail = data["sentences"][1]["details"]
    assert [d["rule"] for d in detail] == ["session-length"]
    assert set(detail[0]) >= {"phrase", "why", "ask"}


def test_cli_readable_report(monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, ["offer-check"], "Band 3 funding.\n" + GOOD)
    assert code == 0 and err == ""
    assert "1 of 2" in out
    assert "[Vague] Band 3 funding." in out
    assert "Ask: What will this money pay for" in out
    assert f"[Specific] {GOOD}" in out


@pytest.mark.parametrize(("stdin", "message"), [
    ("", "Paste the wording you want to check"),
    ("x" * (MAX_CHARS + 1), "one section at a time"),
])
def test_cli_bad_input_exits_2_with_one_line(monkeypatch, capsys, stdin, message):
    code, out, err = run_cli(monkeypatch, capsys, ["offer-check", "--json"], stdin)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err
    assert "Traceback" not in err


def test_cli_subprocess():
    proc = subprocess.run([sys.executable, "-m", "sendrules", "offer-check", "--json"],
                          input="Up to 3 sessions of OT per term.\n", capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["sentences"][0]["vague"] is True
    assert data["sentences"][0]["flags"][0]["phrase"] == "Up to"
    empty = subprocess.run([sys.executable, "-m", "sendrules", "offer-check"], input="",
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert empty.returncode == 2 and empty.stdout == ""
    assert empty.stderr.strip() == "sendrules: error: Paste the wording you want to check"
