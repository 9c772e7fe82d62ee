"""The editable documents (ladder.reports.odt, ladder.reports.docx): the same Document as the Markdown, in the
structure word processors and screen readers know.

Read as specifications: every heading of the Document is a heading at its level, every list point a list item,
every table a table with its header row; the language and the title are in the metadata; the words are the
Markdown's, in the same order; the same advice gives the same file; and LibreOffice opens the ODT.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx as python_docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree
from test_report_group import group, info
from test_reports import ANSWER_SETS, NASTY_TITLES, golden_project

from ladder.analysis.group import summarize
from ladder.engine.advisor import advise
from ladder.reports.advice_document import advice_report
from ladder.reports.document import (
    BulletList,
    Callout,
    Chart,
    Document,
    Element,
    Paragraph,
    Part,
    Section,
    Table,
    flat,
    text_paragraphs,
)
from ladder.reports.docx import docx_of
from ladder.reports.group import group_report
from ladder.reports.markdown import markdown_of
from ladder.reports.odt import odt_of
from ladder.reports.package import xml_safe
from ladder.text import WORD_JOINER

ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
}
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}
# Golden projects that give each part of the report: a full advice with kaders and flips (04, the market square),
# too little known for any form, and an advice with nothing left to choose.
PROJECTS = {"marktplein": golden_project("04"), "alles_onbekend": golden_project("04").model_copy(update={"answers": {}}),
            "wegonderhoud": golden_project("01")}


@pytest.fixture(scope="module", params=[(name, lang) for name in (*PROJECTS, "werkgroep") for lang in ("nl", "en")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def document(request, rules) -> Document:
    """The advice report of a golden project, or a working group's report with its joint advice inside (a Part)."""
    name, lang = request.param
    if name == "werkgroep":
        return group_report(summarize(rules, group(rules, 8), ANSWER_SETS["marktplein"]), rules, info(), lang)
    project = PROJECTS[name]
    return advice_report(advise(rules, project.answers), rules, project.title, lang, project.description)


# --- what the Document says, in the order Markdown sets it -------------------------------------------------


def headings(document: Document, depth: int = 0) -> Iterator[tuple[int, str]]:
    """(level, text) of every heading: the title at level 1, sections, callouts and charts at 2; a Part one down."""
    yield 1 + depth, document.title
    for element in document.body:
        if isinstance(element, Part):
            yield from headings(element.document, depth + 1)
        elif isinstance(element, Section):
            yield 2 + depth, element.heading
        elif isinstance(element, Callout | Chart):
            yield 2 + depth, element.title


def elements(document: Document) -> Iterator[Element | Paragraph | BulletList | Table]:
    """Every element and block, depth first."""
    for element in document.body:
        if isinstance(element, Part):
            yield from elements(element.document)
        elif isinstance(element, Section):
            yield from element.blocks
        else:
            yield element


def list_items(document: Document) -> list[str]:
    items = []
    for element in elements(document):
        if isinstance(element, BulletList | Callout):
            items += [flat(item.text) for item in element.items]
    return items


def tables(document: Document) -> list[list[list[str]]]:
    """Each table with rows, as its rows of cell texts, the header row first; a row's notes join its last cell."""
    found = []
    for element in elements(document):
        table = element.table if isinstance(element, Chart) else element
        if isinstance(table, Table) and table.rows:
            found.append(table_rows(table))
    return found


def table_rows(table: Table) -> list[list[str]]:
    return [[c.header for c in table.columns],
            *([*map(flat, row.cells[:-1]), " ".join([flat(row.cells[-1]), *row.notes])] for row in table.rows)]


def texts(document: Document) -> list[str]:
    """Every paragraph's text, in order: what a reader reads, in any format."""
    said = [document.title, *text_paragraphs(document.description), *(f.text for f in document.facts)]
    said += [document.warning] if document.warning else []
    for element in document.body:
        if isinstance(element, Part):
            said += texts(element.document)
        elif isinstance(element, Callout):
            said += [element.title, *_items(BulletList(element.items))]
        elif isinstance(element, Chart):
            said += [element.title, *([element.note] if element.note else []), *_cells(element.table)]
        elif isinstance(element, Section):
            said.append(element.heading)
            for block in element.blocks:
                said += _block_texts(block)
        else:
            said += _block_texts(element)
    return said


