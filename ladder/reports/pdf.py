"""A Document as a PDF on A4: the participatieparagraaf for a raadsvoorstel (council proposal), the group report.

Charts are drawn as PDF vectors with fpdf2 (no image, no browser) from the Document's chart data, and say
nothing by colour alone: every bar carries its number, marks are written out, and blocked bars are hatched.
The same Document gives the same bytes (its own date is the creation date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from ladder.engine.advice import Advice
from ladder.reports.advice_document import advice_paragraph
from ladder.reports.document import (
    Bar,
    BulletList,
    Callout,
    Chart,
    Document,
    Element,
    Mark,
    Paragraph,
    Part,
    Section,
    Table,
    Text,
    flat,
)
from ladder.reports.texts import t
from ladder.rules.model import RuleSet
from ladder.text import no_autolinks

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
UNICODE_FAMILY = "DejaVu"
MAX_PAGES = 2
# Type sizes to try, largest first: a long description or many flips get smaller type, not a third page.
SCALES = (1.0, 0.9, 0.8)

RGB = tuple[int, int, int]
TEXT: RGB = (25, 25, 25)
MUTED: RGB = (85, 85, 85)
RULE: RGB = (60, 60, 60)
# The app's palette (ui/advice_charts.py), so paper and screen look alike.
FILLS: dict[Mark, RGB] = {
    "main": (31, 78, 121),
    "second": (107, 155, 195),
    "plain": (176, 183, 191),
    "blocked": (227, 230, 233),
}
TOWARD: RGB = (31, 78, 121)
AWAY: RGB = (179, 88, 6)

MARGIN = 20.0  # mm, left and right
BODY = 10.0  # pt
SMALL = 9.0
HEADING = 11.0
CHART = 7.5
VALUE_ROOM = 11.0  # mm beside a bar for its number


def font_files() -> dict[str, Path] | None:
    """The Unicode font to embed (regular and bold), or None when it is not installed."""
    paths = {style: FONT_DIR / name for style, name in FONT_FILES.items()}
    return paths if all(p.is_file() for p in paths.values()) else None


class Paper(FPDF):
    """A4 with a footer naming the rule set, all type sizes times `scale`. Without the Unicode font it
    falls back to Helvetica and writes what WinAnsi cannot hold as '?', so the download still works."""

    def __init__(self, footer_line: str, lang: str, fonts: dict[str, Path] | None, scale: float):
        super().__init__(format="A4", unit="mm")
        self.footer_line = footer_line
        self.report_lang = lang
        self.scale = scale
        self.set_lang(lang)  # for screen readers
        if fonts:
            for style, path in fonts.items():
                self.add_font(UNICODE_FAMILY, style, str(path))
            self.body_family = UNICODE_FAMILY
        else:
            self.core_fonts_encoding = "windows-1252"  # the WinAnsi encoding fpdf2 declares for core fonts
            self.body_family = "Helvetica"
        self.set_margins(MARGIN, 16, MARGIN)
        self.set_auto_page_break(True, margin=18)

    def normalize_text(self, text: str) -> str:
        """No address becomes a link in a PDF viewer (they find them in the text); the core fonts have no word
        joiner, so without the Unicode font addresses stay as they are (the fallback only)."""
        if self.is_ttf_font:
            text = no_autolinks(text)
        else:
            text = text.encode(self.core_fonts_encoding, "replace").decode(self.core_fonts_encoding)
        return super().normalize_text(text)

    def footer(self) -> None:
        page = t(self.report_lang, "report_page", page=self.page_no(), pages=self.str_alias_nb_pages)
        self.set_xy(MARGIN, -14)
        self.font(7, colour=MUTED)
        self.multi_cell(self.epw - 26, 3.2, self.footer_line, new_x=XPos.RIGHT, new_y=YPos.TOP, align=Align.L)
        self.cell(26, 3.2, page, align=Align.R)

    def font(self, size: float, bold: bool = False, colour: RGB = TEXT) -> None:
        self.set_font(self.body_family, "B" if bold else "", size * self.scale)
        self.set_text_color(*colour)

    def leading(self, size: float) -> float:
        """Millimetres per line of type of this size."""
        return size * self.scale * 0.46

    def gap(self, mm: float) -> None:
        self.ln(mm * self.scale)

    def lines(self, text: str, width: float, size: float, bold: bool = False) -> int:
        """How many lines `text` takes at this width: to size a block before drawing it."""
        self.font(size, bold)
        return len(cast(list[str], self.multi_cell(width, 1, text, dry_run=True, output="LINES")))

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fit: a heading or chart never ends a page alone."""
        if self.page_break_trigger - self.get_y() < height:
            self.add_page()

    def text_block(self, text: str, size: float = BODY, bold: bool = False, colour: RGB = TEXT, after: float = 1.5) -> None:
        self.font(size, bold, colour)
        self.multi_cell(0, self.leading(size), text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.gap(after)

    def heading(self, text: str) -> None:
        self.keep(self.leading(HEADING) + 3 * self.leading(BODY))
        self.gap(1.5)
        self.text_block(text, HEADING, bold=True, after=1)

    def bullet(self, text: Text, size: float = BODY, marker: str = "•", under: tuple[str, ...] = ()) -> None:
        """A point with a hanging indent, its strong runs in bold; `under` are lines below it, in small type."""
        left = self.l_margin
        line = self.leading(size)
        self.font(size)
        self.set_x(left)
        self.cell(4, line, marker)
        self.set_left_margin(left + 4)
        for run in text:
            self.font(size, bold=run.strong)
            self.write(line, run.text)
        self.ln(line)
        for extra in under:
            self.text_block(extra, SMALL, colour=MUTED, after=0)
        self.gap(0.8)
        self.set_left_margin(left)

    @contextmanager
    def colours(self, fill: RGB, draw: RGB = RULE) -> Iterator[None]:
        self.set_fill_color(*fill)
        self.set_draw_color(*draw)
        yield
        self.set_draw_color(0, 0, 0)

    def hatched_bar(self, x: float, y: float, w: float, h: float, fill: RGB) -> None:
        """A pale bar with diagonal lines: 'not allowed' shown by pattern as well as in words."""
        with self.colours(fill):
            self.rect(x, y, w, h, style="DF")
        self.set_line_width(0.15)
        with self.rect_clip(x, y, w, h):
            offset = 0.0
            while offset < w + h:
                self.line(x + offset - h, y + h, x + offset, y)
                offset += 1.4
        self.set_line_width(0.2)

    def arrow(self, x: float, y: float, direction: int, colour: RGB) -> None:
        """A small filled triangle pointing left (-1) or right (+1)."""
        with self.colours(colour, colour):
            self.polygon([(x, y - 1.1), (x, y + 1.1), (x + 2.2 * direction, y)], style="F")

    def value(self, end: float, y: float, h: float, text: str, right: bool, bold: bool = False) -> None:
        """A bar's number just past its end: right of a bar to the right, left of one to the left."""
        self.font(CHART, bold)
        self.set_xy(end + 0.8 if right else end - VALUE_ROOM - 0.8, y)
        self.cell(VALUE_ROOM, h, text, align=Align.L if right else Align.R)




def render_pdf(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl", description: str = "") -> bytes:
    # Smaller type first; only when even that runs over, the list of single changes gives way, then the chart of
    # the main reasons (the verdict names them with their shares in words).
    return first_fitting((advice_paragraph(advice, rule_set, title, lang, description, flips, leads_chart)
                          for flips, leads_chart in ((True, True), (False, True), (False, False))), MAX_PAGES)


def first_fitting(documents: Iterable[Document], max_pages: int) -> bytes:
    """The PDF of the first document (fullest first) that fits in `max_pages`; else that of the last, in small type."""
    data = b""
    for document in documents:
        data, fits = pdf_of(document, max_pages)
        if fits:
            break
    return data


def pdf_of(document: Document, max_pages: int) -> tuple[bytes, bool]:
    """The PDF, in the largest type that keeps it within `max_pages`; and whether it did (else in the smallest)."""
    for scale in SCALES:
        paper = compose(document, scale)
        if paper.pages_count <= max_pages:
            return bytes(paper.output()), True
    return bytes(paper.output()), False


def compose(document: Document, scale: float) -> Paper:
    pdf = Paper(document.footer, document.lang, font_files(), scale)
    pdf.set_title(document.name or document.title)
    if document.subject:
        pdf.set_subject(document.subject)
    pdf.set_creation_date(dt.datetime.combine(document.date, dt.time(), tzinfo=dt.UTC))
    pdf.add_page()
    if document.subject:
        pdf.text_block(document.subject, SMALL, colour=MUTED, after=0.5)
    pdf.text_block(document.title, 16, bold=True, after=1 if document.facts else 1.5)
    for fact in document.facts:
        pdf.text_block(fact.text, SMALL, colour=MUTED, after=1.5)
    if document.warning:
        pdf.text_block(document.warning, bold=True)
    if document.description.strip():
        pdf.text_block(" ".join(document.description.split()), after=2)
    for element in document.body:
        _element(pdf, element)
    return pdf


def _element(pdf: Paper, element: Element) -> None:
    if isinstance(element, Callout):
        _callout(pdf, element)
    elif isinstance(element, Chart):
        {"scores": _scores_chart, "shares": _shares_chart, "leads": _leads_chart}[element.kind](pdf, element)
    elif isinstance(element, Section):
        pdf.heading(element.heading)
        for block in element.blocks:
            _block(pdf, block)
    elif isinstance(element, Part):
        pdf.heading(element.document.title)
        for inner in element.document.body:
            _element(pdf, inner)
    else:
        _paragraph(pdf, element)


def _block(pdf: Paper, block: Paragraph | BulletList | Table) -> None:
    if isinstance(block, Paragraph):
        _paragraph(pdf, block)
    elif isinstance(block, Table):
        _table(pdf, block)
    else:
        _list(pdf, block)


def _paragraph(pdf: Paper, paragraph: Paragraph) -> None:
    text = "\n".join(paragraph.lines)
    if paragraph.style == "note":
        pdf.text_block(text, SMALL, colour=MUTED)
    else:
        pdf.text_block(text, bold=paragraph.style == "strong", after=2 if paragraph.style == "lead" else 1.5)


def _list(pdf: Paper, block: BulletList) -> None:
    if block.intro:
        pdf.text_block(block.intro, after=0.5)
    for number, item in enumerate(block.items, 1):
        under = tuple(text for text in (item.detail, item.remark) if text)
        pdf.bullet(item.text, SMALL if block.small else BODY, f"{number}." if block.numbered else "•", under)


def _table(pdf: Paper, table: Table) -> None:
    pdf.font(SMALL)
    align = tuple("RIGHT" if c.align == "right" else "LEFT" for c in table.columns)
    with pdf.table(text_align=align, first_row_as_headings=True) as grid:
        grid.row([c.header for c in table.columns])
        for row in table.rows:
            cells = [flat(c) for c in row.cells]
            cells[-1] = " ".join([cells[-1], *row.notes])
            grid.row(cells)
    pdf.gap(1.5)


def _callout(pdf: Paper, callout: Callout) -> None:
    """The key message, set off by a bar in the margin."""
    top = pdf.get_y()
    pdf.set_left_margin(MARGIN + 4)
    pdf.set_x(MARGIN + 4)
    pdf.text_block(callout.title, 13, bold=True, after=1)
    for i, item in enumerate(callout.items):
        bold = all(run.strong for run in item.text)
        pdf.text_block(flat(item.text), bold=bold, after=0 if i == len(callout.items) - 1 else 0.5)
        if item.detail:
            pdf.text_block(item.detail, SMALL, colour=MUTED, after=0.5)
    pdf.set_left_margin(MARGIN)
    with pdf.colours(FILLS["main"]):
        pdf.rect(MARGIN, top, 1.6, pdf.get_y() - top, style="F")
    pdf.gap(3)


def chart_title(pdf: Paper, title: str, note: str, body: float) -> None:
    """The chart's title and how to read it; starts a new page unless the whole chart fits below."""
    height = pdf.lines(title, pdf.epw, HEADING, bold=True) * pdf.leading(HEADING) + pdf.lines(note, pdf.epw, 8) * pdf.leading(8)
    pdf.keep(height + body + 5 * pdf.scale)
    pdf.gap(2)
    pdf.text_block(title, HEADING, bold=True, after=0.5)
    pdf.text_block(note, 8, colour=MUTED, after=1.5)


def _drawn(chart: Chart) -> list[Bar]:
    """The bars top to bottom."""
    return list(reversed(chart.bars)) if chart.upward else list(chart.bars)


def _scores_chart(pdf: Paper, chart: Chart) -> None:
    """Bars either side of zero, each with its label left and its mark in words right; blocked bars hatched."""
    label_w, mark_w = 54.0, 44.0
    zone_x = pdf.l_margin + label_w
    zone_w = pdf.epw - label_w - mark_w
    line = pdf.leading(CHART)
    bars = list(chart.bars)
    bolds = [b.mark == "main" for b in bars]
    name_lines = [pdf.lines(b.label, label_w - 2, CHART, bold) for b, bold in zip(bars, bolds)]
    mark_lines = [pdf.lines(b.words, mark_w - 2, CHART, bold) for b, bold in zip(bars, bolds)]
    heights = [max(n, m) * line + 1.6 for n, m in zip(name_lines, mark_lines)]
    rows = list(zip(bars, bolds, name_lines, mark_lines, heights))
    chart_title(pdf, chart.title, chart.note, sum(heights))
    low = min(0.0, *(b.value for b in bars))
    high = max(0.0, *(b.value for b in bars))
    scale = (zone_w - 2 * VALUE_ROOM) / (high - low) if high > low else 0.0
    zero = zone_x + VALUE_ROOM - low * scale
    bar_h = line + 0.6  # one height for every bar, however many lines its label takes
    top = y = pdf.get_y()
    for bar, bold, n, m, h in reversed(rows) if chart.upward else rows:
        pdf.font(CHART, bold)
        pdf.set_xy(pdf.l_margin, y + (h - n * line) / 2)
        pdf.multi_cell(label_w - 2, line, bar.label, align=Align.R)
        bar_y = y + (h - bar_h) / 2
        _score_bar(pdf, zero, bar.value * scale, bar_y, bar_h, bar.mark)
        pdf.value(zero + bar.value * scale, bar_y, bar_h, bar.shown, bar.value >= 0, bold)
        pdf.font(CHART, bold)
        pdf.set_xy(zone_x + zone_w + 2, y + (h - m * line) / 2)
        pdf.multi_cell(mark_w - 2, line, bar.words, align=Align.L)
        y += h
    with pdf.colours(TEXT):
        pdf.line(zero, top, zero, y)
    pdf.set_xy(pdf.l_margin, y + 2)


def _score_bar(pdf: Paper, zero: float, length: float, y: float, h: float, mark: Mark) -> None:
    if not length:
        return
    x, w = min(zero, zero + length), abs(length)
    if mark == "blocked":
        pdf.hatched_bar(x, y, w, h, FILLS[mark])
    else:
        with pdf.colours(FILLS[mark]):
            pdf.rect(x, y, w, h, style="DF")


def _leads_chart(pdf: Paper, chart: Chart) -> None:
    """Bars left or right of the middle: right for what the chart's right direction says, left for the other."""
    label_w = 62.0
    zone_w = pdf.epw - label_w
    zero = pdf.l_margin + label_w + zone_w / 2
    half = zone_w / 2 - 4
    line = pdf.leading(CHART)
    left, right = chart.directions
    bars = _drawn(chart)
    heights = [pdf.lines(b.label, label_w - 2, CHART) * line + 1.4 for b in bars]
    header = max(pdf.lines(left, half, CHART), pdf.lines(right, half, CHART)) * line + 1.5
    chart_title(pdf, chart.title, chart.note, header + sum(heights))
    top = pdf.get_y()
    _directions(pdf, zero, top, half, left, right)
    widest = max(abs(b.value) for b in bars)
    scale = (zone_w / 2 - VALUE_ROOM - 1) / widest if widest else 0.0
    y = top + header
    bar_h = line + 0.4
    for bar, h in zip(bars, heights):
        pdf.font(CHART)
        pdf.set_xy(pdf.l_margin, y + 0.7)
        pdf.multi_cell(label_w - 2, line, bar.label, align=Align.R)
        length = bar.value * scale
        bar_y = y + (h - bar_h) / 2
        if length:
            with pdf.colours(TOWARD if length > 0 else AWAY):
                pdf.rect(min(zero, zero + length), bar_y, abs(length), bar_h, style="DF")
        pdf.value(zero + length, bar_y, bar_h, bar.shown, length >= 0)
        y += h
    with pdf.colours(TEXT):
        pdf.line(zero, top + header - 0.5, zero, y)
    pdf.set_xy(pdf.l_margin, y + 2)


def _directions(pdf: Paper, zero: float, top: float, half: float, left: str, right: str) -> None:
    """Above the bars: which way is which, in words and with arrows."""
    line = pdf.leading(CHART)
    pdf.font(CHART, colour=MUTED)
    pdf.set_xy(zero - half - 3, top)
    pdf.multi_cell(half, line, left, align=Align.R)
    pdf.set_xy(zero + 3, top)
    pdf.multi_cell(half, line, right, align=Align.L)
    pdf.arrow(zero - 0.8, top + line / 2, -1, AWAY)
    pdf.arrow(zero + 0.8, top + line / 2, 1, TOWARD)


def _shares_chart(pdf: Paper, chart: Chart) -> None:
    """Bars from zero (a value of 1 fills the width), each with its label and its number; the main bar is drawn
    darker and its label bold, so it stands out by more than colour."""
    label_w = 62.0
    line = pdf.leading(CHART)
    bars = _drawn(chart)
    body = sum(pdf.lines(b.label, label_w - 2, CHART) * line + 1.4 for b in bars)
    chart_title(pdf, chart.title, chart.note, body)
    zone_x = pdf.l_margin + label_w
    zone_w = pdf.epw - label_w - VALUE_ROOM - 2
    top = y = pdf.get_y()
    for bar in bars:
        bold = bar.mark == "main"
        height = pdf.lines(bar.label, label_w - 2, CHART, bold) * line + 1.4
        pdf.font(CHART, bold)
        pdf.set_xy(pdf.l_margin, y + 0.7)
        pdf.multi_cell(label_w - 2, line, bar.label, align=Align.R)
        bar_h = line + 0.4
        bar_y = y + (height - bar_h) / 2
        if bar.value > 0:
            with pdf.colours(FILLS[bar.mark]):
                pdf.rect(zone_x, bar_y, bar.value * zone_w, bar_h, style="DF")
        pdf.value(zone_x + bar.value * zone_w, bar_y, bar_h, bar.shown, right=True, bold=bold)
        y += height
    with pdf.colours(TEXT):
        pdf.line(zone_x, top, zone_x, y)
    pdf.set_xy(pdf.l_margin, y + 2)
