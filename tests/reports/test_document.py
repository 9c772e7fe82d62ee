"""The document model (ladder.reports.document): every format renders the one Document a builder made, so the
text and Markdown reports say the same sentences, and `render` gives each format a reader can ask for."""

from __future__ import annotations

import json

import pytest
from test_reports import ANSWER_SETS, MARKTPLEIN, _advice

from ladder.engine.advice import Advice
from ladder.reports import FORMATS, render
from ladder.reports.advice_document import advice_paragraph, advice_report
from ladder.reports.document import (
    BulletList,
    Callout,
    Chart,
    Document,
    Paragraph,
    Section,
    Table,
    flat,
)
from ladder.reports.docx import render_docx
from ladder.reports.markdown import escape_markdown, render_markdown
from ladder.reports.odt import render_odt
from ladder.reports.pdf import render_pdf
from ladder.reports.plain_text import render_text
from ladder.rules.model import RuleSet
from ladder.text import points_text


@pytest.fixture(scope="module")
def plein(bundled) -> tuple[Advice, RuleSet]:
    rule_set = bundled["voorbeeldgemeente"]
    return _advice(rule_set, MARKTPLEIN.answers), rule_set


def sentences(document: Document) -> list[str]:
    """Everything a Document says in words: headings, paragraphs, list points and their details."""
    said = [document.title]
    for element in document.body:
        if isinstance(element, Callout):
            said += [element.title, *(flat(i.text) for i in element.items), *(i.detail for i in element.items if i.detail)]
        elif isinstance(element, Chart):
            said.append(element.title)
        elif isinstance(element, Section):
            said.append(element.heading)
            for block in element.blocks:
                if isinstance(block, Paragraph):
                    said += block.lines
                elif isinstance(block, BulletList):
                    said += [flat(i.text) for i in block.items]
                    said += [text for i in block.items for text in (i.detail, i.remark) if text]
        elif isinstance(element, Paragraph):
            said += element.lines
    return said


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ANSWER_SETS)
@pytest.mark.parametrize("municipality", ["voorbeeldgemeente", "leusden"])
def test_text_and_markdown_say_every_sentence_of_the_same_document(bundled, municipality, name, lang):
    rule_set = bundled[municipality]
    advice = _advice(rule_set, ANSWER_SETS[name])
    document = advice_report(advice, rule_set, "Plein", lang)
    text = render_text(advice, rule_set, "Plein", lang)
    markdown = render_markdown(advice, rule_set, "Plein", lang)
    assert len(sentences(document)) > (5 if advice.status == "onvoldoende" else 20)  # too little known: only what to answer
    for sentence in sentences(document):
        assert sentence in text or sentence.upper() in text  # plain text sets the callout's title in capitals
        assert escape_markdown(sentence) in markdown.replace("**", "")


def test_a_document_cannot_be_changed_once_built(plein):
    advice, rule_set = plein
    document = advice_report(advice, rule_set, "Plein")
    with pytest.raises(AttributeError):
        document.title = "Anders"  # type: ignore[misc]


def test_the_paper_document_charts_the_same_numbers_as_the_full_report(plein):
    """The participatieparagraaf is shorter, but its charts show the numbers the full report lists."""
    advice, rule_set = plein
    report = {c.kind: c for c in advice_report(advice, rule_set, "Plein").body if isinstance(c, Chart)}
    paper = {c.kind: c for c in advice_paragraph(advice, rule_set, "Plein").body if isinstance(c, Chart)}
    assert report.keys() == paper.keys() == {"scores", "leads"}
    for kind, chart in report.items():
        assert (chart.bars, chart.table) == (paper[kind].bars, paper[kind].table)
        assert chart.title != paper[kind].title


def test_every_chart_has_a_table_row_per_bar_for_formats_that_cannot_draw(plein):
    advice, rule_set = plein
    charts = [c for c in advice_paragraph(advice, rule_set, "Plein").body if isinstance(c, Chart)]
    for chart in charts:
        assert isinstance(chart.table, Table) and len(chart.table.rows) == len(chart.bars)
    scores = next(c for c in charts if c.kind == "scores")
    assert [flat(row.cells[1]) for row in scores.table.rows] == [bar.shown for bar in scores.bars]
    leads = next(c for c in charts if c.kind == "leads")
    assert [flat(row.cells[-2]) for row in leads.table.rows] == [points_text(bar.value, "nl") for bar in leads.bars]


@pytest.mark.parametrize(("lang", "decimal", "other"), [("nl", ",", "."), ("en", ".", ",")])
def test_the_score_tables_write_numbers_as_the_language_does(plein, lang, decimal, other):
    """A Dutch reader sees -5,50 and +1,50 in the tables, as in the sentences ("1,5 punten")."""
    advice, rule_set = plein
    charts = [c for c in advice_report(advice, rule_set, "Plein", lang).body if isinstance(c, Chart)]
    numbers = [flat(cell) for chart in charts for row in chart.table.rows
               for cell, column in zip(row.cells, chart.table.columns, strict=True) if column.align == "right"]
    assert len(numbers) > 20
    assert all(decimal in n and other not in n for n in numbers)
    assert all(decimal in bar.shown for chart in charts for bar in chart.bars)


@pytest.mark.parametrize("format", FORMATS)
def test_render_gives_each_format(plein, format):
    advice, rule_set = plein
    report = render(advice, rule_set, "Plein", format, "nl", "Een nieuw plein.")
    expected = {
        "text": render_text(advice, rule_set, "Plein", "nl"),
        "md": render_markdown(advice, rule_set, "Plein", "nl", "Een nieuw plein."),
        "pdf": render_pdf(advice, rule_set, "Plein", "nl", "Een nieuw plein."),
        "odt": render_odt(advice, rule_set, "Plein", "nl", "Een nieuw plein."),
        "docx": render_docx(advice, rule_set, "Plein", "nl", "Een nieuw plein."),
        "json": advice.to_json(),
    }[format]
    assert report == expected
    if format == "json":
        assert json.loads(report)["recommended"] == advice.recommended


def test_render_refuses_an_unknown_format(plein):
    advice, rule_set = plein
    with pytest.raises(ValueError, match="unknown report format 'rtf'"):
        render(advice, rule_set, "Plein", "rtf")  # type: ignore[arg-type]


def test_the_example_project_reads_the_same_in_every_text_format(bundled):
    rule_set = bundled["voorbeeldgemeente"]
    advice = _advice(rule_set, MARKTPLEIN.answers)
    text = render(advice, rule_set, MARKTPLEIN.title, "text")
    markdown = render(advice, rule_set, MARKTPLEIN.title, "md")
    assert isinstance(text, str) and isinstance(markdown, str)
    assert text.splitlines()[0] == markdown.splitlines()[0].removeprefix("# ")
