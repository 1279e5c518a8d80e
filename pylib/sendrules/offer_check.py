"""Check the wording of proposed provision, sentence by sentence.

A parent pastes what the local authority offers (a draft Section F, a
mediation agreement). :func:`check_offer` splits it into sentences and, for
each one, looks for what a Tribunal expects provision to state (SEND Code of
Practice 9.69):

* **what** the provision is (the therapy, programme or kind of teaching);
* **who** delivers it (role, qualification or training);
* **how much** (minutes, hours, number of sessions);
* **how often** (per day, week, half term, term);
* **group size**, where the provision is given in a group or in sessions;
* **duration**: for how long, and when it is reviewed.

It also looks for wording that courts and the Tribunal have criticised: "access
to", "up to", "as required", a funding band instead of provision, leaving the
decision to the school, and so on. Each such phrase becomes a :class:`Flag`
with why it is a problem and a question to ask the local authority.

A sentence is **vague** when it has a flag, or when it describes provision but
does not say what it is, who gives it, how much or how often. Headings,
outcomes and descriptions of need are reported as **not provision** and are
neither praised nor flagged.

The rules are regular expressions and word lists only: no network, no model,
nothing but :mod:`re`, so the check is quick in the browser too. The text is
kept exactly as typed (apart from trimming spaces and list markers); it is
never turned into markup here, and whoever shows it must escape it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import SendRulesError
from .results import Result, Step
from .sources import cite

__all__ = [
    "ELEMENTS",
    "MAX_CHARS",
    "Flag",
    "Found",
    "OfferCheck",
    "OfferTextError",
    "SentenceCheck",
    "check_offer",
    "split_sentences",
]

#: The longest text checked at once: a whole Section F of 5,000 words fits with room to spare.
MAX_CHARS = 50_000

#: What specific provision states, in the order we list what is missing.
ELEMENTS = ("what", "who", "how much", "how often", "group size", "duration")

#: Missing any of these makes a provision sentence vague. Group size and
#: duration are reported, but on their own do not make it vague.
ESSENTIAL = ("what", "who", "how much", "how often")

FIELD = "offer-text"


class OfferTextError(SendRulesError):
    """Nothing to check, or too much to check at once."""


@dataclass(frozen=True)
class Flag:
    """A phrase a Tribunal would not accept as it stands."""

    phrase: str  # the words as they appear in the sentence
    rule: str  # a stable id for the kind of problem, e.g. "up-to"
    why: str
    ask: str


@dataclass(frozen=True)
class Found:
    """What the sentence does state, in its own words (``None`` where it says nothing)."""

    what: str | None = None
    who: str | None = None
    how_much: str | None = None
    how_often: str | None = None
    group_size: str | None = None
    duration: str | None = None


@dataclass(frozen=True)
class SentenceCheck:
    text: str
    kind: str  # "provision" or "not provision"
    verdict: str  # "specific", "needs more detail", "vague" or "not provision"
    vague: bool  # True for the verdict "vague" only
    missing: tuple[str, ...]
    flags: tuple[Flag, ...]  # hedges and criticised wording: each makes the sentence vague
    found: Found
    reason: str  # one line: why this verdict
    details: tuple[Flag, ...] = ()  # loose wording to tighten: each makes it "needs more detail"


@dataclass(frozen=True)
class OfferCheck(Result):
    sentences: tuple[SentenceCheck, ...]
    provision: int
    vague: int
    specific: int
    not_provision: int
    summary: str
    needs_more_detail: int = 0


# ---------------------------------------------------------------------------
# Splitting pasted text into sentences
# ---------------------------------------------------------------------------

_BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2013\u2014>]+|o(?=\s)"
    r"|\(?[A-Z]?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-z][.)]|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)])\s+"
)
# Words ending in a full stop that do not end a sentence.
_NEVER_ENDS = frozenset({
    "e.g", "eg", "i.e", "ie", "approx", "dr", "mr", "mrs", "ms", "mx", "prof", "st", "no", "nos",
    "inc", "incl", "vs", "cf", "esp", "viz", "fig", "a.m", "p.m", "ref", "max", "min. of",
})
# Units: a full stop after them ends a sentence only before an ordinary capitalised word.
_UNITS = frozenset({"hrs", "hr", "mins", "min", "wks", "wk", "yrs", "yr", "secs", "sec", "approx"})
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u2019\u201d)]*\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")
# The word just before a full stop; it starts after a character that cannot be in it, so the search
# is linear (the text given is a short window before the stop, never the whole paragraph).
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Za-z][A-Za-z.]*)$")
_ACRONYM = re.compile(r"[A-Z]{2,}\b|\d")
_TERMINAL = re.compile(r"[.!?;:][\"'\u2019\u201d)]*$")
_LIST_COLON = re.compile(r":(?=\s|$)")


def _split_block(block: str) -> list[str]:
    """One paragraph or list item into sentences, minding abbreviations."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = block[max(start, match.start() - 40):match.start() + 1].rstrip(".!?\"')\u2019\u201d")
        word = _WORD_BEFORE.search(before)
        token = word.group(1).lower() if word else ""
        if block[match.start()] == ".":
            if token in _NEVER_ENDS or token.rstrip(".") in _NEVER_ENDS:
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial: "J. Smith"
            if token in _UNITS and _ACRONYM.match(block, match.end()):
                continue  # "30 mins. SALT per week"
        parts.append(block[start:match.end()].strip())
        start = match.end()
    parts.append(block[start:].strip())
    out: list[str] = []
    for part in parts:
        out.extend(_split_semicolons(part))
    return [p for p in out if p]


def _split_semicolons(sentence: str) -> list[str]:
    """A list run together with semicolons ("... the following: a; b; c") becomes items.

    A single semicolon joining two halves of one sentence is left alone.
    """
    if ";" not in sentence:
        return [sentence]
    head, _, _ = sentence.partition(";")
    colon = _LIST_COLON.search(head)
    if colon is None and sentence.count(";") < 2:
        return [sentence]
    items: list[str] = []
    rest = sentence
    if colon is not None:
        items.append(sentence[:colon.end()].strip())
        rest = sentence[colon.end():]
    items.extend(item.strip() for item in rest.split(";"))
    return [re.sub(r"^(?:and|or)\s+", "", item) for item in items if item.strip(" .;")]


def _strip_bullet(line: str) -> tuple[str, bool]:
    match = _BULLET.match(line)
    if match and line[match.end():].strip():
        return line[match.end():].strip(), True
    return line.strip(), False


