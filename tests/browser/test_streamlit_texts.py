"""Streamlit's own widget texts speak the page's language (ui/streamlit_texts.py): on a Dutch page no "Select all",
"Help for …" or "per file"; an English page keeps them. A Streamlit upgrade that renames one fails here."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.harness import open_options, open_page

LABELS = "() => [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))"
UPLOADER = "[data-testid='stFileUploader']"


def test_a_dutch_page_has_no_english_widget_texts(page: Page, app_url: str) -> None:
    open_page(page, app_url, "netwerk")
    labels = page.evaluate(LABELS)
    assert not [a for a in labels if a.startswith("Help for") or "sidebar" in a], labels
    assert "Uitleg bij Regio" in labels
    open_options(page, "Met welke onderwerpen zoekt u hulp?")
    expect(page.get_by_role("option").first).to_have_text("Alles kiezen")
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_attached()

    open_page(page, app_url, "regels")
    uploader = page.locator(UPLOADER).first
    expect(uploader).to_contain_text("per bestand")
    assert not re.search(r"per file|Drag and drop|Browse files|\bUpload\b", uploader.inner_text())


def test_an_english_page_keeps_them(page: Page, app_url: str) -> None:
    open_page(page, app_url, "regels", lang="en")
    expect(page.locator(UPLOADER).first).to_contain_text("per file")
    assert any(a.startswith("Help for") for a in page.evaluate(LABELS))
