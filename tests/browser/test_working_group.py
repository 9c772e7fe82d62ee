"""A working group in real browsers: a facilitator and a member in separate sessions, meeting only in the database.

The facilitator's overview must show the member's submission by itself (auto-refresh), without a reload, and so must
everything else the facilitator reads or downloads (the joint-answers form, the report). What people type (a title,
a name) is shown as typed: a web address in it never becomes a link for the others.
"""

from __future__ import annotations

import re

from conftest import BUNDLED
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser.harness import AppServer, download, expect_rerun, new_context, open_page, wait_for_app
from ladder.text import WORD_JOINER

JOIN_CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
MEMBER_CODE = re.compile(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}")
# A member's one answer: the first question, as the session's rules (Voorbeeldgemeente's) word it
INITIATOR = BUNDLED.load("voorbeeldgemeente").trait("initiatiefnemer")
PLAN_OF_THE_MUNICIPALITY = next(o.label.get("nl") for o in INITIATOR.options if o.id == "gemeente")
AUTO_REFRESH_WAIT_MS = 20_000  # the overview refreshes every 5 s; room for a busy 2-core machine


# Bare addresses, as GitHub's Markdown (and so Streamlit's) turns into links by itself
TITLE_WITH_LINKS = "Plein https://evil.example/titel en www.evil.example"
DESCRIPTION_WITH_LINKS = "Lees www.evil.example/uitleg of https://evil.example/uitleg, of mail info@evil.example."
NAME_WITH_LINKS = "Anna https://evil.example/anna www.evil.example anna@evil.example"
EVIL_LINK = "a[href*='evil.example']"


def _start_session(page: Page, url: str, title: str = "Herinrichting Stationsplein", description: str = "") -> str:
    open_page(page, url, "werkgroep")
    page.get_by_role("tab", name="Nieuwe sessie").click()
    page.get_by_label("Naam van het project").fill(title)
    if description:
        page.get_by_label("Korte beschrijving").fill(description)
    page.get_by_role("button", name="Sessie starten").click()
    code = page.get_by_text(JOIN_CODE).first
    expect(code).to_be_visible()
    return JOIN_CODE.search(code.inner_text()).group(0)


def _join_and_submit(page: Page, url: str, join_code: str, name: str = "Anna", *, answer: bool = False) -> None:
    """answer: the member answers the first question (the plan is the municipality's) before submitting."""
    open_page(page, url, "werkgroep")
    page.get_by_label("Code van de sessie", exact=True).filter(visible=True).fill(join_code)  # tab Meedoen is open
    page.get_by_label("Uw naam", exact=True).filter(visible=True).fill(name)
    # inside a form: choosing does not run the script, so no rerun to wait for
    page.get_by_role("combobox", name="Uw rol in deze werkgroep").filter(visible=True).click()
    page.get_by_role("option", name="Inwoner", exact=True).click()
    page.get_by_role("button", name="Meedoen").click()
    submit = page.get_by_role("button", name="Antwoorden insturen")
    expect(submit).to_be_visible()
    if answer:
        _choose(page, INITIATOR.question.get("nl"), PLAN_OF_THE_MUNICIPALITY)
    submit.click()
    expect(page.get_by_text("U heeft uw antwoorden ingestuurd")).to_be_visible()


