"""MkDocs hook: HTML the guidance pages need that Markdown cannot write.

* ``<!-- route -->`` becomes the diagram of the whole appeal route (decision letter to hearing),
  built here as HTML and CSS (docs/assets/css/site.css), with each time limit and links to the
  calculators, and the same route as plain sentences in a collapsed block. Nothing is loaded from
  elsewhere: no Mermaid, no script.
* Tables with 3 or more columns get ``data-stack`` and each cell a ``data-label`` naming its
  column, so that site.css can lay each row out as a card on a phone instead of scrolling
  sideways. The table, row and cell roles are stated, because some browsers drop a table's
  meaning once its cells are no longer laid out as a table.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROUTE = re.compile(r"<!--\s*route\s*-->")
TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
HEADER_CELL = re.compile(r"<th(\s[^>]*)?>(.*?)</th>", re.DOTALL)
ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<td(\s[^>]*)?>")
TAG = re.compile(r"<[^>]+>")
STACK_FROM_COLUMNS = 3


@dataclass(frozen=True)
class Step:
    title: str
    limit: str  # the time limit at this step, in words ("" if the step has none of its own)
    detail: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (page.md#anchor, link text)
    branches: tuple[tuple[str, str], ...] = ()  # (branch title, its time limit)


# The route, in order. The time limits are those the pages explain; the pages cite the law.
STEPS = (
    Step(
        "The council's decision letter",
        "This starts your time: count from the date on the letter.",
        "For what a plan says, this is the letter with the final plan, not a draft.",
        (("what-can-be-appealed.md", "Which decisions you can appeal"),),
    ),
    Step(
        "Contact the mediation adviser",
        "Within 2 months of the date on the letter. This limit does not move for weekends or "
        "holidays, so contact them well before.",
        "Not needed if your appeal is only about the school or college in Section I.",
        (("mediation-certificate.md", "The mediation certificate"),),
    ),
    Step(
        "A certificate, or mediation first",
        "",
        "Either way, keep your last day to appeal in your calendar.",
        branches=(
            ("You do not want mediation",
             "The adviser must issue your certificate within 3 working days."),
            ("You want mediation",
             "The council must arrange it within 30 days. The certificate is due within 3 working "
             "days of mediation ending, or of the adviser hearing it cannot be arranged in time."),
        ),
        links=(("mediation-timeline.md#work-out-your-mediation-dates", "Work out your mediation dates"),
               ("should-you-mediate.md", "Should you mediate?")),
    ),
    Step(
        "Your last day to appeal",
        "The later of 2 calendar months after the letter and 1 calendar month after the "
        "certificate. A last day from 25 December to 1 January, or in August, moves to the first "
        "working day after; a weekend or bank holiday moves to the next working day. Get your "
        "appeal in by 5pm.",
        links=(("appeal-deadline.md#work-out-your-last-day", "Work out your last day"),),
    ),
    Step(
        "The Tribunal registers your appeal",
        "Usually within about 10 Tribunal working days. It writes to you and the council with "
        "the key dates.",
        "Tribunal working days leave out weekends, bank holidays, 25 December to 1 January and "
        "all of August.",
        (("after-you-appeal.md", "After you send your appeal"),),
    ),
    Step(
        "The council responds",
        "Usually within 30 Tribunal working days of registration: the registration letter gives "
        "the date.",
        "You can send more evidence up to the date the Tribunal gives you.",
        (("after-you-appeal.md#the-councils-response", "The council's response"),),
    ),
    Step(
        "The hearing",
        "On the date in the registration letter.",
        "If the council gives in first, it has its own time limits: do not withdraw until you "
        "have the amended final plan or an order.",
        (("after-you-appeal.md#if-the-council-gives-in", "If the council gives in"),
         ("council-late.md", "When the council is late")),
    ),
)


def _url(target: str, page, files) -> str:
    path, _, anchor = target.partition("#")
    found = files.get_file_from_path(path)
    if found is None:
        raise PluginError(f"hooks/pages.py: the route links to {path}, which is not a page of the site.")
    url = get_relative_url(found.url, page.url)
    return f"{url}#{anchor}" if anchor else url


def _links(step: Step, page, files) -> str:
    if not step.links:
        return ""
    items = "".join(
        f'<li><a href="{html.escape(_url(target, page, files))}">{html.escape(text)}</a></li>'
        for target, text in step.links
    )
    return f'<ul class="route__links">{items}</ul>'


def route_html(page, files) -> str:
    """The diagram (an ordered list drawn as boxes and arrows) and the same route as text."""
    boxes = []
    sentences = []
    for number, step in enumerate(STEPS, start=1):
        branches = ""
        if step.branches:
            branches = '<ul class="route__branches">' + "".join(
                f'<li class="route__branch"><p class="route__branch-title">{html.escape(title)}</p>'
                f'<p class="route__limit">{html.escape(limit)}</p></li>'
                for title, limit in step.branches
            ) + "</ul>"
        detail = f'<p class="route__detail">{html.escape(step.detail)}</p>' if step.detail else ""
        limit = (f'<p class="route__limit"><strong>Time limit:</strong> {html.escape(step.limit)}</p>'
                 if step.limit else "")
        boxes.append(
            f'<li class="route__step"><p class="route__title">'
            f'<span class="route__number">{number}</span> {html.escape(step.title)}</p>'
            f"{limit}{branches}{detail}{_links(step, page, files)}</li>"
        )
        text = f"{step.title}." + (f" Time limit: {step.limit}" if step.limit else "")
        text += "".join(f" {title}: {limit}" for title, limit in step.branches)
        if step.detail:
            text += f" {step.detail}"
        sentences.append(f"<li>{html.escape(text)}</li>")
    return (
        '<figure class="route" aria-labelledby="route-caption">'
        '<figcaption id="route-caption" class="route__caption">The route from a decision letter '
        "to a hearing, with the time limit at each step</figcaption>"
        f'<ol class="route__steps">{"".join(boxes)}</ol></figure>'
        '<details class="route__text"><summary>The same route as text</summary>'
        f'<ol>{"".join(sentences)}</ol></details>'
    )


def _label(cell_html: str) -> str:
    return html.escape(html.unescape(TAG.sub("", cell_html)).strip(), quote=True)


def stack_table(inner: str) -> str:
    """A table's inner HTML with roles, and each cell labelled with its column's header."""
    headers = [_label(match.group(2)) for match in HEADER_CELL.finditer(inner)]
    if len(headers) < STACK_FROM_COLUMNS:
        return f"<table>{inner}</table>"

    def row(match: re.Match) -> str:
        cells = iter(headers)
        body = CELL.sub(
            lambda cell: f'<td role="cell" data-label="{next(cells, "")}"{cell.group(1) or ""}>',
            match.group(1),
        )
        body = HEADER_CELL.sub(
            lambda cell: f'<th role="columnheader"{cell.group(1) or ""}>{cell.group(2)}</th>', body
        )
        return f'<tr role="row">{body}</tr>'

    inner = ROW.sub(row, inner)
    inner = inner.replace("<thead>", '<thead role="rowgroup">').replace("<tbody>", '<tbody role="rowgroup">')
    return f'<table role="table" data-stack="">{inner}</table>'


def on_page_content(html_text, page, config, files):
    html_text = TABLE.sub(lambda match: stack_table(match.group(1)), html_text)
    if ROUTE.search(html_text):
        html_text = ROUTE.sub(lambda _match: route_html(page, files), html_text)
    return html_text