def _block_texts(block: Paragraph | BulletList | Table) -> list[str]:
    if isinstance(block, Paragraph):
        return ["\n".join(block.lines)]
    if isinstance(block, Table):
        return _cells(block)
    return _items(block)


def _items(block: BulletList) -> list[str]:
    said = [block.intro] if block.intro else []
    for item in block.items:
        said += [flat(item.text), *(text for text in (item.detail, item.remark) if text)]
    return said


def _cells(table: Table) -> list[str]:
    """A table's cells row by row; a table without rows is left out, as in Markdown."""
    return [cell for row in table_rows(table) for cell in row] if table.rows else []


# --- what the files say --------------------------------------------------------------------------------------


def odt_xml(data: bytes, part: str = "content.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(part))


def odf_text(element: etree._Element) -> str:
    """A paragraph's text as a reader sees it: spaces (text:s) and line breaks written out, a figure's alternative
    text left out (it is no paragraph; it is checked on its own)."""
    out = [element.text or ""]
    for child in element:
        tag = etree.QName(child).localname
        if tag == "s":
            out.append(" " * int(child.get(f"{{{ODF['text']}}}c", "1")))
        elif tag == "line-break":
            out.append("\n")
        elif tag == "frame":
            pass
        else:
            out.append(odf_text(child))
        out.append(child.tail or "")
    return "".join(out)


def odt_headings(data: bytes) -> list[tuple[int, str]]:
    return [(int(h.get(f"{{{ODF['text']}}}outline-level")), odf_text(h)) for h in odt_xml(data).iterfind(".//text:h", ODF)]


def odt_items(data: bytes) -> list[str]:
    return [odf_text(item.find("text:p", ODF)) for item in odt_xml(data).iterfind(".//text:list-item", ODF)]


def odt_tables(data: bytes) -> list[list[list[str]]]:
    found = []
    for table in odt_xml(data).iterfind(".//table:table", ODF):
        header = table.find("table:table-header-rows", ODF)
        assert header is not None and len(header) == 1, "the first row is the header row, repeated on every page"
        rows = [*header.iterfind("table:table-row", ODF), *table.iterfind("table:table-row", ODF)]
        found.append([[odf_text(p) for p in row.iterfind("table:table-cell/text:p", ODF)] for row in rows])
    return found


def odt_texts(data: bytes) -> list[str]:
    body = odt_xml(data).find("office:body/office:text", ODF)
    return [text for e in body.iter(f"{{{ODF['text']}}}h", f"{{{ODF['text']}}}p") if (text := odf_text(e))]


def docx_document(data: bytes):
    return python_docx.Document(io.BytesIO(data))


def docx_blocks(data: bytes) -> Iterator[DocxParagraph | DocxTable]:
    document = docx_document(data)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield DocxParagraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield DocxTable(child, document)


def docx_headings(data: bytes) -> list[tuple[int, str]]:
    return [(int(b.style.name.removeprefix("Heading ")), b.text) for b in docx_blocks(data)
            if isinstance(b, DocxParagraph) and b.style.name.startswith("Heading ")]


def docx_items(data: bytes) -> list[str]:
    return [b.text for b in docx_blocks(data)
            if isinstance(b, DocxParagraph) and b.style.name in ("List Bullet", "List Number")]


def docx_tables(data: bytes) -> list[list[list[str]]]:
    found = []
    for table in (b for b in docx_blocks(data) if isinstance(b, DocxTable)):
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None, "the header row repeats"
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
        found.append([[cell.text for cell in row.cells] for row in table.rows])
    return found


def docx_texts(data: bytes) -> list[str]:
    said = []
    for block in docx_blocks(data):
        if isinstance(block, DocxTable):
            said += [cell.text for row in block.rows for cell in row.cells if cell.text]
        elif block.text:
            said.append(block.text)
    return said


Reader = Callable[[bytes], list]
FORMATS: dict[str, tuple[Callable[[Document], bytes], Reader, Reader, Reader, Reader]] = {
    "odt": (odt_of, odt_headings, odt_items, odt_tables, odt_texts),
    "docx": (docx_of, docx_headings, docx_items, docx_tables, docx_texts),
}


@pytest.fixture(scope="module")
def files(document) -> dict[str, bytes]:
    return {name: render(document) for name, (render, *_) in FORMATS.items()}


# --- the specifications ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("format", FORMATS)
def test_every_heading_of_the_document_is_a_heading_at_its_level(document, files, format):
    assert FORMATS[format][1](files[format]) == list(headings(document))


@pytest.mark.parametrize("format", FORMATS)
def test_every_list_point_is_an_item_of_a_real_list(document, files, format):
    assert FORMATS[format][2](files[format]) == list_items(document)


@pytest.mark.parametrize("format", FORMATS)
def test_every_table_is_a_table_with_its_header_row(document, files, format):
    assert FORMATS[format][3](files[format]) == tables(document)


@pytest.mark.parametrize("format", FORMATS)
def test_the_file_says_every_text_of_the_document_in_order_and_nothing_else(document, files, format):
    assert FORMATS[format][4](files[format]) == [text for text in texts(document) if text]


def test_markdown_says_the_same_texts(document):
    """The editable documents and the Markdown render one Document: every text the files say is in the Markdown."""
    markdown = " ".join(re.sub(r"\\(.)", r"\1", markdown_of(document)).replace("**", "").replace(WORD_JOINER, "").split())
    for text in texts(document):
        assert " ".join(text.split()) in markdown


def test_the_odt_states_language_title_and_date_in_its_metadata_and_styles(document, files):
    meta = odt_xml(files["odt"], "meta.xml")
    assert meta.findtext(".//dc:language", namespaces=ODF) == LANGUAGE_TAGS[document.lang]
    assert meta.findtext(".//dc:title", namespaces=ODF) == (document.name or document.title)
    assert meta.findtext(".//dc:date", namespaces=ODF).startswith(document.date.isoformat())
    styles = odt_xml(files["odt"], "styles.xml")
    paragraph = styles.find(".//style:default-style[@style:family='paragraph']/style:text-properties", ODF)
    assert (paragraph.get(f"{{{ODF['fo']}}}language"), paragraph.get(f"{{{ODF['fo']}}}country")) == (
        document.lang, LANGUAGE_TAGS[document.lang][-2:])
    footer = styles.find(".//style:master-page/style:footer/text:p", ODF)
    assert odf_text(footer).startswith(document.footer)


def test_the_docx_states_language_title_and_date_in_its_properties_and_styles(document, files):
    docx = docx_document(files["docx"])
    properties = docx.core_properties
    assert (properties.language, properties.title) == (LANGUAGE_TAGS[document.lang], document.name or document.title)
    assert properties.created.date() == properties.modified.date() == document.date
    language = docx.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert language.get(qn("w:val")) == LANGUAGE_TAGS[document.lang]
    assert docx.sections[0].footer.paragraphs[0].text.startswith(document.footer)


def test_each_chart_in_the_odt_is_a_figure_with_alternative_text_and_its_table_beside_it(document, files):
    content = odt_xml(files["odt"])
    frames = content.findall(".//draw:frame", ODF)
    charts = [e for e in elements(document) if isinstance(e, Chart)]
    assert len(frames) == len(charts)
    with zipfile.ZipFile(io.BytesIO(files["odt"])) as package:
        for frame, chart in zip(frames, charts, strict=True):
            assert frame.findtext("svg:title", namespaces=ODF) == chart.title
            description = frame.findtext("svg:desc", namespaces=ODF)
            drawing = package.read(frame.find("draw:image", ODF).get(f"{{{ODF['xlink']}}}href")).decode()
            for bar in chart.bars:
                assert f"{bar.label}: {bar.shown}" in description
                assert f">{bar.shown}<" in drawing  # every bar carries its number
            following = frame.getparent().getnext()
            assert following.tag == f"{{{ODF['table']}}}table"  # the text equivalent, right after the figure


@pytest.mark.parametrize("format", FORMATS)
def test_the_same_document_gives_the_same_bytes(document, files, format):
    assert FORMATS[format][0](document) == files[format]


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("title", [*NASTY_TITLES, "tab\tvertical tab\x0bnul\x00 form feed\x0c", "half \ud800 a pair"])
def test_what_people_typed_is_text_never_structure_and_never_breaks_the_file(rules, format, title):
    """A title or description with markup of any kind stays text; characters XML cannot hold are left out."""
    project = PROJECTS["marktplein"]
    report = advice_report(advise(rules, project.answers), rules, title, "nl", title)
    data = FORMATS[format][0](report)
    assert FORMATS[format][1](data) == list(headings(xml_safe(report)))
    assert FORMATS[format][4](data) == [text for text in texts(xml_safe(report)) if text]


def test_a_numbered_list_starts_at_one_in_word(rules):
    """Word counts on from an earlier list in the same style unless told; each numbered list is its own."""
    project = PROJECTS["marktplein"]
    report = advice_report(advise(rules, project.answers), rules, project.title)
    twice = Document("nl", "Twee keer", (*report.body, Part(report)), report.date, report.footer)
    numbers = [p._p.pPr.numPr.numId.val for p in docx_document(docx_of(twice)).paragraphs if p.style.name == "List Number"]
    assert len(set(numbers)) == 2


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed "
                    "(scripts/install-system-packages.sh installs libreoffice-writer-nogui)")
