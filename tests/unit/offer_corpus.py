"""Labelled sentences of proposed provision, for checking the offer checker.

Two sets live here:

* ``CORPUS``: over 300 sentences in ``tests/data/offer_corpus/corpus.tsv``, each written by the team
  after a pattern seen in real plans, Tribunal decisions, council guidance and advice pages (the
  sources and the labelling standard are in ``SOURCES.md`` beside it). Each carries one of three
  labels, "specific", "needs more detail" or "vague", and sits in the ``tuning`` or the ``held-out``
  part of a split made once, by a fixed seed, before any rule was changed (``split.tsv``).
* ``SPECIFIC`` and ``VAGUE``: the team's first, shorter examples in the style of draft plans and
  mediation agreements (names and details invented). The checker was first written against them,
  so they are worked examples, not a measure of accuracy.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "offer_corpus"
LABELS = ("specific", "needs more detail", "vague")
PARTS = ("tuning", "held-out")
#: The seed and share of the one split (each label is split on its own, so both parts keep the mix).
SEED = 20261130
HELD_OUT_SHARE = 0.4


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    source: str
    sentence: str
    reason: str
    part: str


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def assign_parts(entries: list[tuple[str, str]], seed: int = SEED) -> dict[str, str]:
    """Split (id, label) pairs into parts: per label, shuffle by the seed and hold out the first 40%."""
    rng = random.Random(seed)
    parts: dict[str, str] = {}
    for label in LABELS:
        ids = sorted(i for i, lab in entries if lab == label)
        rng.shuffle(ids)
        cut = round(len(ids) * HELD_OUT_SHARE)
        parts.update({i: ("held-out" if n < cut else "tuning") for n, i in enumerate(ids)})
    return parts


def load() -> tuple[Entry, ...]:
    """The corpus with each sentence's part, as committed in split.tsv."""
    split = {row["id"]: row["part"] for row in _rows("split.tsv")}
    return tuple(
        Entry(row["id"], row["label"], row["source"], row["sentence"], row["reason"], split[row["id"]])
        for row in _rows("corpus.tsv")
    )


CORPUS = load()
TUNING = tuple(e for e in CORPUS if e.part == "tuning")
HELD_OUT = tuple(e for e in CORPUS if e.part == "held-out")

