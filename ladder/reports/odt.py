"""A Document as an OpenDocument text (ODT): the editable report, on the Dutch list of mandatory open standards.

The structure is real ODF structure, so a screen reader, the navigator and a later PDF export all see it:
headings are text:h with their outline level in the Heading styles, lists are text:list, a table repeats its
header row (table:table-header-rows), the callout is a section set off by a background. A chart is an SVG figure
with its title and description as alternative text, and its table beside it as the text equivalent. The language
is set in the metadata and in the default style; the footer names the rule set on every page. The same Document
gives the same bytes: the metadata's dates are the Document's date, and so are the package's.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from odfdo import Document as OdfDocument
from odfdo import Element as OdfElement
from odfdo.xmlpart import XmlPart

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
    plain,
    text_paragraphs,
)
from ladder.reports.package import dated_zip, xml_safe
from ladder.reports.svg_chart import svg_of
from ladder.reports.texts import t
from ladder.rules.model import RuleSet

# The country that goes with each language of the reports, for fo:country and the metadata's language tag.
COUNTRIES = {"nl": "NL", "en": "GB"}
TEXT_WIDTH_CM = 17.0  # A4 less the template's margins of 2 cm
WORD_CM_PER_CHARACTER = 0.22  # a character of 9 pt bold DejaVu Sans (the tables' widest type), with some room
CELL_PADDING_CM = 0.45  # both sides of a cell, as Word's default margins
GENERATOR = "Participatieladder 3.0"
_TOP_LEVEL_END = re.compile(r"(?<=</style:style>)|(?<=</text:list-style>)")
_SPACES = re.compile(r" {2,}")
FONT = 'style:font-name="DejaVu Sans" fo:font-family="\'DejaVu Sans\'"'
BODY_SIZE = "10pt"
HEADING_SIZES = {1: "16pt", 2: "12.5pt", 3: "11pt", 4: "10pt", 5: "10pt"}
PARAGRAPH_STYLES = {"body": "Text_20_body", "note": "Note", "strong": "Strong", "lead": "Lead"}

# Named styles the reader can change in their word processor (office:styles), beside the template's Heading and
# List styles. Type sizes follow the PDF: body 10 pt, notes 9 pt, muted grey.
STYLES = """
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>
<style:style style:name="Strong" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Lead" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Fact" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-bottom="0.05cm"/>
  <style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>
<style:style style:name="Warning" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:padding="0.15cm" fo:border-left="0.06cm solid #b35806"/>
  <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="List_20_Item" style:display-name="List Item" style:family="paragraph"
  style:parent-style-name="List" style:class="list">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="List_20_Small" style:display-name="List Small" style:family="paragraph"
  style:parent-style-name="List_20_Item" style:class="list">
  <style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="List_20_Detail" style:display-name="List Detail" style:family="paragraph"
  style:parent-style-name="List_20_Item" style:class="list">
  <style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>
<style:style style:name="List_20_Remark" style:display-name="List Remark" style:family="paragraph"
  style:parent-style-name="List_20_Detail" style:class="list">
  <style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"
  style:parent-style-name="Standard" style:class="extra">
  <style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Table_20_Number" style:display-name="Table Number" style:family="paragraph"
  style:parent-style-name="Table_20_Contents" style:class="extra">
  <style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"
  style:parent-style-name="Table_20_Contents" style:class="extra">
  <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Table_20_Number_20_Heading" style:display-name="Table Number Heading"
  style:family="paragraph" style:parent-style-name="Table_20_Heading" style:class="extra">
  <style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Figure" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties><style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/>
  </style:tab-stops></style:paragraph-properties>
  <style:text-properties fo:font-size="7pt" fo:color="#555555"/></style:style>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
  <style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="Report_20_Bullets" style:display-name="Report Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
  <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm"
    fo:text-indent="-0.45cm" fo:margin-left="0.6cm"/></style:list-level-properties>
  </text:list-level-style-bullet></text:list-style>
<text:list-style style:name="Report_20_Numbers" style:display-name="Report Numbers">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
  <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm"
    fo:text-indent="-0.55cm" fo:margin-left="0.7cm"/></style:list-level-properties>
  </text:list-level-style-number></text:list-style>
"""

# Automatic styles of the body: the layout of tables, cells, the callout's section and the chart's frame.
AUTOMATIC = """
<style:style style:name="Report_Table" style:family="table">
  <style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
</style:style>
<style:style style:name="Report_Row" style:family="table-row">
  <style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="Report_Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.08cm" fo:border="0.03pt solid #b0b7bf"/></style:style>
