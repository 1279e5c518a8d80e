"""scripts/reading_report.py: what it reads of a page, and the numbers it reports."""

from __future__ import annotations

from scripts import reading_report as report

PAGE = """# Title with SEND

Intro with a [link](help.md#ipsea) and **bold** words. Second sentence here.

!!! note "England only. Not legal advice."
    Inside the note.

<!-- sources: cfa-s51 -->

| Head one | Head two |
| --- | --- |
| cell one | cell two |

- a list item
- another item {#anchor}

```
code is not read
```
"""


def test_page_text_is_what_a_reader_sees():
    blocks = report.page_text(PAGE)
    assert blocks[0] == "Intro with a link and bold words. Second sentence here."
    assert "England only. Not legal advice." in blocks
    assert "Inside the note." in blocks
    assert "Head one | Head two" in blocks and "cell one | cell two" in blocks
    assert "another item" in blocks
    joined = " ".join(blocks)
    for hidden in ("Title with SEND", "help.md", "sources", "code is not read", "{#anchor}", "---", "**"):
        assert hidden not in joined


def test_sentences_leave_out_headings_and_tables_when_asked():
    found = report.sentences(report.page_text(PAGE, headings=False, tables=False))
    assert found == ["Intro with a link and bold words.", "Second sentence here.", "Inside the note.",
                     "a list item", "another item"]


def test_the_grade_rises_with_longer_sentences_and_longer_words():
    short = report.grade(["The cat sat.", "The dog ran."])
    long_words = report.grade(["Administrative considerations necessitate comprehensive documentation."])
    long_sentence = report.grade(["The cat sat on the mat and the dog ran in the park and the bird sang."])
    assert short < long_sentence < long_words
    # Flesch-Kincaid: 0.39 x 3 words per sentence + 11.8 x 1 syllable per word - 15.59.
    assert short == round(0.39 * 3 + 11.8 * 1 - 15.59, 1)


def test_long_sentences_are_listed(tmp_path):
    page = tmp_path / "page.md"
    long = "Every " + " ".join(["word"] * report.LONG_SENTENCE_WORDS) + "."
    page.write_text(f"# Title\n\nShort one. {long}\n", encoding="utf-8")
    reading = report.read_page(page)
    assert reading.sentences == 2
    assert reading.long_sentences == (long,)
    assert "(26 words)" in report.report([page])


def test_a_missing_page_exits_2_with_one_line(capsys, tmp_path):
    assert report.main([str(tmp_path / "nope.md")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
