"""Print how well the offer checker sorts the labelled corpus.

    .venv/bin/python scripts/offer_corpus_report.py [--verbose]

Positive class: "vague". Precision is the share of sentences marked vague that
are labelled vague; recall is the share of vague sentences that were marked
vague. ``--verbose`` also lists every sentence the checker got wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "pylib"), str(ROOT / "tests" / "unit")]

from offer_corpus import SPECIFIC, VAGUE  # noqa: E402

from sendrules.offer_check import check_offer  # noqa: E402


def verdict(sentence: str):
    """The check of one corpus sentence (each is checked on its own)."""
    result = check_offer(sentence)
    assert len(result.sentences) == 1, f"corpus sentence split in two: {sentence!r}"
    return result.sentences[0]


def confusion() -> dict[str, list[str]]:
    """Sentences by outcome: tp, fn (vague labelled), fp, tn (specific labelled)."""
    out: dict[str, list[str]] = {"tp": [], "fn": [], "fp": [], "tn": []}
    for sentence in VAGUE:
        out["tp" if verdict(sentence).vague else "fn"].append(sentence)
    for sentence in SPECIFIC:
        out["fp" if verdict(sentence).vague else "tn"].append(sentence)
    return out


def scores(table: dict[str, list[str]]) -> tuple[float, float]:
    tp, fp, fn = len(table["tp"]), len(table["fp"]), len(table["fn"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def main(argv: list[str]) -> int:
    table = confusion()
    precision, recall = scores(table)
    print(f"Corpus: {len(VAGUE)} vague, {len(SPECIFIC)} specific")
    print(f"True positives (vague marked vague):       {len(table['tp'])}")
    print(f"False negatives (vague marked not vague):  {len(table['fn'])}")
    print(f"False positives (specific marked vague):   {len(table['fp'])}")
    print(f"True negatives (specific marked specific): {len(table['tn'])}")
    print(f"Precision: {precision:.3f}")
    print(f"Recall:    {recall:.3f}")
    if "--verbose" in argv:
        for key, label in (("fn", "Missed (vague)"), ("fp", "Wrongly flagged (specific)")):
            for sentence in table[key]:
                check = verdict(sentence)
                print(f"\n{label}: {sentence}\n  verdict={check.verdict} missing={list(check.missing)} "
                      f"flags={[f.phrase for f in check.flags]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
