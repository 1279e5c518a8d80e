"""The command line and the package surface: a contract that scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

import sendrules
from sendrules import cli
from sendrules.results import Result, Step

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


# -- deadline ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("letter", "certificate", "raw_end", "last_day", "governed_by"),
    [
        # Worked examples 1, 2, 3, 10 and 16 of the legal reference note.
        ("2025-10-01", None, "2025-12-01", "2025-12-01", "letter"),
        ("2025-10-01", "2025-11-29", "2025-12-29", "2026-01-02", "certificate"),
        ("2025-12-31", None, "2026-02-28", "2026-03-02", "letter"),
        ("2026-06-15", None, "2026-08-15", "2026-09-01", "letter"),
        ("2026-03-10", "2026-06-05", "2026-07-05", "2026-07-06", "certificate"),
    ],
)
def test_deadline_json_gives_the_worked_examples(capsys, letter, certificate, raw_end, last_day, governed_by):
    argv = ["deadline", "--letter-sent", letter, "--today", "2026-07-01"]
    if certificate:
        argv += ["--certificate-issued", certificate]
    data = run_json(capsys, *argv)
    assert data["raw_end"] == raw_end
    assert data["last_day"] == last_day
    assert data["governed_by"] == governed_by
    assert data["passed"] is (date.fromisoformat(last_day) < date(2026, 7, 1))
    assert data["steps"] and all(step["text"] for step in data["steps"])
    assert any(src["id"] == "hesc-r20" and src["url"].startswith("https://") for src in data["sources"])
    assert isinstance(data["alternatives"], list)


def test_deadline_in_words_shows_the_answer_the_working_and_the_sources(capsys):
    code, out, err = run(capsys, "deadline", "--letter-sent", "2025-10-01",
                         "--certificate-issued", "2025-11-29", "--today", "2025-12-10")
    assert (code, err) == (0, "")
    first = out.splitlines()[0]
    assert first == "Last day for the Tribunal to receive your appeal: Friday 2 January 2026"
    assert "1 month after the mediation certificate" in out
    assert "How this was worked out:" in out
    assert "Monday 29 December 2025 falls between 25 December and 1 January" in out
    assert "rule 20(1)(c): https://www.legislation.gov.uk/uksi/2008/2699/article/20" in out
    # A source we cite without a link (Dodds v Walker: no link confirmed to exist) has no dangling colon.
    assert "  - Dodds v Walker [1981] 1 WLR 1027; [1981] 2 All ER 609 (HL), corresponding date rule\n" in out


def test_a_passed_deadline_says_so_and_what_to_do_about_a_late_appeal(capsys):
    code, out, _ = run(capsys, "deadline", "--letter-sent", "2025-10-01", "--today", "2026-02-01")
    assert code == 0
    assert "That day has passed (today is Sunday 1 February 2026)." in out
    assert "ask the Tribunal to accept it late" in out


def test_deadline_without_today_uses_the_real_date(capsys):
    letter = date.today().replace(day=1).isoformat()
    data = run_json(capsys, "deadline", "--letter-sent", letter)
    assert data["today"] == date.today().isoformat()


# -- certificate ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("argv", "needed"),
    [
        (["--decision", "plan-contents", "--sections", "I"], False),
        (["--decision", "plan-contents", "--sections", "B,I"], True),
        (["--decision", "plan-contents", "--sections", "f"], True),
        (["--decision", "refusal-to-assess"], True),
        (["--decision", "cease-to-maintain"], True),
        (["--decision", "disability-discrimination"], False),
    ],
)
def test_certificate_json_says_whether_one_is_needed_and_why(capsys, argv, needed):
    data = run_json(capsys, "certificate", *argv)
    assert data["needed"] is needed
    assert data["reasons"] and all(isinstance(r, str) for r in data["reasons"])
    assert any(src["id"] == "cfa-s55" for src in data["sources"])


def test_certificate_in_words_gives_yes_or_no_and_the_form(capsys):
    code, out, _ = run(capsys, "certificate", "--decision", "plan-contents", "--sections", "I")
    assert code == 0
    assert out.splitlines()[:2] == ["No: you do not need a mediation certificate.", "Tribunal form: SEND35."]
    code, out, _ = run(capsys, "certificate", "--decision", "refusal-to-assess")
    assert out.splitlines()[:2] == ["Yes: you need a mediation certificate before you can appeal.",
                                    "Tribunal form: SEND35a."]
    assert "Children and Families Act 2014, section 55: https://" in out


# -- dd-claim --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("conduct", "last_day", "safe_day"),
    [("2026-03-10", "2026-09-09", "2026-09-09"), ("2026-03-14", "2026-09-13", "2026-09-11")],
)
def test_dd_claim_json_gives_the_last_day_and_the_safe_day(capsys, conduct, last_day, safe_day):
    data = run_json(capsys, "dd-claim", "--conduct", conduct, "--today", "2026-04-01")
    assert (data["last_day"], data["safe_day"]) == (last_day, safe_day)


def test_dd_claim_in_words_shows_the_other_reading_of_the_law(capsys):
    code, out, _ = run(capsys, "dd-claim", "--conduct", "2026-03-14", "--today", "2026-04-01")
    assert code == 0
    assert out.splitlines()[:2] == [
        "Last day for the Tribunal to receive your claim: Sunday 13 September 2026",
        "To be safe, make sure it arrives by Friday 11 September 2026.",
    ]
    assert "Other readings of the law:\n  - Monday 14 September 2026:" in out


# -- mediation -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("told", "due"),
    # The legal reference note's Easter and Christmas examples: 3 working days (reg 34).
    [("2026-04-02", "2026-04-09"), ("2025-12-23", "2025-12-30")],
)
def test_mediation_not_wanted_gives_the_certificate_due_date(capsys, told, due):
    data = run_json(capsys, "mediation", "--told-adviser", told, "--wants-mediation", "no")
    assert data["certificate_due"] == due
    assert data["arrange_by"] is None


def test_mediation_wanted_gives_the_30_day_date_and_the_certificate_if_not_arranged(capsys):
    data = run_json(capsys, "mediation", "--told-adviser", "2026-04-02", "--wants-mediation", "yes")
    assert data["certificate_due"] is None
    assert data["arrange_by"] == "2026-05-02"  # 30 calendar days
    # 3 working days after Saturday 2 May 2026, skipping the early May bank holiday (Monday 4 May).
    assert data["deemed_certificate_due"] == "2026-05-07"


def test_mediation_with_the_letter_and_an_end_date_gives_the_appeal_deadline(capsys):
    argv = ["mediation", "--told-adviser", "2026-05-05", "--wants-mediation", "Yes",
            "--letter-sent", "2026-03-10", "--mediation-ended", "2026-06-02"]
    data = run_json(capsys, *argv)
    # Worked example 16: certificate issued Friday 5 June 2026 gives Monday 6 July 2026.
    assert data["certificate_after_mediation_due"] == "2026-06-05"
    assert data["appeal_deadlines"][0]["last_day"] == "2026-07-06"
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert out.splitlines()[:3] == [
        "Contact the mediation adviser by: Sunday 10 May 2026",
        "Mediation should be arranged by: Thursday 4 June 2026",
        "Certificate due after mediation by: Friday 5 June 2026",
    ]
    assert "Last day to appeal if the certificate is issued on Friday 5 June 2026: Monday 6 July 2026" in out


# -- bad input: exit 2, one line on stderr, nothing on stdout ----------------------------------------

BAD_INPUT = [
    (["deadline"], "the following arguments are required: --letter-sent"),
    (["deadline", "--letter-sent", "2025-02-30"], "must be a real date"),
    (["deadline", "--letter-sent", "01/10/2025"], "must be written as year-month-day"),
    (["deadline", "--letter-sent", "2026-05-01", "--today", "2026-01-01"], "must be today or in the past"),
    (["deadline", "--letter-sent", "2025-10-01", "--certificate-issued", "2025-09-01",
      "--today", "2026-01-01"], "must be the same as or after"),
    (["deadline", "--letter-sent", "2019-01-01", "--today", "2026-01-01"], "21 July 2020"),
    (["deadline", "--letter-sent", "2030-12-01", "--today", "2031-01-01"], "bank holiday dates"),
    (["deadline", "--letter-sent", "2025-10-01", "--today", "soon"], "given with --today"),
    (["deadline", "--letter-sent", "2025-10-01", "--json", "--colour"], "unrecognized arguments: --colour"),
    (["certificate", "--decision", "nope"], "nope is not one of refusal-to-assess"),
    (["certificate", "--decision", "plan-contents"], "Select which parts of the plan"),
    (["certificate", "--decision", "refusal-to-assess", "--sections", "B"], "Only select Section B, F or I"),
    (["certificate", "--decision", "plan-contents", "--sections", "Z"], "Z is not a part of the plan"),
    (["certificate"], "the following arguments are required: --decision"),
    (["dd-claim", "--conduct", "2026-13-01"], "The date of the discrimination must be a real date"),
    (["dd-claim", "--conduct", ""], "Enter the date of the discrimination"),
    (["mediation", "--told-adviser", "2026-04-02", "--wants-mediation", "maybe"], "invalid choice: 'maybe'"),
    (["mediation", "--told-adviser", "2026-04-31", "--wants-mediation", "no"],
     "The date you told the mediation adviser must be a real date"),
    (["mediation", "--told-adviser", "2026-03-01", "--wants-mediation", "no", "--letter-sent", "2026-03-10"],
     "must be the same as or after"),
    (["mediation", "--told-adviser", "2026-03-01", "--wants-mediation", "yes", "--mediation-ended", "x"],
     "The date mediation ended must be written as year-month-day"),
    (["appeal"], "invalid choice: 'appeal'"),
    ([], "the following arguments are required: COMMAND"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT, ids=[" ".join(a) or "nothing" for a, _ in BAD_INPUT])
def test_bad_input_exits_2_with_one_clear_line_and_no_output(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1
    assert message in err
    assert err.startswith("sendrules")
    assert "Traceback" not in err and "usage:" not in err


def test_help_lists_every_subcommand_and_exits_0(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in cli.COMMANDS:
        assert command.name in out


def test_version_matches_the_package_metadata(capsys):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert sendrules.__version__ == project["version"]
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"sendrules {project['version']}")


# -- adding a subcommand ---------------------------------------------------------------------------------

def test_a_new_subcommand_needs_only_its_arguments_a_run_function_and_an_entry(capsys, monkeypatch):
    def add_arguments(parser):
        parser.add_argument("--on", required=True)

    def run_it(args):
        on = cli.read_date(args.on, field="on", label="to check")
        result = Result(steps=(Step("Checked.", on),))
        return cli.Answer(result, (f"Checked {on:%d/%m/%Y}.",))

    new = cli.Command("check", "a check", add_arguments, run_it)
    monkeypatch.setattr(cli, "COMMANDS", [*cli.COMMANDS, new])
    code, out, _ = run(capsys, "check", "--on", "2025-12-01")
    assert code == 0
    assert out.startswith(
        "Checked 01/12/2025.\n\nHow this was worked out:\n  1. Checked. (Monday 1 December 2025)"
    )
    data = json.loads(run(capsys, "check", "--on", "2025-12-01", "--json")[1])
    assert data["steps"][0]["on"] == "2025-12-01"
    code, out, err = run(capsys, "check", "--on", "2025-12-32")
    assert (code, out, err) == (2, "", "sendrules: error: The date to check must be a real date\n")


# -- the real entry points -------------------------------------------------------------------------------

def test_python_dash_m_sendrules_answers_in_json():
    proc = subprocess.run(
        [sys.executable, "-m", "sendrules", "certificate", "--decision", "plan-contents", "--sections", "I",
         "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert json.loads(proc.stdout)["needed"] is False


def test_installed_sendrules_command_answers_and_reports_bad_input_as_one_line():
    script = VENV_BIN / "sendrules"
    proc = subprocess.run(
        [str(script), "deadline", "--letter-sent", "2025-10-01", "--certificate-issued", "2025-11-29",
         "--today", "2025-12-10", "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    data = json.loads(proc.stdout)
    assert (data["last_day"], data["governed_by"]) == ("2026-01-02", "certificate")

    bad = subprocess.run([str(script), "deadline", "--letter-sent", "2025-02-29"],
                         capture_output=True, text=True, timeout=60, check=False)
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "sendrules: error: The date the decision letter was sent must be a real date\n"


# -- the package surface -----------------------------------------------------------------------------------

def test_importing_the_package_loads_no_rule_modules():
    proc = subprocess.run(
        [sys.executable, "-c",
         "import sys, sendrules; print(sorted(m for m in sys.modules if 'sendrules' in m))"],
        capture_output=True, text=True, timeout=60, check=True,
    )
    assert proc.stdout.strip() == "['sendrules']"


@pytest.mark.parametrize("name", sorted(set(sendrules.__all__) - {"__version__"}))
def test_every_public_name_can_be_imported_from_the_package(name):
    value = getattr(sendrules, name)
    module = sys.modules[f"sendrules.{sendrules._EXPORTS[name]}"]
    assert value is getattr(module, name)


def test_a_reader_closing_the_pipe_early_gets_no_traceback():
    """`sendrules deadline ... | head -1` must end quietly when head stops reading."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sendrules", "deadline",
         "--letter-sent", "2025-10-01", "--today", "2025-12-01"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader goes away before anything is read
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in stderr and stderr == ""