def split_sentences(text: str) -> list[str]:
    """Pasted text as a list of sentences and list items, in order.

    Blank lines, list markers (bullets, "1.", "a)", "(ii)") and table rows
    pasted from Word (cells split by tabs) start a new item. A line that
    carries on a sentence broken by the line length (it does not follow a
    full stop, and the line before is not a short heading) is joined to it.
    Each block is then split at full stops, minding "e.g.", "i.e.",
    "approx.", "Dr." and the like; lists joined by semicolons become separate
    items.
    """
    return [sentence for sentence, _ in _items(text)]


def _items(text: str) -> list[tuple[str, bool]]:
    """The sentences, each with whether it came from a list item (bullet or number)."""
    blocks: list[tuple[list[str], bool]] = []
    current: list[str] | None = None
    row = False  # the current block is a table row pasted from Word (cells split by tabs)
    words = 0  # words in the current block so far (kept as a count: joining each time is quadratic)
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            current = None
            continue
        body, bulleted = _strip_bullet(line)
        tabbed = "\t" in raw.strip()
        joins = (
            current is not None
            and not bulleted
            and not tabbed
            and not row
            and not _TERMINAL.search(current[-1])
            and not (body[:1].isupper() and words <= 6)
        )
        if joins:
            current.append(body)
            words += len(body.split())
        else:
            current = [body]
            words = len(body.split())
            row = tabbed
            blocks.append((current, bulleted))  # a short header row can still read as a heading
    sentences: list[tuple[str, bool]] = []
    for lines, bulleted in blocks:
        parts = _split_block(" ".join(lines))
        sentences.extend((part, bulleted or len(parts) > 1) for part in parts)
    return sentences


# ---------------------------------------------------------------------------
# The red-flag phrases
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    id: str
    pattern: re.Pattern[str]
    why: str
    ask: str
    source_ids: tuple[str, ...] = ("cop-9-69", "l-v-clarke-1998")
    # Only a flag when the sentence lacks one of these (empty: always a flag).
    unless_all: tuple[str, ...] = field(default=())
    # When the sentence states every essential, the phrase asks for more detail instead of
    # making it vague ("access to 1:1 support from a TA for 15 hours a week").
    soft_when_complete: bool = False


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_RULES: tuple[_Rule, ...] = (
    _Rule(
        "up-to",
        _rx(r"\bup\s+to\b(?!\s+date\b)"),
        "'Up to' sets a ceiling, not an entitlement. Your child could get much less, even nothing, "
        "and the plan would still be kept.",
        "What is the least my child will get, and can the plan state that amount instead of a maximum?",
    ),
    _Rule(
        "access-to",
        _rx(r"\baccess\s+to\b|\b(?:can|could|will|may|able\s+to)\s+access\b(?!\s+(?:the\s+)?curriculum)"),
        "'Access to' means something is available, not that your child will be given it. "
        "It does not say how much, how often or who provides it.",
        "What exactly will my child receive, from whom, for how long and how often?",
        soft_when_complete=True,
    ),
    _Rule(
        "opportunities",
        _rx(r"\bopportunit(?:y|ies)\b"),
        "An 'opportunity' is not a promise that anything will happen.",
        "What will actually be provided, by whom, and how many times a week?",
        ("cop-9-69", "worcestershire-v-se-2020"),
    ),
    _Rule(
        "regular",
        _rx(r"\bregular(?:ly)?\b(?!\s+(?:class|classes|classroom|classrooms|lessons?|school)\b)"
            r"|\b(?:frequent(?:ly)?|periodic(?:ally)?|occasional(?:ly)?|routinely|ongoing)\b"),
        "'Regular' and words like it say that something repeats, not how often. Daily and once a "
        "term are both regular.",
        "How often, exactly: how many times a week or a term, and for how long each time?",
    ),
    _Rule(
        "as-needed",
        _rx(r"\b(?:as|when|where|if|whenever|wherever)\s+(?:appropriate|required|needed|necessary)\b"
            r"|\bas\s+and\s+when\b"
            r"|\b(?:as|when|if|whenever)\s+(?:he|she|they|[A-Z][a-z]+)\s+needs?\s+(?:it|them|one|to)\b"),
        "This leaves someone else to decide whether the provision happens at all, and how much. "
        "That makes it very hard to enforce.",
        "Who decides what is 'needed', and what is the minimum my child will get each week?",
    ),
    _Rule(
        "recommendation",
        _rx(r"\b(?:would|will|may|might|could|should)\s+(?:also\s+|really\s+)?benefit\s+from\b"
            r"|\b(?:it\s+is|is|are|was|were)\s+(?:strongly\s+)?(?:recommended|suggested|advised)\b"
            r"|\brecommend(?:s|ed)?\s+that\b|\bshould\s+be\s+considered\b|\bconsideration\s+(?:should|will|could)\b"
            r"|\bconsider(?:ing)?\b"),
        "A recommendation or a benefit is advice, not a decision. The local authority does not have "
        "to secure it.",
        "Will the council make sure this is provided, and can it be written as what my child 'will "
        "receive', with who, how much and how often?",
    ),
    _Rule(
        "hedge",
        _rx(r"\b(?:may|might|could)\b(?!\s+(?:19|20)\d\d)|\b[Ss]hould\b"
            r"|\b(?:where|if|wherever|when)\s+(?:possible|practicable|available|resources\s+allow)\b"
            r"|\bsubject\s+to\s+(?:availability|resources|funding|staffing)\b"
            r"|\b(?:aim|aims|try|tries|endeavour|endeavours|seek|seeks)\s+to\b"
            r"|\b(?:[Ww]ould|[Ww]ill)\s+be\s+(?:helpful|useful|beneficial|considered)\b"
            r"|\b(?:[Ii]s|[Aa]re)\s+available\b|\b(?:kept|remain|be)\s+flexible\b", 0),
        "Words like 'may', 'should' or 'where possible' make it optional. The local authority must "
        "secure what the plan says, so it has to say what will happen.",
        "Can this be written as what will happen, not what might happen?",
        ("cop-9-69", "cfa-s42"),
    ),
    _Rule(
        "delegated",
        _rx(r"\b(?:to\s+be\s+|will\s+be\s+|as\s+|is\s+|are\s+)?(?:determined|decided|judged)\s+by\s+"
            r"(?:the\s+)?(?:school|setting|college|senco|head\s*teacher|headteacher|staff|provider|"
            r"class\s+teacher|nursery)\b"
            r"|\bat\s+the\s+(?:\w+\s+)?discretion\s+of\b|\bat\s+(?:the\s+)?[\w']+\s+discretion\b"
            r"|\bas\s+(?:the\s+)?(?:school|setting|college|staff|senco|provider)\s+(?:sees?|deems?|thinks?|"
            r"considers?)\s+(?:fit|appropriate|necessary|best)\b"
            r"|\b(?:school|setting|college|senco|provider)\s+(?:will|to|can|may)\s+(?:decide|determine)\b"
            r"|\b(?:set\s+out|detailed|recorded|outlined)\s+in\s+(?:[\w'\u2019]+\s+){0,3}(?:IEP|provision\s+map|"
            r"support\s+plan|pupil\s+passport|individual\s+education\s+plan)\b"
            r"|\b(?:as|when)\s+(?:advised|recommended|directed|agreed)\s+by\b"
            r"|\bin\s+line\s+with\s+(?:the\s+)?(?:\w+\s+){0,3}(?:recommendations?|advice|report|criteria)\b"
            r"|\b(?:to\s+be\s+|will\s+be\s+)?(?:determined|decided|agreed|confirmed|set)\s+(?:following|after|at)\s+"
            r"(?:the\s+|a\s+)?(?:\w+\s+){0,2}(?:assessment|meeting|review|report|panel)\b"
            r"|\bto\s+be\s+(?:agreed|decided|determined|confirmed)\b|\bor\s+equivalent\b|\bsubject\s+to\s+review\b"
            r"|\bconsultative\s+model\b|\b(?:reducing|reduced|fading)\s+over\s+time\b"
            r"|\bfollowing\s+a\s+(?:formal\s+)?discussion\b"),
        "The local authority has to decide the provision itself. Leaving it to the school leaves "
        "nothing fixed, which makes it very hard to enforce.",
        "Can the plan say exactly what my child will receive, rather than leaving it to the school "
        "to decide?",
        ("c-v-sent-greenwich-1999", "cop-9-69"),
    ),
    _Rule(
        "funding",
        _rx(r"£\s?\d[\d,]*(?:\.\d+)?(?:k|m)?\b|\b\d[\d,]*\s*pounds\b|\bband(?:ing)?\s*(?:\d{1,2}|[A-H])\b|\bfunding\b|\bbudget\b"
            r"|\btop[-\s]up\b|\belement\s+(?:2|3|two|three)\b|\bhigh[-\s]needs\b|\bfunded\s+at\b"),
        "A funding band or a sum of money is not provision. It does not say what your child will get "
        "for it.",
        "What will this money pay for: which staff, doing what, for how many hours a week?",
        ("r-v-cumbria-1994", "cop-9-69"),
    ),
    _Rule(
        "consultation",
        _rx(r"\bin\s+(?:consultation|liaison|collaboration|discussion)\s+with\b|\bliais(?:e|ing)\s+with\b"),
        "This says who will talk to whom, not what your child will receive after they have talked.",
        "Once they have consulted, what exactly will my child get, from whom and how often?",
    ),
    _Rule(
        "monitoring",
        _rx(r"\bmonitor(?:ed|ing|s)?\b|\bkept\s+under\s+review\b|\bkeep\s+under\s+review\b"),
        "Watching progress is not help. It does not say what will be done for your child.",
        "Who will check what, how often, and what provision will change if progress is slow?",
    ),
    _Rule(
        "everyone-gets-this",
        _rx(r"\bquality\s+first\s+teaching\b|\bhigh[-\s]quality\s+teaching\b|\bordinarily\s+available\b"
            r"|\buniversal\s+(?:provision|offer|support)\b|\bdifferentiat(?:ed|ion|e)\b"
            r"|\bwhole[-\s]school\s+(?:approach|strategies|policy)\b"),
        "This describes what every pupil should get already. It does not add anything for your "
        "child's special educational needs.",
        "What will my child get on top of what every pupil gets, from whom and how often?",
    ),
    _Rule(
        "unclear-who",
        _rx(r"\b(?:members?\s+of\s+(?:school\s+)?staff|staff\s+members?|school\s+staff|an?\s+(?:trained\s+|"
            r"familiar\s+|known\s+|key\s+|designated\s+)?adults?|adult\s+support|(?:suitably|appropriately)\s+"
            r"(?:qualified|trained|experienced)|trained\s+staff|relevant\s+(?:staff|professionals?)|"
            r"professionals?)\b"),
        "It does not say who will do this: their role, and the training or qualification they have.",
        "Who exactly will do this? What is their job, and what training or qualification do they have?",
        unless_all=("who",),
    ),
    _Rule(
        "vague-amount",
        _rx(r"\b(?:a\s+range\s+of|various|a\s+variety\s+of|high\s+levels?\s+of|as\s+much\s+as\s+possible"
            r"|some|additional|extra|enhanced|increased|appropriate|suitable|sufficient|adequate)\b"),
        "A word like 'additional', 'appropriate' or 'a range of' sounds generous but sets no amount.",
        "How much, exactly, and how often?",
        unless_all=("how much", "how often"),
    ),
    _Rule(
        "support-word",
        _rx(r"\b(?:support(?:ed|s)?|input|interventions?|help(?:ed|s)?|assistance|strategies|programmes?|provision"
            r"|advice|guidance|encouragement|encouraged)\b"),
        "'Support', 'input' or 'interventions' on their own do not say what will be done, by whom "
        "or how often.",
        "What will the support actually be, who will give it, and for how many minutes or hours a week?",
        ("worcestershire-v-se-2020", "cop-9-69"),
        unless_all=("who", "how much", "how often"),
    ),
)

