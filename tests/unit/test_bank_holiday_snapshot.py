"""The committed bank-holiday snapshot: up to date with its sources, and right on the facts."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA_PYTHON = ROOT / ".venv-data" / "bin" / "python"
SCRIPT = ROOT / "scripts" / "bank_holidays.py"
SNAPSHOT = ROOT / "pylib" / "sendrules" / "data" / "bank_holidays_england_and_wales.json"


def _snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def _days() -> dict[date, dict]:
    return {date.fromisoformat(d["date"]): d for d in _snapshot()["days"]}


def test_snapshot_matches_what_the_script_regenerates_from_the_pinned_libraries():
    assert DATA_PYTHON.exists(), (
        f"{DATA_PYTHON} is missing. Create the data environment first:\n"
        "  python3.11 -m venv .venv-data\n"
        "  .venv-data/bin/pip install -r requirements/holiday-data.txt "
        "-c requirements/holiday-data-constraints.txt"
    )
    run = subprocess.run([str(DATA_PYTHON), str(SCRIPT), "--check"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 0, f"bank_holidays.py --check failed:\n{run.stdout}\n{run.stderr}"


def test_check_mode_fails_with_a_diff_when_the_snapshot_has_been_edited(tmp_path):
    assert DATA_PYTHON.exists(), f"{DATA_PYTHON} is missing; see the test above for how to create it."
    edited = _snapshot()
    edited["days"] = [d for d in edited["days"] if d["date"] != "2022-09-19"]
    target = tmp_path / "snapshot.json"
    target.write_text(json.dumps(edited), encoding="utf-8")
    run = subprocess.run([str(DATA_PYTHON), str(SCRIPT), "--check", "--output", str(target)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 1
    assert "2022-09-19" in run.stdout


def test_snapshot_describes_the_england_and_wales_division_and_its_range():
    data = _snapshot()
    assert data["division"] == "england-and-wales"
    assert data["starts_on"] == "2020-01-01"
    assert data["announced_until"] == "2028-12-31"
    assert data["known_until"] == "2030-12-31"


@pytest.mark.parametrize("day", [
    date(2020, 5, 8),   # early May moved for VE Day 75
    date(2022, 6, 2),   # spring bank holiday moved
    date(2022, 6, 3),   # Platinum Jubilee
    date(2022, 9, 19),  # State Funeral of Queen Elizabeth II
    date(2023, 5, 8),   # Coronation of King Charles III
])
def test_one_off_bank_holidays_are_listed_as_announced(day):
    assert _days()[day]["announced"] is True


@pytest.mark.parametrize("day", [
    date(2020, 12, 28), date(2021, 12, 27), date(2021, 12, 28), date(2022, 1, 3), date(2023, 1, 2),
    date(2026, 12, 28), date(2027, 12, 27), date(2027, 12, 28), date(2028, 1, 3),
])
def test_substitute_days_are_listed_and_named_as_substitutes(day):
    assert "substitute day" in _days()[day]["title"]


@pytest.mark.parametrize("day", [
    date(2020, 12, 26), date(2021, 12, 25), date(2021, 12, 26), date(2022, 1, 1), date(2023, 1, 1),
    date(2026, 12, 26), date(2027, 12, 25), date(2027, 12, 26), date(2028, 1, 1),
])
def test_weekend_dated_holidays_are_left_out_because_the_substitute_is_the_day_off(day):
    assert day.weekday() >= 5
    assert day not in _days()


# law.md section 6: weekday bank holidays in England and Wales, 2020 to 2030.
LAW_NOTE_LIST = {
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2028: ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
    2029: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
    2030: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
}


@pytest.mark.parametrize("year", sorted(LAW_NOTE_LIST))
def test_each_year_has_exactly_the_bank_holidays_in_the_law_note(year):
    expected = {date.fromisoformat(f"{year}-{md}") for md in LAW_NOTE_LIST[year]}
    assert {d for d in _days() if d.year == year} == expected


@pytest.mark.parametrize("year", [2029, 2030])
def test_years_after_the_gov_uk_feed_are_marked_computed_not_announced(year):
    days = [d for d in _days().values() if d["date"].startswith(str(year))]
    assert days and all(d["announced"] is False for d in days)


def test_every_listed_day_is_a_weekday():
    assert all(d.weekday() < 5 for d in _days())
