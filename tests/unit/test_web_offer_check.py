"""The offer check (sendrules.web.offer_check): its form, its answer, its errors, and that
pasted text is never markup."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendrules.offer_check import MAX_CHARS, check_offer
from sendrules.web.offer_check import CALCULATOR as view

TODAY = date(2026, 12, 1)
GOOD = ("Amir will receive 3 sessions of 30 minutes per week of 1:1 speech and language therapy delivered by "
        "a HCPC-registered speech and language therapist, reviewed each half term.")
VAGUE = "Sam will have access to a quiet space when needed."
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
            "</textarea><script>alert(2)</script>", "<svg onload=alert(3)>support as required</svg>"]


class Tree(HTMLParser):
    """Every start tag with its attributes, and the text inside elements marked ``data-text``."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.textarea: list[str] = []
        self._in_text = 0
        self._in_textarea = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "data-text" in a:
            self._in_text = 1
            self.texts.append("")
        if tag == "textarea":
            self._in_textarea = True
            self.textarea.append("")

    def handle_endtag(self, tag):
        if tag == "p" and self._in_text:
            self._in_text = 0
        if tag == "textarea":
            self._in_textarea = False

    def handle_data(self, data):
        if self._in_text:
            self.texts[-1] += data
        if self._in_textarea:
            self.textarea[-1] += data

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)

    def with_attr(self, name: str, value: str | None = None) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if name in a and (value is None or a[name] == value)]


def submit(text: str) -> dict:
    return view.render({"calculator": ["offer-check"], "offer-text": [text]}, TODAY)


# -- the form ------------------------------------------------------------

def test_form_html_root_textarea_label_hint_button_and_status_blocks():
    html = view.form_html()
    assert html.startswith('<div class="calculator" data-calculator="offer-check" data-state="loading"')
    tree = Tree(html)
    textarea = tree.with_attr("id", "offer-text")
    assert len(textarea) == 1 and textarea[0]["name"] == "offer-text"
    assert tree.count("textarea") == 1
    assert tree.with_attr("for", "offer-text")
    assert "Paste one section at a time. Nothing you paste leaves your device." in html
    assert "offer-text-hint" in (textarea[0]["aria-describedby"] or "")
    assert tree.with_attr("type", "submit")
    for status in ("loading", "error"):
        assert tree.with_attr("data-status", status)
    assert "<noscript>" in html
    assert tree.count("script") == 0


# -- answers -------------------------------------------------------------

def test_result_lists_each_sentence_with_its_tag_missing_and_flags():
    text = f"Section F\n{GOOD}\n{VAGUE}"
    answer = submit(text)
    assert answer["title_error"] is False
    assert answer["focus"] == "offer-check-result-heading"
    tree = Tree(answer["html"])
    items = tree.with_attr("data-verdict")
    assert [a["data-verdict"] for a in items] == ["not-provision", "specific", "vague"]
    assert tree.texts == [c.text for c in check_offer(text).sentences]
    html = answer["html"]
    for tag in ("Not provision", "Specific", "Vague"):
        assert f">{tag}</strong>" in html
    missing = tree.with_attr("data-missing")
    assert [m["data-missing"] for m in missing] == ["what who how much how often"]
    flags = [a["data-flag"] for a in tree.with_attr("data-flag")]
    assert flags == ["access-to", "as-needed"]
    assert "Ask the council: What exactly will my child receive" in html
    assert "not legal advice" in html
    assert 'id="offer-check-result-heading"' in html
    assert "1 of 2 sentences need more detail" not in html  # one vague: singular
    assert "1 of 2 sentences needs more detail" in html


def test_query_never_contains_the_wording():
    secret = "Priya will receive up to 10 hours of support at Oakfield Primary."
    answer = submit(secret)
    assert answer["query"] == "calculator=offer-check"
    for word in ("Priya", "Oakfield", "support", "offer-text"):
        assert word not in answer["query"]


def test_bare_web_address_shows_the_empty_form_without_an_error():
    answer = view.render({"calculator": ["offer-check"]}, TODAY)
    assert answer["title_error"] is False
    assert "There is a problem" not in answer["html"]
    assert "data-verdict" not in answer["html"]
    assert answer["query"] == "calculator=offer-check"


# -- errors --------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("", "Paste the wording you want to check"),
    ("   \n\t", "Paste the wording you want to check"),
    ("a" * (MAX_CHARS + 1), "The wording must be 20,000 characters or fewer. Paste one section at a time"),
], ids=["empty", "blank", "too-long"])
def test_errors_follow_the_govuk_pattern(text, message):
    answer = submit(text)
    assert answer["title_error"] is True
    assert answer["focus"] == "offer-check-error-summary"
    assert answer["query"] == ""
    html = answer["html"]
    assert "There is a problem" in html
    assert f'<a href="#offer-text">{message}' in html
    tree = Tree(html)
    assert tree.with_attr("id", "offer-text-error")
    textarea = tree.with_attr("id", "offer-text")[0]
    assert textarea["aria-invalid"] == "true"
    assert "offer-text-error" in (textarea["aria-describedby"] or "")
    assert "govuk-form-group--error" in html


def test_too_long_text_is_kept_in_the_box_so_it_can_be_cut_down():
    text = "Support as required. " * (MAX_CHARS // 20 + 1)
    tree = Tree(submit(text)["html"])
    assert tree.textarea == [text]


# -- hostile input -------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_escaped_everywhere(payload):
    answer = submit(f"{payload}\n{VAGUE}")
    html = answer["html"]
    tree = Tree(html)
    assert tree.count("script") == 0
    assert tree.count("img") == 0
    assert tree.count("svg") == 0
    assert not [a for _, a in tree.tags if any(k.startswith("on") for k in a)]
    assert tree.count("textarea") == 1
    assert tree.textarea == [f"{payload}\n{VAGUE}"]  # the box gives back exactly what was pasted
    shown = " ".join(tree.texts)
    assert " ".join(payload.split()) in shown  # shown as literal text
    assert payload not in html  # never raw
    assert payload not in answer["query"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([*"<>\"'&/=; \nabcxyzSup1:.", "script", "img", "onerror", "textarea",
                                  "!--", "support", "as required"]), max_size=80).map("".join))
def test_no_pasted_text_ever_makes_an_element(text):
    answer = submit(text)
    tree = Tree(answer["html"])
    allowed = {"div", "h3", "h4", "p", "progress", "noscript", "form", "input", "label", "textarea",
               "button", "a", "ul", "ol", "li", "strong", "span", "details", "summary", "dl", "dt", "dd",
               "time"}
    assert {t for t, _ in tree.tags} <= allowed
    assert not [a for _, a in tree.tags if any(k.startswith("on") for k in a)]
    assert set(answer) == {"html", "focus", "title_error", "query"}
    assert answer["query"] in ("", "calculator=offer-check")


def test_render_never_raises_on_odd_fields():
    for fields in ({"offer-text": []}, {"offer-text": ["a", "b"]}, {"offer-text": [None]}, None):
        answer = view.render(fields, TODAY)
        assert set(answer) == {"html", "focus", "title_error", "query"}
