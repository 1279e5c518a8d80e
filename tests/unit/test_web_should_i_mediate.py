"""The "Should I mediate?" calculator (sendrules.web.should_i_mediate): its form, its answers,
its errors, and escaping."""

from __future__ import annotations

import re
from datetime import date
from html import escape
from urllib.parse import parse_qsl

from tests.support.html import Page

from sendrules.should_mediate import ABOUT, HEALTH_SOCIAL_CARE, LA_RECORD, PHASE_TRANSFER
from sendrules.web.should_i_mediate import CALCULATOR as view

TODAY = date(2026, 11, 30)

GOOD = {
    "about": ["amounts"],
    "la-record": ["good-faith"],
    "phase-transfer": ["none"],
    "health-social-care": ["no"],
}


class _Page(Page):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def start(self, tag, a):
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])


parse = _Page.of


def submit(**changes):
    fields = {**GOOD, **{k.replace("_", "-"): v for k, v in changes.items()}}
    return view.render(fields, TODAY)


def test_form_html_root_and_fields():
    html = view.form_html()
    assert html.startswith('<div class="calculator" data-calculator="should-i-mediate" data-state="loading"')
    p = parse(html)
    assert len(p.ids) == len(set(p.ids)), "duplicate ids"
    for name in ("about", "la-record", "phase-transfer", "health-social-care", "transfer-year",
                 "date-of-birth-day", "date-of-birth-month", "date-of-birth-year",
                 "letter-sent-day", "letter-sent-month", "letter-sent-year"):
        assert name in p.names, name
    for question in (ABOUT, LA_RECORD, PHASE_TRANSFER, HEALTH_SOCIAL_CARE):
        legend = escape(question.legend, quote=True)
        assert f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>' in html
        for option in question.values:
            assert f'id="{question.name}-{option}"' in html
    assert 'data-status="loading"' in html and 'data-status="error"' in html and "<noscript>" in html
    assert "by hand" in html


def test_result_shows_recommendation_reasons_cautions_and_query():
    out = submit()
    assert out["title_error"] is False
    assert out["focus"] == "should-i-mediate-result-heading"
    assert 'data-recommendation="mediation-worth-trying"' in out["html"]
    assert out["html"].count("data-reason=") == 3
    for caution in ("certificate", "vague-provision", "confidential", "appeal-clock"):
        assert f'data-caution="{caution}"' in out["html"]
    query = dict(parse_qsl(out["query"]))
    assert query["calculator"] == "should-i-mediate"
    assert query["about"] == "amounts" and query["la-record"] == "good-faith"


def test_query_brings_back_the_same_answer():
    first = submit(phase_transfer=["primary-to-secondary"], date_of_birth_day=["31"],
                   date_of_birth_month=["8"], date_of_birth_year=["2016"], letter_sent=["2026-11-02"])
    fields = {}
    for key, value in parse_qsl(first["query"]):
        fields.setdefault(key, []).append(value)
    second = view.render(fields, TODAY)
    assert second["query"] == first["query"]
    recommendation = re.compile(r'data-recommendation="([a-z-]+)"')
    assert recommendation.findall(second["html"]) == recommendation.findall(first["html"])


def test_phase_transfer_date_is_shown():
    out = submit(phase_transfer=["primary-to-secondary"], transfer_year=["2027"])
    assert 'data-recommendation="go-straight-to-tribunal"' in out["html"]
    assert '<time datetime="2027-02-14">Sunday 14 February 2027</time>' in out["html"]
    assert "before 15 February" in out["html"]


def test_letter_date_is_carried_into_the_deadline_link():
    out = submit(letter_sent_day=["2"], letter_sent_month=["11"], letter_sent_year=["2026"])
    hrefs = parse(out["html"]).hrefs
    assert "../appeal-deadline/?calculator=appeal-deadline&letter-sent=2026-11-02" in hrefs
    without = parse(submit()["html"]).hrefs
    assert "../appeal-deadline/?calculator=appeal-deadline" in without


def test_placement_says_no_certificate_needed():
    out = submit(about=["placement"])
    assert re.search(r'data-result="certificate-needed">Not needed', out["html"])


def test_missing_answers_give_the_govuk_error_pattern():
    out = view.render({}, TODAY)
    assert out["title_error"] is True
    assert out["focus"] == "should-i-mediate-error-summary"
    assert out["query"] == ""
    html = out["html"]
    assert "There is a problem" in html
    for question in (ABOUT, LA_RECORD, PHASE_TRANSFER, HEALTH_SOCIAL_CARE):
        assert f'<a href="#{question.name}-{question.values[0]}">{question.select_message}</a>' in html
        assert f'id="{question.name}-error"' in html


def test_a_move_without_a_year_or_birthday_points_to_the_year_box():
    out = submit(phase_transfer=["primary-to-secondary"])
    assert out["title_error"] is True
    assert '<a href="#transfer-year">' in out["html"]
    assert 'id="transfer-year-error"' in out["html"]
    assert 'aria-invalid="true"' in out["html"]


def test_date_of_birth_is_ignored_when_no_move_is_chosen():
    out = submit(date_of_birth_day=["31"], date_of_birth_month=["2"], date_of_birth_year=["2016"])
    assert out["title_error"] is False


def test_bad_date_of_birth_is_reported_by_its_box():
    out = submit(phase_transfer=["infant-to-junior"], date_of_birth_day=["31"], date_of_birth_month=["2"],
                 date_of_birth_year=["2016"])
    assert out["title_error"] is True
    assert '<a href="#date-of-birth-day">The date of birth must be a real date</a>' in out["html"]


def test_future_letter_date_is_an_error():
    out = submit(letter_sent_day=["1"], letter_sent_month=["1"], letter_sent_year=["2027"])
    assert out["title_error"] is True
    assert "#letter-sent-day" in out["html"]


def test_user_input_is_escaped():
    evil = '"><script>alert(1)</script>'
    out = submit(about=[evil], transfer_year=[evil])
    assert "<script>alert(1)</script>" not in out["html"]
    out = submit(letter_sent_day=[evil])
    assert "<script>alert(1)</script>" not in out["html"]
    assert out["title_error"] is True


def test_render_never_raises():
    out = view.render({"about": None, "la-record": 5}, TODAY)  # not lists of strings
    assert set(out) == {"html", "focus", "title_error", "query"}
