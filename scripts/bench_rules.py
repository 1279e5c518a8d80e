"""How fast the rules are, against our targets. A script, not a test: timings vary by machine.

    .venv/bin/python scripts/bench_rules.py

Prints and writes ``bench-results/rules.json``:

a. one ``appeal_deadline`` call in CPython (timeit, best of several repeats), both "cold" (a
   different letter date each call, month cache cleared first) and "warm" (the same call again);
   target under 50 microseconds;
b. ``import sendrules`` and ``import sendrules.time_limits`` in a fresh interpreter, minus a bare
   interpreter's start-up (best of several runs); target under 50 milliseconds;
c. the wall time of the exhaustive sweep (``pytest tests/unit/test_sweep.py``); target under 30 s.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
import timeit
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "pylib"))

CALL_TARGET_US = 50.0
IMPORT_TARGET_MS = 50.0
SWEEP_TARGET_S = 30.0


def _per_call_us() -> dict[str, float]:
    from sendrules.calendar import add_months
    from sendrules.time_limits import appeal_deadline

    today = date(2030, 12, 31)
    letters = [date(2021, 1, 1) + timedelta(days=i) for i in range(2000)]

    def cold() -> None:
        add_months.cache_clear()
        for letter in letters:
            appeal_deadline(letter, letter + timedelta(days=40), today=today)

    cold_us = min(timeit.repeat(cold, number=1, repeat=5)) / len(letters) * 1e6
    n = 20000
    warm_us = min(timeit.repeat(lambda: appeal_deadline(date(2025, 10, 1), date(2025, 11, 29), today=today),
                                number=n, repeat=5)) / n * 1e6
    return {"cold_us": round(cold_us, 2), "warm_us": round(warm_us, 2)}


def _start_up_ms(code: str, runs: int = 7) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _import_ms() -> dict[str, float]:
    baseline = _start_up_ms("pass")
    return {
        "sendrules_ms": round(_start_up_ms("import sendrules") - baseline, 2),
        "sendrules_time_limits_ms": round(_start_up_ms("import sendrules.time_limits") - baseline, 2),
        "bare_interpreter_ms": round(baseline, 2),
    }


def _sweep_s() -> dict[str, float | bool]:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/unit/test_sweep.py"], cwd=ROOT, capture_output=True, text=True)
    return {"wall_s": round(time.perf_counter() - start, 2), "passed": run.returncode == 0}


def _line(name: str, value: float, unit: str, target: float) -> str:
    verdict = "OK" if value < target else "OVER TARGET"
    return f"{name:<44} {value:>9.2f} {unit:<3} (target < {target:g} {unit}) {verdict}"


def main() -> int:
    calls = _per_call_us()
    imports = _import_ms()
    sweep = _sweep_s()
    print(_line("appeal_deadline, cold (new dates each call)", calls["cold_us"], "us", CALL_TARGET_US))
    print(_line("appeal_deadline, warm (same call repeated)", calls["warm_us"], "us", CALL_TARGET_US))
    print(_line("import sendrules (lazy package)", imports["sendrules_ms"], "ms", IMPORT_TARGET_MS))
    print(_line("import sendrules.time_limits", imports["sendrules_time_limits_ms"], "ms", IMPORT_TARGET_MS))
    print(_line("exhaustive sweep (pytest wall time)", sweep["wall_s"], "s", SWEEP_TARGET_S)
          + ("" if sweep["passed"] else "  [SWEEP FAILED]"))

    results = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "appeal_deadline_call": {**calls, "target_us": CALL_TARGET_US},
        "import": {**imports, "target_ms": IMPORT_TARGET_MS},
        "sweep": {**sweep, "target_s": SWEEP_TARGET_S},
    }
    out = ROOT / "bench-results" / "rules.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {out.relative_to(ROOT)}")
    within = (calls["cold_us"] < CALL_TARGET_US and imports["sendrules_time_limits_ms"] < IMPORT_TARGET_MS
              and sweep["wall_s"] < SWEEP_TARGET_S and sweep["passed"])
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
