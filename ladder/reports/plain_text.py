"""A Document as plain text: for the terminal and as the base of a memo.

Plain text has no type faces and no tables, so it sets the structure by layout: a blank line and a heading per
section, its content indented, a callout's title in capitals, tables as aligned lines, bold as nothing.
"""

from __future__ import annotations

from ladder.engine.advice import Advice
from ladder.reports.advice_document import advice_report
from ladder.reports.document import (
    Bar,
    BulletList,
    Callout,
    Chart,
    Document,
    Element,
    Item,
    Paragraph,
    Part,
    Section,
    Table,
    flat,
)
from ladder.rules.model import RuleSet

INDENT = "  "
LABEL_WIDTH = 14  # a label column is at least this wide, so short tables line up
NUMBER_WIDTH = 6  # a signed number with two decimals
SCORE_WIDTH = 7
NOTE_INDENT = " " * 21  # a row's notes, under its words
MARK_DECORATION = {"main": "  <- {}", "second": "  ({})", "blocked": "  [{}]"}


def render_text(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl") -> str:
    return text_of(advice_report(advice, rule_set, title, lang))


def text_of(document: Document) -> str:
    """The title with the facts worth a terminal line (the reader typed the description themselves), then the body."""
    out = [document.title, *(f.text for f in document.facts if f.brief)]
    if document.warning:
        out.append(document.warning)
    for element in document.body:
        out.extend(_element(element))
    return "\n".join(out) + "\n"


def _element(element: Element) -> list[str]:
    if isinstance(element, Callout):
        return ["", element.title.upper(), *(line for item in element.items for line in _item(item, "", ""))]
    if isinstance(element, Chart):
        lines = ["", element.title] + ([INDENT + element.note] if element.note else [])
        return lines + (_score_lines(element.bars) if element.kind == "scores" else _table(element.table))
    if isinstance(element, Section):
        return ["", element.heading, *(line for block in element.blocks for line in _block(block))]
    if isinstance(element, Part):
        return ["", *text_of(element.document).splitlines()]
    return ["", *element.lines]


def _block(block: Paragraph | BulletList | Table) -> list[str]:
    if isinstance(block, Paragraph):
        return [INDENT + line for line in block.lines]
    if isinstance(block, Table):
        return _table(block)
    lines = [INDENT + block.intro] if block.intro else []
    for number, item in enumerate(block.items, 1):
        marker = f"{number}. " if block.numbered else "- "
        lines += _item(item, INDENT, marker if item.dash else "")
    return lines


def _item(item: Item, indent: str, marker: str) -> list[str]:
    """The item, and its detail and remark on their own lines, under its text."""
    under = indent + " " * (len(marker) if marker else 2)
    lines = [indent + marker + flat(item.text)]
    if item.detail:
        lines.append(under + item.detail)
    if item.remark:
        lines.append(f"{under}({item.remark})")
    return lines


def _score_lines(bars: tuple[Bar, ...]) -> list[str]:
    width = max(len(b.label) for b in bars) + 2
    return [f"{INDENT}{b.label:<{width}} {b.shown:>{SCORE_WIDTH}}"
            + (MARK_DECORATION[b.mark].format(b.words) if b.mark in MARK_DECORATION else "") for b in bars]


def _table(table: Table) -> list[str]:
    """Each row on a line, without the header (the heading above says what the columns are) and the columns that
    follow from the others: a label and its numbers, or the numbers first and then the words."""
    shown = [i for i, c in enumerate(table.columns) if c.brief]
    numbers = [i for i in shown if table.columns[i].align == "right"]
    words = [i for i in shown if table.columns[i].align == "left"]
    lines = []
    for row in table.rows:
        cells = [flat(c) for c in row.cells]
        if table.layout == "numbers_first":
            lines.append(INDENT + " / ".join(f"{cells[i]:>{NUMBER_WIDTH}}" for i in numbers) + INDENT
                         + ". ".join(cells[i] for i in words))
        else:
            lines.append(f"{INDENT}{' '.join(f'{cells[i]:<{LABEL_WIDTH}}' for i in words)} "
                         + " / ".join(cells[i] for i in numbers))
        lines += [NOTE_INDENT + note for note in row.notes]
    return lines
