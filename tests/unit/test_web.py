"""The calculators' package (sendrules.web): the entry points the build and the browser call, the page
around every calculator, one module per calculator loaded on first use, and what the browser's worker
imports when."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from tests.support.dom import (
    PAYLOADS,
    Node,
    appeal_fields,
    assert_no_injection,
    assert_safe_problem,
    date_fields,
    in_fresh_python,
    parse,
    render,
    result_region,
)

from sendrules import web
from sendrules.sources import RULES_LAST_CHECKED, SOURCES

# -- the static forms and the sources ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["appeal-deadline", "certificate", "dd-claim"])
def test_form_has_the_stable_hooks(name):
    tree = parse(web.form_html(name))
    (root,) = [n for n in tree.children if isinstance(n, Node)]
    assert root.tag == "div" and "calculator" in root.classes
    assert root.attrs["data-calculator"] == name
    assert root.attrs["data-state"] == "loading"
    assert root.find("h3").text

    loading = root.find(data_status="loading")
    assert "loading" in loading.text.lower()
    assert loading.find("progress", data_progress=None)
    assert loading.find("a", href=web.CALCULATORS[name].by_hand[0])
    failed = root.find(data_status="error")
    assert "could not start in your browser" in failed.text
    assert "have not been sent anywhere" in failed.text
    assert "JavaScript" in root.find("noscript").text

    form = root.find("form")
    assert "novalidate" in form.attrs
    assert form.find("input", type="hidden", name="calculator").attrs["value"] == name
    (button,) = form.find_all("button")
    assert button.attrs["type"] == "submit" and button.text
    result = root.by_id(f"{name}-result")
    assert result.children == []
    assert root.find_all(class_="govuk-error-summary") == []


def test_unknown_calculator_is_a_clear_build_error():
    with pytest.raises(web.UnknownCalculatorError, match="no calculator called 'nope'.*appeal-deadline"):
        web.form_html("nope")


def test_sources_html_lists_citations_links_and_the_date_checked():
    root = parse(web.sources_html(["hesc-r20", "eqa-sch17-4"]))
    links = root.find_all("a")
    assert [a.attrs["href"] for a in links] == [SOURCES["hesc-r20"].url, SOURCES["eqa-sch17-4"].url]
    assert links[0].text == SOURCES["hesc-r20"].citation
    assert SOURCES["hesc-r20"].summary in root.text
    assert "These rules were last checked on 28 November 2026" in root.text
    assert root.find("time").attrs["datetime"] == RULES_LAST_CHECKED.isoformat()


@pytest.mark.parametrize("ids", [["hesc-r20", "no-such-source"], []])
def test_sources_html_refuses_unknown_or_missing_ids(ids):
    with pytest.raises(web.UnknownCalculatorError):
        web.sources_html(ids)


# -- escaping ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_calculator_name_and_today_are_never_echoed(payload):
    answer = json.loads(web.render(payload, "{}", "2026-01-01"))
    assert_no_injection(answer["html"])
    answer = json.loads(web.render("appeal-deadline", "{}", payload))
    assert_no_injection(answer["html"])


# -- web addresses -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fields"), [
    ("appeal-deadline", appeal_fields(("01", "oct", "2025"), ("29", "11", "2025"))),
    ("appeal-deadline", appeal_fields(date(2026, 2, 3))),
    ("dd-claim", date_fields("conduct", date(2026, 3, 14))),
    ("certificate", {"decision": ["plan-contents"], "sections": ["I", "B"]}),
    ("certificate", {"decision": ["cease-to-maintain"]}),
])
def test_query_round_trip(name, fields):
    first = render(name, fields)
    assert first["query"].startswith(f"calculator={name}&")
    again = render(name, parse_qs(first["query"]))
    assert again["query"] == first["query"]
    assert again["focus"] == first["focus"]
    assert result_region(again["html"], name) == result_region(first["html"], name)


# -- nothing unexpected ever reaches the reader --------------------------------------------------------------

def test_an_unexpected_failure_in_the_rules_gives_a_safe_message(monkeypatch):
    def boom(values, today):
        raise RuntimeError("secret internals")

    calc = web.load("appeal-deadline")
    monkeypatch.setitem(web.CALCULATORS, "appeal-deadline", dataclasses.replace(calc, answer=boom))
    answer = render("appeal-deadline", appeal_fields(date(2025, 10, 1)))
    root = assert_safe_problem(answer)
    assert "secret internals" not in answer["html"]
    assert root.by_id("letter-sent-day").attrs["value"] == "1"  # the form is still there, values kept
    assert root.find_all(data_result=None) == []


def test_an_unexpected_failure_while_presenting_gives_a_safe_message(monkeypatch):
    def boom(result, ids):
        raise KeyError("oops")

    calc = web.load("certificate")
    monkeypatch.setitem(web.CALCULATORS, "certificate", dataclasses.replace(calc, present=boom))
    assert_safe_problem(render("certificate", {"decision": ["refusal-to-assess"]}), "certificate")


@pytest.mark.parametrize(("fields_json", "today"), [
    ("not json", "2026-01-01"),
    ("[1, 2]", "2026-01-01"),
    ('{"letter-sent-day": {"x": 1}}', "2026-01-01"),
    ("{}", "yesterday"),
    ("{}", None),
])
def test_bad_calls_give_a_safe_message(fields_json, today):
    answer = json.loads(web.render("appeal-deadline", fields_json, today))
    assert answer["title_error"] is True
    parse(answer["html"])
    if answer["focus"] != "appeal-deadline-error-summary":
        assert_safe_problem(answer)


def test_an_unknown_calculator_at_render_time_gives_a_safe_message():
    assert_safe_problem(json.loads(web.render("nope", "{}", "2026-01-01")), None)


CALCULATOR_MODULES = sorted(f"sendrules.web.{module}" for module in web.MODULES.values())


@pytest.mark.parametrize("name", ["offer-check", "appeal-deadline"])
def test_calculators_are_imported_only_when_first_used(name):
    """The browser's worker compiles every module it imports: a page pays for its own calculators."""
    code = (
        "import sys, sendrules.web as web\n"
        f"calculators = {CALCULATOR_MODULES!r}\n"
        "before = [m for m in calculators if m in sys.modules]\n"
        f"web.form_html({name!r})\n"
        "after = [m for m in calculators if m in sys.modules]\n"
        "print(before, after)\n"
    )
    out = in_fresh_python(code)
    assert out.strip() == f"[] ['sendrules.web.{web.MODULES[name]}']"


