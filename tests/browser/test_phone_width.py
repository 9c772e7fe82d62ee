"""On a phone (390 x 844) the page itself comes first: the sidebar waits behind its button instead of covering it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from browser.harness import new_context, open_page

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def _covered(page, name: str) -> bool:
    """True when something else lies on top of the middle of the heading (an open sidebar over the page)."""
    return not page.get_by_role("heading", level=1, name=name).evaluate(
        """h => { const r = h.getBoundingClientRect();
                  const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
                  return h.contains(top); }""")


@pytest.mark.parametrize(("viewport", "sidebar_open"), [(PHONE, False), (LAPTOP, True)], ids=["phone", "laptop"])
def test_the_first_visit_shows_the_page_and_keeps_the_sidebar_one_tap_away(browser: Browser, app_url: str,
                                                                           viewport, sidebar_open) -> None:
    context = new_context(browser)
    try:
        page = context.new_page()
        page.set_viewport_size(viewport)
        open_page(page, app_url, "advies")
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar).to_have_attribute("data-collapsed", "false" if sidebar_open else "true")
        assert not _covered(page, "Advies")
        if not sidebar_open:  # the language and the municipality are still there, behind the sidebar's button
            page.get_by_test_id("stExpandSidebarButton").click()
            expect(sidebar.get_by_text("Taal / Language")).to_be_visible()
    finally:
        context.close()


# Every chip inside the field's box: Streamlit's one scrolling line cut the first one off at the left
CHIPS_OUTSIDE = """field => { const box = field.getBoundingClientRect();
    return [...field.querySelectorAll('[data-tag]')].filter(chip => { const r = chip.getBoundingClientRect();
        return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom; })
        .map(chip => chip.getAttribute('aria-label')); }"""


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_every_chosen_phase_shows_whole(browser: Browser, app_url: str, viewport) -> None:
    context = new_context(browser)
    try:
        page = context.new_page()
        page.set_viewport_size(viewport)
        open_page(page, app_url, "advies", fase="agenda,voorbereiding,besluitvorming,uitvoering")
        field = page.get_by_test_id("stMultiSelectTagsContainer").filter(has_text="Agenda")
        expect(field.locator("[data-tag]")).to_have_count(4)
        assert field.evaluate(CHIPS_OUTSIDE) == []
    finally:
        context.close()
