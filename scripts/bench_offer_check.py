"""How fast the offer checker answers a whole Section F. A script, not a test: timings vary by machine.

    .venv/bin/python scripts/bench_offer_check.py

Builds a 5,000-word Section F from the tuning part of the corpus (bullets, numbers, headings, hard
line breaks, curly quotes) and a few hostile pastes of the longest size allowed (MAX_CHARS: one
unpunctuated sentence of repeated words), and times ``check_offer`` on each:

a. in CPython (best and median of several runs);
b. in the Pyodide the site ships, under Node (scripts/bench_offer_check.mjs), when Node and
   node_modules/pyodide are there. Target: the Section F in under 1 s, as in the browser.

It also prints, in CPython, the time for each hostile paste at a quarter, a half and the whole of
the limit: a linear rule doubles from a half to the whole; a quadratic one quadruples.
Writes ``bench-results/offer_check.json``.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "pylib"), str(ROOT / "tests" / "unit")]

from offer_corpus import TUNING  # noqa: E402

from sendrules.offer_check import MAX_CHARS, check_offer  # noqa: E402

TARGET_MS = 1000.0
HOSTILE = {"repeated 'trained'": "trained ", "repeated initials": "A. ", "hyphen chain": "a-",
           "repeated '3 x'": "3 x ", "repeated 'support'": "support ",
           "repeated 'in all English,'": "in all English, "}


def section_f(words: int = 5000) -> str:
    rng = random.Random(5000)
    lines: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(TUNING).sentence
        roll = rng.random()
        if roll < 0.05:
            lines.append("\nCommunication and interaction\n")
        if roll < 0.3:
            sentence = "\u2022 " + sentence
        elif roll < 0.4:
            sentence = f"{rng.randint(1, 20)}. " + sentence
        elif roll < 0.5:
            sentence = sentence.replace(" ", "\n", 1)  # a line broken by a PDF
        lines.append(sentence)
        count += len(sentence.split())
    return "\n".join(lines)


def cpython(text: str, repeats: int = 5) -> dict[str, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        check_offer(text)
        times.append((time.perf_counter() - start) * 1000)
    return {"best_ms": min(times), "median_ms": statistics.median(times)}


def pyodide(texts: dict[str, str], repeats: int = 3) -> dict[str, dict[str, float]] | None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        proc = subprocess.run([node, str(ROOT / "scripts" / "bench_offer_check.mjs"), str(ROOT / "pylib"),
                               str(path), str(repeats)], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    text = section_f()
    texts = {"section F": text}
    texts.update({name: (unit * (MAX_CHARS // len(unit) + 1))[:MAX_CHARS] for name, unit in HOSTILE.items()})
    print(f"Section F: {len(text.split()):,} words, {len(text):,} characters, "
          f"{len(check_offer(text).sentences)} sentences")
    results: dict[str, object] = {"words": len(text.split()), "chars": len(text), "cpython": {},
                                  "scaling": {}}
    for name, t in texts.items():
        results["cpython"][name] = r = cpython(t)
        print(f"CPython  {name:28s} best {r['best_ms']:8.1f} ms  median {r['median_ms']:8.1f} ms")
    for name, unit in HOSTILE.items():
        sizes = [MAX_CHARS // 4, MAX_CHARS // 2, MAX_CHARS]
        ms = [cpython((unit * (n // len(unit) + 1))[:n], 3)["best_ms"] for n in sizes]
        results["scaling"][name] = {"quarter_ms": ms[0], "half_ms": ms[1], "whole_ms": ms[2],
                                    "whole_over_half": ms[2] / ms[1]}
        print(f"Scaling  {name:28s} {ms[0]:7.1f} {ms[1]:7.1f} {ms[2]:7.1f} ms  "
              f"whole/half {ms[2] / ms[1]:.1f}")
    wasm = pyodide(texts)
    results["pyodide"] = wasm
    if wasm is None:
        print("Pyodide under Node: not run (no node or node_modules/pyodide)")
    else:
        for name, r in wasm.items():
            print(f"Pyodide  {name:28s} best {r['best_ms']:8.1f} ms  median {r['median_ms']:8.1f} ms")
        ok = wasm["section F"]["median_ms"] < TARGET_MS
        print(f"Section F in Pyodide: {wasm['section F']['median_ms']:.0f} ms "
              f"(target under {TARGET_MS:.0f} ms): {'met' if ok else 'NOT met'}")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "offer_check.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
