"""The advice as a participatieparagraaf: one or two A4 pages for a raadsvoorstel (council proposal).

Only presents what the engine concluded. The two charts are drawn as PDF vectors with fpdf2 (no image,
no browser), and say nothing by colour alone: every bar carries its number, marks are written out, and
rungs a kader rules out are hatched. The same advice gives the same bytes (fixed creation date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import cast

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from ladder.engine.advice import Advice
from ladder.reports.texts import t
from ladder.rules.model import RuleSet
from ladder.reports.chart_data import (
    MARK_KEYS,
    ContributionRow,
    LadderRow,
    Mark,
    contribution_rows,
    ladder_rows,
    runner_up_of,
)
from ladder.reports.plain_text import Labels, kader_heading, margin_sentence, method_heading, why_sentence

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
UNICODE_FAMILY = "DejaVu"
PDF_METHODS = 3  # a council proposal names a few; the app and the Markdown report list more
MAX_PAGES = 2
# Type sizes to try, largest first: a long description or many flips get smaller type, not a third page.
SCALES = (1.0, 0.9, 0.8)

RGB = tuple[int, int, int]
TEXT: RGB = (25, 25, 25)
MUTED: RGB = (85, 85, 85)
RULE: RGB = (60, 60, 60)
# The app's palette (ui/advice_charts.py), so paper and screen look alike.
FILLS: dict[Mark, RGB] = {
    "advised": (31, 78, 121),
    "runner_up": (107, 155, 195),
    "possible": (176, 183, 191),
    "begrensd": (227, 230, 233),
    "uitgesloten": (227, 230, 233),
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
        if not self.is_ttf_font:
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

    def bullet(self, lead: str, text: str, size: float = BODY) -> None:
        """A bullet with a bold lead-in and a hanging indent."""
        left = self.l_margin
        line = self.leading(size)
        self.font(size)
        self.set_x(left)
        self.cell(4, line, "•")
        self.set_left_margin(left + 4)
        self.font(size, bold=True)
        self.write(line, lead + " ")
        self.font(size)
        self.write(line, text)
        self.ln(line)
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
    for scale in SCALES:
        pdf = _compose(advice, rule_set, title, lang, description, scale)
        if pdf.pages_count <= MAX_PAGES:
            break
    return bytes(pdf.output())


def _compose(advice: Advice, rule_set: RuleSet, title: str, lang: str, description: str, scale: float) -> Paper:
    labels = Labels(rule_set, lang)
    ref = advice.rule_set
    footer = t(lang, "rule_set_line", name=ref.name.get(lang), version=ref.version, status=ref.status, hash=ref.content_hash[:12])
    if ref.illustration:
        footer += f". {t(lang, 'illustration_short').capitalize()}."
    pdf = Paper(footer, lang, font_files(), scale)
    pdf.set_title(title)
    pdf.set_subject(t(lang, "report_paragraph"))
    # The rule set's date, not the clock: the same advice must give the same bytes.
    pdf.set_creation_date(dt.datetime.combine(rule_set.date, dt.time(), tzinfo=dt.UTC))
    pdf.add_page()

    pdf.text_block(t(lang, "report_paragraph"), SMALL, colour=MUTED, after=0.5)
    pdf.text_block(title, 16, bold=True, after=1.5)
    if description.strip():
        pdf.text_block(" ".join(description.split()), after=2)
    advice_block(pdf, advice, labels)
    ladder_chart(pdf, ladder_rows(advice), labels)

    pdf.heading(t(lang, "promise"))
    pdf.text_block(advice.promise.get(lang))
    pdf.heading(t(lang, "commitment"))
    pdf.text_block(advice.commitment.get(lang))

    pdf.heading(t(lang, "kaders_fired"))
    if not advice.kaders:
        pdf.text_block(t(lang, "no_kaders"))
    for k in advice.kaders:
        pdf.bullet(f"{kader_heading(k, labels)}:", k.reason.get(lang))

    if advice.werkvormen:
        pdf.heading(t(lang, "methods"))
        for m in advice.werkvormen[:PDF_METHODS]:
            pdf.bullet(f"{method_heading(m, advice, labels)}:", m.description.get(lang))

    robustness(pdf, advice, labels)
    contributions_chart(pdf, advice, labels)
    return pdf


def advice_block(pdf: Paper, advice: Advice, labels: Labels) -> None:
    """The advice itself, set off by a bar in the margin."""
    lang = labels.lang
    top = pdf.get_y()
    pdf.set_left_margin(MARGIN + 4)
    pdf.set_x(MARGIN + 4)
    pdf.text_block(t(lang, "advised_form", rung=labels.rung(advice.recommended)), 13, bold=True, after=1)
    pdf.text_block(t(lang, "municipal_role", role=advice.role.name.get(lang)), bold=True, after=0.5)
    if advice.role.why:
        pdf.text_block(advice.role.why.get(lang), SMALL, colour=MUTED, after=0.5)
    pdf.text_block(t(lang, "why_line", why=why_sentence(advice, labels)), after=0)
    pdf.set_left_margin(MARGIN)
    with pdf.colours(FILLS["advised"]):
        pdf.rect(MARGIN, top, 1.6, pdf.get_y() - top, style="F")
    pdf.gap(3)


def robustness(pdf: Paper, advice: Advice, labels: Labels) -> None:
    lang = labels.lang
    pdf.heading(t(lang, "robustness", label=t(lang, "robust_" + advice.robustness)))
    if margin := margin_sentence(advice, labels):
        pdf.text_block(margin + ".")
    if not advice.flips:
        pdf.text_block(t(lang, "no_flips"))
        return
    pdf.text_block(f"{t(lang, 'flips')}:", after=0.5)
    # One line per question rather than per flip: an advice with many unknowns can have dozens of flips.
    for trait, group in groupby(advice.flips, key=lambda f: f.trait):
        flips = list(group)
        lead = t(lang, "flip_group", question=labels.rule_set.trait(trait).short_name(lang), old=labels.answer(trait, flips[0].answer))
        changes = "; ".join(t(lang, "flip_change", new=labels.answer(trait, f.new_answer), rung=labels.rung(f.new_rung)) for f in flips)
        pdf.bullet(lead, changes + ".", size=SMALL)


def chart_title(pdf: Paper, title: str, note: str, body: float) -> None:
    """The chart's title and how to read it; starts a new page unless the whole chart fits below."""
    height = pdf.lines(title, pdf.epw, HEADING, bold=True) * pdf.leading(HEADING) + pdf.lines(note, pdf.epw, 8) * pdf.leading(8)
    pdf.keep(height + body + 5 * pdf.scale)
    pdf.gap(2)
    pdf.text_block(title, HEADING, bold=True, after=0.5)
    pdf.text_block(note, 8, colour=MUTED, after=1.5)


