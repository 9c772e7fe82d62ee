"""A Document as a Word document (DOCX): the editable report for offices that work in Word.

The structure is Word's own, so the navigation pane, a screen reader and a later PDF export see it: headings
in the built-in Heading styles (with their outline levels), lists in List Bullet and List Number, tables whose
first row is marked as the header row repeated on every page (w:tblHeader), the callout set off by shading and
a bar in the margin. A chart is given as its title, how to read it and its table (Word needs a picture in pixels
for a figure; the table says the same numbers in text). The language is set in the default run properties
(w:lang) and the core properties, with the title and subject; the footer names the rule set on every page. The
same Document gives the same bytes: the core properties' dates are the Document's date, and so are the package's.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

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
from ladder.reports.odt import TEXT_WIDTH_CM, column_widths, language_tag
from ladder.reports.package import dated_zip, xml_safe
from ladder.reports.texts import t
from ladder.rules.model import RuleSet

MUTED = RGBColor(0x55, 0x55, 0x55)
CALLOUT_FILL = "E8EEF5"  # the ODT's callout background
CALLOUT_BAR = "1F4E79"  # the charts' main colour, as the PDF's bar beside the callout
WARNING_BAR = "B35806"
HEADER_FILL = "E3E6E9"
# The report's own paragraph styles (name, size in points, bold, italic, muted), beside Word's built-in ones.
OWN_STYLES = (("Note", 9, False, False, True), ("Fact", 9, False, False, True), ("Warning", 10, True, False, False),
              ("List Detail", 9, False, False, True), ("List Remark", 9, False, True, True),
              ("Table Contents", 9, False, False, False), ("Table Heading", 9, True, False, False))
# The order of a paragraph's properties in the schema (ECMA-376, CT_PPrBase), which Word insists on.
PARAGRAPH_PROPERTIES = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
                        "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
                        "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                        "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                        "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                        "w:sectPr", "w:pPrChange")
PARAGRAPH_STYLES = {"body": "Normal", "note": "Note", "strong": "Normal", "lead": "Normal"}


def render_docx(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl", description: str = "") -> bytes:
    return docx_of(advice_report(advice, rule_set, title, lang, description))


def docx_of(document: Document) -> bytes:
    document = xml_safe(document)
    docx = new_docx()
    _set_page(docx)
    _set_styles(docx, document.lang)
    _set_properties(docx, document)
    _set_footer(docx, document)
    # The template starts with one empty paragraph; the report's own come after it, so it goes.
    for empty in docx.paragraphs:
        empty._element.getparent().remove(empty._element)
    _document(docx, document, depth=0)
    # The template's thumbnail shows another document: wrong for this one, and no viewer needs it.
    relationships = docx.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype == RT.THUMBNAIL:
            relationships.pop(key)
    out = io.BytesIO()
    docx.save(out)
    return dated_zip(out.getvalue(), document.date)


def _set_page(docx: DocxDocument) -> None:
    """A4 with margins of 2 cm, as the ODT (python-docx's template is a US Letter page)."""
    section = docx.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2)


def _set_properties(docx: DocxDocument, document: Document) -> None:
    properties = docx.core_properties
    properties.title = document.name or document.title
    properties.subject = document.subject
    properties.language = language_tag(document.lang)
    moment = dt.datetime.combine(document.date, dt.time(), tzinfo=dt.UTC)
    properties.created = properties.modified = moment
    properties.author = properties.last_modified_by = ""  # not the template's "python-docx": nobody's name
    properties.revision = 1
    properties.comments = ""  # the template says it was made by python-docx


