"""The advice as documents: `render` gives one advice in any format a reader can ask for.

Each format renders the same Document (ladder.reports.document), built once by ladder.reports.advice_document:
plain text and Markdown the full report, PDF the participatieparagraaf. JSON is the Advice itself, in full.
"""

from __future__ import annotations

from typing import Literal

from ladder.engine.advice import Advice
from ladder.reports.markdown import render_markdown
from ladder.reports.plain_text import render_text
from ladder.rules.model import RuleSet

Format = Literal["text", "md", "pdf", "json"]
FORMATS: tuple[Format, ...] = ("text", "md", "pdf", "json")


def render(advice: Advice, rule_set: RuleSet, title: str, format: Format = "text", lang: str = "nl",
           description: str = "") -> str | bytes:
    """The advice as text, Markdown or JSON (str), or as a PDF (bytes). Plain text leaves out the description."""
    if format == "text":
        return render_text(advice, rule_set, title, lang)
    if format == "md":
        return render_markdown(advice, rule_set, title, lang, description)
    if format == "pdf":
        # fpdf takes a third of a second to import: only a PDF needs it, not every command that imports reports
        from ladder.reports.pdf import render_pdf

        return render_pdf(advice, rule_set, title, lang, description)
    if format == "json":
        return advice.to_json()
    raise ValueError(f"unknown report format '{format}'; choose from {', '.join(FORMATS)}")