<style:style style:name="Report_Header_Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.08cm" fo:border="0.03pt solid #b0b7bf" fo:background-color="#e3e6e9"/>
</style:style>
<style:style style:name="Callout" style:family="section">
  <style:section-properties fo:background-color="#e8eef5" fo:margin-left="0cm" fo:margin-right="0cm">
  <style:background-image/></style:section-properties></style:style>
<style:style style:name="Chart_Frame" style:family="graphic">
  <style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/></style:style>
"""


def render_odt(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl", description: str = "") -> bytes:
    return odt_of(advice_report(advice, rule_set, title, lang, description))


def language_tag(lang: str) -> str:
    """nl-NL or en-GB: the language and the country whose spelling the reports follow."""
    return f"{lang}-{COUNTRIES[lang]}"


@dataclass
class _Body:
    """The body's XML as it is written, with the pictures it refers to and a counter for unique names."""

    lang: str
    xml: list[str] = field(default_factory=list)
    pictures: dict[str, bytes] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # a column width and the name of its style
    count: int = 0

    def name(self) -> int:
        self.count += 1
        return self.count

    def column_style(self, width: float) -> str:
        """The automatic style of a table column this wide, one per width (LibreOffice needs widths, not weights)."""
        key = f"{width:.2f}cm"
        if key not in self.columns:
            self.columns[key] = f"Report_Column_{len(self.columns) + 1}"
        return self.columns[key]


def odt_of(document: Document) -> bytes:
    document = xml_safe(document)
    odt = OdfDocument("text")
    _set_styles(odt, document)
    _set_meta(odt, document)
    body = _Body(document.lang)
    _document(body, document, depth=0)
    automatic = _one(odt.content, "//office:automatic-styles")
    for width, name in body.columns.items():
        automatic.append(OdfElement.from_tag(f'<style:style style:name="{name}" style:family="table-column">'
                                             f'<style:table-column-properties style:column-width="{width}"/>'
                                             "</style:style>"))
    odt.body.clear()
    for xml in body.xml:
        odt.body.append(OdfElement.from_tag(xml))
    for path, data in body.pictures.items():
        odt.set_part(path, data)
        odt.manifest.add_full_path(path, "image/svg+xml")
    # The template's thumbnail shows an empty page: wrong for this document, and no viewer needs it.
    odt.del_part("Thumbnails/thumbnail.png")
    odt.manifest.del_full_path("Thumbnails/thumbnail.png")
    out = io.BytesIO()
    odt.save(out)
    return dated_zip(out.getvalue(), document.date, stored=("mimetype",))


def _set_meta(odt: OdfDocument, document: Document) -> None:
    meta = odt.meta
    meta.set_title(document.name or document.title)
    if document.subject:
        meta.set_subject(document.subject)
    meta.set_language(language_tag(document.lang))
    moment = dt.datetime.combine(document.date, dt.time())
    meta.set_creation_date(moment)
    meta.date = moment
    meta.set_generator(GENERATOR)  # not the template's LibreOffice build: this program wrote the file
    meta.set_statistic({})  # the template's counts describe its empty page; LibreOffice counts anew on opening


def _set_styles(odt: OdfDocument, document: Document) -> None:
    """The report's named styles, the document language in the default styles, and the footer on every page."""
    styles = odt.styles
    office_styles = _one(styles, "//office:styles")
    for xml in _elements(STYLES):
        office_styles.append(OdfElement.from_tag(xml))
    for properties in styles.get_elements("//style:default-style/style:text-properties"):
        properties.set_attribute("fo:language", document.lang)
        properties.set_attribute("fo:country", COUNTRIES[document.lang])
    automatic = _one(odt.content, "//office:automatic-styles")
    for xml in _elements(AUTOMATIC):
        automatic.append(OdfElement.from_tag(xml))
    _set_type(styles)
    layout = _one(styles, "//style:page-layout[@style:name='Mpm1']/style:footer-style")
    layout.append(OdfElement.from_tag('<style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.3cm"/>'))
    # "page 1 of 6" with the two numbers as fields the word processor fills in
    numbers = (_chars(t(document.lang, "report_page", page="\x01", pages="\x02"))
               .replace("\x01", '<text:page-number text:select-page="current">1</text:page-number>')
               .replace("\x02", "<text:page-count>1</text:page-count>"))
    master = _one(styles, "//style:master-page[@style:name='Standard']")
    master.append(OdfElement.from_tag(
        f'<style:footer><text:p text:style-name="Footer">{_chars(document.footer)}<text:tab/>{numbers}</text:p>'
        "</style:footer>"))


