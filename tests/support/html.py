"""A small HTML reader for the view unit tests: every element id, in order (so a test can find
duplicates), and every form field name. A test's own subclass collects more in ``start``."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.names: set[str] = set()

    @classmethod
    def of(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "name" in a:
            self.names.add(a["name"])
        self.start(tag, a)

    def start(self, tag: str, a: dict[str, str | None]) -> None:
        """Called for every start tag, after the id and name are noted."""
