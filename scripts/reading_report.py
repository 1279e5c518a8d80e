"""How hard each guidance page is to read: the reading grade and the sentences over 25 words.

    python -m scripts.reading_report          # every page in docs/ (not docs/decisions/)
    python -m scripts.reading_report FILE...  # only these pages

``make test`` prints it, so the next editor sees where a page is getting hard. It is a report,
not a test: a long sentence can be the clearest way to say something.

The grade is the Flesch-Kincaid grade level (US school grade; add 5 for a reading age in
years): 0.39 x words per sentence + 11.8 x syllables per word - 15.59. Syllables are counted
as ``textstat`` counts them, from the hyphenation points pyphen finds (British English
dictionary) plus one. Headings, tables, link addresses, HTML comments and code are left out;
list items count as sentences.

The same reading of a page's Markdown (:func:`page_text`) serves the tests that check
abbreviations and citations (tests/unit/test_pages_reading.py).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyphen

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LONG_SENTENCE_WORDS = 25

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTRIBUTES = re.compile(r"\s*\{[#.][^}]*\}")
HTML_TAG = re.compile(r"<[^>]+>")
EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")
BLOCK_MARKER = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"([^"]*)")?\s*$')
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?:☐\s*)?")
HEADING = re.compile(r"^#{1,6}\s+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(“‘])")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def pages() -> list[Path]:
    """Every guidance page: docs/*.md (the decision records in docs/decisions/ are not pages)."""
    return sorted(DOCS.glob("*.md"))


def page_text(markdown: str, *, headings: bool = True, tables: bool = True) -> list[str]:
    """The words a reader sees on a page, one block (paragraph, list item, heading, table row,
    block title) per entry, in page order: no link addresses, comments, attributes or code.
    The page title (the first ``# `` heading) is left out."""
    markdown = FENCE.sub("", COMMENT.sub("", markdown))
    blocks: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(" ".join(paragraph))
            paragraph.clear()

    title_seen = False
    for raw in markdown.splitlines():
        line = ATTRIBUTES.sub("", LINK.sub(r"\1", raw)).strip()
        if not line:
            flush()
            continue
        if line.startswith("# ") and not title_seen:
            title_seen = True
            flush()
            continue
        if HEADING.match(line):
            flush()
            if headings:
                blocks.append(_clean(HEADING.sub("", line)))
            continue
        marker = BLOCK_MARKER.match(line)
        if marker:
            flush()
            if headings and marker.group(1):
                blocks.append(_clean(marker.group(1)))
            continue
        if line.startswith("|"):
            flush()
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if tables and not all(set(cell) <= set("-: ") for cell in cells):
                blocks.append(_clean(" | ".join(cells)))
            continue
        if LIST_MARKER.match(line):
            flush()
            line = LIST_MARKER.sub("", line)
        paragraph.append(_clean(line))
    flush()
    return [block for block in blocks if block]


def _clean(text: str) -> str:
    return EMPHASIS.sub("", HTML_TAG.sub("", text)).strip()


def sentences(blocks: list[str]) -> list[str]:
    return [s.strip() for block in blocks for s in SENTENCE_END.split(block) if WORD.search(s)]


def words(text: str) -> list[str]:
    return WORD.findall(text)


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def syllables(word: str) -> int:
    """Hyphenation points plus one (as textstat counts them); digits count as one syllable."""
    if not word.isalpha():
        return 1
    return len(_dictionary().positions(word.lower())) + 1


def grade(text_sentences: list[str]) -> float:
    """Flesch-Kincaid grade level of these sentences."""
    all_words = [w for s in text_sentences for w in words(s)]
    if not all_words:
        return 0.0
    per_sentence = len(all_words) / len(text_sentences)
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    return round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1)


@dataclass(frozen=True)
class PageReading:
    page: str
    sentences: int
    words_per_sentence: float
    grade: float
    long_sentences: tuple[str, ...]


def read_page(path: Path) -> PageReading:
    found = sentences(page_text(path.read_text(encoding="utf-8"), headings=False, tables=False))
    total = sum(len(words(s)) for s in found)
    return PageReading(
        page=path.name,
        sentences=len(found),
        words_per_sentence=round(total / len(found), 1) if found else 0.0,
        grade=grade(found),
        long_sentences=tuple(s for s in found if len(words(s)) > LONG_SENTENCE_WORDS),
    )


def report(paths: list[Path]) -> str:
    readings = [read_page(path) for path in paths]
    lines = [
        "Reading report: Flesch-Kincaid grade (add 5 for a reading age) and sentences over "
        f"{LONG_SENTENCE_WORDS} words",
        f"{'page':<30} {'sentences':>9} {'words/sentence':>14} {'grade':>6} {'long':>5}",
    ]
    for r in readings:
        lines.append(f"{r.page:<30} {r.sentences:>9} {r.words_per_sentence:>14} {r.grade:>6} "
                     f"{len(r.long_sentences):>5}")
    for r in readings:
        for sentence in r.long_sentences:
            lines.append(f"  {r.page}: ({len(words(sentence))} words) {sentence}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or pages()
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"reading_report: no such page: {', '.join(missing)}", file=sys.stderr)
        return 2
    print(report(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