def _set_type(styles: XmlPart) -> None:
    """One sans-serif face, as in the PDF (DejaVu Sans, which the project installs; a word processor without it
    substitutes its own), upright headings in decreasing sizes, and no numbers before the headings: the
    template numbers its outline "1.1.", which the report's headings are not."""
    standard = _one(styles, "//style:style[@style:name='Standard']")
    standard.append(OdfElement.from_tag(f'<style:text-properties {FONT} fo:font-size="{BODY_SIZE}"/>'))
    heading = _one(styles, "//style:style[@style:name='Heading']/style:text-properties")
    for attribute, value in (("style:font-name", "DejaVu Sans"), ("fo:font-family", "'DejaVu Sans'")):
        heading.set_attribute(attribute, value)
    for level, size in HEADING_SIZES.items():
        properties = _one(styles, f"//style:style[@style:name='Heading_20_{level}']/style:text-properties")
        for attribute, value in (("fo:font-size", size), ("fo:font-style", "normal"), ("fo:font-weight", "bold")):
            properties.set_attribute(attribute, value)
    for outline in styles.get_elements("//text:outline-style/text:outline-level-style"):
        for attribute in ("loext:num-list-format", "style:num-suffix", "text:display-levels"):
            if outline.get_attribute(attribute) is not None:
                outline.del_attribute(attribute)
        outline.set_attribute("style:num-format", "")


def _one(part: XmlPart, xpath: str) -> OdfElement:
    """The element of odfdo's text template at `xpath`; the template comes with the pinned odfdo, so a missing
    one means a new odfdo changed it."""
    element = part.get_element(xpath)
    if element is None:
        raise LookupError(f"odfdo's text template has no {xpath}")
    return element


def _elements(xml: str) -> list[str]:
    """The top-level elements of a block of style XML, one string each (OdfElement.from_tag takes one element)."""
    return [" ".join(p.split()) for p in _TOP_LEVEL_END.split(xml) if p.strip()]


def _document(body: _Body, document: Document, depth: int) -> None:
    """As Markdown sets it: the title, the description, the facts, the warning, then the body; `depth` moves every
    heading that many levels down, for a document inside another."""
    body.xml.append(_heading(document.title, 1 + depth))
    body.xml += [_paragraph_xml(text, "Text_20_body") for text in text_paragraphs(document.description)]
    body.xml += [_paragraph_xml(fact.text, "Fact") for fact in document.facts]
    if document.warning:
        body.xml.append(_paragraph_xml(document.warning, "Warning"))
    for element in document.body:
        _element(body, element, depth)


def _element(body: _Body, element: Element, depth: int) -> None:
    if isinstance(element, Part):
        _document(body, element.document, depth + 1)
    elif isinstance(element, Callout):
        body.xml.append(f'<text:section text:style-name="Callout" text:name="Callout{body.name()}">'
                        + _heading(element.title, 2 + depth) + "".join(_list(BulletList(element.items)))
                        + "</text:section>")
    elif isinstance(element, Chart):
        _chart(body, element, depth)
    elif isinstance(element, Section):
        body.xml.append(_heading(element.heading, 2 + depth))
        for block in element.blocks:
            body.xml += _block(body, block)
    else:
        body.xml.append(_paragraph(element))


def _block(body: _Body, block: Paragraph | BulletList | Table) -> list[str]:
    """The block as top-level elements of the body, one string each."""
    if isinstance(block, Paragraph):
        return [_paragraph(block)]
    if isinstance(block, Table):
        return _table(body, block)
    return _list(block)


def _chart(body: _Body, chart: Chart, depth: int) -> None:
    """The title, how to read it, the figure with its alternative text, and its table: the same numbers in text."""
    number = body.name()
    drawing = svg_of(chart)
    path = f"Pictures/chart-{number}.svg"
    body.pictures[path] = drawing.svg.encode("utf-8")
    height = TEXT_WIDTH_CM * drawing.height / drawing.width
    description = "; ".join(f"{b.label}: {b.shown}" + (f" ({b.words})" if b.words else "") for b in chart.bars)
    body.xml.append(_heading(chart.title, 2 + depth))
    if chart.note:
        body.xml.append(_paragraph_xml(chart.note, "Note"))
    body.xml.append(
        f'<text:p text:style-name="Figure"><draw:frame draw:style-name="Chart_Frame" draw:name="Chart{number}" '
        f'text:anchor-type="as-char" svg:width="{TEXT_WIDTH_CM:.2f}cm" svg:height="{height:.2f}cm" draw:z-index="0">'
        f'<draw:image xlink:href="{path}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" '
        f'draw:mime-type="image/svg+xml"/><svg:title>{escape(chart.title)}</svg:title>'
        f"<svg:desc>{escape(description)}</svg:desc></draw:frame></text:p>")
    body.xml += _table(body, chart.table)


def _heading(text: str, level: int) -> str:
    return f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{_chars(text)}</text:h>'


