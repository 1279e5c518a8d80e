"""The discrimination claim deadline calculator (sendrules.web.dd_claim): the worked examples, the
other reading, its errors and escaping."""

from __future__ import annotations

from datetime import date

import pytest
from tests.support.dom import (
    PAYLOADS,
    assert_error,
    assert_no_injection,
    date_fields,
    parse,
    render,
)

from sendrules.sources import SOURCES

# -- answers -------------------------------------------------------------------------------------------------

DD_EXAMPLES = [
    (date(2026, 3, 10), date(2026, 9, 9), date(2026, 9, 9)),
    (date(2026, 3, 14), date(2026, 9, 13), date(2026, 9, 11)),
    (date(2025, 8, 31), date(2026, 2, 27), date(2026, 2, 27)),
]


@pytest.mark.parametrize(("conduct", "last_day", "safe_day"), DD_EXAMPLES)
def test_dd_claim_worked_examples(conduct, last_day, safe_day):
    answer = render("dd-claim", date_fields("conduct", conduct))
    assert answer["focus"] == "dd-claim-result-heading" and not answer["title_error"]
    root = parse(answer["html"])
    assert root.find(data_result="safe-day").find("time").attrs["datetime"] == safe_day.isoformat()
    assert root.find(data_result="last-day").find("time").attrs["datetime"] == last_day.isoformat()
    assert root.by_id(answer["focus"]).attrs["tabindex"] == "-1"
    assert answer["query"] == f"calculator=dd-claim&conduct={conduct.isoformat()}"
    assert root.find(data_section="steps").find_all("li")
    assert root.find(data_section="sources").find("a", href=SOURCES["eqa-sch17-4"].url)


def test_dd_claim_alternatives_are_shown():
    root = parse(render("dd-claim", date_fields("conduct", date(2026, 3, 14)))["html"])
    alternatives = root.find(data_section="alternatives")
    assert alternatives.find(data_alternative="2026-09-14")
    assert "We show the earlier date" in alternatives.text


# -- errors --------------------------------------------------------------------------------------------------

def test_dd_claim_future_date():
    answer = render("dd-claim", date_fields("conduct", date(2027, 1, 1)))
    assert_error(answer, field="conduct", focus_target="conduct-day", message="must be today or in the past",
                 name="dd-claim")


def test_dd_claim_empty():
    assert_error(render("dd-claim", {}), field="conduct", focus_target="conduct-day",
                 message="Enter the date the discrimination happened", name="dd-claim")


# -- escaping ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_dd_input_is_escaped(payload):
    answer = render("dd-claim", date_fields("conduct", (payload, payload, payload)))
    root = assert_no_injection(answer["html"])
    assert root.by_id("conduct-year").attrs["value"] == payload