@pytest.mark.slow
@pytest.mark.parametrize("format", FORMATS)
def test_libreoffice_opens_the_file_and_makes_a_pdf_of_it(rules, tmp_path: Path, format):
    project = PROJECTS["marktplein"]
    report = advice_report(advise(rules, project.answers), rules, project.title, "nl", project.description)
    source = tmp_path / f"advies.{format}"
    source.write_bytes(FORMATS[format][0](report))
    # A profile of its own: a LibreOffice another engineer has open must not take the conversion over.
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "advies.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


# LibreOffice's PDF export with tags and PDF/UA on (its filter options as JSON, LibreOffice 7.4 and later).
TAGGED_PDF = ('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
              '"PDFUACompliance":{"type":"boolean","value":"true"}}')


@pytest.mark.skipif(shutil.which("libreoffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice or pdfinfo is not installed (scripts/install-system-packages.sh installs "
                           "libreoffice-writer-nogui and poppler-utils)")
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_libreoffice_makes_a_tagged_pdf_of_the_odt_with_its_structure(rules, tmp_path: Path, lang):
    """The ODT's structure is what LibreOffice needs for an accessible PDF (PDF/UA): the headings, list items and
    table header cells come out as tags, each chart as a Figure with its title as alternative text, in the
    document's language. (fpdf2, the PDF engine of ladder.reports.pdf, writes no such tags.)"""
    project = PROJECTS["marktplein"]
    report = advice_report(advise(rules, project.answers), rules, project.title, lang, project.description)
    source = tmp_path / "advies.odt"
    source.write_bytes(odt_of(report))
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", TAGGED_PDF, "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "advies.pdf"
    def pdfinfo(*options: str) -> str:
        return subprocess.run(["pdfinfo", *options, str(pdf)], check=True, capture_output=True, text=True).stdout

    assert re.search(r"^Tagged:\s+yes$", pdfinfo(), re.MULTILINE)
    assert "<pdfuaid:part>1</pdfuaid:part>" in pdfinfo("-meta")
    tags = [line.split()[0].rstrip(":") for line in pdfinfo("-struct").splitlines()]  # "TH:" when it has attributes
    levels = [level for level, _ in headings(report)]
    assert (tags.count("H1"), tags.count("H2")) == (levels.count(1), levels.count(2))
    assert tags.count("LI") == len(list_items(report))
    assert tags.count("TH") == sum(len(table[0]) for table in tables(report))
    data = pdf.read_bytes()
    assert re.findall(rb"/Lang\s*\(([^)]*)\)", data) == [LANGUAGE_TAGS[lang].encode()]
    alternatives = [bytes.fromhex(h.decode()).decode("utf-16") for h in re.findall(rb"/Alt\s*<([0-9A-Fa-f]+)>", data)]
    assert alternatives == [e.title for e in elements(report) if isinstance(e, Chart)]