def _paragraph(paragraph: Paragraph) -> str:
    lines = "<text:line-break/>".join(_chars(line) for line in paragraph.lines)
    return f'<text:p text:style-name="{PARAGRAPH_STYLES[paragraph.style]}">{lines}</text:p>'


def _paragraph_xml(text: str, style: str) -> str:
    return f'<text:p text:style-name="{style}">{_chars(text)}</text:p>'


def _list(block: BulletList) -> list[str]:
    """A real list (numbered or with bullets) after its intro; an item's detail and remark are paragraphs of it."""
    intro = [_paragraph_xml(block.intro, "Text_20_body")] if block.intro else []
    style = "Report_20_Numbers" if block.numbered else "Report_20_Bullets"
    items = "".join(_item(item, "List_20_Small" if block.small else "List_20_Item") for item in block.items)
    return [*intro, f'<text:list text:style-name="{style}">{items}</text:list>']


def _item(item: Item, style: str) -> str:
    parts = [f'<text:p text:style-name="{style}">{_runs(item.text)}</text:p>']
    if item.detail:
        parts.append(_paragraph_xml(item.detail, "List_20_Detail"))
    if item.remark:
        parts.append(_paragraph_xml(item.remark, "List_20_Remark"))
    return f"<text:list-item>{''.join(parts)}</text:list-item>"


def _table(body: _Body, table: Table) -> list[str]:
    """A table whose first row is its header row, repeated on every page, and whose rows are not split over two
    pages; a row's notes join its last cell, as in Markdown. A table without rows is left out."""
    if not table.rows:
        return []
    header = "".join(_cell(plain(c.header), "Report_Header_Cell",
                           "Table_20_Number_20_Heading" if c.align == "right" else "Table_20_Heading")
                     for c in table.columns)
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        if row.notes:
            cells[-1] = plain(" ".join([flat(cells[-1]), *row.notes]))
        rows.append('<table:table-row table:style-name="Report_Row">' + "".join(
            _cell(c, "Report_Cell", "Table_20_Number" if column.align == "right" else "Table_20_Contents")
            for c, column in zip(cells, table.columns, strict=True)) + "</table:table-row>")
    name = quoteattr(t(body.lang, "report_table", number=body.name()))
    return [f'<table:table table:name={name} table:style-name="Report_Table">'
            + "".join(f'<table:table-column table:style-name="{body.column_style(width)}"/>'
                      for width in column_widths(table))
            + '<table:table-header-rows><table:table-row table:style-name="Report_Row">'
            + f"{header}</table:table-row></table:table-header-rows>"
            + "".join(rows) + "</table:table>"]


def column_widths(table: Table) -> list[float]:
    """Centimetres per column: words get one and a half times the room of a number, but every column is at least
    as wide as the longest word of its header and its numbers (a header such as "Overheidsparticipatie:" would else
    break inside the word); the other columns give that room. Prose in a cell wraps between its words."""
    weights = [2.0 if c.align == "right" else 3.0 for c in table.columns]
    needs = [max(len(word) for text in (c.header, *(flat(row.cells[i]) for row in table.rows if c.align == "right"))
                 for word in text.split() or [""]) * WORD_CM_PER_CHARACTER + CELL_PADDING_CM
             for i, c in enumerate(table.columns)]
    fixed: set[int] = set()  # the columns held at their longest word
    while True:
        room = TEXT_WIDTH_CM - sum(needs[i] for i in fixed)
        given = sum(w for i, w in enumerate(weights) if i not in fixed)
        widths = [needs[i] if i in fixed else room * w / given for i, w in enumerate(weights)]
        short = {i for i, width in enumerate(widths) if i not in fixed and width < needs[i]}
        if not short or len(fixed | short) == len(weights) or sum(needs[i] for i in fixed | short) >= TEXT_WIDTH_CM:
            return widths  # every column fits its words, or they cannot all fit: as close as it gets
        fixed |= short


def _cell(text: Text, cell_style: str, paragraph_style: str) -> str:
    return (f'<table:table-cell table:style-name="{cell_style}" office:value-type="string">'
            f'<text:p text:style-name="{paragraph_style}">{_runs(text)}</text:p></table:table-cell>')


def _runs(text: Text) -> str:
    return "".join(f'<text:span text:style-name="Strong_20_Emphasis">{_chars(run.text)}</text:span>' if run.strong
                   else _chars(run.text) for run in text)


def _chars(text: str) -> str:
    """Text as ODF character content: ODF collapses runs of spaces, so a second space and more are text:s."""
    return _SPACES.sub(lambda m: f' <text:s text:c="{len(m[0]) - 1}"/>', escape(text))
