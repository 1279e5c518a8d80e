"""The ``sendrules`` command line.

    sendrules deadline --letter-sent 2025-10-01 --certificate-issued 2025-11-29
    sendrules certificate --decision plan-contents --sections B,I --json
    sendrules dd-claim --conduct 2026-03-10
    sendrules mediation --told-adviser 2026-04-02 --wants-mediation no

Every subcommand prints a short answer with its working, the other readings of
the law and the sources, or with ``--json`` the result's ``to_dict()``.

Contract for scripts: success exits 0 and writes only to stdout. Bad input
(a date that is not real, an unknown decision, a missing or unknown option)
exits 2 with exactly one line on stderr and nothing on stdout.

Adding a subcommand: write ``add_arguments(parser)`` and ``run(args) -> Answer``
and append ``Command(name, help, add_arguments, run)`` to :data:`COMMANDS`.
``--json`` is added for you; use :func:`add_today` and :func:`read_date` for
dates. ``run`` raises :class:`~sendrules.errors.SendRulesError` for bad input.
Import rule modules inside ``run`` so that one subcommand never slows the others.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

from . import __version__
from .errors import SendRulesError
from .forms import long_date, parse_iso_date

__all__ = ["Answer", "COMMANDS", "Command", "add_today", "build_parser", "main", "read_date", "today_from"]

PROG = "sendrules"


# ---------------------------------------------------------------------------
# The framework shared by every subcommand
# ---------------------------------------------------------------------------


class UsageError(Exception):
    """A command line argparse could not read (missing option, unknown option, bad choice)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports mistakes as one line, for :func:`main` to print."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}")


@dataclass(frozen=True)
class Answer:
    """What a subcommand hands back: the result, and the first lines a person should read."""

    result: Any  # a sendrules.results.Result (to_dict, steps, sources, alternatives, notes)
    headline: tuple[str, ...]


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, one line of help, its options and what it does."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], Answer]


def add_today(parser: argparse.ArgumentParser) -> None:
    """Add ``--today YYYY-MM-DD`` (default: the computer's date)."""
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="the date to treat as today (default: today's date on this computer)")


def today_from(args: argparse.Namespace) -> date:
    """``--today`` if given, otherwise the real date: the one place the package reads the clock."""
    given = getattr(args, "today", None)
    if given is None:
        return date.today()
    return parse_iso_date(given, field="today", label="given with --today")


def read_date(value: str | None, *, field: str, label: str) -> date | None:
    """A ``YYYY-MM-DD`` option as a date, or ``None`` if it was not given.

    ``label`` finishes "the date ..." as in :func:`sendrules.forms.parse_iso_date`.
    """
    if value is None:
        return None
    return parse_iso_date(value, field=field, label=label)


def _step_line(number: int, step: Any) -> str:
    text = step.text
    on = getattr(step, "on", None)
    if on is not None and long_date(on) not in text and on.isoformat() not in text:
        text = f"{text} ({long_date(on)})"
    return f"  {number}. {text}"


def render(answer: Answer) -> str:
    """The human-readable answer: headline, working, other readings, notes and sources."""
    result = answer.result
    lines = list(answer.headline)
    steps = tuple(getattr(result, "steps", ()))
    if steps:
        lines += ["", "How this was worked out:"]
        lines += [_step_line(i, step) for i, step in enumerate(steps, start=1)]
    alternatives = tuple(getattr(result, "alternatives", ()))
    if alternatives:
        lines += ["", "Other readings of the law:"]
        for alt in alternatives:
            lines.append(f"  - {long_date(alt.on)}: {alt.reading}. {alt.why}".replace("..", "."))
    notes = tuple(getattr(result, "notes", ()))
    if notes:
        lines += ["", "Good to know:"]
        lines += [f"  - {note}" for note in notes]
    sources = tuple(getattr(result, "sources", ()))
    if sources:
        lines += ["", "Sources:"]
        lines += [f"  - {src.citation}: {src.url}" if src.url else f"  - {src.citation}" for src in sources]
        checked = min(src.last_verified for src in sources)
        lines.append(f"  Rules last checked against the law on {long_date(checked)}.")
    lines += ["", "This is general information, not legal advice."]
    return "\n".join(lines)