def _set_styles(docx: DocxDocument, lang: str) -> None:
    """The document language on every run (the default run properties), and the report's own paragraph styles."""
    defaults = docx.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in run_defaults.findall(qn("w:lang")):
        run_defaults.remove(old)
    language = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), language_tag(lang))
    run_defaults.append(language)
    theme_language = docx.settings.element.find(qn("w:themeFontLang"))  # the template's says en-US
    if theme_language is not None:
        theme_language.set(qn("w:val"), language_tag(lang))
    normal = docx.styles["Normal"].font
    normal.name, normal.size = "DejaVu Sans", Pt(10)  # the PDF's and the ODT's face; Word substitutes where missing
    footer = docx.styles["Footer"].font
    footer.size, footer.color.rgb = Pt(7), MUTED
    for name, size, bold, italic, muted in OWN_STYLES:
        style = docx.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = docx.styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        if muted:
            style.font.color.rgb = MUTED
        style.paragraph_format.space_after = Pt(2 if name.startswith(("List", "Table", "Fact")) else 6)
        if name.startswith("List"):
            style.paragraph_format.left_indent = docx.styles["List Continue"].paragraph_format.left_indent


def _set_footer(docx: DocxDocument, document: Document) -> None:
    """The rule-set line, then "page 1 of 6" at the right margin, the numbers as fields Word fills in."""
    footer = docx.sections[0].footer.paragraphs[0]
    footer.style = docx.styles["Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    before, between, after = re.split("\x01|\x02", t(document.lang, "report_page", page="\x01", pages="\x02"))
    footer.add_run(document.footer + "\t" + before)
    _field(footer, "PAGE")
    footer.add_run(between)
    _field(footer, "NUMPAGES")
    footer.add_run(after)


def _field(paragraph: DocxParagraph, code: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _document(docx: DocxDocument, document: Document, depth: int) -> None:
    """As Markdown sets it: the title, the description, the facts, the warning, then the body; `depth` moves every
    heading that many levels down, for a document inside another."""
    _add(docx, f"Heading {1 + depth}", document.title)
    for text in text_paragraphs(document.description):
        _add(docx, "Normal", text)
    for fact in document.facts:
        _add(docx, "Fact", fact.text)
    if document.warning:
        _set_off(_add(docx, "Warning", document.warning), WARNING_BAR, "")
    for element in document.body:
        _element(docx, element, depth)


def _element(docx: DocxDocument, element: Element, depth: int) -> None:
    if isinstance(element, Part):
        _document(docx, element.document, depth + 1)
    elif isinstance(element, Callout):
        paragraphs = [_add(docx, f"Heading {2 + depth}", element.title), *_list(docx, BulletList(element.items))]
        for paragraph in paragraphs:
            _set_off(paragraph, CALLOUT_BAR, CALLOUT_FILL)
    elif isinstance(element, Chart):
        _add(docx, f"Heading {2 + depth}", element.title)
        if element.note:
            _add(docx, "Note", element.note)
        _table(docx, element.table)
    elif isinstance(element, Section):
        _add(docx, f"Heading {2 + depth}", element.heading)
        for block in element.blocks:
            _block(docx, block)
    else:
        _paragraph(docx, element)


def _block(docx: DocxDocument, block: Paragraph | BulletList | Table) -> None:
    if isinstance(block, Paragraph):
        _paragraph(docx, block)
    elif isinstance(block, Table):
        _table(docx, block)
    else:
        _list(docx, block)


def _add(docx: DocxDocument, style: str, text: str = "") -> DocxParagraph:
    """A new paragraph in this style, set by its id: python-docx would look the name up in every style each time
    (a second for a long report)."""
    written = docx.add_paragraph(text)
    written._p.style = _style_id(style)
    return written


def _style_id(name: str) -> str:
    """The id of a style: its name without spaces, for Word's built-in styles and for those python-docx adds."""
    return name.replace(" ", "")


def _paragraph(docx: DocxDocument, paragraph: Paragraph) -> None:
    """The lines of one paragraph with a line break between them; a strong paragraph in bold."""
    written = _add(docx, PARAGRAPH_STYLES[paragraph.style])
    for i, line in enumerate(paragraph.lines):
        run = written.add_run(line)
        run.bold = paragraph.style == "strong" or None
        if i < len(paragraph.lines) - 1:
            run.add_break()


def _list(docx: DocxDocument, block: BulletList) -> list[DocxParagraph]:
    """A real list after its intro; an item's detail and remark are indented paragraphs under it. A numbered list
    starts at 1 (Word would otherwise go on counting from the list before it)."""
    written = [_add(docx, "Normal", block.intro)] if block.intro else []
    number = _new_numbering(docx) if block.numbered else None
    for item in block.items:
        written += _item(docx, item, "List Number" if block.numbered else "List Bullet", number, block.small)
    return written


def _item(docx: DocxDocument, item: Item, style: str, number: int | None, small: bool) -> list[DocxParagraph]:
    point = _add(docx, style)
    _runs(point, item.text)
    if small:
        for run in point.runs:
            run.font.size = Pt(9)
    if number is not None:
        point._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = number
    written = [point]
    if item.detail:
        written.append(_add(docx, "List Detail", item.detail))
    if item.remark:
        written.append(_add(docx, "List Remark", item.remark))
    return written


def _new_numbering(docx: DocxDocument) -> int:
    """A new numbering of List Number's kind that starts again at 1; its id."""
    style_number = docx.styles["List Number"].element.pPr.numPr.numId.val
    numbering = docx.part.numbering_part.numbering_definitions._numbering
    abstract = numbering.num_having_numId(style_number).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def _table(docx: DocxDocument, table: Table) -> None:
    """A table whose first row is its header row, repeated on every page; a row's notes join its last cell, as in
    Markdown. A table without rows is left out."""
    if not table.rows:
        return
    grid = docx.add_table(rows=1, cols=len(table.columns))
    grid.style = docx.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    header = grid.rows[0]
    header_properties = header._tr.get_or_add_trPr()
    header_properties.append(_on("w:cantSplit"))
    header_properties.append(_on("w:tblHeader"))
    for cell, column in zip(header.cells, table.columns, strict=True):
        _cell_text(cell.paragraphs[0], plain(column.header), "Table Heading", column.align)
        cell._tc.get_or_add_tcPr().append(_shading(HEADER_FILL))  # after the width, the only property before it
    for row in table.rows:
        cells = list(row.cells)
        if row.notes:
            cells[-1] = plain(" ".join([flat(cells[-1]), *row.notes]))
        written = grid.add_row()
        written._tr.get_or_add_trPr().append(_on("w:cantSplit"))  # a row stays on one page, as in the ODT
        for cell, text, column in zip(written.cells, cells, table.columns, strict=True):
            _cell_text(cell.paragraphs[0], text, "Table Contents", column.align)
    for column, width in zip(grid.columns, column_widths(table), strict=True):
        for cell in column.cells:
            cell.width = Cm(width)  # Word reads the cells' widths, LibreOffice the grid's
        column.width = Cm(width)
    _add(docx, "Note")  # room under the table, before what follows


def _on(tag: str) -> BaseOxmlElement:
    """A switched-on property such as <w:tblHeader w:val="true"/>."""
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def _cell_text(paragraph: DocxParagraph, text: Text, style: str, align: str) -> None:
    paragraph._p.style = _style_id(style)
    if align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _runs(paragraph, text)


def _runs(paragraph: DocxParagraph, text: Text) -> None:
    for run in text:
        paragraph.add_run(run.text).bold = run.strong or None


def _set_off(paragraph: DocxParagraph, bar: str, fill: str) -> None:
    """A bar in the left margin and a background: Word joins neighbouring paragraphs set off alike into one box."""
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for attribute, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "6"), ("w:color", bar)):
        left.set(qn(attribute), value)
    borders.append(left)
    # Word refuses paragraph properties out of the schema's order: each goes before those that follow it.
    properties.insert_element_before(borders, *_after("w:pBdr"))
    if fill:
        properties.insert_element_before(_shading(fill), *_after("w:shd"))


def _after(tag: str) -> tuple[str, ...]:
    return PARAGRAPH_PROPERTIES[PARAGRAPH_PROPERTIES.index(tag) + 1:]


def _shading(fill: str) -> BaseOxmlElement:
    shading = OxmlElement("w:shd")
    for attribute, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(attribute), value)
    return shading