_RULE_SOURCES = {rule.id: rule.source_ids for rule in _RULES}

# Loose wording: the essentials are there and nothing is hedged, but a Tribunal would expect more
# detail. Each of these makes a sentence "needs more detail" (never "vague" on its own).
_LOOSE: tuple[_Rule, ...] = (
    _Rule(
        "about",
        _rx(r"\b(?:approx(?:imately|\.)?|around|about|roughly|circa)\s+(?=\d|one\b|two\b|three\b|four\b|five\b"
            r"|six\b|ten\b|twenty\b|thirty\b|half\b|an?\s+hour\b)"),
        "'About' or 'approximately' lets the amount slip below the number written.",
        "Can the plan state the exact amount, or a minimum ('at least ...')?",
    ),
    _Rule(
        "range",
        _rx(r"\b\d+(?:\.\d+)?\s*(?:-|\u2013|to)\s*\d+(?:\.\d+)?\s*(?=(?:minutes?|mins?|hours?|hrs?|sessions?"
            r"|times|visits?)\b)|\bbetween\s+\d+(?:\.\d+)?\s+and\s+\d+"),
        "A range ('20-45 minutes') lets the school give the lower figure every time.",
        "Which figure is it? Can the plan state one amount, or a minimum?",
    ),
    _Rule(
        "for-example",
        _rx(r"\bsuch\s+as\b|\be\.g\.?(?=\s|,)|\beg\b(?=\s)|\bfor\s+example\b|\bor\s+(?:a\s+)?similar\b"
            r"|\betc\b\.?"),
        "'Such as', 'e.g.' or 'or similar' gives an example, not a decision about what will be used.",
        "Which programme or approach will be used? Can the plan name it?",
    ),
    _Rule(
        "small-group",
        _rx(r"\bsmall(?:er)?[-\s]+groups?\b|(?<!age\s)(?<!year\s)\bgroups?\b|\bclubs?\b"),
        "The plan does not say how many children are in the group. 'Small group' could mean three "
        "children or fifteen, and the size changes how much help your child gets.",
        "How many children will be in the group, at most?",
        unless_all=("group size",),
    ),
    _Rule(
        "loose-who",
        _rx(r"\btrained\s+(?:members?\s+of\s+(?:school\s+)?staff|adults?|staff)\b|\bfamiliar\s+adults?\b"),
        "It does not say what training the adult has, or what their job is.",
        "What is this person's job, and what training or qualification do they have?",
    ),
    _Rule(
        "flexibly",
        _rx(r"\bflexibl[ey]\b"),
        "'Flexibly' leaves open what will actually be done in the time given.",
        "What exactly will the adult do with my child in that time?",
    ),
)