SPECIFIC: tuple[str, ...] = (
    # Speech and language therapy
    "Amir will receive 3 sessions of 30 minutes per week of 1:1 speech and language therapy delivered by "
    "a HCPC-registered speech and language therapist, reviewed each half term.",
    "A speech and language therapist will see Ruby individually for 45 minutes once a fortnight to work "
    "on her expressive language targets.",
    "A teaching assistant trained by the speech and language therapist will deliver Ruby's language "
    "programme for 15 minutes each school day, 1:1, in a quiet room.",
    "The speech and language therapist will spend 1 hour each half term training the class teacher and "
    "teaching assistant to use Colourful Semantics with Ruby.",
    "Noah will have 20 minutes of Talkabout social communication work twice a week in a group of no more "
    "than 4 pupils, led by an ELKLAN-trained teaching assistant.",
    # Occupational therapy and physiotherapy
    "An occupational therapist will provide 6 sessions of 45 minutes of 1:1 fine motor work over the "
    "autumn term, one each fortnight, and then write a programme for school staff.",
    "Maya will have a 10-minute sensory break, supervised by her teaching assistant, three times each "
    "school day, following the sensory diet written by the occupational therapist.",
    "A teaching assistant will run a 15-minute sensory circuit with Maya 1:1 at the start of each school "
    "day, using the plan written by the occupational therapist.",
    "A physiotherapist will see Leo for 30 minutes once a month to check and update his exercise "
    "programme, for the duration of the plan.",
    "His teaching assistant will carry out the physiotherapy exercises with Leo individually for 20 "
    "minutes every morning, trained and checked termly by the physiotherapist.",
    # Teaching assistant support
    "Jo will have 25 hours per week of support from a named teaching assistant, in all lessons and at "
    "unstructured times, for the duration of the plan.",
    "Kai will have 1:1 support from a learning support assistant for 32.5 hours per week, throughout the "
    "school day, including lunch and break times.",
    "A teaching assistant will pre-teach the vocabulary for each new science topic to Isla 1:1 for 20 "
    "minutes each week.",
    # Literacy and numeracy interventions
    "Leo will be taught in a group of no more than 4 pupils for 20 minutes each day using the Read Write "
    "Inc. Fresh Start programme, delivered by a teaching assistant trained in the programme.",
    "Ella will do Toe by Toe 1:1 with a trained teaching assistant for 15 minutes, 4 times a week, until "
    "the next annual review.",
    "A specialist dyslexia teacher will teach Sam individually for 1 hour per week using a structured, "
    "multisensory literacy programme, reviewed termly.",
    "Ben will have Precision Teaching for 10 minutes each day, 1:1, delivered by his class teaching "
    "assistant, for 3 terms.",
    "A higher level teaching assistant will deliver Numicon maths sessions to Zara in a group of 3 pupils "
    "for 30 minutes, 3 times a week.",
    # Social skills, emotional wellbeing
    "Mia will attend a Lego-based therapy group of 3 children for 45 minutes once a week, run by a teaching "
    "assistant trained in Lego-based therapy.",
    "A trained ELSA will see Tom 1:1 for 30 minutes every week for a 6-week block, followed by a review "
    "with his parents.",
    "A qualified counsellor will see Grace individually for 50 minutes each week during term time, for the "
    "rest of the academic year.",
    "Oscar will meet his learning mentor 1:1 for 20 minutes at the start of each school day to go through "
    "his visual timetable.",
    # Sensory, specialist teachers, psychology
    "A qualified teacher of the deaf will visit school once each half term for 90 minutes to observe Amir "
    "and train his class staff in using his radio aid.",
    "A QTVI will teach Freya touch-typing 1:1 for 30 minutes twice a week, for the duration of the plan.",
    "A specialist teacher from the Autism Outreach Service will visit school for 2 hours each half term to "
    "observe Ella and advise staff, with a written report after each visit.",
    "An educational psychologist will spend 3 hours each term working with Ella's teachers on her "
    "learning plan, reviewed at each annual review.",
    "A mobility officer will give Freya 1 hour of route training each week for her first term at secondary "
    "school.",
    # Post-16 and other settings
    "At college, Kai will have 4 hours per week of 1:1 support from a learning support assistant trained in "
    "autism awareness, during his practical construction sessions.",
    "A job coach will support Liam at his supported internship placement for 3 hours per day, 4 days a "
    "week, for the 2025 to 2026 academic year.",
    "A qualified British Sign Language interpreter will be with Hana in all of her lessons, 16 hours per "
    "week, throughout her course.",
    "Dan will have 2 hours of English tuition per week from a qualified teacher, in a group of 2 students, "
    "for the whole of Year 12.",
    # Tricky: the word "support", "group", numbers
    "Support: 1:1 from a named learning support assistant for 15 hours per week, in English, maths and "
    "science lessons.",
    "Sophie will have 2 hours per week of small group support in a group of 4 pupils, led by the SENCO.",
    "A teaching assistant will help Aisha put on her hearing aids and check them for 10 minutes at the "
    "start of each school day.",
    "Ravi will have a 30-minute 1:1 session with an occupational therapy assistant every Tuesday, "
    "following the programme set by the occupational therapist.",
    "His class teacher will give Jack a 5-minute movement break every lesson, with a timer, during "
    "maths and English.",
)

VAGUE: tuple[str, ...] = (
    # Phrases a Tribunal would not accept
    "Amir will have access to speech and language therapy.",
    "Sam will have access to a quiet space when needed.",
    "Ruby will be given opportunities to practise her language skills with her peers.",
    "Regular speech and language therapy input.",
    "Noah will be seen regularly by the speech and language therapist.",
    "Maya will have sensory breaks as required.",
    "Equipment will be provided as appropriate.",
    "Leo will have access to an OT programme as needed.",
    "Kai will receive up to 10 hours of teaching assistant support per week.",
    "Up to 3 sessions of speech and language therapy per term, delivered by a speech and language "
    "therapist.",
    "Ella would benefit from a structured literacy intervention.",
    "It is recommended that Jo has a social skills group.",
    "Ben should receive daily reading practice where possible.",
    "Zara may benefit from some 1:1 time with an adult.",
    # Support / input / interventions without who, what or how often
    "Isla will receive support with her literacy.",
    "Tom will be supported by a trained member of staff.",
    "Specialist teacher input.",
    "Oscar will receive interventions to develop his fine motor skills.",
    "Mia will be given support at unstructured times.",
    # Delegation, funding, consultation, monitoring
    "Support to be determined by the school.",
    "The level of adult support will be at the discretion of the SENCO.",
    "Band 3 funding.",
    "The school will receive £6,000 of top-up funding to support Grace.",
    "Freya's needs will be met from the school's notional SEN budget.",
    "The school will put in place a programme in consultation with the educational psychologist.",
    "Dan's progress will be monitored by the SENCO.",
    # Small groups and other loose amounts
    "Sophie will work in a small group for literacy.",
    "Hana will take part in small group social skills sessions led by a teaching assistant.",
    "Liam will have additional adult support in lessons.",
    "Quality first teaching with a differentiated curriculum.",
    "A range of strategies to support his attention.",
    # Tricky: numbers, named people, and still vague
    "Aisha will receive 10 hours of support.",
    "A speech and language therapist will provide advice to staff.",
    "Jack will have sensory breaks throughout the day as he needs them.",
    "Ravi will be encouraged to use his visual timetable.",
    "Ongoing occupational therapy advice and a programme for school.",
)
