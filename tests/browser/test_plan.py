"""From a register entry to an adopted plan and later its verslag, in a real browser: the draft from the advice,
saving versions, the documents, and the page at phone width with axe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from golden.cases import golden_answers
from playwright.sync_api import Browser, Page, expect

from browser.harness import AppServer, check_axe, download, new_context, open_page, running_app
from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set
from storage.database import open_database
from storage.register import NewEntry, save_entry

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def plan_app(tmp_path_factory) -> Iterator[AppServer]:
    """An app whose register holds one project: a square's redesign (golden 04), number 1."""
    url = f"sqlite:///{tmp_path_factory.mktemp('plan') / 'ladder.db'}"
    db = open_database(url)
    rules = load_rule_set(ROOT / "municipalities" / "voorbeeldgemeente.yaml")
    advice = advise(rules, golden_answers("04"))
    save_entry(db, NewEntry("Herinrichting Stationsplein", dt.date(2026, 12, 1), advice.recommended), advice, rules)
    db.dispose()
    with running_app(env={"LADDER_DATABASE_URL": url}) as server:
        yield server


def test_a_civil_servant_goes_from_the_advice_to_a_plan_and_a_verslag(plan_app: AppServer, page: Page) -> None:
    open_page(page, plan_app.url, "plan", nummer="1")
    expect(page.get_by_text("Dit is een eerste opzet, ingevuld uit het advies.")).to_be_visible()
    check_axe(page)
    page.get_by_role("textbox", name="Wie besluit").fill("De gemeenteraad, in juni 2027")
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.get_by_text("Het plan is bewaard als versie 1.")).to_be_visible()
    name, pdf = download(page, "Download als PDF")
    assert (name, pdf[:5]) == ("participatieplan-1.pdf", b"%PDF-")
    _, markdown = download(page, "Download als Markdown")
    assert "De gemeenteraad, in juni 2027" in markdown.decode() and "# Herinrichting Stationsplein" in markdown.decode()

    page.get_by_role("tab", name="Verslag").click()
    page.get_by_role("textbox", name="Wat eruit kwam").fill("Meer groen en een speelplek.")
    page.get_by_role("button", name="Verslag bewaren").click()
    expect(page.get_by_text("Het verslag is bewaard als versie 1.")).to_be_visible()
    page.get_by_role("tab", name="Verslag").click()
    _, report = download(page, "Download als Markdown")
    assert "Meer groen en een speelplek." in report.decode()


def test_the_plan_page_works_at_phone_width(plan_app: AppServer, browser: Browser) -> None:
    context = new_context(browser)
    page = context.new_page()
    page.set_viewport_size(PHONE)
    try:
        open_page(page, plan_app.url, "plan", nummer="1", lang="en")
        expect(page.get_by_role("heading", level=1)).to_have_text("Plan and report")
        expect(page.get_by_role("textbox", name="The question to the participants")).to_be_visible()
        check_axe(page)
    finally:
        context.close()