# A provision counted in sessions, visits or meetings that says how often but not how long each is.
_SESSION_LENGTH = Flag(
    "",
    "session-length",
    "It says how often, but not how long each session or visit lasts.",
    "How long will each session or visit last, in minutes or hours?",
)


# ---------------------------------------------------------------------------
# What a sentence states
# ---------------------------------------------------------------------------

_NUM = (r"(?:\d+(?:\.\d+)?\u00bd?|\u00bd|one|two|three|four|five|six|seven|eight|nine|ten"
        r"|eleven|twelve|fifteen"
        r"|twenty"
        r"|twenty[-\s]five|thirty|forty|forty[-\s]five|fifty|sixty|ninety|a\s+half|half\s+an?|an?)")
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty")

# Review and duration phrases are found first and masked, so "reviewed each
# term" is not mistaken for how often the provision happens.
_DURATION = _rx(
    r"\b(?:(?:and|to\s+be|will\s+be|,)?\s*)?(?:progress\s+)?(?:reviewed|re-?assessed|evaluated|reviews?)"
    r"\s+(?:(?:at\s+least\s+)?(?:every|each|once\s+(?:a|per|every|each))\s+(?:half[-\s]?term|term|"
    r"\d+\s+weeks|six\s+weeks|year|school\s+year)|(?:half[-\s]?)?termly|annually|yearly|"
    r"at\s+(?:the\s+)?(?:end\s+of\s+(?:each|every|the)\s+[\w\s-]{1,20}?|annual\s+review|each\s+annual\s+review)"
    r"|by\s+the\s+[\w\s-]{1,40}?(?=[,.;]|$)|(?:after|following)\s+(?:\w+\s+){0,3}(?:weeks|sessions|terms))"
    r"|\bfor\s+the\s+(?:duration|life|lifetime|length)\s+of\s+(?:the|this|her|his|their)\s+(?:plan|EHCP|"
    r"EHC\s+plan|placement|course|key\s+stage)\b"
    r"|\buntil\s+(?:the\s+)?(?:next\s+|first\s+)?(?:annual\s+review|end\s+of\s+[\w\s-]{1,30}?(?=[,.;]|$)"
    r"|(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?:\s+\d{4})?|review)\b"
    r"|\bfor\s+(?:at\s+least\s+)?(?:" + _NUMBER_WORDS + r"|\d+)\s+(?:school\s+)?"
    r"(?:weeks|terms|half[-\s]terms|months|years|academic\s+years)\b"
    r"|\b(?:" + _NUMBER_WORDS + r"|\d+)[-\s]week\s+(?:block|programme|course|cycle)\b"
    r"|\bfor\s+(?:the\s+)?(?:whole\s+of\s+|rest\s+of\s+(?:the\s+)?)?(?:academic\s+|school\s+)?year"
    r"(?:\s+\d+)?\b|\bthroughout\s+(?:key\s+stage\s+\d|year\s+\d+|the\s+(?:academic|school)\s+year"
    r"|(?:his|her|their)\s+(?:time|course|placement))\b"
    r"|\bfrom\s+(?:September|January|April)\s+\d{4}\b|\bat\s+(?:each|every|the)\s+annual\s+review\b"
)

_WHO = _rx(
    r"\b(?:(?:HCPC|HCPC-?|BACP|UKCP)[-\s]?(?:registered|accredited)\s+)?(?:(?:qualified|specialist|advisory|senior|"
    r"named|trained|experienced|registered|chartered|dedicated|consistent)\s+){0,3}"
    r"(?:speech\s+and\s+language\s+therapists?|speech\s+(?:and\s+language\s+)?therapy\s+assistants?|"
    r"occupational\s+therap(?:ists?|y\s+assistants?)|physiotherap(?:ists?|y\s+assistants?)|"
    r"(?:educational|clinical|child|assistant)\s+psychologists?|psychologists?|(?:child\s+)?psychotherapists?|"
    r"behaviou?r\s+analysts?|(?:ABA\s+)?tutors?|travel\s+trainers?|(?:rehabilitation|habilitation)\s+workers?|"
    r"(?:mobility|habilitation)\s+specialists?|"
    r"members?\s+of\s+(?:the\s+)?(?:learning\s+support|support|SEN|SEND|inclusion|pastoral|specialist\s+teaching)"
    r"\s+(?:team|staff|department)|"
    r"trained\s+(?:members?\s+of\s+(?:school\s+)?staff|adults?|staff)|familiar\s+adults?|"
    r"teachers?\s+of\s+the\s+(?:deaf|visually\s+impaired|blind|deafblind)|"
    r"(?:higher\s+level\s+)?teaching\s+assistants?|learning\s+support\s+(?:assistants?|workers?)|"
    r"support\s+workers?|learning\s+mentors?|mentors?|counsellors?|"
    r"(?:play|art|music|drama|family)\s+therapists?|(?:qualified|registered|specialist)\s+therapists?|"
    r"emotional\s+literacy\s+support\s+assistants?|(?:a|an|the|trained|their|her|his)\s+ELSA\b|"
    r"(?:class|subject|specialist|qualified|advisory|outreach|dyslexia|autism|SEN|SEND|peripatetic|"
    r"form|maths|English|music|PE|deaf|sensory|hearing|vision|visual\s+impairment|literacy|numeracy)\s+"
    r"teachers?|teachers?|SENCOs?|SENCos?|tutors?|lecturers?|job\s+coach(?:es)?|nurses?|"
    r"key\s*workers?|practitioners?|audiologists?|orthoptists?|"
    r"(?:mobility|habilitation|rehabilitation)\s+(?:officers?|specialists?)|"
    r"communication\s+support\s+workers?|interpreters?|note[-\s]takers?|scribes?|"
    r"(?:staff|adult|assistant|person|TA|LSA)\s+(?:who\s+is\s+|who\s+has\s+been\s+)?"
    r"(?:trained|qualified)\s+(?:in|to|by)\s+[\w\s-]{2,40}?(?=[,.;]|\s+(?:for|and|to|who|in|at|each|every|"
    r"per|during|three|twice|once|with)\b|$)|"
    r"\b[A-Z][\w-]{1,30}[-\s]trained\s+(?:staff|adults?|assistants?|TAs?|LSAs?|members?\s+of\s+staff))"
)
_WHO_ACRONYM = re.compile(
    r"\b(?:(?:HCPC[-\s]registered\s+)?(?:SALTs?|SLTs?|OTs?|TAs?|LSAs?|HLTAs?|SENCOs?|SENCos?|QTODs?|QToDs?|"
    r"ToDs?|QTVIs?|EPs?|CSWs?|ELSAs?|ELKLAN[-\s]trained\s+\w+)|Elklan[-\s]trained\s+\w+)\b"
)
# Staff named only by a vague description do not count as "who".
_NOT_WHO = _rx(r"^(?:teachers|staff|adults?|practitioners?)$")
# "a teacher", "his teacher": a teacher is a role; "teachers" or "staff" on their own are not.
_ONE_TEACHER = _rx(r"\b(?:an?|the|his|her|their|[A-Z][a-z]+['\u2019]s)\s+(?:\w+\s+)?teacher\b")

