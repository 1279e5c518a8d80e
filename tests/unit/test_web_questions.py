"""The question types every calculator uses (sendrules.web.questions)."""

from __future__ import annotations

import pytest
from tests.support.dom import (
    parse,
)

from sendrules import web

DATE_FIELDS = {"appeal-deadline": ["letter-sent", "certificate-issued"], "dd-claim": ["conduct"]}


@pytest.mark.parametrize("name", ["appeal-deadline", "dd-claim"])
def test_date_inputs_follow_the_gov_uk_pattern(name):
    root = parse(web.form_html(name))
    for field in DATE_FIELDS[name]:
        fieldset = root.by_id(f"{field}-day").parent
        while fieldset.tag != "fieldset":
            fieldset = fieldset.parent
        assert fieldset.find("legend").text.endswith("?") or "(optional)" in fieldset.find("legend").text
        hint = root.by_id(f"{field}-hint")
        assert "For example, " in hint.text
        assert fieldset.attrs["aria-describedby"] == f"{field}-hint"
        for part, width in (("day", "2"), ("month", "2"), ("year", "4")):
            box = root.by_id(f"{field}-{part}")
            assert box.tag == "input"
            assert box.attrs["name"] == f"{field}-{part}"
            assert box.attrs["type"] == "text"
            assert box.attrs["inputmode"] == "numeric"
            assert f"govuk-input--width-{width}" in box.classes
            assert box.attrs["value"] == ""
            assert "aria-invalid" not in box.attrs
            label = root.find("label", for_=f"{field}-{part}")
            assert label.text == part.capitalize()
