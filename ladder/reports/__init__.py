"""The advice as documents: `render` gives one advice in any format a reader can ask for.

Each format renders the same Document (ladder.reports.document), built once by ladder.reports.advice_document:
plain text, Markdown and the editable ODT and DOCX the full report, PDF the participatieparagraaf. JSON is the
Advice itself, in full.
"""

from __future__ import annotations

from typing import Literal

from ladder.engine.advice import Advice
from ladder.reports.markdown import render_markdown
from ladder.reports.plain_text import render_text
from ladder.rules.model import RuleSet

Format = Literal["text", "md", "pdf", "odt", "docx", "json"]
FORMATS: tuple[Format, ...] = ("text", "md", "pdf", "odt", "docx", "json")


def render(advice: Advice, rule_set: RuleSet, title: str, format: Format = "text", lang: str = "nl",
           description: str = "") -> str | bytes:
    """The advice as text, Markdown or JSON (str), or as a PDF, ODT or DOCX (bytes). Plain text leaves out the
    description."""
    if format == "text":
        return render_text(advice, rule_set, title, lang)
    if format == "md":
        return render_markdown(advice, rule_set, title, lang, description)
    # fpdf, odfdo and python-docx take a while to import: only their own format needs them, not every command
    if format == "pdf":
        from ladder.reports.pdf import render_pdf

        return render_pdf(advice, rule_set, title, lang, description)
    if format == "odt":
        from ladder.reports.odt import render_odt

        return render_odt(advice, rule_set, title, lang, description)
    if format == "docx":
        from ladder.reports.docx import render_docx

        return render_docx(advice, rule_set, title, lang, description)
    if format == "json":
        return advice.to_json()
    raise ValueError(f"unknown report format '{format}'; choose from {', '.join(FORMATS)}")