_CONTINUOUS = _rx(
    r"\b(?:full[-\s]time|throughout\s+(?:the|each|every|his|her|their)\s+(?:school\s+|college\s+)?(?:day|week)"
    r"|all\s+day|(?:in|for|during)\s+(?:all|every|each)\s+(?:one\s+)?(?:of\s+(?:his|her|their|[A-Z][a-z]+['\u2019]s)\s+)?"
    r"(?:[\w-]+,?\s+){0,5}?(?:lessons?|tests?|exams?|assessments?|transfers?|assembl(?:y|ies))"
    r"|(?:the\s+)?(?:whole|full)\s+(?:of\s+)?(?:every\s+|each\s+|the\s+)?(?:school\s+)?(?:day|lunchtime|week)s?"
    r"|(?:every|each)\s+(?:written\s+)?(?:PE\s+)?(?:lesson|test|exam)s?"
    r"|at\s+all\s+times|(?:all|every|each)\s+(?:of\s+)?(?:his|her|their\s+)?(?:[\w-]+\s+)?lessons?"
    r"|(?:all|every|each)\s+(?:lunch|lunchtime|break|break\s*time|playtime)s?"
    r"(?:\s+and\s+(?:lunch|lunchtime|break|break\s*time|playtime)s?)?)\b"
)
_AMOUNT = _rx(
    r"\b" + _NUM + r"(?:\s*(?:-|to|or|\u2013)\s*" + _NUM + r")?\s*[-\s]?\s*"
    r"(?:minutes?|mins?|hours?|hrs?|h(?=\s*(?:per|a|/|p\.?w))|sessions?|lessons?|periods?|visits?|days?|"
    r"half[-\s]days?|mornings?|afternoons?|appointments?|assessments?|blocks?|lunchtimes?)\b"
    r"|\b\d+\s*x\s*\d+\s*(?:minutes?|mins?|hours?|hrs?)?\b"
    r"|\b(?:an|one|half\s+an)\s+hour\b"
)
_OFTEN = _rx(
    r"\b(?:per|a|an|each|every|once\s+(?:a|per|every|each)|twice\s+(?:a|per|every|each)|"
    r"(?:" + _NUMBER_WORDS + r"|\d+)\s+times\s+(?:a|per|every|each))\s+"
    r"(?:(?:school|college|working|teaching)\s+)?(?:day|week|fortnight|month|term|half[-\s]?term|year|"
    r"lesson|session|morning|afternoon|lunchtime|break\s*time|playtime)\b"
    r"|\b(?:daily|weekly|fortnightly|monthly|termly|half[-\s]termly|annually|yearly|twice\s+weekly"
    r"|(?:" + _NUMBER_WORDS + r"|\d+)\s+times\s+weekly)\b"
    r"|/\s*(?:day|week|wk|term|fortnight)\b|\bp\.?\s?w\.?(?=\s|$|[,;])|\bper\s+wk\b"
    r"|\b(?:on|every|each)\s+(?:every\s+|each\s+)?(?:Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?)\b"
    r"|\b(?:at\s+the\s+start|at\s+the\s+end|before|after)\s+of?\s*(?:each|every)\s+[\w-]+\b"
    r"|\bx\s?\d+\s+(?:weekly|daily|a\s+week|per\s+week)\b|\b\d+\s?x\s+(?:weekly|daily)\b"
    r"|\b(?:during|over|in|for)\s+(?:the|this|each)\s+(?:summer|autumn|spring)\s+term\b"
    r"|\bthis\s+(?:school\s+|academic\s+)?year\b|\bhrs/wk\b|\b(?:every|each)\s+(?:two|three|\d)\s+weeks\b"
    r"|\b(?:on\s+)?(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays)\b"
)
_ONE_TO_ONE = _rx(r"(?<![\d:])1\s*:\s*1(?![\d:])|\b1-1\b|\bone[-\s]to[-\s]one\b|\bindividual(?:ly)?\b"
                  r"|\bon\s+(?:his|her|their)\s+own\b")
_GROUP_SIZE = _rx(
    r"\b(?:group|groups)\s+of\s+(?:no\s+more\s+than\s+|not\s+more\s+than\s+|at\s+most\s+|between\s+)?"
    r"(?:\d+|" + _NUMBER_WORDS + r")(?:\s+(?:and|to|or)\s+(?:\d+|" + _NUMBER_WORDS + r"))?"
    r"(?:\s+(?:pupils|children|students|learners|young\s+people|peers))?\b"
    r"|(?<![\d:])\d\s*:\s*\d(?![\d:])|\b(?:in\s+)?(?:a\s+)?pairs?\b"
    r"|\b(?:with|and)\s+(?:no\s+more\s+than\s+|at\s+most\s+|up\s+to\s+)?(?:\d+|one|two|three|four|five|six|seven)"
    r"\s+other\s+(?:pupils?|children|students?|peers?|learners?)\b"
    r"|\b(?:" + _NUMBER_WORDS + r"|\d+)[-\s](?:pupil|child|student)"
    r"\s+group\b|\bwhole[-\s]class\b"
)
_GROUP_WORD = _rx(r"\bgroups?\b")
_SESSION_WORK = _rx(
    r"\b(?:therapy|sessions?|interventions?|programme|tuition|teaching|taught|coaching|"
    r"counselling|mentoring|ELSA|club|practice|practise|precision\s+teaching|pre-?teaching|"
    r"social\s+skills|Lego)\b"
)

