"""Print how well the offer checker sorts the labelled corpus, part by part.

    .venv/bin/python scripts/offer_corpus_report.py [--part tuning|held-out|all] [--verbose]

The corpus (tests/data/offer_corpus/, see SOURCES.md there) is split once into a tuning part, which
the rules are written against, and a held-out part, which is checked only at the end. Without
``--part`` both parts are reported, tuning first.

For each part it prints the three-verdict confusion table (rows: the label; columns: the checker's
verdict, with "not provision" for a sentence it did not treat as provision) and, for the verdict
"vague" as the positive class, precision (of the sentences called vague, the share labelled vague)
and recall (of the sentences labelled vague, the share called vague). It also prints the two
targets of issue 13: vague called vague (at least 85%) and specific called vague (at most 10%).
``--verbose`` lists every sentence whose verdict differs from its label.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "pylib"), str(ROOT / "tests" / "unit")]

from offer_corpus import CORPUS, LABELS, PARTS, Entry  # noqa: E402

from sendrules.offer_check import check_offer  # noqa: E402

VERDICTS = (*LABELS, "not provision")


def check(sentence: str):
    """The check of one corpus sentence (each is checked on its own)."""
    result = check_offer(sentence)
    assert len(result.sentences) == 1, f"corpus sentence split in two: {sentence!r}"
    return result.sentences[0]


def confusion(entries: list[Entry]) -> dict[tuple[str, str], list[Entry]]:
    """Entries by (label, verdict)."""
    table: dict[tuple[str, str], list[Entry]] = {(lab, ver): [] for lab in LABELS for ver in VERDICTS}
    for entry in entries:
        table[(entry.label, check(entry.sentence).verdict)].append(entry)
    return table


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def scores(table: dict[tuple[str, str], list[Entry]]) -> dict[str, float]:
    """Precision and recall for "vague", and the two targets."""
    def n(label=None, verdict=None):
        return sum(len(v) for (lab, ver), v in table.items()
                   if (label is None or lab == label) and (verdict is None or ver == verdict))

    tp = n("vague", "vague")
    return {
        "precision": share(tp, n(verdict="vague")),
        "recall": share(tp, n("vague")),
        "specific_called_vague": share(n("specific", "vague"), n("specific")),
        "specific_called_specific": share(n("specific", "specific"), n("specific")),
        "more_detail_called_more_detail": share(n("needs more detail", "needs more detail"),
                                                n("needs more detail")),
        "exact": share(sum(n(lab, lab) for lab in LABELS), n()),
    }


def report(part: str, entries: list[Entry], verbose: bool) -> None:
    table = confusion(entries)
    s = scores(table)
    counts = ", ".join(f"{sum(e.label == lab for e in entries)} {lab}" for lab in LABELS)
    print(f"== {part}: {len(entries)} sentences ({counts})")
    width = max(map(len, LABELS)) + 2
    print("label \\ verdict".ljust(width + 6) + "".join(v.rjust(20) for v in VERDICTS))
    for lab in LABELS:
        print(f"  {lab}".ljust(width + 6) + "".join(str(len(table[(lab, v)])).rjust(20) for v in VERDICTS))
    print(f"Precision (vague): {s['precision']:.3f}")
    print(f"Recall (vague):    {s['recall']:.3f}   target: at least 0.85 of vague called vague")
    print(f"Specific called vague:    {s['specific_called_vague']:.3f}   target: at most 0.10")
    print(f"Specific called specific: {s['specific_called_specific']:.3f}")
    print(f"Needs more detail called needs more detail: {s['more_detail_called_more_detail']:.3f}")
    print(f"Exact agreement, three verdicts: {s['exact']:.3f}")
    if verbose:
        for (lab, ver), wrong in table.items():
            for entry in wrong if lab != ver else ():
                c = check(entry.sentence)
                print(f"\n[{entry.id}] labelled {lab}, called {ver}: {entry.sentence}"
                      f"\n  label reason: {entry.reason}\n  missing={list(c.missing)}"
                      f" flags={[f.phrase for f in c.flags]} details={[f.rule for f in c.details]}")
    print()


def main(argv: list[str]) -> int:
    part = "all"
    if "--part" in argv:
        part = argv[argv.index("--part") + 1]
    if part not in (*PARTS, "all"):
        print(f"--part must be one of {', '.join(PARTS)} or all", file=sys.stderr)
        return 2
    for name in PARTS if part == "all" else (part,):
        report(name, [e for e in CORPUS if e.part == name], "--verbose" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
