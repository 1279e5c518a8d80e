"""The pieces every answer is made of (sendrules.web.pieces)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sendrules.web.pieces import escape


@given(st.text())
def test_escaping_is_exactly_html_escape(text):
    import html

    assert escape(text) == html.escape(text, quote=True)