_WHAT = _rx(
    r"\b(?:speech\s+and\s+language\s+therapy|occupational\s+therapy|physiotherapy|play\s+therapy|"
    r"art\s+therapy|music\s+therapy|drama\s+therapy|counselling|mentoring|tuition|"
    r"(?:Lego[-\s]based\s+|LEGO\s+)?therapy|(?:a\s+)?(?:sensory\s+(?:breaks?|circuits?|diet|"
    r"integration\s+\w+)|movement\s+breaks?)|"
    r"(?:social\s+(?:skills|communication)|emotional\s+literacy|phonics|reading|spelling|"
    r"handwriting|literacy|numeracy|maths|language|vocabulary|fine\s+motor|gross\s+motor|"
    r"motor\s+skills|touch[-\s]typing|typing|precision\s+teaching|attention|listening|"
    r"anxiety|self-regulation|regulation|narrative|life\s+skills|travel\s+training|independence)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:programme|sessions?|group|intervention|teaching|work|practice|"
    r"training|lessons?|tuition|exercises?|activities|skills|support)|"
    r"ELSA\s+sessions?|pre-?teach(?:ing)?(?:\s+(?:the\s+)?[\w-]+){1,3}|touch[-\s]typing|assessments?|reports?|observations?|training|advice|"
    r"visits?|exercises?|programme\s+of\s+[\w\s-]{3,40}?(?=[,.;]|\s+(?:for|by|with|delivered)\b)|"
    r"modified\s+[\w\s-]{3,30}?(?=[,.;]|$)|equipment|writing\s+slope|pencil\s+grips?|"
    r"laptop|radio\s+aid|hearing\s+aid|visual\s+timetable|work\s+station|workstation|"
    r"\b[A-Z][\w'-]{0,30}(?:\s+[A-Z][\w'.-]{0,30}){0,3}\s+(?:programme|intervention|scheme|approach|sessions?))"
    r"|\b(?:Read\s+Write\s+Inc\.?(?:\s+Fresh\s+Start)?|Toe\s+by\s+Toe|Numicon|Talkabout|Zones\s+of\s+Regulation|"
    r"Attention\s+Autism|Colourful\s+Semantics|Lego[-\s]based\s+therapy|Precision\s+Teaching|Nessy|"
    r"Lexia|Word\s+Aware|Language\s+for\s+Thinking|Write\s+from\s+the\s+Start|Clicker|"
    r"Makaton|British\s+Sign\s+Language|BSL|PECS|Social\s+Stories|Comic\s+Strip\s+Conversations|"
    r"Drawing\s+and\s+Talking|Sound\s+Linkage|Better\s+Reading\s+Partnership|Power\s+of\s+2|Plus\s+1|"
    r"SCERTS|TEACCH|Intensive\s+Interaction)\b",
)
_GENERIC_WHAT = _RULES[-1].pattern
_VAGUE_WHO = next(rule.pattern for rule in _RULES if rule.id == "unclear-who")
# A specialist's own work says what the provision is ("a counsellor will see
# Grace for 50 minutes each week"); an assistant's or a mentor's does not.
_SPECIALIST = _rx(
    r"therapist|counsellor|psychologist|teacher\s+of\s+the|\bELSA\b|emotional\s+literacy|\bQTOD|\bQToD"
    r"|\bToD\b|\bQTVI\b|\bSALT\b|\bSLT\b|\bEP\b|\bOT\b|dyslexia|interpreter|audiologist|mobility|"
    r"habilitation|job\s+coach|specialist\s+teacher|advisory\s+teacher|outreach"
)

# Sentences that are plainly not provision.
_OUTCOME = _rx(
    r"\b(?:will\s+be\s+able\s+to|(?:is|are)\s+able\s+to|outcomes?|by\s+the\s+end\s+of|aspirations?|"
    r"targets?|aims?\s+(?:is|are)|long[-\s]term\s+goal|short[-\s]term\s+(?:steps|goals)|"
    r"(?:he|she|they)\s+(?:will\s+)?(?:enjoys?|likes?|loves?|wants?\s+to|would\s+like\s+to)|"
    r"has\s+(?:a\s+)?diagnos[ie]s|diagnosed\s+with|has\s+difficult(?:y|ies)|finds?\s+it\s+(?:hard|difficult)|"
    r"struggles?\s+(?:to|with)|(?:his|her|their)\s+needs\s+(?:are|include))\b"
)
_DELIVERY_VERB = _rx(
    r"\b(?:will|shall|to)\s+(?:be\s+)?(?:receive|received|provided|provide|delivered|deliver|given|have|"
    r"attend|taught|visit|supported|work|access|run|carry\s+out|offer|offered|allocated|funded)\b"
    r"|\b(?:will|shall)\s+(?:be\s+)?(?:give|teach|support|see|seen|meet|practise|embedded|embed|set|write|"
    r"written|check|train|trained|use|follow|join|act|supervise|read|make|take\s+part|do|go)\b"
    r"|\bto\s+be\s+(?:embedded|seen|used|followed|practised|checked)\b"
    r"|\bwill\s+(?:be\s+)?(?:receive|get|have)\b|\bdelivered\s+by\b|\bprovided\s+by\b"
)
# Provision that comes in separate sessions, visits or meetings, so "how long each time" can be asked.
_DISCRETE = _rx(
    r"\b(?:sessions?|visits?|visiting|see|sees|seen|meet|meets|meeting|check-?ins?|appointments?|therapy|"
    r"training|practi[sc]e|lessons?|clubs?|groups?|circuits?|diet|stor(?:y|ies)|tuition|review)\b"
)
# A number of sessions with no minutes or hours anywhere: "3 sessions per week".
_TIME_UNIT = _rx(r"\b(?:minutes?|mins?|hours?|hrs?|h|half[-\s]days?|mornings?|afternoons?|days?"
                 r"|lunchtimes?)\b"
                 r"|\bfull[-\s]time\b|\d+\s*x\s*\d+")

