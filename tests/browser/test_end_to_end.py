"""The real app in a real browser: every page opens in both languages, passes axe-core, and works with the keyboard.

One Streamlit server and one headless chromium serve the whole session (tests/browser/conftest.py). Opening a page
costs most of the time, so the Dutch checks of a page share one opening, each reported as a subtest of its own.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Page, expect

from browser.harness import APP_ERROR, PAGES, AppServer, check_axe, open_page

TITLES = {"start": {"nl": "Start", "en": "Start"}, "advies": {"nl": "Advies", "en": "Advice"},
          "de_ladder": {"nl": "De ladder", "en": "The ladder"}, "regels": {"nl": "Regels", "en": "Rules"},
          "werkgroep": {"nl": "Werkgroep", "en": "Working group"}, "register": {"nl": "Register", "en": "Register"},
          "plan": {"nl": "Plan en verslag", "en": "Plan and report"}, "netwerk": {"nl": "Netwerk", "en": "Network"},
          "vergelijken": {"nl": "Vergelijken", "en": "Compare"}, "portfolio": {"nl": "Portfolio", "en": "Portfolio"}}
MAX_TABS = 30
# Where the keyboard focus is. The page's own content lies in the main block container; stMain, around it, is a
# scrollable region that chromium also stops at.
FOCUS = """() => {
    const e = document.activeElement, r = e.getBoundingClientRect();
    return {tag: e.tagName, testid: e.closest('[data-testid]')?.dataset.testid ?? null,
            name: (e.getAttribute('aria-label') || e.innerText || '').slice(0, 40),
            in_app: e.closest("[data-testid='stApp']") !== null, in_main: e.closest("[data-testid='stMain']") !== null,
            in_content: e.closest("[data-testid='stMainBlockContainer']") !== null,
            box: [r.left, r.top, r.right, r.bottom]};
}"""


def _check_opened(page: Page, app_server: AppServer, title: str) -> None:
    errors = page.locator(APP_ERROR).all_inner_texts()
    # The page shows only the error's type (client.showErrorDetails); the traceback is in the server's output
    assert not errors, "\n".join([*errors, "Server output (end):", app_server.output()[-4000:]])
    # Streamlit puts a dialog such as "Page not found" over the page; nothing should pop up when a link opens
    assert not page.get_by_role("dialog").all_inner_texts()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def _screen(page: Page, area: tuple[int, int, int, int] | None = None) -> Image.Image:
    clip = area and {"x": area[0], "y": area[1], "width": area[2] - area[0], "height": area[3] - area[1]}
    return Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("RGB")


def _focus_shows(page: Page, unfocused: Image.Image, box: list[float], margin: int = 6) -> bool:
    """Whether the pixels around the focused element differ from before any focus (outline, ring, background...)."""
    left, top, right, bottom = box
    area = (max(0, int(left) - margin), max(0, int(top) - margin),
            min(unfocused.width, int(right) + margin), min(unfocused.height, int(bottom) + margin))
    return ImageChops.difference(unfocused.crop(area), _screen(page, area)).getbbox() is not None


def _check_tab_reaches_the_content(page: Page) -> None:
    """From the top, Tab moves through the app to the page's content, and every stop shows where the focus is."""
    unfocused = _screen(page)
    stops: list[dict] = []
    while not (stops and stops[-1]["in_content"]):
        assert len(stops) < MAX_TABS, f"{MAX_TABS} presses of Tab did not reach the page's content: {stops}"
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS)
        assert stop["in_app"], f"Tab left the app: {stop}"
        assert not stops or stop != stops[-1], f"Tab did not move the focus from {stop}"
        assert _focus_shows(page, unfocused, stop["box"]), f"no visible focus indicator on {stop}"
        stops.append(stop)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_in_dutch(page: Page, app_server: AppServer, name: str, subtests: pytest.Subtests) -> None:
    open_page(page, app_server.url, PAGES[name])  # no `lang`: Dutch is the default
    with subtests.test("opens without an error"):
        _check_opened(page, app_server, TITLES[name]["nl"])
    with subtests.test("passes axe-core (WCAG 2.1 A/AA)"):
        check_axe(page)
    with subtests.test("Tab reaches the content with a visible focus"):
        _check_tab_reaches_the_content(page)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_in_english(page: Page, app_server: AppServer, name: str) -> None:
    open_page(page, app_server.url, PAGES[name], lang="en")
    _check_opened(page, app_server, TITLES[name]["en"])


def test_the_skip_link_moves_the_focus_to_the_main_content(page: Page, app_url: str) -> None:
    open_page(page, app_url, PAGES["regels"])
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS)["testid"] == "stSkipToContent"
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUS)["in_main"]


# Streamlit serves <html lang="en"> whatever the page's language; app.py corrects it
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_declares_its_language(page: Page, app_url: str, lang: str) -> None:
    open_page(page, app_url, PAGES["start"], lang=lang)
    assert page.evaluate("document.documentElement.lang") == lang
