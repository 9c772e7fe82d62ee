"""A Chart as an SVG drawing, for formats that embed a vector figure (ODT).

The same reading as the PDF's charts (ladder.reports.pdf): every bar carries its number, marks are written out,
blocked bars are hatched, so nothing is said by colour alone. Text widths are estimated (no font metrics here):
labels are wrapped on a generous estimate, so they fit in any common sans-serif font.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from ladder.reports.document import Bar, Chart
from ladder.reports.pdf import AWAY, FILLS, MUTED, RGB, TEXT, TOWARD

WIDTH = 640.0  # user units; the embedding format scales the drawing to the text width
SIZE = 11.0  # font size of labels and numbers
LINE = 14.0  # height of one line of labels
CHAR = 0.62  # estimated width of a character, as a share of the font size (DejaVu Sans Bold, the widest)
VALUE_ROOM = 48.0  # beside a bar for its number
PAD = 6.0  # above and below each bar row


@dataclass(frozen=True)
class Drawing:
    """The SVG text and its size in user units (the embedding needs the aspect ratio)."""

    svg: str
    width: float
    height: float


def svg_of(chart: Chart) -> Drawing:
    """The chart drawn as bars: scores either side of zero with their marks beside them, shares from zero, leads
    either side of the middle under the two directions."""
    bars = list(reversed(chart.bars)) if chart.upward else list(chart.bars)
    label_w = min(WIDTH * 0.4, max(_width(b.label) for b in bars) + 8)
    words_w = min(WIDTH * 0.25, max((_width(b.words) for b in bars), default=0) + 8) if chart.kind == "scores" else 0.0
    zone_x = label_w + 4
    zone_w = WIDTH - zone_x - words_w
    shapes: list[str] = []
    y = 0.0
    if chart.kind == "leads":
        y = _directions(shapes, zone_x + zone_w / 2, zone_w / 2, chart.directions)
    low, high = _range(chart, bars)
    # room for a number beyond the end of the bars on either side, where bars go that way
    left_room, right_room = (VALUE_ROOM if low < 0 else 0.0), (VALUE_ROOM if high > 0 else 0.0)
    scale = (zone_w - left_room - right_room) / (high - low) if high > low else 0.0
    zero = zone_x + left_room - low * scale
    top = y
    for bar in bars:
        bold = bar.mark == "main"
        labels = _wrap(bar.label, label_w - 8)
        marks = _wrap(bar.words, words_w - 8) if words_w else []
        height = max(len(labels), len(marks), 1) * LINE + 2 * PAD
        middle = y + height / 2
        _lines(shapes, label_w, middle, labels, "end", bold)
        length = bar.value * scale
        shapes.append(_bar(min(zero, zero + length), middle - LINE / 2, abs(length), LINE, bar, chart.kind))
        right = length >= 0
        x = zero + length + (4 if right else -4)
        shapes.append(_text(x, middle, bar.shown, "start" if right else "end", bold))
        if marks:
            _lines(shapes, WIDTH - words_w + 8, middle, marks, "start", bold)
        y += height
    shapes.append(f'<line x1="{zero:.1f}" y1="{top:.1f}" x2="{zero:.1f}" y2="{y:.1f}" stroke="{_hex(TEXT)}" stroke-width="1"/>')
    return Drawing(_document(chart, shapes, y), WIDTH, y)


def _range(chart: Chart, bars: list[Bar]) -> tuple[float, float]:
    """The values the zone spans: shares from 0 to 1, leads symmetric around the middle, scores as they fall."""
    if chart.kind == "shares":
        return 0.0, 1.0
    if chart.kind == "leads":
        widest = max((abs(b.value) for b in bars), default=0.0) or 1.0
        return -widest, widest
    return min(0.0, *(b.value for b in bars)), max(0.0, *(b.value for b in bars))


def _bar(x: float, y: float, w: float, h: float, bar: Bar, kind: str) -> str:
    if kind == "leads":
        fill = _hex(TOWARD if bar.value > 0 else AWAY)
    else:
        fill = "url(#hatch)" if bar.mark == "blocked" else _hex(FILLS[bar.mark])
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}" stroke="{_hex(MUTED)}" stroke-width="0.5"/>'


def _directions(shapes: list[str], middle: float, half: float, directions: tuple[str, str]) -> float:
    """Above the bars, which way is which: in words, with an arrow either side of the middle; returns their height."""
    left, right = (_wrap(d, half - 12) for d in directions)
    height = max(len(left), len(right), 1) * LINE + PAD
    _lines(shapes, middle - 10, height / 2, left, "end", False, MUTED)
    _lines(shapes, middle + 10, height / 2, right, "start", False, MUTED)
    arrow = height / 2
    shapes.append(f'<polygon points="{middle - 2:.1f},{arrow - 4:.1f} {middle - 2:.1f},{arrow + 4:.1f} '
                  f'{middle - 9:.1f},{arrow:.1f}" fill="{_hex(AWAY)}"/>')
    shapes.append(f'<polygon points="{middle + 2:.1f},{arrow - 4:.1f} {middle + 2:.1f},{arrow + 4:.1f} '
                  f'{middle + 9:.1f},{arrow:.1f}" fill="{_hex(TOWARD)}"/>')
    return height


def _document(chart: Chart, shapes: list[str], height: float) -> str:
    """The whole SVG: its title and description first (what a screen reader says), the hatch pattern, the shapes."""
    hatch_fill = _hex(FILLS["blocked"])
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{WIDTH:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH:.0f} {height:.0f}" role="img">'
        f"<title>{escape(chart.title)}</title><desc>{escape(chart.note)}</desc>"
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{hatch_fill}"/>'
        f'<path d="M0,6 L6,0" stroke="{_hex(MUTED)}" stroke-width="0.8"/></pattern></defs>'
        f'<g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="{SIZE:g}" fill="{_hex(TEXT)}">'
        + "".join(shapes)
        + "</g></svg>\n"
    )


def _lines(shapes: list[str], x: float, middle: float, lines: list[str], anchor: str, bold: bool,
           colour: RGB = TEXT) -> None:
    """Lines of text centred on `middle`."""
    first = middle - (len(lines) - 1) * LINE / 2
    for i, line in enumerate(lines):
        shapes.append(_text(x, first + i * LINE, line, anchor, bold, colour))


def _text(x: float, y: float, text: str, anchor: str, bold: bool, colour: RGB = TEXT) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y + SIZE * 0.35:.1f}" text-anchor="{anchor}" fill="{_hex(colour)}"{weight}>'
            f"{escape(text)}</text>")


def _wrap(text: str, width: float) -> list[str]:
    """Words in lines no wider than `width` (estimated); a word longer than that gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _width(text: str) -> float:
    return len(text) * SIZE * CHAR


def _hex(colour: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)

