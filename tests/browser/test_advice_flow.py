"""A civil servant's path in a real browser: answer questions, read the advice, share the link, download the PDF."""

from __future__ import annotations

import re

from conftest import BUNDLED
from playwright.sync_api import Page, expect

from browser.harness import download, open_page, select_option, wait_for_app
from ladder.engine.advisor import advise
from ladder.reports.sentences import Labels, advised_form
from ui.views.questions import QUESTIONS_PER_STEP

# A square's redesign, answered only as far as the tool needs for a (provisional) advice: single-choice questions
ANSWERS = {"initiatiefnemer": "gemeente", "beleidsruimte": "ruim", "soort_opgave": "ontwerp", "ingrijpendheid": "hoog",
           "conflict": "laag"}


def _headline(page: Page, expected: str):
    return page.get_by_role("heading", level=3, name=expected)


def test_answering_sharing_and_downloading_the_advice(page: Page, app_url: str) -> None:
    rule_set = BUNDLED.load("voorbeeldgemeente")
    advice = advise(rule_set, ANSWERS)
    assert advice.status != "onvoldoende", "the answers must be enough for an advice"
    expected = advised_form(advice, Labels(rule_set, "nl"))
    open_page(page, app_url, "advies")
    order = [t.id for t in rule_set.traits]
    for trait_id, option_id in ANSWERS.items():
        trait = rule_set.trait(trait_id)
        # Switching a tab happens in the browser only; no script run to wait for
        page.get_by_role("tab", name=f"Stap {order.index(trait_id) // QUESTIONS_PER_STEP + 1}", exact=True).click()
        label = next(o.label.get("nl") for o in trait.options if o.id == option_id)
        select_option(page, trait.question.get("nl"), label)
    expect(_headline(page, expected)).to_have_text(expected)

    # The address bar now holds the answers: a colleague opening it in a new session sees the same advice
    shared = page.url
    assert all(f"{k}={v}" in shared for k, v in ANSWERS.items()), shared
    colleague = page.context.new_page()
    colleague.goto(shared)
    wait_for_app(colleague)
    expect(_headline(colleague, expected)).to_have_text(expected)
    colleague.close()

    page.get_by_role("tab", name="Delen en downloaden").click()
    name, pdf = download(page, "Download PDF (participatieparagraaf)")
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF")
    assert 1 <= len(re.findall(rb"/Type /Page\b(?!s)", pdf)) <= 2
