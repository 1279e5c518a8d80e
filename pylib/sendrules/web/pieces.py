"""The pieces every calculator's answer is made of, and the escaping they all use.

:func:`escape` is how every piece of text gets into the HTML, including what the reader typed.
The other functions give GOV.UK patterns (summary list, numbered and bulleted lists, a section
with its subheading), the headline panel of a deadline, the legal sources, and the block every
answer ends with (:func:`closing`). Links between pages go through :data:`PAGE_LINKS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ..forms import long_date
from ..results import Alternative, Result, Step
from ..sources import RULES_LAST_CHECKED, SOURCES, Source

#: Pages are built with MkDocs' directory URLs, so a calculator on /appeal-deadline/ links to
#: another page as ../mediation-certificate/.
PAGE_LINKS = {
    "appeal-deadline": "../appeal-deadline/",
    "certificate": "../mediation-certificate/",
    "certificate-how": "../mediation-certificate/#how-to-get-your-certificate",
    "dd-claim": "../disability-discrimination/",
    "what-can-be-appealed": "../what-can-be-appealed/",
    "mediation-timeline": "../mediation-timeline/",
    "should-you-mediate": "../should-you-mediate/",
    "checklist": "../checklist/",
    "help": "../help/",
}

#: The last of every answer's next steps: where free advice is.
HELP_LINK = (PAGE_LINKS["help"], "Get free advice from IPSEA or your local SENDIASS")


def escape(value: object) -> str:
    """Escape any text for HTML, quotes included, so it is safe in content and attributes.

    The same replacements as :func:`html.escape` (``quote=True``), which a unit test checks.
    Importing :mod:`html` would also load its table of 2,231 named entities
    (:mod:`html.entities`), which only unescaping needs: about 50 ms of the browser worker's
    start (README, "Performance"). Chained ``str.replace`` is what :func:`html.escape` does, and
    several times faster than ``str.translate`` for the short strings of an answer.
    """
    return (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def time_tag(d: date, css: str = "") -> str:
    """A date as ``<time datetime="YYYY-MM-DD">`` around its long form ("Monday 1 December 2025")."""
    cls = f' class="{escape(css)}"' if css else ""
    return f'<time{cls} datetime="{d.isoformat()}">{escape(long_date(d))}</time>'


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def section(heading: str, body: str, *, data: str = "") -> str:
    """A part of an answer under its own subheading; nothing at all when ``body`` is empty."""
    if not body:
        return ""
    attr = f' data-section="{escape(data)}"' if data else ""
    return (f'<div class="calculator__section"{attr}>'
            f'<h4 class="calculator__subheading">{escape(heading)}</h4>{body}</div>')


def bullet_list(texts: Iterable[str]) -> str:
    items = "".join(f"<li>{escape(t)}</li>" for t in texts)
    return f'<ul class="govuk-list govuk-list--bullet">{items}</ul>' if items else ""


def citation_html(source: Source) -> str:
    """The source's citation, linked when it has a link (a case we cite by its reports has none)."""
    if not source.url:
        return escape(source.citation)
    return f'<a class="govuk-link" href="{escape(source.url)}">{escape(source.citation)}</a>'


def _step_item(step: Step) -> str:
    source = SOURCES.get(step.source_id) if step.source_id else None
    cite = ""
    if source is not None:
        cite = f' <span class="calculator__step-source">({citation_html(source)})</span>'
    return f"<li>{escape(step.text)}{cite}</li>"


def step_list(steps: Iterable[Step], css: str = "calculator__steps") -> str:
    """The rules' working, numbered, each step with a link to its source."""
    items = "".join(_step_item(s) for s in steps)
    return f'<ol class="govuk-list govuk-list--number {css}">{items}</ol>' if items else ""


def summary_list(rows: Iterable[tuple[str, str, str | None, str]]) -> str:
    """A GOV.UK summary list; each row is (key, value HTML, change link or None, what the link changes)."""
    out = []
    for key, value_html, href, changes in rows:
        action = ""
        row_cls = "govuk-summary-list__row"
        if href:
            action = (f'<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{escape(href)}">'
                      f'Change<span class="visually-hidden"> {escape(changes)}</span></a></dd>')
        else:
            row_cls += " govuk-summary-list__row--no-actions"
        out.append(f'<div class="{row_cls}"><dt class="govuk-summary-list__key">{escape(key)}</dt>'
                   f'<dd class="govuk-summary-list__value">{value_html}</dd>{action}</div>')
    return f'<dl class="govuk-summary-list">{"".join(out)}</dl>'


def alternatives(found: Sequence[Alternative], shown: date, what: str) -> str:
    """Another reading of the rules with its date, and why the earlier date is the one shown."""
    if not found:
        return ""
    parts = []
    for alt in found:
        parts.append(
            f'<div class="calculator__alternative" data-alternative="{alt.on.isoformat()}">'
            f"<p>Another reading of the rules gives {time_tag(alt.on)}. {escape(alt.reading)}.</p>"
            f"<p>{escape(alt.why)}</p></div>"
        )
    parts.append(f"<p>We show the earlier date, {time_tag(shown)}. If the Tribunal receives your "
                 f"{escape(what)} by then, it is in time whichever reading is right.</p>")
    return section("The rules could be read another way", "".join(parts), data="alternatives")


def _short(d: date) -> str:
    return long_date(d).split(" ", 1)[1]  # "28 November 2026"