def to_json(answer: Answer) -> str:
    return json.dumps(answer.result.to_dict(), indent=2, ensure_ascii=False)


# ---------------------------------------------------------------------------
# Subcommands
# ---------------------------------------------------------------------------


def _add_deadline(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--letter-sent", required=True, metavar="YYYY-MM-DD",
                        help="the date the council's decision letter was sent (the date on the letter)")
    parser.add_argument("--certificate-issued", metavar="YYYY-MM-DD",
                        help="the date the mediation certificate was issued, if you have one")
    add_today(parser)


def _run_deadline(args: argparse.Namespace) -> Answer:
    from .time_limits import appeal_deadline

    today = today_from(args)
    letter = read_date(args.letter_sent, field="letter-sent", label="the decision letter was sent")
    certificate = read_date(args.certificate_issued, field="certificate-issued",
                            label="the mediation certificate was issued")
    result = appeal_deadline(letter, certificate, today=today)
    headline = [f"Last day for the Tribunal to receive your appeal: {long_date(result.last_day)}"]
    if result.governed_by == "certificate":
        headline.append("This comes from 1 month after the mediation certificate, "
                        "which is later than 2 months after the letter.")
    else:
        headline.append("This comes from 2 months after the decision letter was sent.")
    if result.passed:
        headline.append(f"That day has passed (today is {long_date(today)}).")
        headline += _late_lines(getattr(result, "late_appeal", ()))
    else:
        headline.append("Aim for the Tribunal to have it by 5pm, and well before that day if you can.")
    return Answer(result, tuple(headline))


def _late_lines(steps: Sequence[Any]) -> list[str]:
    """What to do when the time limit has passed, as bullet lines."""
    return [f"  - {step.text}" for step in steps]


def _add_certificate(parser: argparse.ArgumentParser) -> None:
    from .appeals import DECISIONS

    parser.add_argument("--decision", required=True, metavar="{" + ",".join(DECISIONS) + "}",
                        help="the decision you want to challenge")
    parser.add_argument("--sections", metavar="B,F,I",
                        help="for plan-contents only: the sections of the final plan you disagree with")


def _run_certificate(args: argparse.Namespace) -> Answer:
    from .appeals import certificate_needed

    result = certificate_needed(args.decision, args.sections or ())
    if result.needed:
        headline = ["Yes: you need a mediation certificate before you can appeal."]
    else:
        headline = ["No: you do not need a mediation certificate."]
    headline.append(f"Tribunal form: {result.form}.")
    return Answer(result, tuple(headline))


def _add_dd_claim(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--conduct", required=True, metavar="YYYY-MM-DD",
                        help="the date of the discrimination (the last day, if it went on over a period)")
    add_today(parser)


def _run_dd_claim(args: argparse.Namespace) -> Answer:
    from .time_limits import dd_claim_deadline

    today = today_from(args)
    conduct = read_date(args.conduct, field="conduct", label="of the discrimination")
    result = dd_claim_deadline(conduct, today=today)
    headline = [
        f"Last day for the Tribunal to receive your claim: {long_date(result.last_day)}",
        f"To be safe, make sure it arrives by {long_date(result.safe_day)}.",
    ]
    if result.passed:
        headline.append(f"That day has passed (today is {long_date(today)}).")
        headline += _late_lines(getattr(result, "late_claim", ()))
    return Answer(result, tuple(headline))


def _add_mediation(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--told-adviser", required=True, metavar="YYYY-MM-DD",
                        help="the date you told the mediation adviser whether you want mediation")
    parser.add_argument("--wants-mediation", required=True, choices=("yes", "no"), type=str.lower,
                        help="whether you want mediation")
    parser.add_argument("--letter-sent", metavar="YYYY-MM-DD",
                        help="the date the council's decision letter was sent")
    parser.add_argument("--mediation-ended", metavar="YYYY-MM-DD",
                        help="the date mediation ended, if it has")