def test_every_calculator_module_is_reachable_by_its_calculator_name():
    for name in web.MODULES:
        assert web.CALCULATORS.get(name) is None or web.CALCULATORS[name].name == name
        assert f'data-calculator="{name}"' in web.form_html(name)
        assert web.CALCULATORS[name].name == name


def test_prepare_imports_the_rules_a_page_needs_before_the_first_answer():
    code = (
        "import sys, sendrules.web as web\n"
        "assert 'sendrules.time_limits' not in sys.modules\n"
        "print(web.prepare('[\"appeal-deadline\", \"no-such-calculator\"]'), web.prepare('not json'),\n"
        "      'sendrules.time_limits' in sys.modules, 'sendrules.appeals' in sys.modules)\n"
    )
    out = in_fresh_python(code)
    assert out.split() == ["True", "False", "True", "False"]


ALL_CALCULATORS = sorted(web.MODULES)


@pytest.mark.parametrize("name", ALL_CALCULATORS)
def test_every_calculator_rehearses_with_an_answer_not_errors(name):
    """prepare() answers each calculator's rehearsal; one that gave errors would leave the answer's
    code (and its imports) for the reader's first answer."""
    calc = web.load(name)
    assert calc.rehearsal is not None
    fields, today = calc.rehearsal
    answer = json.loads(web.render(name, json.dumps(fields), today.isoformat()))
    assert answer["title_error"] is False
    assert answer["focus"] == f"{name}-result-heading"


# A first answer after prepare(): the reader's own, on another day than the rehearsal's.
FIRST_ANSWERS = {
    "appeal-deadline": {**date_fields("letter-sent", date(2026, 11, 8)),
                        **date_fields("certificate-issued", date(2026, 12, 24))},
}


@pytest.mark.parametrize("name", ALL_CALCULATORS)
def test_after_prepare_a_first_answer_imports_nothing(name):
    """Each calculator alone on a page, in a fresh interpreter, as the browser's worker has it."""
    fields = FIRST_ANSWERS.get(name, web.load(name).rehearsal[0])
    code = (
        "import json, sys, sendrules.web as web\n"
        f"print(web.prepare(json.dumps([{name!r}])))\n"
        "before = set(sys.modules)\n"
        f"answer = json.loads(web.render({name!r}, {json.dumps(fields)!r}, '2026-12-28'))\n"
        "print(answer['title_error'], sorted(set(sys.modules) - before))\n"
    )
    assert in_fresh_python(code).splitlines() == ["True", "False []"]


