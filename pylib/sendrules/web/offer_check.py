"""The "Check the council's wording" calculator on the check-the-offer page.

Presentation only: every verdict, missing element, flag, reason and question to
ask comes from :func:`sendrules.offer_check.check_offer`. The status messages,
error summary, steps and sources list are the shared pieces of
:mod:`sendrules.web`.

One question: a GOV.UK textarea, ``offer-text``. The pasted wording is private:
it is never put into the web address (the query is only
``calculator=offer-check``), never sent anywhere, and never treated as HTML:
every sentence is escaped before it is shown.

:data:`CALCULATOR` is the calculator, loaded by name through :data:`sendrules.web.MODULES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..offer_check import ESSENTIAL, OfferCheck, SentenceCheck, check_offer
from .framework import Calculator, Ids
from .pieces import PAGE_LINKS, closing, escape, plural, section, step_list
from .questions import Fields, TextQuestion

__all__ = ["CALCULATOR", "FIELD", "NAME"]

NAME = "offer-check"
FIELD = "offer-text"

HINT = ("Paste up to 50,000 characters (about 7,000 words): a whole Section F fits. "
        "Nothing you paste leaves your device.")

_TAGS = {"vague": "Vague", "needs more detail": "Needs more detail", "specific": "Specific",
         "not provision": "Not provision"}

#: What to ask the council for, by verdict, in plain words (the page's "three verdicts" section says
#: the same at more length).
_NEXT = {
    "specific": "Ask for this wording to stay exactly as it is in the final plan. Check the amount "
                "matches what the professionals' reports recommend.",
    "needs more detail": "Ask the council to add the detail below before you agree to it.",
    "vague": "Ask the council to rewrite it so it says what your child will get, who will give it, "
             "how much and how often, without the wording flagged below.",
}

_ELEMENT_WORDS = {
    "what": "what the provision is",
    "who": "who gives it (role, training or qualification)",
    "how much": "how much (minutes or hours)",
    "how often": "how often (per day, week or term)",
    "group size": "the group size (1:1, or a group of how many)",
    "duration": "for how long, or when it is reviewed",
}

_FOUND_LABELS = (
    ("what", "What"),
    ("who", "Who"),
    ("how_much", "How much"),
    ("how_often", "How often"),
    ("group_size", "Group size"),
    ("duration", "How long or review"),
)


@dataclass(frozen=True)
class _Wording(TextQuestion):
    """A GOV.UK textarea for the pasted wording, kept exactly as pasted: the rules check it."""

    def read(self, fields: Fields) -> str | None:
        """The wording as typed; ``None`` when the field was not sent at all (a bare web address)."""
        if self.name not in fields:
            return None
        values = fields.get(self.name) or []
        return values[0] if values else ""

    def typed(self, fields: Fields, value: Any) -> str:
        return value if isinstance(value, str) else (self.read(fields) or "")


QUESTIONS = (
    _Wording(
        name=FIELD,
        label="The wording you want to check",
        hint=HINT,
        rows=12,
    ),
)


#: Opening ``#calculator=offer-check`` (a reload, a bookmark) sends no wording at all: show the
#: empty form again, with no error and no answer. A submitted form always sends the field.
_NOTHING_SENT = OfferCheck(sentences=(), provision=0, vague=0, specific=0, not_provision=0, summary="")


def _answer(values: dict[str, Any], today: date) -> OfferCheck:
    text = values.get(FIELD)
    if text is None:
        return _NOTHING_SENT
    return check_offer(text)


def _query(result: OfferCheck) -> list[tuple[str, str]]:
    """Nothing: the wording stays out of the web address (``calculator=offer-check`` only)."""
    return []


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sentence_item(number: int, check: SentenceCheck) -> str:
    tag = _TAGS[check.verdict]
    verdict = check.verdict.replace(" ", "-")
    parts = [
        f'<p class="offer-check__head"><strong class="offer-check__tag offer-check__tag--{verdict}" '
        f'data-tag="{verdict}">{escape(tag)}</strong> '
        f'<span class="visually-hidden">Sentence {number}: </span></p>',
        f'<p class="offer-check__text" data-text>{escape(check.text)}</p>',
        f'<p class="offer-check__reason">{escape(check.reason)}</p>',
    ]
    if check.kind == "provision":
        lacking = [m for m in check.missing if m in ESSENTIAL]
        also = [m for m in check.missing if m not in ESSENTIAL]
        if lacking:
            parts.append('<p class="offer-check__missing" data-missing="' + escape(" ".join(lacking)) + '">'
                         f"It does not say {escape(_and([_ELEMENT_WORDS[m] for m in lacking]))}.</p>")
        if also:
            parts.append('<p class="offer-check__also" data-also-missing="' + escape(" ".join(also)) + '">'
                         f"It could also say {escape(_and([_ELEMENT_WORDS[m] for m in also]))}.</p>")
        found = [(label, getattr(check.found, key)) for key, label in _FOUND_LABELS
                 if getattr(check.found, key)]
        if found:
            rows = "".join(f'<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">'
                           f'<dt class="govuk-summary-list__key">{escape(label)}</dt>'
                           f'<dd class="govuk-summary-list__value">{escape(value)}</dd></div>'
                           for label, value in found)
            parts.append(f'<details class="offer-check__found"><summary>What we found</summary>'
                         f'<dl class="govuk-summary-list">{rows}</dl></details>')
        parts.append(f'<p class="offer-check__next" data-next="{verdict}">{escape(_NEXT[check.verdict])}</p>')
        for attr, flags in (("data-flag", check.flags), ("data-detail", check.details)):
            if flags:
                items = "".join(
                    f'<li {attr}="{escape(f.rule)}">'
                    + (f'<p><strong>\u2018{escape(f.phrase)}\u2019</strong>: {escape(f.why)}</p>' if f.phrase
                       else f"<p>{escape(f.why)}</p>")
                    + f'<p class="offer-check__ask">Ask the council: {escape(f.ask)}</p></li>'
                    for f in flags
                )
                parts.append(f'<ul class="govuk-list offer-check__flags">{items}</ul>')
    return (f'<li class="offer-check__sentence" data-sentence="{number}" data-verdict="{escape(verdict)}">'
            f'{"".join(parts)}</li>')


def _title(result: OfferCheck) -> str:
    if result.provision == 0:
        return "No provision found to check"
    of = f"of {plural(result.provision, 'sentence', 'sentences')}"
    more = result.needs_more_detail
    if result.vague:
        title = f"{result.vague} {of} {'is' if result.vague == 1 else 'are'} vague"
        return title + (f", {more} {'needs' if more == 1 else 'need'} more detail" if more else "")
    if more:
        return f"{more} {of} {'needs' if more == 1 else 'need'} more detail"
    return "No vague wording found: every sentence of provision is specific"


def _present(result: OfferCheck, ids: Ids) -> str:
    if result is _NOTHING_SENT:
        return ""
    counts = (f"Vague: {result.vague}. Needs more detail: {result.needs_more_detail}. "
              f"Specific: {result.specific}. Not provision: {result.not_provision}.")
    panel = (
        f'<div class="calculator-panel" data-result="offer-check" data-vague="{result.vague}" '
        f'data-needs-more-detail="{result.needs_more_detail}" '
        f'data-specific="{result.specific}" data-not-provision="{result.not_provision}">'
        f'<h3 class="calculator-panel__title" id="{ids.heading}" tabindex="-1">{escape(_title(result))}</h3>'
        f'<p class="calculator-panel__body">{escape(result.summary)}</p>'
        f'<p class="calculator-panel__body">{escape(counts)}</p>'
        "</div>"
    )
    items = "".join(_sentence_item(i, c) for i, c in enumerate(result.sentences, start=1))
    sentences = f'<ol class="govuk-list offer-check__sentences" data-result="sentences">{items}</ol>'
    caveat = ('<p class="offer-check__caveat" data-result="caveat">This is a check of the wording only, '
              "not legal advice. It looks for common warning signs and cannot tell whether the help is "
              "right for your child.</p>")
    parts = [
        panel,
        caveat,
        section("Sentence by sentence", sentences, data="sentences"),
        section("How we checked", step_list(result.steps), data="steps"),
        closing(result, [
            (PAGE_LINKS["should-you-mediate"], "Decide whether to try mediation"),
            (PAGE_LINKS["appeal-deadline"], "Work out your last day to appeal"),
        ], buttons=False),
    ]
    return "".join(parts)


CALCULATOR = Calculator(
    name=NAME,
    title="Check the wording",
    button="Check the wording",
    questions=QUESTIONS,
    answer=_answer,
    present=_present,
    query=_query,
    by_hand=("#the-short-answer", "check it by hand"),
    rehearsal=({"offer-text": ["Sam will have access to a quiet space when needed. A teaching assistant "
                               "will support Sam for 2 hours each week."]}, date(2025, 3, 1)),
)


