"""hooks/pages.py: the route diagram and the tables that stack on a phone."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hooks import pages as hook
from markdown import Markdown
from markdown.extensions.toc import slugify
from tests.support.html import Page

DOCS = Path(__file__).resolve().parents[2] / "docs"


class FakeFiles:
    """What the hook asks of MkDocs' Files: the URL of a page, or None if there is no such page."""

    def get_file_from_path(self, path):
        if not (DOCS / path).is_file():
            return None
        return SimpleNamespace(url="" if path == "index.md" else path.removesuffix(".md") + "/")


HOME = SimpleNamespace(url="")


def _table(markdown: str) -> str:
    return Markdown(extensions=["tables"]).convert(markdown)


def test_a_table_of_three_columns_gets_labels_and_roles():
    built = _table("| Letter date | Last day | Why |\n| --- | --- | --- |\n"
                   "| Wed 1 Oct 2025 | **Mon 1 Dec 2025** | a <em>working</em> day |\n")
    stacked = hook.TABLE.sub(lambda m: hook.stack_table(m.group(1)), built)
    assert '<table role="table" data-stack="">' in stacked
    assert re.findall(r'data-label="([^"]*)"', stacked) == ["Letter date", "Last day", "Why"]
    assert stacked.count('role="columnheader"') == 3
    assert stacked.count('role="cell"') == 3
    assert stacked.count('role="row"') == 2
    assert stacked.count('role="rowgroup"') == 2
    assert "<strong>Mon 1 Dec 2025</strong>" in stacked  # the cells' content is untouched


def test_a_header_with_markup_or_quotes_gives_a_plain_safe_label():
    built = _table('| The "move" | <em>Date</em> | &amp; more |\n| --- | --- | --- |\n| a | b | c |\n')
    stacked = hook.TABLE.sub(lambda m: hook.stack_table(m.group(1)), built)
    labels = [html.unescape(label) for label in re.findall(r'data-label="([^"]*)"', stacked)]
    assert labels == ['The "move"', "Date", "& more"]


def test_a_two_column_table_is_left_as_it_is():
    built = _table("| What | Date |\n| --- | --- |\n| Letter | |\n")
    assert hook.TABLE.sub(lambda m: hook.stack_table(m.group(1)), built) == built


def test_every_wide_table_on_the_pages_has_a_label_for_every_cell():
    for path in sorted(DOCS.glob("*.md")):
        built = Markdown(extensions=["tables", "attr_list", "md_in_html"]).convert(path.read_text())
        for match in hook.TABLE.finditer(built):
            stacked = hook.stack_table(match.group(1))
            if "data-stack" in stacked:
                assert stacked.count("<td") == stacked.count('data-label="') > 0, path.name
                assert 'data-label=""' not in stacked, path.name


def test_the_route_has_every_step_in_order_with_a_time_limit_or_branches():
    built = hook.route_html(HOME, FakeFiles())
    number = r'<span class="route__number">\d+</span> ([^<]+)</p>'
    titles = [html.unescape(title) for title in re.findall(number, built)]
    assert titles == [step.title for step in hook.STEPS]
    assert titles[0].startswith("The council's decision letter") and titles[-1] == "The hearing"
    for step in hook.STEPS:
        assert step.limit or step.branches, step.title


def test_the_route_names_each_time_limit():
    words = " ".join(step.limit + " ".join(limit for _, limit in step.branches) for step in hook.STEPS)
    for limit in ("2 months", "3 working days", "30 days", "2 calendar months", "1 calendar month",
                  "10 Tribunal working days", "30 Tribunal working days", "5pm"):
        assert limit in words, limit


def test_the_text_alternative_carries_everything_the_diagram_says():
    built = hook.route_html(HOME, FakeFiles())
    diagram, text = built.split('<details class="route__text">')
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"\s+", " ", text)
    for step in hook.STEPS:
        for part in (step.title, step.limit, step.detail, *[p for branch in step.branches for p in branch]):
            assert re.sub(r"\s+", " ", part) in text, part
    assert "<script" not in built


def test_the_route_links_to_pages_and_headings_that_exist():
    built = hook.route_html(SimpleNamespace(url="appeal-deadline/"), FakeFiles())
    assert 'href="../mediation-certificate/"' in built  # relative to the page it is on
    for step in hook.STEPS:
        for target, _text in step.links:
            path, _, anchor = target.partition("#")
            assert (DOCS / path).is_file(), target
            markdown = (DOCS / path).read_text(encoding="utf-8")
            if anchor:
                found = re.findall(r"^#{2,6} (.+?)(?: \{#[^}]+\})?$", markdown, re.M)
                headings = [slugify(heading, "-") for heading in found]
                assert anchor in headings, target


def test_a_route_link_to_a_missing_page_fails_the_build():
    broken = (hook.Step("Nowhere", "now", links=(("no-such-page.md", "Nowhere"),)),)
    original = hook.STEPS
    try:
        hook.STEPS = broken
        with pytest.raises(hook.PluginError, match="no-such-page.md"):
            hook.route_html(HOME, FakeFiles())
    finally:
        hook.STEPS = original


def test_the_route_placeholder_is_replaced_and_ids_are_unique():
    built = hook.on_page_content("<p>Before</p><!-- route --><p>After</p>", HOME, {}, FakeFiles())
    assert "<!-- route -->" not in built and 'class="route"' in built
    found = Page.of(built).ids
    assert len(found) == len(set(found))