def ladder_chart(pdf: Paper, rows: list[LadderRow], labels: Labels) -> None:
    """Every rung as a bar of its score, highest rung on top like a ladder, its mark written beside it."""
    lang = labels.lang
    label_w, mark_w = 54.0, 44.0
    zone_x = pdf.l_margin + label_w
    zone_w = pdf.epw - label_w - mark_w
    line = pdf.leading(CHART)
    names = [labels.rung(r.rung) for r in rows]
    marks = [t(lang, key) if (key := MARK_KEYS[r.mark]) else "" for r in rows]
    bolds = [r.mark == "advised" for r in rows]
    name_lines = [pdf.lines(n, label_w - 2, CHART, b) for n, b in zip(names, bolds)]
    mark_lines = [pdf.lines(m, mark_w - 2, CHART, b) for m, b in zip(marks, bolds)]
    heights = [max(n, m) * line + 1.6 for n, m in zip(name_lines, mark_lines)]
    chart_title(pdf, t(lang, "report_ladder_chart"), t(lang, "report_ladder_note"), sum(heights))
    low = min(0.0, *(r.score for r in rows))
    high = max(0.0, *(r.score for r in rows))
    scale = (zone_w - 2 * VALUE_ROOM) / (high - low) if high > low else 0.0
    zero = zone_x + VALUE_ROOM - low * scale
    bar_h = line + 0.6  # one height for every bar, however many lines its label takes
    top = y = pdf.get_y()
    for row, name, mark, bold, n, m, h in reversed(list(zip(rows, names, marks, bolds, name_lines, mark_lines, heights))):
        pdf.font(CHART, bold)
        pdf.set_xy(pdf.l_margin, y + (h - n * line) / 2)
        pdf.multi_cell(label_w - 2, line, name, align=Align.R)
        bar_y = y + (h - bar_h) / 2
        _score_bar(pdf, zero, row.score * scale, bar_y, bar_h, row.mark)
        pdf.value(zero + row.score * scale, bar_y, bar_h, f"{row.score:.2f}", row.score >= 0, bold)
        pdf.font(CHART, bold)
        pdf.set_xy(zone_x + zone_w + 2, y + (h - m * line) / 2)
        pdf.multi_cell(mark_w - 2, line, mark, align=Align.L)
        y += h
    with pdf.colours(TEXT):
        pdf.line(zero, top, zero, y)
    pdf.set_xy(pdf.l_margin, y + 2)