# What an adult does with the child, when no programme or therapy is named: "meet Amir to plan his
# week", "act as her scribe", "supervise him at lunchtime". Bare "work with" or "support" says nothing.
_ACTIVITY = _rx(
    r"\b(?:meet|meets|meeting|see|sees|seeing|teach|teaches|taught|pre-?tutor|pre-?teach|read|reads|reading|"
    r"supervise|supervises|check|checks|scribe|reader|interpret|interpreter|enlarge|modify|modified|"
    r"visit|visits|train|trains|training|coach|coaching|practise|practice|attend|attends|club|nurture|"
    r"lessons?|teaching|tuition|placement|unit|check-?in|timetable|diary|movement\s+breaks?|breaks?|phonics|"
    r"extra\s+time|exams?|social\s+story|stories|choosing|choices|work\s+(?:with\s+\w+\s+)?on|"
    r"(?:one|1)[-\s]?(?:to|:)[-\s]?(?:one|1)\s+(?:TA|LSA|teaching\s+assistant|support|teaching))\b"
)
_HEADING_WORDS = _rx(
    r"^(?:section\s+[a-k]\d?\b(?:\W+\w+){0,4}|part\s+\d+\b(?:\W+\w+){0,4}|special\s+educational\s+provision|provision|outcomes?|"
    r"needs?|(?:communication\s+and\s+interaction|cognition\s+and\s+learning|social,?\s+emotional\s+and\s+"
    r"mental\s+health|sensory\s+and(?:/or)?\s+physical)(?:\s+needs)?|education|health|social\s+care)"
    r"[\s:.-]*$"
)
_INTRO = _rx(r":\s*$")


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return " ".join(match.group(0).split()).strip(" ,;") if match else None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


_HOURS = _rx(r"\b(?:hours?|hrs?)\b|time")


def _find(sentence: str) -> tuple[Found, str]:
    """What the sentence states, and the sentence with its review wording masked."""
    durations = list(_DURATION.finditer(sentence))
    duration = " ".join(durations[0].group(0).split()).strip(" ,;") if durations else None
    if duration:
        duration = re.sub(r"^(?:and|to\s+be|will\s+be)\s+", "", duration, flags=re.IGNORECASE)
    rest = _mask(sentence, [m.span() for m in durations])

    who = None
    for pattern in (_WHO, _WHO_ACRONYM):
        for match in pattern.finditer(rest):
            candidate = " ".join(match.group(0).split())
            if not _NOT_WHO.match(candidate) and not (candidate.lower() in {"teacher"} and
                                                      not _ONE_TEACHER.search(rest)):
                who = candidate
                break
        if who:
            break

    continuous = _first(_CONTINUOUS, rest)
    how_much = _first(_AMOUNT, rest) or continuous
    how_often = _first(_OFTEN, rest) or continuous

    group_size = _first(_ONE_TO_ONE, rest) or _first(_GROUP_SIZE, rest)
    what = _first(_WHAT, rest)
    if what is None and who is not None and _SPECIALIST.search(who):
        what = f"the work of the {who}"
    if what is None and who is not None:
        what = _first(_ACTIVITY, rest) or _first(_GENERIC_WHAT, rest)
    if what is None and who is not None and how_much and _HOURS.search(how_much + rest):
        what = f"time with the {who}"  # "a one to one TA for 32.5 hours per week"
    return Found(what, who, how_much, how_often, group_size, duration), rest


def _missing(found: Found, rest: str) -> tuple[str, ...]:
    missing = []
    if found.what is None:
        missing.append("what")
    if found.who is None:
        missing.append("who")
    if found.how_much is None:
        missing.append("how much")
    if found.how_often is None:
        missing.append("how often")
    if found.group_size is None and (_GROUP_WORD.search(rest) or _SESSION_WORK.search(rest)):
        missing.append("group size")
    if found.duration is None:
        missing.append("duration")
    return tuple(missing)


def _matches(rules: tuple[_Rule, ...], sentence: str, missing: tuple[str, ...]) -> list[tuple[_Rule, Flag]]:
    """The first phrase each rule finds, skipping a rule whose condition the sentence meets."""
    out: list[tuple[_Rule, Flag]] = []
    taken: list[tuple[int, int]] = []
    for rule in rules:
        if rule.unless_all and not any(m in missing for m in rule.unless_all):
            continue
        for match in rule.pattern.finditer(sentence):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue  # already explained by an earlier, more specific rule
            taken.append(span)
            out.append((rule, Flag(" ".join(match.group(0).split()), rule.id, rule.why, rule.ask)))
            break
    return out


def _flags(sentence: str, missing: tuple[str, ...]) -> tuple[Flag, ...]:
    return tuple(flag for _, flag in _matches(_RULES, sentence, missing))


def _assess(sentence: str, found: Found, missing: tuple[str, ...]) -> tuple[tuple[Flag, ...], tuple[str, ...],
                                                                             tuple[Flag, ...]]:
    """(flags that make it vague, essentials it lacks, details to ask for) for a provision sentence.

    A sentence that says what, who and how often, but not how long each session lasts ("the EP will
    visit termly"), lacks a detail, not an essential. Wording such as "access to" asks for more
    detail, rather than making it vague, when every essential is stated.
    """
    lacking = [m for m in missing if m in ESSENTIAL]
    details: list[Flag] = []
    if lacking == ["how much"] and _DISCRETE.search(sentence):
        lacking = []
        missing = tuple(m for m in missing if m != "how much")
        details.append(_SESSION_LENGTH)
    elif not lacking and not _TIME_UNIT.search(sentence) and not _CONTINUOUS.search(sentence):
        details.append(_SESSION_LENGTH)  # "3 sessions per week", "4 sessions this year"
    flags: list[Flag] = []
    for rule, flag in _matches(_RULES, sentence, missing):
        if rule.soft_when_complete and not lacking:
            details.append(flag)
        else:
            flags.append(flag)
    if not lacking and not flags:
        group_missing = () if found.group_size else ("group size",)
        details += [flag for _, flag in _matches(_LOOSE, sentence, group_missing)]
    return tuple(flags), tuple(lacking), tuple(details)


def _not_provision(sentence: str) -> str | None:
    """Why a sentence is not provision, or ``None`` if it might be."""
    words = sentence.split()
    if not any(ch.isalpha() for ch in sentence):
        return "It has no words to check."
    if _HEADING_WORDS.match(sentence):
        return "It looks like a heading."
    if _INTRO.search(sentence) and len(words) <= 14:
        return "It introduces a list; each item is checked on its own."
    return None