# The charts whose legend lies over their x axis's numbers or title (it hid them when there were few rows)
LEGEND_OVER_AXIS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(plot => {
    const legend = plot.querySelector('.legend');
    if (!legend) return false;
    const l = legend.getBoundingClientRect();
    return [...plot.querySelectorAll('.xtick text, .xtitle')].some(t => { const r = t.getBoundingClientRect();
        return r.width > 0 && r.left < l.right && l.left < r.right && r.top < l.bottom && l.top < r.bottom; });
}).map(plot => (plot.querySelector('.gtitle') || {}).textContent)"""


def _choose(page: Page, question: str, option: str) -> None:
    """Choose in a selectbox; its list is opened again when it closed by itself (seen right after joining, when a
    late redraw closed the list that the first click opened)."""
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):
        wait_for_app(page)
        page.get_by_role("combobox", name=question).click()
        try:
            choice.wait_for(timeout=3_000)
            break
        except PlaywrightTimeout:
            continue
    with expect_rerun(page):
        choice.click()


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


def test_the_joint_form_follows_a_submission_and_keeps_what_the_facilitator_typed(browser: Browser,
                                                                                app_server: AppServer) -> None:
    facilitator_context, member_context = new_context(browser), new_context(browser)
    try:
        facilitator = facilitator_context.new_page()
        join_code = _start_session(facilitator, app_server.url)
        note = facilitator.get_by_label(re.compile("^Notitie bij")).first
        note.fill("Nog bespreken")  # inside the form: not sent until saved, and a redraw must not lose it
        _join_and_submit(member_context.new_page(), app_server.url, join_code, answer=True)
        expect(facilitator.get_by_text("1 van de 1 deelnemers hebben hun antwoorden ingestuurd")).to_be_visible(
            timeout=AUTO_REFRESH_WAIT_MS)
        expect(facilitator.get_by_text(f"De groep: {PLAN_OF_THE_MUNICIPALITY}").first).to_be_visible()
        wait_for_app(facilitator)
        expect(note).to_have_value("Nog bespreken")
        assert facilitator.evaluate(LEGEND_OVER_AXIS) == []  # "Wie antwoordde wat" among them
        _, report = download(facilitator, "Verslag downloaden (Markdown)")
        assert "Nog niemand stuurde antwoorden in" not in report.decode()
    finally:
        facilitator_context.close()
        member_context.close()


def test_the_report_is_made_from_what_is_stored_when_it_is_downloaded(browser: Browser, app_server: AppServer) -> None:
    facilitator_context, member_context = new_context(browser), new_context(browser)
    try:
        facilitator = facilitator_context.new_page()
        join_code = _start_session(facilitator, app_server.url)
        with expect_rerun(facilitator):  # no refresh by itself: only the download can know of the submission
            facilitator.get_by_text("Elke 5 seconden bijwerken").click()
        _join_and_submit(member_context.new_page(), app_server.url, join_code)
        _, report = download(facilitator, "Verslag downloaden (Markdown)")
        assert "Nog niemand stuurde antwoorden in" not in report.decode()
        assert "1 deelnemer" in report.decode()
    finally:
        facilitator_context.close()
        member_context.close()


def test_a_reload_keeps_the_facilitator_and_the_member_in(browser: Browser, app_server: AppServer) -> None:
    facilitator_context, member_context = new_context(browser), new_context(browser)
    try:
        facilitator = facilitator_context.new_page()
        join_code = _start_session(facilitator, app_server.url)
        member = member_context.new_page()
        _join_and_submit(member, app_server.url, join_code)
        personal_code = MEMBER_CODE.search(member.locator("body").text_content() or "").group(0)  # in a closed box
        for page in (facilitator, member):
            wait_for_app(page)
            page.reload()  # F5: a new Streamlit session, which forgets everything the old one held
            wait_for_app(page)
        expect(member.get_by_text("U doet mee als Anna (Inwoner).")).to_be_visible()
        expect(member.get_by_text("U heeft uw antwoorden ingestuurd op")).to_be_visible()
        expect(facilitator.get_by_role("heading", name="Herinrichting Stationsplein")).to_be_visible()
        expect(facilitator.get_by_text(join_code, exact=True)).to_be_visible()  # the join code can be shown again
        # Remembered in cookies only this installation reads; no code in an address anyone could see
        for page, code in ((member, personal_code), (facilitator, join_code)):
            assert code not in page.url
        cookies = {c["name"]: c for c in member_context.cookies()}
        assert cookies["ladder_wg_member"]["sameSite"] == "Strict"

        # Stopping on this device forgets the code here for good, also after a reload
        with expect_rerun(member):
            member.get_by_role("button", name="Stoppen op dit apparaat").click()
        member.reload()
        wait_for_app(member)
        expect(member.get_by_role("tab", name="Meedoen")).to_be_visible()
        assert "ladder_wg_member" not in {c["name"] for c in member_context.cookies()}
    finally:
        facilitator_context.close()
        member_context.close()


def test_web_addresses_people_type_are_never_links(browser: Browser, app_server: AppServer) -> None:
    facilitator_context, member_context = new_context(browser), new_context(browser)
    try:
        facilitator = facilitator_context.new_page()
        join_code = _start_session(facilitator, app_server.url, TITLE_WITH_LINKS, DESCRIPTION_WITH_LINKS)
        member = member_context.new_page()
        _join_and_submit(member, app_server.url, join_code, NAME_WITH_LINKS)
        expect(facilitator.get_by_text("1 van de 1 deelnemers hebben hun antwoorden ingestuurd")).to_be_visible(
            timeout=AUTO_REFRESH_WAIT_MS)
        wait_for_app(member)
        wait_for_app(facilitator)
        for page in (facilitator, member):
            # shown as typed (the word joiners that break the addresses are invisible): the title, the description,
            # and the member's name (the facilitator's table; "U doet mee als" for the member)
            heading = page.get_by_role("heading", level=2).first.inner_text().replace(WORD_JOINER, "")
            assert heading == TITLE_WITH_LINKS
            shown = page.locator("body").inner_text().replace(WORD_JOINER, "")
            assert DESCRIPTION_WITH_LINKS in shown and NAME_WITH_LINKS in shown
            links = page.locator(EVIL_LINK)
            assert links.count() == 0, [links.nth(i).get_attribute("href") for i in range(links.count())]
    finally:
        facilitator_context.close()
        member_context.close()
