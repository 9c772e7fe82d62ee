"""A report as plain data: what it says, in which order, with which emphasis; not how it looks.

Builders (ladder.reports.advice_document, ladder.reports.group) say everything once, in one language, in
a Document; renderers (plain_text, markdown, pdf) each lay one out in their own format. So a new format is
one renderer, and two formats of the same Document cannot say different things. Numbers arrive here already
written (as `shown` text) in the document's language; a chart keeps its numbers as well, to draw them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Run:
    """A piece of inline text; `strong` is bold (in plain text: nothing)."""

    text: str
    strong: bool = False


Text = tuple[Run, ...]


def plain(text: str) -> Text:
    return (Run(text),)


def strong(text: str) -> Text:
    return (Run(text, strong=True),)


def flat(text: Text) -> str:
    return "".join(run.text for run in text)


def text_paragraphs(text: str) -> list[str]:
    """Text a user typed (a description) as paragraphs: a blank line separates them; other line breaks and runs of
    spaces are one space, as Markdown reads them, so every format shows the same paragraphs."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


@dataclass(frozen=True)
class Paragraph:
    """Lines of one paragraph (a line break between them). `style`: note is small print; strong is bold;
    lead opens the document, right under its header."""

    lines: tuple[str, ...]
    style: Literal["body", "note", "strong", "lead"] = "body"


def paragraph(text: str, style: Literal["body", "note", "strong", "lead"] = "body") -> Paragraph:
    return Paragraph((text,), style)


@dataclass(frozen=True)
class Item:
    """One point of a list: its text, an optional detail on the next line, and an optional remark (set off as an
    aside: in parentheses or italics). `dash=False`: plain text sets it as a sentence, without a dash."""

    text: Text
    detail: str = ""
    remark: str = ""
    dash: bool = True


@dataclass(frozen=True)
class BulletList:
    """Points, optionally numbered, after an optional intro line; `small` for long lists on paper."""

    items: tuple[Item, ...]
    intro: str = ""
    numbered: bool = False
    small: bool = False


@dataclass(frozen=True)
class Column:
    """A table column. `brief=False`: a column plain text leaves out, because it follows from the others."""

    header: str
    align: Literal["left", "right"] = "left"
    brief: bool = True


@dataclass(frozen=True)
class Row:
    """A table row; `notes` are remarks on the row as a whole (in its last column, or below it)."""

    cells: tuple[Text, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table. `layout` is how plain text, which has no tables, sets it: a label and its numbers, or the numbers
    first and then the words (for rows that end in a sentence)."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    layout: Literal["label_first", "numbers_first"] = "label_first"


Mark = Literal["main", "second", "plain", "blocked"]


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label, its value (the length), the value as written, and its mark: the main bar,
    the second, an ordinary one, or one that is blocked (drawn hatched); `words` say the mark."""

    label: str
    value: float
    shown: str
    mark: Mark = "plain"
    words: str = ""


@dataclass(frozen=True)
class Chart:
    """The numbers a chart shows, its title and how to read it (`note`), and `table`, the same numbers as a table
    for formats that cannot draw. Kinds: `scores`, bars either side of zero with their marks written beside them;
    `shares`, bars from zero where 1 fills the width; `leads`, bars left or right of the middle, `directions`
    saying what left and right mean. `upward`: the first bar is the lowest, like the rungs of a ladder."""

    kind: Literal["scores", "shares", "leads"]
    title: str
    note: str
    bars: tuple[Bar, ...]
    table: Table
    upward: bool = False
    directions: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class Callout:
    """The document's key message, set off from the rest: a title and its points."""

    title: str
    items: tuple[Item, ...]


Block = Paragraph | BulletList | Table


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Part:
    """Another document inside this one, one heading level down (the group report's joint advice)."""

    document: Document


Element = Section | Chart | Callout | Paragraph | Part  # what a document's body is made of


@dataclass(frozen=True)
class Fact:
    """A line under the title (the rule set, a date); `brief`: plain text shows it too."""

    text: str
    brief: bool = False


@dataclass(frozen=True)
class Document:
    """A report. `subject` names the kind of document (above the title on paper, and in its metadata); `name` is
    its title in the metadata when that differs from the title shown. `footer` is on every page, `date` is the
    document's own date (a PDF's creation date: the same input gives the same bytes)."""

    lang: str
    title: str
    body: tuple[Element, ...]
    date: dt.date
    footer: str
    subject: str = ""
    name: str = ""
    description: str = ""
    facts: tuple[Fact, ...] = ()
    warning: str = ""
