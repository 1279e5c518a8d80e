"""Write (or check) the England-and-Wales bank-holiday snapshot used by sendrules.

Run it in the data environment, not the main one: the ``holidays`` package pins
python-dateutil<3, while sendrules needs 4.x.

    python3.11 -m venv .venv-data
    .venv-data/bin/pip install -r requirements/holiday-data.txt -c requirements/holiday-data-constraints.txt
    .venv-data/bin/python scripts/bank_holidays.py           # rewrite the snapshot
    .venv-data/bin/python scripts/bank_holidays.py --check   # fail, with a diff, if it is out of date

Where the dates come from
-------------------------
* **Announced** days: the GOV.UK feed (https://www.gov.uk/bank-holidays.json, division
  ``england-and-wales``) as bundled, offline, in ``govuk-bank-holidays``. The feed lists only
  the actual days off: a holiday that falls at a weekend appears as its weekday substitute.
  Every year the feed covers is treated as announced up to its 31 December.
* **Computed** days: for later years, ``holidays.country_holidays("GB", subdiv="ENG")``, which
  works them out from the usual pattern. It also lists weekend-dated holidays and their
  "(observed)" substitutes; we keep only weekdays, so the snapshot lists actual days off in
  both parts. One-off holidays can still be proclaimed for these years, so each such day is
  marked ``"announced": false``.

For the years both sources cover, the script checks that they agree on every weekday holiday
and stops if they do not: a disagreement means one of the libraries needs looking at.

Coverage: 1 January 2020 (the current HESC rule 12(3) took effect on 21 July 2020, so no
supported deadline needs earlier days) to 31 December 2030 (``LAST_YEAR``). Raise
``LAST_YEAR`` to extend the computed part.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
from importlib.metadata import version
from pathlib import Path

FIRST_YEAR = 2020
LAST_YEAR = 2030
DIVISION = "england-and-wales"
SNAPSHOT = Path(__file__).resolve().parent.parent / "pylib" / "sendrules" / "data" / (
    "bank_holidays_england_and_wales.json"
)

# The ``holidays`` package names some days differently from GOV.UK; use GOV.UK's names.
_GOVUK_TITLES = {
    "New Year's Day": "New Year’s Day",
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
}
_OBSERVED = " (observed)"


def _title_from_holidays(name: str) -> str:
    substitute = name.endswith(_OBSERVED)
    if substitute:
        name = name[: -len(_OBSERVED)]
    title = _GOVUK_TITLES.get(name, name)
    return f"{title} (substitute day)" if substitute else title


def _announced_days() -> dict[dt.date, str]:
    from govuk_bank_holidays.bank_holidays import BankHolidays

    feed = BankHolidays(use_cached_holidays=True)
    days = {}
    for event in feed.get_holidays(division=feed.ENGLAND_AND_WALES):
        day = event["date"]
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            title = event["title"]
            if event["notes"].strip().lower() == "substitute day":
                title = f"{title} (substitute day)"
            days[day] = title
    return days


def _computed_days(years: range) -> dict[dt.date, str]:
    import holidays

    computed = holidays.country_holidays("GB", subdiv="ENG", years=years)
    return {day: _title_from_holidays(name) for day, name in computed.items() if day.weekday() < 5}


def build() -> dict:
    """The snapshot as a dict, built from the two libraries (no network)."""
    announced = _announced_days()
    if not announced:
        raise SystemExit("govuk-bank-holidays returned no England-and-Wales days.")
    announced_last_year = max(announced).year
    computed = _computed_days(range(FIRST_YEAR, LAST_YEAR + 1))

    overlap_announced = set(announced)
    overlap_computed = {d for d in computed if d.year <= announced_last_year}
    if overlap_announced != overlap_computed:
        only_feed = sorted(overlap_announced - overlap_computed)
        only_rule = sorted(overlap_computed - overlap_announced)
        raise SystemExit(
            "The GOV.UK data and the holidays package disagree for "
            f"{FIRST_YEAR}-{announced_last_year}: only in GOV.UK {only_feed}; only in holidays {only_rule}."
        )

    days = [{"date": d.isoformat(), "title": t, "announced": True} for d, t in sorted(announced.items())]
    days += [
        {"date": d.isoformat(), "title": t, "announced": False}
        for d, t in sorted(computed.items())
        if d.year > announced_last_year
    ]
    return {
        "division": DIVISION,
        "generated_by": (
            f"scripts/bank_holidays.py from govuk-bank-holidays {version('govuk-bank-holidays')} "
            f"(GOV.UK feed, announced days) and holidays {version('holidays')} (computed days)"
        ),
        "generated_on": dt.date.today().isoformat(),
        "starts_on": dt.date(FIRST_YEAR, 1, 1).isoformat(),
        "announced_until": dt.date(announced_last_year, 12, 31).isoformat(),
        "known_until": dt.date(LAST_YEAR, 12, 31).isoformat(),
        "notes": (
            "Weekday days off only (substitute days included, weekend-dated holidays left out). "
            "Days marked announced: false are worked out from the usual pattern and are not yet "
            "confirmed; one-off holidays may still be added."
        ),
        "days": days,
    }


def render(snapshot: dict) -> str:
    """JSON with one holiday per line, so a change shows up as a one-line diff."""
    head = {k: v for k, v in snapshot.items() if k != "days"}
    lines = ["{"]
    lines += [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    lines.append('  "days": [')
    days = [f"    {json.dumps(day, ensure_ascii=False)}" for day in snapshot["days"]]
    lines.append(",\n".join(days))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def _comparable(text: str) -> list[str]:
    """The snapshot's lines without the generation date, which changes every day."""
    data = json.loads(text)
    data.pop("generated_on", None)
    return render(data).splitlines(keepends=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 with a diff if the committed snapshot is out of date")
    parser.add_argument("--output", type=Path, default=SNAPSHOT, help="snapshot path (default: %(default)s)")
    args = parser.parse_args(argv)

    fresh = render(build())
    if args.check:
        if not args.output.exists():
            print(f"{args.output} does not exist. Run scripts/bank_holidays.py to create it.",
                  file=sys.stderr)
            return 1
        diff = list(difflib.unified_diff(_comparable(args.output.read_text(encoding="utf-8")),
                                         _comparable(fresh), "committed", "regenerated"))
        if diff:
            sys.stdout.writelines(diff)
            print("The bank-holiday snapshot is out of date. Run scripts/bank_holidays.py and commit it.",
                  file=sys.stderr)
            return 1
        print(f"{args.output.name} is up to date.")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(fresh, encoding="utf-8")
    print(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
