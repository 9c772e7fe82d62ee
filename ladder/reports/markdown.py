"""A Document as Markdown (GitHub's, as Streamlit shows it).

Every text in the Document (the user's title and description, rule-set texts, report sentences) passes
through `escape_markdown`, so the structure comes from here alone: a title like `[klik](javascript:x)`
shows as typed, and a bare address like `https://x.nl` or `www.x.nl` does not become a link (no_autolinks).
"""

from __future__ import annotations

import re

from ladder.engine.advice import Advice
from ladder.reports.advice_document import advice_report
from ladder.reports.document import (
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
    Text,
    flat,
)
from ladder.rules.model import RuleSet
from ladder.text import no_autolinks

# Characters with a meaning anywhere in a line (CommonMark, GitHub tables and strikethrough, and the
# LaTeX that Streamlit's st.markdown renders between dollar signs).
_INLINE = re.compile(r"([\\`*_\[\]<>&|$~#])")
# Characters that only mean something at the start of a line: a list item or a horizontal rule.
_LIST_START = re.compile(r"^(?:([+-])|(\d+)([.)])(?=\s|$))")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally, on one line (line breaks would let text start a new block), with no
    address in it that GitHub's Markdown would make a link of by itself (an invisible word joiner breaks it)."""
    line = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", line)
    return no_autolinks(_LIST_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped))


def markdown_paragraphs(text: str) -> list[str]:
    """User text as escaped paragraphs: a blank line separates them, other line breaks do not."""
    return [escape_markdown(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl", description: str = "") -> str:
    return markdown_of(advice_report(advice, rule_set, title, lang, description))


def markdown_of(document: Document) -> str:
    return "\n".join(_document(document, depth=0)).rstrip("\n") + "\n"


def _document(document: Document, depth: int) -> list[str]:
    """The title, the description as typed, the facts one per line, the warning as a quote, then the body;
    `depth` moves every heading that many levels down, for a document inside another."""
    out = [_heading(document.title, 1 + depth), ""]
    for text in markdown_paragraphs(document.description):
        out += [text, ""]
    out += [escape_markdown(f.text) + ("  " if i < len(document.facts) - 1 else "") for i, f in enumerate(document.facts)]
    if document.warning:
        out += ["", f"> {escape_markdown(document.warning)}"]
    out.append("")
    for element in document.body:
        out += _element(element, depth)
    return out


def _heading(text: str, level: int) -> str:
    return f"{'#' * level} {escape_markdown(text)}"


def _element(element: Element, depth: int) -> list[str]:
    if isinstance(element, Part):
        return _document(element.document, depth + 1)
    if isinstance(element, Callout):
        return [_heading(element.title, 2 + depth), "", *_list(BulletList(element.items))]
    if isinstance(element, Chart):
        note = [escape_markdown(element.note), ""] if element.note else []
        return [_heading(element.title, 2 + depth), "", *note, *_table(element.table)]
    if isinstance(element, Section):
        return [_heading(element.heading, 2 + depth), "", *(line for block in element.blocks for line in _block(block))]
    return _paragraph(element)


def _block(block: Paragraph | BulletList | Table) -> list[str]:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Table):
        return _table(block)
    return _list(block)


def _paragraph(paragraph: Paragraph) -> list[str]:
    lines = [f"**{escape_markdown(line)}**" if paragraph.style == "strong" else escape_markdown(line)
             for line in paragraph.lines]
    return ["  \n".join(lines), ""]


def _list(block: BulletList) -> list[str]:
    out = [escape_markdown(block.intro), ""] if block.intro else []
    for number, item in enumerate(block.items, 1):
        out += _item(item, f"{number}. " if block.numbered else "- ")
    return [*out, ""]


def _item(item: Item, marker: str) -> list[str]:
    under = " " * len(marker)
    lines = [marker + inline(item.text)]
    if item.detail:
        lines.append(under + escape_markdown(item.detail))
    if item.remark:
        lines.append(f"{under}*{escape_markdown(item.remark)}*")
    return lines


def inline(text: Text) -> str:
    """Runs of text, the strong ones in bold; the spaces between runs stay."""
    parts = []
    for run in text:
        core = escape_markdown(run.text)
        if run.strong and core:
            core = f"**{core}**"
        lead = " " if run.text[:1].isspace() else ""
        tail = " " if run.text[-1:].isspace() and core else ""
        parts.append(lead + core + tail)
    return "".join(parts)


def _table(table: Table) -> list[str]:
    """A GitHub table; a row's notes join its last cell. A table without rows is left out. Right-aligned columns
    hold the numbers the builders wrote, as they are: a cell never starts a line, so "-5.00" is no list item."""
    if not table.rows:
        return []
    header = tuple(escape_markdown(c.header) for c in table.columns)
    rule = tuple("---:" if c.align == "right" else "---" for c in table.columns)
    rows = []
    for row in table.rows:
        cells = [flat(c) if column.align == "right" else inline(c) for c, column in zip(row.cells, table.columns, strict=True)]
        if row.notes:
            cells[-1] = escape_markdown(" ".join([flat(row.cells[-1]), *row.notes]))
        rows.append(_row(*cells))
    return [_row(*header), _row(*rule), *rows, ""]