# Modules the worker need not load before it reports ready, each measured at 40 ms or more in the
# browser (README, "Performance"): html.entities (via html), urllib.parse (with ipaddress), and
# sendrules.ics (with hashlib). prepare() loads those an answer needs, while the reader types.
DEFERRED = ("html.entities", "urllib.parse", "ipaddress", "sendrules.ics", "hashlib")


def test_importing_web_leaves_the_slow_modules_for_prepare():
    code = (
        "import sys, sendrules.web as web\n"
        f"deferred = {DEFERRED!r}\n"
        "print([m for m in deferred if m in sys.modules])\n"
        "web.prepare('[\"appeal-deadline\"]')\n"
        "print([m for m in deferred if m in sys.modules])\n"
    )
    out = in_fresh_python(code)
    before, after = out.splitlines()
    assert before == "[]"
    assert after == repr(["urllib.parse", "ipaddress", "sendrules.ics", "hashlib"])


def test_the_worker_ships_every_dateutil_module_sendrules_imports():
    """hooks/site.py ships only DATEUTIL_MODULES of the python-dateutil wheel to the browser."""
    from hooks.site import DATEUTIL_MODULES

    code = (
        "import json, pkgutil, importlib, sys, sendrules, sendrules.web as web\n"
        "for module in pkgutil.walk_packages(sendrules.__path__, 'sendrules.'):\n"
        "    if module.name not in ('sendrules.cli', 'sendrules.__main__'):\n"
        "        importlib.import_module(module.name)\n"
        "web.prepare(json.dumps(list(web.MODULES)))\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'dateutil')))\n"
    )
    out = in_fresh_python(code)
    shipped = {p.removesuffix(".py").removesuffix("/__init__").replace("/", ".") for p in DATEUTIL_MODULES}
    assert set(out.split()) <= shipped
    assert "dateutil.relativedelta" in out.split()


# -- one shape for every calculator -------------------------------------------------------------------------

PACKAGE = Path(web.__file__).parent
#: The modules of sendrules.web that are not calculators.
FRAMEWORK = {"__init__", "framework", "pieces", "questions"}


def test_every_calculator_module_is_named_in_the_registry_and_defines_one_calculator():
    calculator_modules = {p.stem for p in PACKAGE.glob("*.py")} - FRAMEWORK
    assert calculator_modules == set(web.MODULES.values())
    assert len(set(web.MODULES.values())) == len(web.MODULES), "one module per calculator"
    for name, module_name in web.MODULES.items():
        module = importlib.import_module(f"sendrules.web.{module_name}")
        calculators = [v for v in vars(module).values() if isinstance(v, web.Calculator)]
        assert calculators == [module.CALCULATOR], module_name
        assert module.CALCULATOR.name == name


def _private_names_used_from_other_modules(source: str) -> list[str]:
    """``from x import _name`` and ``module._name`` where the module is one this source imports."""
    tree = ast.parse(source)
    modules: set[str] = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name.startswith("_") and alias.name != "__future__":
                    found.append(f"from {'.' * node.level}{node.module or ''} import {alias.name}")
                modules.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            found.append(f"{node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_modules_of_the_package_use_only_public_names_of_each_other(path):
    assert _private_names_used_from_other_modules(path.read_text(encoding="utf-8")) == []


def test_the_private_name_check_can_fail():
    source = "from .pieces import _short\nfrom . import web\nweb._e(1)\n"
    assert _private_names_used_from_other_modules(source) == ["from .pieces import _short", "web._e"]


HTML_TAG = re.compile(r"</?(?:a|button|div|form|h[1-6]|input|label|li|ol|p|span|strong|time|ul)[\s>]")


@pytest.mark.parametrize("path", sorted(PACKAGE.parent.glob("*.py")), ids=lambda p: p.name)
def test_the_rules_modules_hold_no_html(path):
    """HTML is written only in sendrules.web: the rules give facts, dates and plain sentences."""
    assert HTML_TAG.findall(path.read_text(encoding="utf-8")) == []


def test_the_html_check_can_fail():
    assert HTML_TAG.findall('return f\'<p class="x">{text}</p>\'') == ["<p ", "</p>"]
