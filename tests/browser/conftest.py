"""Fixtures for the browser tests: one app server and one browser for the whole session, a fresh page per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser.harness import (
    AppServer,
    chromium,
    missing_browser,
    new_context,
    running_app,
)

# Playwright waits 5 s by default; on a busy 2-core machine the app has twice needed longer to answer.
expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives a browser: `-m "not browser"` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_server() -> Iterator[AppServer]:
    with running_app() as server:
        yield server


@pytest.fixture(scope="session")
def app_url(app_server: AppServer) -> str:
    return app_server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, launched once."""
    if problem := missing_browser():
        pytest.fail(problem, pytrace=False)  # fail, never skip: a CI run without a browser must not pass silently
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def browser_context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Iterator[Page]:
    """A new tab: its own Streamlit session, as a new visitor has."""
    tab = browser_context.new_page()
    yield tab
    tab.close()