def _time_short(d: date) -> str:
    return f'<time datetime="{d.isoformat()}">{escape(_short(d))}</time>'


def _source_item(source: Source) -> str:
    checked = ""
    if source.last_verified != RULES_LAST_CHECKED:
        checked = f" (last checked {escape(_short(source.last_verified))})"
    return f"<li>{citation_html(source)}: {escape(source.summary)}{checked}</li>"


def sources_block(sources: Iterable[Source]) -> str:
    """The legal sources, linked, with the date the rules were last checked."""
    items = "".join(_source_item(s) for s in sources)
    return (f'<ul class="calculator-sources">{items}</ul>'
            f'<p class="calculator-sources__checked">These rules were last checked on '
            f'{_time_short(RULES_LAST_CHECKED)}.</p>')


def next_steps(links: Iterable[tuple[str, str]]) -> str:
    items = "".join(f'<li><a class="govuk-link" href="{escape(href)}">{escape(text)}</a></li>'
                    for href, text in links)
    return section("What to do next", f'<ul class="govuk-list govuk-list--bullet">{items}</ul>', data="next")


def mailto(subject: str, body: str) -> str:
    """A ``mailto:`` link with no address (the reader adds it), lines ending CRLF (RFC 6068)."""
    from urllib.parse import quote  # not at import: importing sendrules.web stays light (see prepare)

    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def _copy_button(target: str, what: str) -> str:
    return (f'<button type="button" class="calculator__button calculator__button--secondary" '
            f'data-action="copy" data-copy-target="{escape(target)}">Copy the {escape(what)}</button>')


def copy_box(*, result: str, subject_id: str, body_id: str, subject: str, body: str, what: str,
             send_to: str) -> str:
    """A ready-to-send message: its subject and its text, each with a "Copy" button
    (``data-action="copy"``), and a ``mailto:`` link that opens the reader's email app.
    ``what`` names the message ("email", "letter"); ``send_to`` says whose address to add."""
    return (
        f'<div class="adviser-email" data-result="{escape(result)}">'
        '<p class="adviser-email__subject-line"><strong>Subject:</strong> '
        f'<span id="{escape(subject_id)}" data-result="subject">{escape(subject)}</span></p>'
        f"{_copy_button(subject_id, 'subject')}"
        f'<div class="adviser-email__body" id="{escape(body_id)}" data-result="body" role="region" '
        f'aria-label="The {escape(what)}">{escape(body)}</div>'
        f"{_copy_button(body_id, what)}"
        f'<p><a class="govuk-link" href="{escape(mailto(subject, body))}" data-action="mailto">'
        f"Open the {escape(what)} in your email app</a>. {escape(send_to)}</p>"
        "</div>"
    )


def actions(download: tuple[str, str, str] | None) -> str:
    """The calendar download (file name, data URL, link text) and the print button."""
    parts = []
    if download is not None:
        filename, url, text = download
        parts.append(f'<a class="calculator__button calculator__button--secondary" '
                     f'download="{escape(filename)}" '
                     f'href="{escape(url)}" data-action="calendar">{escape(text)}</a>')
    parts.append('<button type="button" class="calculator__button calculator__button--secondary" '
                 'data-action="print">Print this result</button>')
    return f'<div class="calculator__actions">{"".join(parts)}</div>'


def closing(result: Result, links: Iterable[tuple[str, str]], *,
            download: tuple[str, str, str] | None = None, buttons: bool = True) -> str:
    """How every answer ends: the rules' notes ("Things to know"), the sources, what to do next
    (``links``, then where free advice is: :data:`HELP_LINK`) and, with ``buttons``, the
    calendar ``download`` if there is one and the print button (:func:`actions`)."""
    parts = [
        section("Things to know", bullet_list(result.notes), data="notes"),
        section("Sources", sources_block(result.sources), data="sources"),
        next_steps([*links, HELP_LINK]),
    ]
    if buttons:
        parts.append(actions(download))
    return "".join(parts)


def deadline_panel(answer: Any, heading_id: str, *, result: str, on: date, what: str, title: str,
                   body: str) -> str:
    """The answer's headline: the date (``<time>``) in the result's focusable heading, what to do
    on that day, and how many days are left (or how long ago it passed)."""
    verb = "was" if answer.passed else "is"
    return (
        f'<div class="calculator-panel" data-result="{escape(result)}" '
        f'data-passed="{str(answer.passed).lower()}">'
        f'<h3 class="calculator-panel__title" id="{heading_id}" tabindex="-1">'
        f'{escape(title)} {verb} {time_tag(on, "calculator-panel__date")}</h3>'
        f'<p class="calculator-panel__body">{escape(body)}</p>'
        f"{_countdown(answer.days_left, answer.days_late, answer.passed, answer.today, what)}"
        "</div>"
    )


def _countdown(days_left: int, days_late: int, passed: bool, today: date, what: str) -> str:
    if passed:
        ago = "yesterday" if days_late == 1 else f"{days_late} days ago"
        return (f'<p class="calculator-panel__status" data-passed="true">'
                f"This date has passed. It was {ago}.</p>")
    if days_left == 0:
        return (f'<p class="calculator-panel__status" data-passed="false">That is today. Get your '
                f"{escape(what)} to the Tribunal by 5pm today.</p>")
    return (f'<p class="calculator-panel__status" data-passed="false">'
            f"{escape(plural(days_left, 'day', 'days'))} left, counting from today ({time_tag(today)}).</p>")
