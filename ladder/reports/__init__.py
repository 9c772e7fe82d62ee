"""The advice as documents: `render` gives one advice in any format a reader can ask for.

Each format renders the same Document (ladder.reports.document), built once by ladder.reports.advice_document:
plain text, Markdown and the editable ODT and DOCX the full report, PDF the participatieparagraaf. JSON is the
Advice itself, in full.
"""

from __future__ import annotations

from typing import Literal

from ladder.engine.advice import Advice
from ladder.reports.advice_document import advice_report
from ladder.reports.document import Document
from ladder.reports.markdown import markdown_of, render_markdown
from ladder.reports.plain_text import render_text
from ladder.rules.model import RuleSet

Format = Literal["text", "md", "pdf", "odt", "docx", "json"]
FORMATS: tuple[Format, ...] = ("text", "md", "pdf", "odt", "docx", "json")
FileFormat = Literal["odt", "docx", "pdf", "md"]  # a Document as a file: the editable ones first
MEDIA_TYPES: dict[FileFormat, str] = {
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown",
}
DOCUMENT_PDF_PAGES = 12  # a plan or verslag with long texts still fits; the PDF renderer refuses more


def document_file(document: Document, format: FileFormat, pdf_pages: int = DOCUMENT_PDF_PAGES) -> bytes:
    """Any Document (a plan, a verslag, a report) as a file in `format`."""
    # fpdf, odfdo and python-docx take a while to import: only their own format needs them, not every command
    if format == "odt":
        from ladder.reports.odt import odt_of

        return odt_of(document)
    if format == "docx":
        from ladder.reports.docx import docx_of

        return docx_of(document)
    if format == "pdf":
        from ladder.reports.pdf import pdf_of

        return pdf_of(document, pdf_pages)[0]
    if format == "md":
        return markdown_of(document).encode("utf-8")
    raise ValueError(f"unknown document format '{format}'; choose from {', '.join(MEDIA_TYPES)}")


def render(advice: Advice, rule_set: RuleSet, title: str, format: Format = "text", lang: str = "nl",
           description: str = "") -> str | bytes:
    """The advice as text, Markdown or JSON (str), or as a PDF, ODT or DOCX (bytes). Plain text leaves out the
    description."""
    if format == "text":
        return render_text(advice, rule_set, title, lang)
    if format == "md":
        return render_markdown(advice, rule_set, title, lang, description)
    if format == "pdf":  # the participatieparagraaf: its own layout on paper, not the full report
        from ladder.reports.pdf import render_pdf

        return render_pdf(advice, rule_set, title, lang, description)
    if format in ("odt", "docx"):
        return document_file(advice_report(advice, rule_set, title, lang, description), format)
    if format == "json":
        return advice.to_json()
    raise ValueError(f"unknown report format '{format}'; choose from {', '.join(FORMATS)}")
