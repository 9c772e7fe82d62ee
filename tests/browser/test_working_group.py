"""A working group in real browsers: a facilitator and a member in separate sessions, meeting only in the database.

The facilitator's overview must show the member's submission by itself (auto-refresh), without a reload.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from browser.harness import AppServer, new_context, open_page

JOIN_CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
AUTO_REFRESH_WAIT_MS = 20_000  # the overview refreshes every 5 s; room for a busy 2-core machine


def _start_session(page: Page, url: str) -> str:
    open_page(page, url, "werkgroep")
    page.get_by_role("tab", name="Nieuwe sessie").click()
    page.get_by_label("Naam van het project").fill("Herinrichting Stationsplein")
    page.get_by_role("button", name="Sessie starten").click()
    code = page.get_by_text(JOIN_CODE).first
    expect(code).to_be_visible()
    return JOIN_CODE.search(code.inner_text()).group(0)


def _join_and_submit(page: Page, url: str, join_code: str) -> None:
    open_page(page, url, "werkgroep")
    page.get_by_label("Code van de sessie", exact=True).filter(visible=True).fill(join_code)  # tab Meedoen is open
    page.get_by_label("Uw naam", exact=True).filter(visible=True).fill("Anna")
    # inside a form: choosing does not run the script, so no rerun to wait for
    page.get_by_role("combobox", name="Uw rol in deze werkgroep").filter(visible=True).click()
    page.get_by_role("option", name="Inwoner", exact=True).click()
    page.get_by_role("button", name="Meedoen").click()
    submit = page.get_by_role("button", name="Antwoorden insturen")
    expect(submit).to_be_visible()
    submit.click()
    expect(page.get_by_text("U heeft uw antwoorden ingestuurd")).to_be_visible()


def test_the_facilitator_sees_a_members_submission_without_reloading(browser: Browser, app_server: AppServer) -> None:
    facilitator_context, member_context = new_context(browser), new_context(browser)
    try:
        facilitator = facilitator_context.new_page()
        join_code = _start_session(facilitator, app_server.url)
        expect(facilitator.get_by_text("0 van de 0 deelnemers")).to_be_visible()

        _join_and_submit(member_context.new_page(), app_server.url, join_code)

        # No click, no reload: the overview's own refresh brings the news
        expect(facilitator.get_by_text("1 van de 1 deelnemers hebben hun antwoorden ingestuurd")).to_be_visible(
            timeout=AUTO_REFRESH_WAIT_MS)
        expect(facilitator.get_by_role("cell", name="Anna").first).to_be_visible()
    finally:
        facilitator_context.close()
        member_context.close()
