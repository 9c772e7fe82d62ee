"""The participation network in a real browser: an initiative in Leusden finds an expert from Amersfoort, who
accepts in another browser; both pages pass axe."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.harness import AppServer, check_axe, new_context, open_options, open_page, running_app
from ladder.network.model import Expert
from storage.audit import LOCAL
from storage.database import open_database
from storage.network import save_profile

EXPERT = Expert(id="lokaal", name="Zara (energie)", municipality="amersfoort", areas=frozenset({"energie"}),
                hours_per_month=8, outside_own=True)


@pytest.fixture(scope="module")
def network_app(tmp_path_factory) -> Iterator[AppServer]:
    """An app whose network has one expert from Amersfoort (the laptop's one person, so the expert tabs are theirs)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('netwerk') / 'ladder.db'}"
    db = open_database(url)
    save_profile(db, EXPERT, actor=LOCAL)
    db.dispose()
    with running_app(env={"LADDER_DATABASE_URL": url}) as server:
        yield server


def _choose(page: Page, label: str, option: str) -> None:
    """A select box or multiselect inside a form (no rerun until the form is sent)."""
    open_options(page, label)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def test_an_initiative_finds_an_expert_from_another_municipality_who_accepts(network_app: AppServer, page: Page,
                                                                            browser: Browser) -> None:
    open_page(page, network_app.url, "netwerk")
    check_axe(page)
    page.get_by_role("textbox", name="Naam van het initiatief").fill("Zon op de school")
    _choose(page, "In welke gemeente?", "Leusden (illustratie): Samenleving Voorop")
    _choose(page, "Met welke onderwerpen zoekt u hulp?", "Energie")
    page.get_by_role("button", name="Initiatief aanmelden").click()
    expect(page.get_by_text("Uw initiatief is aangemeld.")).to_be_visible()
    page.get_by_role("tab", name="Terugkomen").click()
    expect(page.get_by_text("werkt bij een andere gemeente, dus helpt onafhankelijk")).to_be_visible()
    page.get_by_role("button", name="Om hulp vragen").click()
    expect(page.get_by_text("Uw vraag is verstuurd naar Zara (energie).")).to_be_visible()

    context = new_context(browser)  # the expert, in a browser of their own
    expert = context.new_page()
    try:
        open_page(expert, network_app.url, "netwerk")
        expert.get_by_role("tab", name="Verzoeken aan mij").click()
        expect(expert.get_by_text("Zon op de school")).to_be_visible()
        expert.get_by_role("button", name="Ik help").click()
        expect(expert.get_by_text("U helpt dit initiatief. Het initiatief ziet dat.")).to_be_visible()
    finally:
        context.close()


def test_the_scan_tab_passes_axe_with_its_statements(network_app: AppServer, page: Page) -> None:
    open_page(page, network_app.url, "netwerk")
    page.get_by_role("tab", name="Netwerkpartner-scan").click()
    expect(page.get_by_text("Een nieuwe scan beginnen (begeleider)")).to_be_visible()
    page.get_by_text("Een nieuwe scan beginnen (begeleider)").click()
    page.get_by_role("textbox", name="Naam van de scan").fill("Scan 2026")
    page.get_by_role("button", name="Scan beginnen").click()
    expect(page.get_by_text("Deze codes ziet u maar één keer.")).to_be_visible()
    join_code = page.locator("[data-testid='stCode']").first.inner_text().strip()
    page.get_by_role("textbox", name="Code", exact=True).fill(join_code)
    open_options(page, "Uw rol")
    page.get_by_role("option", name="Ambtenaar", exact=True).click()  # no Escape: it would clear a box without default
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_text("Werken met wat er is").first).to_be_visible()
    check_axe(page)