def _score_bar(pdf: Paper, zero: float, length: float, y: float, h: float, mark: Mark) -> None:
    if not length:
        return
    x, w = min(zero, zero + length), abs(length)
    if mark in ("begrensd", "uitgesloten"):
        pdf.hatched_bar(x, y, w, h, FILLS[mark])
    else:
        with pdf.colours(FILLS[mark]):
            pdf.rect(x, y, w, h, style="DF")


def contributions_chart(pdf: Paper, advice: Advice, labels: Labels) -> None:
    """Per answer, its lead for the advice over the runner-up: right helps the advice, left the runner-up."""
    rows = contribution_rows(advice)
    if not rows:
        return
    lang = labels.lang
    advised = labels.rung(advice.recommended)
    runner_up = runner_up_of(advice)
    label_w = 62.0
    zone_w = pdf.epw - label_w
    zero = pdf.l_margin + label_w + zone_w / 2
    half = zone_w / 2 - 4
    line = pdf.leading(CHART)
    if runner_up:
        note = t(lang, "report_contrib_note", rung=advised, runner_up=labels.rung(runner_up))
        left, right = t(lang, "report_toward", rung=labels.rung(runner_up)), t(lang, "report_toward", rung=advised)
    else:
        note = t(lang, "report_contrib_note_single", rung=advised)
        left, right = t(lang, "report_against", rung=advised), t(lang, "report_for", rung=advised)
    names = [labels.short(r.trait, advice.answers[r.trait]) for r in rows]
    heights = [pdf.lines(n, label_w - 2, CHART) * line + 1.4 for n in names]
    header = max(pdf.lines(left, half, CHART), pdf.lines(right, half, CHART)) * line + 1.5
    chart_title(pdf, t(lang, "report_contrib_chart"), note, header + sum(heights))
    top = pdf.get_y()
    _directions(pdf, zero, top, half, left, right)
    widest = max(abs(r.lead) for r in rows)
    scale = (zone_w / 2 - VALUE_ROOM - 1) / widest if widest else 0.0
    y = top + header
    bar_h = line + 0.4
    for row, name, h in zip(rows, names, heights):
        pdf.font(CHART)
        pdf.set_xy(pdf.l_margin, y + 0.7)
        pdf.multi_cell(label_w - 2, line, name, align=Align.R)
        _lead_bar(pdf, row, zero, scale, y + (h - bar_h) / 2, bar_h)
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


def _lead_bar(pdf: Paper, row: ContributionRow, zero: float, scale: float, y: float, h: float) -> None:
    length = row.lead * scale
    if length:
        with pdf.colours(TOWARD if length > 0 else AWAY):
            pdf.rect(min(zero, zero + length), y, abs(length), h, style="DF")
    pdf.value(zero + length, y, h, _signed(row.lead), length >= 0)


def _signed(value: float) -> str:
    """+0.50 or -0.50; a lead of nothing as plain 0.00, not +0.00."""
    shown = round(value, 2)
    return f"{shown:+.2f}" if shown else "0.00"
