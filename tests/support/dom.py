"""Helpers for the unit tests of the calculators' HTML (sendrules.web): a small DOM, so tests look
at elements rather than at text patterns; a submission through the browser's entry point; and the
checks every calculator's errors, escaping and "something went wrong" message must pass."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser

from sendrules import web

TODAY = date(2026, 11, 28)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def in_fresh_python(code: str) -> str:
    """What ``code`` prints when run by a new interpreter, whose imports start from nothing: how
    the tests see which modules an import or a call loads, as the browser's worker would."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


@dataclasses.dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = dataclasses.field(default_factory=list)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str | None) -> list[Node]:
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [
            n for n in self.iter()
            if (tag is None or n.tag == tag)
            and all((k in n.attrs) if v is None else n.attrs.get(k) == v for k, v in wanted.items())
        ]

    def find(self, tag: str | None = None, **attrs: str | None) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'} {attrs}>"
        return found[0]

    def by_id(self, id_: str) -> Node:
        found = self.find_all(id=id_)
        assert len(found) == 1, f"{len(found)} elements with id {id_!r}"
        return found[0]

    @property
    def text(self) -> str:
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text)
        return " ".join(" ".join(parts).split())

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        assert node is not self.root, f"unexpected </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(markup: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root


def render(name: str, fields: dict, today: date = TODAY) -> dict:
    answer = json.loads(web.render(name, json.dumps(fields), today.isoformat()))
    assert set(answer) == {"html", "focus", "title_error", "query"}
    return answer


def date_fields(field: str, d: date | tuple[str, str, str]) -> dict[str, list[str]]:
    day, month, year = (str(d.day), str(d.month), str(d.year)) if isinstance(d, date) else d
    return {f"{field}-day": [day], f"{field}-month": [month], f"{field}-year": [year]}


def appeal_fields(letter, certificate=None) -> dict[str, list[str]]:
    fields = date_fields("letter-sent", letter)
    if certificate is not None:
        fields.update(date_fields("certificate-issued", certificate))
    return fields


def assert_error(answer: dict, *, field: str, focus_target: str, message: str,
                 at_fault=("day", "month", "year"), name="appeal-deadline") -> Node:
    assert answer["title_error"] is True
    assert answer["focus"] == f"{name}-error-summary"
    assert answer["query"] == ""
    root = parse(answer["html"])
    summary = root.by_id(answer["focus"])
    assert summary.attrs["tabindex"] == "-1"
    assert summary.find("h3").text == "There is a problem"
    links = summary.find_all("a")
    assert any(a.attrs["href"] == f"#{focus_target}" and message in a.text for a in links), \
        [(a.attrs["href"], a.text) for a in links]
    root.by_id(focus_target)  # the link goes somewhere
    by_field = root.by_id(f"{field}-error")
    assert "govuk-error-message" in by_field.classes
    assert by_field.find("span", class_="visually-hidden").text == "Error:"
    assert message in by_field.text
    group = root.find(data_question=field)
    assert "govuk-form-group--error" in group.classes
    described = group.find("fieldset").attrs["aria-describedby"].split()
    assert f"{field}-hint" in described and f"{field}-error" in described
    if field in ("letter-sent", "certificate-issued", "conduct"):
        for part in ("day", "month", "year"):
            box = root.by_id(f"{field}-{part}")
            wrong = part in at_fault
            assert ("aria-invalid" in box.attrs) is wrong, part
            assert ("govuk-input--error" in box.classes) is wrong, part
    assert root.find_all(data_result=None) == [], "no answer is shown with an error"
    return root


PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"]


def assert_no_injection(markup: str) -> Node:
    root = parse(markup)
    assert root.find_all("script") == [] and root.find_all("img") == [] and root.find_all("svg") == []
    assert not [n for n in root.iter() if any(k.startswith("on") for k in n.attrs)]
    for payload in PAYLOADS:
        assert payload not in markup
    return root


def result_region(markup: str, name: str) -> str:
    root = parse(markup)
    region = root.by_id(f"{name}-result")
    assert region.children, "no answer"
    return region.text


def assert_safe_problem(answer: dict, name: str | None = "appeal-deadline") -> Node:
    assert answer["title_error"] is True
    assert answer["query"] == ""
    assert "Traceback" not in answer["html"] and "Error(" not in answer["html"]
    root = parse(answer["html"])
    box = root.by_id(answer["focus"])
    assert box.attrs["tabindex"] == "-1"
    assert "Something went wrong" in box.text
    assert "Your dates were not used" in box.text
    assert box.find("a").attrs["href"].startswith("#")
    return root