def _run_mediation(args: argparse.Namespace) -> Answer:
    from .mediation import mediation_timeline

    told = read_date(args.told_adviser, field="told-adviser", label="you told the mediation adviser")
    letter = read_date(args.letter_sent, field="letter-sent", label="the decision letter was sent")
    ended = read_date(args.mediation_ended, field="mediation-ended", label="mediation ended")
    wants = args.wants_mediation == "yes"
    result = mediation_timeline(told, wants, letter_sent=letter, mediation_ended=ended)
    return Answer(result, tuple(_mediation_headline(result)))


def _mediation_headline(result: Any) -> list[str]:
    """The key dates of a mediation timeline, most urgent first."""
    lines = []
    if result.contact_adviser_by is not None:
        lines.append(f"Contact the mediation adviser by: {long_date(result.contact_adviser_by)}")
    if result.certificate_due is not None:
        lines.append(f"Mediation certificate due by: {long_date(result.certificate_due)}")
    if result.arrange_by is not None:
        lines.append(f"Mediation should be arranged by: {long_date(result.arrange_by)}")
    if result.deemed_certificate_due is not None and result.mediation_ended is None:
        lines.append("If mediation is not arranged in time, certificate due by: "
                     f"{long_date(result.deemed_certificate_due)}")
    if result.certificate_after_mediation_due is not None:
        due = result.certificate_after_mediation_due
        lines.append(f"Certificate due after mediation by: {long_date(due)}")
    for appeal in result.appeal_deadlines:
        lines.append(f"Last day to appeal if the certificate is issued on "
                     f"{long_date(appeal.certificate_issued)}: {long_date(appeal.last_day)}")
    return lines


#: Every subcommand, in the order ``--help`` lists them. Append new ones here.
COMMANDS: list[Command] = [
    Command("deadline", "the last day to appeal a council's EHC decision", _add_deadline, _run_deadline),
    Command("certificate", "whether you need a mediation certificate", _add_certificate, _run_certificate),
    Command("dd-claim", "the last day to make a disability discrimination claim", _add_dd_claim,
            _run_dd_claim),
    Command("mediation", "the mediation timescales", _add_mediation, _run_mediation),
]


def _from_module(module: str, name: str) -> Callable[..., Any]:
    """``name`` from rules module ``module``, imported when first called (commands kept with their rules)."""

    def call(*args: Any) -> Any:
        from importlib import import_module

        return getattr(import_module(f".{module}", __package__), name)(*args)

    return call


COMMANDS += [
    Command("should-i-mediate", "whether to try mediation first or go straight to the Tribunal",
            _from_module("should_mediate", "add_cli_arguments"), _from_module("should_mediate", "run_cli")),
    Command("phase-transfer", "when the plan must be amended for a move to a new school or college",
            _from_module("phase_transfer", "add_cli_arguments"), _from_module("phase_transfer", "run_cli")),
    Command("offer-check", "check the wording of proposed provision (read from standard input)",
            _from_module("offer_check", "add_cli_arguments"), _from_module("offer_check", "run_cli")),
    Command("council-deadlines", "the council's own time limits, and what to do if it is late",
            _from_module("council_deadlines", "add_cli_arguments"),
            _from_module("council_deadlines", "run_cli")),
]


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def build_parser(commands: Sequence[Command] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="SEND Tribunal deadlines and mediation certificates in England. "
                    "General information, not legal advice.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS if commands is None else commands:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(child)
        child.add_argument("--json", action="store_true", help="print the answer as JSON")
        child.set_defaults(_command=command)
    return parser


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 answered, 2 bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        command: Command = args._command
        answer = command.run(args)
        output = to_json(answer) if args.json else render(answer)
    except UsageError as err:
        print(_one_line(str(err)), file=sys.stderr)
        return 2
    except SendRulesError as err:
        print(f"{PROG}: error: {_one_line(err.message)}", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help and --version
        return exit_.code if isinstance(exit_.code, int) else 0
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early, e.g. `sendrules ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