def _check_sentence(sentence: str, bulleted: bool = False) -> SentenceCheck:
    not_provision = _not_provision(sentence)
    found, rest = _find(sentence)
    missing = _missing(found, rest)
    if not_provision is None:
        essential_found = sum(m not in missing for m in ESSENTIAL)
        red = [f for f in _flags(sentence, missing) if f.rule not in {"support-word", "vague-amount",
                                                                          "unclear-who"}]
        if not red:
            if _OUTCOME.search(sentence) and not _DELIVERY_VERB.search(sentence):
                not_provision = "It reads as an outcome or a description of need, not provision."
            elif essential_found == 0 and not any(
                    p.search(sentence) for p in (_GENERIC_WHAT, _DELIVERY_VERB, _VAGUE_WHO)):
                not_provision = "It does not describe any provision."
            elif (not _TERMINAL.search(sentence) and len(sentence.split()) <= 6 and essential_found <= 1
                  and not bulleted and sentence[:1].isupper()):
                not_provision = "It looks like a heading."
    if not_provision is not None:
        return SentenceCheck(sentence, "not provision", "not provision", False, (), (), found, not_provision)

    flags, lacking, details = _assess(sentence, found, missing)
    if flags and lacking:
        verdict, reason = "vague", ("It uses wording a Tribunal would not accept, and does not say "
                                    + _and(lacking) + ".")
    elif flags:
        verdict, reason = "vague", "It uses wording a Tribunal would not accept."
    elif lacking:
        verdict, reason = "vague", "It does not say " + _and(lacking) + "."
    elif details:
        verdict, reason = "needs more detail", ("It says what, who, how much and how often, but some of it "
                                                "is loosely worded or incomplete.")
    else:
        verdict, reason = "specific", "It says what, who, how much and how often."
    shown_missing = tuple(m for m in missing if m not in ESSENTIAL or m in lacking)
    return SentenceCheck(sentence, "provision", verdict, verdict == "vague", shown_missing, flags, found,
                         reason, details)


_ELEMENT_WORDS = {
    "what": "what the provision is",
    "who": "who gives it",
    "how much": "how much",
    "how often": "how often",
    "group size": "the group size",
    "duration": "for how long",
}


def _and(items: tuple[str, ...]) -> str:
    words = [_ELEMENT_WORDS.get(i, i) for i in items]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(provision: int, vague: int, more: int) -> str:
    if not provision:
        return ("We did not find any provision to check. Paste the sentences that say what your child "
                "will receive.")
    of = f"of {_plural(provision, 'sentence', 'sentences')} of provision"
    if not vague and not more:
        return (f"All {_plural(provision, 'sentence', 'sentences')} of provision say what, who, how much and "
                "how often.")
    parts = []
    if vague:
        parts.append(f"{vague} {of} {'is' if vague == 1 else 'are'} vague")
        of = ""
    if more:
        parts.append(f"{more} {of} need{'s' if more == 1 else ''} more detail".replace("  ", " "))
    return (" and ".join(parts) + ". Ask the council to put these into specific terms before you agree "
            "to them.")


def check_offer(text: str) -> OfferCheck:
    """Check pasted wording of provision; see the module docstring for the rules.

    Raises :class:`OfferTextError` (a :class:`~sendrules.errors.SendRulesError`)
    when there is nothing to check or the text is longer than :data:`MAX_CHARS`.
    """
    if not isinstance(text, str):
        raise OfferTextError("Paste the wording you want to check", field=FIELD)
    if len(text) > MAX_CHARS:
        raise OfferTextError(
            f"The wording must be {MAX_CHARS:,} characters or fewer (about 7,000 words). You pasted "
            f"{len(text):,}. Paste one section at a time",
            field=FIELD,
        )
    if not text.strip():
        raise OfferTextError("Paste the wording you want to check", field=FIELD)

    checks: list[SentenceCheck] = []
    for sentence, bulleted in _items(text):
        checks.append(_check_sentence(sentence, bulleted))

    provision = [c for c in checks if c.kind == "provision"]
    vague = [c for c in provision if c.vague]
    more = [c for c in provision if c.verdict == "needs more detail"]
    specific = len(provision) - len(vague) - len(more)
    not_provision = len(checks) - len(provision)
    summary = _summary(len(provision), len(vague), len(more))

    used = {flag.rule for c in vague for flag in c.flags}
    source_ids = ["cop-9-69", "cfa-s42", "ex-p-e-1992", "l-v-clarke-1998"]
    for rule in _RULES:
        if rule.id in used:
            source_ids += [s for s in rule.source_ids if s not in source_ids]
    for extra in ("c-v-sent-greenwich-1999", "r-v-cumbria-1994", "worcestershire-v-se-2020"):
        if extra not in source_ids:
            source_ids.append(extra)

    steps = (
        Step(f"Split the wording into {_plural(len(checks), 'item', 'items')}."),
        Step(f"Not provision (headings, outcomes and the like): {not_provision}."),
        Step("Checked each sentence of provision for what it is, who gives it, how much, how often, "
             "the group size and for how long.", source_id="cop-9-69"),
        Step(f"Vague: {len(vague)}. Needs more detail: {len(more)}. Specific: {specific}.",
             source_id="l-v-clarke-1998"),
    )
    notes = (
        "This checks wording only. It cannot tell whether the amount offered is enough for your child.",
        "A sentence marked specific can still be wrong for your child. A vague one is very hard to enforce.",
        "This is general information, not legal advice.",
    )
    return OfferCheck(
        sentences=tuple(checks),
        provision=len(provision),
        vague=len(vague),
        specific=specific,
        not_provision=not_provision,
        summary=summary,
        needs_more_detail=len(more),
        steps=steps,
        sources=cite(*source_ids),
        notes=notes,
    )


# ---------------------------------------------------------------------------
# Command line: ``sendrules offer-check [--json]`` reads the wording on standard input
# ---------------------------------------------------------------------------


def add_cli_arguments(parser) -> None:
    """No options: the wording comes on standard input (``--json`` is added by the command line)."""
    parser.epilog = "Paste or pipe the wording on standard input, e.g. sendrules offer-check < section-f.txt"


def cli_lines(result: OfferCheck) -> tuple[str, ...]:
    """A short readable report: the summary, then each sentence with its verdict and questions."""
    lines = [result.summary]
    for number, check in enumerate(result.sentences, start=1):
        lines += ["", f"{number}. [{check.verdict.capitalize()}] {check.text}"]
        if check.kind != "provision":
            lines.append(f"   {check.reason}")
            continue
        lacking = [m for m in check.missing if m in ESSENTIAL]
        also = [m for m in check.missing if m not in ESSENTIAL]
        if lacking:
            lines.append(f"   Does not say: {', '.join(lacking)}.")
        if also and check.vague:
            lines.append(f"   Also missing: {', '.join(also)}.")
        for flag in (*check.flags, *check.details):
            lines.append(f"   '{flag.phrase}': {flag.why}" if flag.phrase else f"   {flag.why}")
            lines.append(f"     Ask: {flag.ask}")
    return tuple(lines)


def run_cli(args):
    """Check the wording read from standard input."""
    import sys

    from .cli import Answer

    result = check_offer(sys.stdin.read())
    return Answer(result, cli_lines(result))
