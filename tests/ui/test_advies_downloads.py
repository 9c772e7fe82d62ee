"""The Advies page's download area offers the advice as the editable ODT and DOCX too, beside the PDF, Markdown and
JSON, labelled in the page's language."""

from __future__ import annotations

import pytest
from conftest import golden_answers
from test_page_advies import linked

LABELS = {
    "nl": ["Download PDF (participatieparagraaf)", "Download Markdown", "Download JSON (alle gegevens)",
           "Download ODT (bewerkbaar, OpenDocument)", "Download Word (DOCX, bewerkbaar)"],
    "en": ["Download PDF (participation paragraph)", "Download Markdown", "Download JSON (all data)",
           "Download ODT (editable, OpenDocument)", "Download Word (DOCX, editable)"],
}


@pytest.mark.parametrize("lang", LABELS)
def test_the_advice_downloads_as_odt_and_docx_beside_pdf_markdown_and_json(open_app, lang):
    at = open_app("advies", lang=lang, **linked(golden_answers("04")))
    labels = [b.proto.label for b in at.get("download_button") if b.proto.label.startswith("Download ")]
    assert labels == LABELS[lang]
